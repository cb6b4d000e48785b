import type { Recording } from '../../shared/domain/hearing';
import { ApiError } from '../../shared/api/errors';
import { call } from '../api/client';
import { repeatIfUnreachable } from '../api/retry';
import { ChunkQueue } from './chunk-queue';

/** A recording cut short by something other than the Stop button. */
export type Interruption = 'append' | 'recorder' | 'device';

/** The recorder hands over about one second of media at a time. */
const timesliceMs = 1000;
const maxDurationMs = 24 * 3600 * 1000;

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

  static async start(options: {
    stream: MediaStream;
    hearingId: string;
    mimeType: string;
    onInterrupted: (why: Interruption, error?: unknown) => void;
  }): Promise<RecordingSession> {
    const recording = await call('recordings.start', {
      hearingId: options.hearingId,
      mimeType: options.mimeType,
    });
    try {
      return new RecordingSession(
        recording,
        options.stream,
        options.mimeType,
        options.onInterrupted,
      );
    } catch (error) {
      // The master is open but nothing can be recorded into it: close it, empty, and say so.
      await call('recordings.stop', { recordingId: recording.id, durationMs: 0 }).catch(
        () => undefined,
      );
      throw error;
    }
  }

  private constructor(
    readonly recording: Recording,
    stream: MediaStream,
    mimeType: string,
    private readonly onInterrupted: (why: Interruption, error?: unknown) => void,
  ) {
    this.recorder = new MediaRecorder(stream, { mimeType });
    this.queue = new ChunkQueue(
      (seq, data) => this.append(seq, data),
      (error) => this.interrupt('append', error),
    );
    this.stopped = new Promise((resolve) => {
      this.recorder.addEventListener('stop', () => resolve(), { once: true });
    });
    this.recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) this.queue.push(event.data);
    });
    this.recorder.addEventListener('error', (event) => {
      this.interrupt('recorder', (event as Event & { error?: unknown }).error);
    });
    for (const track of stream.getTracks()) {
      track.addEventListener('ended', () => this.interrupt('device'), { once: true });
    }
    this.recorder.start(timesliceMs);
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
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
    const durationMs = Math.min(maxDurationMs, Math.round(this.elapsedMs()));
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    await this.stopped;
    await this.queue.drain();
    return repeatIfUnreachable(
      () => call('recordings.stop', { recordingId: this.recording.id, durationMs }),
      { ranBefore: () => this.closedAlready() },
    );
  }

  /**
   * Appends one chunk. A chunk sent again after a lost answer is refused as a conflict that
   * expects the next one: that refusal says the chunk was written the first time.
   */
  private async append(seq: number, data: Uint8Array<ArrayBuffer>): Promise<void> {
    await repeatIfUnreachable(
      async () => {
        await call('recordings.appendChunk', { recordingId: this.recording.id, seq, data });
        return 'written' as const;
      },
      {
        ranBefore: async (refusal) =>
          refusal instanceof ApiError &&
          refusal.code === 'conflict' &&
          refusal.details?.expected === seq + 1
            ? ('written' as const)
            : undefined,
      },
    );
  }

  /** The recording as main has it, if an earlier attempt to stop it did close it. */
  private async closedAlready(): Promise<Recording | undefined> {
    const hearing = await call('hearings.get', { hearingId: this.recording.hearingId });
    return hearing.recordings.find((r) => r.id === this.recording.id && r.status !== 'recording');
  }

  private interrupt(why: Interruption, error?: unknown): void {
    // A write that fails while stopping still matters: the end of the recording is missing.
    if (this.interrupted || (this.finishing && why !== 'append')) return;
    this.interrupted = true;
    this.onInterrupted(why, error);
  }
}
