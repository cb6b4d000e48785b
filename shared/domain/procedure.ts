import { z } from 'zod';
import { id, isoDate, nonEmptyText } from '../api/schemas';
import { compareDates, parseIsoDate, parseInstant } from './dates';

/**
 * The procedural record of a hearing: everything the rules of articles 91bis to 101 look at
 * before and while a hearing is filmed. Each section comes twice:
 * - the complete schema (`order`, `personHeard`, ...) states what a finished section holds; forms
 *   validate one field with `order.shape.reference` and a whole section with `order`;
 * - the draft schema (`orderDraft`, ...) accepts any subset of valid fields, so a record can be
 *   saved while it is being filled in. The rule engine works on drafts and says what is missing.
 */

/** A moment, ISO 8601 with seconds and its offset, e.g. `2026-03-15T09:30:00+01:00`. */
export const isoInstant = z.string().refine((v) => parseInstant(v) !== null, {
  message: 'must be a date and time with its time zone, e.g. 2026-03-15T09:30:00+01:00',
  params: { code: 'instant_invalid' },
});

/** ISO 639 language code, optionally with a region or script (`nl`, `fr`, `ar`, `pt-BR`). */
export const languageCode = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    message: 'must be a language code such as nl or fr',
  });

/** ISO 3166-1 alpha-2 country code, upper case (`BE`, `AL`, `NG`): a nationality. */
export const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, { message: 'must be a country code such as BE or AL' });

/** The languages the application itself speaks; a hearing may be held in any other. */
export const interfaceLanguages = ['nl', 'fr', 'de', 'en'] as const;

const name = nonEmptyText(200);

type Nullish<S extends Record<string, z.ZodType>> = {
  [K in keyof S]: z.ZodOptional<z.ZodNullable<S[K]>>;
};

/** Every field of a shape made optional and nullable: the draft form of a section. */
function nullish<S extends Record<string, z.ZodType>>(shape: S): Nullish<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, z.optional(z.nullable(schema))]),
  ) as Nullish<S>;
}

// ---------------------------------------------------------------------------------------------
// The order to record

export const issuers = ['prosecutor', 'investigating_judge'] as const;
export const issuer = z.enum(issuers);
export type Issuer = z.infer<typeof issuer>;

/**
 * Offences for which a filmed hearing is provided. `child_trafficking` is trafficking in human
 * beings (Criminal Code art. 433quinquies) of a minor; `human_trafficking` the same offence
 * against an adult, for vulnerable adults. `sexual_assault` is the former "attentat à la
 * pudeur / aanranding van de eerbaarheid". `other_listed` is any other offence the law lists.
 */
export const offenceCategories = [
  'child_trafficking',
  'human_trafficking',
  'rape',
  'sexual_assault',
  'sexual_exploitation_of_minors',
  'hostage_taking',
  'child_abuse',
  'child_abduction',
  'other_listed',
] as const;
export const offenceCategory = z.enum(offenceCategories);
export type OffenceCategory = z.infer<typeof offenceCategory>;

export const capacities = ['victim', 'witness'] as const;
export const capacity = z.enum(capacities);
export type Capacity = z.infer<typeof capacity>;

/** A magistrate who takes a decision: the public prosecutor or the investigating judge. */
export const magistrate = z.object({ role: issuer, name });
export const magistrateDraft = z.object(nullish(magistrate.shape));
export type Magistrate = z.infer<typeof magistrate>;

/** A reasoned decision not to film a minor victim of one of the gravest sexual offences. */
export const decisionNotToRecord = z.object({
  reasons: nonEmptyText(4000),
  by: magistrate,
  date: isoDate,
});
export const decisionNotToRecordDraft = z.object({
  ...nullish(decisionNotToRecord.omit({ by: true }).shape),
  by: magistrateDraft.nullish(),
});
export type DecisionNotToRecord = z.infer<typeof decisionNotToRecord>;

