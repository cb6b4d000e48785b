import type { ProcedureDraft } from '../../../shared/domain/procedure';

export const ids = {
  interviewer: '00000000-0000-4000-8000-000000000001',
  technician: '00000000-0000-4000-8000-000000000002',
  psychologist: '00000000-0000-4000-8000-000000000003',
  personOfTrust: '00000000-0000-4000-8000-000000000004',
  interpreter: '00000000-0000-4000-8000-000000000005',
};

/**
 * A complete record that may be recorded and sealed: a 13-year-old victim of child trafficking
 * heard on Monday 16 March 2026 at 09:00 Brussels time, who consented and chose her mother, and
 * whose protective follow-up is done.
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
    protectiveFollowUp: {
      receptionCentre: {
        centre: 'pag_asa',
        at: '2026-03-16T11:00:00+01:00',
        by: 'Insp. L. Peeters',
      },
      brochure: { language: 'nl', at: '2026-03-16T11:05:00+01:00', by: 'Insp. L. Peeters' },
      reflectionPeriod: { start: '2026-03-16', notedBy: 'Insp. L. Peeters' },
    },
  };
}

/**
 * The children the study is about: Elira D., an unaccompanied Albanian girl who speaks only
 * Albanian, a victim of trafficking, assessed 15–17 by X-rays the week before, whose Guardianship
 * Office was warned but who has no guardian yet, heard in Dutch through a sworn interpreter on
 * the same day and in the same room as `completeRecord`.
 */
export function unaccompaniedRecord(): ProcedureDraft {
  const r = completeRecord();
  r.hearingLanguage = 'nl';
  r.personHeard = {
    name: 'Elira D.',
    dateOfBirthCertain: false,
    dateOfBirth: null,
    dateOfBirthRange: null,
    language: 'sq',
    category: 'minor',
    nationality: 'AL',
    accompanied: false,
    ageAssessment: {
      method: 'medical',
      medicalTests: ['wrist_xray', 'collarbone_xray', 'teeth_xray'],
      date: '2026-03-10',
      assessedBy: 'Dienst Voogdij',
      minAge: 15,
      maxAge: 17,
    },
    guardian: {
      status: 'not_yet',
      officeWarned: {
        at: '2026-03-09T16:20:00+01:00',
        by: 'Insp. L. Peeters',
        reference: 'DV-2026-0311',
      },
    },
  };
  r.consent = {
    decision: 'given',
    takenBy: 'Insp. L. Peeters',
    at: '2026-03-16T08:40:00+01:00',
    language: 'sq',
    interpretedBy: 'A. Hoxha',
    wordsSaid: 'Po, mund të filmoni.',
  };
  r.personOfTrust = {
    kind: 'none_chosen',
    recordedBy: 'Insp. L. Peeters',
    at: '2026-03-16T08:35:00+01:00',
  };
  r.attendees = [
    ...(r.attendees ?? []).filter((a) => a.role !== 'person_of_trust'),
    {
      id: ids.interpreter,
      name: 'A. Hoxha',
      role: 'interpreter',
      room: 'hearing_room',
      languages: ['sq', 'nl'],
      swornReference: 'Nationaal register beëdigd tolken 2024/1234',
    },
  ];
  r.protectiveFollowUp = {
    receptionCentre: {
      centre: 'minor_ndako',
      at: '2026-03-16T11:00:00+01:00',
      by: 'Insp. L. Peeters',
    },
    brochure: { language: 'sq', at: '2026-03-16T11:05:00+01:00', by: 'A. Hoxha' },
    reflectionPeriod: { start: '2026-03-16', notedBy: 'Insp. L. Peeters' },
  };
  return r;
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
