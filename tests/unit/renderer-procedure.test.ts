import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/api/errors';
import { order } from '../../shared/domain/procedure';
import { parseInstant } from '../../shared/domain/dates';
import { formatIntoRecording, formatRoughDuration } from '../../renderer/events/format';
import { shortcutOf } from '../../renderer/events/shortcuts';
import { actionErrorMessage } from '../../renderer/procedure/action-error';
import { fieldId } from '../../renderer/procedure/field-ids';
import { formatBrusselsTime } from '../../renderer/format/dates';
import { brusselsInputToInstant, instantToBrusselsInput } from '../../renderer/procedure/instants';
import { Reader, sameValue } from '../../renderer/procedure/section-form';
import { readDate, readInstant, readLanguage } from '../../renderer/procedure/validation';

test('a wall-clock time is read as Brussels time and given its offset', () => {
  assert.equal(brusselsInputToInstant('2026-03-15T09:30'), '2026-03-15T09:30:00+01:00');
  assert.equal(brusselsInputToInstant('2026-07-01T09:30'), '2026-07-01T09:30:00+02:00');
  assert.equal(brusselsInputToInstant('2026-12-31T23:59:59'), '2026-12-31T23:59:59+01:00');
  // 00:30 in Brussels is still the day before in UTC: the offset keeps the right day.
  const late = brusselsInputToInstant('2026-03-15T00:30');
  assert.equal(late, '2026-03-15T00:30:00+01:00');
  assert.equal(new Date(late ?? '').toISOString(), '2026-03-14T23:30:00.000Z');
  // Every result is an instant the record's schema accepts.
  assert.notEqual(parseInstant(late ?? ''), null);
});

test('the hour skipped in spring is read an hour later, the hour repeated in autumn as summer time', () => {
  assert.equal(brusselsInputToInstant('2026-03-29T02:30'), '2026-03-29T03:30:00+02:00');
  assert.equal(brusselsInputToInstant('2026-10-25T02:30'), '2026-10-25T02:30:00+02:00');
  assert.equal(brusselsInputToInstant('2026-10-25T03:30'), '2026-10-25T03:30:00+01:00');
});

