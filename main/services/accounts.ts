import { createHash, randomUUID } from 'node:crypto';
import { ApiError, conflict } from '../../shared/api/errors';
import type { Role } from '../../shared/api/schemas';
import type { Account, SignedInUser } from '../../shared/domain/accounts';
import type { AuditLog } from './audit-log';
import type { Db } from './db/database';
import { decoyHash, hashSecret, verifySecret } from './passwords';
import { decodeRecoveryKey, encodeRecoveryKey, newRecoveryKey } from './keys/recovery-key';

/**
 * What other services may hook onto, for the data key's key slots (see README, "Accounts"). The
 * password and the recovery key are handed over in memory while the call runs and kept nowhere
 * by this service; a hook that throws fails the call (a sign-in that cannot unlock the data key
 * is no sign-in).
 */
export interface IdentityHooks {
  /** A person proved their password: signing in, unlocking, or taking over a locked session. */
  signedIn?(event: { user: SignedInUser; password: string }): void | Promise<void>;
  /** First start: the first administrator exists; the recovery key is shown once, then gone. */
  firstAdministratorCreated?(event: { user: SignedInUser; password: string; recoveryKey: string }): void | Promise<void>;
  /**
   * A password was set: an account created, a password reset by the administrator, or changed
   * by its own person. `previousPassword` is given only for a change by its own person, who
   * proved it just before: the slot it opens is wrapped again under `password`. A reset by the
   * administrator comes without it (the administrator does not know it).
   */
  passwordSet?(event: { user: SignedInUser; password: string; previousPassword?: string }): void | Promise<void>;
  /**
   * An administrator's password was reset with the recovery key (nobody else's can be): the
   * recovery key was checked against its verifier just before. The key-slot side opens the
   * recovery slot with `recoveryKey` and wraps the data key again for `user` under `password`.
   */
  recoveredWithKey?(event: { user: SignedInUser; password: string; recoveryKey: string }): void | Promise<void>;
}

/**
 * Wrong passwords slow down, per username typed (known or not, so the answer tells nothing):
 * `freeAttempts` wrong passwords are answered at once; after that each attempt must wait
 * `baseMs`, then twice as long after each further failure, up to `maxMs`. A success resets it.
 */
export interface BackOff {
  freeAttempts: number;
  baseMs: number;
  maxMs: number;
}
export const defaultBackOff: BackOff = { freeAttempts: 3, baseMs: 1000, maxMs: 5 * 60_000 };

/** Failures since the last success, per lower-cased username: a Map, or a store that outlives a restart. */
export interface FailureMap {
  get(username: string): { count: number; retryAt: number } | undefined;
  set(username: string, state: { count: number; retryAt: number }): void;
  delete(username: string): void;
}

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: string;
}

const recoveryVerifierKey = 'recovery_key_verifier';
/** The back-off of the recovery key: one for the installation, apart from every username. */
const recoveryBackOffKey = '\u0000recovery-key';

