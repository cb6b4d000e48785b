import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { keysDir, readKeyFile, replaceKeyFile, writeKeyFileOnce } from './key-file';
import { KeyStoreError } from './key-store';
import type { FailureMap } from '../accounts';

const format = 'hearing-room-sign-in/1';
/** Attempts kept for the audit log while the data key is locked; beyond this only a count is kept. */
export const maxPendingAttempts = 1000;

/** A sign-in attempt made before the data key was unlocked, written into the audit log at unlock. */
export interface PendingAttempt {
  /** When it happened (ISO). */
  at: string;
  /** The keyed hash of the username typed (lower-cased), as in `failures`. */
  username: string;
  /** `wrong_credentials`: the password opened no key slot; `refused`: the back-off was running. */
  outcome: 'wrong_credentials' | 'refused';
  /** Failures in a row for this username, this one included. */
  failures: number;
}

interface StateJson {
  format: typeof format;
  /** Random, per installation: usernames are stored only as HMACs under it. */
  salt: string;
  failures: Record<string, { count: number; retryAt: number }>;
  pending: PendingAttempt[];
  /** Attempts not kept because `pending` was full. */
  dropped: number;
}

/** `<dataDir>/keys/sign-in.json`: owner-only, beside the key slots. */
export function signInStateFile(dataDir: string): string {
  return join(keysDir(dataDir), 'sign-in.json');
}

/**
 * What sign-in needs before the database can be read, kept in one small plain file (the database
 * is encrypted, so it is not there yet): the key slot of a username, the back-off of each username
 * typed, and the attempts that failed while the data key was locked. No username is stored in
 * clear: each is an HMAC-SHA256 under a random per-installation salt, so a copy of the file tells
 * how many usernames were tried and when, and lets someone test a guessed username, never lists them.
 */
export class SignInState {
  private constructor(
    private readonly file: string,
    private state: StateJson,
  ) {}

  static open(file: string): SignInState {
    const json = readKeyFile(file) as Partial<StateJson> | null;
    if (json === null) {
      const fresh: StateJson = { format, salt: randomBytes(32).toString('base64'), failures: {}, pending: [], dropped: 0 };
      // Two processes racing: the one that wrote first wins, the other reads its file.
      if (!writeKeyFileOnce(file, JSON.stringify(fresh))) return SignInState.open(file);
      return new SignInState(file, fresh);
    }
    if (json.format !== format || typeof json.salt !== 'string' || typeof json.failures !== 'object' || !Array.isArray(json.pending)) {
      throw new KeyStoreError(
        'damaged',
        `The sign-in file ${file} cannot be read: it is not a ${format} file. Restore the data folder's keys/ from its backup.`,
      );
    }
    return new SignInState(file, {
      format,
      salt: json.salt,
      failures: json.failures ?? {},
      pending: json.pending,
      dropped: typeof json.dropped === 'number' ? json.dropped : 0,
    });
  }

  /** The key slot id of an account, from its username as typed at sign-in (trimmed, case kept, as the accounts table). */
  slotIdFor(username: string): string {
    return `account-${this.hash('slot', username.trim().normalize('NFC')).slice(0, 48)}`;
  }

  /** The keyed hash under which a username's back-off and failed attempts are kept. */
  usernameHash(username: string): string {
    return this.hash('back-off', username.trim().toLowerCase().normalize('NFC'));
  }

  /** The back-off per lower-cased username, kept in this file: it outlives a restart. */
  failureMap(): FailureMap {
    return {
      get: (username) => this.state.failures[this.usernameHash(username)],
      set: (username, value) => {
        this.state.failures[this.usernameHash(username)] = value;
        this.save();
      },
      delete: (username) => {
        const key = this.usernameHash(username);
        if (!(key in this.state.failures)) return;
        delete this.state.failures[key];
        this.save();
      },
    };
  }

  addPending(attempt: PendingAttempt): void {
    if (this.state.pending.length >= maxPendingAttempts) this.state.dropped += 1;
    else this.state.pending.push(attempt);
    this.save();
  }

  pending(): { attempts: PendingAttempt[]; dropped: number } {
    return { attempts: [...this.state.pending], dropped: this.state.dropped };
  }

  /** Called once the pending attempts are in the audit log. */
  clearPending(): void {
    if (this.state.pending.length === 0 && this.state.dropped === 0) return;
    this.state.pending = [];
    this.state.dropped = 0;
    this.save();
  }

  private hash(purpose: string, value: string): string {
    return createHmac('sha256', Buffer.from(this.state.salt, 'base64')).update(`${purpose}\0${value}`).digest('hex');
  }

  private save(): void {
    replaceKeyFile(this.file, JSON.stringify(this.state));
  }
}
