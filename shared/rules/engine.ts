import type { z } from 'zod';
import {
  compareDates,
  formatIsoDate,
  parseInstant,
  parseIsoDate,
  type CalendarDate,
} from '../domain/dates';
import {
  ageAssessment as ageAssessmentSchema,
  attendee as attendeeSchema,
  chosenPersonOfTrust,
  consent as consentSchema,
  guardian as guardianSchema,
  information as informationSchema,
  noneChosen,
  order as orderSchema,
  officeWarning as officeWarningSchema,
  personHeard as personHeardSchema,
  protectiveFollowUp as protectiveFollowUpSchema,
  refusedPersonOfTrust,
  roomChecklist as roomChecklistSchema,
  type AgeAssessmentDraft,
  type AgeAssessmentMethod,
  type AttendeeDraft,
  type PersonHeardDraft,
  type PersonOfTrustChoiceDraft,
  type ProcedureDraft,
} from '../domain/procedure';
import { ageOn, ageRangeOn, hearingDayOf, readAge, type AgeRange, type AgeReading } from './age';
import { addDays, addMonths, periodEnd, type Period } from './periods';
import type { Gate, RuleSet, RuleValues } from './ruleset';
import { unmet, type PlainUnmetCode, type Unmet, type UnmetCode } from './unmet';

export interface EvaluateOptions {
  /**
   * The moment the check is for (e.g. the press of the record button), ISO 8601 with offset.
   * Defaults to the record's `hearingStart`. Its Brussels day fixes the ages, and attendees
   * count as present if they have arrived and not left at that moment.
   */
  at?: string;
}

export interface Facts {
  /** The day the ages are computed on (YYYY-MM-DD), or null when unknown. */
  hearingDate: string | null;
  /** Age on the hearing day when the date of birth is certain. */
  ageAtHearing: number | null;
  /** Plausible ages on the hearing day when only an assessed range of birth dates is known. */
  ageRange: AgeRange | null;
  isMinor: boolean | null;
  consentRequired: boolean | null;
  informationRequired: boolean | null;
  /** A minor victim of one of the gravest sexual offences: not filming needs a reasoned decision. */
  recordingIsTheRule: boolean | null;
  /**
   * The age used on the hearing day: the lowest plausible one (art. 7 §3 of the Guardianship
   * Law, study §69). Minority and consent still follow the protective reading (docs/rules.md).
   */
  ageUsed: number | null;
  /** The age assessment as recorded: its method, day and result (ages on that day). */
  ageAssessment: {
    method: AgeAssessmentMethod | null;
    date: string;
    min: number;
    max: number;
  } | null;
  /** Whether the nationality was an EEA one on the hearing day; null when not known. */
  eeaNational: boolean | null;
  /** A minor (or a person of unknown age) recorded as unaccompanied. */
  nonAccompaniedMinor: boolean | null;
  /** The language the hearing is held in, as recorded or as the rule set reads it. */
  hearingLanguage: string | null;
  /** The person's language is not the hearing's: an interpreter must take part. */
  interpreterRequired: boolean | null;
  /** A victim of an offence of trafficking or exploitation: the follow-up closes the hearing. */
  protectiveFollowUpRequired: boolean | null;
  /** The reflection period noted, its last day computed from the rule set (study §78). */
  reflectionPeriod: { start: string; end: string; length: Period } | null;
}

export interface Evaluation {
  /** Nothing in `unmet`: the hearing may be recorded at the moment checked. */
  mayRecord: boolean;
  /** Nothing in `openForSealing`. Sealing also presupposes the recording gate was passed. */
  maySeal: boolean;
  ruleSet: { id: string; version: string };
  facts: Facts;
  /** What blocks the recording. */
  unmet: Unmet[];
  /** What does not block the recording but must be settled before sealing. */
  openForSealing: Unmet[];
  /** What the interviewer should know; never blocks. */
  reminders: Unmet[];
}

