import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEntryHash, genesisHash, type AuditEntry } from '../../main/services/audit-log';
import {
  checkExtends,
  checkpointFormat,
  type CheckpointBody,
  type CheckpointCheck,
} from '../../main/services/seal/checkpoints';
import { auditLineHashOk } from '../../main/services/seal/verify';

/** A chain of `n` entries, each linked to the one before, as the audit log writes them. */
function chain(n: number, action = 'test'): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= n; seq++) {
    const body = { seq, at: `2026-12-01T00:00:${String(seq).padStart(2, '0')}.000Z`, userId: 'u', role: 'clerk', action, hearingId: null, details: { seq }, prevHash };
    const hash = auditEntryHash(body);
    entries.push({ ...body, hash });
    prevHash = hash;
  }
  return entries;
}

function checkpointOf(entries: AuditEntry[], n: number): CheckpointBody {
  return {
    format: checkpointFormat,
    entries: n,
    head: n === 0 ? genesisHash : entries[n - 1]!.hash,
    at: '2026-12-01T00:00:00.000Z',
    key: { algorithm: 'Ed25519', fingerprint: 'a'.repeat(64) },
  };
}

function run(lines: AuditEntry[], earlier: CheckpointBody, earlierLines?: AuditEntry[]): CheckpointCheck {
  const checks: CheckpointCheck[] = [];
  checkExtends(lines, earlier, earlierLines, auditLineHashOk, (c) => checks.push(c));
  assert.equal(checks.length, 1);
  assert.equal(checks[0]!.code, 'checkpoint.extends');
  return checks[0]!;
}

test('a longer log that begins with the same entries extends the checkpoint; so does any log an empty one', () => {
  const log = chain(10);
  const ok = run(log, checkpointOf(log, 6));
  assert.equal(ok.ok, true);
  assert.match(ok.detail, /^The first 6 entries of this log hash to the earlier checkpoint's head .* This log has 10 entries\.$/);
  assert.equal(run(log, checkpointOf(log, 10)).ok, true);
  assert.equal(run([], checkpointOf(log, 0)).ok, true);
});

test('a log shorter than the checkpoint: history was deleted', () => {
  const log = chain(10);
  const r = run(log.slice(0, 7), checkpointOf(log, 9));
  assert.equal(r.ok, false);
  assert.equal(r.detail, 'History was deleted: the earlier checkpoint vouches for 9 entries, this log has only 7.');
});

test('entries re-written and re-hashed: named, with the first difference when the earlier entries are at hand', () => {
  const log = chain(10);
  // Entries 5 on replaced by others, re-linked and re-hashed, as someone re-hashing the chain would.
  const relinked: AuditEntry[] = log.slice(0, 4);
  for (const other of chain(10, 'other').slice(4)) {
    const body = { ...other, prevHash: relinked.at(-1)!.hash, hash: undefined };
    delete body.hash;
    relinked.push({ ...body, hash: auditEntryHash(body) });
  }
  const r = run(relinked, checkpointOf(log, 8), log);
  assert.equal(r.ok, false);
  assert.match(r.detail, /^History was deleted or rewritten: entry 8 of this log has hash [0-9a-f]{64}, the earlier checkpoint vouches for [0-9a-f]{64}\./);
  assert.match(r.detail, /The first entry that differs from the earlier export is entry 5:/);
  assert.match(r.text.de.detail, /^Verlauf wurde gelöscht oder umgeschrieben: Eintrag 8/);
  // An earlier log that does not itself reach the checkpoint's head names nothing.
  assert.doesNotMatch(run(relinked, checkpointOf(log, 8), relinked).detail, /first entry that differs/);
});

test('an entry changed without re-hashing, or unlinked, before the checkpoint: the log is broken there', () => {
  const log = chain(10);
  const changed = log.map((e) => (e.seq === 3 ? { ...e, details: { seq: 'changed' } } : e));
  const r = run(changed, checkpointOf(log, 8));
  assert.equal(r.ok, false);
  assert.equal(r.detail, 'The log itself is broken at entry 3, before the earlier checkpoint: it cannot extend it.');
  const unlinked = log.map((e) => (e.seq === 5 ? { ...e, prevHash: genesisHash } : e));
  assert.match(run(unlinked, checkpointOf(log, 8)).detail, /broken at entry 5/);
  // A change after the checkpoint is not this check's concern.
  const later = log.map((e) => (e.seq === 10 ? { ...e, details: { seq: 'changed' } } : e));
  assert.equal(run(later, checkpointOf(log, 8)).ok, true);
});
