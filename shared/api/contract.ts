import { z } from 'zod';
import { bytes, id, isoDate, nonEmptyText, role, type Role } from './schemas';
import {
  accessEntry,
  account,
  newAccount,
  newPassword,
  settings,
  signedInUser,
  teamMember,
  typedPassword,
  username,
} from '../domain/accounts';
import {
  hearing,
  hearingCorrection,
  hearingRemoval,
  recording,
  recordingStatus,
  sealSummary,
} from '../domain/hearing';
import { hearingEvent, newEvent } from '../domain/events';
import { hearingPage, hearingQuery } from '../domain/hearing-query';
import { annotation } from '../coding/annotations';
import { importedTier } from '../coding/imported-tiers';
import {
  attendeeDraft,
  consentDraft,
  informationDraft,
  orderDraft,
  personHeardDraft,
  personOfTrustDraft,
  protectiveFollowUpDraft,
  roomChecklistDraft,
  languageCode,
  ageAssessmentMethods,
} from '../domain/procedure';

/**
 * Every call the renderer may make. Main validates `input` with these schemas before any service
 * sees it; `roles` says who may make the call (on a hearing, only its team: see
 * shared/access); `audit` says whether a successful call is written to the audit log (hot-path
 * calls such as chunk appends are covered by their start and stop). `signedOut` calls need no
 * session (signing in itself); `whileLocked` calls go on while the screen is locked, so that a
 * lock never stops a recording.
 */
export interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  summary: string;
  input: I;
  output: O;
  roles: readonly Role[];
  audit: boolean;
  signedOut?: true;
  whileLocked?: true;
}

const spec = <I extends z.ZodType, O extends z.ZodType>(s: CallSpec<I, O>) => s;

/** The people of hearings: every role but the administrator, who never sees hearing content. */
const everyone: readonly Role[] = ['interviewer', 'technician', 'psychologist', 'magistrate', 'clerk'];
const hearingStaff: readonly Role[] = ['interviewer', 'technician'];
const administrator: readonly Role[] = ['administrator'];
const allRoles: readonly Role[] = ['administrator', ...everyone];
/**
 * Who plans, corrects and removes a hearing: those who create hearings and the magistrate of the
 * order, each only on a hearing whose team they are on (shared/access).
 */
const hearingKeepers: readonly Role[] = ['interviewer', 'technician', 'magistrate'];
/** Why a hearing is corrected, planned again or removed: typed, kept with the change. */
const changeReason = z
  .string()
  .trim()
  .min(5, { message: 'must be at least 5 characters' })
  .max(1000, { message: 'must be at most 1000 characters' });

/**
 * The session token a script sends in `X-Hearing-Room-Session`. Null where the transport keeps
 * it out of the page's reach: a cookie the page cannot read (web host), the window (Electron).
 */
const sessionToken = z.string().nullable();

export const newHearingInput = z.object({
  caseReference: nonEmptyText(100),
  minorName: nonEmptyText(200),
  dateOfBirth: isoDate,
  hearingDate: isoDate,
});
export type NewHearingInput = z.infer<typeof newHearingInput>;

export const recoveryNotice = z.object({
  recordingId: id,
  hearingId: id,
  caseReference: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  chunkCount: z.number().int().nonnegative(),
  recoveredAt: z.string(),
});

/** One section of the procedural record, saved as the user types; `null` clears it. */
export const procedureSection = z.discriminatedUnion('section', [
  z.object({ section: z.literal('hearingDate'), value: isoDate }),
  z.object({ section: z.literal('order'), value: orderDraft.nullable() }),
  z.object({ section: z.literal('personHeard'), value: personHeardDraft.nullable() }),
  z.object({ section: z.literal('consent'), value: consentDraft.omit({ withdrawal: true }).nullable() }),
  z.object({ section: z.literal('information'), value: informationDraft.nullable() }),
  z.object({ section: z.literal('personOfTrust'), value: personOfTrustDraft.nullable() }),
  z.object({ section: z.literal('attendees'), value: z.array(attendeeDraft).max(50) }),
  z.object({ section: z.literal('roomChecklist'), value: roomChecklistDraft.nullable() }),
  /** The language the interviewer conducts the hearing in; `null` leaves it to the rule set. */
  z.object({ section: z.literal('hearingLanguage'), value: languageCode.nullable() }),
  /** For a victim of trafficking or exploitation: what was done to protect them afterwards. */
  z.object({ section: z.literal('protectiveFollowUp'), value: protectiveFollowUpDraft.nullable() }),
]);
export type ProcedureSectionInput = z.infer<typeof procedureSection>;

