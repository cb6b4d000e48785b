import { createHash, randomUUID, type Hash } from 'node:crypto';
import { ApiError, conflict } from '../../shared/api/errors';
import type { CallerContext } from '../../shared/api/caller';
import type { Recording, RecordingStatus, StopReason } from '../../shared/domain/hearing';
import type { Db } from './db/database';
import type { AuditLog } from './audit-log';
import type { KeepAwake } from './keep-awake';
import { hashStored, rememberHash } from './storage/hash-stored';
import { StorageFullError, type Appendable, type MediaStore } from './storage/media-store';
import type { KnownMaster, WorkingCopyDeriver } from './working-copy';
import { WebmScanner } from './webm/layout';
import { IncrementalWorkingCopy } from './webm/incremental';

interface RecordingRow {
  id: string;
  hearing_id: string;
  segment: number;
  status: RecordingStatus;
  mime_type: string;
  master_file: string;
  working_file: string | null;
  started_at: string;
  stopped_at: string | null;
  duration_ms: number | null;
  size_bytes: number;
  chunk_count: number;
  sha256: string | null;
  stop_reason: string | null;
}

interface ActiveRecording {
  hearingId: string;
  masterFile: string;
  startedAt: string;
  file: Appendable;
  hash: Hash;
  /** The master's layout, read as its chunks arrive; null once it could not be read (see scan). */
  scanner: WebmScanner | null;
  /** The working copy written as the chunks arrive; null when it is made at the stop instead. */
  copy: IncrementalWorkingCopy | null;
  nextSeq: number;
  release: () => void;
}

export interface RecoveredRecording {
  recordingId: string;
  hearingId: string;
  sizeBytes: number;
  chunkCount: number;
  recoveredAt: string;
}

export type MediaVariant = 'master' | 'working';

export type { StopReason };

type Who = Pick<CallerContext, 'userId' | 'role'>;

const extensionFor = (mimeType: string) => (mimeType.includes('mp4') ? 'mp4' : 'webm');

/**
 * The master file is the bytes as captured: each chunk is appended, made durable and hashed as it
 * arrives, and the file is never rewritten. Its SHA-256 is computed incrementally, so stopping
 * costs nothing however long the hearing was.
 */
export class RecordingService {
  private readonly active = new Map<string, ActiveRecording>();
  /** Layouts of masters closed and not yet copied into their working copy. */
  private readonly known = new Map<string, KnownMaster>();
  private readonly insertChunk;
  private readonly updateProgress;

