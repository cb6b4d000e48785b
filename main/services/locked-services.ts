import { randomBytes, scrypt } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Dispatcher, type Handlers } from './dispatcher';
import { openDatabase, type Db } from './db/database';
import type { AuditLog } from './audit-log';
import { defaultBackOff, type IdentityHooks } from './accounts';
import { KeySlots, defaultScryptCost, keySlotsFile, minimumPasswordLength, type ScryptCost } from './keys/key-slots';
import { KeyStoreError } from './keys/key-store';
import { DataKeySigningKey } from './keys/data-key-signing-key';
import { SignInState, signInStateFile } from './keys/sign-in-state';
import type { SecretWrapper } from './keys/wrapped-key-file';
import { EncryptedMediaStore } from './storage/encrypted-media-store';
import type { AppServices, OpenedStorage, ServicesOptions, SessionCallResult } from './app';
import type { RecoveredRecording } from './recordings';
import type { CallerContext } from '../../shared/api/caller';
import { ApiError, conflict, type ApiErrorBody, type ApiResult } from '../../shared/api/errors';

export interface EncryptionOptions {
  /** Electron's safeStorage: each account's key slot is also bound to this machine. */
  machine?: SecretWrapper;
  /** scrypt cost of new key slots; tests lower it. */
  cost?: ScryptCost;
}

type Compose = (options: ServicesOptions, opened: OpenedStorage) => Promise<AppServices>;

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

/** A database an earlier version made without encryption: its first bytes are SQLite's own header. */
export function isPlainDatabase(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < sqliteMagic.byteLength) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(sqliteMagic.byteLength);
    readSync(fd, head, 0, head.byteLength, 0);
    return head.equals(sqliteMagic);
  } finally {
    closeSync(fd);
  }
}

const wrongCredentials = 'The username or the password is wrong, or the account is disabled. Check them and try again.';

/**
 * The app with encryption at rest, in two phases (docs/encryption.md, "How it is wired"). Until
 * the data key is unlocked, the database cannot be read: only `session.status`, `session.setup`
 * (first start: the data key, its slots and the first administrator) and `session.signIn` (the
 * password opens the account's key slot, then the database opens and the usual sign-in runs)
 * answer; every other call is `signed_out` and every media request 401. Once unlocked, every call
 * goes to the services composed on the encrypted database and media, until the app stops.
 */
