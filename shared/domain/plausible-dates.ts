import { compareDates, formatIsoDate, parseIsoDate, type CalendarDate } from './dates';

/**
 * Dates that cannot be right, refused the moment they are entered (the new-hearing form, a
 * correction, the procedural record), not flagged later. Pure: "today" is the Brussels day the
 * caller passes, so main and the renderer judge with one clock. Main decides; the renderer only
 * gives the same answer early.
 */

/** Nobody heard under arts. 91bis–101 was born before this year. */
export const earliestBirthYear = 1900;
/** How many days in the past a hearing date may lie unless the administrator set another limit. */
export const defaultHearingDatePastDays = 30;
/** The largest limit the administrator can set (ten years). */
export const maxHearingDatePastDays = 3650;

export const datePlausibilityCodes = [
  'born_in_future',
  'born_after_hearing',
  'born_before_1900',
  'hearing_too_far_ahead',
  'hearing_too_far_past',
] as const;
export type DatePlausibilityCode = (typeof datePlausibilityCodes)[number];

export interface DateProblem {
  /** The field the problem belongs to. */
  path: 'dateOfBirth' | 'hearingDate';
  code: DatePlausibilityCode;
  /** What the message names: the limit that was crossed, as an ISO date, or a number of days. */
  params: Record<string, string | number>;
  /** Plain English, for scripts and logs; the renderer translates `code`. */
  message: string;
}

export interface DatesToCheck {
  /** A date of birth, or null when none is given (an assessed age gives its range separately). */
  dateOfBirth?: string | null;
  hearingDate?: string | null;
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The same day one year later; 29 February goes to 28 February. */
export function oneYearAfter(d: CalendarDate): CalendarDate {
  const next = { year: d.year + 1, month: d.month, day: d.day };
  if (parseIsoDate(formatIsoDate(next))) return next;
  return { ...next, day: d.day - 1 };
}

/**
 * Every impossible date among `dates`, judged on the Brussels day `today`. `pastDays` is the
 * administrator's limit for a hearing date in the past; null leaves that check to main (the
 * renderer does not know the setting). Dates that cannot be read are left to the schema.
 */
export function checkPlausibleDates(
  dates: DatesToCheck,
  today: CalendarDate,
  pastDays: number | null,
): DateProblem[] {
  const problems: DateProblem[] = [];
  const born = dates.dateOfBirth ? parseIsoDate(dates.dateOfBirth) : null;
  const heard = dates.hearingDate ? parseIsoDate(dates.hearingDate) : null;
  const todayText = formatIsoDate(today);
  if (born) {
    if (born.year < earliestBirthYear) {
      problems.push({
        path: 'dateOfBirth',
        code: 'born_before_1900',
        params: { year: earliestBirthYear },
        message: `dateOfBirth ${dates.dateOfBirth} is before ${earliestBirthYear}: check the year.`,
      });
    } else if (compareDates(born, today) > 0) {
      problems.push({
        path: 'dateOfBirth',
        code: 'born_in_future',
        params: { today: todayText },
        message: `dateOfBirth ${dates.dateOfBirth} is after today (${todayText}): nobody is born in the future. Check the date of birth.`,
      });
    } else if (heard && compareDates(born, heard) > 0) {
      problems.push({
        path: 'dateOfBirth',
        code: 'born_after_hearing',
        params: { hearingDate: formatIsoDate(heard) },
        message: `dateOfBirth ${dates.dateOfBirth} is after the hearing date (${formatIsoDate(heard)}). Check both dates.`,
      });
    }
  }
  if (heard) {
    const latest = oneYearAfter(today);
    if (compareDates(heard, latest) > 0) {
      problems.push({
        path: 'hearingDate',
        code: 'hearing_too_far_ahead',
        params: { latest: formatIsoDate(latest) },
        message: `hearingDate ${dates.hearingDate} is more than a year ahead (the latest is ${formatIsoDate(latest)}). Check the year.`,
      });
    } else if (pastDays !== null && compareDates(heard, addDays(today, -pastDays)) < 0) {
      const earliest = formatIsoDate(addDays(today, -pastDays));
      problems.push({
        path: 'hearingDate',
        code: 'hearing_too_far_past',
        params: { days: pastDays, earliest },
        message: `hearingDate ${dates.hearingDate} is more than ${pastDays} days in the past (the earliest is ${earliest}). Check the date; the administrator sets this limit.`,
      });
    }
  }
  return problems;
}
