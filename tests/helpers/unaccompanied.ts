import { randomUUID } from 'node:crypto';
import { brusselsDate } from '../../shared/domain/dates';
import { today } from './procedure';

export { today };

/** The Brussels date `n` days before today. */
export function daysAgo(n: number): string {
  const d = brusselsDate(new Date());
  return new Date(Date.UTC(d.year, d.month - 1, d.day - n)).toISOString().slice(0, 10);
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/**
 * The record of the child the study is about, section by section as the forms save them: an
 * unaccompanied Albanian girl, victim of trafficking, whose age was assessed medically at 15–17,
 * with an appointed guardian, heard in French through a sworn interpreter of Albanian, and the
 * protective follow-up done (Minor Ndako, the brochure in Albanian, the reflection period from
 * today, the guardian informed).
 */
export function unaccompaniedChildSections() {
  const attendeeIds = { interviewer: randomUUID(), technician: randomUUID(), psychologist: randomUUID(), interpreter: randomUUID() };
  const sections = [
    {
      section: 'order',
      value: {
        issuedBy: 'prosecutor',
        magistrateName: 'A. Janssens',
        reference: 'BR.55.L1.004411/26',
        date: today(),
        offenceCategory: 'child_trafficking',
        capacity: 'victim',
      },
    },
    {
      section: 'personHeard',
      value: {
        name: 'Ardita M.',
        dateOfBirthCertain: false,
        language: 'sq',
        category: 'minor',
        nationality: 'AL',
        accompanied: false,
        guardian: {
          status: 'appointed',
          name: 'Maître C. Dubois',
          officeWarned: { at: `${daysAgo(12)}T10:15:00+01:00`, by: 'Insp. L. Peeters', reference: 'ST/2026/0457' },
        },
        ageAssessment: {
          method: 'medical',
          medicalTests: ['wrist_xray', 'collarbone_xray', 'teeth_xray'],
          date: daysAgo(10),
          assessedBy: 'Dr. H. Lambert',
          minAge: 15,
          maxAge: 17,
        },
      },
    },
    { section: 'hearingLanguage', value: 'fr' },
    {
      section: 'consent',
      value: {
        decision: 'given',
        takenBy: 'Insp. L. Peeters',
        at: minutesAgo(10),
        language: 'sq',
        interpretedBy: 'A. Hoxha',
        wordsSaid: 'Po, mund ta filmoni.',
      },
    },
    { section: 'personOfTrust', value: { kind: 'none_chosen', recordedBy: 'Insp. L. Peeters', at: minutesAgo(12) } },
    {
      section: 'attendees',
      value: [
        { id: attendeeIds.interviewer, name: 'Insp. L. Peeters', role: 'interviewer', room: 'hearing_room', trainingReference: 'TAM-2019-0042' },
        { id: attendeeIds.interpreter, name: 'A. Hoxha', role: 'interpreter', room: 'hearing_room', languages: ['sq', 'fr'], swornReference: 'TOLK-BXL-2019-114' },
        { id: attendeeIds.technician, name: 'J. Maes', role: 'technician', room: 'control_room' },
        { id: attendeeIds.psychologist, name: 'Dr. E. Claes', role: 'psychologist', room: 'control_room' },
      ],
    },
    {
      section: 'roomChecklist',
      value: { childFriendly: true, equipmentChecked: true, confirmedBy: 'J. Maes', confirmedAt: minutesAgo(20) },
    },
    {
      section: 'protectiveFollowUp',
      value: {
        receptionCentre: { centre: 'minor_ndako', at: minutesAgo(40), by: 'Insp. L. Peeters' },
        brochure: { language: 'sq', at: minutesAgo(35), by: 'Insp. L. Peeters' },
        reflectionPeriod: { start: today(), notedBy: 'Insp. L. Peeters' },
        guardianInformed: { at: minutesAgo(30), by: 'Insp. L. Peeters' },
      },
    },
  ] as const;
  return { sections, attendeeIds };
}