/**
 * Checks a (possibly partial) procedural record against a rule set. Pure: the moment of the
 * hearing comes from the record or from `options.at`, never from the clock. Reports come in the
 * order of the form: hearing, order, person, consent or information, person of trust, people
 * present, room.
 */
export function evaluate(
  record: ProcedureDraft,
  ruleSet: RuleSet,
  options: EvaluateOptions = {},
): Evaluation {
  const rules = valuesOf(ruleSet);
  const found = new Findings();

  const instantText = options.at ?? record.hearingStart ?? null;
  const instant = instantText ? parseInstant(instantText) : null;
  if (options.at !== undefined && instant === null) {
    throw new RangeError(`evaluate: options.at is not an ISO instant with offset: ${options.at}`);
  }
  const day = checkHearingDay(record, instantText, ruleSet, found);
  const age = ageFacts(record, day, rules);
  const languages = languageFacts(record, rules);

  checkOrder(record, day, age.reading, rules, found);
  const situation = checkPerson(record, day, age, rules, found);
  checkConsentOrInformation(record, age.reading, languages, rules, found);
  const choice = checkPersonOfTrust(record, day, age.reading, rules, found);
  checkAttendees(record.attendees ?? [], instant, choice, languages, rules, found);
  checkRoom(record, rules, found);
  const followUp = checkFollowUp(record, age.reading, rules, found);

  const reading = age.reading;
  const orderDraft = record.order;
  const recordingIsTheRule =
    reading && orderDraft?.capacity && orderDraft.offenceCategory
      ? reading.isMinor &&
        orderDraft.capacity === 'victim' &&
        rules.gravestSexualOffences.includes(orderDraft.offenceCategory)
      : null;

  const assessment = record.personHeard?.ageAssessment;
  const assessed =
    assessment?.date && isAge(assessment.minAge) && isAge(assessment.maxAge)
      ? {
          method: assessment.method ?? null,
          date: assessment.date,
          min: assessment.minAge,
          max: assessment.maxAge,
        }
      : null;

  return {
    mayRecord: found.lists.recording.length === 0,
    maySeal: found.lists.sealing.length === 0,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    facts: {
      hearingDate: day ? formatIsoDate(day) : null,
      ageAtHearing: age.range && age.certain ? age.range.min : null,
      ageRange: age.range && !age.certain ? age.range : null,
      isMinor: reading?.isMinor ?? null,
      consentRequired: reading?.consentRequired ?? null,
      informationRequired: reading?.informationRequired ?? null,
      recordingIsTheRule,
      ageUsed: age.range?.min ?? null,
      ageAssessment: assessed,
      eeaNational: situation.eeaNational,
      nonAccompaniedMinor: situation.nonAccompaniedMinor,
      hearingLanguage: languages.hearing,
      interpreterRequired: languages.interpreterRequired,
      protectiveFollowUpRequired: followUp.required,
      reflectionPeriod: followUp.reflectionPeriod,
    },
    unmet: found.lists.recording,
    openForSealing: found.lists.sealing,
    reminders: found.lists.reminder,
  };
}

function valuesOf(ruleSet: RuleSet): RuleValues {
  const entries = Object.entries(ruleSet.rules).map(([key, item]) => [key, item.value]);
  return Object.fromEntries(entries) as RuleValues;
}

/**
 * Collects reports, each into the list of the gate it closes. A specific report on a field wins
 * over the generic "incomplete" one that schema validation would give for the same field, and
 * a sub-section with its own code (`skip`) is left to that code.
 */
class Findings {
  readonly lists: Record<Gate, Unmet[]> = { recording: [], sealing: [], reminder: [] };

  add(report: Unmet, gate: Gate = 'recording'): void {
    this.lists[gate].push(report);
  }

  private has(field: string): boolean {
    return Object.values(this.lists).some((list) => list.some((u) => u.field === field));
  }

