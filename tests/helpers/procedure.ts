import { randomUUID } from 'node:crypto';
import { brusselsDate, formatIsoDate } from '../../shared/domain/dates';

/** Today's date in Brussels, and a date of birth that makes someone `years` old today. */
export function today(): string {
  return formatIsoDate(brusselsDate(new Date()));
}

export function bornYearsAgo(years: number, extraDays = 30): string {
  const d = brusselsDate(new Date());
  const birth = new Date(Date.UTC(d.year - years, d.month - 1, d.day - extraDays));
  return birth.toISOString().slice(0, 10);
}

/** An ISO date as a person types it in the page's date fields: day first (`28/11/2026`). */
export function typedDate(iso: string, separator = '/'): string {
  return iso.split('-').reverse().join(separator);
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/**
 * Every section of a correct procedural record for a minor of `age` heard today, section by
 * section, as the forms would save them. Consent for 12 and over, information below.
 */
export function completeSections(age: number) {
  const attendeeIds = { interviewer: randomUUID(), technician: randomUUID(), psychologist: randomUUID(), trust: randomUUID() };
  const sections = [
    {
      section: 'order',
      value: {
        issuedBy: 'prosecutor',
        magistrateName: 'A. Janssens',
        reference: 'PV-ORDER-77/26',
        date: today(),
        offenceCategory: 'child_trafficking',
        capacity: 'victim',
      },
    },
    {
      section: 'personHeard',
      value: {
        name: 'Mira K.',
        dateOfBirthCertain: true,
        dateOfBirth: bornYearsAgo(age),
        language: 'nl',
        category: 'minor',
      },
    },
    age >= 12
      ? {
          section: 'consent',
          value: { decision: 'given', takenBy: 'Insp. L. Peeters', at: minutesAgo(10), language: 'nl', wordsSaid: 'Ja, dat mag.' },
        }
      : { section: 'information', value: { givenBy: 'Insp. L. Peeters', at: minutesAgo(10), language: 'nl' } },
    { section: 'personOfTrust', value: { kind: 'chosen', name: 'Sara K.', dateOfBirth: '1985-05-01', relation: 'mother' } },
    {
      section: 'attendees',
      value: [
        { id: attendeeIds.interviewer, name: 'Insp. L. Peeters', role: 'interviewer', room: 'hearing_room', trainingReference: 'TAM-2019-0042' },
        { id: attendeeIds.technician, name: 'J. Maes', role: 'technician', room: 'control_room' },
        { id: attendeeIds.psychologist, name: 'Dr. E. Claes', role: 'psychologist', room: 'control_room' },
        { id: attendeeIds.trust, name: 'Sara K.', role: 'person_of_trust', room: 'hearing_room' },
      ],
    },
    {
      section: 'roomChecklist',
      value: { childFriendly: true, equipmentChecked: true, confirmedBy: 'J. Maes', confirmedAt: minutesAgo(20) },
    },
    // The order is for trafficking of a minor victim: the protective follow-up closes the hearing.
    {
      section: 'protectiveFollowUp',
      value: {
        receptionCentre: { centre: 'minor_ndako', at: minutesAgo(30), by: 'Insp. L. Peeters' },
        brochure: { language: 'nl', at: minutesAgo(25), by: 'Insp. L. Peeters' },
        reflectionPeriod: { start: today(), notedBy: 'Insp. L. Peeters' },
      },
    },
  ] as const;
  return { sections, attendeeIds };
}

type Call = <T>(name: string, input: unknown) => Promise<T>;

/** Creates a hearing of a minor of `age` and fills every section, so that it may be recorded. */
export async function createReadyHearing<H extends { id: string }>(
  call: Call,
  age = 13,
  caseReference = 'AN.55.F1.000123/26',
): Promise<H> {
  const hearing = await call<H>('hearings.create', {
    caseReference,
    minorName: 'Mira K.',
    dateOfBirth: bornYearsAgo(age),
    hearingDate: today(),
  });
  for (const s of completeSections(age).sections) await call('procedure.save', { hearingId: hearing.id, ...s });
  return hearing;
}
