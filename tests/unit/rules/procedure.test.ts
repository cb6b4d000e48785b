import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  attendee,
  dateOfBirthRange,
  isoInstant,
  order,
  personHeard,
  personOfTrust,
  procedureDraft,
  procedureRecord,
} from '../../../shared/domain/procedure';
import { completeRecord, ids, unaccompaniedRecord } from './fixtures';

const paths = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.map(String).join('.'));

describe('the procedural record schemas', () => {
  test('a complete record is a valid record and a valid draft', () => {
    assert.deepEqual(paths(procedureRecord.safeParse(completeRecord())), []);
    assert.deepEqual(paths(procedureDraft.safeParse(completeRecord())), []);
  });

  test('the unaccompanied, assessed, interpreted record is valid as record and draft', () => {
    assert.deepEqual(paths(procedureRecord.safeParse(unaccompaniedRecord())), []);
    assert.deepEqual(paths(procedureDraft.safeParse(unaccompaniedRecord())), []);
  });

  test('a record saved before the new fields existed still parses', () => {
    const old = completeRecord();
    delete old.protectiveFollowUp;
    assert.deepEqual(paths(procedureRecord.safeParse(old)), []);
    assert.deepEqual(paths(procedureDraft.safeParse(old)), []);
  });

  test('the person’s situation: nationality, guardian, age assessment', () => {
    const base = { name: 'Elira D.', language: 'sq', category: 'minor', dateOfBirthCertain: false };
    const assessment = {
      method: 'medical',
      medicalTests: ['wrist_xray'],
      date: '2026-03-10',
      minAge: 15,
      maxAge: 17,
    };
    const cases: Array<[person: object, issues: string[]]> = [
      [{ ...base, ageAssessment: assessment }, []],
      [{ ...base }, ['dateOfBirthRange']],
      [{ ...base, ageAssessment: assessment, nationality: 'al' }, ['nationality']],
      [
        { ...base, ageAssessment: { ...assessment, medicalTests: [] } },
        ['ageAssessment.medicalTests'],
      ],
      [{ ...base, ageAssessment: { ...assessment, minAge: 18 } }, ['ageAssessment.maxAge']],
      [{ ...base, ageAssessment: { ...assessment, method: 'guess' } }, ['ageAssessment.method']],
      [
        { ...base, ageAssessment: assessment, guardian: { status: 'appointed' } },
        ['guardian.name'],
      ],
      [{ ...base, ageAssessment: assessment, guardian: { status: 'not_yet' } }, []],
    ];
    for (const [person, issues] of cases) {
      assert.deepEqual(paths(personHeard.safeParse(person)), issues, JSON.stringify(person));
    }
  });

  test('an empty draft is a valid draft but not a record', () => {
    assert.equal(procedureDraft.safeParse({}).success, true);
    assert.deepEqual(paths(procedureRecord.safeParse({})).sort(), [
      'attendees',
      'hearingDate',
      'order',
      'personHeard',
      'roomChecklist',
    ]);
  });

  test('a draft may be partial but what it holds must be valid', () => {
    const cases: Array<[draft: unknown, issues: string[]]> = [
      [{ order: { issuedBy: 'prosecutor' } }, []],
      [{ order: { issuedBy: 'police' } }, ['order.issuedBy']],
      [{ order: { date: '2026-02-30' } }, ['order.date']],
      [{ order: { reference: '   ' } }, ['order.reference']],
      [{ personHeard: { language: 'Dutch' } }, ['personHeard.language']],
      [{ consent: { at: '2026-03-16T08:40:00' } }, ['consent.at']],
      [{ personOfTrust: { kind: 'chosen' } }, []],
      [{ personOfTrust: { kind: 'maybe' } }, ['personOfTrust.kind']],
      [{ attendees: [{ name: 'X' }] }, ['attendees.0.id']],
      [{ hearingLanguage: 'Albanian' }, ['hearingLanguage']],
      [{ personHeard: { guardian: { status: 'maybe' } } }, ['personHeard.guardian.status']],
      [{ personHeard: { ageAssessment: { minAge: 15.5 } } }, ['personHeard.ageAssessment.minAge']],
      [
        { protectiveFollowUp: { receptionCentre: { centre: 'Payoke' } } },
        ['protectiveFollowUp.receptionCentre.centre'],
      ],
      [
        { protectiveFollowUp: { reflectionPeriod: { start: '2025-02-29' } } },
        ['protectiveFollowUp.reflectionPeriod.start'],
      ],
    ];
    for (const [draft, issues] of cases) {
      assert.deepEqual(paths(procedureDraft.safeParse(draft)), issues, JSON.stringify(draft));
    }
  });

  test('forms validate one field at a time', () => {
    assert.equal(order.shape.reference.safeParse('BR.12.34.567/26').success, true);
    assert.equal(order.shape.reference.safeParse('').success, false);
    assert.equal(order.shape.offenceCategory.safeParse('child_trafficking').success, true);
    assert.equal(personHeard.shape.category.safeParse('adult').success, false);
    assert.equal(attendee.shape.role.safeParse('psychiatrist').success, true);
  });

  test('instants carry their time zone', () => {
    const cases: Array<[string, boolean]> = [
      ['2026-03-14T23:30:00Z', true],
      ['2026-03-15T00:30:00+01:00', true],
      ['2026-03-15T00:30:00.250+01:00', true],
      ['2026-03-15T00:30:00', false],
      ['2026-03-15', false],
    ];
    for (const [value, ok] of cases) assert.equal(isoInstant.safeParse(value).success, ok, value);
  });

  test('a certain date of birth, or an assessed range', () => {
    const base = { name: 'Mira K.', language: 'nl', category: 'minor' };
    const cases: Array<[person: object, issues: string[]]> = [
      [{ ...base, dateOfBirthCertain: true, dateOfBirth: '2013-01-10' }, []],
      [{ ...base, dateOfBirthCertain: true }, ['dateOfBirth']],
      [
        {
          ...base,
          dateOfBirthCertain: false,
          dateOfBirthRange: { earliest: '2013-01-01', latest: '2014-12-31' },
        },
        [],
      ],
      [{ ...base, dateOfBirthCertain: false, dateOfBirth: '2013-01-10' }, ['dateOfBirthRange']],
    ];
    for (const [person, issues] of cases) {
      assert.deepEqual(paths(personHeard.safeParse(person)), issues, JSON.stringify(person));
    }
    assert.deepEqual(
      paths(dateOfBirthRange.safeParse({ earliest: '2015-01-01', latest: '2013-01-01' })),
      ['latest'],
    );
  });

  test('a refusal of the person of trust keeps who, when, why, and the next choice', () => {
    const refusal = {
      kind: 'refused',
      refusedPerson: { name: 'Tom K.', relation: 'uncle' },
      decidedBy: { role: 'investigating_judge', name: 'B. Wouters' },
      decidedAt: '2026-03-12T14:00:00+01:00',
      reasons: 'Suspect in the case.',
    };
    assert.deepEqual(paths(personOfTrust.safeParse(refusal)), []);
    assert.deepEqual(
      paths(
        personOfTrust.safeParse({
          ...refusal,
          then: { kind: 'none_chosen', recordedBy: 'Insp. L. Peeters', at: '2026-03-12T15:00:00Z' },
        }),
      ),
      [],
    );
    assert.deepEqual(paths(personOfTrust.safeParse({ ...refusal, reasons: '' })), ['reasons']);
    assert.deepEqual(paths(personOfTrust.safeParse({ ...refusal, then: refusal })), ['then.kind']);
  });

  test('an attendee cannot leave before arriving', () => {
    const a = {
      id: ids.technician,
      name: 'J. Maes',
      role: 'technician',
      room: 'control_room',
      arrivedAt: '2026-03-16T08:00:00+01:00',
    };
    assert.deepEqual(paths(attendee.safeParse({ ...a, leftAt: '2026-03-16T09:00:00+01:00' })), []);
    assert.deepEqual(paths(attendee.safeParse({ ...a, leftAt: '2026-03-16T07:00:00+01:00' })), [
      'leftAt',
    ]);
  });
});
