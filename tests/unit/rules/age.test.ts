import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ageOn,
  ageRangeOn,
  birthdayIn,
  hearingDayOf,
  readAge,
  type LeapDayBirthday,
} from '../../../shared/rules/age';
import { formatIsoDate, parseIsoDate, type CalendarDate } from '../../../shared/domain/dates';

const d = (iso: string): CalendarDate => {
  const parsed = parseIsoDate(iso);
  if (!parsed) throw new Error(`bad fixture date ${iso}`);
  return parsed;
};

describe('ageOn', () => {
  const cases: Array<[born: string, on: string, age: number, leapDay?: LeapDayBirthday]> = [
    ['2014-03-16', '2026-03-16', 12],
    ['2014-03-16', '2026-03-15', 11],
    ['2008-03-16', '2026-03-16', 18],
    ['2008-03-16', '2026-03-15', 17],
    ['2014-12-31', '2026-01-01', 11],
    ['2014-01-01', '2025-12-31', 11],
    ['2014-01-01', '2026-01-01', 12],
    // 29 February, birthday in a leap year
    ['2012-02-29', '2024-02-28', 11],
    ['2012-02-29', '2024-02-29', 12],
    ['2012-02-29', '2024-03-01', 12],
    // 29 February, birthday in a common year: a year older on 1 March
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2088-02-29', '2100-02-28', 11],
    ['2088-02-29', '2100-03-01', 12],
    // ... or on 28 February when the rule set says so
    ['2008-02-29', '2026-02-27', 17, 'february_28'],
    ['2008-02-29', '2026-02-28', 18, 'february_28'],
    ['2012-02-29', '2024-02-28', 11, 'february_28'],
    // born after the day asked about
    ['2026-04-01', '2026-03-16', -1],
  ];
  for (const [born, on, age, leapDay] of cases) {
    test(`born ${born}, on ${on}${leapDay ? ` (${leapDay})` : ''}: ${age}`, () => {
      assert.equal(ageOn(d(born), d(on), leapDay), age);
    });
  }
});

describe('birthdayIn', () => {
  const cases: Array<[born: string, year: number, leapDay: LeapDayBirthday, birthday: string]> = [
    ['2012-02-29', 2026, 'march_1', '2026-03-01'],
    ['2012-02-29', 2026, 'february_28', '2026-02-28'],
    ['2012-02-29', 2028, 'march_1', '2028-02-29'],
    ['2012-02-29', 2100, 'march_1', '2100-03-01'],
    ['2012-03-01', 2026, 'february_28', '2026-03-01'],
  ];
  for (const [born, year, leapDay, birthday] of cases) {
    test(`born ${born}, in ${year} (${leapDay}): ${birthday}`, () => {
      assert.equal(formatIsoDate(birthdayIn(d(born), year, leapDay)), birthday);
    });
  }
});

describe('hearingDayOf: the Brussels calendar day of an instant', () => {
  const cases: Array<[instant: string, day: string | null]> = [
    ['2026-03-14T23:30:00Z', '2026-03-15'],
    ['2026-03-14T22:59:59Z', '2026-03-14'],
    ['2026-03-14T23:00:00Z', '2026-03-15'],
    ['2026-07-09T22:30:00Z', '2026-07-10'],
    ['2026-07-09T21:59:59Z', '2026-07-09'],
    ['2026-03-15T00:30:00+01:00', '2026-03-15'],
    // the nights the clocks change
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    ['2026-10-24T22:30:00Z', '2026-10-25'],
    ['2026-10-25T22:59:00Z', '2026-10-25'],
    // not instants
    ['2026-03-15T00:30:00', null],
    ['2026-03-15', null],
    ['2026-02-30T10:00:00Z', null],
    ['2026-03-15T24:00:00Z', null],
  ];
  for (const [instant, day] of cases) {
    test(`${instant} -> ${day ?? 'rejected'}`, () => {
      const found = hearingDayOf(instant);
      assert.equal(found ? formatIsoDate(found) : null, day);
    });
  }
});

describe('ageRangeOn', () => {
  const cases: Array<[earliest: string, latest: string, on: string, min: number, max: number]> = [
    ['2013-06-01', '2015-06-01', '2026-03-16', 10, 12],
    ['2007-01-01', '2009-01-01', '2026-03-16', 17, 19],
    ['2014-03-16', '2014-03-16', '2026-03-16', 12, 12],
    ['2014-03-16', '2014-03-17', '2026-03-16', 11, 12],
  ];
  for (const [earliest, latest, on, min, max] of cases) {
    test(`born ${earliest}..${latest}, on ${on}: ${min}..${max}`, () => {
      assert.deepEqual(ageRangeOn({ earliest: d(earliest), latest: d(latest) }, d(on)), {
        min,
        max,
      });
    });
  }
});

describe('readAge: the protective reading', () => {
  const thresholds = { consentAge: 12, majorityAge: 18 };
  const cases: Array<[min: number, max: number, minor: boolean, consent: boolean, info: boolean]> =
    [
      [11, 11, true, false, true],
      [12, 12, true, true, false],
      [10, 12, true, true, false],
      [9, 11, true, false, true],
      [17, 17, true, true, false],
      [17, 19, true, true, false],
      [18, 18, false, true, false],
      [18, 21, false, true, false],
    ];
  for (const [min, max, isMinor, consentRequired, informationRequired] of cases) {
    test(`ages ${min}..${max}`, () => {
      assert.deepEqual(readAge({ min, max }, thresholds), {
        isMinor,
        consentRequired,
        informationRequired,
      });
    });
  }
});
