import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import { canonicalJson } from '../../shared/canonical-json';
import { addendumAuditAction, addendumFormat, checkAddenda, type AddendumFound } from '../../main/services/seal/addenda';
import type { AuditLine } from '../../main/services/seal/format';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const hearingId = '11111111-2222-3333-4444-555555555555';
const manifestSha256 = 'a'.repeat(64);
const fingerprint = 'f'.repeat(64);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A chain of `count` addenda signed as main signs them. */
function chain(count: number, key = privateKey): Array<AddendumFound & { text: string }> {
  const out: Array<AddendumFound & { text: string }> = [];
  let previous: string | null = null;
  for (let number = 1; number <= count; number++) {
    const text = canonicalJson({
      format: addendumFormat,
      hearingId,
      number,
      author: { userId: 'u1', displayName: 'Dr. E. Claes', role: 'psychologist' },
      at: `2026-12-01T10:0${number}:00.000Z`,
      scheme: { id: 's', version: '1' },
      operation: 'add',
      content: { added: [{ id: `a${number}` }], changed: [], removed: [] },
      seal: { manifestSha256 },
      previousSha256: previous,
      key: { algorithm: 'Ed25519', fingerprint },
    });
    out.push({
      number,
      text,
      body: new TextEncoder().encode(text),
      signature: sign(null, Buffer.from(text), key).toString('base64'),
    });
    previous = sha(text);
  }
  return out;
}

const context = (auditLines: AuditLine[] | null = null) => ({
  hearingId,
  manifestSha256,
  keyFingerprint: fingerprint,
  key: publicKey,
  auditLines,
  sealIntact: true,
});

const audited = (found: Array<{ number: number; text: string }>): AuditLine[] =>
  found.map((f, i) => ({
    seq: 10 + i,
    at: 'now',
    userId: 'u1',
    role: 'psychologist',
    action: addendumAuditAction,
    hearingId,
    details: { number: f.number, sha256: sha(f.text) },
    prevHash: 'p',
    hash: 'h',
  }));

test('no addendum and none recorded: no check at all, so a seal alone verifies as before', () => {
  assert.equal(checkAddenda([], context([])), null);
});

test('three intact addenda: each checked, the chain and the audit log agree', () => {
  const found = chain(3);
  const result = checkAddenda(found, context(audited(found)));
  assert.ok(result);
  assert.deepEqual(result.summary, { count: 3, intact: [1, 2, 3], failed: [], missing: [] });
  assert.deepEqual(
    result.checks.map((c) => [c.code, c.ok]),
    [
      ['addenda', true],
      ['addendum', true],
      ['addendum', true],
      ['addendum', true],
      ['addenda.chain', true],
      ['addenda.audit', true],
    ],
  );
  assert.equal(result.checks[0]?.detail, 'Recording and record intact, as sealed; 3 addenda, all intact.');
  assert.equal(result.checks[0]?.text?.fr.detail, 'Enregistrement et procès-verbal intacts, tels que scellés ; 3 addenda, tous intacts.');
});

test('the summary says when the seal itself does not hold', () => {
  const found = chain(1);
  const result = checkAddenda(found, { ...context(), sealIntact: false });
  assert.match(result?.checks[0]?.detail ?? '', /^The seal does not hold \(see the failed checks\); 1 addendum, intact\.$/);
});

test('a missing signature, a foreign key, a wrong number and non-canonical JSON are each named', () => {
  const [first, second, third, fourth] = chain(4);
  assert.ok(first && second && third && fourth);
  const foreign = chain(2, other.privateKey)[1];
  assert.ok(foreign);
  const pretty = JSON.stringify(JSON.parse(fourth.text), null, 1);
  const found: AddendumFound[] = [
    { ...first, signature: null },
    { number: 2, body: foreign.body, signature: foreign.signature },
    { ...third, number: 5 },
    { number: 4, body: new TextEncoder().encode(pretty), signature: sign(null, Buffer.from(pretty), privateKey).toString('base64') },
  ];
  const result = checkAddenda(found, context());
  assert.ok(result);
  const detail = (n: number) => result.checks.find((c) => c.code === 'addendum' && c.what === `Addendum ${n}`)?.detail ?? '';
  assert.match(detail(1), /its signature is missing/);
  assert.match(detail(2), /it was changed after it was signed/);
  assert.match(detail(5), /it says it is addendum 3/);
  assert.match(detail(4), /not in canonical JSON/);
  assert.deepEqual(result.summary.missing, [3]);
});

test('an addendum for another seal or hearing is named; a link to a changed predecessor is not judged twice', () => {
  const found = chain(3);
  const changed = found[1]!.text.replace('"a2"', '"b2"');
  const bad = [found[0]!, { ...found[1]!, body: new TextEncoder().encode(changed) }, found[2]!];
  const result = checkAddenda(bad, context());
  assert.ok(result);
  assert.deepEqual(result.summary.failed, [2]);
  assert.deepEqual(result.summary.intact, [1, 3]);
  assert.equal(result.checks.find((c) => c.code === 'addenda.chain')?.ok, true);

  const elsewhere = checkAddenda(chain(1), { ...context(), manifestSha256: 'b'.repeat(64), hearingId: 'other' });
  assert.match(elsewhere?.checks.find((c) => c.code === 'addendum')?.detail ?? '', /belongs to hearing 11111111.*refers to another seal/);
});
