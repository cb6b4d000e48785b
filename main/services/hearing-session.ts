import { ApiError, conflict } from '../../shared/api/errors';
import type { CallerContext } from '../../shared/api/caller';
import { pauseReasons, type HearingEvent, type NewEvent } from '../../shared/domain/events';
import type { Recording } from '../../shared/domain/hearing';
import type { EventLog } from './events';
import type { ProcedureService } from './procedure';
import type { RecordingService, StopReason } from './recordings';
import type { MediaStore } from './storage/media-store';

export interface DiskLevels {
  /** Below this much free space, every chunk's answer says the disk is low. */
  warnBytes: number;
  /** Below this, main stops the recording itself, keeping all that was written. */
  stopBytes: number;
}

export const defaultDiskLevels: DiskLevels = { warnBytes: 2 * 1024 ** 3, stopBytes: 256 * 1024 ** 2 };

type Who = Pick<CallerContext, 'userId' | 'role'>;

/**
 * Runs a hearing: the readiness gate before every recording, the event log around it, and the
 * rules that act during it (consent withdrawn stops the recording at once).
 */
export class HearingSession {
  constructor(
    private readonly recordings: RecordingService,
    private readonly procedure: ProcedureService,
    private readonly events: EventLog,
    private readonly store: MediaStore,
    private readonly disk: DiskLevels = defaultDiskLevels,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Appends a chunk, then looks at the free space: a disk that is nearly full stops the
   * recording cleanly before a write can fail; one that fills anyway stops it too.
   */
  async append(recordingId: string, seq: number, data: Uint8Array, ctx: Who) {
    let written: { sizeBytes: number; chunkCount: number };
    try {
      written = this.recordings.append(recordingId, seq, data);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'storage_full') await this.stopForDisk(recordingId, ctx);
      throw err;
    }
    const freeBytes = this.store.freeBytes();
    if (freeBytes < this.disk.stopBytes) {
      await this.stopForDisk(recordingId, ctx);
      return { ...written, freeBytes, lowDisk: true, stoppedBecause: 'storage_full' as const };
    }
    return { ...written, freeBytes, lowDisk: freeBytes < this.disk.warnBytes, stoppedBecause: null };
  }

  private async stopForDisk(recordingId: string, ctx: Who): Promise<void> {
    const recording = this.recordings.get(recordingId);
    const running = this.recordings.activeFor(recording.hearingId);
    if (!running || running.id !== recordingId) return;
    await this.stop(recordingId, this.events.offsetInto(running, this.clock()), ctx, 'storage_full');
  }

  start(hearingId: string, mimeType: string, ctx: Who): Recording {
    const at = this.clock();
    this.procedure.assertNotSealed(hearingId);
    const evaluation = this.procedure.assertMayRecord(hearingId, at);
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
    return recording;
  }

  async stop(recordingId: string, durationMs: number, ctx: Who, reason: StopReason = 'stopped'): Promise<Recording> {
    const running = this.recordings.get(recordingId);
    const at = this.clock();
    const active = this.recordings.activeFor(running.hearingId);
    const stopped = await this.recordings.stop(recordingId, durationMs, ctx, reason);
    this.events.add(
      running.hearingId,
      'recording_stopped',
      { segment: stopped.segment, reason, sha256: stopped.sha256, sizeBytes: stopped.sizeBytes },
      ctx,
      active && active.id === recordingId ? active : null,
      at,
    );
    return stopped;
  }

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
    return this.events.add(hearingId, kind, details, ctx, running, at);
  }

  /** Consent withdrawn: the recording stops at once and no new one can start (the rules say so). */
  async withdrawConsent(
    hearingId: string,
    notedBy: string,
    ctx: Who,
  ): Promise<{ stoppedRecording: Recording | null; event: HearingEvent }> {
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
    let stoppedRecording: Recording | null = null;
    if (running) {
      const durationMs = this.events.offsetInto(running, at);
      stoppedRecording = await this.stop(running.id, durationMs, ctx, 'consent_withdrawn');
    }
    return { stoppedRecording, event };
  }
}