  incomplete(
    schema: z.ZodType,
    value: unknown,
    prefix: string,
    code: UnmetCode,
    { gate = 'recording', skip = [] }: { gate?: Gate; skip?: readonly string[] } = {},
  ): void {
    const result = schema.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      const field = [prefix, ...issue.path.map(String)].join('.');
      if (skip.some((s) => field === s || field.startsWith(`${s}.`))) continue;
      if (this.has(field)) continue;
      this.add({ code, field }, gate);
    }
  }
}

const isAge = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isInteger(value);

const date = (value: string | null | undefined): CalendarDate | null =>
  value ? parseIsoDate(value) : null;

const blank = (value: string | null | undefined): boolean => !value || value.trim() === '';

function checkHearingDay(
  record: ProcedureDraft,
  instantText: string | null,
  ruleSet: RuleSet,
  found: Findings,
): CalendarDate | null {
  const recorded = date(record.hearingDate);
  const started = instantText ? hearingDayOf(instantText) : null;
  if (!recorded) found.add(unmet('hearing.date_missing', 'hearingDate'));
  if (recorded && started && compareDates(recorded, started) !== 0) {
    found.add(
      unmet('hearing.date_mismatch', 'hearingDate', {
        hearingDate: formatIsoDate(recorded),
        startDate: formatIsoDate(started),
      }),
    );
  }
  const day = started ?? recorded;
  const validFrom = parseIsoDate(ruleSet.validFrom);
  if (day && validFrom && compareDates(day, validFrom) < 0) {
    found.add(unmet('rules.not_in_force', 'hearingDate', { validFrom: ruleSet.validFrom }));
  }
  if (day) checkRuleValidity(ruleSet, day, found);
  return day;
}

/**
 * A rule stated for a period (often the study's time, 2008-2009) that does not cover the hearing
 * day is still applied, since nothing better is known, but a legal adviser must confirm it
 * before the hearing is sealed.
 */
function checkRuleValidity(ruleSet: RuleSet, day: CalendarDate, found: Findings): void {
  for (const [rule, item] of Object.entries(ruleSet.rules)) {
    const from = date(item.validFrom);
    const until = date(item.validUntil);
    if ((from && compareDates(day, from) < 0) || (until && compareDates(day, until) > 0)) {
      found.add(unmet('rules.rule_outside_validity', 'hearingDate', { rule }), 'sealing');
    }
  }
}

interface AgeFacts {
  range: AgeRange | null;
  certain: boolean;
  reading: AgeReading | null;
  /** Set when the dates of birth are unusable, with the field to fix. */
  problem: { code: PlainUnmetCode; field: string } | null;
}

type BirthDates =
  | { earliest: CalendarDate; latest: CalendarDate; certain: boolean }
  | { problem: { code: PlainUnmetCode; field: string } };

function birthDates(person: PersonHeardDraft): BirthDates | null {
  if (person.dateOfBirthCertain !== false) {
    const born = date(person.dateOfBirth);
    if (!born) {
      return {
        problem: { code: 'person.date_of_birth_missing', field: 'personHeard.dateOfBirth' },
      };
    }
    return { earliest: born, latest: born, certain: true };
  }
  const range = person.dateOfBirthRange;
  if (!range && person.ageAssessment) return assessedBirthDates(person.ageAssessment);
  const earliest = date(range?.earliest);
  const latest = date(range?.latest);
  if (!earliest || !latest) {
    const part = !range ? '' : !earliest ? '.earliest' : '.latest';
    const field = `personHeard.dateOfBirthRange${part}`;
    return { problem: { code: 'person.date_of_birth_missing', field } };
  }
  if (compareDates(earliest, latest) > 0) {
    const field = 'personHeard.dateOfBirthRange.latest';
    return { problem: { code: 'person.date_of_birth_range_inverted', field } };
  }
  return { earliest, latest, certain: false };
}

/**
 * The dates of birth an age assessment leaves possible, when no range of dates was entered: aged
 * `minAge` at the latest on the day of the assessment, and not yet `maxAge + 1` at the earliest.
 */
