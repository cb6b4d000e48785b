import { compareDates, parseIsoDate, type CalendarDate } from '../../shared/domain/dates';

/**
 * A calendar date (YYYY-MM-DD) in the reader's language. Calendar dates have no time zone, so
 * they are formatted as UTC midnight to keep the day from shifting.
 */
export function formatCalendarDate(iso: string, locale: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    Date.UTC(date.year, date.month - 1, date.day),
  );
}

/** A moment (ISO 8601 timestamp) in the reader's language and local time. */
export function formatInstant(iso: string, locale: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(
    instant,
  );
}

/** Today's date in local time, as the value of an `<input type="date">`. */
export function localToday(now: Date = new Date()): string {
  const mm = String(now.getMonth() + 1).padStart(2, '0');
  const dd = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${mm}-${dd}`;
}

/** Whole years between a date of birth and a later date, or null if either is not a date. */
export function ageOn(dateOfBirth: string, on: string): number | null {
  const birth = parseIsoDate(dateOfBirth);
  const day = parseIsoDate(on);
  if (!birth || !day || compareDates(birth, day) > 0) return null;
  const birthdayThatYear: CalendarDate = { year: day.year, month: birth.month, day: birth.day };
  return day.year - birth.year - (compareDates(day, birthdayThatYear) < 0 ? 1 : 0);
}