function tooManyAttempts(retryAfterMs: number, what: string): ApiError {
  return new ApiError('too_many_attempts', `${what} Wait ${Math.ceil(retryAfterMs / 1000)} s, then try again.`, {
    details: { retryAfterMs },
  });
}
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Local accounts: Argon2id password hashes, the administrator's management, the back-off. */
export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly hooks: IdentityHooks = {},
    private readonly backOff: BackOff = defaultBackOff,
    private readonly clock: () => Date = () => new Date(),
    /** Failures since the last success, per lower-cased username: in memory unless a store is given. */
    private readonly failures: FailureMap = new Map<string, { count: number; retryAt: number }>(),
  ) {}

  setupNeeded(): boolean {
    return this.db.prepare('SELECT COUNT(*) FROM accounts').pluck().get() === 0;
  }

  /**
   * First start: the first administrator and the recovery key (returned once, kept as a verifier
   * hash). With encryption on, the recovery key is the one the data key's recovery slot opens with.
   */
  async setup(
    input: { displayName: string; username: string; password: string },
    givenRecoveryKey?: string,
  ): Promise<{ user: SignedInUser; recoveryKey: string }> {
    if (!this.setupNeeded()) {
      throw conflict('setup_done', 'The first administrator already exists. Sign in, or ask the administrator for an account.');
    }
    const recoveryKey = givenRecoveryKey ?? newRecoveryKey();
    const [passwordHash, recoveryHash] = await Promise.all([
      hashSecret(input.password),
      hashSecret(recoveryKey),
    ]);
    const user = this.db.transaction(() => {
      // Checked again inside the transaction: two first starts racing must not both succeed.
      if (!this.setupNeeded()) {
        throw conflict('setup_done', 'The first administrator already exists. Sign in, or ask the administrator for an account.');
      }
      const created = this.insert({ ...input, role: 'administrator' }, passwordHash);
      this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(recoveryVerifierKey, recoveryHash);
      this.audit.append({ userId: created.id, role: 'administrator' }, 'accounts.setup', null, { userId: created.id });
      return created;
    })();
    const signedIn = toUser(user);
    await this.hooks.firstAdministratorCreated?.({ user: signedIn, password: input.password, recoveryKey });
    return { user: signedIn, recoveryKey };
  }

  /**
   * Checks a username and password, with the back-off and an audit entry for every attempt
   * (`session.signed_in`, `session.sign_in_failed`, `session.sign_in_refused`), never the
   * password. `purpose` names the attempt in the audit log (a sign-in, an unlock).
   */
  async authenticate(username: string, password: string, purpose: 'sign_in' | 'unlock'): Promise<SignedInUser> {
    const row = await this.checkPassword(username, password, purpose);
    const user = toUser(toAccount(row));
    await this.hooks.signedIn?.({ user, password });
    this.audit.append({ userId: row.id, role: row.role }, 'session.signed_in', null, { purpose });
    return user;
  }

  /**
   * A signed-in person changes their own password. The current one is checked exactly as at
   * sign-in (same back-off, shared with sign-in for that account; a wrong one is audited as
   * `session.sign_in_failed` with purpose `change_password`), the new one must meet the rule of
   * a new account (the contract's `newPassword`). The hash is replaced, then the `passwordSet`
   * hook runs with the previous password; if the hook fails, the previous hash is put back and
   * the call fails, so the password and the key slots never disagree.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<Account> {
    const account = this.get(userId);
    const row = await this.checkPassword(account.username, currentPassword, 'change_password');
    if (newPassword === currentPassword) {
      throw new ApiError('invalid_input', 'The new password is the same as the current one. Choose another.', {
        issues: [{ path: 'newPassword', code: 'same_password', message: 'must differ from the current password' }],
      });
    }
    await this.replaceHash(row, newPassword, (user) =>
      this.hooks.passwordSet?.({ user, password: newPassword, previousPassword: currentPassword }),
    );
    this.audit.append({ userId: row.id, role: row.role }, 'account.password_changed', null, { userId: row.id, by: 'self' });
    return this.get(userId);
  }

  /**
   * The recovery key resets an administrator's password (the administrator forgot theirs, or no
   * administrator can sign in). The key is read as a person types it (case, spaces and dashes
   * forgiven) and checked against the verifier kept at first start. Every attempt is audited
   * (`account.recovery_failed`, `account.recovery_refused`, `account.recovered_with_key`), never
   * the key or the password; wrong keys slow down as wrong passwords do, for the installation as
   * a whole (there is one key). Only an enabled administrator's password can be reset this way;
   * the others are reset by an administrator.
   */
  async recoverWithKey(input: { recoveryKey: string; username: string; newPassword: string }): Promise<Account> {
    const now = this.clock().getTime();
    const row = this.db.prepare('SELECT * FROM accounts WHERE username = ?').get(input.username.trim()) as AccountRow | undefined;
    const who = row ? { userId: row.id, role: row.role } : { userId: 'unknown', role: 'none' };
    const attempt = row ? {} : { usernameSha256: sha256(input.username.trim().toLowerCase()) };
    const state = this.failures.get(recoveryBackOffKey);
    if (state && now < state.retryAt) {
      const retryAfterMs = state.retryAt - now;
      this.audit.append(who, 'account.recovery_refused', null, { ...attempt, failures: state.count, retryAfterMs });
      throw tooManyAttempts(retryAfterMs, 'Too many wrong recovery keys.');
    }
    const verifier = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(recoveryVerifierKey) as string | undefined;
    const bytes = decodeRecoveryKey(input.recoveryKey);
    // The canonical form (groups of four, capitals) is what the verifier was made from.
    const ok = await verifySecret(verifier ?? (await decoyHash()), bytes ? encodeRecoveryKey(bytes) : input.recoveryKey);
    if (!ok || !verifier || !bytes) {
      const waitMs = this.countFailure(recoveryBackOffKey, state);
      const why = !verifier ? 'no_verifier' : !bytes ? 'not_a_recovery_key' : 'wrong_recovery_key';
      this.audit.append(who, 'account.recovery_failed', null, { ...attempt, why, failures: this.failures.get(recoveryBackOffKey)?.count });
      throw new ApiError(
        'forbidden',
        bytes
          ? 'The recovery key is wrong. Check each group of four against the paper it was written on, then try again.'
          : 'That is not a recovery key: it has 13 groups of 4 letters and digits. Check each group against the paper it was written on.',
        { details: { reason: 'wrong_recovery_key', ...(waitMs > 0 ? { retryAfterMs: waitMs } : {}) } },
      );
    }
    this.failures.delete(recoveryBackOffKey);
    if (!row || row.role !== 'administrator' || row.disabled) {
      this.audit.append(who, 'account.recovery_failed', null, { ...attempt, why: row ? 'not_administrator' : 'unknown_username' });
      throw new ApiError(
        'forbidden',
        'The recovery key resets only the password of an enabled administrator, and there is none with this username. Check the username; other accounts are reset by an administrator.',
        { details: { reason: 'not_administrator' } },
      );
    }
    await this.replaceHash(row, input.newPassword, (user) =>
      this.hooks.recoveredWithKey?.({ user, password: input.newPassword, recoveryKey: encodeRecoveryKey(bytes) }),
    );
    this.failures.delete(row.username.toLowerCase());
    this.audit.append({ userId: row.id, role: row.role }, 'account.recovered_with_key', null, { userId: row.id });
    return this.get(row.id);
  }

  /**
   * The row of `username` when `password` is its password; otherwise a refusal, after the
   * back-off, with the attempt audited (never the password).
   */
  private async checkPassword(username: string, password: string, purpose: 'sign_in' | 'unlock' | 'change_password'): Promise<AccountRow> {
    const key = username.trim().toLowerCase();
    const now = this.clock().getTime();
    const row = this.db.prepare('SELECT * FROM accounts WHERE username = ?').get(username.trim()) as AccountRow | undefined;
    const who = row ? { userId: row.id, role: row.role } : { userId: 'unknown', role: 'none' };
    // A username typed by mistake may be a password: only its hash goes into the audit log.
    const attempt = { purpose, ...(row ? {} : { usernameSha256: sha256(key) }) };
    const state = this.failures.get(key);
    if (state && now < state.retryAt) {
      const retryAfterMs = state.retryAt - now;
      this.audit.append(who, 'session.sign_in_refused', null, { ...attempt, failures: state.count, retryAfterMs });
      throw tooManyAttempts(retryAfterMs, 'Too many wrong passwords for this account.');
    }
    const usable = row && !row.disabled;
    const ok = await verifySecret(usable ? row.password_hash : await decoyHash(), password);
    if (!ok || !usable) {
      const waitMs = this.countFailure(key, state);
      const why = !row ? 'unknown_username' : row.disabled ? 'disabled' : 'wrong_password';
      this.audit.append(who, 'session.sign_in_failed', null, { ...attempt, why, failures: this.failures.get(key)?.count });
      throw new ApiError(
        'forbidden',
        purpose === 'change_password'
          ? 'The current password is wrong. Type it again, paying attention to capitals and the keyboard layout.'
          : 'The username or the password is wrong, or the account is disabled. Check them and try again.',
        { details: { reason: 'wrong_credentials', ...(waitMs > 0 ? { retryAfterMs: waitMs } : {}) } },
      );
    }
    this.failures.delete(key);
    return row;
  }

  /** Counts one more failure under `key`; answers how long the next attempt must wait. */
  private countFailure(key: string, state: { count: number } | undefined): number {
    const count = (state?.count ?? 0) + 1;
    const over = count - this.backOff.freeAttempts;
    const waitMs = over < 0 ? 0 : Math.min(this.backOff.baseMs * 2 ** over, this.backOff.maxMs);
    this.failures.set(key, { count, retryAt: this.clock().getTime() + waitMs });
    return waitMs;
  }

  /**
   * Replaces an account's password hash, then runs `hook` (the key slots follow the password);
   * if the hook fails, the previous hash is put back before the error goes on.
   */
  private async replaceHash(row: AccountRow, password: string, hook: (user: SignedInUser) => void | Promise<void>): Promise<void> {
    const passwordHash = await hashSecret(password);
    const set = this.db.prepare('UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?');
    set.run(passwordHash, this.clock().toISOString(), row.id);
    try {
      await hook(toUser(toAccount(row)));
    } catch (err) {
      set.run(row.password_hash, this.clock().toISOString(), row.id);
      throw err;
    }
  }

  list(): Account[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY display_name COLLATE NOCASE, id').all() as AccountRow[]).map(toAccount);
  }

  get(userId: string): Account {
    const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(userId) as AccountRow | undefined;
    if (!row) throw new ApiError('not_found', `There is no account with the identifier ${userId}. Reload the list of accounts.`);
    return toAccount(row);
  }

  /** The enabled accounts that can be on a hearing team, without usernames. */
  directory(): Array<{ id: string; displayName: string; role: Role }> {
    return (
      this.db
        .prepare("SELECT id, display_name, role FROM accounts WHERE disabled = 0 AND role <> 'administrator' ORDER BY display_name COLLATE NOCASE")
        .all() as Array<{ id: string; display_name: string; role: Role }>
    ).map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
  }

  async create(input: { displayName: string; username: string; role: Role; password: string }): Promise<Account> {
    const passwordHash = await hashSecret(input.password);
    this.assertUsernameFree(input.username);
    const account = this.insert(input, passwordHash);
    await this.hooks.passwordSet?.({ user: toUser(account), password: input.password });
    return account;
  }

  update(input: { userId: string; displayName?: string | undefined; role?: Role | undefined; disabled?: boolean | undefined }): Account {
    const current = this.get(input.userId);
    const role = input.role ?? current.role;
    const disabled = input.disabled ?? current.disabled;
    if (current.role === 'administrator' && !current.disabled && (role !== 'administrator' || disabled) && this.activeAdministrators() <= 1) {
      throw conflict('last_administrator', 'This is the only administrator who can sign in: make another administrator first.');
    }
    this.db
      .prepare('UPDATE accounts SET display_name = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ?')
      .run(input.displayName ?? current.displayName, role, disabled ? 1 : 0, this.clock().toISOString(), input.userId);
    return this.get(input.userId);
  }

  async resetPassword(userId: string, password: string): Promise<Account> {
    const account = this.get(userId);
    const passwordHash = await hashSecret(password);
    this.db.prepare('UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, this.clock().toISOString(), userId);
    this.failures.delete(account.username.toLowerCase());
    await this.hooks.passwordSet?.({ user: toUser(account), password });
    return account;
  }

  /** The display name of each account id, for the access history. */
  displayNames(): Map<string, string> {
    const rows = this.db.prepare('SELECT id, display_name FROM accounts').all() as Array<{ id: string; display_name: string }>;
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  private activeAdministrators(): number {
    return this.db.prepare("SELECT COUNT(*) FROM accounts WHERE role = 'administrator' AND disabled = 0").pluck().get() as number;
  }

  private assertUsernameFree(username: string): void {
    if (this.db.prepare('SELECT 1 FROM accounts WHERE username = ?').get(username)) {
      throw conflict('username_taken', `The username "${username}" is already used. Choose another.`);
    }
  }

  private insert(input: { displayName: string; username: string; role: Role }, passwordHash: string): Account {
    const id = randomUUID();
    const now = this.clock().toISOString();
    this.db
      .prepare(
        `INSERT INTO accounts (id, username, display_name, role, password_hash, disabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
      )
      .run(id, input.username, input.displayName, input.role, passwordHash, now, now);
    return this.get(id);
  }
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    displayName: row.display_name,
    username: row.username,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

function toUser(a: Pick<Account, 'id' | 'displayName' | 'username' | 'role'>): SignedInUser {
  return { id: a.id, displayName: a.displayName, username: a.username, role: a.role };
}
