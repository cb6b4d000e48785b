import { z } from 'zod';
import { id, isoDate } from '../api/schemas';

export const recordingStatus = z.enum(['recording', 'complete', 'interrupted']);
export type RecordingStatus = z.infer<typeof recordingStatus>;

export const recording = z.object({
  id,
  hearingId: id,
  segment: z.number().int().positive(),
  status: recordingStatus,
  /** Why it ended: stopped, consent_withdrawn, device_lost, storage_full or interrupted (a crash). */
  stopReason: z.string().nullable(),
  mimeType: z.string(),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  chunkCount: z.number().int().nonnegative(),
  sha256: z.string().nullable(),
  /** Path of the media handler that serves the bytes, relative to the app origin. */
  masterUrl: z.string(),
  /** The seekable working copy derived from the master, once it exists. */
  workingUrl: z.string().nullable(),
});
export type Recording = z.infer<typeof recording>;

export const hearingStatus = z.enum(['draft', 'recording', 'recorded', 'sealed']);
export type HearingStatus = z.infer<typeof hearingStatus>;

export const hearingSummary = z.object({
  id,
  caseReference: z.string(),
  minorName: z.string(),
  /** A date, or for an assessed age an ISO 8601 interval of dates (`earliest/latest`). */
  dateOfBirth: z.string(),
  hearingDate: isoDate,
  status: hearingStatus,
  createdAt: z.string(),
  recordingCount: z.number().int().nonnegative(),
});
export type HearingSummary = z.infer<typeof hearingSummary>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What a seal fixed: when, the manifest's digest, the key that signed it, where the audit chain stood. */
export const sealSummary = z.object({
  hearingId: id,
  sealedAt: z.string(),
  manifestSha256: sha256,
  keyFingerprint: sha256,
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: sha256 }),
  recordingCount: z.number().int().nonnegative(),
});
export type SealSummary = z.infer<typeof sealSummary>;

export const hearing = hearingSummary.extend({
  recordings: z.array(recording),
  /** The seal, once the hearing is sealed. */
  seal: sealSummary.nullable(),
});
export type Hearing = z.infer<typeof hearing>;