const orderShape = {
  issuedBy: issuer,
  magistrateName: name,
  reference: nonEmptyText(100),
  date: isoDate,
  offenceCategory,
  capacity,
};
export const order = z.object({
  ...orderShape,
  decisionNotToRecord: decisionNotToRecord.nullish(),
});
export const orderDraft = z.object({
  ...nullish(orderShape),
  decisionNotToRecord: decisionNotToRecordDraft.nullish(),
});
export type Order = z.infer<typeof order>;
export type OrderDraft = z.infer<typeof orderDraft>;

// ---------------------------------------------------------------------------------------------
// The person heard

export const personCategories = ['minor', 'vulnerable_adult'] as const;
export const personCategory = z.enum(personCategories);
export type PersonCategory = z.infer<typeof personCategory>;

const before = (a: string, b: string) => {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  return x !== null && y !== null && compareDates(x, y) <= 0;
};

/** The dates of birth an age assessment leaves possible, both included. */
export const dateOfBirthRange = z
  .object({ earliest: isoDate, latest: isoDate })
  .refine((r) => before(r.earliest, r.latest), {
    message: 'the earliest date must not be after the latest',
    path: ['latest'],
  });
export const dateOfBirthRangeDraft = z.object(nullish(dateOfBirthRange.shape));
export type DateOfBirthRange = z.infer<typeof dateOfBirthRange>;

// The person's situation as the study describes it for unaccompanied and trafficked children
// (study §§68-69). Every field is optional so that records saved before they existed still parse;
// the rule engine says which ones a given situation needs.

/**
 * The guardian of a non-accompanied minor (NAM), appointed by the Guardianship Office (Service
 * des Tutelles / Dienst Voogdij). `temporary`: in an urgent matter the head of the Office took
 * temporary guardianship; `not_yet`: no guardian yet, so the Office must have been warned.
 */
export const guardianStatuses = ['appointed', 'temporary', 'not_yet'] as const;
export const guardianStatus = z.enum(guardianStatuses);
export type GuardianStatus = z.infer<typeof guardianStatus>;

/**
 * The warning to the Guardianship Office that a non-EEA minor is unaccompanied (study §68: at
 * once, by telephone). A telephone warning may have no reference, so it stays optional.
 */
export const officeWarning = z.object({
  at: isoInstant,
  by: name,
  reference: nonEmptyText(100).nullish(),
});
export const officeWarningDraft = z.object(nullish(officeWarning.shape));
export type OfficeWarning = z.infer<typeof officeWarning>;

const guardianShape = { status: guardianStatus, name: name.nullish() };
export const guardian = z
  .object({ ...guardianShape, officeWarned: officeWarning.nullish() })
  .superRefine((g, ctx) => {
    if (g.status !== 'not_yet' && !g.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'is required' });
    }
  });
export const guardianDraft = z.object({
  ...nullish(guardianShape),
  officeWarned: officeWarningDraft.nullish(),
});
export type Guardian = z.infer<typeof guardian>;
export type GuardianDraft = z.infer<typeof guardianDraft>;

/** How the age was assessed (study §69); `medical` names its tests. */
export const ageAssessmentMethods = ['documents', 'appearance_and_statements', 'medical'] as const;
export const medicalAgeTests = ['wrist_xray', 'collarbone_xray', 'teeth_xray'] as const;
export type AgeAssessmentMethod = (typeof ageAssessmentMethods)[number];

const assessedAge = z.number().int().min(0).max(30);
const ageAssessmentShape = {
  method: z.enum(ageAssessmentMethods),
  medicalTests: z.array(z.enum(medicalAgeTests)).max(medicalAgeTests.length).nullish(),
  date: isoDate,
  assessedBy: name.nullish(),
  /** The result as a range of ages on `date`; the lowest is the one used (art. 7 §3). */
  minAge: assessedAge,
  maxAge: assessedAge,
};
export const ageAssessment = z.object(ageAssessmentShape).superRefine((a, ctx) => {
  if (a.minAge > a.maxAge) {
    ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'must not be below the lowest age' });
  }
  if (a.method === 'medical' && !a.medicalTests?.length) {
    ctx.addIssue({ code: 'custom', path: ['medicalTests'], message: 'is required' });
  }
});
export const ageAssessmentDraft = z.object(nullish(ageAssessmentShape));
export type AgeAssessment = z.infer<typeof ageAssessment>;
export type AgeAssessmentDraft = z.infer<typeof ageAssessmentDraft>;

