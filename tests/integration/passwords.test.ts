import assert from 'node:assert/strict';
import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { openServices } from '../../main/services/app';
import { startWebHost } from '../../main/host/web-host';
import type { ApiResult } from '../../shared/api/errors';
import { encodeInput } from '../../shared/api/wire';
import { setUpPeople, testPassword } from '../helpers/accounts';
import { tempDir } from '../helpers/temp';

/**
 * Changing one's own password and resetting an administrator's with the recovery key, through
 * the web host as a script would, with a spy on the identity hooks (what the key slots get).
 */
const baseMs = 200;
const dataDir = tempDir();
const rendererDir = tempDir();
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
const hooks = {
  passwordSet: [] as Array<{ user: string; password: string; previousPassword?: string }>,
  recovered: [] as Array<{ user: string; password: string; recoveryKey: string }>,
  recoveryKey: '',
  failNext: false,
};
const services = await openServices({
  dataDir,
  appVersion: 'test',
  backOff: { freeAttempts: 3, baseMs, maxMs: 4 * baseMs },
  identityHooks: {
    firstAdministratorCreated: (event) => void (hooks.recoveryKey = event.recoveryKey),
    passwordSet: (event) => {
      if (hooks.failNext) {
        hooks.failNext = false;
        throw new Error('the key slot could not be written');
      }
      hooks.passwordSet.push({ user: event.user.username, password: event.password, ...(event.previousPassword ? { previousPassword: event.previousPassword } : {}) });
    },
    recoveredWithKey: (event) => void hooks.recovered.push({ user: event.user.username, password: event.password, recoveryKey: event.recoveryKey }),
  },
});
const host = await startWebHost({ services, rendererDir });
after(async () => {
  await host.close();
  services.close();
});

