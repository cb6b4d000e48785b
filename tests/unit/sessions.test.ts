import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SessionStore, sessionIdleEndMs } from '../../main/services/sessions';

const user = { id: '0b4c6f0e-4d5f-4a8a-9a52-5d1f0e3c2b1a', displayName: 'I', username: 'i', role: 'interviewer' as const };

test('a session locks after the lock delay without use, and the recording’s own calls do not keep it open', () => {
  let now = 0;
  const sessions = new SessionStore(() => 10 * 60_000, () => now);
  const token = sessions.create(user);
  now = 9 * 60_000;
  const s = sessions.resolve(token)!;
  sessions.touch(s);
  now += 9 * 60_000;
  assert.equal(sessions.resolve(token)!.locked, false, 'used 9 minutes ago');
  // Chunks and heartbeats resolve the session without touching it.
  now += 2 * 60_000;
  assert.equal(sessions.resolve(token)!.locked, true, '11 minutes without use');
  sessions.touch(s);
  assert.equal(sessions.resolve(token)!.locked, true, 'use does not unlock: only the password does');
  sessions.unlock(s, user);
  assert.equal(sessions.resolve(token)!.locked, false);
});

test('a session nothing reached for the idle end is over; a token is only ever its SHA-256 in memory', () => {
  let now = 0;
  const sessions = new SessionStore(() => 60_000, () => now);
  const token = sessions.create(user);
  now = sessionIdleEndMs + 1;
  assert.equal(sessions.resolve(token), null);
  assert.equal(sessions.resolve('forged'), null);
  assert.ok(!JSON.stringify([...(sessions as unknown as { byTokenHash: Map<string, unknown> }).byTokenHash.keys()]).includes(token));
});
