import type { HearingSummary } from '../../shared/domain/hearing';
import { brusselsDate, formatIsoDate } from '../../shared/domain/dates';
import { brusselsToday } from '../format/dates';

/**
 * Hearings planned and not yet recorded, from today on, one list per day in Brussels time,
 * today first. Nothing when none is planned.
 */
export function plannedDays(
  hearings: HearingSummary[],
  now: Date = new Date(),
): Array<{ day: string; hearings: HearingSummary[] }> {
  const today = brusselsToday(now);
  const byDay = new Map<string, HearingSummary[]>();
  for (const h of hearings) {
    if (h.plannedAt === null || h.status !== 'draft') continue;
    const day = formatIsoDate(brusselsDate(new Date(h.plannedAt)));
    if (day < today) continue;
    byDay.set(day, [...(byDay.get(day) ?? []), h]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => ({
      day,
      hearings: list.sort((a, b) => Date.parse(a.plannedAt ?? '') - Date.parse(b.plannedAt ?? '')),
    }));
}