function assessedBirthDates(assessment: AgeAssessmentDraft): BirthDates {
  const field = 'personHeard.ageAssessment';
  const on = date(assessment.date);
  const { minAge, maxAge } = assessment;
  if (!on) return { problem: { code: 'person.date_of_birth_missing', field: `${field}.date` } };
  if (!isAge(minAge)) {
    return { problem: { code: 'person.date_of_birth_missing', field: `${field}.minAge` } };
  }
  if (!isAge(maxAge)) {
    return { problem: { code: 'person.date_of_birth_missing', field: `${field}.maxAge` } };
  }
  if (minAge > maxAge) {
    return { problem: { code: 'age_assessment.range_inverted', field: `${field}.maxAge` } };
  }
  return {
    earliest: addDays(addMonths(on, -12 * (maxAge + 1)), 1),
    latest: addMonths(on, -12 * minAge),
    certain: false,
  };
}

function ageFacts(record: ProcedureDraft, day: CalendarDate | null, rules: RuleValues): AgeFacts {
  const none = { range: null, certain: false, reading: null, problem: null };
  const person = record.personHeard;
  const births = person ? birthDates(person) : null;
  if (!births) return none;
  if ('problem' in births) return { ...none, problem: births.problem };
  if (!day) return none;
  if (compareDates(births.latest, day) > 0) {
    const field = births.certain
      ? 'personHeard.dateOfBirth'
      : person?.dateOfBirthRange
        ? 'personHeard.dateOfBirthRange.latest'
        : 'personHeard.ageAssessment.date';
    return { ...none, problem: { code: 'person.born_after_hearing', field } };
  }
  const range = ageRangeOn(births, day, rules.leapDayBirthday);
  return { range, certain: births.certain, reading: readAge(range, rules), problem: null };
}

function checkOrder(
  record: ProcedureDraft,
  day: CalendarDate | null,
  reading: AgeReading | null,
  rules: RuleValues,
  found: Findings,
): void {
  const order = record.order;
  if (!order) {
    found.add(unmet('order.missing', 'order'));
    return;
  }
  const decision = order.decisionNotToRecord;
  if (decision) {
    found.add(unmet('order.decided_not_to_record', 'order.decisionNotToRecord'));
    if (blank(decision.reasons)) {
      found.add(unmet('order.decision_without_reasons', 'order.decisionNotToRecord.reasons'));
    }
  }
  const ordered = date(order.date);
  if (ordered && day && compareDates(ordered, day) > 0) {
    found.add(
      unmet('order.date_after_hearing', 'order.date', {
        orderDate: formatIsoDate(ordered),
        hearingDate: formatIsoDate(day),
      }),
    );
  }
  if (
    reading &&
    !reading.isMinor &&
    rules.vulnerableAdultsInScope &&
    record.personHeard?.category === 'vulnerable_adult' &&
    order.offenceCategory &&
    !rules.vulnerableAdultOffences.includes(order.offenceCategory)
  ) {
    found.add(unmet('order.offence_out_of_scope', 'order.offenceCategory'));
  }
  found.incomplete(orderSchema, order, 'order', 'order.incomplete');
}

interface Situation {
  eeaNational: boolean | null;
  nonAccompaniedMinor: boolean | null;
}

