import { randomUUID } from 'node:crypto';
import { ApiError, conflict } from '../../shared/api/errors';
import type { CallerContext } from '../../shared/api/caller';
import { brusselsDate, compareDates, formatIsoDate, parseInstant } from '../../shared/domain/dates';
import {
  checkPlausibleDates,
  defaultHearingDatePastDays,
  type DateProblem,
} from '../../shared/domain/plausible-dates';
import type {
  CorrectableField,
  HearingCorrection,
  HearingRemoval,
} from '../../shared/domain/hearing';
import type { Db } from './db/database';
import type { ProcedureService } from './procedure';
import type { MediaStore } from './storage/media-store';
import { writtenRecordFile } from './written-record/service';
import type { AddendumContent, AddendumCorrection } from './annotation-addenda';

/** What corrections after the seal need of the signed addenda (AnnotationAddenda). */
export interface AddendaForCorrections {
  readonly scheme: { id: string; version: string };
  corrections(hearingId: string): Array<AddendumCorrection & { number: number; at: string; author: { userId: string; displayName: string } }>;
  append(
    hearingId: string,
    content: AddendumContent,
    author: { userId: string; displayName: string; role: string },
    at: string,
  ): { number: number; sha256: string };
}

interface StateRow {
  case_reference: string;
  hearing_date: string;
  planned_at: string | null;
  recording_count: number;
  sealed: number;
  removed: number;
}

interface CorrectionRow {
  id: string;
  hearing_id: string;
  field: HearingCorrection['field'];
  old_value: string | null;
  new_value: string | null;
  reason: string;
  corrected_by: string;
  corrected_by_name: string | null;
  corrected_at: string;
}

/** The tombstone of a removed hearing, or null. */
export function removalOf(db: Db, hearingId: string): HearingRemoval | null {
  const row = db
    .prepare(
      `SELECT x.hearing_id, x.removed_at, x.removed_by, x.reason, a.display_name
       FROM hearing_removals x LEFT JOIN accounts a ON a.id = x.removed_by WHERE x.hearing_id = ?`,
    )
    .get(hearingId) as
    | {
        hearing_id: string;
        removed_at: string;
        removed_by: string;
        reason: string;
        display_name: string | null;
      }
    | undefined;
  if (!row) return null;
  return {
    hearingId: row.hearing_id,
    removedAt: row.removed_at,
    removedBy: row.removed_by,
    removedByName: row.display_name,
    reason: row.reason,
  };
}

/** What the team is told about a removed hearing: removed on …, by …, for this reason. */
export function removedError(removal: HearingRemoval): ApiError {
  return conflict(
    'removed',
    `This hearing was removed on ${removal.removedAt} by ${removal.removedByName ?? removal.removedBy}: ${removal.reason}`,
    { removal },
  );
}

/**
 * Planning, correcting and removing a hearing, each on the record. Main decides all of it: a
 * plan only before recording, corrections only before the seal (after it, an addendum), and a
 * removal only of a hearing never recorded, leaving a tombstone without the child's data.
 */
export class HearingChanges {
  constructor(
    private readonly db: Db,
    private readonly procedure: ProcedureService,
    private readonly clock: () => Date = () => new Date(),
    private readonly pastDays: () => number = () => defaultHearingDatePastDays,
    /** Where the hearing's files are: a written record printed before removal is emptied. */
    private readonly store: Pick<MediaStore, 'size' | 'writeAtomic'> | null = null,
    /** Signed addenda: a correction after the seal is one (the sealed record never changes). */
    private readonly addenda: AddendaForCorrections | null = null,
  ) {}