function post(name: string, input: unknown, session: string | null = null): Promise<ApiResult<unknown>> {
  const { body, contentType } = encodeInput(input);
  const headers: Record<string, string> = { 'Content-Type': contentType, 'X-Hearing-Room-Token': host.token };
  if (session) headers['X-Hearing-Room-Session'] = session;
  return new Promise((resolve, reject) => {
    const req = request(`${host.url}/api/${name}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve(JSON.parse(text) as ApiResult<unknown>));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const { admin, people } = await setUpPeople(post, { ines: 'interviewer', paul: 'psychologist' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codeOf = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.error.code);
const reasonOf = (r: ApiResult<unknown>) => (r.ok ? null : r.error.details?.reason);
const retryAfter = (r: ApiResult<unknown>) => (r.ok ? 0 : Number(r.error.details?.retryAfterMs ?? 0));
async function signIn(username: string, password: string): Promise<ApiResult<unknown>> {
  return post('session.signIn', { username, password });
}
async function sessionOf(username: string, password: string): Promise<string> {
  const r = await signIn(username, password);
  assert.ok(r.ok, `sign-in of ${username}`);
  return (r.value as { sessionToken: string }).sessionToken;
}

/** The audit entries of one action, read from the database as anyone with the file could. */
function audit(action: string): Array<{ userId: string; details: string }> {
  const db = new Database(join(dataDir, 'hearing-room.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT user_id AS userId, details FROM audit_log WHERE action = ?').all(action) as Array<{ userId: string; details: string }>;
  } finally {
    db.close();
  }
}
function allAudit(): string {
  const db = new Database(join(dataDir, 'hearing-room.sqlite'), { readonly: true });
  try {
    return JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
  } finally {
    db.close();
  }
}

describe('changing one’s own password', () => {
  const next = 'a new and longer passphrase';

  test('a wrong current password is refused, audited, and slowed down as at sign-in', async () => {
    const session = people.ines!.session;
    const wrong = { currentPassword: 'not my password at all', newPassword: next };
    for (let i = 0; i < 3; i++) {
      const r = await post('session.changePassword', wrong, session);
      assert.equal(codeOf(r), 'forbidden');
      assert.equal(reasonOf(r), 'wrong_credentials');
    }
    const early = await post('session.changePassword', { currentPassword: testPassword, newPassword: next }, session);
    assert.equal(codeOf(early), 'too_many_attempts', 'the right password, too early');
    assert.ok(retryAfter(early) > 0 && retryAfter(early) <= baseMs);
    // The back-off is the account's: signing in as ines waits as well.
    assert.equal(codeOf(await signIn('ines', testPassword)), 'too_many_attempts');
    const failed = audit('session.sign_in_failed').filter((e) => e.userId === people.ines!.id);
    assert.equal(failed.length, 3);
    for (const e of failed) assert.match(e.details, /"purpose":"change_password"/);
    assert.ok(audit('session.sign_in_refused').some((e) => e.userId === people.ines!.id && e.details.includes('change_password')));
    assert.equal(hooks.passwordSet.filter((h) => h.user === 'ines').length, 1, 'only the account’s creation set a password');
    await sleep(retryAfter(early) + 20);
  });

  test('a new password must follow the rule of a new account, and differ from the current one', async () => {
    const short = await post('session.changePassword', { currentPassword: testPassword, newPassword: 'short' }, people.ines!.session);
    assert.equal(codeOf(short), 'invalid_input');
    assert.ok(!short.ok && short.error.issues?.some((i) => i.path === 'newPassword'));
    const same = await post('session.changePassword', { currentPassword: testPassword, newPassword: testPassword }, people.ines!.session);
    assert.equal(codeOf(same), 'invalid_input');
    assert.ok(!same.ok && same.error.issues?.some((i) => i.code === 'same_password'));
  });

  test('the right one: the password changes, the other sessions end, the hook gets the previous password', async () => {
    const other = await sessionOf('ines', testPassword);
    const r = await post('session.changePassword', { currentPassword: testPassword, newPassword: next }, people.ines!.session);
    assert.equal(codeOf(r), 'ok');
    assert.deepEqual(r.ok && r.value, { endedSessions: 1 });
    assert.equal(codeOf(await post('hearings.list', {}, other)), 'signed_out', 'the other session ended');
    assert.equal(codeOf(await post('hearings.list', {}, people.ines!.session)), 'ok', 'this session goes on');
    assert.equal(codeOf(await signIn('ines', testPassword)), 'forbidden', 'the old password no longer works');
    assert.equal(codeOf(await signIn('ines', next)), 'ok');
    assert.deepEqual(hooks.passwordSet.at(-1), { user: 'ines', password: next, previousPassword: testPassword });
    const changed = audit('account.password_changed');
    assert.equal(changed.length, 1);
    assert.equal(changed[0]!.userId, people.ines!.id);
    const text = allAudit();
    assert.ok(!text.includes(next) && !text.includes(testPassword), 'no password in the audit log');
  });

  test('when the key slots cannot follow, the password stays as it was', async () => {
    hooks.failNext = true;
    const r = await post('session.changePassword', { currentPassword: testPassword, newPassword: next }, people.paul!.session);
    assert.equal(codeOf(r), 'internal');
    assert.equal(codeOf(await signIn('paul', testPassword)), 'ok');
    assert.equal(codeOf(await signIn('paul', next)), 'forbidden');
  });

  test('signed out, nobody changes a password', async () => {
    assert.equal(codeOf(await post('session.changePassword', { currentPassword: testPassword, newPassword: next })), 'signed_out');
  });
});

describe('resetting an administrator’s password with the recovery key', () => {
  const newAdminPassword = 'the administrator remembers this one';
  /** Another key of the same form: 256 bits, none of them the installation's. */
  const wrongKey = hooks.recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));

  test('a wrong key is refused, audited, and slowed down; nothing changes', async () => {
    const attempt = { recoveryKey: wrongKey, username: 'admin', newPassword: newAdminPassword };
    for (let i = 0; i < 2; i++) {
      const r = await post('session.recoverWithKey', attempt);
      assert.equal(codeOf(r), 'forbidden');
      assert.equal(reasonOf(r), 'wrong_recovery_key');
    }
    const malformed = await post('session.recoverWithKey', { ...attempt, recoveryKey: 'ABCD-EFGH' });
    assert.equal(codeOf(malformed), 'forbidden', 'not a key at all');
    assert.match(!malformed.ok ? malformed.error.message : '', /13 groups/);
    // Three wrong: the right key must now wait.
    const early = await post('session.recoverWithKey', { ...attempt, recoveryKey: hooks.recoveryKey });
    assert.equal(codeOf(early), 'too_many_attempts');
    assert.ok(retryAfter(early) > 0 && retryAfter(early) <= baseMs);
    assert.equal(codeOf(await signIn('admin', testPassword)), 'ok', 'the password is as it was');
    const failed = audit('account.recovery_failed');
    assert.equal(failed.length, 3);
    assert.deepEqual(
      failed.map((e) => JSON.parse(e.details).why),
      ['wrong_recovery_key', 'wrong_recovery_key', 'not_a_recovery_key'],
    );
    assert.equal(audit('account.recovery_refused').length, 1);
    assert.equal(hooks.recovered.length, 0);
    await sleep(retryAfter(early) + 20);
  });

  test('the right key resets only an administrator’s password', async () => {
    const r = await post('session.recoverWithKey', { recoveryKey: hooks.recoveryKey, username: 'paul', newPassword: newAdminPassword });
    assert.equal(codeOf(r), 'forbidden');
    assert.equal(reasonOf(r), 'not_administrator');
    assert.equal(codeOf(await signIn('paul', testPassword)), 'ok', 'paul’s password is as it was');
    assert.equal(hooks.recovered.length, 0);
  });

  test('the right key, typed loosely: the new password works, the old does not, the hook gets the key', async () => {
    const typed = hooks.recoveryKey.toLowerCase().replace(/-/g, ' ');
    const r = await post('session.recoverWithKey', { recoveryKey: `  ${typed} `, username: 'admin', newPassword: newAdminPassword });
    assert.equal(codeOf(r), 'ok');
    assert.equal(codeOf(await post('accounts.list', {}, admin.session)), 'signed_out', 'the administrator’s sessions ended');
    assert.equal(codeOf(await signIn('admin', testPassword)), 'forbidden');
    assert.equal(codeOf(await signIn('admin', newAdminPassword)), 'ok');
    assert.deepEqual(hooks.recovered, [{ user: 'admin', password: newAdminPassword, recoveryKey: hooks.recoveryKey }]);
    const done = audit('account.recovered_with_key');
    assert.equal(done.length, 1);
    assert.equal(done[0]!.userId, admin.id);
    const text = allAudit();
    assert.ok(!text.includes(hooks.recoveryKey) && !text.includes(newAdminPassword) && !text.includes(wrongKey));
  });
});