function checkPerson(
  record: ProcedureDraft,
  day: CalendarDate | null,
  age: AgeFacts,
  rules: RuleValues,
  found: Findings,
): Situation {
  const person = record.personHeard;
  if (!person) {
    found.add(unmet('person.missing', 'personHeard'));
    return { eeaNational: null, nonAccompaniedMinor: null };
  }
  if (age.problem) found.add({ code: age.problem.code, field: age.problem.field });
  const reading = age.reading;
  if (reading && !reading.isMinor) {
    if (!rules.vulnerableAdultsInScope) {
      found.add(unmet('person.vulnerable_adults_out_of_scope', 'personHeard.category'));
    } else if (person.category !== 'vulnerable_adult') {
      found.add(
        unmet('person.out_of_scope', 'personHeard.category', { majorityAge: rules.majorityAge }),
      );
    }
  }
  if (reading?.isMinor && person.category === 'vulnerable_adult') {
    found.add(
      unmet('person.category_should_be_minor', 'personHeard.category', {
        majorityAge: rules.majorityAge,
      }),
    );
  }
  const situation = checkSituation(person, day, reading, rules, found);
  if (person.ageAssessment) {
    found.incomplete(
      ageAssessmentSchema,
      person.ageAssessment,
      'personHeard.ageAssessment',
      'age_assessment.incomplete',
      { gate: 'sealing' },
    );
  }
  found.incomplete(personHeardSchema, person, 'personHeard', 'person.incomplete', {
    skip: ['personHeard.guardian', 'personHeard.ageAssessment'],
  });
  return situation;
}

/** Belgian nationals are at home: whether they are accompanied is not this procedure's question. */
const ownNationality = 'BE';

function eeaNationalOn(
  nationality: string | null | undefined,
  day: CalendarDate | null,
  rules: RuleValues,
): boolean | null {
  if (!nationality || !day) return null;
  return rules.eeaStates.some((m) => {
    const from = date(m.from);
    const until = date(m.until);
    return (
      m.code === nationality &&
      (!from || compareDates(from, day) <= 0) &&
      (!until || compareDates(day, until) <= 0)
    );
  });
}

/**
 * The unaccompanied minor (study §68). A minor, or a person whose age is not yet known, recorded
 * as unaccompanied: an EEA national falls under the circular of 2 August 2007; anyone else,
 * including a person whose nationality is not known (the Office decides, so it is warned), needs
 * a guardian or a warning to the Guardianship Office. The rule set says which gate each closes.
 */
function checkSituation(
  person: PersonHeardDraft,
  day: CalendarDate | null,
  reading: AgeReading | null,
  rules: RuleValues,
  found: Findings,
): Situation {
  const eeaNational = eeaNationalOn(person.nationality, day, rules);
  const minorOrUnknown = reading?.isMinor !== false;
  const nonAccompaniedMinor =
    person.accompanied === false ? minorOrUnknown : person.accompanied ? false : null;
  const guardianGate = rules.guardianshipOfficeWarning;
  const guardian = person.guardian;

  if (nonAccompaniedMinor && eeaNational) {
    found.add(
      unmet('guardian.eea_circular', 'personHeard.nationality'),
      rules.eeaVulnerableMinorsCircular,
    );
  } else if (nonAccompaniedMinor) {
    const hasGuardian = guardian?.status === 'appointed' || guardian?.status === 'temporary';
    if (!hasGuardian && !guardian?.officeWarned) {
      const field = guardian ? 'personHeard.guardian.officeWarned' : 'personHeard.guardian';
      found.add(unmet('guardian.office_not_warned', field), guardianGate);
    }
  }
  if (
    nonAccompaniedMinor === null &&
    minorOrUnknown &&
    person.nationality &&
    person.nationality !== ownNationality
  ) {
    found.add(unmet('person.accompaniment_unknown', 'personHeard.accompanied'), 'reminder');
  }
  if (guardian) {
    found.incomplete(guardianSchema, guardian, 'personHeard.guardian', 'guardian.incomplete', {
      gate: guardianGate,
    });
    if (guardian.officeWarned) {
      found.incomplete(
        officeWarningSchema,
        guardian.officeWarned,
        'personHeard.guardian.officeWarned',
        'guardian.incomplete',
        { gate: guardianGate },
      );
    }
  }
  return { eeaNational, nonAccompaniedMinor };
}

/** `pt-BR` and `pt` are the same language for understanding; compared on the first subtag. */
const primary = (code: string): string => code.toLowerCase().split('-')[0] ?? code;

interface LanguageFacts {
  /** The person's language, and the others they understand, as primary subtags. */
  understood: readonly string[];
  personLanguage: string | null;
  hearing: string | null;
  interpreterRequired: boolean | null;
  /** Whether speaking to the person in `language` needs an interpreter. */
  needsInterpreter: (language: string) => boolean;
}