test('what is not a date and time is refused rather than guessed', () => {
  for (const value of ['', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01', 'now']) {
    assert.equal(brusselsInputToInstant(value), null, value);
  }
});

test('an instant is shown back in the input in Brussels time, whatever its offset', () => {
  assert.equal(instantToBrusselsInput('2026-03-15T08:30:00.000Z'), '2026-03-15T09:30');
  assert.equal(instantToBrusselsInput('2026-07-01T09:30:00+02:00'), '2026-07-01T09:30');
  assert.equal(instantToBrusselsInput(null), '');
  assert.equal(instantToBrusselsInput('not an instant'), '');
  for (const value of ['2026-01-10T07:05', '2026-06-21T23:59', '2026-10-25T01:15']) {
    assert.equal(instantToBrusselsInput(brusselsInputToInstant(value)), value);
  }
  assert.equal(formatBrusselsTime('2026-03-15T08:30:05Z', 'en-GB'), '09:30:05');
});

test('time into a recording reads h:mm:ss, hours always shown', () => {
  assert.equal(formatIntoRecording(0), '0:00:00');
  assert.equal(formatIntoRecording(247_900), '0:04:07');
  assert.equal(formatIntoRecording(3_600_000 + 12 * 60_000), '1:12:00');
  assert.equal(formatIntoRecording(-10), '0:00:00');
});

test('an approximate length of time reads in words, in its largest unit', () => {
  assert.equal(formatRoughDuration(2_000, 'en-GB'), '2 seconds');
  assert.equal(formatRoughDuration(12 * 60_000 + 20_000, 'nl-BE'), '12 minuten');
  assert.equal(formatRoughDuration(90 * 60_000, 'de-BE'), '1,5 Stunden');
});

test('inputs read with the record schema: a half-typed date or time is a problem, an empty one is not', () => {
  assert.deepEqual(readDate('', true), { ok: false, problem: { code: 'date_invalid' } });
  assert.deepEqual(readDate('', false), { ok: true, value: null });
  assert.deepEqual(readDate('2014-02-30', false), { ok: false, problem: { code: 'date_invalid' } });
  assert.deepEqual(readDate('2014-02-28', false), { ok: true, value: '2014-02-28' });
  assert.deepEqual(readInstant('', true), { ok: false, problem: { code: 'instant_invalid' } });
  assert.deepEqual(readInstant('2026-03-15T09:30', false), {
    ok: true,
    value: '2026-03-15T09:30:00+01:00',
  });
  assert.deepEqual(readLanguage(' NL '), { ok: true, value: 'nl' });
  assert.deepEqual(readLanguage('dutch!'), { ok: false, problem: { code: 'language_invalid' } });
});

test('a value that cannot be saved keeps the stored one, and says why', () => {
  const read = new Reader(
    { reference: 'x'.repeat(101), date: '', magistrateName: '', issuedBy: 'prosecutor' },
    { date: true },
  );
  assert.equal(read.text('reference', order.shape.reference, 'PV-1/26'), 'PV-1/26');
  assert.equal(read.date('date', '2026-03-01'), '2026-03-01');
  assert.equal(read.text('magistrateName', order.shape.magistrateName, 'A. Janssens'), null);
  assert.equal(read.choice('issuedBy', ['prosecutor', 'investigating_judge'] as const), 'prosecutor');
  assert.deepEqual(read.blocking, [
    ['reference', { code: 'too_long', max: 100 }],
    ['date', { code: 'date_invalid' }],
  ]);
  // An emptied field is saved empty: it is shown as missing, not as wrong.
  assert.deepEqual(read.problems.get('magistrateName'), {
    problem: { code: 'required' },
    blocking: false,
  });
});

test('drafts compare by content, with null and missing alike', () => {
  assert.ok(sameValue({ a: 1, b: null }, { a: 1 }));
  assert.ok(sameValue([{ id: 'x', name: 'A' }], [{ name: 'A', id: 'x', role: undefined }]));
  assert.ok(!sameValue({ a: 1 }, { a: 2 }));
  assert.ok(!sameValue([{ id: 'x' }], [{ id: 'x' }, { id: 'y' }]));
  assert.ok(!sameValue({ a: null }, { a: false }));
});

test('a rule report leads to the input of the same path', () => {
  assert.equal(fieldId('order.date'), 'field-order-date');
  assert.equal(fieldId('attendees.2.trainingReference'), 'field-attendees-2-trainingReference');
});

test('Alt+M marks and Alt+P pauses, by letter, or by place where Alt makes another character', () => {
  const key = (k: string, code: string, mods: Partial<Record<'alt' | 'ctrl' | 'meta' | 'shift', boolean>> = { alt: true }) => ({
    key: k,
    code,
    altKey: !!mods.alt,
    ctrlKey: !!mods.ctrl,
    metaKey: !!mods.meta,
    shiftKey: !!mods.shift,
  });
  assert.equal(shortcutOf(key('m', 'KeyM')), 'mark');
  assert.equal(shortcutOf(key('p', 'KeyP')), 'pause');
  // AZERTY: the M key sits where QWERTY has the semicolon.
  assert.equal(shortcutOf(key('m', 'Semicolon')), 'mark');
  assert.equal(shortcutOf(key(',', 'KeyM')), null);
  // macOS: Option+M types µ.
  assert.equal(shortcutOf(key('µ', 'KeyM')), 'mark');
  assert.equal(shortcutOf(key('m', 'KeyM', {})), null);
  assert.equal(shortcutOf(key('m', 'KeyM', { alt: true, ctrl: true })), null);
});

test('a refusal names its reason when main gives one', () => {
  const t = ((key: string) => key) as unknown as TFunction;
  const locked = new ApiError('conflict', 'fixed', { details: { reason: 'record_locked' } });
  assert.equal(actionErrorMessage(t, locked), 'procedure.conflicts.record_locked');
  assert.equal(actionErrorMessage(t, new ApiError('conflict', 'other')), 'errors.conflict');
  const odd = new ApiError('conflict', 'x', { details: { reason: 'unheard_of' } });
  assert.equal(actionErrorMessage(t, odd), 'errors.conflict');
});
