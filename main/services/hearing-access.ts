import { createHash, randomUUID } from 'node:crypto';
import {
  accountRolesForAttendee,
  decideHearingAccess,
  hearingScope,
  mayJoinTeam,
  mayLinkAttendee,
  type HearingAction,
  type Membership,
} from '../../shared/access/hearing-access';
import type { CallerContext } from '../../shared/api/caller';
import type { CallName } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { TeamMember } from '../../shared/domain/accounts';
import type { AttendeeDraft } from '../../shared/domain/procedure';
import type { Role } from '../../shared/api/schemas';
import type { AuditLog } from './audit-log';
import type { Db } from './db/database';

/** An access for a reason lasts a working day; after that the person asks again, with a reason. */
export const accessForReasonMs = 12 * 3600_000;

/**
 * The accounts linked to the people present in a hearing's procedural record (one row per
 * attendee with a link; `hearing_id`, `user_id`). Read from the record itself, so the team
 * always follows what the record says, and nothing else has to be kept in step with it.
 */
const attendeeAccounts = `SELECT h.id AS hearing_id, json_extract(p.value, '$.userId') AS user_id
  FROM hearings h, json_each(h.procedure, '$.attendees') p
  WHERE json_extract(p.value, '$.userId') IS NOT NULL`;

function notFound(hearingId: string): ApiError {
  return new ApiError('not_found', `There is no hearing with the identifier ${hearingId}. Reload the list of hearings.`);
}

/**
 * Gathers the facts of shared/access (who is on a hearing's team, who opened it for a reason)
 * and applies its decision to every call and media request. A refusal outside the team says
 * `not_found`, exactly as for a hearing that does not exist.
 */
export class HearingAccess {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  membership(userId: string, hearingId: string): Membership {
    const team = this.db
      .prepare(
        `SELECT 1 FROM hearings WHERE id = @hearingId AND created_by = @userId
         UNION ALL SELECT 1 FROM hearing_team WHERE hearing_id = @hearingId AND user_id = @userId
         UNION ALL SELECT 1 FROM (${attendeeAccounts} AND h.id = @hearingId) WHERE user_id = @userId`,
      )
      .get({ hearingId, userId });
    if (team) return 'team';
    const grant = this.db
      .prepare('SELECT 1 FROM hearing_access_grants WHERE hearing_id = ? AND user_id = ? AND expires_at > ?')
      .get(hearingId, userId, this.clock().toISOString());
    return grant ? 'reason' : 'none';
  }

  /** Throws unless `ctx` may make `call` on the hearing its input names. */
  checkCall(ctx: CallerContext, call: CallName, input: unknown): void {
    const scope = hearingScope[call];
    if (scope === 'none') return;
    const hearingId =
      scope === 'hearing'
        ? (input as { hearingId: string }).hearingId
        : this.hearingOfRecording((input as { recordingId: string }).recordingId);
    if (hearingId === null) {
      throw new ApiError('not_found', 'There is no such recording. Reload the hearing.');
    }
    this.check(ctx, hearingId, call);
  }

  /** Whether `ctx` may read a hearing's media (a recording, its written record). */
  mayRead(ctx: CallerContext, hearingId: string): boolean {
    return this.decide(ctx, hearingId, 'media.read') === 'allow';
  }

  /** Every hearing id `userId` may see in the list: its team's and those opened for a reason. */
  visibleHearings(userId: string): Set<string> {
    const rows = this.db
      .prepare(
        `SELECT id FROM hearings WHERE created_by = @userId
         UNION SELECT hearing_id FROM hearing_team WHERE user_id = @userId
         UNION SELECT hearing_id FROM (${attendeeAccounts}) WHERE user_id = @userId
         UNION SELECT hearing_id FROM hearing_access_grants WHERE user_id = @userId AND expires_at > @now`,
      )
      .pluck()
      .all({ userId, now: this.clock().toISOString() }) as string[];
    return new Set(rows);
  }

