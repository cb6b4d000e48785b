import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';
import type { CallerContext } from '../../shared/api/caller';
import {
  addAnnotation,
  CodingError,
  deleteAnnotation,
  editAnnotation,
  moveAnnotation,
  splitAnnotation,
  type Annotation,
  type AnnotationDraft,
} from '../../shared/coding/annotations';
import type { CodingScheme } from '../../shared/coding/scheme';
import { importedTier, withImportedTiers, type ImportedTier } from '../../shared/coding/imported-tiers';
import { hearingTimeline } from '../../shared/coding/timeline';
import type { AnnotationChange } from '../../shared/api/contract';
import type { Db } from './db/database';
import type { EventLog } from './events';
import type { RecordingService } from './recordings';
import type { AnnotationAddenda } from './annotation-addenda';

interface AnnotationRow {
  id: string;
  tier_id: string;
  code: string | null;
  text: string | null;
  start_ms: number;
  end_ms: number;
  author_id: string;
  author_name: string;
  created_at: string;
  updated_at: string | null;
}

type Who = Pick<CallerContext, 'userId' | 'displayName' | 'role'>;

/**
 * The annotations of a hearing, kept in the database. Every change is one of the pure operations
 * of shared/coding (so the page and main agree on what is valid), runs in the hearing's turn (two
 * coders at once lose nothing), and is written as the difference it makes. A mark made live from
 * the control room takes its position from main's clock of the running recording, not the page's.
 */
