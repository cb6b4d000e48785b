import { createHash } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';
import { canonicalJson } from '../../shared/canonical-json';
import { annotation, type Annotation } from '../../shared/coding/annotations';
import type { AuditLog } from './audit-log';
import type { Db } from './db/database';
import type { KeyStore } from './keys/key-store';
import {
  addendumAuditAction,
  addendumFormat,
  type AddendumAuthor,
  type AddendumBody,
  type AddendumFound,
} from './seal/addenda';

export interface AddendumRow {
  hearing_id: string;
  number: number;
  body: string;
  sha256: string;
  signature: string;
  signed_at: string;
}

export interface AddendumContent {
  scheme: { id: string; version: string };
  operation: string;
  added: Annotation[];
  changed: Annotation[];
  removed: string[];
  /**
   * A correction of the hearing after its seal (operation `correct`): the field, the value
   * before (as sealed, or as an earlier correction left it), the value after, and why. The
   * sealed record does not change; the addendum says what it should have said.
   */
  correction?: AddendumCorrection;
}

export interface AddendumCorrection {
  field: 'caseReference' | 'minorName' | 'dateOfBirth';
  oldValue: string | null;
  newValue: string;
  reason: string;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** An annotation as an addendum keeps it: its own fields only, without the addendum number, which the list adds. */
function plain(a: Annotation): Annotation {
  return {
    id: a.id,
    tierId: a.tierId,
    code: a.code,
    text: a.text,
    startMs: a.startMs,
    endMs: a.endMs,
    author: { userId: a.author.userId, displayName: a.author.displayName },
    createdAt: a.createdAt,
    ...(a.updatedAt !== undefined ? { updatedAt: a.updatedAt } : {}),
  };
}

/**
 * The signed addenda of sealed hearings: what is added to the annotations after the seal, kept
 * apart from the seal, which never changes. Each addendum is the canonical JSON of
 * seal/addenda.ts's AddendumBody, signed with the installation's key (the key of the seal),
 * stored append-only (migration 9) and audited by its number and digests. Must be called in the
 * hearing's turn, so two coders at once get consecutive numbers.
 */
export class AnnotationAddenda {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly keys: KeyStore,
  ) {}

  /** The SHA-256 of the seal's manifest; null while the hearing is not sealed. */
  sealOf(hearingId: string): { manifestSha256: string; sealedAt: string } | null {
    const row = this.db
      .prepare('SELECT manifest_sha256, sealed_at FROM seals WHERE hearing_id = ?')
      .get(hearingId) as { manifest_sha256: string; sealed_at: string } | undefined;
    return row ? { manifestSha256: row.manifest_sha256, sealedAt: row.sealed_at } : null;
  }

  rows(hearingId: string): AddendumRow[] {
    return this.db
      .prepare('SELECT * FROM annotation_addenda WHERE hearing_id = ? ORDER BY number')
      .all(hearingId) as AddendumRow[];
  }

  /** The corrections made after the seal, each with its addendum's number, author and time, oldest first. */
  corrections(hearingId: string): Array<AddendumCorrection & { number: number; at: string; author: AddendumAuthor }> {
    return this.rows(hearingId).flatMap((r) => {
      let body: { at?: string; author?: AddendumAuthor; content?: { correction?: AddendumCorrection } };
      try {
        body = JSON.parse(r.body) as typeof body;
      } catch {
        return [];
      }
      const c = body.content?.correction;
      return c && body.author && body.at ? [{ ...c, number: r.number, at: body.at, author: body.author }] : [];
    });
  }

  /** The addenda as the verifier reads them: their exact bytes and signatures. */
  found(hearingId: string): AddendumFound[] {
    return this.rows(hearingId).map((r) => ({
      number: r.number,
      body: new TextEncoder().encode(r.body),
      signature: r.signature,
    }));
  }

  /**
   * Signs and stores the next addendum. The caller has checked the content (the same pure
   * operations as before the seal); this writes it, with its audit entry, in one transaction.
   */
  append(
    hearingId: string,
    content: AddendumContent,
    author: AddendumAuthor,
    at: string,
  ): { number: number; sha256: string } {
    const seal = this.sealOf(hearingId);
    if (!seal) throw new Error(`Hearing ${hearingId} is not sealed: an addendum follows a seal.`);
    // An addendum is checked with the seal's public key: one signed with another key would never verify.
    const sealKey = this.db
      .prepare('SELECT key_fingerprint FROM seals WHERE hearing_id = ?')
      .pluck()
      .get(hearingId) as string;
    if (sealKey !== this.keys.fingerprint()) {
      throw new ApiError(
        'conflict',
        "This hearing was sealed with another signing key than this installation's, so an addendum signed here could not be checked against its seal. Add annotations on the installation that sealed it.",
        { details: { reason: 'other_key' } },
      );
    }
    return this.db
      .transaction(() => {
        const last = this.db
          .prepare('SELECT number, body FROM annotation_addenda WHERE hearing_id = ? ORDER BY number DESC LIMIT 1')
          .get(hearingId) as { number: number; body: string } | undefined;
        const number = (last?.number ?? 0) + 1;
        const body: AddendumBody = {
          format: addendumFormat,
          hearingId,
          number,
          author: { userId: author.userId, displayName: author.displayName, role: author.role },
          at,
          scheme: content.scheme,
          operation: content.operation,
          content: {
            added: content.added.map(plain),
            changed: content.changed.map(plain),
            removed: content.removed,
            ...(content.correction ? { correction: content.correction } : {}),
          },
          seal: { manifestSha256: seal.manifestSha256 },
          previousSha256: last ? sha256Hex(last.body) : null,
          key: { algorithm: 'Ed25519', fingerprint: this.keys.fingerprint() },
        };
        const text = canonicalJson(body);
        const sha256 = sha256Hex(text);
        const signature = Buffer.from(this.keys.sign(new TextEncoder().encode(text))).toString('base64');
        this.db
          .prepare(
            'INSERT INTO annotation_addenda (hearing_id, number, body, sha256, signature, signed_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(hearingId, number, text, sha256, signature, at);
        // Numbers and digests only: what a psychologist wrote about a child stays out of the chain.
        this.audit.append({ userId: author.userId, role: author.role }, addendumAuditAction, hearingId, {
          number,
          sha256,
          previousSha256: body.previousSha256,
          manifestSha256: seal.manifestSha256,
          operation: content.operation,
          added: content.added.map((a) => a.id),
          changed: content.changed.map((a) => a.id),
          removed: content.removed,
        });
        return { number, sha256 };
      })
      .immediate();
  }

  /**
   * The sealed annotations with the addenda applied in order, each annotation of an addendum
   * marked with the number of the addendum that holds its current form. An addendum whose
   * content cannot be read is skipped here; hearings.verify names it.
   */
  apply(hearingId: string, sealed: readonly Annotation[]): Annotation[] {
    const sealedIds = new Set(sealed.map((a) => a.id));
    const added = new Map<string, Annotation>();
    for (const row of this.rows(hearingId)) {
      let content: AddendumBody['content'];
      try {
        content = (JSON.parse(row.body) as AddendumBody).content;
      } catch {
        continue;
      }
      for (const id of content.removed ?? []) added.delete(id);
      for (const value of [...(content.added ?? []), ...(content.changed ?? [])]) {
        const parsed = annotation.safeParse(value);
        if (!parsed.success || sealedIds.has(parsed.data.id)) continue;
        added.set(parsed.data.id, { ...parsed.data, addendum: row.number });
      }
    }
    return [...sealed, ...added.values()];
  }
}
