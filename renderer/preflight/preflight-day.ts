import { brusselsToday } from '../format/dates';

const storageKey = 'hearingRoom.preflight';

/** The last pre-flight check on this computer: its day, its time, and whether it passed. */
export interface PreflightRecord {
  day: string;
  at: string;
  passed: boolean;
}

/** Today's pre-flight check, if one was run today: a check from another day counts for nothing. */
export function preflightToday(now: Date = new Date()): PreflightRecord | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as unknown;
    if (typeof stored !== 'object' || stored === null) return null;
    const record = stored as Partial<PreflightRecord>;
    if (
      record.day !== brusselsToday(now) ||
      typeof record.at !== 'string' ||
      typeof record.passed !== 'boolean'
    )
      return null;
    return { day: record.day, at: record.at, passed: record.passed };
  } catch {
    return null;
  }
}

export function rememberPreflight(passed: boolean, now: Date = new Date()): PreflightRecord {
  const record = { day: brusselsToday(now), at: now.toISOString(), passed };
  try {
    localStorage.setItem(storageKey, JSON.stringify(record));
  } catch {
    // Without storage the result lasts as long as the window.
  }
  return record;
}
