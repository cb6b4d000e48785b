import type { UnmetCode } from '../unmet';

export const en: Record<UnmetCode, string> = {
  'hearing.date_missing':
    'The date of the hearing is missing. Fill in the day the hearing takes place.',
  'hearing.date_mismatch':
    'The hearing date ({{hearingDate}}) is not the day the hearing starts ({{startDate}}, Belgian time). Correct the hearing date.',
  'rules.not_in_force':
    'The rules in this application apply to hearings from {{validFrom}}. Check the hearing date; for an earlier hearing, ask your legal adviser.',
  'rules.rule_outside_validity':
    'The rule “{{rule}}” is stated for hearings in another period than this one (many rules describe the law of 2008–2009). It was applied as stated: have your legal adviser confirm it before the hearing is sealed.',

  'order.missing':
    'No order to record has been entered. A hearing may only be filmed on the order of the public prosecutor or the investigating judge: enter who gave the order, its reference and its date.',
  'order.incomplete':
    "The order to record is not complete. Fill in the marked field: who gave the order, the magistrate's name, the reference, the date, the offence, and whether the person is a victim or a witness.",
  'order.date_after_hearing':
    'The order to record is dated {{orderDate}}, after the hearing ({{hearingDate}}). The order must exist before the hearing: check the date of the order.',
  'order.decided_not_to_record':
    'The magistrate decided that this hearing must not be filmed. Do not record; hold the hearing in the usual way.',
  'order.decision_without_reasons':
    'The decision not to film gives no reasons. The magistrate must give reasons: enter them as they are written in the decision.',
  'order.offence_out_of_scope':
    'For this offence a filmed hearing of a vulnerable adult is not provided for. Check the offence with the magistrate who gave the order.',

  'person.missing':
    'The person to be heard has not been entered. Fill in their name, date of birth, language and category.',
  'person.incomplete': 'Details of the person to be heard are missing. Fill in the marked field.',
  'person.date_of_birth_missing':
    'The date of birth is missing. Enter the date of birth or, if it is not known for certain, the earliest and the latest possible date from the age assessment.',
  'person.date_of_birth_range_inverted':
    'The earliest possible date of birth is after the latest one. Correct the two dates from the age assessment.',
  'person.born_after_hearing':
    'The date of birth is after the hearing date. Check the date of birth and the hearing date.',
  'person.out_of_scope':
    "On the day of the hearing this person is {{majorityAge}} or older, so this is not the hearing of a minor. If the person is a vulnerable adult, choose the category 'vulnerable adult'; otherwise this procedure does not apply.",
  'person.vulnerable_adults_out_of_scope':
    'The rules in use do not provide for filmed hearings of vulnerable adults. This person is an adult on the day of the hearing: this procedure does not apply.',
  'person.category_should_be_minor':
    "On the day of the hearing this person is, or may be, younger than {{majorityAge}}, so they must be heard as a minor. Change the category to 'minor'.",
  'person.accompaniment_unknown':
    'The person heard is a foreign national: note whether they are accompanied by a parent or guardian in Belgium. An unaccompanied minor needs a guardian.',
  'guardian.office_not_warned':
    'This minor is unaccompanied, is not an EEA national (or the nationality is not known) and has no guardian yet. Warn the Guardianship Office at once, by telephone, and note when, by whom, and its reference if it gives one. An urgent hearing may go ahead, but the warning must be noted before the hearing is sealed.',
  'guardian.incomplete':
    'Details of the guardian or of the warning to the Guardianship Office are missing. Fill in the marked field.',
  'guardian.eea_circular':
    'This unaccompanied minor is an EEA national: the Guardianship Law does not apply, but a minor in a vulnerable situation (a victim of trafficking among them) falls under the circular of 2 August 2007. Follow that circular and inform the magistrate.',
  'age_assessment.incomplete':
    'The age assessment is not noted completely. Fill in the marked field: the method (and for a medical assessment, which X-rays), the day, and the result as a lowest and a highest age.',
  'age_assessment.range_inverted':
    'The lowest assessed age is above the highest one. Correct the result of the age assessment.',

  'consent.missing':
    'Consent to filming has not been noted. A child aged {{consentAge}} or older, and any adult, must agree to be filmed: ask them, then note their answer, who asked, when and in which language.',
  'consent.incomplete':
    'The consent is not noted completely. Fill in the marked field: the answer, who asked, when, in which language, and the words the person used.',
  'consent.refused':
    'The person heard does not agree to be filmed. Do not record, and inform the magistrate.',
  'consent.withdrawn':
    'The person heard has withdrawn their consent. Stop the recording, do not start it again, and inform the magistrate.',
  'consent.language_not_understood':
    'Consent was asked in a language ({{language}}) that is not noted as one the person understands. Ask again in the person’s language, through an interpreter if needed, or note the languages the person understands.',
  'consent.interpreter_not_named':
    'Consent was asked in a language other than that of the hearing, but the interpreter is not named. Note through whom consent was asked.',
  'information.missing':
    'The child is younger than {{consentAge}}: the child does not decide, but must be told that the hearing will be filmed. Tell the child, then note who told them, when and in which language.',
  'information.incomplete':
    'It is not noted completely that the child was told. Fill in the marked field: who told the child, when, and in which language.',
  'information.language_not_understood':
    'The child was told in a language ({{language}}) that is not noted as one the child understands. Tell the child again in their language, through an interpreter if needed, or note the languages the child understands.',
  'information.interpreter_not_named':
    'The child was told in a language other than that of the hearing, but the interpreter is not named. Note through whom the child was told.',

  'person_of_trust.undecided':
    'It is not noted whether the child wants a person of trust. Ask the child which adult they want with them, or whether they want nobody, and note the answer. If the magistrate refused the first person, the child may choose someone else or nobody.',
  'person_of_trust.incomplete':
    'Details about the person of trust are missing. Fill in the marked field.',
  'person_of_trust.under_age':
    'The person of trust is {{age}} on the day of the hearing and must be at least {{minimumAge}}. Ask the child to choose an adult, or nobody.',
  'person_of_trust.refusal_without_reasons':
    "The magistrate's refusal of the person chosen as person of trust gives no reasons. Only a reasoned decision of the magistrate can refuse the person the child chose: enter the reasons given in the decision.",
  'person_of_trust.refused_person_chosen':
    'The child chose the same person the magistrate refused. Ask the child to choose someone else, or nobody.',

  'attendee.incomplete':
    'Details of someone present are missing. Fill in the marked field for that person.',
  'attendee.interviewer_missing':
    'No interviewer is present. A trained interviewer must conduct the hearing: add them to the people present.',
  'attendee.interviewer_training_missing':
    '{{name}} is listed as interviewer without a training reference. Enter the reference of their training in hearing minors (for example the TAM brevet).',
  'attendee.technician_missing':
    'No technician is present. A member of the technical staff must handle the recording from the control room: add them to the people present.',
  'attendee.psychologist_missing':
    'No psychologist or psychiatrist is present. One of them must attend the hearing: add them to the people present.',
  'attendee.person_of_trust_missing':
    'The child chose a person of trust, but that person is not among the people present. Add them, or note a new choice of the child.',
  'attendee.left_before_arrival':
    'For {{name}}, the time they left is before the time they arrived. Correct the times.',
  'attendee.interpreter_languages_missing':
    '{{name}} is listed as interpreter without the languages interpreted. Enter the languages.',
  'attendee.interpreter_sworn_reference_missing':
    '{{name}} is listed as interpreter without a sworn-interpreter reference. Enter the reference of the oath or of the listing before the hearing is sealed.',
  'interpreter.missing':
    'The person heard speaks {{language}}, which is not the language of the hearing, and no interpreter for that language is present. Add an interpreter to the people present, with the languages interpreted.',

  'room.not_confirmed':
    'Nobody has confirmed the room check. Check the hearing room and the equipment, then note who did it and when.',
  'room.not_child_friendly':
    'The hearing room is not confirmed as child-friendly. Use a room arranged for hearing children, then tick the box.',
  'room.equipment_not_checked':
    'The recording equipment has not been checked. Test the cameras and microphones, then tick the box.',
  'follow_up.reception_centre_not_contacted':
    'No specialised reception centre has been contacted. A victim of trafficking must be put in contact with one (Payoke, Sürya, Pag-Asa; for a child also Esperanto, Minor Ndako or Juna): note which one, when and by whom.',
  'follow_up.reception_centre_unknown':
    'The reception centre noted is not one of the centres the rules list. Choose the centre from the list.',
  'follow_up.centre_for_minors_only':
    'The reception centre noted receives children only, and this person is an adult. Contact Payoke, Sürya or Pag-Asa.',
  'follow_up.brochure_not_handed':
    'It is not noted that the information brochure for victims of trafficking was handed over. Hand it over in a language the person understands, and note the language, when and by whom.',
  'follow_up.reflection_period_not_noted':
    'The reflection period is not noted. Note the day it starts: its end follows from the rules (three months for a child, 45 days for an adult).',
  'follow_up.guardian_not_informed':
    'It is not noted that the guardian was informed of the follow-up. Inform the guardian and note when and by whom.',
  'follow_up.incomplete':
    'The protective follow-up is not noted completely. Fill in the marked field.',
};