  constructor(
    private readonly db: Db,
    private readonly store: MediaStore,
    private readonly audit: AuditLog,
    private readonly workingCopies: WorkingCopyDeriver,
    private readonly keepAwake: KeepAwake,
    private readonly clock: () => Date = () => new Date(),
    private readonly log: { error(message: string, err: unknown): void } = console,
  ) {
    this.insertChunk = db.prepare(
      'INSERT INTO recording_chunks (recording_id, seq, offset, size, sha256, written_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.updateProgress = db.prepare('UPDATE recordings SET size_bytes = ?, chunk_count = ? WHERE id = ?');
  }

  start(hearingId: string, mimeType: string): Recording {
    const hearing = this.db.prepare('SELECT id FROM hearings WHERE id = ?').get(hearingId);
    if (!hearing) throw new ApiError('not_found', `There is no hearing with the identifier ${hearingId}.`);
    for (const a of this.active.values()) {
      if (a.hearingId === hearingId) {
        throw conflict('already_recording', 'This hearing is already being recorded. Stop that recording first.');
      }
    }
    const segment =
      ((this.db.prepare('SELECT MAX(segment) FROM recordings WHERE hearing_id = ?').pluck().get(hearingId) as
        | number
        | null) ?? 0) + 1;
    const id = randomUUID();
    const startedAt = this.clock().toISOString();
    const masterFile = `segment-${String(segment).padStart(3, '0')}-master.${extensionFor(mimeType)}`;
    const file = this.store.createAppendable(hearingId, masterFile);
    try {
      this.db
        .prepare(
          `INSERT INTO recordings (id, hearing_id, segment, status, mime_type, master_file, started_at)
           VALUES (?, ?, ?, 'recording', ?, ?, ?)`,
        )
        .run(id, hearingId, segment, mimeType, masterFile, startedAt);
    } catch (err) {
      file.close();
      throw err;
    }
    const webm = masterFile.endsWith('.webm');
    this.active.set(id, {
      hearingId,
      masterFile,
      startedAt,
      file,
      hash: createHash('sha256'),
      scanner: webm ? new WebmScanner() : null,
      copy: webm ? this.openCopy(hearingId, masterFile) : null,
      nextSeq: 0,
      release: this.keepAwake.hold('recording a hearing'),
    });
    return this.get(id);
  }

  append(recordingId: string, seq: number, data: Uint8Array): { sizeBytes: number; chunkCount: number } {
    const rec = this.requireActive(recordingId);
    if (seq !== rec.nextSeq) {
      throw conflict(
        'chunk_out_of_order',
        `Chunk ${seq} arrived but chunk ${rec.nextSeq} was expected; chunks must be sent once each, in order.`,
        { expected: rec.nextSeq, received: seq },
      );
    }
    const offset = rec.file.size;
    try {
      rec.file.append(data);
    } catch (err) {
      if (err instanceof StorageFullError) {
        throw new ApiError(
          'storage_full',
          'The disk is full: this chunk could not be written. Everything recorded until now is kept. Stop the recording and free disk space before going on.',
        );
      }
      throw err;
    }
    rec.hash.update(data);
    this.scan(rec, data);
    rec.nextSeq += 1;
    const chunkHash = createHash('sha256').update(data).digest('hex');
    this.db.transaction(() => {
      this.insertChunk.run(recordingId, seq, offset, data.byteLength, chunkHash, this.clock().toISOString());
      this.updateProgress.run(rec.file.size, rec.nextSeq, recordingId);
    })();
    return { sizeBytes: rec.file.size, chunkCount: rec.nextSeq };
  }

  /** Whether any recording is running, on any hearing (other than `except`, when given). */
  anyActive(except?: string): boolean {
    for (const id of this.active.keys()) if (id !== except) return true;
    return false;
  }

  /** The recording running for a hearing, if any. */
  activeFor(hearingId: string): { id: string; startedAt: string } | null {
    for (const [id, rec] of this.active) if (rec.hearingId === hearingId) return { id, startedAt: rec.startedAt };
    return null;
  }

  /**
   * Stops a recording and makes its working copy. The services that run hearings use `close`
   * and `deriveWorkingCopy` separately, so that the stop is committed in the hearing's turn and
   * the working copy is made outside it.
   */
  async stop(recordingId: string, durationMs: number, ctx: Who, reason: StopReason = 'stopped'): Promise<Recording> {
    this.close(recordingId, durationMs, reason);
    await this.deriveWorkingCopy(recordingId, ctx);
    return this.get(recordingId);
  }

  /**
   * Closes the master and records how the recording ended. `alsoRecord` runs in the same
   * transaction (the stop event, the audit entry): either all of it is kept or none, and on
   * failure (a full disk) the recording stays open and nothing is lost.
   */
  close(recordingId: string, durationMs: number, reason: StopReason, alsoRecord?: (recording: Recording) => void): Recording {
    const rec = this.requireActive(recordingId);
    const sha256 = rec.hash.copy().digest('hex');
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE recordings SET status = 'complete', stopped_at = ?, duration_ms = ?, size_bytes = ?,
             chunk_count = ?, sha256 = ?, stop_reason = ? WHERE id = ?`,
        )
        .run(this.clock().toISOString(), durationMs, rec.file.size, rec.nextSeq, sha256, reason, recordingId);
      alsoRecord?.(this.get(recordingId));
    })();
    this.active.delete(recordingId);
    rec.file.close();
    rec.release();
    // The master is as this process wrote and hashed it: sealing need not read it again while it
    // stays so (hash-stored.ts).
    rememberHash(this.store, rec.hearingId, rec.masterFile, { sha256, sizeBytes: rec.file.size });
    if (rec.scanner) {
      try {
        this.known.set(recordingId, {
          layout: rec.scanner.finish(),
          sha256,
          sizeBytes: rec.file.size,
          ...(rec.copy ? { incremental: rec.copy } : {}),
        });
        rec.copy = null;
      } catch {
        // Nothing usable was recorded: the working copy will say so when it is made.
      }
    }
    this.dropCopy(rec);
    return this.get(recordingId);
  }

  /**
   * Reads the layout of the master as it is written, so that stopping only copies. A master that
   * is not a WebM stream (an MP4, bytes a script sent) is simply not scanned: its working copy is
   * then made from the whole master, as after a crash.
   */
  private scan(rec: ActiveRecording, data: Uint8Array): void {
    if (!rec.scanner) return;
    try {
      rec.scanner.push(data);
    } catch {
      rec.scanner = null;
      this.dropCopy(rec);
      return;
    }
    if (!rec.copy) return;
    try {
      rec.copy.push(data, rec.scanner.progress());
    } catch (err) {
      // The master is kept whatever happens here (a full disk, an odd stream): its working copy
      // is then made from it at the stop.
      this.log.error('the working copy being written while recording was given up', err);
      this.dropCopy(rec);
    }
  }

  /** The working copy of a new master, written as it is recorded; null when it cannot be opened. */
  private openCopy(hearingId: string, masterFile: string): IncrementalWorkingCopy | null {
    try {
      return new IncrementalWorkingCopy(this.store.createWritable(hearingId, masterFile.replace('-master.', '-working.')));
    } catch (err) {
      this.log.error('the working copy could not be opened for writing while recording', err);
      return null;
    }
  }

  private dropCopy(rec: ActiveRecording): void {
    try {
      rec.copy?.abort();
    } catch {
      // Nothing more to remove.
    }
    rec.copy = null;
  }
  /**
   * Finds recordings left open by a crash or a kill, keeps every byte that reached the disk,
   * marks them interrupted and derives a playable copy. Runs once at start, before any call.
   */
  async recover(ctx: Who): Promise<RecoveredRecording[]> {
    const open = this.db.prepare("SELECT * FROM recordings WHERE status = 'recording'").all() as RecordingRow[];
    const recovered: RecoveredRecording[] = [];
    for (const row of open) {
      if (this.active.has(row.id)) continue;
      const { sha256, sizeBytes: size } = await hashStored(this.store, row.hearing_id, row.master_file);
      const lastChunkAt = this.db
        .prepare('SELECT MAX(written_at) FROM recording_chunks WHERE recording_id = ?')
        .pluck()
        .get(row.id) as string | null;
      const stoppedAt = lastChunkAt ?? row.started_at;
      const durationMs = Math.max(0, Date.parse(stoppedAt) - Date.parse(row.started_at));
      const recoveredAt = this.clock().toISOString();
      this.db
        .prepare(
          `UPDATE recordings SET status = 'interrupted', stopped_at = ?, duration_ms = ?, size_bytes = ?, sha256 = ?,
             stop_reason = 'interrupted' WHERE id = ?`,
        )
        .run(stoppedAt, durationMs, size, sha256, row.id);
      const notice = {
        recordingId: row.id,
        hearingId: row.hearing_id,
        sizeBytes: size,
        chunkCount: row.chunk_count,
        recoveredAt,
      };
      this.audit.append(ctx, 'recording.recovered', row.hearing_id, notice);
      await this.deriveWorkingCopy(row.id, ctx);
      recovered.push(notice);
    }
    return recovered;
  }

  /**
   * Recordings that have bytes but no working copy (its derivation failed, on a full disk for
   * example) in hearings not yet sealed: made again at start, or when someone asks.
   */
  withoutWorkingCopy(): Array<{ id: string; hearingId: string; segment: number }> {
    return this.db
      .prepare(
        `SELECT r.id AS id, r.hearing_id AS hearingId, r.segment AS segment FROM recordings r
         WHERE r.status != 'recording' AND r.working_file IS NULL AND r.size_bytes > 0
           AND NOT EXISTS (SELECT 1 FROM seals s WHERE s.hearing_id = r.hearing_id)
         ORDER BY r.started_at`,
      )
      .all() as Array<{ id: string; hearingId: string; segment: number }>;
  }

  listForHearing(hearingId: string): Recording[] {
    const rows = this.db
      .prepare('SELECT * FROM recordings WHERE hearing_id = ? ORDER BY segment')
      .all(hearingId) as RecordingRow[];
    return rows.map(toRecording);
  }

  get(recordingId: string): Recording {
    const row = this.db.prepare('SELECT * FROM recordings WHERE id = ?').get(recordingId) as RecordingRow | undefined;
    if (!row) throw new ApiError('not_found', `There is no recording with the identifier ${recordingId}.`);
    return toRecording(row);
  }

  /** Where the media handler finds a recording's bytes; null when there is nothing to serve. */
  locate(recordingId: string, variant: MediaVariant): { hearingId: string; name: string; mimeType: string } | null {
    const row = this.db.prepare('SELECT * FROM recordings WHERE id = ?').get(recordingId) as RecordingRow | undefined;
    if (!row) return null;
    const name = variant === 'master' ? row.master_file : row.working_file;
    if (!name) return null;
    return { hearingId: row.hearing_id, name, mimeType: row.mime_type.split(';')[0] ?? 'video/webm' };
  }

  /** Closes open files so that the next start recovers them; used on shutdown. */
  closeAll(): void {
    for (const rec of this.active.values()) {
      rec.file.close();
      rec.release();
      this.dropCopy(rec);
    }
    this.active.clear();
    for (const known of this.known.values()) known.incremental?.abort();
    this.known.clear();
  }

  private requireActive(recordingId: string): ActiveRecording {
    const rec = this.active.get(recordingId);
    if (rec) return rec;
    const row = this.db.prepare('SELECT status FROM recordings WHERE id = ?').get(recordingId) as
      | { status: RecordingStatus }
      | undefined;
    if (!row) throw new ApiError('not_found', `There is no recording with the identifier ${recordingId}.`);
    const stopped = this.db.prepare('SELECT stop_reason FROM recordings WHERE id = ?').pluck().get(recordingId);
    if (stopped === 'consent_withdrawn') {
      throw conflict('recording_stopped', 'This recording was stopped because consent was withdrawn.', {
        stopReason: stopped,
      });
    }
    throw conflict('recording_stopped', 'This recording has already stopped; start a new recording to go on.', {
      stopReason: stopped,
    });
  }

  /**
   * Makes the seekable working copy of a closed recording. Never throws: the master is intact and
   * playable as it is, and a copy that could not be made (a full disk, a master the remuxer cannot
   * read) is recorded as failed, then made again at the next start or when someone asks.
   */
  async deriveWorkingCopy(recordingId: string, ctx: Who): Promise<{ ok: true } | { ok: false; error: string; storageFull: boolean }> {
    const row = this.db.prepare('SELECT * FROM recordings WHERE id = ?').get(recordingId) as RecordingRow;
    if (row.size_bytes === 0) {
      this.known.get(recordingId)?.incremental?.abort();
      this.known.delete(recordingId);
      return { ok: true };
    }
    const workingFile = row.master_file.replace('-master.', '-working.');
    try {
      const known = this.known.get(recordingId);
      this.known.delete(recordingId);
      const derivation = await this.workingCopies.derive(row.hearing_id, row.master_file, workingFile, known);
      this.db.transaction(() => {
        this.db.prepare('UPDATE recordings SET working_file = ? WHERE id = ?').run(workingFile, recordingId);
        this.audit.append(ctx, 'recording.working_copy_derived', row.hearing_id, { recordingId, ...derivation });
      })();
      return { ok: true };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const storageFull = isStorageFull(err);
      try {
        this.audit.append(ctx, 'recording.working_copy_failed', row.hearing_id, { recordingId, error, storageFull });
      } catch (auditErr) {
        // The database's disk may be the full one: the failure is still in the log, and the
        // missing copy is found again from the recordings table at the next start.
        this.log.error(`the failed working copy of ${recordingId} could not be audited`, auditErr);
      }
      this.log.error(`the working copy of ${recordingId} could not be made`, err);
      return { ok: false, error, storageFull };
    }
  }
}

/** Whether an error means that the disk (or the database's disk) has no room left. */
export function isStorageFull(err: unknown): boolean {
  if (err instanceof StorageFullError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT';
}

function toRecording(row: RecordingRow): Recording {
  return {
    id: row.id,
    hearingId: row.hearing_id,
    segment: row.segment,
    status: row.status,
    stopReason: row.stop_reason,
    mimeType: row.mime_type,
    startedAt: row.started_at,
    stoppedAt: row.stopped_at,
    durationMs: row.duration_ms,
    sizeBytes: row.size_bytes,
    chunkCount: row.chunk_count,
    sha256: row.sha256,
    masterUrl: `/media/recordings/${row.id}/master`,
    workingUrl: row.working_file ? `/media/recordings/${row.id}/working` : null,
  };
}