export async function openEncryptedServices(options: ServicesOptions, encryption: EncryptionOptions, compose: Compose): Promise<AppServices> {
  const dataDir = options.dataDir;
  const dbFile = join(dataDir, 'hearing-room.sqlite');
  const slotsFile = keySlotsFile(dataDir);
  const state = SignInState.open(signInStateFile(dataDir));
  const slotOptions = {
    ...(encryption.machine ? { machine: encryption.machine } : {}),
    ...(encryption.cost ? { cost: encryption.cost } : {}),
  };
  const backOff = options.backOff ?? defaultBackOff;
  let inner: AppServices | null = null;
  let keys: KeySlots | null = null;

  // Setting up and the first sign-in run one at a time: a second one waits, then finds the app open.
  let turn: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = turn.then(work, work);
    turn = next.catch(() => undefined);
    return next;
  };

  /** Each account's slot follows its password, once the data key is open. */
  const hooks: IdentityHooks = {
    signedIn: async ({ user, password }) => {
      const slotId = state.slotIdFor(user.username);
      // An account made before its slot could be (a password shorter than slots accept, say) gets one now.
      if (keys && !keys.slotIds().includes(slotId) && password.length >= minimumPasswordLength) {
        await keys.addSlot(slotId, password);
      }
    },
    passwordSet: async ({ user, password }) => {
      if (!keys) return;
      const slotId = state.slotIdFor(user.username);
      if (keys.slotIds().includes(slotId)) await keys.setPassword(slotId, password);
      else await keys.addSlot(slotId, password);
    },
    // The recovery key opened the data key (recover below) or the app was open: the
    // administrator's slot is wrapped again under the new password.
    recoveredWithKey: async ({ user, password }) => {
      if (!keys) return;
      const slotId = state.slotIdFor(user.username);
      if (keys.slotIds().includes(slotId)) await keys.setPassword(slotId, password);
      else await keys.addSlot(slotId, password);
    },
  };

  const accountUpdated = (account: { username: string; disabled: boolean }) => {
    const slotId = state.slotIdFor(account.username);
    if (!keys || !account.disabled || !keys.slotIds().includes(slotId)) return;
    try {
      keys.removeSlot(slotId);
    } catch (err) {
      // The last password slot stays: someone must still be able to open the data key.
      if (!(err instanceof KeyStoreError && err.problem === 'last_password_slot')) throw err;
    }
  };

  /** Sign-in attempts made while locked go into the audit log, with the account they named when there is one. */
  const writePending = (db: Db, audit: AuditLog) => {
    const { attempts, dropped } = state.pending();
    if (attempts.length === 0 && dropped === 0) return;
    const accounts = db.prepare('SELECT id, username, role FROM accounts').all() as Array<{ id: string; username: string; role: string }>;
    const byHash = new Map(accounts.map((a) => [state.usernameHash(a.username), a]));
    db.transaction(() => {
      for (const a of attempts) {
        const account = byHash.get(a.username);
        const who = account ? { userId: account.id, role: account.role } : { userId: 'unknown', role: 'none' };
        audit.append(who, a.outcome === 'refused' ? 'session.sign_in_refused' : 'session.sign_in_failed', null, {
          purpose: 'sign_in',
          beforeUnlock: true,
          attemptedAt: a.at,
          failures: a.failures,
          ...(account ? {} : { usernameHash: a.username }),
        });
      }
      if (dropped > 0) audit.append({ userId: 'unknown', role: 'none' }, 'session.sign_in_attempts_dropped', null, { count: dropped });
    })();
    state.clearPending();
  };

  const open = (unlocked: KeySlots, recoveryKey?: string): Promise<AppServices> => {
    const db = openDatabase(dbFile, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), key: unlocked.dataKey.databaseKey() });
    try {
      // A new installation's signing key is protected by the data key; an older one stays as it is.
      const signing = DataKeySigningKey.hasOlderKey(dataDir) ? {} : { keys: DataKeySigningKey.open(dataDir, unlocked.dataKey) };
      return compose({ ...options, ...signing }, {
        db,
        store: new EncryptedMediaStore(dataDir, unlocked.dataKey.fileKeys()),
        hooks,
        failures: state.failureMap(),
        accountUpdated,
        beforeRecovery: writePending,
        auditDigestKey: unlocked.dataKey.auditDigestKey(),
        ...(recoveryKey ? { recoveryKey } : {}),
      });
    } catch (err) {
      db.close();
      throw err;
    }
  };

  const setUp = async (input: { displayName: string; username: string; password: string }, transport: CallerContext['transport']) => {
    if (KeySlots.exists(slotsFile)) {
      throw conflict('setup_done', 'The first administrator already exists. Sign in, or ask the administrator for an account.');
    }
    if (existsSync(dbFile) && statSync(dbFile).size > 0) {
      throw new ApiError(
        'internal',
        `The database ${dbFile} exists but its key slots (${slotsFile}) do not, so it cannot be opened. Restore the data folder from its backup as a whole (database and keys/ together).`,
      );
    }
    // A signing key file left by a first start that failed half-way opens with no data key any more.
    const signingKeyFile = join(dataDir, 'keys', DataKeySigningKey.fileName);
    rmSync(signingKeyFile, { force: true });
    const created = await KeySlots.create(slotsFile, { slotId: state.slotIdFor(input.username), password: input.password }, slotOptions);
    let opened: AppServices | null = null;
    try {
      keys = created.keys;
      opened = await open(created.keys, created.recoveryKey);
      const value = answer(await opened.call(null, transport, 'session.setup', input));
      inner = opened;
      return value;
    } catch (err) {
      // Nothing half made: the next start is a first start again.
      opened?.close();
      keys = null;
      for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, signingKeyFile, slotsFile]) rmSync(f, { force: true });
      throw err;
    }
  };

  const signIn = async (input: { username: string; password: string }, transport: CallerContext['transport']) => {
    if (!KeySlots.exists(slotsFile)) throw new ApiError('forbidden', wrongCredentials, { details: { reason: 'wrong_credentials' } });
    const failures = state.failureMap();
    const username = input.username.trim().toLowerCase();
    const now = Date.now();
    const before = failures.get(username);
    if (before && now < before.retryAt) {
      const retryAfterMs = before.retryAt - now;
      state.addPending({ at: new Date(now).toISOString(), username: state.usernameHash(username), outcome: 'refused', failures: before.count });
      throw new ApiError('too_many_attempts', `Too many wrong passwords for this account. Wait ${Math.ceil(retryAfterMs / 1000)} s, then try again.`, {
        details: { retryAfterMs },
      });
    }
    let unlocked: KeySlots;
    try {
      unlocked = await KeySlots.unlock(slotsFile, state.slotIdFor(input.username), input.password, slotOptions);
    } catch (err) {
      if (!(err instanceof KeyStoreError)) throw err;
      if (err.problem !== 'wrong_password' && err.problem !== 'unknown_slot') throw new ApiError('internal', err.message);
      // A username without a slot costs as long as a wrong password: the answer's time tells nothing.
      if (err.problem === 'unknown_slot') await decoyScrypt(input.password, encryption.cost ?? defaultScryptCost);
      const count = (before?.count ?? 0) + 1;
      const over = count - backOff.freeAttempts;
      const waitMs = over < 0 ? 0 : Math.min(backOff.baseMs * 2 ** over, backOff.maxMs);
      failures.set(username, { count, retryAt: Date.now() + waitMs });
      state.addPending({ at: new Date(now).toISOString(), username: state.usernameHash(username), outcome: 'wrong_credentials', failures: count });
      throw new ApiError('forbidden', wrongCredentials, {
        details: { reason: 'wrong_credentials', ...(waitMs > 0 ? { retryAfterMs: waitMs } : {}) },
      });
    }
    keys = unlocked;
    let opened: AppServices | null = null;
    try {
      opened = await open(unlocked);
      const value = answer(await opened.call(null, transport, 'session.signIn', input));
      inner = opened;
      return value;
    } catch (err) {
      // The slot opened but the account does not sign in (disabled, say): the app stays locked.
      opened?.close();
      keys = null;
      throw err;
    }
  };

  /**
   * The administrator's password reset with the recovery key while nobody could sign in: the
   * recovery slot opens the data key, then the database opens and the usual reset runs (its own
   * check of the key, its back-off and audit). Wrong keys back off for the whole installation and
   * are audited at the next unlock, as wrong passwords are.
   */
  const recover = async (input: { recoveryKey: string; username: string; newPassword: string }, transport: CallerContext['transport']) => {
    if (!KeySlots.exists(slotsFile)) throw new ApiError('forbidden', 'There is no installation to recover yet: set it up first.');
    const failures = state.failureMap();
    const bucket = '#recovery-key';
    const now = Date.now();
    const before = failures.get(bucket);
    if (before && now < before.retryAt) {
      const retryAfterMs = before.retryAt - now;
      state.addPending({ at: new Date(now).toISOString(), username: state.usernameHash(bucket), outcome: 'refused', failures: before.count });
      throw new ApiError('too_many_attempts', `Too many wrong recovery keys. Wait ${Math.ceil(retryAfterMs / 1000)} s, then try again.`, {
        details: { retryAfterMs },
      });
    }
    let unlocked: KeySlots;
    try {
      unlocked = await KeySlots.unlockWithRecoveryKey(slotsFile, input.recoveryKey, slotOptions);
    } catch (err) {
      if (!(err instanceof KeyStoreError)) throw err;
      if (err.problem !== 'wrong_recovery_key' && err.problem !== 'not_a_recovery_key') throw new ApiError('internal', err.message);
      const count = (before?.count ?? 0) + 1;
      const over = count - backOff.freeAttempts;
      const waitMs = over < 0 ? 0 : Math.min(backOff.baseMs * 2 ** over, backOff.maxMs);
      failures.set(bucket, { count, retryAt: Date.now() + waitMs });
      state.addPending({ at: new Date(now).toISOString(), username: state.usernameHash(bucket), outcome: 'wrong_credentials', failures: count });
      throw new ApiError('forbidden', 'That recovery key does not open this installation. Check each group against the paper it was written on.', {
        details: { reason: err.problem === 'not_a_recovery_key' ? 'not_a_recovery_key' : 'wrong_recovery_key', ...(waitMs > 0 ? { retryAfterMs: waitMs } : {}) },
      });
    }
    failures.delete(bucket);
    keys = unlocked;
    let opened: AppServices | null = null;
    try {
      opened = await open(unlocked);
      const value = answer(await opened.call(null, transport, 'session.recoverWithKey', input));
      inner = opened;
      return value;
    } catch (err) {
      opened?.close();
      keys = null;
      throw err;
    }
  };

  const lockedHandlers = {
    'session.status': () => ({
      setupNeeded: !KeySlots.exists(slotsFile),
      user: null,
      locked: false,
      lockAfterMinutes: 10,
    }),
    'session.setup': (input: { displayName: string; username: string; password: string }, ctx: CallerContext | null) =>
      setUp(input, ctx?.transport ?? currentTransport),
    'session.signIn': (input: { username: string; password: string }, ctx: CallerContext | null) =>
      signIn(input, ctx?.transport ?? currentTransport),
    'session.recoverWithKey': (input: { recoveryKey: string; username: string; newPassword: string }, ctx: CallerContext | null) =>
      recover(input, ctx?.transport ?? currentTransport),
  };
  // Every call that needs a session is refused by the dispatcher itself (signed_out) while locked.
  const locked = new Dispatcher(lockedHandlers as unknown as Handlers, { record: () => undefined });
  let currentTransport: CallerContext['transport'] = 'http';

  const call = async (token: string | null, transport: CallerContext['transport'], name: unknown, input: unknown): Promise<SessionCallResult> => {
    if (inner) return inner.call(token, transport, name, input);
    if (name !== 'session.setup' && name !== 'session.signIn' && name !== 'session.recoverWithKey') {
      return { result: await locked.dispatch(null, name, input) };
    }
    return oneAtATime(async () => {
      if (inner) return inner.call(token, transport, name, input);
      currentTransport = transport;
      const result = await locked.dispatch(null, name, input);
      const sessionToken = result.ok ? (result.value as { sessionToken?: string }).sessionToken : undefined;
      return sessionToken ? { result, sessionToken } : { result };
    });
  };

  return {
    get dispatcher() {
      return inner ? inner.dispatcher : locked;
    },
    call,
    caller: (token, transport) => (inner ? inner.caller(token, transport) : null),
    media: (request, ctx) => (inner ? inner.media(request, ctx) : Promise.resolve(new Response('Sign in first.', { status: 401 }))),
    get recovered(): readonly RecoveredRecording[] {
      return inner ? inner.recovered : [];
    },
    pageGone: () => (inner ? inner.pageGone() : Promise.resolve()),
    close() {
      inner?.close();
      inner = null;
      keys = null;
    },
  };
}

/** The value of a call that succeeded, or its error thrown again as it was. */
function answer(result: SessionCallResult): unknown {
  const r: ApiResult<unknown> = result.result;
  if (r.ok) return r.value;
  const body: ApiErrorBody = r.error;
  throw new ApiError(body.code, body.message, {
    ...(body.issues ? { issues: body.issues } : {}),
    ...(body.details ? { details: body.details } : {}),
  });
}

function decoyScrypt(password: string, cost: ScryptCost): Promise<void> {
  const { N, r, p } = cost;
  return new Promise((resolve) =>
    scrypt(password, randomBytes(16), 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, () => resolve()),
  );
}
