import type { z } from 'zod';
import {
  compareDates,
  formatIsoDate,
  parseInstant,
  parseIsoDate,
  type CalendarDate,
} from '../domain/dates';
import {
  attendee as attendeeSchema,
  chosenPersonOfTrust,
  consent as consentSchema,
  information as informationSchema,
  noneChosen,
  order as orderSchema,
  personHeard as personHeardSchema,
  refusedPersonOfTrust,
  roomChecklist as roomChecklistSchema,
  type AttendeeDraft,
  type PersonOfTrustChoiceDraft,
  type ProcedureDraft,
} from '../domain/procedure';
import { ageOn, ageRangeOn, hearingDayOf, readAge, type AgeRange, type AgeReading } from './age';
import type { RuleSet, RuleValues } from './ruleset';
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
}

export interface Evaluation {
  mayRecord: boolean;
  ruleSet: { id: string; version: string };
  facts: Facts;
  unmet: Unmet[];
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

  checkOrder(record, day, age.reading, rules, found);
  checkPerson(record, age, rules, found);
  checkConsentOrInformation(record, age.reading, rules, found);
  const choice = checkPersonOfTrust(record, day, age.reading, rules, found);
  checkAttendees(record.attendees ?? [], instant, choice, rules, found);
  checkRoom(record, rules, found);

  const reading = age.reading;
  const orderDraft = record.order;
  const recordingIsTheRule =
    reading && orderDraft?.capacity && orderDraft.offenceCategory
      ? reading.isMinor &&
        orderDraft.capacity === 'victim' &&
        rules.gravestSexualOffences.includes(orderDraft.offenceCategory)
      : null;

  return {
    mayRecord: found.list.length === 0,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    facts: {
      hearingDate: day ? formatIsoDate(day) : null,
      ageAtHearing: age.range && age.certain ? age.range.min : null,
      ageRange: age.range && !age.certain ? age.range : null,
      isMinor: reading?.isMinor ?? null,
      consentRequired: reading?.consentRequired ?? null,
      informationRequired: reading?.informationRequired ?? null,
      recordingIsTheRule,
    },
    unmet: found.list,
  };
}

function valuesOf(ruleSet: RuleSet): RuleValues {
  const entries = Object.entries(ruleSet.rules).map(([key, item]) => [key, item.value]);
  return Object.fromEntries(entries) as RuleValues;
}

/**
 * Collects reports. A specific report on a field wins over the generic "incomplete" one that
 * schema validation would give for the same field.
 */
class Findings {
  readonly list: Unmet[] = [];

  add(report: Unmet): void {
    this.list.push(report);
  }

  incomplete(schema: z.ZodType, value: unknown, prefix: string, code: UnmetCode): void {
    const result = schema.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      const field = [prefix, ...issue.path.map(String)].join('.');
      if (this.list.some((u) => u.field === field)) continue;
      this.list.push({ code, field });
    }
  }
}

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
  return day;
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

function birthDates(person: NonNullable<ProcedureDraft['personHeard']>): BirthDates | null {
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
      : 'personHeard.dateOfBirthRange.latest';
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

function checkPerson(
  record: ProcedureDraft,
  age: AgeFacts,
  rules: RuleValues,
  found: Findings,
): void {
  const person = record.personHeard;
  if (!person) {
    found.add(unmet('person.missing', 'personHeard'));
    return;
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
  found.incomplete(personHeardSchema, person, 'personHeard', 'person.incomplete');
}

function checkConsentOrInformation(
  record: ProcedureDraft,
  reading: AgeReading | null,
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
    found.incomplete(consentSchema, consent, 'consent', 'consent.incomplete');
  }
  if (reading.informationRequired) {
    const information = record.information;
    if (!information) {
      found.add(unmet('information.missing', 'information', { consentAge: rules.consentAge }));
      return;
    }
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