/**
 * The language of the hearing is the one recorded; when none is, a person who speaks one of the
 * languages of the proceedings is taken to be heard in it, and anyone else needs an interpreter
 * whatever the interviewer speaks, so that the rule cannot be skipped by leaving a field empty.
 */
function languageFacts(record: ProcedureDraft, rules: RuleValues): LanguageFacts {
  const person = record.personHeard;
  const own = person?.language ? primary(person.language) : null;
  const proceedings = rules.proceedingsLanguages.map(primary);
  const hearing = record.hearingLanguage
    ? primary(record.hearingLanguage)
    : own && proceedings.includes(own)
      ? own
      : null;
  const needsInterpreter = (language: string) =>
    rules.interpreterRequired &&
    (hearing ? primary(language) !== hearing : !proceedings.includes(primary(language)));
  return {
    understood: [own, ...(person?.otherLanguages ?? []).map(primary)].filter(
      (l): l is string => l !== null,
    ),
    personLanguage: person?.language ?? null,
    hearing,
    interpreterRequired: own ? needsInterpreter(own) : null,
    needsInterpreter,
  };
}

/**
 * Consent or information counts only in a language the person understands (legal.md), and,
 * when that is not the language of the hearing, through a named interpreter.
 */
function checkLanguageGiven(
  given: { language?: string | null; interpretedBy?: string | null },
  section: 'consent' | 'information',
  languages: LanguageFacts,
  found: Findings,
): void {
  const language = given.language;
  if (!language) return;
  if (languages.understood.length > 0 && !languages.understood.includes(primary(language))) {
    found.add(unmet(`${section}.language_not_understood`, `${section}.language`, { language }));
  } else if (languages.needsInterpreter(language) && blank(given.interpretedBy)) {
    found.add(unmet(`${section}.interpreter_not_named`, `${section}.interpretedBy`));
  }
}

function checkConsentOrInformation(
  record: ProcedureDraft,
  reading: AgeReading | null,
  languages: LanguageFacts,
  rules: RuleValues,
  found: Findings,
): void {
  if (!reading) return;
  if (reading.consentRequired) {
    const consent = record.consent;
    if (!consent) {
      found.add(unmet('consent.missing', 'consent', { consentAge: rules.consentAge }));
      return;
    }
    if (consent.decision === 'refused') found.add(unmet('consent.refused', 'consent.decision'));
    if (consent.withdrawal) found.add(unmet('consent.withdrawn', 'consent.withdrawal'));
    checkLanguageGiven(consent, 'consent', languages, found);
    found.incomplete(consentSchema, consent, 'consent', 'consent.incomplete');
  }
  if (reading.informationRequired) {
    const information = record.information;
    if (!information) {
      found.add(unmet('information.missing', 'information', { consentAge: rules.consentAge }));
      return;
    }
    checkLanguageGiven(information, 'information', languages, found);
    found.incomplete(informationSchema, information, 'information', 'information.incomplete');
  }
}

/** Returns the minor's choice that stands (after any refusal), or null. */
function checkPersonOfTrust(
  record: ProcedureDraft,
  day: CalendarDate | null,
  reading: AgeReading | null,
  rules: RuleValues,
  found: Findings,
): PersonOfTrustChoiceDraft | null {
  // Unknown age is read as a minor's: the choice is asked for until the age says otherwise.
  const applies = reading?.isMinor !== false || rules.personOfTrustForVulnerableAdults;
  if (!applies) return null;
  const decision = record.personOfTrust;
  if (!decision) {
    found.add(unmet('person_of_trust.undecided', 'personOfTrust'));
    return null;
  }
  if (decision.kind !== 'refused') {
    checkChoice(decision, 'personOfTrust', day, rules, found);
    return decision;
  }
  if (blank(decision.reasons)) {
    found.add(unmet('person_of_trust.refusal_without_reasons', 'personOfTrust.reasons'));
  }
  const next = decision.then ?? null;
  if (!next) {
    found.add(unmet('person_of_trust.undecided', 'personOfTrust.then'));
  } else {
    const refused = decision.refusedPerson?.name;
    if (next.kind === 'chosen' && refused && next.name && sameName(refused, next.name)) {
      found.add(unmet('person_of_trust.refused_person_chosen', 'personOfTrust.then.name'));
    }
    checkChoice(next, 'personOfTrust.then', day, rules, found);
  }
  found.incomplete(
    refusedPersonOfTrust.omit({ then: true }),
    decision,
    'personOfTrust',
    'person_of_trust.incomplete',
  );
  return next;
}

