import type { Role } from './schemas';

/**
 * Who makes a call. Every dispatcher call carries one, so that accounts and per-role checks can
 * land without rewiring. Until accounts exist, each transport gives its local operator.
 */
export interface CallerContext {
  userId: string;
  displayName: string;
  role: Role;
  transport: 'ipc' | 'http' | 'internal';
}

export const localOperator = (transport: CallerContext['transport']): CallerContext => ({
  userId: 'local',
  displayName: 'Local operator',
  role: 'interviewer',
  transport,
});
