import {
  brusselsDate,
  compareDates,
  isLeapYear,
  parseInstant,
  type CalendarDate,
} from '../domain/dates';

/**
 * When a person born on 29 February has their birthday in a common year.
 * - `march_1`: the birthday falls on 1 March, so the person is still the younger age on 28
 *   February: the year of age is complete only once the whole of February has passed. This is
 *   the reading usual in Belgian and civil-law practice and the default of the rule set; it is a
 *   project choice awaiting a legal adviser's confirmation.
 * - `february_28`: the birthday falls on the last day of February.
 * Around majority, `march_1` is the protective reading (the person stays a minor one day
 * longer); around the consent age it asks for consent one day later. See docs/rules.md.
 */
export const leapDayBirthdays = ['march_1', 'february_28'] as const;
export type LeapDayBirthday = (typeof leapDayBirthdays)[number];

/** The day on which someone born on `birth` has their birthday in `year`. */
export function birthdayIn(
  birth: CalendarDate,
  year: number,
  leapDay: LeapDayBirthday = 'march_1',
): CalendarDate {
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) {
    return leapDay === 'march_1' ? { year, month: 3, day: 1 } : { year, month: 2, day: 28 };
  }
  return { year, month: birth.month, day: birth.day };
}

/**
 * Age in whole years on a calendar day: one is a year older from the first moment of one's
 * birthday. Negative when `on` is before the birth.
 */
export function ageOn(
  birth: CalendarDate,
  on: CalendarDate,
  leapDay: LeapDayBirthday = 'march_1',
): number {
  const years = on.year - birth.year;
  return compareDates(on, birthdayIn(birth, on.year, leapDay)) < 0 ? years - 1 : years;
}

export interface AgeRange {
  min: number;
  max: number;
}

/** The plausible ages on a day for a date of birth known only to lie in [earliest, latest]. */
export function ageRangeOn(
  range: { earliest: CalendarDate; latest: CalendarDate },
  on: CalendarDate,
  leapDay: LeapDayBirthday = 'march_1',
): AgeRange {
  return { min: ageOn(range.latest, on, leapDay), max: ageOn(range.earliest, on, leapDay) };
}

/**
 * The calendar day of a hearing that starts at `instant`, in Belgian local time: a hearing at
 * 00:30 in Brussels is on that day even though it is still the previous day in UTC.
 */
export function hearingDayOf(instant: string): CalendarDate | null {
  const at = parseInstant(instant);
  return at ? brusselsDate(at) : null;
}

export interface AgeReading {
  isMinor: boolean;
  consentRequired: boolean;
  informationRequired: boolean;
}

/**
 * The protective reading of a (possibly uncertain) age:
 * - a minor if any plausible age is under majority (the Guardianship Act keeps the lowest age);
 * - consent is asked if any plausible age reaches the consent age, and always from an adult,
 *   who decides alone;
 * - otherwise the child is a minor under the consent age and is informed instead. A child
 *   whose range straddles the consent age is asked for consent, which includes telling them.
 */
export function readAge(
  age: AgeRange,
  thresholds: { consentAge: number; majorityAge: number },
): AgeReading {
  const isMinor = age.min < thresholds.majorityAge;
  const consentRequired = !isMinor || age.max >= thresholds.consentAge;
  return { isMinor, consentRequired, informationRequired: !consentRequired };
}
