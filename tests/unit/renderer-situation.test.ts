import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Reader } from '../../renderer/procedure/section-form';
import {
  readAgeAssessment,
  readSituation,
  situationValues,
} from '../../renderer/procedure/sections/SituationFields';

const stored = {
  nationality: 'AL',
  accompanied: false,
  guardian: { status: 'appointed' as const, name: 'Maître C. Dubois', officeWarned: null },
  ageAssessment: { method: 'medical' as const, medicalTests: ['wrist_xray' as const], date: '2026-11-20', minAge: 15, maxAge: 17 },
};

test('the situation read back from its own values is the stored one', () => {
  const read = new Reader(situationValues(stored), {});
  assert.deepEqual(readSituation(read, stored), {
    nationality: 'AL',
    accompanied: false,
    guardian: { status: 'appointed', name: 'Maître C. Dubois', officeWarned: null },
  });
  assert.deepEqual(readAgeAssessment(read, stored.ageAssessment), {
    method: 'medical',
    medicalTests: ['wrist_xray'],
    date: '2026-11-20',
    assessedBy: null,
    minAge: 15,
    maxAge: 17,
  });
  assert.deepEqual(read.blocking, []);
});

test('a nationality is typed in either case; anything but two letters is refused and the stored one kept', () => {
  const typed = new Reader({ ...situationValues(stored), nationality: ' al ' }, {});
  assert.equal(readSituation(typed, stored).nationality, 'AL');
  const wrong = new Reader({ ...situationValues(stored), nationality: 'Albania' }, {});
  assert.equal(readSituation(wrong, stored).nationality, 'AL');
  assert.deepEqual(wrong.blocking, [['nationality', { code: 'country_invalid' }]]);
});

test('the guardian is kept only for an unaccompanied person', () => {
  const accompanied = new Reader({ ...situationValues(stored), accompanied: 'yes' }, {});
  assert.deepEqual(readSituation(accompanied, stored), { nationality: 'AL', accompanied: true, guardian: null });
  const unknown = new Reader({ ...situationValues(stored), accompanied: '' }, {});
  assert.equal(readSituation(unknown, stored).accompanied, null);
  // No guardian yet: the name is not asked for.
  const notYet = new Reader({ ...situationValues(stored), guardianStatus: 'not_yet', guardianName: '' }, {});
  assert.deepEqual(readSituation(notYet, stored).guardian, { status: 'not_yet', name: null, officeWarned: null });
  assert.equal(notYet.problems.has('guardianName'), false);
  const appointed = new Reader({ ...situationValues(stored), guardianName: '' }, {});
  readSituation(appointed, stored);
  assert.deepEqual(appointed.problems.get('guardianName'), { problem: { code: 'required' }, blocking: false });
});

test('ages are whole years, the lowest not above the highest, and X-rays only for a medical assessment', () => {
  const half = new Reader({ ...situationValues(stored), ageMin: '15.5' }, {});
  assert.equal(readAgeAssessment(half, stored.ageAssessment)?.minAge, 15, 'the stored age is kept');
  assert.deepEqual(half.blocking, [['ageMin', { code: 'age_invalid' }]]);
  const inverted = new Reader({ ...situationValues(stored), ageMin: '18', ageMax: '16' }, {});
  readAgeAssessment(inverted, stored.ageAssessment);
  assert.deepEqual(inverted.problems.get('ageMax')?.problem, { code: 'range_inverted' });
  const documents = new Reader({ ...situationValues(stored), ageMethod: 'documents' }, {});
  assert.equal(readAgeAssessment(documents, stored.ageAssessment)?.medicalTests, null);
  const empty = new Reader(situationValues(null), {});
  assert.equal(readAgeAssessment(empty, null), null, 'nothing entered is no assessment');
});