function checkChoice(
  choice: PersonOfTrustChoiceDraft,
  prefix: string,
  day: CalendarDate | null,
  rules: RuleValues,
  found: Findings,
): void {
  if (choice.kind === 'none_chosen') {
    found.incomplete(noneChosen, choice, prefix, 'person_of_trust.incomplete');
    return;
  }
  const born = date(choice.dateOfBirth);
  if (born && day) {
    const age = ageOn(born, day, rules.leapDayBirthday);
    if (age < rules.personOfTrustMinimumAge) {
      found.add(
        unmet('person_of_trust.under_age', `${prefix}.dateOfBirth`, {
          age,
          minimumAge: rules.personOfTrustMinimumAge,
        }),
      );
    }
  }
  found.incomplete(chosenPersonOfTrust, choice, prefix, 'person_of_trust.incomplete');
}

/** Names compared without case, accents or extra spaces: "Émile  Dupont" is "emile dupont". */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

function isPresent(a: AttendeeDraft, instant: Date | null): boolean {
  const arrived = a.arrivedAt ? parseInstant(a.arrivedAt) : null;
  const left = a.leftAt ? parseInstant(a.leftAt) : null;
  if (!instant) return left === null;
  return (!arrived || arrived <= instant) && (!left || left > instant);
}

function checkAttendees(
  attendees: readonly AttendeeDraft[],
  instant: Date | null,
  choice: PersonOfTrustChoiceDraft | null,
  languages: LanguageFacts,
  rules: RuleValues,
  found: Findings,
): void {
  const present = attendees.filter((a) => isPresent(a, instant));
  for (const rule of rules.requiredPresence) {
    if (!present.some((a) => a.role && rule.anyOf.includes(a.role))) {
      found.add({ code: rule.code, field: 'attendees' });
    }
  }
  if (
    choice?.kind === 'chosen' &&
    rules.personOfTrustMustAttend &&
    !present.some((a) => a.role === 'person_of_trust')
  ) {
    found.add(unmet('attendee.person_of_trust_missing', 'attendees'));
  }
  const language = languages.personLanguage;
  if (languages.interpreterRequired && language) {
    const covered = present.some(
      (a) =>
        a.role === 'interpreter' &&
        (a.languages ?? []).some((l) => primary(l) === primary(language)),
    );
    if (!covered) found.add(unmet('interpreter.missing', 'attendees', { language }));
  }
  attendees.forEach((a, i) => {
    const prefix = `attendees.${i}`;
    const name = blank(a.name) ? `#${i + 1}` : (a.name as string);
    if (
      a.role === 'interviewer' &&
      rules.interviewerTrainingRequired &&
      blank(a.trainingReference)
    ) {
      found.add(
        unmet('attendee.interviewer_training_missing', `${prefix}.trainingReference`, { name }),
      );
    }
    if (a.role === 'interpreter') {
      if (!a.languages?.length) {
        found.add(unmet('attendee.interpreter_languages_missing', `${prefix}.languages`, { name }));
      }
      // An interpreter sworn for the occasion can still be found and named after the hearing.
      if (blank(a.swornReference)) {
        found.add(
          unmet('attendee.interpreter_sworn_reference_missing', `${prefix}.swornReference`, {
            name,
          }),
          'sealing',
        );
      }
    }
    const arrived = a.arrivedAt ? parseInstant(a.arrivedAt) : null;
    const left = a.leftAt ? parseInstant(a.leftAt) : null;
    if (arrived && left && left < arrived) {
      found.add(unmet('attendee.left_before_arrival', `${prefix}.leftAt`, { name }));
    }
    found.incomplete(attendeeSchema, a, prefix, 'attendee.incomplete');
  });
}