  team(hearingId: string): TeamMember[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.display_name, a.role, 'creator' AS how, 0 AS o FROM hearings h JOIN accounts a ON a.id = h.created_by WHERE h.id = @h
         UNION ALL
         SELECT a.id, a.display_name, a.role, 'assigned' AS how, 1 AS o FROM hearing_team t JOIN accounts a ON a.id = t.user_id WHERE t.hearing_id = @h
         UNION ALL
         SELECT DISTINCT a.id, a.display_name, a.role, 'attendee' AS how, 2 AS o
           FROM (${attendeeAccounts} AND h.id = @h) l JOIN accounts a ON a.id = l.user_id
           WHERE a.id NOT IN (SELECT created_by FROM hearings WHERE id = @h UNION SELECT user_id FROM hearing_team WHERE hearing_id = @h)
         ORDER BY o, display_name COLLATE NOCASE`,
      )
      .all({ h: hearingId }) as Array<{ id: string; display_name: string; role: Role; how: TeamMember['how'] }>;
    return rows.map((r) => ({ userId: r.id, displayName: r.display_name, role: r.role, how: r.how }));
  }

  assign(hearingId: string, userId: string, ctx: CallerContext): TeamMember[] {
    const account = this.db.prepare('SELECT role, disabled FROM accounts WHERE id = ?').get(userId) as
      | { role: Role; disabled: number }
      | undefined;
    if (!account || account.disabled || !mayJoinTeam(account.role)) {
      throw new ApiError('not_found', 'There is no such person who can be on a hearing team. Reload the list of people.');
    }
    this.db
      .prepare('INSERT OR IGNORE INTO hearing_team (hearing_id, user_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)')
      .run(hearingId, userId, ctx.userId, this.clock().toISOString());
    return this.team(hearingId);
  }

  /**
   * Checks the accounts linked to the people present, before the procedural record is saved:
   * each new or changed link names an enabled account whose role fits the attendee's role
   * (`accountRolesForAttendee`), and no account is linked twice. A link already saved stays
   * valid as it is (an account disabled since does not block the record).
   */
  checkAttendeeLinks(incoming: readonly AttendeeDraft[], stored: readonly AttendeeDraft[]): void {
    const before = new Map(stored.map((a) => [a.id, a]));
    const seen = new Set<string>();
    for (const [index, a] of incoming.entries()) {
      if (!a.userId) continue;
      const path = `value.${index}.userId`;
      if (seen.has(a.userId)) {
        throw new ApiError('invalid_input', 'The same account is linked to two people present. Link each account once.', {
          issues: [{ path, code: 'account_linked_twice', message: 'is linked to another person present already' }],
        });
      }
      seen.add(a.userId);
      const was = before.get(a.id);
      if (was?.userId === a.userId && was.role === a.role) continue;
      const account = this.db.prepare('SELECT role, disabled FROM accounts WHERE id = ?').get(a.userId) as
        | { role: Role; disabled: number }
        | undefined;
      if (!account || account.disabled || !mayJoinTeam(account.role)) {
        throw new ApiError('invalid_input', 'A person present is linked to an account that does not exist or is disabled. Choose the account again.', {
          issues: [{ path, code: 'account_unknown', message: 'is not an active account' }],
        });
      }
      if (!mayLinkAttendee(a.role, account.role)) {
        const fits = a.role ? accountRolesForAttendee[a.role] : [];
        throw new ApiError(
          'invalid_input',
          fits.length > 0
            ? `A person present as ${a.role} can be linked only to an account with the role ${fits.join(' or ')}, not ${account.role}.`
            : `A person present as ${a.role ?? '(no role yet)'} has no account to be linked to. Remove the link, or choose the role first.`,
          { issues: [{ path, code: 'account_role_mismatch', message: 'does not fit the role of this person present' }] },
        );
      }
    }
  }

  unassign(hearingId: string, userId: string): TeamMember[] {
    this.db.prepare('DELETE FROM hearing_team WHERE hearing_id = ? AND user_id = ?').run(hearingId, userId);
    return this.team(hearingId);
  }

  /**
   * Opens a hearing outside the caller's team, found by its case reference, for a reason that
   * is kept and audited. The attempt is audited whether or not the hearing exists. The reason's
   * text may name people, so the audit chain (which can never be erased) holds its SHA-256 and
   * the grant's id; the text stays in the grant, shown in the access history.
   */
  accessForReason(ctx: CallerContext, caseReference: string, reason: string): string {
    const hearingId = this.db.prepare('SELECT id FROM hearings WHERE case_reference = ?').pluck().get(caseReference) as
      | string
      | undefined;
    const reasonSha256 = createHash('sha256').update(reason).digest('hex');
    if (!hearingId) {
      this.audit.append(ctx, 'hearing.access_for_reason_refused', null, { reasonSha256 });
      throw new ApiError('not_found', 'No hearing has this case reference. Check it and try again.');
    }
    const now = this.clock();
    const grantId = randomUUID();
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO hearing_access_grants (id, hearing_id, user_id, reason, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(grantId, hearingId, ctx.userId, reason, now.toISOString(), new Date(now.getTime() + accessForReasonMs).toISOString());
      this.audit.append(ctx, 'hearing.access_for_reason', hearingId, { grantId, reasonSha256 });
    })();
    return hearingId;
  }

  /** The reasons given for the accesses to a hearing, by grant id. */
  reasons(hearingId: string): Map<string, string> {
    const rows = this.db.prepare('SELECT id, reason FROM hearing_access_grants WHERE hearing_id = ?').all(hearingId) as Array<{
      id: string;
      reason: string;
    }>;
    return new Map(rows.map((r) => [r.id, r.reason]));
  }

  private hearingOfRecording(recordingId: string): string | null {
    return (this.db.prepare('SELECT hearing_id FROM recordings WHERE id = ?').pluck().get(recordingId) as string | undefined) ?? null;
  }

  private check(ctx: CallerContext, hearingId: string, action: HearingAction): void {
    const decision = this.decide(ctx, hearingId, action);
    if (decision === 'not_found') throw notFound(hearingId);
    if (decision === 'forbidden') {
      throw new ApiError('forbidden', `An access for a reason lets you read this hearing, not "${action}". Ask to be put on its team.`);
    }
  }

  private decide(ctx: CallerContext, hearingId: string, action: HearingAction) {
    return decideHearingAccess(ctx.role, this.membership(ctx.userId, hearingId), action);
  }
}
