import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import type { CallerContext } from '../../shared/api/caller';
import type { Db } from './db/database';

export const genesisHash = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  userId: string;
  role: string;
  action: string;
  hearingId: string | null;
  details: unknown;
  prevHash: string;
  hash: string;
}

/** The hash of an entry covers every field but itself, and the previous entry's hash. */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}

/**
 * An append-only log whose entries form a hash chain: removing, reordering or editing an entry
 * breaks every hash after it. SQLite triggers refuse UPDATE and DELETE on the table.
 */
export class AuditLog {
  private readonly insert;
  private readonly last;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (seq, at, user_id, role, action, hearing_id, details, prev_hash, hash)
       VALUES (@seq, @at, @userId, @role, @action, @hearingId, @details, @prevHash, @hash)`,
    );
    this.last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  }

  /** `who.role` is the caller's role, or `none` for an attempt by no known account. */
  append(ctx: Pick<CallerContext, 'userId'> & { role: string }, action: string, hearingId: string | null, details: unknown): AuditEntry {
    return this.db.transaction(() => {
      const prev = this.last.get() as { seq: number; hash: string } | undefined;
      const body = {
        seq: (prev?.seq ?? 0) + 1,
        at: this.clock().toISOString(),
        userId: ctx.userId,
        role: ctx.role,
        action,
        hearingId,
        details: details ?? null,
        prevHash: prev?.hash ?? genesisHash,
      };
      const entry: AuditEntry = { ...body, hash: auditEntryHash(body) };
      this.insert.run({ ...entry, details: canonicalJson(entry.details) });
      return entry;
    })();
  }

  entries(hearingId?: string): AuditEntry[] {
    const rows = (
      hearingId
        ? this.db.prepare('SELECT * FROM audit_log WHERE hearing_id = ? ORDER BY seq').all(hearingId)
        : this.db.prepare('SELECT * FROM audit_log ORDER BY seq').all()
    ) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      seq: r.seq as number,
      at: r.at as string,
      userId: r.user_id as string,
      role: r.role as string,
      action: r.action as string,
      hearingId: (r.hearing_id as string | null) ?? null,
      details: JSON.parse(r.details as string),
      prevHash: r.prev_hash as string,
      hash: r.hash as string,
    }));
  }

  /** Checks the whole chain; returns the first broken link, or null when intact. */
  verify(): { seq: number; problem: string } | null {
    let prevHash = genesisHash;
    let expectedSeq = 1;
    for (const e of this.entries()) {
      if (e.seq !== expectedSeq) return { seq: expectedSeq, problem: 'entry missing' };
      if (e.prevHash !== prevHash) return { seq: e.seq, problem: 'does not follow the entry before it' };
      const { hash, ...body } = e;
      if (auditEntryHash(body) !== hash) return { seq: e.seq, problem: 'content changed' };
      prevHash = hash;
      expectedSeq += 1;
    }
    return null;
  }
}
