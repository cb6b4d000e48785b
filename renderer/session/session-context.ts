import { createContext, useContext } from 'react';
import type { CallOutput } from '../../shared/api/contract';

export type SessionStatus = CallOutput<'session.status'>;
export type SignedInUser = NonNullable<SessionStatus['user']>;

export interface SessionApi {
  user: SignedInUser;
  lock(): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);

/** The person signed in, and what they can do with their session; only under the session gate. */
export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the session gate');
  return session;
}