/** Optional in the complete record as in the draft: see the comment above `guardianStatuses`. */
const personSituationShape = {
  nationality: countryCode.nullish(),
  /** Languages the person also understands, besides `language`. */
  otherLanguages: z.array(languageCode).max(10).nullish(),
  /** False for a minor in Belgium without a parent or guardian: a NAM. */
  accompanied: z.boolean().nullish(),
};

const personHeardShape = {
  name,
  /** False when only an assessed range is known: `dateOfBirthRange` then holds it. */
  dateOfBirthCertain: z.boolean(),
  language: languageCode,
  category: personCategory,
};
export const personHeard = z
  .object({
    ...personHeardShape,
    dateOfBirth: isoDate.nullish(),
    dateOfBirthRange: dateOfBirthRange.nullish(),
    ...personSituationShape,
    guardian: guardian.nullish(),
    ageAssessment: ageAssessment.nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.dateOfBirthCertain && !p.dateOfBirth) {
      ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'is required' });
    }
    if (!p.dateOfBirthCertain && !p.dateOfBirthRange && !p.ageAssessment) {
      ctx.addIssue({ code: 'custom', path: ['dateOfBirthRange'], message: 'is required' });
    }
  });
export const personHeardDraft = z.object({
  ...nullish(personHeardShape),
  dateOfBirth: isoDate.nullish(),
  dateOfBirthRange: dateOfBirthRangeDraft.nullish(),
  ...personSituationShape,
  guardian: guardianDraft.nullish(),
  ageAssessment: ageAssessmentDraft.nullish(),
});
export type PersonHeard = z.infer<typeof personHeard>;
export type PersonHeardDraft = z.infer<typeof personHeardDraft>;

// ---------------------------------------------------------------------------------------------
// Consent (12 or older, and adults) or information (under 12)

export const consentDecisions = ['given', 'refused'] as const;

/** Consent may be withdrawn at any moment; the recording then stops. */
export const consentWithdrawal = z.object({ at: isoInstant, notedBy: name });
export const consentWithdrawalDraft = z.object(nullish(consentWithdrawal.shape));

const consentShape = {
  decision: z.enum(consentDecisions),
  takenBy: name,
  at: isoInstant,
  language: languageCode,
  /** The person's own words, as said. */
  wordsSaid: nonEmptyText(2000),
  /** The interpreter through whom consent was asked, when `language` is not the hearing's. */
  interpretedBy: name.nullish(),
};
export const consent = z.object({ ...consentShape, withdrawal: consentWithdrawal.nullish() });
export const consentDraft = z.object({
  ...nullish(consentShape),
  withdrawal: consentWithdrawalDraft.nullish(),
});
export type Consent = z.infer<typeof consent>;
export type ConsentDraft = z.infer<typeof consentDraft>;

/** A child under 12 does not consent but is told that the hearing will be filmed. */
export const information = z.object({
  givenBy: name,
  at: isoInstant,
  language: languageCode,
  /** The interpreter through whom the child was told, when `language` is not the hearing's. */
  interpretedBy: name.nullish(),
});
export const informationDraft = z.object(nullish(information.shape));
export type Information = z.infer<typeof information>;

// ---------------------------------------------------------------------------------------------
// The person of trust (art. 91bis)

const chosenShape = { name, dateOfBirth: isoDate, relation: nonEmptyText(100) };
const noneChosenShape = { recordedBy: name, at: isoInstant };

