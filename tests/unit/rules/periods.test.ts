import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIsoDate, parseIsoDate, type CalendarDate } from '../../../shared/domain/dates';
import { addDays, addMonths, periodEnd, type Period } from '../../../shared/rules/periods';
import { currentRuleSet } from '../../../shared/rules/ruleset';

const d = (iso: string): CalendarDate => {
  const parsed = parseIsoDate(iso);
  if (!parsed) throw new Error(`bad fixture date ${iso}`);
  return parsed;
};

describe('addMonths: same day of the month, else the last day of that month', () => {
  const cases: Array<[from: string, months: number, to: string]> = [
    ['2026-03-16', 3, '2026-06-16'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2027-11-29', 3, '2028-02-29'],
    ['2028-11-30', 3, '2029-02-28'],
    ['2027-12-31', 3, '2028-03-31'],
    ['2028-02-29', 3, '2028-05-29'],
    ['2025-03-31', 3, '2025-06-30'],
    ['2025-05-31', 3, '2025-08-31'],
    ['2099-11-30', 3, '2100-02-28'],
    ['2026-10-15', 3, '2027-01-15'],
    // backwards, as the engine uses it for an assessed age
    ['2028-02-29', -12 * 15, '2013-02-28'],
    ['2026-03-16', -12 * 18, '2008-03-16'],
    ['2026-01-31', -1, '2025-12-31'],
  ];
  for (const [from, months, to] of cases) {
    test(`${from} ${months >= 0 ? '+' : ''}${months} months: ${to}`, () => {
      assert.equal(formatIsoDate(addMonths(d(from), months)), to);
    });
  }
});

describe('addDays', () => {
  const cases: Array<[from: string, days: number, to: string]> = [
    ['2024-12-31', 45, '2025-02-14'],
    ['2028-01-20', 45, '2028-03-05'],
    ['2027-01-20', 45, '2027-03-06'],
    ['2026-03-16', 45, '2026-04-30'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
  ];
  for (const [from, days, to] of cases) {
    test(`${from} ${days >= 0 ? '+' : ''}${days} days: ${to}`, () => {
      assert.equal(formatIsoDate(addDays(d(from), days)), to);
    });
  }
});

describe('the reflection period of the rule set (study §78)', () => {
  const { minor, adult } = currentRuleSet.rules.reflectionPeriod.value;
  const cases: Array<[who: string, period: Period, start: string, end: string]> = [
    ['a child', minor, '2024-11-30', '2025-02-28'],
    ['a child', minor, '2027-12-31', '2028-03-31'],
    ['a child', minor, '2028-02-29', '2028-05-29'],
    ['a child', minor, '2027-11-30', '2028-02-29'],
    ['an adult', adult, '2024-12-31', '2025-02-14'],
    ['an adult', adult, '2028-01-20', '2028-03-05'],
  ];
  for (const [who, period, start, end] of cases) {
    test(`${who}, granted on ${start}: last day ${end}`, () => {
      assert.equal(formatIsoDate(periodEnd(d(start), period)), end);
    });
  }
});
