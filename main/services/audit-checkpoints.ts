import { canonicalJson } from '../../shared/canonical-json';
import { auditEntryHash, genesisHash, type AuditLog } from './audit-log';
import type { Db } from './db/database';
import type { KeyStore } from './keys/key-store';
import {
  checkEarlierCheckpoint,
  checkExtends,
  checkpointFormat,
  ed25519Key,
  type CheckpointBody,
  type CheckpointCheck,
} from './seal/checkpoints';
import type { AuditLine } from './seal/format';

export interface SignedCheckpoint {
  body: CheckpointBody;
  /** `checkpoint.json`: the canonical JSON of `body`, the bytes that are signed. */
  bytes: Uint8Array;
  /** `checkpoint.sig`: the raw Ed25519 signature, base64. */
  signature: string;
}

export type CheckpointReason = 'seal' | 'export';

/** Whether today's log extends a checkpoint, check by check, as the verifier says it. */
export interface CheckpointReport {
  verdict: 'valid' | 'invalid' | 'unreadable';
  checks: CheckpointCheck[];
  /** What the given checkpoint says, once it could be read. */
  checkpoint: { entries: number; head: string; at: string; keyFingerprint: string } | null;
  /** Today's log: its number of entries and the hash of the last one. */
  log: { entries: number; head: string };
}

/**
 * The installation's signed checkpoints of its audit log (see seal/checkpoints.ts): made at every
 * seal and every export, kept append-only in `audit_checkpoints` (triggers refuse changes), and
 * checked against a checkpoint the registry kept.
 */
export class AuditCheckpoints {
  private readonly clock: () => Date;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly keys: KeyStore,
    clock?: () => Date,
  ) {
    this.clock = clock ?? (() => new Date());
  }

  /** Signs the log as it is now, and keeps the checkpoint. */
  sign(reason: CheckpointReason, hearingId: string | null): SignedCheckpoint {
    return this.db
      .transaction(() => {
        const head = this.head();
        const body: CheckpointBody = {
          format: checkpointFormat,
          entries: head.entries,
          head: head.head,
          at: this.clock().toISOString(),
          key: { algorithm: 'Ed25519', fingerprint: this.keys.fingerprint() },
        };
        const text = canonicalJson(body);
        const bytes = new TextEncoder().encode(text);
        const signature = Buffer.from(this.keys.sign(bytes)).toString('base64');
        this.db
          .prepare(
            `INSERT INTO audit_checkpoints (entries, head, at, key_fingerprint, reason, hearing_id, body, signature)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(body.entries, body.head, body.at, body.key.fingerprint, reason, hearingId, text, signature);
        return { body, bytes, signature };
      })
      .immediate();
  }

  /** The checkpoints made so far, oldest first. */
  list(): Array<{ body: CheckpointBody; signature: string; reason: CheckpointReason; hearingId: string | null }> {
    const rows = this.db
      .prepare('SELECT body, signature, reason, hearing_id FROM audit_checkpoints ORDER BY id')
      .all() as Array<{ body: string; signature: string; reason: CheckpointReason; hearing_id: string | null }>;
    return rows.map((r) => ({
      body: JSON.parse(r.body) as CheckpointBody,
      signature: r.signature,
      reason: r.reason,
      hearingId: r.hearing_id,
    }));
  }

  /**
   * Whether today's log extends `checkpoint` (the text of a `checkpoint.json` the registry kept)
   * signed by `signature` (its `checkpoint.sig`): signed with this installation's key, and the
   * first N entries of today's log hash to its head. A deletion or rewrite of anything before it
   * is named.
   */
  check(checkpoint: string, signature: string): CheckpointReport {
    const checks: CheckpointCheck[] = [];
    const push = (c: CheckpointCheck) => checks.push(c);
    const key = ed25519Key(this.keys.publicKeyPem());
    const body = checkEarlierCheckpoint(
      { bytes: new TextEncoder().encode(checkpoint), signature },
      key,
      push,
    );
    if (body) {
      const lines: AuditLine[] = this.audit.entries();
      checkExtends(lines, body, null, hashOk, push);
    }
    return {
      verdict: body === null ? 'unreadable' : checks.every((c) => c.ok) ? 'valid' : 'invalid',
      checks,
      checkpoint: body
        ? { entries: body.entries, head: body.head, at: body.at, keyFingerprint: body.key.fingerprint }
        : null,
      log: this.head(),
    };
  }

  private head(): { entries: number; head: string } {
    const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    return { entries: last?.seq ?? 0, head: last?.hash ?? genesisHash };
  }
}

function hashOk(line: AuditLine): boolean {
  if ('redacted' in line && line.redacted === true) return true;
  const { hash, ...body } = line as Exclude<AuditLine, { redacted: true }>;
  return auditEntryHash(body) === hash;
}
