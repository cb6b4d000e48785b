import type { UnmetCode } from '../unmet';

export const en: Record<UnmetCode, string> = {
  'hearing.date_missing':
    'The date of the hearing is missing. Fill in the day the hearing takes place.',
  'hearing.date_mismatch':
    'The hearing date ({{hearingDate}}) is not the day the hearing starts ({{startDate}}, Belgian time). Correct the hearing date.',
  'rules.not_in_force':
    'The rules in this application apply to hearings from {{validFrom}}. Check the hearing date; for an earlier hearing, ask your legal adviser.',

  'order.missing':
    'No recording order has been entered. A hearing may only be filmed on the order of the public prosecutor or the investigating judge: enter who gave the order, its reference and its date.',
  'order.incomplete':
    "The recording order is not complete. Fill in the marked field: who gave the order, the magistrate's name, the reference, the date, the offence, and whether the person is a victim or a witness.",
  'order.date_after_hearing':
    'The recording order is dated {{orderDate}}, after the hearing ({{hearingDate}}). The order must exist before the hearing: check the date of the order.',
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

  'consent.missing':
    'Consent to filming has not been noted. A child aged {{consentAge}} or older, and any adult, must agree to be filmed: ask them, then note their answer, who asked, when and in which language.',
  'consent.incomplete':
    'The consent is not noted completely. Fill in the marked field: the answer, who asked, when, in which language, and the words the person used.',
  'consent.refused':
    'The person heard does not agree to be filmed. Do not record, and inform the magistrate.',
  'consent.withdrawn':
    'The person heard has withdrawn their consent. Stop the recording, do not start it again, and inform the magistrate.',
  'information.missing':
    'The child is younger than {{consentAge}}: the child does not decide, but must be told that the hearing will be filmed. Tell the child, then note who told them, when and in which language.',
  'information.incomplete':
    'It is not noted completely that the child was told. Fill in the marked field: who told the child, when, and in which language.',

  'person_of_trust.undecided':
    'It is not noted whether the child wants a person of trust. Ask the child which adult they want with them, or whether they want nobody, and note the answer. If the magistrate refused the first person, the child may choose someone else or nobody.',
  'person_of_trust.incomplete':
    'Details about the person of trust are missing. Fill in the marked field.',
  'person_of_trust.under_age':
    'The person of trust is {{age}} on the day of the hearing and must be at least {{minimumAge}}. Ask the child to choose an adult, or nobody.',
  'person_of_trust.refusal_without_reasons':
    'The refusal of the person of trust gives no reasons. Only a reasoned decision of the magistrate can refuse them: enter the reasons given.',
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

  'room.not_confirmed':
    'Nobody has confirmed the room check. Check the hearing room and the equipment, then note who did it and when.',
  'room.not_child_friendly':
    'The hearing room is not confirmed as child-friendly. Use a room arranged for hearing children, then tick the box.',
  'room.equipment_not_checked':
    'The recording equipment has not been checked. Test the cameras and microphones, then tick the box.',
};
