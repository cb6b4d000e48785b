import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIsoDate } from '../../shared/domain/dates';
import { addDays, checkPlausibleDates, oneYearAfter } from '../../shared/domain/plausible-dates';

const d = (iso: string) => parseIsoDate(iso)!;
const codes = (dateOfBirth: string | null, hearingDate: string | null, today: string, pastDays: number | null = 30) =>
  checkPlausibleDates({ dateOfBirth, hearingDate }, d(today), pastDays).map((p) => `${p.path}:${p.code}`);

test('impossible dates, judged on the Brussels day given', () => {
  const rows: Array<[string | null, string | null, string, number | null, string[]]> = [
    ['2014-05-02', '2026-12-01', '2026-12-01', 30, []],
    ['2026-12-01', '2026-12-01', '2026-12-01', 30, []], // born today, heard today
    ['2026-12-02', '2026-12-01', '2026-12-01', 30, ['dateOfBirth:born_in_future']],
    ['2030-01-01', null, '2026-12-01', 30, ['dateOfBirth:born_in_future']],
    ['2014-05-02', '2014-05-01', '2026-12-01', 30, ['dateOfBirth:born_after_hearing', 'hearingDate:hearing_too_far_past']],
    ['1900-01-01', '2026-12-01', '2026-12-01', 30, []],
    ['1899-12-31', '2026-12-01', '2026-12-01', 30, ['dateOfBirth:born_before_1900']],
    ['0001-01-01', '2026-12-01', '2026-12-01', 30, ['dateOfBirth:born_before_1900']],
    ['2014-05-02', '2027-12-01', '2026-12-01', 30, []], // exactly a year ahead
    ['2014-05-02', '2027-12-02', '2026-12-01', 30, ['hearingDate:hearing_too_far_ahead']],
    ['2014-05-02', '2026-11-01', '2026-12-01', 30, []], // exactly 30 days ago
    ['2014-05-02', '2026-10-31', '2026-12-01', 30, ['hearingDate:hearing_too_far_past']],
    ['2014-05-02', '1999-06-01', '2026-12-01', 30, ['dateOfBirth:born_after_hearing', 'hearingDate:hearing_too_far_past']],
    ['2014-05-02', '1999-06-01', '2026-12-01', null, ['dateOfBirth:born_after_hearing']], // the renderer leaves the limit to main
    ['2014-05-02', '2026-10-31', '2026-12-01', 0, ['hearingDate:hearing_too_far_past']],
    ['2014-05-02', '2026-12-01', '2026-12-01', 0, []],
  ];
  for (const [born, heard, today, pastDays, expected] of rows) {
    assert.deepEqual(codes(born, heard, today, pastDays), expected, `${born} / ${heard} on ${today} (limit ${pastDays})`);
  }
});

test('a year ahead of 29 February is 28 February; days are counted across months and years', () => {
  assert.deepEqual(oneYearAfter(d('2028-02-29')), d('2029-02-28'));
  assert.deepEqual(oneYearAfter(d('2026-12-01')), d('2027-12-01'));
  assert.deepEqual(addDays(d('2026-03-01'), -1), d('2026-02-28'));
  assert.deepEqual(addDays(d('2028-03-01'), -1), d('2028-02-29'));
  assert.deepEqual(addDays(d('2026-12-31'), 1), d('2027-01-01'));
  assert.deepEqual(codes('2014-05-02', '2029-03-01', '2028-02-29'), ['hearingDate:hearing_too_far_ahead']);
  assert.deepEqual(codes('2014-05-02', '2029-02-28', '2028-02-29'), []);
});

test('each problem carries a message naming the limit, for scripts and logs', () => {
  const [problem] = checkPlausibleDates({ hearingDate: '2026-10-01' }, d('2026-12-01'), 30);
  assert.equal(problem?.params.earliest, '2026-11-01');
  assert.match(problem?.message ?? '', /more than 30 days in the past \(the earliest is 2026-11-01\)/);
});
