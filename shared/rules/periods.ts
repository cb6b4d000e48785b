import { daysInMonth, type CalendarDate } from '../domain/dates';

/** A length of time as the law states it: in calendar months, or in days. */
export type Period = { months: number } | { days: number };

/**
 * The date `months` calendar months after (or, negative, before) `from`, on the same day of the
 * month; where the target month has no such day (30 February, 31 April), the last day of that
 * month. This is the reading of Regulation (EEC, Euratom) No 1182/71 art. 3(2)(c) and of the
 * European Convention on the Calculation of Time-Limits (1972) art. 4, and it gives the same
 * end as Judicial Code arts. 52 and 54 ("de quantième à veille de quantième", counted from the
 * day after the event).
 */
export function addMonths(from: CalendarDate, months: number): CalendarDate {
  const index = from.year * 12 + (from.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(from.day, daysInMonth(year, month)) };
}

/** The date `days` days after (or, negative, before) `from`. */
export function addDays(from: CalendarDate, days: number): CalendarDate {
  const t = Date.UTC(from.year, from.month - 1, from.day) + days * 86_400_000;
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The last day of a period that runs from the day after `start` (the day it was granted is not
 * counted, Judicial Code art. 52): three months from 30 November 2024 end on 28 February 2025,
 * 45 days from 31 December 2024 end on 14 February 2025. The end is not moved off a weekend or
 * a public holiday: that extension (art. 53) is for procedural time-limits, and a reflection
 * period is a period of protection, not a time-limit to act.
 */
export function periodEnd(start: CalendarDate, period: Period): CalendarDate {
  return 'months' in period ? addMonths(start, period.months) : addDays(start, period.days);
}
