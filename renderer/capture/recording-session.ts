import type { Recording } from '../../shared/domain/hearing';
import type { CallOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { call } from '../api/client';
import { isUnreachable, repeatIfUnreachable } from '../api/retry';
import { ChunkQueue } from './chunk-queue';

/**
 * A recording cut short by something other than the Stop button: a chunk that could not be
 * written, the recorder failing, the camera or microphone gone, or main closing the recording
 * itself (the disk nearly full, consent withdrawn).
 */
export type Interruption = 'append' | 'recorder' | 'device' | 'closedByMain';

export interface DiskLevel {
  freeBytes: number;
  lowDisk: boolean;
  /** The size of the master after the chunk: what has been written so far. */
  sizeBytes: number;
}

export interface SessionEvents {
  onInterrupted: (why: Interruption, error?: unknown) => void;
  /** The free space main reports after each chunk. */
  onDiskLevel?: (level: DiskLevel) => void;
}

/** The recorder hands over about one second of media at a time. */
const timesliceMs = 1000;
/**
 * The first chunk is asked for sooner, every quarter of a second until one holds bytes (before the
 * encoder has its first picture, the recorder hands over nothing): the master then holds its
 * header and the first pictures well before the first timeslice, and the page knows almost at
 * once that main is writing.
 */
const firstChunkMs = 250;
/**
 * How often the page tells main it is still there, also while paused (no chunk comes then):
 * main closes a segment whose page has gone quiet for a few seconds as `page_lost`.
 */
const heartbeatMs = 1500;
const maxDurationMs = 24 * 3600 * 1000;

/** Main has closed the recording: nothing more may be appended to it. */
class ClosedByMain extends Error {
  constructor() {
    super('The recording was closed by Hearing Room.');
  }
}

/** The camera or the microphone of the segment went away while it was being recorded. */
export class DeviceLost extends Error {
  constructor(readonly device: 'camera' | 'microphone') {
    super(`The ${device} was disconnected during the recording.`);
  }
}

/**
 * One segment being recorded: the MediaRecorder, the queue that appends its chunks to the master
 * file in order, and the calls that open and close the recording in main.
 */
export class RecordingSession {
  private readonly recorder: MediaRecorder;
  private readonly queue: ChunkQueue;
  private readonly stopped: Promise<void>;
  private readonly startedAt = performance.now();
  private finishing: Promise<Recording> | null = null;
  private interrupted = false;
  private closedByMain = false;
  private reason: 'stopped' | 'device_lost' = 'stopped';
  private pausedAt: number | null = null;
  private pausedMs = 0;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private firstChunk: ReturnType<typeof setInterval> | undefined;
  /** Main's answer to the opening of the recording; chunks are appended only once it is open. */
  private readonly opened: Promise<Recording>;
  private discarded = false;
  /** The recording in main; set before `start` returns the session. */
  recording!: Recording;

  static async start(options: {
    stream: MediaStream;
    hearingId: string;
    mimeType: string;
    events: SessionEvents;
    /** The bitrates the recorder aims at; the browser chooses when they are not given. */
    bitsPerSecond?: { video: number; audio: number };
  }): Promise<RecordingSession> {
    // The recorder starts at the press, alongside main's opening of the master: the first chunk
    // comes one timeslice after Start, not one timeslice after the round trip. Chunks wait for
    // the recording to be open; if main refuses, they are dropped, never stored.
    const opening = call('recordings.start', {
      hearingId: options.hearingId,
      mimeType: options.mimeType,
    });
    let session: RecordingSession;
    try {
      session = new RecordingSession(
        opening,
        options.stream,
        options.mimeType,
        options.events,
        options.bitsPerSecond,
      );
    } catch (error) {
      // The master is open but nothing can be recorded into it: close it, empty, and say so.
      const recording = await opening.catch(() => undefined);
      if (recording) {
        await call('recordings.stop', { recordingId: recording.id, durationMs: 0 }).catch(
          () => undefined,
        );
      }
      throw error;
    }
    try {
      await session.opened;
    } catch (error) {
      session.discard();
      throw error;
    }
    return session;
  }

  private constructor(
    opening: Promise<Recording>,
    stream: MediaStream,
    mimeType: string,
    private readonly events: SessionEvents,
    bitsPerSecond?: { video: number; audio: number },
  ) {
    this.recorder = new MediaRecorder(stream, {
      mimeType,
      videoBitsPerSecond: bitsPerSecond?.video,
      audioBitsPerSecond: bitsPerSecond?.audio,
    });
    this.queue = new ChunkQueue(
      (seq, data) => this.append(seq, data),
      (error) => this.interrupt(error instanceof ClosedByMain ? 'closedByMain' : 'append', error),
    );
    this.stopped = new Promise((resolve) => {
      this.recorder.addEventListener('stop', () => resolve(), { once: true });
    });
    this.recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) clearInterval(this.firstChunk);
      if (event.data.size > 0 && !this.discarded) this.queue.push(event.data);
    });
    this.recorder.addEventListener('error', (event) => {
      this.interrupt('recorder', (event as Event & { error?: unknown }).error);
    });
    for (const track of stream.getTracks()) {
      const device = track.kind === 'video' ? 'camera' : 'microphone';
      track.addEventListener('ended', () => this.deviceLost(device), { once: true });
    }
    this.recorder.start(timesliceMs);
    this.firstChunk = setInterval(() => {
      if (this.recorder.state === 'recording') this.recorder.requestData();
      else clearInterval(this.firstChunk);
    }, firstChunkMs);
    this.opened = opening.then((recording) => {
      this.recording = recording;
      if (!this.discarded) this.heartbeat = setInterval(() => void this.beat(), heartbeatMs);
      return recording;
    });
  }

  /** Main refused to open the recording: the recorder stops and what it captured is dropped. */
  private discard(): void {
    this.discarded = true;
    clearInterval(this.heartbeat);
    clearInterval(this.firstChunk);
    if (this.recorder.state !== 'inactive') this.recorder.stop();
  }

  /** Tells main the page is still there; hears from it when it has closed the segment itself. */
  private async beat(): Promise<void> {
    try {
      const answer = await call('recordings.heartbeat', { recordingId: this.recording.id });
      if (!answer.recording && !this.finishing) {
        this.closedByMain = true;
        this.interrupt('closedByMain');
      }
    } catch {
      // A missed beat is only a missed beat: the chunks say the page is there too.
    }
  }

  /** Time recorded so far: paused time is not in the master, so it is not counted. */
  elapsedMs(): number {
    const now = performance.now();
    const pausedNow = this.pausedAt === null ? 0 : now - this.pausedAt;
    return now - this.startedAt - this.pausedMs - pausedNow;
  }

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  /** Pauses the recorder: nothing is recorded until it resumes, and the master holds no gap. */
  pause(): void {
    if (this.pausedAt !== null || this.recorder.state !== 'recording') return;
    this.recorder.pause();
    this.pausedAt = performance.now();
  }

  resume(): void {
    if (this.pausedAt === null) return;
    if (this.recorder.state === 'paused') this.recorder.resume();
    this.pausedMs += performance.now() - this.pausedAt;
    this.pausedAt = null;
  }

  /**
   * The camera or microphone is gone (its track ended, or it left the system's list): the
   * segment is closed at once as `device_lost`, and everything written so far is kept.
   */
  deviceLost(device: 'camera' | 'microphone'): void {
    this.interrupt('device', new DeviceLost(device));
  }

  /**
   * Stops the recorder, waits for its last chunk and for every chunk to be written, then closes
   * the recording in main, which seals its size and SHA-256. Safe to call more than once.
   */
  stop(): Promise<Recording> {
    this.finishing ??= this.finish();
    return this.finishing;
  }

  private async finish(): Promise<Recording> {
    clearInterval(this.heartbeat);
    clearInterval(this.firstChunk);
    const durationMs = Math.min(maxDurationMs, Math.round(this.elapsedMs()));
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    await this.stopped;
    await this.queue.drain();
    if (this.closedByMain) {
      const closed = await this.closedAlready();
      if (closed) return closed;
    }
    try {
      return await repeatIfUnreachable(
        () =>
          call('recordings.stop', {
            recordingId: this.recording.id,
            durationMs,
            reason: this.reason,
          }),
        { ranBefore: () => this.closedAlready() },
      );
    } catch (error) {
      // Main closed it first (consent withdrawn, the disk nearly full): its close stands.
      if (error instanceof ApiError && error.code === 'conflict') {
        const closed = await this.closedAlready().catch(() => undefined);
        if (closed) return closed;
      }
      throw error;
    }
  }

  /**
   * Appends one chunk. A chunk sent again after a lost answer is refused as a conflict that
   * expects the next one: that refusal says the chunk was written the first time. A refusal
   * because main has closed the recording ends the appends without counting as a failure.
   */
  private async append(seq: number, data: Uint8Array<ArrayBuffer>): Promise<void> {
    try {
      await this.opened;
    } catch {
      // Main refused the recording: `start` has dropped it and reports the refusal.
      return;
    }
    if (this.discarded) return;
    let answer: CallOutput<'recordings.appendChunk'> | 'writtenBefore';
    try {
      answer = await repeatIfUnreachable<CallOutput<'recordings.appendChunk'> | 'writtenBefore'>(
        () => call('recordings.appendChunk', { recordingId: this.recording.id, seq, data }),
        {
          ranBefore: async (refusal) =>
            refusal instanceof ApiError &&
            refusal.code === 'conflict' &&
            refusal.details?.expected === seq + 1
              ? 'writtenBefore'
              : undefined,
        },
      );
    } catch (error) {
      if (!isUnreachable(error) && (await this.closedAlready().catch(() => undefined))) {
        this.closedByMain = true;
        throw new ClosedByMain();
      }
      throw error;
    }
    if (answer === 'writtenBefore') return;
    this.events.onDiskLevel?.({
      freeBytes: answer.freeBytes,
      lowDisk: answer.lowDisk,
      sizeBytes: answer.sizeBytes,
    });
    if (answer.stoppedBecause) {
      this.closedByMain = true;
      throw new ClosedByMain();
    }
  }

  /** The recording as main has it, if main has already closed it. */
  private async closedAlready(): Promise<Recording | undefined> {
    const hearing = await call('hearings.get', { hearingId: this.recording.hearingId });
    return hearing.recordings.find((r) => r.id === this.recording.id && r.status !== 'recording');
  }

  private interrupt(why: Interruption, error?: unknown): void {
    if (why === 'device') this.reason = 'device_lost';
    if (why === 'closedByMain') clearInterval(this.heartbeat);
    // A write that fails while stopping still matters: the end of the recording is missing.
    if (this.interrupted || (this.finishing && why === 'device')) return;
    this.interrupted = true;
    if (this.recording === undefined) {
      // The camera went before main answered the opening: the caller must hold the session before
      // it hears of it, so the news waits for `start` to return (a task later). If main refused,
      // `start` throws and there is nothing to stop.
      void this.opened.then(
        () => setTimeout(() => this.events.onInterrupted(why, error), 0),
        () => undefined,
      );
      return;
    }
    this.events.onInterrupted(why, error);
  }
}