export const chosenPersonOfTrust = z.object({ kind: z.literal('chosen'), ...chosenShape });
export const noneChosen = z.object({ kind: z.literal('none_chosen'), ...noneChosenShape });
export const personOfTrustChoice = z.discriminatedUnion('kind', [chosenPersonOfTrust, noneChosen]);

const chosenDraft = z.object({ kind: z.literal('chosen'), ...nullish(chosenShape) });
const noneChosenDraft = z.object({ kind: z.literal('none_chosen'), ...nullish(noneChosenShape) });
export const personOfTrustChoiceDraft = z.discriminatedUnion('kind', [
  chosenDraft,
  noneChosenDraft,
]);

export const refusedPerson = z.object({ name, relation: nonEmptyText(100) });

const refusedShape = {
  refusedPerson,
  decidedBy: magistrate,
  decidedAt: isoInstant,
  reasons: nonEmptyText(4000),
};
/**
 * The magistrate refused the person the minor chose, by a reasoned decision; `then` is the
 * minor's next choice (someone else, or nobody), missing until it is made.
 */
export const refusedPersonOfTrust = z.object({
  kind: z.literal('refused'),
  ...refusedShape,
  then: personOfTrustChoice.nullish(),
});
const refusedDraft = z.object({
  kind: z.literal('refused'),
  refusedPerson: z.object(nullish(refusedPerson.shape)).nullish(),
  decidedBy: magistrateDraft.nullish(),
  decidedAt: isoInstant.nullish(),
  reasons: nonEmptyText(4000).nullish(),
  then: personOfTrustChoiceDraft.nullish(),
});

export const personOfTrust = z.discriminatedUnion('kind', [
  chosenPersonOfTrust,
  noneChosen,
  refusedPersonOfTrust,
]);
export const personOfTrustDraft = z.discriminatedUnion('kind', [
  chosenDraft,
  noneChosenDraft,
  refusedDraft,
]);
export type PersonOfTrust = z.infer<typeof personOfTrust>;
export type PersonOfTrustDraft = z.infer<typeof personOfTrustDraft>;
export type PersonOfTrustChoiceDraft = z.infer<typeof personOfTrustChoiceDraft>;

// ---------------------------------------------------------------------------------------------
// Who is present, and where

export const attendeeRoles = [
  'interviewer',
  'technician',
  'psychologist',
  'psychiatrist',
  'person_of_trust',
  'investigator',
  'magistrate',
  'interpreter',
  'other',
] as const;
export const attendeeRole = z.enum(attendeeRoles);
export type AttendeeRole = z.infer<typeof attendeeRole>;

export const rooms = ['hearing_room', 'control_room'] as const;
export const room = z.enum(rooms);
export type Room = z.infer<typeof room>;

const attendeeShape = {
  name,
  role: attendeeRole,
  room,
  /**
   * The reference of the interviewer's training, e.g. the TAM brevet. Whether it is required is
   * a rule (the rule set), not a matter of form, so the schema leaves it optional.
   */
  trainingReference: nonEmptyText(100).nullish(),
  /** For an interpreter: the languages interpreted (to and from the language of the hearing). */
  languages: z.array(languageCode).max(10).nullish(),
  /** For an interpreter: the reference of the sworn interpreter's oath or listing. */
  swornReference: nonEmptyText(100).nullish(),
  arrivedAt: isoInstant.nullish(),
  leftAt: isoInstant.nullish(),
  /**
   * The account of this person, when they have one: it puts them on the hearing's team (see
   * shared/access/hearing-access.ts, `accountRolesForAttendee`). Main checks the link.
   */
  userId: id.nullish(),
};
export const attendee = z.object({ id, ...attendeeShape }).superRefine((a, ctx) => {
  const arrived = a.arrivedAt ? parseInstant(a.arrivedAt) : null;
  const left = a.leftAt ? parseInstant(a.leftAt) : null;
  if (arrived && left && left < arrived) {
    ctx.addIssue({ code: 'custom', path: ['leftAt'], message: 'must not be before arrival' });
  }
});
export const attendeeDraft = z.object({ id, ...nullish(attendeeShape) });
export type Attendee = z.infer<typeof attendee>;
export type AttendeeDraft = z.infer<typeof attendeeDraft>;

