import { ApiError, conflict } from '../../shared/api/errors';
import type { CallerContext } from '../../shared/api/caller';
import type { SealBlocker, SealPreview } from '../../shared/api/contract';
import type { EventLog } from './events';
import type { HearingQueue } from './hearing-queue';
import type { ProcedureService } from './procedure';
import type { RecordingService } from './recordings';
import type { SealService, SealSummary } from './seal/seal-service';
import type { WrittenRecordService } from './written-record/service';

type Who = Pick<CallerContext, 'userId' | 'role'>;

export interface HearingSealingDeps {
  queue: HearingQueue;
  recordings: RecordingService;
  procedure: ProcedureService;
  events: EventLog;
  writtenRecords: WrittenRecordService;
  seals: SealService;
  clock?: () => Date;
}

/**
 * Seals only what is complete. A hearing is sealed in its turn, after every change queued before
 * it, and only when nothing is still being recorded or written for it, when it has at least one
 * recording with its working copy (or a recorded decision not to record), and with a written
 * record printed from the hearing as it is (printed again here when it is older). Items the rules
 * still flag need a typed reason, which goes into the seal.
 */
export class HearingSealing {
  private readonly clock: () => Date;

  constructor(private readonly deps: HearingSealingDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** What a seal would cover now, and what stands in its way: for the confirmation. */
  preview(hearingId: string): SealPreview {
    const { recordings, procedure, events, writtenRecords, seals, queue } = this.deps;
    procedure.assertNotSealed(hearingId);
    const segments = recordings.listForHearing(hearingId).map((r) => ({
      segment: r.segment,
      status: r.status,
      stopReason: r.stopReason,
      durationMs: r.durationMs,
      sizeBytes: r.sizeBytes,
      workingCopy: r.workingUrl !== null,
    }));
    const draft = procedure.draft(hearingId);
    const decisionNotToRecord = Boolean(draft.order?.decisionNotToRecord);
    const blockers: SealBlocker[] = [];
    if (seals.sealOf(hearingId)) blockers.push({ reason: 'sealed', segment: null });
    for (const s of segments) if (s.status === 'recording') blockers.push({ reason: 'recording', segment: s.segment });
    for (const job of queue.running(hearingId)) {
      blockers.push({ reason: job.kind === 'working_copy' ? 'deriving' : 'printing', segment: job.segment });
    }
    const deriving = new Set(queue.running(hearingId).map((j) => j.segment));
    for (const s of segments) {
      if (s.status !== 'recording' && s.sizeBytes > 0 && !s.workingCopy && !deriving.has(s.segment)) {
        blockers.push({ reason: 'working_copy_missing', segment: s.segment });
      }
    }
    if (!segments.some((s) => s.workingCopy) && !decisionNotToRecord && !blockers.length) {
      blockers.push({ reason: 'no_recording', segment: null });
    }
    const at = draft.hearingStart ? new Date(draft.hearingStart) : this.clock();
    const { unmet, openForSealing } = procedure.evaluateFor(hearingId, at);
    return {
      hearingId,
      segments,
      eventCount: events.list(hearingId).length,
      writtenRecord: writtenRecords.state(hearingId),
      decisionNotToRecord,
      unmet,
      openForSealing,
      blockers,
    };
  }

  /** Seals the hearing in its turn; refuses, naming each reason, when it is not complete. */
  seal(hearingId: string, reason: string | undefined, ctx: Who): Promise<SealSummary> {
    const { queue, writtenRecords, seals } = this.deps;
    return queue.run(hearingId, async () => {
      this.deps.procedure.assertNotSealed(hearingId);
      queue.assertIdle(hearingId, 'seal');
      const preview = this.preview(hearingId);
      if (preview.blockers.length > 0) {
        throw conflict('seal_incomplete', `The hearing cannot be sealed yet: ${preview.blockers.map(describe).join('; ')}.`, {
          blockers: preview.blockers,
        });
      }
      const why = reason?.trim() ?? '';
      // What blocks the recording and what the sealing gate finds open: both need the reason.
      const open = [...preview.unmet, ...preview.openForSealing];
      if (open.length > 0 && why === '') {
        throw conflict(
          'seal_incomplete',
          `The rules still flag ${open.length} item(s) (${open.map((u) => u.code).join(', ')}). To seal the hearing all the same, give the reason; it is kept in the seal.`,
          { unmet: preview.unmet, openForSealing: preview.openForSealing, reasonRequired: true },
        );
      }
      if (!preview.writtenRecord?.upToDate) {
        try {
          await writtenRecords.generateInTurn(hearingId, preview.writtenRecord?.language, ctx);
        } catch (err) {
          const cause = err instanceof Error ? err.message : String(err);
          throw new ApiError('conflict', `The written record had to be printed again before sealing and could not be: ${cause} Nothing was sealed.`, {
            details: { reason: 'seal_incomplete', blockers: [{ reason: 'written_record', segment: null }] },
          });
        }
      }
      return seals.seal(hearingId, ctx, {
        ...(open.length > 0 ? { openItems: { codes: open.map((u) => u.code), reason: why } } : {}),
        // The last word, inside the seal's transaction: nothing started meanwhile, nothing changed.
        guard: () => {
          queue.assertIdle(hearingId, 'seal');
          if (!writtenRecords.state(hearingId)?.upToDate) {
            throw conflict('seal_incomplete', 'The hearing changed while it was being sealed. Seal it again.');
          }
        },
      });
    });
  }
}

function describe(b: SealBlocker): string {
  const segment = `segment ${b.segment ?? '?'}`;
  switch (b.reason) {
    case 'sealed':
      return 'it is already sealed';
    case 'recording':
      return `${segment} is still being recorded: stop it first`;
    case 'deriving':
      return `the working copy of ${segment} is being made: wait until it is done`;
    case 'printing':
      return 'the written record is being printed: wait until it is done';
    case 'working_copy_missing':
      return `${segment} has no working copy: make it again first`;
    case 'no_recording':
      return 'there is no recording, and no decision not to record';
    case 'written_record':
      return 'the written record could not be printed';
  }
}
