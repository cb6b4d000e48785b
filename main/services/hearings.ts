import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';
import type { NewHearingInput } from '../../shared/api/contract';
import type { CallerContext } from '../../shared/api/caller';
import type { Hearing, HearingJob, HearingStatus, HearingSummary, SealSummary } from '../../shared/domain/hearing';
import type { Db } from './db/database';
import type { RecordingService } from './recordings';
import { ProcedureService } from './procedure';
import { brusselsDate } from '../../shared/domain/dates';
import { checkPlausibleDates, defaultHearingDatePastDays } from '../../shared/domain/plausible-dates';
import { assertPlausibleDates, removalOf, removedError } from './hearing-changes';

interface HearingRow {
  id: string;
  case_reference: string;
  minor_name: string;
  date_of_birth: string;
  hearing_date: string;
  created_at: string;
  planned_at: string | null;
  recording_count: number;
  active_count: number;
  sealed: number;
}

const summarySql = `
  SELECT h.*,
    (SELECT COUNT(*) FROM recordings r WHERE r.hearing_id = h.id) AS recording_count,
    (SELECT COUNT(*) FROM recordings r WHERE r.hearing_id = h.id AND r.status = 'recording') AS active_count,
    EXISTS (SELECT 1 FROM seals s WHERE s.hearing_id = h.id) AS sealed
  FROM hearings h`;

export class HearingService {
  constructor(
    private readonly db: Db,
    private readonly recordings: RecordingService,
    /** What main is still writing for a hearing (see HearingQueue). */
    private readonly jobs: (hearingId: string) => HearingJob[] = () => [],
    private readonly clock: () => Date = () => new Date(),
    /** The administrator's limit for a hearing date in the past, in days. */
    private readonly pastDays: () => number = () => defaultHearingDatePastDays,
  ) {}

  list(): HearingSummary[] {
    // A removed hearing leaves the list; its tombstone answers hearings.get.
    const rows = this.db
      .prepare(
        `${summarySql} WHERE NOT EXISTS (SELECT 1 FROM hearing_removals x WHERE x.hearing_id = h.id)
         ORDER BY h.created_at DESC, h.id`,
      )
      .all() as HearingRow[];
    return rows.map(toSummary);
  }

  create(input: NewHearingInput, ctx: CallerContext): Hearing {
    // Impossible dates are refused here, before anything is written.
    assertPlausibleDates(checkPlausibleDates(input, brusselsDate(this.clock()), this.pastDays()));
    const id = randomUUID();
    const now = this.clock().toISOString();
    this.db
      .prepare(
        `INSERT INTO hearings (id, case_reference, minor_name, date_of_birth, hearing_date, created_at, created_by,
           procedure, procedure_updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.caseReference,
        input.minorName,
        input.dateOfBirth,
        input.hearingDate,
        now,
        ctx.userId,
        JSON.stringify(ProcedureService.initialDraft(input)),
        now,
      );
    return this.get(id);
  }

  get(hearingId: string): Hearing {
    const row = this.db.prepare(`${summarySql} WHERE h.id = ?`).get(hearingId) as HearingRow | undefined;
    if (!row) {
      throw new ApiError('not_found', `There is no hearing with the identifier ${hearingId}. Reload the list of hearings.`);
    }
    const removal = removalOf(this.db, hearingId);
    if (removal) throw removedError(removal);
    const recordings = this.recordings.listForHearing(hearingId);
    return {
      ...toSummary(row),
      recordings,
      seal: this.sealOf(hearingId, recordings.length),
      jobs: this.jobs(hearingId),
    };
  }

  private sealOf(hearingId: string, recordingCount: number): SealSummary | null {
    const seal = this.db
      .prepare('SELECT sealed_at, manifest_sha256, key_fingerprint, audit_seq, audit_hash FROM seals WHERE hearing_id = ?')
      .get(hearingId) as
      | { sealed_at: string; manifest_sha256: string; key_fingerprint: string; audit_seq: number; audit_hash: string }
      | undefined;
    if (!seal) return null;
    return {
      hearingId,
      sealedAt: seal.sealed_at,
      manifestSha256: seal.manifest_sha256,
      keyFingerprint: seal.key_fingerprint,
      auditHead: { seq: seal.audit_seq, hash: seal.audit_hash },
      recordingCount,
    };
  }
}

function toSummary(row: HearingRow): HearingSummary {
  let status: HearingStatus = 'draft';
  if (row.sealed) status = 'sealed';
  else if (row.active_count > 0) status = 'recording';
  else if (row.recording_count > 0) status = 'recorded';
  return {
    id: row.id,
    caseReference: row.case_reference,
    minorName: row.minor_name,
    dateOfBirth: row.date_of_birth,
    hearingDate: row.hearing_date,
    status,
    createdAt: row.created_at,
    recordingCount: row.recording_count,
    plannedAt: row.planned_at ?? null,
  };
}

