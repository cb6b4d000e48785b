import type { Role } from './schemas';

/**
 * Who makes a call. A transport resolves its session (the window's in Electron, a cookie or a
 * token on the web host) to one in main; the dispatcher trusts the context it is given. The
 * `session` is absent for calls made inside main and by in-process tests.
 */
export interface CallerContext {
  userId: string;
  displayName: string;
  role: Role;
  transport: 'ipc' | 'http' | 'internal';
  session?: { id: string; locked: boolean };
}

/** A caller for in-process use (tests, scripts that compose the services): an interviewer with no session. */
export const localOperator = (transport: CallerContext['transport']): CallerContext => ({
  userId: 'local',
  displayName: 'Local operator',
  role: 'interviewer',
  transport,
});
