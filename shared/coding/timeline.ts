import type { HearingEvent } from '../domain/events';
import type { Recording } from '../domain/hearing';

/**
 * One timeline for a hearing recorded in several segments. The segments are laid end to end in
 * the order of their numbers, each starting where the previous one's media ends: position =
 * the segment's start + the offset into its recording (pauses excluded, as main counts
 * `offsetMs`). The time between two segments has no media, so it takes no room on the timeline;
 * it is a gap at the boundary that carries its wall-clock length, to be shown, not played.
 * Annotations keep positions on this timeline; events are placed on it from their recording and
 * offset.
 */
export interface TimelineSegment {
  recordingId: string;
  segment: number;
  startMs: number;
  /** Null while the segment is still recording: it is then the last one and open-ended. */
  durationMs: number | null;
  startedAt: string;
  stoppedAt: string | null;
  mimeType: string;
  workingUrl: string | null;
}

export interface TimelineGap {
  /** The boundary on the timeline: the end of the segment before, the start of the one after. */
  atMs: number;
  afterSegment: number;
  beforeSegment: number;
  /** Wall-clock time between the stop of one and the start of the next; null if unknown. */
  wallClockMs: number | null;
}

export interface HearingTimeline {
  segments: TimelineSegment[];
  gaps: TimelineGap[];
  /** The sum of the durations; null while the last segment records. */
  durationMs: number | null;
}

/**
 * Lays out a hearing's recordings. Only the last segment may lack a duration (the one still
 * recording: main gives every closed or recovered segment its duration); any other without one
 * would leave the later segments with no place, and is refused.
 */
export function hearingTimeline(recordings: readonly Recording[]): HearingTimeline {
  const ordered = [...recordings].sort((a, b) => a.segment - b.segment);
  const segments: TimelineSegment[] = [];
  const gaps: TimelineGap[] = [];
  let position = 0;
  ordered.forEach((r, index) => {
    const last = index === ordered.length - 1;
    if (r.durationMs === null && !last) {
      throw new RangeError(
        `Segment ${r.segment} has no duration but is followed by segment ${ordered[index + 1]?.segment}: the timeline cannot place what follows it.`,
      );
    }
    const previous = segments[segments.length - 1];
    if (previous) {
      const stop = previous.stoppedAt === null ? NaN : Date.parse(previous.stoppedAt);
      const wallClockMs = Date.parse(r.startedAt) - stop;
      gaps.push({
        atMs: position,
        afterSegment: previous.segment,
        beforeSegment: r.segment,
        wallClockMs: Number.isFinite(wallClockMs) ? Math.max(0, wallClockMs) : null,
      });
    }
    segments.push({
      recordingId: r.id,
      segment: r.segment,
      startMs: position,
      durationMs: r.durationMs,
      startedAt: r.startedAt,
      stoppedAt: r.stoppedAt,
      mimeType: r.mimeType,
      workingUrl: r.workingUrl,
    });
    position += r.durationMs ?? 0;
  });
  const open = segments.some((s) => s.durationMs === null);
  return { segments, gaps, durationMs: open ? null : position };
}

/** The end of a segment on the timeline; Infinity for the one still recording. */
export const segmentEndMs = (segment: TimelineSegment): number =>
  segment.durationMs === null ? Infinity : segment.startMs + segment.durationMs;

/**
 * The segment a position falls in, and the offset into its recording. A boundary belongs to
 * the segment that starts there; a position past the end belongs to the last segment (a working
 * copy may run a few milliseconds longer than the duration main recorded).
 */
export function locate(
  timeline: HearingTimeline,
  positionMs: number,
): { segment: TimelineSegment; offsetMs: number } | null {
  if (positionMs < 0) return null;
  const found =
    timeline.segments.find((s) => positionMs < segmentEndMs(s)) ??
    timeline.segments[timeline.segments.length - 1];
  return found ? { segment: found, offsetMs: positionMs - found.startMs } : null;
}

export interface PlacedEvent {
  event: HearingEvent;
  atMs: number;
}

/**
 * The events of the log that have a place on the timeline. Events outside any recording (an
 * attendee arriving before the first start) have no offset: they are returned apart, for the
 * caller to show or list, never moved to a guessed place.
 */
export function placeEvents(
  timeline: HearingTimeline,
  events: readonly HearingEvent[],
): { placed: PlacedEvent[]; unplaced: HearingEvent[] } {
  const placed: PlacedEvent[] = [];
  const unplaced: HearingEvent[] = [];
  for (const event of events) {
    const segment = timeline.segments.find((s) => s.recordingId === event.recordingId);
    if (segment && event.offsetMs !== null)
      placed.push({ event, atMs: segment.startMs + event.offsetMs });
    else unplaced.push(event);
  }
  placed.sort((a, b) => a.atMs - b.atMs || a.event.seq - b.event.seq);
  return { placed, unplaced };
}
