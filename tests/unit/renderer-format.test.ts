import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAll, checkField } from '../../renderer/forms/field-problem';
import { ageOn, brusselsToday, formatCalendarDate } from '../../renderer/format/dates';
import { formatDuration } from '../../renderer/format/duration';
import { formatBytes, formatSize } from '../../renderer/format/size';
import { formatLocale, pickLocale } from '../../renderer/i18n/locale';
import { hrefFor, parseRoute } from '../../renderer/routing/routes';

test('durations read mm:ss under an hour and h:mm:ss from an hour on', () => {
  assert.equal(formatDuration(0), '00:00');
  assert.equal(formatDuration(5_999), '00:05');
  assert.equal(formatDuration(59 * 60_000 + 59_000), '59:59');
  assert.equal(formatDuration(3_600_000), '1:00:00');
  assert.equal(formatDuration(10 * 3_600_000 + 61_000), '10:01:01');
  assert.equal(formatDuration(-5), '00:00');
});

test('sizes use decimal units in the reader’s language, with the exact count beside them', () => {
  assert.equal(formatSize(999, 'en-GB'), '999 bytes');
  assert.equal(formatSize(43_089, 'en-GB'), '43.1 kB');
  assert.equal(formatSize(430_895, 'en-GB'), '431 kB');
  assert.match(formatSize(43_089, 'fr-BE'), /^43,1\sko$/);
  assert.equal(formatSize(1_500_000_000, 'nl-BE'), '1,5 GB');
  assert.equal(formatBytes(430_895, 'de-BE'), '430.895 Byte');
  assert.equal(formatBytes(1, 'en-GB'), '1 byte');
});

test('calendar dates keep their day whatever the time zone', () => {
  assert.equal(formatCalendarDate('2014-05-02', 'en-GB'), '2 May 2014');
  assert.equal(formatCalendarDate('2014-05-02', 'nl-BE'), '2 mei 2014');
  assert.equal(formatCalendarDate('not a date', 'en-GB'), 'not a date');
  // 23:30 UTC on 9 January is already the 10th in Brussels.
  assert.equal(brusselsToday(new Date(Date.UTC(2026, 0, 9, 23, 30))), '2026-01-10');
  assert.equal(brusselsToday(new Date(Date.UTC(2026, 0, 9, 22, 59))), '2026-01-09');
});

test('age on the hearing date counts whole years', () => {
  assert.equal(ageOn('2014-05-02', '2026-05-01'), 11);
  assert.equal(ageOn('2014-05-02', '2026-05-02'), 12);
  assert.equal(ageOn('2012-02-29', '2024-02-28'), 11);
  assert.equal(ageOn('2012-02-29', '2024-02-29'), 12);
  assert.equal(ageOn('2026-05-02', '2014-05-02'), null);
});

test('the language is the first supported one among those preferred', () => {
  assert.equal(pickLocale([null, undefined, 'nl-BE', 'fr']), 'nl');
  assert.equal(pickLocale(['es', 'de-DE']), 'de');
  assert.equal(pickLocale(['es', 'it']), 'en');
  assert.equal(pickLocale(['FR_be']), 'fr');
  assert.equal(formatLocale('fr'), 'fr-BE');
  assert.equal(formatLocale('en'), 'en-GB');
  assert.equal(formatLocale('xx'), 'en-GB');
});

test('routes read and write the hash', () => {
  assert.deepEqual(parseRoute(''), { name: 'hearings' });
  assert.deepEqual(parseRoute('#/'), { name: 'hearings' });
  assert.deepEqual(parseRoute('#/hearings/new'), { name: 'newHearing' });
  const id = '1f5527b1-76b7-47b2-babe-61fd3f21402c';
  assert.deepEqual(parseRoute(`#/hearings/${id}`), { name: 'hearing', hearingId: id });
  assert.deepEqual(parseRoute(hrefFor({ name: 'hearing', hearingId: id })), {
    name: 'hearing',
    hearingId: id,
  });
  assert.deepEqual(parseRoute('#/elsewhere/x'), { name: 'notFound' });
});

test('fields are checked with the contract and named with main’s issue codes', () => {
  assert.deepEqual(checkField('caseReference', '   '), { code: 'required' });
  assert.deepEqual(checkField('caseReference', 'x'.repeat(101)), { code: 'too_long', max: 100 });
  assert.equal(checkField('caseReference', 'x'.repeat(100)), null);
  assert.deepEqual(checkField('dateOfBirth', '2023-02-29'), { code: 'date_invalid' });
  assert.deepEqual(checkField('dateOfBirth', '', true), { code: 'date_invalid' });
  assert.deepEqual(checkField('dateOfBirth', ''), { code: 'required' });
  assert.deepEqual(
    Object.keys(
      checkAll({ caseReference: 'A', minorName: '', dateOfBirth: '2014-05-02', hearingDate: 'x' }),
    ),
    ['minorName', 'hearingDate'],
  );
});
