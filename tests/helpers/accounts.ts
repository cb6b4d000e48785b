import type { ApiResult } from '../../shared/api/errors';
import type { Role } from '../../shared/api/schemas';

/** Every test account's password: long enough for the rule, never a real one. */
export const testPassword = 'correct horse battery staple';

/** Makes one call with a session token (null: none), however the test reaches the app. */
export type Invoke = (name: string, input: unknown, session: string | null) => Promise<ApiResult<unknown>>;

export interface Person {
  id: string;
  username: string;
  role: Role;
  session: string;
}

async function value<T>(result: Promise<ApiResult<unknown>>, what: string): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${what} failed: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/**
 * First start (the administrator, named `admin`), then one account per username given, each
 * signed in: what a test needs to call as that person.
 */
export async function setUpPeople(invoke: Invoke, people: Record<string, Role>): Promise<{ admin: Person; people: Record<string, Person> }> {
  const setup = await value<{ user: { id: string }; sessionToken: string }>(
    invoke('session.setup', { displayName: 'Admin', username: 'admin', password: testPassword }, null),
    'session.setup',
  );
  const admin: Person = { id: setup.user.id, username: 'admin', role: 'administrator', session: setup.sessionToken };
  const out: Record<string, Person> = {};
  for (const [username, role] of Object.entries(people)) {
    const account = await value<{ id: string }>(
      invoke('accounts.create', { displayName: `Test ${username}`, username, role, password: testPassword }, admin.session),
      `accounts.create ${username}`,
    );
    const signedIn = await value<{ sessionToken: string }>(invoke('session.signIn', { username, password: testPassword }, null), `sign-in ${username}`);
    out[username] = { id: account.id, username, role, session: signedIn.sessionToken };
  }
  return { admin, people: out };
}