  /**
   * Plans the hearing for an instant; its hearing date becomes that instant's Brussels day.
   * Planning again needs a reason, kept in the history of corrections.
   */
  plan(
    hearingId: string,
    plannedAt: string,
    reason: string | undefined,
    ctx: CallerContext,
  ): HearingCorrection[] {
    const state = this.state(hearingId);
    if (state.sealed) {
      throw conflict(
        'correction_after_seal',
        'This hearing is sealed: it cannot be planned again.',
      );
    }
    if (state.recording_count > 0) {
      throw conflict(
        'already_started',
        'This hearing has been recorded: its real start counts, it cannot be planned any more.',
      );
    }
    const instant = parseInstant(plannedAt);
    if (!instant) {
      throw invalid(
        'plannedAt',
        'date_invalid',
        'plannedAt must be an ISO 8601 instant with its offset, such as 2026-12-02T09:30:00+01:00.',
      );
    }
    const now = this.clock();
    const today = brusselsDate(now);
    const day = brusselsDate(instant);
    if (compareDates(day, today) < 0) {
      throw invalid(
        'plannedAt',
        'planned_in_past',
        `plannedAt ${plannedAt} is before today (${formatIsoDate(today)}, Brussels): plan a hearing for today or later.`,
        { today: formatIsoDate(today) },
      );
    }
    const draft = this.procedure.draft(hearingId);
    const person = draft.personHeard;
    assertPlausibleDates(
      checkPlausibleDates(
        {
          dateOfBirth: person?.dateOfBirthCertain === false ? null : person?.dateOfBirth,
          hearingDate: formatIsoDate(day),
        },
        today,
        this.pastDays(),
      ),
      (path) => (path === 'hearingDate' ? 'plannedAt' : path),
    );
    const normalized = instant.toISOString();
    const replanning = state.planned_at !== null;
    const why = reason?.trim() ?? '';
    if (replanning && state.planned_at === normalized) return this.corrections(hearingId);
    if (replanning && why.length < 5) {
      throw invalid(
        'reason',
        'reason_required',
        'This hearing was already planned: say why it is planned again (at least 5 characters).',
      );
    }
    this.db.transaction(() => {
      if (replanning) this.insert(hearingId, 'plannedAt', state.planned_at, normalized, why, ctx);
      this.db.prepare('UPDATE hearings SET planned_at = ? WHERE id = ?').run(normalized, hearingId);
      this.procedure.update(hearingId, (d) => ({ ...d, hearingDate: formatIsoDate(day) }));
    })();
    return this.corrections(hearingId);
  }

  /** Corrects one field before the seal; the old value stays in the history with the reason. */
  correct(
    hearingId: string,
    field: CorrectableField,
    value: string,
    reason: string,
    ctx: CallerContext,
  ): HearingCorrection[] {
    const state = this.state(hearingId);
    if (state.sealed && !this.addenda) {
      throw conflict(
        'correction_after_seal',
        'This hearing is sealed: it can no longer be corrected. Add the correction as an addendum to the sealed hearing.',
      );
    }
    const draft = this.procedure.draft(hearingId);
    const person = draft.personHeard;
    let old: string | null;
    if (field === 'caseReference') old = state.case_reference;
    else if (field === 'minorName') old = person?.name ?? null;
    else old = person?.dateOfBirth ?? null;
    // After the seal the value in force is the sealed one, or what the last correction made it.
    if (state.sealed) old = this.addenda!.corrections(hearingId).filter((c) => c.field === field).at(-1)?.newValue ?? old;
    if (old === value) {
      throw invalid(
        'value',
        'unchanged',
        `The ${field} is already "${value}": there is nothing to correct.`,
      );
    }
    if (field === 'dateOfBirth') {
      assertPlausibleDates(
        checkPlausibleDates(
          { dateOfBirth: value, hearingDate: draft.hearingDate ?? state.hearing_date },
          brusselsDate(this.clock()),
          null,
        ).filter((p) => p.path === 'dateOfBirth'),
        () => 'value',
      );
    }
    if (state.sealed) {
      // The sealed record stays as sealed: the correction is a signed addendum to it.
      this.addenda!.append(
        hearingId,
        {
          scheme: this.addenda!.scheme,
          operation: 'correct',
          added: [],
          changed: [],
          removed: [],
          correction: { field, oldValue: old, newValue: value, reason },
        },
        { userId: ctx.userId, displayName: ctx.displayName, role: ctx.role },
        this.clock().toISOString(),
      );
      return this.corrections(hearingId);
    }
    this.db.transaction(() => {
      this.insert(hearingId, field, old, value, reason, ctx);
      if (field === 'caseReference') {
        this.db
          .prepare('UPDATE hearings SET case_reference = ? WHERE id = ?')
          .run(value, hearingId);
      } else {
        this.procedure.update(hearingId, (d) => ({
          ...d,
          personHeard: {
            ...(d.personHeard ?? { category: 'minor' as const }),
            ...(field === 'minorName' ? { name: value } : { dateOfBirth: value }),
          },
        }));
      }
    })();
    return this.corrections(hearingId);
  }

  /** The history of corrections, oldest first. */
  corrections(hearingId: string): HearingCorrection[] {
    const rows = this.db
      .prepare(
        `SELECT c.*, a.display_name AS corrected_by_name FROM hearing_corrections c
         LEFT JOIN accounts a ON a.id = c.corrected_by
         WHERE c.hearing_id = ? ORDER BY c.corrected_at, c.rowid`,
      )
      .all(hearingId) as CorrectionRow[];
    const afterSeal: HearingCorrection[] = (this.addenda?.corrections(hearingId) ?? []).map((c) => ({
      id: `${hearingId}/addendum/${c.number}`,
      hearingId,
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      reason: c.reason,
      correctedBy: c.author.userId,
      correctedByName: c.author.displayName,
      correctedAt: c.at,
      addendum: c.number,
    }));
    const before: HearingCorrection[] = rows.map((r) => ({
      id: r.id,
      hearingId: r.hearing_id,
      field: r.field,
      oldValue: r.old_value,
      newValue: r.new_value,
      reason: r.reason,
      correctedBy: r.corrected_by,
      correctedByName: r.corrected_by_name,
      correctedAt: r.corrected_at,
    }));
    return [...before, ...afterSeal];
  }

