import { ApiError, conflict } from '../../shared/api/errors';
import type { CallerContext } from '../../shared/api/caller';
import { pauseReasons, type HearingEvent, type NewEvent } from '../../shared/domain/events';
import type { Recording, StopReason } from '../../shared/domain/hearing';
import type { AuditLog } from './audit-log';
import type { EventLog } from './events';
import type { HearingQueue } from './hearing-queue';
import type { ProcedureService } from './procedure';
import type { RecordingService } from './recordings';
import type { MediaStore } from './storage/media-store';

export interface DiskLevels {
  /** Below this much free space, every chunk's answer says the disk is low. */
  warnBytes: number;
  /** Below this, main stops the recording itself, keeping all that was written. */
  stopBytes: number;
}

export const defaultDiskLevels: DiskLevels = { warnBytes: 2 * 1024 ** 3, stopBytes: 256 * 1024 ** 2 };

type Who = Pick<CallerContext, 'userId' | 'role'>;

/** How long main waits without a chunk or a heartbeat before it closes a segment as `page_lost`. */
export interface PageWatch {
  /** While recording: chunks come every second, so a few seconds of silence means the page is gone. */
  recordingMs: number;
  /** While paused no chunk comes, only heartbeats, which a hidden page may send late. */
  pausedMs: number;
  /** How often main looks. */
  everyMs: number;
}

export const defaultPageWatch: PageWatch = { recordingMs: 6000, pausedMs: 90_000, everyMs: 1000 };

/** Main itself, when it closes a recording whose page is gone. */
const mainItself: Who = { userId: 'system', role: 'technician' };

export interface HearingSessionDeps {
  recordings: RecordingService;
  procedure: ProcedureService;
  events: EventLog;
  store: MediaStore;
  audit: AuditLog;
  queue: HearingQueue;
  disk?: DiskLevels;
  watch?: PageWatch;
  clock?: () => Date;
  log?: { error(message: string, err: unknown): void };
}

/**
 * Runs a hearing: the readiness gate before every recording, the event log around it, and the
 * rules that act during it (consent withdrawn stops the recording at once). Every change runs in
 * the hearing's turn (see HearingQueue); the working copy is made after the stop, as a job.
 */
export class HearingSession {
  private readonly recordings: RecordingService;
  private readonly procedure: ProcedureService;
  private readonly events: EventLog;
  private readonly store: MediaStore;
  private readonly audit: AuditLog;
  private readonly queue: HearingQueue;
  private readonly disk: DiskLevels;
  private readonly watch: PageWatch;
  private readonly clock: () => Date;
  private readonly log: { error(message: string, err: unknown): void };
  /** When main last heard from the page recording each running segment (ms since the epoch). */
  private readonly lastHeard = new Map<string, number>();
  private lastLook = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(deps: HearingSessionDeps) {
    this.recordings = deps.recordings;
    this.procedure = deps.procedure;
    this.events = deps.events;
    this.store = deps.store;
    this.audit = deps.audit;
    this.queue = deps.queue;
    this.disk = deps.disk ?? defaultDiskLevels;
    this.watch = deps.watch ?? defaultPageWatch;
    this.clock = deps.clock ?? (() => new Date());
    this.log = deps.log ?? console;
  }