function checkRoom(record: ProcedureDraft, rules: RuleValues, found: Findings): void {
  const room = record.roomChecklist;
  if (!room) {
    found.add(unmet('room.not_confirmed', 'roomChecklist'));
    return;
  }
  if (rules.childFriendlyRoomRequired && room.childFriendly !== true) {
    found.add(unmet('room.not_child_friendly', 'roomChecklist.childFriendly'));
  }
  if (rules.equipmentCheckRequired && room.equipmentChecked !== true) {
    found.add(unmet('room.equipment_not_checked', 'roomChecklist.equipmentChecked'));
  }
  found.incomplete(roomChecklistSchema, room, 'roomChecklist', 'room.not_confirmed');
}

interface FollowUpFacts {
  required: boolean | null;
  reflectionPeriod: Facts['reflectionPeriod'];
}

/**
 * The protective follow-up of a victim of trafficking or exploitation (study §§56, 78, 85-86):
 * a reception centre contacted, the brochure handed, the reflection period noted and, for a
 * child with a guardian, the guardian informed. It closes the hearing, so it is never asked for
 * before recording: the rule set names the gate.
 */
function checkFollowUp(
  record: ProcedureDraft,
  reading: AgeReading | null,
  rules: RuleValues,
  found: Findings,
): FollowUpFacts {
  const order = record.order;
  const required =
    order?.capacity && order.offenceCategory
      ? order.capacity === 'victim' &&
        rules.protectiveFollowUpOffences.includes(order.offenceCategory)
      : null;
  const followUp = record.protectiveFollowUp;
  const gate = rules.protectiveFollowUpGate;
  const at = 'protectiveFollowUp';

  if (required) {
    const contact = followUp?.receptionCentre;
    const centre = rules.receptionCentres.find((c) => c.id === contact?.centre);
    if (!contact) {
      found.add(unmet('follow_up.reception_centre_not_contacted', `${at}.receptionCentre`), gate);
    } else if (contact.centre && !centre) {
      found.add(unmet('follow_up.reception_centre_unknown', `${at}.receptionCentre.centre`), gate);
    } else if (centre?.receives === 'minors' && reading?.isMinor === false) {
      found.add(unmet('follow_up.centre_for_minors_only', `${at}.receptionCentre.centre`), gate);
    }
    if (!followUp?.brochure) {
      found.add(unmet('follow_up.brochure_not_handed', `${at}.brochure`), gate);
    }
    if (!followUp?.reflectionPeriod) {
      found.add(unmet('follow_up.reflection_period_not_noted', `${at}.reflectionPeriod`), gate);
    }
    const status = record.personHeard?.guardian?.status;
    const hasGuardian = status === 'appointed' || status === 'temporary';
    if (hasGuardian && reading?.isMinor !== false && !followUp?.guardianInformed) {
      found.add(unmet('follow_up.guardian_not_informed', `${at}.guardianInformed`), gate);
    }
  }
  if (followUp) {
    found.incomplete(protectiveFollowUpSchema, followUp, at, 'follow_up.incomplete', { gate });
  }

  // An unknown age gets the child's (longer) period: the protective reading.
  const start = date(followUp?.reflectionPeriod?.start);
  const length =
    reading?.isMinor === false ? rules.reflectionPeriod.adult : rules.reflectionPeriod.minor;
  const reflectionPeriod = start
    ? { start: formatIsoDate(start), end: formatIsoDate(periodEnd(start, length)), length }
    : null;
  return { required, reflectionPeriod };
}
