import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { auditProjection, keyedAuditProjection } from '../../main/services/audit-projection';
import { callNames, contract } from '../../shared/api/contract';

test('the dispatcher has a projection for exactly the calls the contract audits', () => {
  for (const name of callNames) {
    assert.equal(auditProjection[name] !== null, contract[name].audit, name);
  }
});

test('a new hearing is audited by its fields and digests, never the child’s name or birth date', () => {
  const input = { caseReference: 'BR.12/26', minorName: 'Lena Vermeulen', dateOfBirth: '2014-05-02', hearingDate: '2026-11-28' };
  const audited = auditProjection['hearings.create']!(input, { id: '0b4c6f0e-4d5f-4a8a-9a52-5d1f0e3c2b1a' } as never);
  const text = JSON.stringify(audited);
  assert.ok(!text.includes('Lena'));
  assert.ok(!text.includes('2014-05-02'));
  assert.deepEqual(audited.details.fields, ['caseReference', 'minorName', 'dateOfBirth', 'hearingDate']);
  assert.match((audited.details.sha256 as Record<string, string>).minorName!, /^[0-9a-f]{64}$/);
});

test('a saved section is audited by its fields and a digest, not its values', () => {
  const hearingId = '0b4c6f0e-4d5f-4a8a-9a52-5d1f0e3c2b1a';
  const audited = auditProjection['procedure.save']!(
    { hearingId, section: 'personHeard', value: { name: 'Lena Vermeulen', dateOfBirth: '2014-05-02' } } as never,
    {} as never,
  );
  assert.ok(!JSON.stringify(audited).includes('Lena'));
  assert.deepEqual(audited.details.fields, ['name', 'dateOfBirth']);
});

test('the guardian, the nationality, the hearing language and the follow-up are audited as digests', () => {
  const hearingId = '0b4c6f0e-4d5f-4a8a-9a52-5d1f0e3c2b1a';
  const person = auditProjection['procedure.save']!(
    {
      hearingId,
      section: 'personHeard',
      value: { nationality: 'AL', accompanied: false, guardian: { status: 'appointed', name: 'Maître C. Dubois' } },
    } as never,
    {} as never,
  );
  const language = auditProjection['procedure.save']!({ hearingId, section: 'hearingLanguage', value: 'sq' } as never, {} as never);
  const followUp = auditProjection['procedure.save']!(
    {
      hearingId,
      section: 'protectiveFollowUp',
      value: { receptionCentre: { centre: 'minor_ndako', at: '2026-12-01T10:00:00+01:00', by: 'Insp. L. Peeters' } },
    } as never,
    {} as never,
  );
  const text = JSON.stringify([person, language, followUp]);
  for (const value of ['Dubois', '"AL"', '"sq"', 'minor_ndako', 'Peeters']) assert.ok(!text.includes(value), value);
  assert.deepEqual(person.details.fields, ['nationality', 'accompanied', 'guardian']);
  assert.deepEqual(language.details.fields, ['hearingLanguage']);
  assert.deepEqual(followUp.details.fields, ['receptionCentre']);
  assert.match(followUp.details.sha256 as string, /^[0-9a-f]{64}$/);
});

test('with a digest key, values are HMACs under it (hmacSha256): no one without the key can test a guessed name', () => {
  const input = { caseReference: 'BR.12/26', minorName: 'Lena Vermeulen', dateOfBirth: '2014-05-02', hearingDate: '2026-11-28' };
  const output = { id: '0b4c6f0e-4d5f-4a8a-9a52-5d1f0e3c2b1a' } as never;
  const one = keyedAuditProjection(randomBytes(32))['hearings.create']!(input, output);
  const other = keyedAuditProjection(randomBytes(32))['hearings.create']!(input, output);
  const plain = auditProjection['hearings.create']!(input, output);
  assert.equal(one.details.sha256, undefined);
  const digestOf = (a: typeof one) => (a.details.hmacSha256 as Record<string, string>).minorName!;
  assert.match(digestOf(one), /^[0-9a-f]{64}$/);
  assert.notEqual(digestOf(one), digestOf(other), 'another key, another digest');
  assert.notEqual(digestOf(one), (plain.details.sha256 as Record<string, string>).minorName, 'not the unkeyed digest');
  assert.ok(!JSON.stringify(one).includes('Lena'));
});
