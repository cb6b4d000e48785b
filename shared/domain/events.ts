import { z } from 'zod';
import { id, nonEmptyText } from '../api/schemas';

/**
 * What happens during a hearing, kept with the wall-clock time and the time into the recording.
 * Some are written by main itself (start, stop, consent withdrawn, a device lost); the others
 * come from the people running the hearing.
 */
export const eventKinds = [
  'recording_started',
  'recording_stopped',
  'paused',
  'resumed',
  'interruption',
  'attendee_arrived',
  'attendee_left',
  'question_from_control_room',
  'mark',
  'technical_incident',
  'consent_withdrawn',
  'pause_explained',
] as const;
export type EventKind = (typeof eventKinds)[number];

const reason = nonEmptyText(1000);
const decidedBy = nonEmptyText(200);

/**
 * The events a person adds; each kind says what it must hold. A pause takes effect at once and
 * its reason may follow: the log is append-only, so the reason comes as a `pause_explained`
 * event naming the pause by its sequence number.
 */
export const newEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mark'), label: z.string().trim().max(200).nullish() }).strict(),
  z
    .object({
      kind: z.literal('paused'),
      reason: reason.optional(),
      decidedBy: decidedBy.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('pause_explained'),
      pauseSeq: z.number().int().positive(),
      reason,
      decidedBy,
    })
    .strict(),
  z.object({ kind: z.literal('resumed') }).strict(),
  z.object({ kind: z.literal('interruption'), reason, decidedBy }).strict(),
  z.object({ kind: z.literal('attendee_arrived'), attendeeId: id }).strict(),
  z.object({ kind: z.literal('attendee_left'), attendeeId: id }).strict(),
  z
    .object({
      kind: z.literal('question_from_control_room'),
      text: nonEmptyText(2000),
      from: nonEmptyText(200),
    })
    .strict(),
  z.object({ kind: z.literal('technical_incident'), description: nonEmptyText(2000) }).strict(),
]);
export type NewEvent = z.infer<typeof newEvent>;

export const hearingEvent = z.object({
  id,
  hearingId: id,
  seq: z.number().int().positive(),
  kind: z.enum(eventKinds),
  /** Wall-clock time, ISO 8601 UTC. */
  at: z.string(),
  recordingId: id.nullable(),
  /** Time into the recording (pauses excluded), when a recording was running. */
  offsetMs: z.number().int().nonnegative().nullable(),
  details: z.record(z.string(), z.unknown()),
  recordedBy: z.string(),
});
export type HearingEvent = z.infer<typeof hearingEvent>;

/** Why a pause happened and who decided it; `notedAt` is set when the reason came later. */
export interface PauseReason {
  reason: string;
  decidedBy: string;
  notedAt: string | null;
}

const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/**
 * The reason of each pause, by the pause's sequence number: given with the pause, or by the
 * `pause_explained` event that names it (main accepts one per pause, and none for a pause that
 * already has its reason). A pause without either has no entry.
 */
export function pauseReasons(events: readonly HearingEvent[]): Map<number, PauseReason> {
  const reasons = new Map<number, PauseReason>();
  for (const event of events) {
    const reason = textOf(event.details.reason);
    if (reason === null) continue;
    const decided = textOf(event.details.decidedBy) ?? '';
    if (event.kind === 'paused') {
      reasons.set(event.seq, { reason, decidedBy: decided, notedAt: null });
    } else if (event.kind === 'pause_explained' && typeof event.details.pauseSeq === 'number') {
      if (!reasons.has(event.details.pauseSeq)) {
        reasons.set(event.details.pauseSeq, { reason, decidedBy: decided, notedAt: event.at });
      }
    }
  }
  return reasons;
}