export class AnnotationService {
  constructor(
    private readonly db: Db,
    private readonly recordings: RecordingService,
    private readonly events: EventLog,
    private readonly scheme: CodingScheme,
    private readonly addenda: AnnotationAddenda,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The sealed (or, before the seal, current) annotations, then those of the addenda in order; and the hearing's imported tiers. */
  list(hearingId: string): { scheme: { id: string; version: string }; annotations: Annotation[]; tiers: ImportedTier[] } {
    const rows = this.db
      .prepare('SELECT * FROM annotations WHERE hearing_id = ? ORDER BY start_ms, created_at, id')
      .all(hearingId) as AnnotationRow[];
    const annotations = this.addenda.apply(hearingId, rows.map(toAnnotation));
    return { scheme: { id: this.scheme.id, version: this.scheme.version }, annotations, tiers: this.importedTiers(hearingId) };
  }

  /** The tiers imported from ELAN files for this hearing, in the order they were added. */
  importedTiers(hearingId: string): ImportedTier[] {
    const rows = this.db
      .prepare('SELECT tier_id, definition FROM imported_tiers WHERE hearing_id = ? ORDER BY position')
      .all(hearingId) as Array<{ tier_id: string; definition: string }>;
    return rows.map((row) => {
      const parsed = importedTier.safeParse(JSON.parse(row.definition));
      if (!parsed.success) throw new Error(`The imported tier ${row.tier_id} of hearing ${hearingId} is not readable: ${parsed.error.message}`);
      return parsed.data;
    });
  }

  /** The scheme this hearing's annotations follow: the application's, and the tiers imported for it. */
  schemeFor(hearingId: string): CodingScheme {
    return withImportedTiers(this.scheme, this.importedTiers(hearingId));
  }

  /** Whether the hearing is sealed (then no tier is added to it). */
  isSealed(hearingId: string): boolean {
    return this.addenda.sealOf(hearingId) !== null;
  }

  /** Must run in the hearing's turn. */
  change(hearingId: string, change: AnnotationChange, ctx: Who): Annotation[] {
    const seal = this.addenda.sealOf(hearingId);
    const before = this.list(hearingId).annotations;
    const now = this.clock().toISOString();
    if (seal && 'id' in change) {
      const target = before.find((a) => a.id === change.id);
      if (target && target.addendum === undefined) {
        throw new ApiError(
          'conflict',
          `This annotation is part of the hearing sealed on ${seal.sealedAt} and cannot change. Add a new annotation instead: after the seal it is kept as a signed addendum.`,
          { details: { reason: 'sealed_annotation', sealedAt: seal.sealedAt } },
        );
      }
    }
    const by = { userId: ctx.userId, displayName: ctx.displayName };
    const scheme = this.schemeFor(hearingId);
    let after: Annotation[];
    try {
      switch (change.kind) {
        case 'add': {
          const startMs = change.live ? this.livePosition(hearingId) : change.startMs;
          const endMs = change.live ? startMs : change.endMs;
          const draft = { tierId: change.tierId, code: change.code, text: change.text, startMs, endMs };
          after = addAnnotation(before, scheme, draft, { id: randomUUID(), by, now });
          break;
        }
        case 'edit':
          after = editAnnotation(before, scheme, change.id, change, { by: ctx.userId, now });
          break;
        case 'move':
          after = moveAnnotation(before, scheme, change.id, change, { by: ctx.userId, now });
          break;
        case 'split':
          after = splitAnnotation(before, scheme, change.id, change.atMs, { by: ctx.userId, now, newId: randomUUID() });
          break;
        case 'delete':
          after = deleteAnnotation(before, change.id, { by: ctx.userId });
          break;
      }
    } catch (err) {
      if (err instanceof CodingError) {
        const code = err.code === 'not_found' ? 'not_found' : 'invalid_input';
        throw new ApiError(code, err.message, { details: { reason: err.code } });
      }
      throw err;
    }
    if (seal) {
      this.writeAddendum(hearingId, change.kind, before, after, ctx, now);
      return this.list(hearingId).annotations;
    }
    this.write(hearingId, before, after);
    return after;
  }

  /** After the seal: the difference the change makes, as the next signed addendum. */
  private writeAddendum(
    hearingId: string,
    operation: string,
    before: Annotation[],
    after: Annotation[],
    ctx: Who,
    now: string,
  ): void {
    const old = new Map(before.map((a) => [a.id, a]));
    const kept = new Set(after.map((a) => a.id));
    const added = after.filter((a) => !old.has(a.id));
    const changed = after.filter((a) => old.has(a.id) && old.get(a.id) !== a);
    const removed = before.filter((a) => !kept.has(a.id));
    // The pure operations touch only the annotation named; this keeps the seal whole regardless.
    if ([...changed, ...removed].some((a) => old.get(a.id)?.addendum === undefined)) {
      throw new ApiError('conflict', 'The annotations of a sealed hearing cannot change. Add a new annotation instead.', {
        details: { reason: 'sealed_annotation' },
      });
    }
    this.addenda.append(
      hearingId,
      {
        scheme: { id: this.scheme.id, version: this.scheme.version },
        operation,
        added,
        changed,
        removed: removed.map((a) => a.id),
      },
      { userId: ctx.userId, displayName: ctx.displayName, role: ctx.role },
      now,
    );
  }

  /**
   * Adds many annotations as `ctx`'s own, all or none (an import), with the tiers the import adds
   * to the hearing (before the seal only). Must run in the hearing's turn.
   */
  addAll(hearingId: string, drafts: readonly AnnotationDraft[], ctx: Who, newTiers: readonly ImportedTier[] = []): Annotation[] {
    const seal = this.addenda.sealOf(hearingId);
    if (seal && newTiers.length > 0) {
      throw new ApiError('conflict', `The hearing was sealed on ${seal.sealedAt}: no tier can be added to it. Import into the scheme's tiers only.`, {
        details: { reason: 'sealed_new_tier', sealedAt: seal.sealedAt },
      });
    }
    const existing = this.importedTiers(hearingId);
    for (const tier of newTiers) {
      if (!importedTier.safeParse(tier).success || existing.some((t) => t.tier.id === tier.tier.id) || this.scheme.tiers.some((t) => t.id === tier.tier.id)) {
        throw new ApiError('invalid_input', `The imported tier ${tier.name} cannot be added: its definition is not valid or its id is taken.`, {
          details: { reason: 'imported_tier_invalid' },
        });
      }
    }
    const scheme = withImportedTiers(this.scheme, [...existing, ...newTiers]);
    const before = this.list(hearingId).annotations;
    const now = this.clock().toISOString();
    const by = { userId: ctx.userId, displayName: ctx.displayName };
    let after: Annotation[] = before;
    try {
      for (const draft of drafts) after = addAnnotation(after, scheme, draft, { id: randomUUID(), by, now });
    } catch (err) {
      if (err instanceof CodingError) throw new ApiError('invalid_input', err.message, { details: { reason: err.code } });
      throw err;
    }
    // After the seal, an import is one signed addendum, as any other change.
    if (seal) {
      this.writeAddendum(hearingId, 'import', before, after, ctx, now);
      return this.list(hearingId).annotations;
    }
    const insertTier = this.db.prepare(
      `INSERT INTO imported_tiers (hearing_id, tier_id, position, definition, added_by, added_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      newTiers.forEach((tier, i) => insertTier.run(hearingId, tier.tier.id, existing.length + i, JSON.stringify(tier), ctx.userId, now));
      this.write(hearingId, before, after);
    })();
    return after;
  }

  /** Where a live mark falls on the hearing's timeline: the running segment's start plus main's offset into it. */
  private livePosition(hearingId: string): number {
    const running = this.recordings.activeFor(hearingId);
    if (!running) {
      throw new ApiError('conflict', 'No recording is running: a live mark needs one. Give the position in the recording instead.', {
        details: { reason: 'not_recording' },
      });
    }
    const segment = hearingTimeline(this.recordings.listForHearing(hearingId)).segments.find(
      (s) => s.recordingId === running.id,
    );
    return (segment?.startMs ?? 0) + this.events.offsetInto(running, this.clock());
  }

  private write(hearingId: string, before: Annotation[], after: Annotation[]): void {
    const old = new Map(before.map((a) => [a.id, a]));
    const kept = new Set(after.map((a) => a.id));
    const insert = this.db.prepare(
      `INSERT INTO annotations (id, hearing_id, scheme_id, scheme_version, tier_id, code, text, start_ms, end_ms,
         author_id, author_name, created_at, updated_at)
       VALUES (@id, @hearingId, @schemeId, @schemeVersion, @tierId, @code, @text, @startMs, @endMs,
         @authorId, @authorName, @createdAt, @updatedAt)`,
    );
    const update = this.db.prepare(
      `UPDATE annotations SET code = @code, text = @text, start_ms = @startMs, end_ms = @endMs, updated_at = @updatedAt
       WHERE id = @id AND hearing_id = @hearingId`,
    );
    const remove = this.db.prepare('DELETE FROM annotations WHERE id = ? AND hearing_id = ?');
    this.db.transaction(() => {
      for (const a of before) if (!kept.has(a.id)) remove.run(a.id, hearingId);
      for (const a of after) {
        const row = {
          id: a.id,
          hearingId,
          schemeId: this.scheme.id,
          schemeVersion: this.scheme.version,
          tierId: a.tierId,
          code: a.code,
          text: a.text,
          startMs: a.startMs,
          endMs: a.endMs,
          authorId: a.author.userId,
          authorName: a.author.displayName,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt ?? null,
        };
        const previous = old.get(a.id);
        if (!previous) insert.run(row);
        else if (previous !== a) update.run(row);
      }
    })();
  }
}

function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    tierId: row.tier_id,
    code: row.code,
    text: row.text,
    startMs: row.start_ms,
    endMs: row.end_ms,
    author: { userId: row.author_id, displayName: row.author_name },
    createdAt: row.created_at,
    ...(row.updated_at ? { updatedAt: row.updated_at } : {}),
  };
}
