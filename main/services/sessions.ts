import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { CallerContext } from '../../shared/api/caller';
import type { SignedInUser } from '../../shared/domain/accounts';

export interface Session {
  id: string;
  user: SignedInUser;
  locked: boolean;
  /** The last time the person used the screen: the lock counts from here. */
  activeAt: number;
  /** The last call of any kind (a recording's chunks included): the session ends long after. */
  seenAt: number;
}

/** A session no call has reached for this long is over (a tab or a script gone for good). */
export const sessionIdleEndMs = 12 * 3600_000;

/**
 * The signed-in sessions, in main's memory only: a restart signs everyone out. A transport holds
 * only the token (a cookie the page cannot read, the window's entry in Electron, a script's
 * header); the store keeps its SHA-256, so even a dump of this map opens nothing.
 */
export class SessionStore {
  private readonly byTokenHash = new Map<string, Session>();

  constructor(
    /** Minutes without use after which a session locks (the administrator's setting). */
    private readonly lockAfterMs: () => number,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  create(user: SignedInUser): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    this.byTokenHash.set(hashToken(token), { id: randomUUID(), user, locked: false, activeAt: now, seenAt: now });
    return token;
  }

  /**
   * The session of a token, or null. A session unused for the lock delay is locked here, on the
   * next request, whatever the page does: an abandoned tab or a script cannot go on unlocked.
   */
  resolve(token: string | null | undefined): Session | null {
    if (!token) return null;
    const key = hashToken(token);
    const session = this.byTokenHash.get(key);
    if (!session) return null;
    const now = this.clock();
    if (now - session.seenAt > sessionIdleEndMs) {
      this.byTokenHash.delete(key);
      return null;
    }
    session.seenAt = now;
    if (!session.locked && now - session.activeAt > this.lockAfterMs()) session.locked = true;
    return session;
  }

  /** The person used the screen (a call other than the recording's own, or a report of activity). */
  touch(session: Session): void {
    if (!session.locked) session.activeAt = this.clock();
  }

  find(sessionId: string): Session | null {
    for (const s of this.byTokenHash.values()) if (s.id === sessionId) return s;
    return null;
  }

  lock(session: Session): void {
    session.locked = true;
  }

  /** Unlocked by its own person, or taken over by another person of the team. */
  unlock(session: Session, user: SignedInUser): void {
    session.user = user;
    session.locked = false;
    session.activeAt = this.clock();
  }

  end(sessionId: string): void {
    for (const [key, s] of this.byTokenHash) if (s.id === sessionId) this.byTokenHash.delete(key);
  }

  /** How many sessions an account has open. */
  countOf(userId: string): number {
    let n = 0;
    for (const s of this.byTokenHash.values()) if (s.user.id === userId) n++;
    return n;
  }

  /** Ends every session of an account but one: its person changed the password in that one. */
  endOthersOf(userId: string, keepSessionId: string): void {
    for (const [key, s] of this.byTokenHash) if (s.user.id === userId && s.id !== keepSessionId) this.byTokenHash.delete(key);
  }

  /** Ends every session of an account: disabled, its role changed, its password reset. */
  endFor(userId: string): void {
    for (const [key, s] of this.byTokenHash) if (s.user.id === userId) this.byTokenHash.delete(key);
  }
}

export function callerOf(session: Session, transport: CallerContext['transport']): CallerContext {
  return {
    userId: session.user.id,
    displayName: session.user.displayName,
    role: session.user.role,
    transport,
    session: { id: session.id, locked: session.locked },
  };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
