import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { openServices, type AppServices } from '../../main/services/app';
import { keySlotsFile } from '../../main/services/keys/key-slots';
import { SignInState, signInStateFile } from '../../main/services/keys/sign-in-state';
import type { ApiResult } from '../../shared/api/errors';
import { testPassword } from '../helpers/accounts';
import { tempDir } from '../helpers/temp';

// A low scrypt cost keeps the test quick; the slots work the same at any cost.
const encryption = { cost: { N: 2 ** 10, r: 8, p: 1 } };
const open = (dataDir: string) =>
  openServices({ dataDir, appVersion: 'test', encryption, backOff: { freeAttempts: 3, baseMs: 10, maxMs: 100 } });
const call = async (services: AppServices, name: string, input: unknown, session: string | null = null): Promise<ApiResult<Record<string, unknown>>> =>
  (await services.call(session, 'http', name, input)).result as ApiResult<Record<string, unknown>>;
const slotIds = (dataDir: string) =>
  (JSON.parse(readFileSync(keySlotsFile(dataDir), 'utf8')) as { slots: Array<{ id: string }> }).slots.map((s) => s.id).sort();

describe('key slots follow the accounts', () => {
  test('created, reset and disabled accounts add, re-wrap and remove their slots; the locked app answers only the session calls', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir);
    try {
      const status = await call(first, 'session.status', {});
      assert.ok(status.ok && status.value.setupNeeded === true);
      const locked = await call(first, 'hearings.list', {});
      assert.ok(!locked.ok && locked.error.code === 'signed_out');

      const setup = await call(first, 'session.setup', { displayName: 'Admin', username: 'admin', password: testPassword });
      assert.ok(setup.ok, JSON.stringify(setup));
      const admin = setup.value.sessionToken as string;
      const state = SignInState.open(signInStateFile(dataDir));
      assert.deepEqual(slotIds(dataDir), [state.slotIdFor('admin'), 'recovery'].sort());

      const made: Record<string, string> = {};
      for (const username of ['ines', 'paul']) {
        const r = await call(first, 'accounts.create', { displayName: username, username, role: 'interviewer', password: testPassword }, admin);
        assert.ok(r.ok, JSON.stringify(r));
        made[username] = r.value.id as string;
      }
      assert.deepEqual(slotIds(dataDir), [state.slotIdFor('admin'), state.slotIdFor('ines'), state.slotIdFor('paul'), 'recovery'].sort());
      // The slot file names no account: ids are keyed hashes.
      const text = readFileSync(keySlotsFile(dataDir), 'utf8');
      assert.ok(!text.includes('ines') && !text.includes('paul') && !text.includes(made.ines!));

      const reset = await call(first, 'accounts.resetPassword', { userId: made.ines, password: 'a brand new passphrase' }, admin);
      assert.ok(reset.ok, JSON.stringify(reset));
      const disabled = await call(first, 'accounts.update', { userId: made.paul, disabled: true }, admin);
      assert.ok(disabled.ok, JSON.stringify(disabled));
      assert.deepEqual(slotIds(dataDir), [state.slotIdFor('admin'), state.slotIdFor('ines'), 'recovery'].sort());
    } finally {
      first.close();
    }

    const second = await open(dataDir);
    try {
      const status = await call(second, 'session.status', {});
      assert.ok(status.ok && status.value.setupNeeded === false && status.value.user === null);
      // The old password no longer opens ines's slot; paul's slot is gone.
      const old = await call(second, 'session.signIn', { username: 'ines', password: testPassword });
      assert.ok(!old.ok && old.error.code === 'forbidden');
      const paul = await call(second, 'session.signIn', { username: 'paul', password: testPassword });
      assert.ok(!paul.ok && paul.error.code === 'forbidden');
      assert.ok(!(await call(second, 'hearings.list', {})).ok);
      const ines = await call(second, 'session.signIn', { username: 'ines', password: 'a brand new passphrase' });
      assert.ok(ines.ok, JSON.stringify(ines));
      const list = await call(second, 'hearings.list', {}, ines.value.sessionToken as string);
      assert.ok(list.ok);
      // Unlocked: the administrator signs in the usual way.
      assert.ok((await call(second, 'session.signIn', { username: 'admin', password: testPassword })).ok);
    } finally {
      second.close();
    }
  });
});

describe('the recovery key when nobody can sign in', () => {
  test('opens the locked app, sets the administrator a new password that opens the key slot after a restart; wrong keys back off and are audited', async () => {
    const dataDir = tempDir();
    let recoveryKey = '';
    const first = await open(dataDir);
    try {
      const setup = await call(first, 'session.setup', { displayName: 'Admin', username: 'admin', password: testPassword });
      assert.ok(setup.ok, JSON.stringify(setup));
      recoveryKey = setup.value.recoveryKey as string;
      assert.match(recoveryKey, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){12}$/);
    } finally {
      first.close();
    }

    const newPassword = 'the administrator wrote this one down';
    const second = await open(dataDir);
    try {
      // Locked: a wrong key is refused without opening anything.
      const wrong = recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      const refused = await call(second, 'session.recoverWithKey', { recoveryKey: wrong, username: 'admin', newPassword });
      assert.ok(!refused.ok && refused.error.code === 'forbidden', JSON.stringify(refused));
      assert.equal(refused.ok ? null : refused.error.details?.reason, 'wrong_recovery_key');
      assert.ok(!(await call(second, 'hearings.list', {})).ok, 'still locked');
      // The right key, typed loosely, opens the data key and sets the password.
      const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
      const recovered = await call(second, 'session.recoverWithKey', { recoveryKey: typed, username: 'admin', newPassword });
      assert.ok(recovered.ok, JSON.stringify(recovered));
      const signedIn = await call(second, 'session.signIn', { username: 'admin', password: newPassword });
      assert.ok(signedIn.ok, JSON.stringify(signedIn));
    } finally {
      second.close();
    }

    // After a restart the new password opens the administrator's key slot; the old one does not.
    const third = await open(dataDir);
    try {
      const old = await call(third, 'session.signIn', { username: 'admin', password: testPassword });
      assert.ok(!old.ok && old.error.code === 'forbidden');
      const signedIn = await call(third, 'session.signIn', { username: 'admin', password: newPassword });
      assert.ok(signedIn.ok, JSON.stringify(signedIn));
    } finally {
      third.close();
    }
  });
});