const unmetReport = z.object({
  code: z.string(),
  field: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** The rule engine's answer, as main computed it on the stored record. */
export const evaluationOutput = z.object({
  mayRecord: z.boolean(),
  /** Nothing in `openForSealing`: sealing needs no typed reason for the rules. */
  maySeal: z.boolean(),
  ruleSet: z.object({ id: z.string(), version: z.string() }),
  facts: z.object({
    hearingDate: z.string().nullable(),
    ageAtHearing: z.number().nullable(),
    ageRange: z.object({ min: z.number(), max: z.number() }).nullable(),
    isMinor: z.boolean().nullable(),
    consentRequired: z.boolean().nullable(),
    informationRequired: z.boolean().nullable(),
    recordingIsTheRule: z.boolean().nullable(),
    /** The lowest plausible age on the hearing day: the one used (art. 7 §3 Guardianship Law). */
    ageUsed: z.number().nullable(),
    ageAssessment: z
      .object({ method: z.enum(ageAssessmentMethods).nullable(), date: z.string(), min: z.number(), max: z.number() })
      .nullable(),
    eeaNational: z.boolean().nullable(),
    nonAccompaniedMinor: z.boolean().nullable(),
    hearingLanguage: z.string().nullable(),
    interpreterRequired: z.boolean().nullable(),
    protectiveFollowUpRequired: z.boolean().nullable(),
    reflectionPeriod: z
      .object({
        start: z.string(),
        end: z.string(),
        length: z.union([z.object({ months: z.number() }), z.object({ days: z.number() })]),
      })
      .nullable(),
  }),
  /** What blocks the recording. */
  unmet: z.array(unmetReport),
  /** What does not block the recording but must be settled (or explained) before sealing. */
  openForSealing: z.array(unmetReport),
  /** What the interviewer should know; never blocks. */
  reminders: z.array(unmetReport),
});

export const procedureOutput = z.object({
  hearingId: id,
  /** The draft as stored; sections are absent until first saved. */
  draft: z.record(z.string(), z.unknown()),
  updatedAt: z.string().nullable(),
  /** True once a recording exists: only attendees can still change, through events. */
  locked: z.boolean(),
  evaluation: evaluationOutput,
  /** The instant the rules were checked for: the planned instant until recording, else now. */
  evaluatedAt: z.string(),
  /** True when `evaluatedAt` is the planned instant. */
  planned: z.boolean(),
});

export const writtenRecordOutput = z.object({
  hearingId: id,
  language: z.enum(['nl', 'fr', 'de', 'en']),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  generatedAt: z.string(),
  url: z.string(),
});

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A verdict a clerk can read: each check, whether it passed, and where it failed. */
export const verifyReport = z.object({
  verdict: z.enum(['valid', 'invalid', 'unreadable']),
  checks: z.array(
    z.object({
      /** A stable code for the check (docs/seal.md lists them). */
      code: z.string(),
      ok: z.boolean(),
      /** False when the check was not done (see `detail`): neither passed nor failed. */
      done: z.boolean(),
      what: z.string(),
      detail: z.string(),
      /** `what` and `detail` in each language the verifier speaks, when it speaks them. */
      text: z
        .record(z.enum(['nl', 'fr', 'de', 'en']), z.object({ what: z.string(), detail: z.string() }))
        .optional(),
    }),
  ),
  seal: z
    .object({ hearingId: id, caseReference: z.string().nullable(), sealedAt: z.string(), keyFingerprint: z.string() })
    .optional(),
  notCovered: z.array(z.string()),
  /** The signed addenda after the seal, by number (docs/seal.md); absent when there are none. */
  addenda: z
    .object({
      count: z.number().int(),
      intact: z.array(z.number().int()),
      failed: z.array(z.number().int()),
      missing: z.array(z.number().int()),
    })
    .optional(),
});

/**
 * Whether today's audit log extends a checkpoint the registry kept from an export (docs/seal.md,
 * "Checkpoints"): check by check, in the four languages, as the verifier gives them.
 */
export const checkpointReport = z.object({
  verdict: z.enum(['valid', 'invalid', 'unreadable']),
  checks: verifyReport.shape.checks,
  /** What the given checkpoint says, once it could be read. */
  checkpoint: z
    .object({ entries: z.number().int().nonnegative(), head: sha256, at: z.string(), keyFingerprint: sha256 })
    .nullable(),
  /** Today's log: its number of entries and the hash of the last one. */
  log: z.object({ entries: z.number().int().nonnegative(), head: sha256 }),
});

/** What would stop a seal now, each with a stable reason the renderer translates. */
export const sealBlockerReasons = [
  'sealed',
  'recording',
  'deriving',
  'printing',
  'working_copy_missing',
  'no_recording',
  'written_record',
] as const;
export const sealBlocker = z.object({
  reason: z.enum(sealBlockerReasons),
  segment: z.number().int().positive().nullable(),
});
export type SealBlocker = z.infer<typeof sealBlocker>;

/** What a seal would cover now and what stands in its way: shown in the confirmation. */
export const sealPreview = z.object({
  hearingId: id,
  segments: z.array(
    z.object({
      segment: z.number().int().positive(),
      status: recordingStatus,
      stopReason: z.string().nullable(),
      durationMs: z.number().int().nonnegative().nullable(),
      sizeBytes: z.number().int().nonnegative(),
      workingCopy: z.boolean(),
    }),
  ),
  eventCount: z.number().int().nonnegative(),
  /** The written record last printed; printed again as part of sealing when not up to date. */
  writtenRecord: z
    .object({
      generatedAt: z.string(),
      language: z.enum(['nl', 'fr', 'de', 'en']),
      sha256,
      sizeBytes: z.number().int(),
      upToDate: z.boolean(),
    })
    .nullable(),
  decisionNotToRecord: z.boolean(),
  /** What the rules still flag: sealing then needs a typed reason, kept in the seal. */
  unmet: z.array(unmetReport),
  /**
   * What the rules' sealing gate still finds open (e.g. the protective follow-up): like `unmet`,
   * sealing then needs a typed reason, and the codes are kept in the seal's open items.
   */
  openForSealing: z.array(unmetReport),
  /** What prevents sealing now; empty when the hearing can be sealed. */
  blockers: z.array(sealBlocker),
});
export type SealPreview = z.infer<typeof sealPreview>;

const position = z.number().int().nonnegative().max(48 * 3600 * 1000);
const annotationText = z.string().max(10_000).nullable();

/** One change to a hearing's annotations, as the coding panel makes it; main checks it again. */
export const annotationChange = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('add'),
      tierId: z.string().min(1).max(200),
      code: z.string().min(1).max(200).nullable(),
      text: annotationText,
      startMs: position,
      endMs: position,
      /** A mark made live, on the running recording: main sets its position from its own clock. */
      live: z.boolean().optional(),
    })
    .strict(),
  z
    .object({ kind: z.literal('edit'), id, code: z.string().min(1).max(200).nullable().optional(), text: annotationText.optional() })
    .strict(),
  z.object({ kind: z.literal('move'), id, startMs: position, endMs: position }).strict(),
  z.object({ kind: z.literal('split'), id, atMs: position }).strict(),
  z.object({ kind: z.literal('delete'), id }).strict(),
]);
export type AnnotationChange = z.infer<typeof annotationChange>;

