import type { ProcedureDraft } from '../../../shared/domain/procedure';

export const ids = {
  interviewer: '00000000-0000-4000-8000-000000000001',
  technician: '00000000-0000-4000-8000-000000000002',
  psychologist: '00000000-0000-4000-8000-000000000003',
  personOfTrust: '00000000-0000-4000-8000-000000000004',
};

/**
 * A complete record that may be recorded: a 13-year-old victim of child trafficking heard on
 * Monday 16 March 2026 at 09:00 Brussels time, who consented and chose her mother.
 */
export function completeRecord(): ProcedureDraft {
  return {
    hearingDate: '2026-03-16',
    hearingStart: '2026-03-16T09:00:00+01:00',
    order: {
      issuedBy: 'prosecutor',
      magistrateName: 'A. Janssens',
      reference: 'BR.12.34.567/26',
      date: '2026-03-10',
      offenceCategory: 'child_trafficking',
      capacity: 'victim',
      decisionNotToRecord: null,
    },
    personHeard: {
      name: 'Mira K.',
      dateOfBirthCertain: true,
      dateOfBirth: '2013-01-10',
      dateOfBirthRange: null,
      language: 'nl',
      category: 'minor',
    },
    consent: {
      decision: 'given',
      takenBy: 'Insp. L. Peeters',
      at: '2026-03-16T08:40:00+01:00',
      language: 'nl',
      wordsSaid: 'Ja, dat mag.',
      withdrawal: null,
    },
    information: null,
    personOfTrust: {
      kind: 'chosen',
      name: 'Sara K.',
      dateOfBirth: '1985-05-01',
      relation: 'mother',
    },
    attendees: [
      {
        id: ids.interviewer,
        name: 'Insp. L. Peeters',
        role: 'interviewer',
        room: 'hearing_room',
        trainingReference: 'TAM-2019-0042',
        arrivedAt: '2026-03-16T08:30:00+01:00',
      },
      { id: ids.technician, name: 'J. Maes', role: 'technician', room: 'control_room' },
      { id: ids.psychologist, name: 'Dr. E. Claes', role: 'psychologist', room: 'control_room' },
      { id: ids.personOfTrust, name: 'Sara K.', role: 'person_of_trust', room: 'hearing_room' },
    ],
    roomChecklist: {
      childFriendly: true,
      equipmentChecked: true,
      confirmedBy: 'J. Maes',
      confirmedAt: '2026-03-16T08:15:00+01:00',
    },
  };
}

/**
 * The hearing moved to another moment: date and start instant agree, and arrival times of the
 * original day are dropped so that everyone listed counts as present.
 */
export function heardAt(record: ProcedureDraft, hearingDate: string, hearingStart: string): void {
  record.hearingDate = hearingDate;
  record.hearingStart = hearingStart;
  for (const a of record.attendees ?? []) a.arrivedAt = null;
}

export const information = {
  givenBy: 'Insp. L. Peeters',
  at: '2026-03-16T08:40:00+01:00',
  language: 'nl',
};