// ---------------------------------------------------------------------------------------------
// The room

export const roomChecklist = z.object({
  childFriendly: z.boolean(),
  equipmentChecked: z.boolean(),
  confirmedBy: name,
  confirmedAt: isoInstant,
});
export const roomChecklistDraft = z.object(nullish(roomChecklist.shape));
export type RoomChecklist = z.infer<typeof roomChecklist>;

// ---------------------------------------------------------------------------------------------
// Protective follow-up of a victim of trafficking or exploitation (study §§56, 78, 85-87)

/** `centre` is an id from the rule set's list of reception centres (reception-centres.ts). */
export const receptionCentreContact = z.object({
  centre: z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'must be a reception centre' }),
  at: isoInstant,
  by: name,
});
export const brochureHanded = z.object({ language: languageCode, at: isoInstant, by: name });
/**
 * The day the reflection period was granted; the period runs from the next day and its last day
 * is computed from the rule set (shared/rules/periods.ts).
 */
export const reflectionPeriodNoted = z.object({ start: isoDate, notedBy: name });
export const guardianInformed = z.object({ at: isoInstant, by: name });

export const protectiveFollowUp = z.object({
  receptionCentre: receptionCentreContact.nullish(),
  brochure: brochureHanded.nullish(),
  reflectionPeriod: reflectionPeriodNoted.nullish(),
  guardianInformed: guardianInformed.nullish(),
});
export const protectiveFollowUpDraft = z.object({
  receptionCentre: z.object(nullish(receptionCentreContact.shape)).nullish(),
  brochure: z.object(nullish(brochureHanded.shape)).nullish(),
  reflectionPeriod: z.object(nullish(reflectionPeriodNoted.shape)).nullish(),
  guardianInformed: z.object(nullish(guardianInformed.shape)).nullish(),
});
export type ProtectiveFollowUp = z.infer<typeof protectiveFollowUp>;
export type ProtectiveFollowUpDraft = z.infer<typeof protectiveFollowUpDraft>;

// ---------------------------------------------------------------------------------------------
// The whole record

export const procedureRecord = z.object({
  /** The calendar day of the hearing, in Belgian local time. */
  hearingDate: isoDate,
  /** When the hearing starts (or started): its Brussels calendar day fixes the ages. */
  hearingStart: isoInstant.nullish(),
  /**
   * The language the interviewer conducts the hearing in. Unset, a hearing in Dutch, French or
   * German is taken to be held in the person's language (see the rule set).
   */
  hearingLanguage: languageCode.nullish(),
  order,
  personHeard,
  /** Present when consent was asked: for a minor of 12 or more (see the rule set), or an adult. */
  consent: consent.nullish(),
  /** Present when a minor under the consent age was told of the recording. */
  information: information.nullish(),
  /** For a minor; vulnerable adults have no person of trust under art. 91bis. */
  personOfTrust: personOfTrust.nullish(),
  attendees: z.array(attendee),
  roomChecklist,
  /** For a victim of trafficking or exploitation: what was done to protect them afterwards. */
  protectiveFollowUp: protectiveFollowUp.nullish(),
});
export type ProcedureRecord = z.infer<typeof procedureRecord>;

export const procedureDraft = z.object({
  hearingDate: isoDate.nullish(),
  hearingStart: isoInstant.nullish(),
  hearingLanguage: languageCode.nullish(),
  order: orderDraft.nullish(),
  personHeard: personHeardDraft.nullish(),
  consent: consentDraft.nullish(),
  information: informationDraft.nullish(),
  personOfTrust: personOfTrustDraft.nullish(),
  attendees: z.array(attendeeDraft).nullish(),
  roomChecklist: roomChecklistDraft.nullish(),
  protectiveFollowUp: protectiveFollowUpDraft.nullish(),
});
export type ProcedureDraft = z.infer<typeof procedureDraft>;
