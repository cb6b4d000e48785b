import type { CallName } from '../api/contract';
import type { Role } from '../api/schemas';
import type { AttendeeRole } from '../domain/procedure';

/**
 * Who may reach one hearing, decided from three facts only: the caller's role, how the caller
 * stands to the hearing, and what the caller does. Pure, so that the table of tests covers every
 * combination; main gathers the facts (see main/services/hearing-access.ts).
 */

/**
 * How a caller stands to a hearing:
 * - `team`: created it, was assigned to it (the magistrate of the order, the psychologist, the
 *   clerk), or is one of the people present in its procedural record, linked to their account;
 * - `reason`: outside the team, but opened it through a named, reasoned "access for a reason";
 * - `none`: anyone else.
 */
export type Membership = 'team' | 'reason' | 'none';

/** What reaches one hearing: an API call, or a media request (playing a recording, opening its written record). */
export type HearingAction = CallName | 'media.read';

export type Decision = 'allow' | 'forbidden' | 'not_found';

/**
 * Where a call finds the hearing it touches: `hearing` (its `hearingId`), `recording` (the
 * hearing of its `recordingId`), or `none` for calls that touch no single hearing. Every call is
 * named, so a new call cannot forget to say.
 */
export const hearingScope: Record<CallName, 'hearing' | 'recording' | 'none'> = {
  'app.info': 'none',
  'app.storage': 'none',
  'session.status': 'none',
  'session.setup': 'none',
  'session.signIn': 'none',
  'session.signOut': 'none',
  'session.lock': 'none',
  'session.unlock': 'none',
  'session.changePassword': 'none',
  'session.recoverWithKey': 'none',
  'accounts.list': 'none',
  'accounts.create': 'none',
  'accounts.update': 'none',
  'accounts.resetPassword': 'none',
  'accounts.directory': 'none',
  'settings.get': 'none',
  'settings.set': 'none',
  'hearings.list': 'none',
  'hearings.create': 'none',
  // Names its hearing by case reference, and decides itself (it is how an outsider gets in).
  'hearings.accessForReason': 'none',
  'hearings.get': 'hearing',
  'hearings.team': 'hearing',
  'hearings.plan': 'hearing',
  'hearings.correct': 'hearing',
  'hearings.corrections': 'hearing',
  'hearings.remove': 'hearing',
  'hearings.assign': 'hearing',
  'hearings.unassign': 'hearing',
  'hearings.accessHistory': 'hearing',
  'recordings.start': 'hearing',
  'recordings.appendChunk': 'recording',
  'recordings.stop': 'recording',
  'recordings.heartbeat': 'recording',
  'recordings.deriveWorkingCopy': 'recording',
  'procedure.get': 'hearing',
  'procedure.save': 'hearing',
  'consent.withdraw': 'hearing',
  'events.add': 'hearing',
  'events.list': 'hearing',
  'writtenRecord.generate': 'hearing',
  'hearings.sealPreview': 'hearing',
  'hearings.seal': 'hearing',
  'hearings.verify': 'hearing',
  'hearings.export': 'hearing',
  'hearings.exportDownload': 'hearing',
  'annotations.list': 'hearing',
  'annotations.change': 'hearing',
  'annotations.export': 'hearing',
  'annotations.import': 'hearing',
  'keys.info': 'none',
  'audit.checkCheckpoint': 'none',
};

/**
 * What an access for a reason opens: reading the hearing, its record, its events, its access
 * history, playing it, checking its seal. Never changing it, recording or exporting: whoever
 * must act on a hearing is put on its team.
 */
const readsForAReason: ReadonlySet<HearingAction> = new Set<HearingAction>([
  'hearings.get',
  'hearings.team',
  'hearings.corrections',
  'hearings.accessHistory',
  'procedure.get',
  'events.list',
  'annotations.list',
  'hearings.verify',
  'media.read',
]);

/**
 * Whether a caller whose role already allows `action` (the contract's roles) may take it on this
 * hearing. Outside the team the hearing does not exist (`not_found`): even its existence is not
 * revealed. The administrator never reaches hearing content, team or not.
 */
export function decideHearingAccess(role: Role, membership: Membership, action: HearingAction): Decision {
  if (role === 'administrator') return 'not_found';
  if (membership === 'team') return 'allow';
  if (membership === 'reason') return readsForAReason.has(action) ? 'allow' : 'forbidden';
  return 'not_found';
}

/** Whether a person of this role can be put on a hearing's team (the administrator cannot). */
export function mayJoinTeam(role: Role): boolean {
  return role !== 'administrator';
}

/**
 * Which accounts a person present at the hearing (an attendee of the procedural record) may be
 * linked to, by the role they have there: the same role, a psychiatrist as a psychologist, an
 * investigator following from the control room as an interviewer (a police officer), "other" as
 * the clerk. A person of trust and an interpreter come from outside: they have no account, so
 * they are never linked. The link puts the account on the hearing's team.
 */
export const accountRolesForAttendee: Record<AttendeeRole, readonly Role[]> = {
  interviewer: ['interviewer'],
  technician: ['technician'],
  psychologist: ['psychologist'],
  psychiatrist: ['psychologist'],
  investigator: ['interviewer'],
  magistrate: ['magistrate'],
  other: ['clerk'],
  person_of_trust: [],
  interpreter: [],
};

/** Whether an attendee in `attendeeRole` may be linked to an account of `accountRole`. */
export function mayLinkAttendee(attendeeRole: AttendeeRole | null | undefined, accountRole: Role): boolean {
  return !!attendeeRole && accountRolesForAttendee[attendeeRole].includes(accountRole) && mayJoinTeam(accountRole);
}
