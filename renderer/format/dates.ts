import {
  brusselsDate,
  compareDates,
  formatIsoDate,
  parseIsoDate,
  type CalendarDate,
} from '../../shared/domain/dates';

/**
 * Every date and time the page shows, in one place. The hearings take place in Belgium and the
 * written record gives Belgian time, so every moment is shown in Brussels time, whatever zone
 * the computer is set to, and in the reader's language (`locale` is one of formatLocale's:
 * nl-BE, fr-BE, de-BE, en-GB), always on the 24-hour clock.
 */
export const hearingTimeZone = 'Europe/Brussels';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and the event list formats many times: one per options. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hourCycle: 'h23', ...options });
    formats.set(key, format);
  }
  return format;
}

function instantMs(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * A calendar date (YYYY-MM-DD) in the reader's language. Calendar dates have no time zone, so
 * they are formatted as UTC midnight to keep the day from shifting.
 */
export function formatCalendarDate(iso: string, locale: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return formatter(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    Date.UTC(date.year, date.month - 1, date.day),
  );
}

/**
 * Brussels' offset from UTC at an instant, as `UTC+1` (winter) or `UTC+2` (summer): beside a full
 * date and time it says which of the two an hour is, on the night the clocks go back.
 */
export function brusselsOffset(ms: number): string {
  const name =
    formatter('en-GB', { timeZone: hearingTimeZone, timeZoneName: 'shortOffset', hour: 'numeric' })
      .formatToParts(ms)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  const offset = /[+-]\d{1,2}(?::\d{2})?/.exec(name)?.[0];
  return offset ? `UTC${offset}` : 'UTC';
}

/**
 * A moment stored for good (a recording's start, a seal, a check), with its date, its time to
 * the second and its offset: `28 Nov 2026, 10:15:06 (UTC+1)`.
 */
export function formatInstant(iso: string, locale: string): string {
  const ms = instantMs(iso);
  if (ms === null) return iso;
  const text = formatter(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: hearingTimeZone,
  }).format(ms);
  return `${text} (${brusselsOffset(ms)})`;
}

/** A wall-clock time of day in Brussels (`14:05:09`), for moments of the hearing being held. */
export function formatBrusselsTime(iso: string, locale: string): string {
  const ms = instantMs(iso);
  if (ms === null) return iso;
  return formatter(locale, { timeStyle: 'medium', timeZone: hearingTimeZone }).format(ms);
}

/** A time of day in Brussels to the minute (`14:05`), for times given only roughly. */
export function formatBrusselsClock(iso: string, locale: string): string {
  const ms = instantMs(iso);
  if (ms === null) return iso;
  return formatter(locale, { timeStyle: 'short', timeZone: hearingTimeZone }).format(ms);
}

/** A date and time in Brussels to the minute, as a person typed it in the record. */
export function formatBrusselsDateTime(iso: string, locale: string): string {
  const ms = instantMs(iso);
  if (ms === null) return iso;
  return formatter(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: hearingTimeZone,
  }).format(ms);
}

/** Today's date in Brussels, as an ISO calendar date (YYYY-MM-DD). */
export function brusselsToday(now: Date = new Date()): string {
  return formatIsoDate(brusselsDate(now));
}

/** Whole years between a date of birth and a later date, or null if either is not a date. */
export function ageOn(dateOfBirth: string, on: string): number | null {
  const birth = parseIsoDate(dateOfBirth);
  const day = parseIsoDate(on);
  if (!birth || !day || compareDates(birth, day) > 0) return null;
  const birthdayThatYear: CalendarDate = { year: day.year, month: birth.month, day: birth.day };
  return day.year - birth.year - (compareDates(day, birthdayThatYear) < 0 ? 1 : 0);
}
