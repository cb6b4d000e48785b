import { call } from '../api/client';
import type { SessionStatus } from './session-context';

let first: Promise<SessionStatus> | null = null;

/**
 * Asks main who is signed in as the page starts, while its language loads, so that the first
 * screen does not wait for one after the other.
 */
export function askFirstStatus(): void {
  first = call('session.status', {});
  // Whoever takes it handles its failure; until then it must not count as unhandled.
  first.catch(() => undefined);
}

/** The answer asked for at start, once; null afterwards (every later check asks again). */
export function takeFirstStatus(): Promise<SessionStatus> | null {
  const taken = first;
  first = null;
  return taken;
}
