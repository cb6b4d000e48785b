import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedFields } from '../../main/services/seal/database-check';

test('a change inside JSON kept as text is named by its path, with both values', () => {
  const sealed = JSON.stringify({
    consent: { askedAt: '2026-11-28T09:00:00.000Z', given: true },
    present: ['a', 'b'],
  });
  const now = JSON.stringify({
    consent: { askedAt: '2026-11-28T09:30:00.000Z', given: true },
    present: ['a', 'c'],
  });
  assert.deepEqual(changedFields('procedure', sealed, now), [
    'procedure.consent.askedAt: sealed "2026-11-28T09:00:00.000Z", database now "2026-11-28T09:30:00.000Z"',
    'procedure.present[1]: sealed "b", database now "c"',
  ]);
});

test('fields added or removed are named as absent on one side', () => {
  assert.deepEqual(changedFields('procedure', { a: 1 }, { b: null }), [
    'procedure.a: sealed 1, database now (absent)',
    'procedure.b: sealed (absent), database now null',
  ]);
});

test('long values are cut, and equal values give nothing', () => {
  const [line] = changedFields('note', 'x'.repeat(500), 'y');
  assert.match(line ?? '', /^note: sealed "x{78}…, database now "y"$/);
  assert.deepEqual(changedFields('procedure', '{"a":{"b":[1,2]}}', '{"a":{"b":[1,2]}}'), []);
});

test('the same JSON written differently is still a change, said as such', () => {
  assert.deepEqual(changedFields('procedure', '{"a":1}', '{ "a": 1 }'), [
    'procedure: sealed "{\\"a\\":1}", database now "{ \\"a\\": 1 }" (the same content, written differently)',
  ]);
});