  /**
   * Removes a hearing never recorded: a tombstone stays (who, when, why) and everything about the
   * person heard goes: name, birth date, case reference, the procedural record, events, corrections.
   */
  remove(hearingId: string, reason: string, ctx: CallerContext): HearingRemoval {
    const state = this.state(hearingId);
    if (state.sealed || state.recording_count > 0) {
      throw conflict(
        'recorded_not_removable',
        'This hearing has a recording: it cannot be removed. A recorded hearing stays, on the record.',
      );
    }
    const at = this.clock().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO hearing_removals (hearing_id, removed_at, removed_by, reason) VALUES (?, ?, ?, ?)',
        )
        .run(hearingId, at, ctx.userId, reason);
      this.db.prepare('DELETE FROM hearing_corrections WHERE hearing_id = ?').run(hearingId);
      this.db.prepare('DELETE FROM hearing_events WHERE hearing_id = ?').run(hearingId);
      this.db.prepare('DELETE FROM annotations WHERE hearing_id = ?').run(hearingId);
      this.db.prepare('DELETE FROM imported_tiers WHERE hearing_id = ?').run(hearingId);
      this.db
        .prepare(
          `UPDATE hearings SET case_reference = '', minor_name = '', date_of_birth = '', hearing_date = '',
             procedure = '{}', procedure_updated_at = NULL, planned_at = NULL WHERE id = ?`,
        )
        .run(hearingId);
    })();
    // A written record printed before removal names the child: its file is emptied. Its row in
    // written_records keeps only a digest, a size and a language.
    if (this.store && this.store.size(hearingId, writtenRecordFile) !== null) {
      this.store.writeAtomic(hearingId, writtenRecordFile, new Uint8Array(0));
    }
    const removal = removalOf(this.db, hearingId);
    if (!removal) throw new ApiError('internal', 'The removal was not kept.');
    return removal;
  }

  private insert(
    hearingId: string,
    field: HearingCorrection['field'],
    oldValue: string | null,
    newValue: string | null,
    reason: string,
    ctx: CallerContext,
  ): void {
    this.db
      .prepare(
        `INSERT INTO hearing_corrections (id, hearing_id, field, old_value, new_value, reason, corrected_by, corrected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        randomUUID(),
        hearingId,
        field,
        oldValue,
        newValue,
        reason,
        ctx.userId,
        this.clock().toISOString(),
      );
  }

  private state(hearingId: string): StateRow {
    const row = this.db
      .prepare(
        `SELECT h.case_reference, h.hearing_date, h.planned_at,
           (SELECT COUNT(*) FROM recordings r WHERE r.hearing_id = h.id) AS recording_count,
           EXISTS (SELECT 1 FROM seals s WHERE s.hearing_id = h.id) AS sealed,
           EXISTS (SELECT 1 FROM hearing_removals x WHERE x.hearing_id = h.id) AS removed
         FROM hearings h WHERE h.id = ?`,
      )
      .get(hearingId) as StateRow | undefined;
    if (!row)
      throw new ApiError(
        'not_found',
        `There is no hearing with the identifier ${hearingId}. Reload the list of hearings.`,
      );
    if (row.removed) {
      const removal = removalOf(this.db, hearingId);
      if (removal) throw removedError(removal);
    }
    return row;
  }
}

/** Refuses impossible dates as invalid input, each on its field with a stable code the renderer translates. */
export function assertPlausibleDates(
  problems: Array<DateProblem & { at?: string }>,
  pathOf: (path: string) => string = (p) => p,
): void {
  if (problems.length === 0) return;
  throw new ApiError(
    'invalid_input',
    `These dates cannot be right: ${problems.map((p) => p.message).join(' ')}`,
    {
      issues: problems.map((p) => ({
        path: p.at ?? pathOf(p.path),
        code: p.code,
        message: p.message,
        params: p.params,
      })),
    },
  );
}

function invalid(
  path: string,
  code: string,
  message: string,
  params?: Record<string, string | number>,
): ApiError {
  return new ApiError('invalid_input', message, {
    issues: [{ path, code, message, ...(params ? { params } : {}) }],
  });
}
