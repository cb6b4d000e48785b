import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decideHearingAccess,
  hearingScope,
  mayJoinTeam,
  mayLinkAttendee,
  type Decision,
  type HearingAction,
  type Membership,
} from '../../shared/access/hearing-access';
import { attendeeRoles, type AttendeeRole } from '../../shared/domain/procedure';
import { callNames, contract } from '../../shared/api/contract';
import { roles, type Role } from '../../shared/api/schemas';

/** The rule, one row per case a reader can check against the issue: role, standing, action, answer. */
const table: Array<[Role, Membership, HearingAction, Decision]> = [
  ['interviewer', 'team', 'recordings.start', 'allow'],
  ['technician', 'team', 'recordings.appendChunk', 'allow'],
  ['psychologist', 'team', 'media.read', 'allow'],
  ['magistrate', 'team', 'hearings.accessHistory', 'allow'],
  ['clerk', 'team', 'hearings.export', 'allow'],
  // Outside the team the hearing does not exist, whatever the role and the action.
  ['interviewer', 'none', 'hearings.get', 'not_found'],
  ['magistrate', 'none', 'hearings.accessHistory', 'not_found'],
  ['psychologist', 'none', 'media.read', 'not_found'],
  ['technician', 'none', 'recordings.heartbeat', 'not_found'],
  // An access for a reason reads, never changes, records or exports.
  ['magistrate', 'reason', 'hearings.get', 'allow'],
  ['psychologist', 'reason', 'media.read', 'allow'],
  ['clerk', 'reason', 'procedure.get', 'allow'],
  ['clerk', 'reason', 'hearings.verify', 'allow'],
  ['interviewer', 'reason', 'procedure.save', 'forbidden'],
  ['interviewer', 'reason', 'recordings.start', 'forbidden'],
  ['magistrate', 'reason', 'hearings.export', 'forbidden'],
  ['technician', 'reason', 'hearings.assign', 'forbidden'],
  // The administrator never reaches hearing content, even put on a team by mistake.
  ['administrator', 'team', 'hearings.get', 'not_found'],
  ['administrator', 'reason', 'media.read', 'not_found'],
  ['administrator', 'none', 'procedure.get', 'not_found'],
];

/** The top-level fields of each call's input, from its schema. */
const callNamesInput: Record<string, unknown> = Object.fromEntries(
  callNames.map((name) => {
    const schema = contract[name].input as unknown as { shape?: object; _zod?: { def?: { left?: { shape?: object } } } };
    return [name, schema.shape ?? schema._zod?.def?.left?.shape ?? {}];
  }),
);

describe('who may reach a hearing', () => {
  for (const [role, membership, action, expected] of table) {
    test(`${role}, ${membership}, ${action}: ${expected}`, () => {
      assert.equal(decideHearingAccess(role, membership, action), expected);
    });
  }

  test('over every role and action: the team is allowed, an outsider gets not_found (the administrator: never)', () => {
    const actions: HearingAction[] = [...callNames.filter((n) => hearingScope[n] !== 'none'), 'media.read'];
    for (const role of roles) {
      for (const action of actions) {
        assert.equal(decideHearingAccess(role, 'team', action), role === 'administrator' ? 'not_found' : 'allow', `${role} ${action}`);
        assert.equal(decideHearingAccess(role, 'none', action), 'not_found', `${role} ${action}`);
      }
    }
  });

  test('every call that names a hearing or a recording in its input is scoped to it', () => {
    for (const name of callNames) {
      const keys = Object.keys((callNamesInput[name] ?? {}) as object);
      if (keys.includes('hearingId')) assert.equal(hearingScope[name], name === 'session.unlock' ? 'none' : 'hearing', name);
      else if (keys.includes('recordingId')) assert.equal(hearingScope[name], 'recording', name);
    }
  });

  test('the administrator cannot be put on a team; everyone else can', () => {
    for (const role of roles) assert.equal(mayJoinTeam(role), role !== 'administrator');
  });
});

describe('people present linked to accounts', () => {
  const links: Array<[AttendeeRole, Role, boolean]> = [
    ['psychologist', 'psychologist', true],
    ['psychiatrist', 'psychologist', true],
    ['investigator', 'interviewer', true],
    ['magistrate', 'magistrate', true],
    ['other', 'clerk', true],
    ['psychologist', 'magistrate', false],
    ['interviewer', 'technician', false],
    ['person_of_trust', 'clerk', false],
    ['interpreter', 'interviewer', false],
  ];
  for (const [attendee, account, expected] of links) {
    test(`a ${attendee} present ${expected ? 'may' : 'may not'} be linked to a ${account}'s account`, () => {
      assert.equal(mayLinkAttendee(attendee, account), expected);
    });
  }

  test('no person present is ever linked to an administrator, and a role not chosen yet links nobody', () => {
    for (const attendee of attendeeRoles) assert.equal(mayLinkAttendee(attendee, 'administrator'), false, attendee);
    for (const role of roles) assert.equal(mayLinkAttendee(null, role), false, role);
  });
});
