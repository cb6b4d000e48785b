import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { openServices } from '../../main/services/app';
import type { ApiResult } from '../../shared/api/errors';
import { setUpPeople, testPassword } from '../helpers/accounts';
import { tempDir } from '../helpers/temp';
import { today } from '../helpers/procedure';

const baseMs = 300;
const signedIn: Array<{ user: string; password: string }> = [];
let recoveryKey = '';
const dataDir = tempDir();
const services = await openServices({
  dataDir,
  appVersion: 'test',
  backOff: { freeAttempts: 3, baseMs, maxMs: 4 * baseMs },
  identityHooks: {
    signedIn: ({ user, password }) => void signedIn.push({ user: user.username, password }),
    firstAdministratorCreated: (event) => void (recoveryKey = event.recoveryKey),
  },
});
after(() => services.close());
const call = (name: string, input: unknown, session: string | null = null) =>
  services.call(session, 'http', name, input).then((r) => r.result);
const { admin, people } = await setUpPeople(call, { ines: 'interviewer', paul: 'psychologist' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codeOf = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.error.code);
const retryAfter = (r: ApiResult<unknown>) => (r.ok ? 0 : Number(r.error.details?.retryAfterMs ?? 0));

/** The audit entries of one action, read from the database as anyone with the file could. */
function audit(action: string): Array<{ userId: string; details: string }> {
  const db = new Database(join(dataDir, 'hearing-room.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT user_id AS userId, details FROM audit_log WHERE action = ?').all(action) as Array<{ userId: string; details: string }>;
  } finally {
    db.close();
  }
}

describe('signing in', () => {
  test('first start: the recovery key goes to the hook and to the person once, high-entropy, never twice', async () => {
    assert.match(recoveryKey, /^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    const again = await call('session.setup', { displayName: 'X', username: 'x2', password: testPassword });
    assert.ok(!again.ok && again.error.code === 'conflict');
    const status = await call('session.status', {}, admin.session);
    assert.ok(status.ok);
    assert.deepEqual((status.value as { setupNeeded: boolean }).setupNeeded, false);
  });

  test('the sign-in hook gets the user and the password, at once and only on success', () => {
    assert.deepEqual(
      signedIn.map((s) => s.user),
      ['ines', 'paul'],
    );
    assert.equal(signedIn[0]!.password, testPassword);
  });

  test('wrong passwords slow down: three at once, then a wait that doubles; every attempt audited, never the password', async () => {
    const wrong = 'not the password at all';
    const started = Date.now();
    for (let i = 0; i < 3; i++) assert.equal(codeOf(await call('session.signIn', { username: 'ines', password: wrong })), 'forbidden');
    // The fourth attempt comes too early, even with the right password.
    const early = await call('session.signIn', { username: 'ines', password: testPassword });
    assert.equal(codeOf(early), 'too_many_attempts');
    assert.ok(retryAfter(early) > 0 && retryAfter(early) <= baseMs, `waits ${retryAfter(early)} ms`);
    await sleep(retryAfter(early) + 20);
    assert.equal(codeOf(await call('session.signIn', { username: 'ines', password: wrong })), 'forbidden');
    const second = await call('session.signIn', { username: 'ines', password: testPassword });
    assert.equal(codeOf(second), 'too_many_attempts');
    assert.ok(retryAfter(second) > baseMs && retryAfter(second) <= 2 * baseMs, `then ${retryAfter(second)} ms`);
    await sleep(retryAfter(second) + 20);
    assert.equal(codeOf(await call('session.signIn', { username: 'ines', password: testPassword })), 'ok');
    // Measured: the right password got through only after both waits (300 ms, then 600 ms).
    assert.ok(Date.now() - started >= 3 * baseMs);
    // A success clears the count: one wrong password is answered at once again.
    const after = await call('session.signIn', { username: 'ines', password: wrong });
    assert.equal(codeOf(after), 'forbidden');
    assert.equal(retryAfter(after), 0);

    const ines = people.ines!.id;
    const mine = (action: string) => audit(action).filter((e) => e.userId === ines);
    assert.equal(mine('session.sign_in_failed').length, 5);
    assert.equal(mine('session.sign_in_refused').length, 2);
    assert.equal(mine('session.signed_in').length, 2, 'the first sign-in and the one after the waits');
    for (const action of ['session.sign_in_failed', 'session.sign_in_refused', 'session.signed_in']) {
      for (const e of audit(action)) assert.ok(!e.details.includes(wrong) && !e.details.includes(testPassword));
    }
  });

  test('an unknown username is answered and slowed down like a known one, and audited by a digest only', async () => {
    for (let i = 0; i < 4; i++) await call('session.signIn', { username: 'nobody', password: 'x' });
    const r = await call('session.signIn', { username: 'nobody', password: 'x' });
    assert.equal(codeOf(r), 'too_many_attempts');
    const attempts = audit('session.sign_in_failed').filter((e) => e.userId === 'unknown');
    assert.equal(attempts.length, 3, 'three wrong, then refused without checking');
    assert.equal(audit('session.sign_in_refused').filter((e) => e.userId === 'unknown').length, 2);
    for (const e of attempts) {
      assert.ok(!e.details.includes('nobody'));
      assert.match(e.details, /"usernameSha256":"[0-9a-f]{64}"/);
    }
  });
});

describe('the session', () => {
  test('locked: only the recording’s calls go on; unlocking needs the password; another of the team takes over', async () => {
    const ines = (await call('session.signIn', { username: 'ines', password: testPassword })) as { ok: true; value: { sessionToken: string } };
    const session = ines.value.sessionToken;
    const hearing = (await call('hearings.create', { caseReference: 'L.1/26', minorName: 'A', dateOfBirth: '2013-01-01', hearingDate: today() }, session)) as {
      ok: true;
      value: { id: string };
    };
    assert.equal(codeOf(await call('hearings.assign', { hearingId: hearing.value.id, userId: people.paul!.id }, session)), 'ok');
    assert.equal(codeOf(await call('session.lock', {}, session)), 'ok');
    assert.equal(codeOf(await call('hearings.list', {}, session)), 'locked');
    assert.equal(codeOf(await call('recordings.heartbeat', { recordingId: hearing.value.id }, session)), 'not_found');
    assert.equal(codeOf(await call('session.unlock', { username: 'ines', password: 'wrong password here' }, session)), 'forbidden');
    // Paul is on the team: he takes over, and the session is his from now on.
    const taken = await call('session.unlock', { username: 'paul', password: testPassword, hearingId: hearing.value.id }, session);
    assert.equal(codeOf(taken), 'ok');
    assert.equal((taken as { ok: true; value: { user: { username: string } } }).value.user.username, 'paul');
    assert.equal(codeOf(await call('hearings.create', { caseReference: 'L.2/26', minorName: 'A', dateOfBirth: '2013-01-01', hearingDate: today() }, session)), 'forbidden');
    const history = (await call('hearings.accessHistory', { hearingId: hearing.value.id }, session)) as { ok: true; value: Array<{ action: string }> };
    assert.ok(history.value.some((e) => e.action === 'session.taken_over'));
  });

  test('someone outside the team cannot take over a locked screen', async () => {
    const r = (await call('session.signIn', { username: 'ines', password: testPassword })) as { ok: true; value: { sessionToken: string } };
    await call('session.lock', {}, r.value.sessionToken);
    const other = await call('session.unlock', { username: 'admin', password: testPassword }, r.value.sessionToken);
    assert.equal(codeOf(other), 'forbidden');
  });

  test('a disabled account is signed out at once and cannot sign in', async () => {
    assert.equal(codeOf(await call('accounts.update', { userId: people.paul!.id, disabled: true }, admin.session)), 'ok');
    assert.equal(codeOf(await call('hearings.list', {}, people.paul!.session)), 'signed_out');
    assert.equal(codeOf(await call('session.signIn', { username: 'paul', password: testPassword })), 'forbidden');
  });

  test('the last administrator cannot be disabled', async () => {
    const r = await call('accounts.update', { userId: admin.id, disabled: true }, admin.session);
    assert.ok(!r.ok && r.error.details?.reason === 'last_administrator');
  });
});
