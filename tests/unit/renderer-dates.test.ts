import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dateFieldText,
  instantFieldText,
  readDateField,
  readInstantField,
} from '../../renderer/format/date-fields';
import {
  brusselsOffset,
  formatBrusselsClock,
  formatBrusselsDateTime,
  formatBrusselsTime,
  formatInstant,
} from '../../renderer/format/dates';
import { brusselsInputToInstant } from '../../renderer/procedure/instants';

// The computer runs on New York time: every time shown must still be Brussels time. Node takes
// a change of TZ at once; the first assertion proves the machine's clock really moved.
process.env.TZ = 'America/New_York';

const spring = '2026-03-29T01:00:06Z'; // 03:00:06 in Brussels, the hour after the clocks went forward
const autumn = '2026-10-25T01:00:06Z'; // 02:00:06 in Brussels, the second time 02:00 comes round

test('the machine zone is not Brussels in this file', () => {
  assert.equal(new Date(spring).getHours(), 21);
  assert.equal(Intl.DateTimeFormat().resolvedOptions().timeZone, 'America/New_York');
});

test('one moment shows one Brussels time everywhere on the page, across the change to summer time', () => {
  assert.equal(formatBrusselsTime(spring, 'en-GB'), '03:00:06');
  assert.equal(formatBrusselsClock(spring, 'en-GB'), '03:00');
  assert.equal(formatInstant(spring, 'en-GB'), '29 Mar 2026, 03:00:06 (UTC+2)');
  assert.equal(formatBrusselsDateTime(spring, 'en-GB'), '29 Mar 2026, 03:00');
  // A second earlier it was still winter time, an hour earlier on the clock.
  assert.equal(formatInstant('2026-03-29T00:59:59Z', 'en-GB'), '29 Mar 2026, 01:59:59 (UTC+1)');
});

test('the hour that comes twice in October is told apart by its offset', () => {
  assert.equal(formatBrusselsTime(autumn, 'nl-BE'), '02:00:06');
  assert.equal(formatInstant(autumn, 'en-GB'), '25 Oct 2026, 02:00:06 (UTC+1)');
  assert.equal(formatInstant('2026-10-25T00:00:06Z', 'en-GB'), '25 Oct 2026, 02:00:06 (UTC+2)');
  assert.equal(brusselsOffset(Date.parse('2026-07-01T12:00:00Z')), 'UTC+2');
  assert.equal(brusselsOffset(Date.parse('2026-12-01T12:00:00Z')), 'UTC+1');
});

test('times are written the way each language writes them, on the 24-hour clock', () => {
  const afternoon = '2026-11-28T13:15:06Z';
  assert.equal(formatInstant(afternoon, 'en-GB'), '28 Nov 2026, 14:15:06 (UTC+1)');
  assert.equal(formatInstant(afternoon, 'nl-BE'), '28 nov 2026, 14:15:06 (UTC+1)');
  assert.equal(formatInstant(afternoon, 'fr-BE'), '28 nov. 2026, 14:15:06 (UTC+1)');
  assert.equal(formatInstant(afternoon, 'de-BE'), '28.11.2026, 14:15:06 (UTC+1)');
  for (const locale of ['en-GB', 'nl-BE', 'fr-BE', 'de-BE']) {
    assert.doesNotMatch(formatBrusselsTime(afternoon, locale), /AM|PM|02:15/i, locale);
  }
  assert.equal(formatInstant('not a time', 'en-GB'), 'not a time');
});

test('date fields show day, month and year in the language’s order and separator', () => {
  assert.equal(dateFieldText('2026-11-08', 'en'), '08/11/2026');
  assert.equal(dateFieldText('2026-11-08', 'nl'), '08/11/2026');
  assert.equal(dateFieldText('2026-11-08', 'fr'), '08/11/2026');
  assert.equal(dateFieldText('2026-11-08', 'de'), '08.11.2026');
  assert.equal(dateFieldText('', 'de'), '');
  assert.equal(instantFieldText('2026-03-29T03:30', 'de'), '29.03.2026 03:30');
  assert.equal(instantFieldText('2026-03-29T14:05', 'en'), '29/03/2026 14:05');
});

test('date fields read day first, strictly', () => {
  assert.deepEqual(readDateField('08/11/2026'), { kind: 'ok', value: '2026-11-08' });
  assert.deepEqual(readDateField(' 8.11.2026 '), { kind: 'ok', value: '2026-11-08' });
  assert.deepEqual(readDateField('29-02-2028'), { kind: 'ok', value: '2028-02-29' });
  assert.deepEqual(readDateField(''), { kind: 'empty' });
  for (const text of [
    '29/02/2026', // not a leap year
    '31/04/2026',
    '11/2026',
    '08/11/26', // a two-digit year is a guess
    '2026-11-08', // ISO is not how a person types it here
    '08/11.2026', // two different separators
    '13/13/2026',
    '00/01/2026',
    'morgen',
  ]) {
    assert.deepEqual(readDateField(text), { kind: 'invalid' }, text);
  }
});

test('date-and-time fields read a 24-hour time after the date, as Brussels time', () => {
  assert.deepEqual(readInstantField('28/11/2026 14:30'), { kind: 'ok', value: '2026-11-28T14:30' });
  assert.deepEqual(readInstantField('28.11.2026, 9:05'), { kind: 'ok', value: '2026-11-28T09:05' });
  assert.deepEqual(readInstantField('28/11/2026 14h30'), { kind: 'ok', value: '2026-11-28T14:30' });
  assert.deepEqual(readInstantField('28/11/2026 14:30:15'), {
    kind: 'ok',
    value: '2026-11-28T14:30:15',
  });
  for (const text of [
    '28/11/2026',
    '28/11/2026 24:00',
    '28/11/2026 2:30 PM',
    '28/11/2026 14:60',
    '14:30',
  ]) {
    assert.deepEqual(readInstantField(text), { kind: 'invalid' }, text);
  }
  // Read in Brussels whatever the machine's zone: 29 March at 03:30 is summer time.
  const read = readInstantField('29/03/2026 03:30');
  assert.equal(
    read.kind === 'ok' && brusselsInputToInstant(read.value),
    '2026-03-29T03:30:00+02:00',
  );
});
