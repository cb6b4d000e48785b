import assert from 'node:assert/strict';
import { describe, test, after } from 'node:test';
import { openServices } from '../../main/services/app';
import { localOperator, type CallerContext } from '../../shared/api/caller';
import { tempDir } from '../helpers/temp';
import { today } from '../helpers/procedure';

const services = await openServices({ dataDir: tempDir(), appVersion: 'test' });
after(() => services.close());
const ctx = localOperator('internal');
const call = (name: unknown, input: unknown, who: CallerContext = ctx) => services.dispatcher.dispatch(who, name, input);

const validHearing = {
  caseReference: 'BR.12.L3.004512/26',
  minorName: 'Lena V.',
  dateOfBirth: '2014-05-02',
  hearingDate: today(),
};

describe('the dispatcher', () => {
  test('refuses a call that does not exist, naming it', async () => {
    const r = await call('hearings.drop', {});
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'unknown_call');
    assert.match(r.error.message, /hearings\.drop/);
    assert.match(r.error.message, /docs\/api\.md/);
  });

  test('refuses a name that is not even a string', async () => {
    const r = await call({ toString: () => 'x' }, {});
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'unknown_call');
  });

  test('refuses invalid input with each field, what is wrong, and saves nothing', async () => {
    const before = await call('hearings.list', {});
    assert.ok(before.ok);
    const r = await call('hearings.create', { ...validHearing, dateOfBirth: '2014-02-30', minorName: '  ' });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'invalid_input');
    const byPath = Object.fromEntries((r.error.issues ?? []).map((i) => [i.path, i.code]));
    assert.deepEqual(byPath, { minorName: 'required', dateOfBirth: 'date_invalid' });
    assert.match(r.error.message, /dateOfBirth must be a real calendar date/);
    const afterwards = await call('hearings.list', {});
    assert.ok(afterwards.ok);
    assert.deepEqual(afterwards.value, before.value);
  });

  test('refuses fields the call does not know', async () => {
    const r = await call('hearings.create', { ...validHearing, admin: true });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'invalid_input');
  });

  test('refuses a "__proto__" field as unknown, as JSON.parse hands it over (an own property)', async () => {
    for (const extra of ['{}', '{"admin":true}', '"x"']) {
      const r = await call('hearings.create', JSON.parse(`{"caseReference":"BR.12.L3.004512/26","minorName":"Lena V.","dateOfBirth":"2014-05-02","hearingDate":"${today()}","__proto__":${extra}}`));
      assert.ok(!r.ok, `accepted __proto__: ${extra}`);
      assert.equal(r.error.code, 'invalid_input');
    }
  });

  test('refuses a role the call does not allow', async () => {
    const r = await call('hearings.create', validHearing, { ...ctx, role: 'clerk' });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'forbidden');
  });

  test('runs a valid call and returns its output', async () => {
    const r = await call('hearings.create', validHearing);
    assert.ok(r.ok);
    const hearing = r.value as { id: string; caseReference: string; status: string };
    assert.equal(hearing.caseReference, validHearing.caseReference);
    assert.equal(hearing.status, 'draft');
    const got = await call('hearings.get', { hearingId: hearing.id });
    assert.ok(got.ok);
    assert.deepEqual(got.value, r.value);
  });

  test('answers not_found for an unknown hearing', async () => {
    const r = await call('hearings.get', { hearingId: '00000000-0000-4000-8000-000000000000' });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'not_found');
  });
});
