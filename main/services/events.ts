import { randomUUID } from 'node:crypto';
import type { CallerContext } from '../../shared/api/caller';
import type { EventKind, HearingEvent } from '../../shared/domain/events';
import type { Db } from './db/database';

interface EventRow {
  id: string;
  hearing_id: string;
  seq: number;
  kind: EventKind;
  at: string;
  recording_id: string | null;
  offset_ms: number | null;
  details: string;
  recorded_by: string;
}

export interface RunningRecording {
  id: string;
  startedAt: string;
}

/**
 * The hearing's event log: append-only (triggers refuse UPDATE and DELETE), numbered per hearing,
 * each event with its wall-clock time and its time into the running recording, pauses excluded.
 */
export class EventLog {
  constructor(private readonly db: Db) {}

  add(
    hearingId: string,
    kind: EventKind,
    details: Record<string, unknown>,
    ctx: Pick<CallerContext, 'userId'>,
    recording: RunningRecording | null,
    at: Date,
  ): HearingEvent {
    return this.db.transaction(() => {
      const seq =
        ((this.db.prepare('SELECT MAX(seq) FROM hearing_events WHERE hearing_id = ?').pluck().get(hearingId) as
          | number
          | null) ?? 0) + 1;
      const offsetMs = recording ? this.offsetInto(recording, at) : null;
      const row: EventRow = {
        id: randomUUID(),
        hearing_id: hearingId,
        seq,
        kind,
        at: at.toISOString(),
        recording_id: recording?.id ?? null,
        offset_ms: offsetMs,
        details: JSON.stringify(details),
        recorded_by: ctx.userId,
      };
      this.db
        .prepare(
          `INSERT INTO hearing_events (id, hearing_id, seq, kind, at, recording_id, offset_ms, details, recorded_by)
           VALUES (@id, @hearing_id, @seq, @kind, @at, @recording_id, @offset_ms, @details, @recorded_by)`,
        )
        .run(row);
      return toEvent(row);
    })();
  }

  list(hearingId: string): HearingEvent[] {
    const rows = this.db
      .prepare('SELECT * FROM hearing_events WHERE hearing_id = ? ORDER BY seq')
      .all(hearingId) as EventRow[];
    return rows.map(toEvent);
  }

  /** Whether the recording is paused now: its last pause or resume event was a pause. */
  isPaused(recordingId: string): boolean {
    const last = this.db
      .prepare(
        "SELECT kind FROM hearing_events WHERE recording_id = ? AND kind IN ('paused', 'resumed') ORDER BY seq DESC LIMIT 1",
      )
      .pluck()
      .get(recordingId);
    return last === 'paused';
  }

  /** Milliseconds of recording between its start and `at`, without the time it was paused. */
  offsetInto(recording: RunningRecording, at: Date): number {
    const toggles = this.db
      .prepare(
        "SELECT kind, at FROM hearing_events WHERE recording_id = ? AND kind IN ('paused', 'resumed') ORDER BY seq",
      )
      .all(recording.id) as Array<{ kind: 'paused' | 'resumed'; at: string }>;
    let paused = 0;
    let pausedSince: number | null = null;
    for (const t of toggles) {
      const ms = Date.parse(t.at);
      if (t.kind === 'paused' && pausedSince === null) pausedSince = ms;
      if (t.kind === 'resumed' && pausedSince !== null) {
        paused += ms - pausedSince;
        pausedSince = null;
      }
    }
    if (pausedSince !== null) paused += at.getTime() - pausedSince;
    return Math.max(0, at.getTime() - Date.parse(recording.startedAt) - paused);
  }
}

function toEvent(row: EventRow): HearingEvent {
  return {
    id: row.id,
    hearingId: row.hearing_id,
    seq: row.seq,
    kind: row.kind,
    at: row.at,
    recordingId: row.recording_id,
    offsetMs: row.offset_ms,
    details: JSON.parse(row.details) as Record<string, unknown>,
    recordedBy: row.recorded_by,
  };
}