export const annotationList = z.object({
  scheme: z.object({ id: z.string(), version: z.string() }),
  annotations: z.array(annotation),
  /** Tiers imported from ELAN files that the scheme lacks, kept for this hearing (docs/annotation.md). */
  tiers: z.array(importedTier),
});

export const exportResult = z
  .object({
    /** Null when the zip is protected with a passphrase: no plain folder is written beside it. */
    folder: z.string().nullable(),
    zip: z.string(),
    zipSizeBytes: z.number().int(),
    files: z.array(z.object({ name: z.string(), sizeBytes: z.number().int() })),
  })
  .nullable();

export const sessionStatus = z.object({
  /** No account exists yet: the first start creates the first administrator. */
  setupNeeded: z.boolean(),
  user: signedInUser.nullable(),
  locked: z.boolean(),
  lockAfterMinutes: z.number().int(),
});

export const contract = {
  'session.status': spec({
    summary:
      'Who is signed in here, whether the screen is locked, and whether the first administrator must still be created. `active: true` says the person is using the screen (it keeps the session from locking).',
    input: z.object({ active: z.boolean().optional() }).strict(),
    output: sessionStatus,
    roles: allRoles,
    audit: false,
    signedOut: true,
    whileLocked: true,
  }),
  'session.setup': spec({
    summary:
      'First start only: create the first administrator and sign in as them. Answers the recovery key, once; it is never shown again.',
    input: z.object({ displayName: nonEmptyText(200), username, password: newPassword }).strict(),
    output: z.object({ user: signedInUser, recoveryKey: z.string(), sessionToken }),
    roles: allRoles,
    audit: false,
    signedOut: true,
  }),
  'session.signIn': spec({
    summary:
      'Sign in with a username and password. After three wrong passwords for an account, each further attempt waits twice as long as the one before (too_many_attempts, with retryAfterMs). Every attempt is audited, never the password.',
    input: z.object({ username: z.string().trim().min(1).max(64), password: typedPassword }).strict(),
    output: z.object({ user: signedInUser, sessionToken }),
    roles: allRoles,
    audit: false,
    signedOut: true,
  }),
  'session.signOut': spec({
    summary: 'Sign out: the session ends at once (a recording that runs is closed by main as page_lost when its page goes quiet).',
    input: z.object({}).strict(),
    output: z.object({}),
    roles: allRoles,
    audit: false,
    whileLocked: true,
  }),
  'session.lock': spec({
    summary: 'Lock the screen now. Only the recording goes on (chunks, heartbeats, stop) until it is unlocked.',
    input: z.object({}).strict(),
    output: sessionStatus,
    roles: allRoles,
    audit: false,
  }),
  'session.unlock': spec({
    summary:
      'Unlock with the password of the person signed in, or of another person of the team of the hearing being recorded (`hearingId`), who then takes the session over; audited.',
    input: z.object({ username: z.string().trim().min(1).max(64), password: typedPassword, hearingId: id.optional() }).strict(),
    output: sessionStatus,
    roles: allRoles,
    audit: false,
    whileLocked: true,
  }),
  'session.changePassword': spec({
    summary:
      "Change one's own password: the current one is checked as at sign-in (the same back-off, every wrong one audited), the new one follows the rule of a new account. The person's other sessions end; this one goes on.",
    input: z.object({ currentPassword: typedPassword, newPassword }).strict(),
    output: z.object({ endedSessions: z.number().int().nonnegative() }),
    roles: allRoles,
    audit: false,
  }),
  'session.recoverWithKey': spec({
    summary:
      "Signed out: set a new password for an administrator with the installation's recovery key (case, spaces and dashes forgiven). Only administrators; wrong keys slow down as wrong passwords do, and every attempt is audited. The administrator then signs in with the new password.",
    input: z
      .object({ recoveryKey: z.string().trim().min(1).max(200), username: z.string().trim().min(1).max(64), newPassword })
      .strict(),
    output: z.object({}),
    roles: allRoles,
    audit: false,
    signedOut: true,
  }),
  'accounts.list': spec({
    summary: 'Every account, disabled ones included.',
    input: z.object({}).strict(),
    output: z.array(account),
    roles: administrator,
    audit: false,
  }),
  'accounts.create': spec({
    summary: 'Create an account with its first password (the person changes it at will later).',
    input: newAccount,
    output: account,
    roles: administrator,
    audit: true,
  }),
  'accounts.update': spec({
    summary: 'Change the display name or role of an account, or disable or enable it (a disabled account cannot sign in; its sessions end).',
    input: z
      .object({ userId: id, displayName: nonEmptyText(200).optional(), role: role.optional(), disabled: z.boolean().optional() })
      .strict(),
    output: account,
    roles: administrator,
    audit: true,
  }),
  'accounts.resetPassword': spec({
    summary: 'Set a new password for an account (the person forgot theirs); its sessions end.',
    input: z.object({ userId: id, password: newPassword }).strict(),
    output: account,
    roles: administrator,
    audit: true,
  }),
  'accounts.directory': spec({
    summary: 'The people who can be put on a hearing team: enabled accounts other than administrators, name and role only.',
    input: z.object({}).strict(),
    output: z.array(z.object({ id, displayName: z.string(), role })),
    roles: everyone,
    audit: false,
  }),
  'settings.get': spec({
    summary:
      'Installation settings: after how many minutes without use the screen locks; how many days in the past a hearing date may be entered.',
    input: z.object({}).strict(),
    output: settings,
    roles: administrator,
    audit: false,
  }),
  'settings.set': spec({
    summary: 'Change the installation settings.',
    input: settings.strict(),
    output: settings,
    roles: administrator,
    audit: true,
  }),
  'app.info': spec({
    summary: 'Version, data folder and recordings recovered at start.',
    input: z.object({}).strict(),
    output: z.object({
      name: z.string(),
      version: z.string(),
      dataDir: z.string(),
      recovered: z.array(recoveryNotice),
    }),
    roles: allRoles,
    audit: false,
  }),
  'app.storage': spec({
    summary: 'Free space where recordings are kept, and the levels at which main warns and stops.',
    input: z.object({}).strict(),
    output: z.object({
      dataDir: z.string(),
      freeBytes: z.number().int(),
      warnBytes: z.number().int(),
      stopBytes: z.number().int(),
    }),
    roles: allRoles,
    audit: false,
  }),
  'hearings.list': spec({
    summary:
      "The hearings the caller may see (their team's, and those opened for a reason), one page at a time (at most 100), newest hearing date first unless sorted otherwise. Optional search words, date range, status, sealed or not, magistrate; the words match the case reference, the order's reference, the magistrate and the interviewers, and the name of the person heard only on the caller's team's hearings (the list shows that name only there too).",
    input: hearingQuery,
    output: hearingPage,
    roles: everyone,
    audit: false,
  }),
  'hearings.create': spec({
    summary: 'Create a hearing from its case reference, the minor and the hearing date.',
    input: newHearingInput.strict(),
    output: hearing,
    roles: hearingStaff,
    audit: true,
  }),
  'hearings.get': spec({
    summary: 'One hearing with its recordings; opening it is audited.',
    input: z.object({ hearingId: id }).strict(),
    output: hearing,
    roles: everyone,
    audit: true,
  }),
  'hearings.plan': spec({
    summary:
      "Plan the hearing for an instant (ISO 8601 with offset); its hearing date becomes that instant's day in Brussels, and until recording the rules are checked for that instant. Planning again needs a reason, kept in the history of corrections. Refused once recorded, for a day before today or more than a year ahead, or before the person's birth.",
    input: z.object({ hearingId: id, plannedAt: z.string().max(40), reason: changeReason.optional() }).strict(),
    output: z.array(hearingCorrection),
    roles: hearingKeepers,
    audit: true,
  }),
  'hearings.correct': spec({
    summary:
      "Correct the case reference, the person's name or date of birth before the seal, with a reason; the old value stays in the hearing's history of corrections (the audit keeps digests). After the seal the sealed record stays as it is and the correction is a signed addendum to it, listed in the history with its number.",
    input: z
      .discriminatedUnion('field', [
        z.object({ hearingId: id, field: z.literal('caseReference'), value: nonEmptyText(100), reason: changeReason }).strict(),
        z.object({ hearingId: id, field: z.literal('minorName'), value: nonEmptyText(200), reason: changeReason }).strict(),
        z.object({ hearingId: id, field: z.literal('dateOfBirth'), value: isoDate, reason: changeReason }).strict(),
      ]),
    output: z.array(hearingCorrection),
    roles: hearingKeepers,
    audit: true,
  }),
  'hearings.corrections': spec({
    summary: "The hearing's history of corrections and replanning: field, old and new value, reason, who and when.",
    input: z.object({ hearingId: id }).strict(),
    output: z.array(hearingCorrection),
    roles: everyone,
    audit: false,
  }),
  'hearings.remove': spec({
    summary:
      "Remove a hearing that has no recording, with a reason: a tombstone stays (who, when, why), the person's data is deleted and the hearing leaves the list; hearings.get then answers conflict `removed` with the tombstone. Refused once anything is recorded (recorded_not_removable).",
    input: z.object({ hearingId: id, reason: changeReason }).strict(),
    output: hearingRemoval,
    roles: hearingKeepers,
    audit: true,
  }),
  'hearings.team': spec({
    summary: "The hearing's team: who created it and who was assigned to it.",
    input: z.object({ hearingId: id }).strict(),
    output: z.array(teamMember),
    roles: everyone,
    audit: false,
  }),
  'hearings.assign': spec({
    summary: 'Put a person on the hearing team (the magistrate of the order, a psychologist, a clerk, someone present).',
    input: z.object({ hearingId: id, userId: id }).strict(),
    output: z.array(teamMember),
    roles: hearingStaff,
    audit: true,
  }),
  'hearings.unassign': spec({
    summary: 'Take a person off the hearing team (not its creator).',
    input: z.object({ hearingId: id, userId: id }).strict(),
    output: z.array(teamMember),
    roles: hearingStaff,
    audit: true,
  }),
  'hearings.accessForReason': spec({
    summary:
      "Open a hearing outside one's team, named by its case reference, for a stated reason: to read it, never to change it. Audited with the reason and shown in the hearing's access history; not_found when no hearing has that reference.",
    input: z.object({ caseReference: nonEmptyText(100), reason: z.string().trim().min(10, { message: 'must be at least 10 characters' }).max(1000) }).strict(),
    output: z.object({ hearingId: id }),
    roles: everyone,
    audit: false,
  }),
  'hearings.accessHistory': spec({
    summary: 'Who did what with the hearing and when, from the audit log: openings, readings, playbacks, changes, exports.',
    input: z.object({ hearingId: id }).strict(),
    output: z.array(accessEntry),
    roles: everyone,
    audit: false,
  }),
  'recordings.start': spec({
    summary: 'Open a new master file for a hearing; chunks are then appended in order.',
    input: z
      .object({
        hearingId: id,
        mimeType: z
          .string()
          .regex(/^(video|audio)\/(webm|mp4)(;.*)?$/, { message: 'must be a WebM or MP4 media type' }),
      })
      .strict(),
    output: recording,
    roles: hearingStaff,
    audit: true,
  }),
  'recordings.appendChunk': spec({
    summary: 'Append the next chunk (about one second) to the master file, in order.',
    input: z
      .object({
        recordingId: id,
        seq: z.number().int().nonnegative(),
        data: bytes.refine((b) => b.byteLength <= 64 * 1024 * 1024, {
          message: 'must be at most 64 MiB per chunk',
        }),
      })
      .strict(),
    output: z.object({
      sizeBytes: z.number().int(),
      chunkCount: z.number().int(),
      /** Free space left where recordings are kept, after this chunk. */
      freeBytes: z.number().int(),
      lowDisk: z.boolean(),
      /** Set when main stopped the recording itself after this chunk (the disk is nearly full). */
      stoppedBecause: z.enum(['storage_full']).nullable(),
    }),
    roles: hearingStaff,
    audit: false,
    whileLocked: true,
  }),
  'recordings.stop': spec({
    summary:
      'Close the master file and record its duration, size and SHA-256 (main writes the audit entry with the stop), then make the seekable working copy; answers once it is made.',
    input: z
      .object({
        recordingId: id,
        durationMs: z.number().int().nonnegative().max(24 * 3600 * 1000),
        /** `device_lost`: the camera or microphone disappeared; a new segment follows when it is back. */
        reason: z.enum(['stopped', 'device_lost']).optional(),
      })
      .strict(),
    output: recording,
    roles: hearingStaff,
    audit: false,
    whileLocked: true,
  }),
  'recordings.heartbeat': spec({
    summary:
      'The page that records is still there (sent every second or two, also while paused). A segment whose page goes quiet is closed by main with stop reason page_lost.',
    input: z.object({ recordingId: id }).strict(),
    output: z.object({ recording: z.boolean(), stopReason: z.string().nullable() }),
    roles: hearingStaff,
    audit: false,
    whileLocked: true,
  }),
  'recordings.deriveWorkingCopy': spec({
    summary:
      'Make the seekable working copy of a stopped segment again, when it could not be made (a full disk); answers once it is made.',
    input: z.object({ recordingId: id }).strict(),
    output: recording,
    roles: hearingStaff,
    audit: false,
  }),
  'procedure.get': spec({
    summary: 'The procedural record of a hearing and what the rules still require before recording; reading it is audited.',
    input: z.object({ hearingId: id }).strict(),
    output: procedureOutput,
    roles: everyone,
    audit: true,
  }),
  'procedure.save': spec({
    summary:
      'Save one section of the procedural record (drafts save as they are typed). Refused once the hearing has a recording, except attendees.',
    input: z.object({ hearingId: id }).and(procedureSection),
    output: procedureOutput,
    roles: hearingStaff,
    audit: true,
  }),
  'consent.withdraw': spec({
    summary: 'The person heard withdraws consent: any running recording stops at once, and it is logged.',
    input: z.object({ hearingId: id, notedBy: nonEmptyText(200) }).strict(),
    output: z.object({ stoppedRecording: recording.nullable(), event: hearingEvent }),
    roles: hearingStaff,
    audit: true,
  }),
  'events.add': spec({
    summary: 'Log an event of the hearing (mark, pause, resume, interruption, arrival, question...).',
    input: z.object({ hearingId: id, event: newEvent }).strict(),
    output: hearingEvent,
    roles: [...hearingStaff, 'psychologist'],
    audit: true,
  }),
  'events.list': spec({
    summary: 'The event log of a hearing, in order.',
    input: z.object({ hearingId: id }).strict(),
    output: z.array(hearingEvent),
    roles: everyone,
    audit: false,
  }),
  'writtenRecord.generate': spec({
    summary:
      "Print the written record (procès-verbal) as a PDF in the given language (default: the hearing's); main writes the audit entry once the file is kept. Refused once the hearing is sealed.",
    input: z.object({ hearingId: id, language: z.enum(['nl', 'fr', 'de', 'en']).optional() }).strict(),
    output: writtenRecordOutput,
    roles: hearingStaff,
    audit: false,
  }),
  'hearings.sealPreview': spec({
    summary: 'What sealing the hearing now would cover (segments, events, the written record), what the rules still flag, and what prevents it.',
    input: z.object({ hearingId: id }).strict(),
    output: sealPreview,
    roles: hearingStaff,
    audit: false,
  }),
  'hearings.seal': spec({
    summary:
      'Seal a hearing: sign the manifest of its record, event log and files with the installation key. Refused while anything is recorded or written for it, without a recording (or a decision not to record), and, while the rules still flag items, without a reason; the written record is printed again first when it is older than the hearing.',
    input: z
      .object({
        hearingId: id,
        /** Why the hearing is sealed although the rules still flag items; kept in the seal. */
        reason: z.string().trim().max(2000).optional(),
      })
      .strict(),
    output: sealSummary,
    roles: hearingStaff,
    audit: false,
  }),
  'hearings.verify': spec({
    summary: 'Check a sealed hearing: every file, the signature, the audit chain and the database against the seal.',
    input: z.object({ hearingId: id }).strict(),
    output: verifyReport,
    roles: everyone,
    audit: false,
  }),
  'hearings.export': spec({
    summary:
      'Export a sealed hearing for the court registry: a folder and a zip with the files, the seal, the audit entries and the verifier. Main chooses the destination (a folder dialog in the app); null when cancelled. With a passphrase, only the zip is written, every entry encrypted with AES-256 (7-Zip reads it); give the passphrase to the registry separately.',
    input: z
      .object({
        hearingId: id,
        passphrase: z
          .string()
          .min(12, { message: 'must be at least 12 characters' })
          .max(200, { message: 'must be at most 200 characters' })
          .optional(),
      })
      .strict(),
    output: exportResult,
    roles: ['interviewer', 'technician', 'magistrate', 'clerk'],
    audit: false,
  }),
  'hearings.exportDownload': spec({
    summary:
      'Export a sealed hearing as a download, for a browser: main builds and verifies the same export as hearings.export in a private folder of its own and returns an address (GET, under /media/exports/) that serves the zip once, as an attachment, to the same person, for ten minutes; then it is removed. With a passphrase, every entry is encrypted with AES-256. Audited when built and when downloaded.',
    input: z
      .object({
        hearingId: id,
        passphrase: z
          .string()
          .min(12, { message: 'must be at least 12 characters' })
          .max(200, { message: 'must be at most 200 characters' })
          .optional(),
      })
      .strict(),
    output: z.object({ url: z.string(), name: z.string(), sizeBytes: z.number().int().nonnegative(), expiresAt: z.string() }),
    roles: ['interviewer', 'technician', 'magistrate', 'clerk'],
    audit: false,
  }),
  'annotations.list': spec({
    summary: "A hearing's annotations on its timeline, with the coding scheme they follow and the tiers imported from ELAN files for it.",
    input: z.object({ hearingId: id }).strict(),
    output: annotationList,
    roles: ['interviewer', 'technician', 'psychologist', 'magistrate'],
    audit: false,
  }),
  'annotations.change': spec({
    summary:
      "Add, edit, move, split or delete an annotation (each author changes only their own); in the hearing's turn, so two coders at once lose nothing. A live mark takes its position from main's clock of the running recording. After the seal, the sealed annotations never change: each change to the annotations added since is written as a signed addendum (docs/annotation.md).",
    input: z.object({ hearingId: id, change: annotationChange }).strict(),
    output: z.array(annotation),
    roles: ['interviewer', 'technician', 'psychologist', 'magistrate'],
    audit: true,
  }),
  'annotations.import': spec({
    summary:
      "Read an ELAN file (EAF 2.8 to 3.0, sent as its text, at most 5 MB) in main and show what it holds: its tiers, how many annotations each has and where they go in the scheme, and what cannot be kept as written. With `apply`, the annotations are added as the caller's own, all or none, in the hearing's turn. A tier of the file the scheme lacks (a transcript, a gloss, a dependent tier) is kept as a tier of the hearing with its vocabulary, parent and stereotype; after the seal no tier is added, and such annotations become notes (in a signed addendum). What still has no place becomes a note with its tier's name, value and span.",
    input: z
      .object({
        hearingId: id,
        fileName: z.string().trim().min(1, { message: 'is required' }).max(255, { message: 'must be at most 255 characters' }),
        xml: z
          .string()
          .min(1, { message: 'is empty: choose an .eaf file written by ELAN' })
          .max(5_000_000, { message: 'is larger than 5 MB: split the file in ELAN or import its tiers in parts' }),
        apply: z.boolean(),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      tiers: z.array(
        z.object({
          name: z.string(),
          count: z.number().int().nonnegative(),
          target: z.string(),
          kept: z.number().int().nonnegative(),
          asNotes: z.number().int().nonnegative(),
          /** Kept as a new tier of the hearing, `target` being its id. */
          created: z.boolean(),
        }),
      ),
      /** The tiers the import adds to the hearing (none after the seal). */
      newTiers: z.array(importedTier),
      notes: z.array(z.object({ level: z.enum(['lost', 'changed', 'info']), subject: z.string(), message: z.string() })),
      count: z.number().int().nonnegative(),
      /** The hearing's annotations after the import; null for a preview. */
      annotations: z.array(annotation).nullable(),
    }),
    roles: ['interviewer', 'technician', 'psychologist', 'magistrate'],
    audit: true,
  }),
  'annotations.export': spec({
    summary:
      "The hearing's annotations for ELAN (EAF 3.0, one file per segment, its working copy as the medium) or as CSV (one row per annotation).",
    input: z
      .object({ hearingId: id, format: z.enum(['eaf', 'csv']), language: z.enum(['nl', 'fr', 'de', 'en']).optional() })
      .strict(),
    output: z.object({
      files: z.array(z.object({ name: z.string(), mimeType: z.string(), content: z.string() })),
    }),
    roles: ['interviewer', 'technician', 'psychologist', 'magistrate'],
    audit: true,
  }),
  'keys.info': spec({
    summary: "The installation's signing key: its fingerprint and public key.",
    input: z.object({}).strict(),
    output: z.object({ fingerprint: sha256, fingerprintGrouped: z.string(), publicKeyPem: z.string() }),
    roles: allRoles,
    audit: false,
  }),
  'audit.checkCheckpoint': spec({
    summary:
      "Check whether today's audit log extends a checkpoint the registry kept from an export (its checkpoint.json and checkpoint.sig): signed with this installation's key, and the log's first entries hash to its head. A deletion or rewrite of anything before it is named. Written to the audit log with the verdict.",
    input: z
      .object({
        /** The text of checkpoint.json, as the registry kept it. */
        checkpoint: z.string().min(1).max(4096),
        /** The text of checkpoint.sig: the Ed25519 signature in base64. */
        signature: z.string().min(1).max(512),
      })
      .strict(),
    output: checkpointReport,
    roles: ['magistrate', 'clerk'],
    audit: false,
  }),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.infer<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
