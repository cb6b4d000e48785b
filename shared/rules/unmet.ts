/**
 * Everything the engine can report as not yet met, with the parameters each report carries.
 * Codes are stable: the renderer translates them, tests assert them, and audit entries keep
 * them. Adding a code here forces a message in every language (see messages/).
 */
export const unmetCodes = {
  'hearing.date_missing': [],
  'hearing.date_mismatch': ['hearingDate', 'startDate'],
  'rules.not_in_force': ['validFrom'],
  'rules.rule_outside_validity': ['rule'],

  'order.missing': [],
  'order.incomplete': [],
  'order.date_after_hearing': ['orderDate', 'hearingDate'],
  'order.decided_not_to_record': [],
  'order.decision_without_reasons': [],
  'order.offence_out_of_scope': [],

  'person.missing': [],
  'person.incomplete': [],
  'person.date_of_birth_missing': [],
  'person.date_of_birth_range_inverted': [],
  'person.born_after_hearing': [],
  'person.out_of_scope': ['majorityAge'],
  'person.vulnerable_adults_out_of_scope': [],
  'person.category_should_be_minor': ['majorityAge'],
  'person.accompaniment_unknown': [],
  'guardian.office_not_warned': [],
  'guardian.incomplete': [],
  'guardian.eea_circular': [],
  'age_assessment.incomplete': [],
  'age_assessment.range_inverted': [],

  'consent.missing': ['consentAge'],
  'consent.incomplete': [],
  'consent.refused': [],
  'consent.withdrawn': [],
  'consent.language_not_understood': ['language'],
  'consent.interpreter_not_named': [],
  'information.missing': ['consentAge'],
  'information.incomplete': [],
  'information.language_not_understood': ['language'],
  'information.interpreter_not_named': [],

  'person_of_trust.undecided': [],
  'person_of_trust.incomplete': [],
  'person_of_trust.under_age': ['age', 'minimumAge'],
  'person_of_trust.refusal_without_reasons': [],
  'person_of_trust.refused_person_chosen': [],

  'attendee.incomplete': [],
  'attendee.interviewer_missing': [],
  'attendee.interviewer_training_missing': ['name'],
  'attendee.technician_missing': [],
  'attendee.psychologist_missing': [],
  'attendee.person_of_trust_missing': [],
  'attendee.left_before_arrival': ['name'],
  'attendee.interpreter_languages_missing': ['name'],
  'attendee.interpreter_sworn_reference_missing': ['name'],
  'interpreter.missing': ['language'],

  'room.not_confirmed': [],
  'room.not_child_friendly': [],
  'room.equipment_not_checked': [],

  'follow_up.reception_centre_not_contacted': [],
  'follow_up.reception_centre_unknown': [],
  'follow_up.centre_for_minors_only': [],
  'follow_up.brochure_not_handed': [],
  'follow_up.reflection_period_not_noted': [],
  'follow_up.guardian_not_informed': [],
  'follow_up.incomplete': [],
} as const satisfies Record<string, readonly string[]>;

export type UnmetCode = keyof typeof unmetCodes;
export type UnmetParamName<C extends UnmetCode> = (typeof unmetCodes)[C][number];

/** Codes whose messages take no parameters: the only ones rule-set data may name. */
export type PlainUnmetCode = {
  [C in UnmetCode]: [UnmetParamName<C>] extends [never] ? C : never;
}[UnmetCode];

export const allUnmetCodes = Object.keys(unmetCodes) as UnmetCode[];

export interface Unmet {
  code: UnmetCode;
  /** Dotted path of the form field that fixes it, e.g. `consent` or `attendees.2.trainingReference`. */
  field: string;
  params?: Record<string, string | number>;
}

/** Builds a report; the type demands exactly the parameters the code's messages use. */
export function unmet<C extends UnmetCode>(
  code: C,
  field: string,
  ...params: [UnmetParamName<C>] extends [never] ? [] : [Record<UnmetParamName<C>, string | number>]
): Unmet {
  const [values] = params;
  return values ? { code, field, params: values } : { code, field };
}
