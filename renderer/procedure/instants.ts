import { hearingTimeZone } from '../format/dates';

/**
 * Moments typed in a date-and-time field. The form holds a wall-clock time without a zone
 * (`2026-03-15T09:30`, see date-fields.ts for how it is typed), while the record keeps instants
 * with their offset. The hearings take place in Belgium and the written record gives every time
 * in Belgian time, so a typed time is read as Brussels time whatever the computer's own zone.
 */

const localInput = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const brusselsParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: hearingTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClockInBrussels(epochMs: number): WallClock {
  const parts = brusselsParts.formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** Brussels' offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutesAt(epochMs: number): number {
  const wall = wallClockInBrussels(Math.floor(epochMs / 1000) * 1000);
  return Math.round((asUtc(wall) - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The instant meant by a Brussels wall-clock time (`2026-03-15T09:30`), as ISO 8601
 * with its offset (`2026-03-15T09:30:00+01:00`); null if the text is not a real date and time.
 * A time skipped when the clocks go forward is read one hour later (02:30 becomes 03:30); a time
 * that happens twice when they go back is read as the first (summer time).
 */
export function brusselsInputToInstant(value: string): string | null {
  const m = localInput.exec(value.trim());
  if (!m) return null;
  const wall: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  if (wall.month < 1 || wall.month > 12 || wall.hour > 23 || wall.minute > 59) return null;
  if (wall.second > 59 || wall.day < 1) return null;
  const naive = asUtc(wall);
  const check = new Date(naive);
  if (check.getUTCDate() !== wall.day || check.getUTCMonth() !== wall.month - 1) return null;

  // Try the offsets in force just before and just after that wall-clock time: the earlier
  // (summer) reading wins where both fit, and neither fits in the hour the clocks skip.
  const candidates = [offsetMinutesAt(naive - 3 * 3600_000), offsetMinutesAt(naive + 3 * 3600_000)]
    .sort((a, b) => b - a)
    .filter((offset, i, all) => all.indexOf(offset) === i);
  for (const offset of candidates) {
    const instant = naive - offset * 60_000;
    if (asUtc(wallClockInBrussels(instant)) === naive) return isoWithOffset(instant, offset);
  }
  const skipped = naive - Math.min(...candidates) * 60_000;
  return isoWithOffset(skipped, offsetMinutesAt(skipped));
}

function isoWithOffset(epochMs: number, offsetMinutes: number): string {
  const w = wallClockInBrussels(epochMs);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${offsetText(offsetMinutes)}`;
}

/** An instant as a Brussels wall-clock time (`2026-03-15T09:30`); '' if unreadable. */
export function instantToBrusselsInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallClockInBrussels(ms);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** Now, as a Brussels wall-clock time to the minute, as the field shows it. */
export function nowAsBrusselsInput(now: Date = new Date()): string {
  return instantToBrusselsInput(now.toISOString());
}
