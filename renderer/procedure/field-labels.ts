import type { TFunction } from 'i18next';
import type { AttendeeDraft } from '../../shared/domain/procedure';

/** The label of each input, by its path in the record (a choice after a refusal reads the same). */
const labels = {
  hearingDate: 'procedure.hearing.date',
  'order.issuedBy': 'procedure.order.issuedBy',
  'order.magistrateName': 'procedure.order.magistrateName',
  'order.reference': 'procedure.order.reference',
  'order.date': 'procedure.order.date',
  'order.offenceCategory': 'procedure.order.offence',
  'order.capacity': 'procedure.order.capacity',
  'order.decisionNotToRecord.reasons': 'procedure.order.reasons',
  'order.decisionNotToRecord.by.role': 'procedure.order.decidedByRole',
  'order.decisionNotToRecord.by.name': 'procedure.order.decidedByName',
  'order.decisionNotToRecord.date': 'procedure.order.decisionDate',
  'personHeard.name': 'procedure.person.name',
  'personHeard.dateOfBirthCertain': 'procedure.person.certain',
  'personHeard.dateOfBirth': 'procedure.person.dateOfBirth',
  'personHeard.dateOfBirthRange.earliest': 'procedure.person.earliest',
  'personHeard.dateOfBirthRange.latest': 'procedure.person.latest',
  'personHeard.language': 'procedure.person.language',
  'personHeard.category': 'procedure.person.category',
  'consent.decision': 'procedure.consent.decision',
  'consent.takenBy': 'procedure.consent.takenBy',
  'consent.at': 'procedure.consent.at',
  'consent.language': 'procedure.consent.language',
  'consent.wordsSaid': 'procedure.consent.wordsSaid',
  'information.givenBy': 'procedure.information.givenBy',
  'information.at': 'procedure.information.at',
  'information.language': 'procedure.information.language',
  'personOfTrust.name': 'procedure.trust.name',
  'personOfTrust.dateOfBirth': 'procedure.trust.dateOfBirth',
  'personOfTrust.relation': 'procedure.trust.relation',
  'personOfTrust.recordedBy': 'procedure.trust.recordedBy',
  'personOfTrust.at': 'procedure.trust.at',
  'personOfTrust.refusedPerson.name': 'procedure.trust.refusedName',
  'personOfTrust.refusedPerson.relation': 'procedure.trust.refusedRelation',
  'personOfTrust.decidedBy.role': 'procedure.trust.decidedByRole',
  'personOfTrust.decidedBy.name': 'procedure.trust.decidedByName',
  'personOfTrust.decidedAt': 'procedure.trust.decidedAt',
  'personOfTrust.reasons': 'procedure.trust.reasons',
  'attendees.name': 'procedure.attendees.name',
  'attendees.role': 'procedure.attendees.role',
  'attendees.room': 'procedure.attendees.room',
  'attendees.trainingReference': 'procedure.attendees.training',
  'roomChecklist.childFriendly': 'procedure.room.childFriendly',
  'roomChecklist.equipmentChecked': 'procedure.room.equipmentChecked',
  'roomChecklist.confirmedBy': 'procedure.room.confirmedBy',
  'roomChecklist.confirmedAt': 'procedure.room.confirmedAt',
  'personHeard.nationality': 'situation.person.nationality',
  'personHeard.accompanied': 'situation.person.accompanied',
  'personHeard.guardian.status': 'situation.guardian.status',
  'personHeard.guardian.name': 'situation.guardian.name',
  'personHeard.guardian.officeWarned.at': 'situation.guardian.warnedAt',
  'personHeard.guardian.officeWarned.by': 'situation.guardian.warnedBy',
  'personHeard.guardian.officeWarned.reference': 'situation.guardian.warnedReference',
  'personHeard.ageAssessment.method': 'situation.age.method',
  'personHeard.ageAssessment.medicalTests': 'situation.age.tests',
  'personHeard.ageAssessment.date': 'situation.age.date',
  'personHeard.ageAssessment.assessedBy': 'situation.age.by',
  'personHeard.ageAssessment.minAge': 'situation.age.min',
  'personHeard.ageAssessment.maxAge': 'situation.age.max',
  hearingLanguage: 'situation.language.hearing',
  'consent.interpretedBy': 'situation.interpretedBy.label',
  'information.interpretedBy': 'situation.interpretedBy.label',
  'attendees.languages': 'situation.interpreter.languages',
  'attendees.swornReference': 'situation.interpreter.sworn',
  'protectiveFollowUp.receptionCentre.centre': 'situation.followUp.centre',
  'protectiveFollowUp.receptionCentre.at': 'situation.followUp.centreAt',
  'protectiveFollowUp.receptionCentre.by': 'situation.followUp.centreBy',
  'protectiveFollowUp.brochure.language': 'situation.followUp.brochureLanguage',
  'protectiveFollowUp.brochure.at': 'situation.followUp.brochureAt',
  'protectiveFollowUp.brochure.by': 'situation.followUp.brochureBy',
  'protectiveFollowUp.reflectionPeriod.start': 'situation.followUp.reflectionStart',
  'protectiveFollowUp.reflectionPeriod.notedBy': 'situation.followUp.reflectionBy',
  'protectiveFollowUp.guardianInformed.at': 'situation.followUp.guardianAt',
  'protectiveFollowUp.guardianInformed.by': 'situation.followUp.guardianBy',
} as const;

const isLabelled = (path: string): path is keyof typeof labels => path in labels;

/**
 * The name of the input a rule report points to, as the form shows it (for a person present,
 * with who it is), or null for a report about a whole section.
 */
export function fieldLabel(
  t: TFunction,
  path: string,
  attendees: readonly AttendeeDraft[] = [],
): string | null {
  const person = /^attendees\.(\d+)\.(\w+)$/.exec(path);
  if (person) {
    const index = Number(person[1]);
    const key = `attendees.${person[2]}`;
    if (!isLabelled(key)) return null;
    const who = attendees[index]?.name || t('procedure.attendees.person', { n: index + 1 });
    return `${who}: ${t(labels[key])}`;
  }
  const plain = path.replace(/^personOfTrust\.then\./, 'personOfTrust.');
  return isLabelled(plain) ? t(labels[plain]) : null;
}
