import { conflict } from '../../shared/api/errors';
import type { HearingJob, HearingJobKind } from '../../shared/domain/hearing';

/**
 * One writer per hearing. Every change to a hearing and its files runs through `run`, one at a
 * time for that hearing (other hearings and every read go on meanwhile). Work that takes seconds
 * (a working copy, a printed written record) is not held in the queue, or a mark or a new segment
 * would wait behind it: it is registered as a job instead, so that the seal, which runs in the
 * queue, sees it and refuses to close a hearing whose files are still being written.
 */
export class HearingQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly jobs = new Map<string, Set<HearingJob>>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** Runs `work` after every change already queued for the hearing; its result or error is the caller's. */
  run<T>(hearingId: string, work: () => T | Promise<T>): Promise<T> {
    const previous = this.tails.get(hearingId) ?? Promise.resolve();
    const result = previous.then(work, work);
    // The queue goes on whatever this change's outcome; the caller sees the outcome.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(hearingId, tail);
    void tail.then(() => {
      if (this.tails.get(hearingId) === tail) this.tails.delete(hearingId);
    });
    return result;
  }

  /**
   * Registers a long job on the hearing until `done` is called. A second job of the same kind on
   * the same subject is refused: two derivations of one working copy would write one file twice.
   */
  begin(hearingId: string, kind: HearingJobKind, segment: number | null = null): () => void {
    const running = this.jobs.get(hearingId) ?? new Set<HearingJob>();
    const same = [...running].find((j) => j.kind === kind && j.segment === segment);
    if (same) {
      throw conflict('busy', jobSentence(same), { job: same });
    }
    const job: HearingJob = { kind, segment, startedAt: this.clock().toISOString() };
    running.add(job);
    this.jobs.set(hearingId, running);
    return () => {
      running.delete(job);
      if (running.size === 0 && this.jobs.get(hearingId) === running) this.jobs.delete(hearingId);
    };
  }

  /** The long jobs running on a hearing now, oldest first. */
  running(hearingId: string): HearingJob[] {
    return [...(this.jobs.get(hearingId) ?? [])];
  }

  /** Refuses, naming the job, when anything is still being written for the hearing. */
  assertIdle(hearingId: string, doing: string): void {
    const [job] = this.running(hearingId);
    if (job) {
      throw conflict('busy', `${jobSentence(job)} Wait until it is done, then ${doing} again.`, { job });
    }
  }
}

function jobSentence(job: HearingJob): string {
  const what =
    job.kind === 'working_copy'
      ? `The working copy of segment ${job.segment ?? '?'} is being made`
      : 'The written record is being printed';
  return `${what} (since ${job.startedAt}).`;
}