  /**
   * Appends a chunk, then looks at the free space: a disk that is nearly full stops the
   * recording cleanly before a write can fail; one that fills anyway stops it too. Chunks do not
   * wait for the hearing's turn: they come from the one page that records, in order.
   */
  async append(recordingId: string, seq: number, data: Uint8Array, ctx: Who) {
    let written: { sizeBytes: number; chunkCount: number };
    try {
      written = this.recordings.append(recordingId, seq, data);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'storage_full') {
        // The disk filled under the recording: the room kept in reserve lets its stop be recorded.
        this.store.releaseReserve();
        await this.stopForDisk(recordingId, ctx);
      }
      throw err;
    }
    this.lastHeard.set(recordingId, Date.now());
    const freeBytes = this.store.freeBytes();
    if (freeBytes < this.disk.stopBytes) {
      await this.stopForDisk(recordingId, ctx);
      return { ...written, freeBytes, lowDisk: true, stoppedBecause: 'storage_full' as const };
    }
    return { ...written, freeBytes, lowDisk: freeBytes < this.disk.warnBytes, stoppedBecause: null };
  }

  /** The page that records says it is still there (it also does so by every chunk). */
  heartbeat(recordingId: string): { recording: boolean; stopReason: string | null } {
    const recording = this.recordings.get(recordingId);
    if (recording.status === 'recording' && this.recordings.activeFor(recording.hearingId)?.id === recordingId) {
      this.lastHeard.set(recordingId, Date.now());
      return { recording: true, stopReason: null };
    }
    return { recording: false, stopReason: recording.stopReason };
  }

  private async stopForDisk(recordingId: string, ctx: Who): Promise<void> {
    const recording = this.recordings.get(recordingId);
    const running = this.recordings.activeFor(recording.hearingId);
    if (!running || running.id !== recordingId) return;
    try {
      await this.stop(recordingId, null, ctx, 'storage_full');
    } catch (err) {
      // The database's disk may be full too: the recording stays open in main, every chunk
      // written is kept, and the next start recovers it if nothing else can close it.
      this.log.error(`the recording ${recordingId} could not be stopped on a full disk`, err);
    }
  }

  /** Must run in the hearing's turn. */
  start(hearingId: string, mimeType: string, ctx: Who): Recording {
    const at = this.clock();
    this.procedure.assertNotSealed(hearingId);
    const evaluation = this.procedure.assertMayRecord(hearingId, at);
    const freeBytes = this.store.freeBytes();
    if (freeBytes < this.disk.stopBytes) {
      throw new ApiError(
        'storage_full',
        `Only ${megabytes(freeBytes)} are free on the disk that holds the recordings; recording needs at least ${megabytes(this.disk.stopBytes)}. Free disk space, then start again.`,
        { details: { freeBytes, stopBytes: this.disk.stopBytes } },
      );
    }
    const recording = this.recordings.start(hearingId, mimeType);
    if (!this.procedure.draft(hearingId).hearingStart) {
      this.procedure.update(hearingId, (d) => ({ ...d, hearingStart: recording.startedAt }));
    }
    this.events.add(
      hearingId,
      'recording_started',
      { segment: recording.segment, ruleSet: evaluation.ruleSet },
      ctx,
      { id: recording.id, startedAt: recording.startedAt },
      new Date(recording.startedAt),
    );
    this.lastHeard.set(recording.id, Date.now());
    return recording;
  }

  /**
   * Stops a recording in the hearing's turn, then makes its working copy outside it (a mark or
   * a new segment must not wait for a remux) as a job that the seal sees. `durationMs` null:
   * main computes it from the recording's own times, pauses excluded.
   */
  async stop(recordingId: string, durationMs: number | null, ctx: Who, reason: StopReason = 'stopped'): Promise<Recording> {
    const { hearingId } = this.recordings.get(recordingId);
    const { recording, workingCopy } = await this.queue.run(hearingId, () =>
      this.stopInTurn(recordingId, durationMs, ctx, reason),
    );
    await workingCopy;
    return this.recordings.get(recording.id);
  }

  /**
   * The stop itself, in the hearing's turn: the master closed, the stop event and the audit entry
   * written in one transaction, and the working copy's job registered before the turn ends, so
   * that a seal queued behind this stop refuses instead of sealing a hearing without it.
   */
  private stopInTurn(
    recordingId: string,
    durationMs: number | null,
    ctx: Who,
    reason: StopReason,
    at: Date = this.clock(),
  ): { recording: Recording; workingCopy: Promise<unknown> } {
    const running = this.recordings.activeFor(this.recordings.get(recordingId).hearingId);
    const active = running && running.id === recordingId ? running : null;
    const duration = durationMs ?? (active ? this.events.offsetInto(active, at) : 0);
    const recording = this.recordings.close(recordingId, duration, reason, (closed) => {
      this.events.add(
        closed.hearingId,
        'recording_stopped',
        { segment: closed.segment, reason, sha256: closed.sha256, sizeBytes: closed.sizeBytes },
        ctx,
        active,
        at,
      );
      this.audit.append(ctx, 'recordings.stop', closed.hearingId, { recordingId, durationMs: duration, reason });
    });
    this.lastHeard.delete(recordingId);
    if (recording.sizeBytes === 0) return { recording, workingCopy: Promise.resolve() };
    const done = this.queue.begin(recording.hearingId, 'working_copy', recording.segment);
    const workingCopy = this.recordings.deriveWorkingCopy(recording.id, ctx).finally(done);
    return { recording, workingCopy };
  }

  /**
   * Makes a working copy again, when asked (its derivation failed, on a full disk for example).
   * Answers once the copy is made, or says why it could not be.
   */
  async deriveWorkingCopy(recordingId: string, ctx: Who): Promise<Recording> {
    const { hearingId } = this.recordings.get(recordingId);
    const workingCopy = await this.queue.run(hearingId, () => {
      this.procedure.assertNotSealed(hearingId);
      const recording = this.recordings.get(recordingId);
      if (recording.status === 'recording') {
        throw conflict('not_recording', 'This segment is still being recorded; its working copy is made when it stops.');
      }
      if (recording.workingUrl) {
        throw conflict('working_copy_exists', `Segment ${recording.segment} already has its working copy.`);
      }
      const done = this.queue.begin(hearingId, 'working_copy', recording.segment);
      return this.recordings.deriveWorkingCopy(recordingId, ctx).finally(done);
    });
    const outcome = await workingCopy;
    if (!outcome.ok) {
      throw new ApiError(
        outcome.storageFull ? 'storage_full' : 'internal',
        outcome.storageFull
          ? 'The working copy could not be made: the disk is full. The recording itself is intact. Free disk space, then make the working copy again.'
          : `The working copy could not be made (${outcome.error}). The recording itself is intact and can be played as it is.`,
      );
    }
    return this.recordings.get(recordingId);
  }

  /** Makes, one after the other in the background, the working copies that are missing (at start). */
  async deriveMissingWorkingCopies(ctx: Who = mainItself): Promise<void> {
    for (const r of this.recordings.withoutWorkingCopy()) {
      try {
        await this.deriveWorkingCopy(r.id, ctx);
      } catch (err) {
        this.log.error(`the working copy of segment ${r.segment} of ${r.hearingId} is still missing`, err);
      }
    }
  }

  /** Must run in the hearing's turn. */
  addEvent(hearingId: string, event: NewEvent, ctx: Who): HearingEvent {
    this.procedure.assertNotSealed(hearingId);
    const at = this.clock();
    const running = this.recordings.activeFor(hearingId);
    const { kind, ...details } = event;
    switch (kind) {
      case 'paused':
        if (!running) throw conflict('not_recording', 'There is no recording running to pause.');
        if (this.events.isPaused(running.id)) throw conflict('already_paused', 'The recording is already paused.');
        break;
      case 'resumed':
        if (!running || !this.events.isPaused(running.id)) {
          throw conflict('not_paused', 'The recording is not paused, so it cannot be resumed.');
        }
        break;
      case 'pause_explained': {
        const pauseSeq = (details as { pauseSeq: number }).pauseSeq;
        const logged = this.events.list(hearingId);
        const pause = logged.find((e) => e.seq === pauseSeq);
        if (!pause || pause.kind !== 'paused') {
          throw new ApiError('not_found', `Event ${pauseSeq} of this hearing is not a pause; give the reason of one of its pauses.`);
        }
        if (pauseReasons(logged).has(pauseSeq)) {
          throw conflict('pause_already_explained', 'This pause already has its reason; the event log keeps the first one.');
        }
        break;
      }
      case 'attendee_arrived':
      case 'attendee_left': {
        const field = kind === 'attendee_arrived' ? 'arrivedAt' : 'leftAt';
        const attendeeId = (details as { attendeeId: string }).attendeeId;
        const draft = this.procedure.draft(hearingId);
        const attendee = (draft.attendees ?? []).find((a) => a.id === attendeeId);
        if (!attendee) {
          throw new ApiError('not_found', 'That person is not on the list of attendees; add them first.');
        }
        this.procedure.update(hearingId, (d) => ({
          ...d,
          attendees: (d.attendees ?? []).map((a) => (a.id === attendeeId ? { ...a, [field]: at.toISOString() } : a)),
        }));
        Object.assign(details, { name: attendee.name, role: attendee.role, room: attendee.room });
        break;
      }
      default:
        break;
    }
    if (running) this.lastHeard.set(running.id, Date.now());
    return this.events.add(hearingId, kind, details, ctx, running, at);
  }

  /**
   * Consent withdrawn: the recording stops at once and no new one can start (the rules say so).
   * Must run in the hearing's turn; the working copy of the stopped segment is made after it.
   */
  withdrawConsent(hearingId: string, notedBy: string, ctx: Who): { stoppedRecording: Recording | null; event: HearingEvent } {
    this.procedure.assertNotSealed(hearingId);
    const at = this.clock();
    const draft = this.procedure.draft(hearingId);
    if (draft.consent?.decision !== 'given') {
      throw conflict('no_consent', 'No consent was recorded for this hearing, so none can be withdrawn.');
    }
    if (draft.consent.withdrawal) throw conflict('consent_withdrawn', 'Consent has already been withdrawn.');
    this.procedure.update(hearingId, (d) => ({
      ...d,
      consent: { ...d.consent, withdrawal: { at: at.toISOString(), notedBy } },
    }));
    const running = this.recordings.activeFor(hearingId);
    const event = this.events.add(hearingId, 'consent_withdrawn', { notedBy }, ctx, running, at);
    const stoppedRecording = running ? this.stopInTurn(running.id, null, ctx, 'consent_withdrawn', at).recording : null;
    return { stoppedRecording, event };
  }

  /**
   * Starts watching the pages that record: a segment whose page has gone quiet (reloaded,
   * closed, crashed) is closed by main as `page_lost`, keeping every byte that arrived.
   */
  startWatching(): void {
    if (this.timer) return;
    this.lastLook = Date.now();
    this.timer = setInterval(() => void this.look(), this.watch.everyMs);
    this.timer.unref?.();
  }

  stopWatching(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Looks once for segments whose page is gone; exposed for tests. */
  async look(now: number = Date.now()): Promise<void> {
    // When main itself was busy, the silence was main's, not the page's: give the page that time back.
    const late = now - this.lastLook - this.watch.everyMs;
    this.lastLook = now;
    if (late > this.watch.everyMs) {
      for (const [id, heard] of this.lastHeard) this.lastHeard.set(id, heard + late);
    }
    for (const [recordingId, heard] of [...this.lastHeard]) {
      const limit = this.events.isPaused(recordingId) ? this.watch.pausedMs : this.watch.recordingMs;
      if (now - heard <= limit) continue;
      await this.closeLost(recordingId, heard);
    }
  }

  /** The page (the Electron window) is gone for sure: close every segment it was recording. */
  async pageGone(): Promise<void> {
    for (const [recordingId] of [...this.lastHeard]) await this.closeLost(recordingId, Date.now());
  }

  private async closeLost(recordingId: string, lastHeardAt: number): Promise<void> {
    this.lastHeard.delete(recordingId);
    try {
      const { hearingId } = this.recordings.get(recordingId);
      if (this.recordings.activeFor(hearingId)?.id !== recordingId) return;
      await this.queue.run(hearingId, () => {
        if (this.recordings.activeFor(hearingId)?.id !== recordingId) return;
        // Main stops the segment at the last moment it heard from the page.
        const at = new Date(Math.min(lastHeardAt, this.clock().getTime()));
        this.stopInTurn(recordingId, null, mainItself, 'page_lost', at);
      });
    } catch (err) {
      this.log.error(`the recording ${recordingId}, whose page is gone, could not be closed`, err);
    }
  }
}

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}
