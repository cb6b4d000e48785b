import { z } from 'zod';
import { id, isoDate } from '../api/schemas';

export const recordingStatus = z.enum(['recording', 'complete', 'interrupted']);
export type RecordingStatus = z.infer<typeof recordingStatus>;

/**
 * Why a recording ended, kept with it and printed in the written record. `page_lost`: the page
 * that recorded went away (reloaded, closed, crashed) and main closed the segment itself.
 */
export const stopReasons = [
  'stopped',
  'consent_withdrawn',
  'device_lost',
  'storage_full',
  'page_lost',
  'interrupted',
] as const;
export type StopReason = (typeof stopReasons)[number];

/** Work that takes seconds and writes a hearing's files; the seal waits for none of it, it refuses. */
export const hearingJobKinds = ['working_copy', 'written_record'] as const;
export type HearingJobKind = (typeof hearingJobKinds)[number];
export const hearingJob = z.object({
  kind: z.enum(hearingJobKinds),
  /** The segment a working copy is made for; null for the written record. */
  segment: z.number().int().positive().nullable(),
  startedAt: z.string(),
});
export type HearingJob = z.infer<typeof hearingJob>;

export const recording = z.object({
  id,
  hearingId: id,
  segment: z.number().int().positive(),
  status: recordingStatus,
  /** Why it ended (one of `stopReasons`); null while it runs. */
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
  /** The instant the hearing is planned for (ISO with offset), or null when it is not planned. */
  plannedAt: z.string().nullable(),
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
  /** What main is still writing for the hearing (a working copy, the written record). */
  jobs: z.array(hearingJob),
});
export type Hearing = z.infer<typeof hearing>;

/** The fields of a hearing that can be corrected before the seal, with a reason. */
export const correctableFields = ['caseReference', 'minorName', 'dateOfBirth'] as const;
export type CorrectableField = (typeof correctableFields)[number];

/**
 * One entry of a hearing's history of corrections: a corrected field, or `plannedAt` for a
 * hearing planned again. Old and new values stay here, in the hearing's own record; the audit
 * chain keeps only the field and digests.
 */
export const hearingCorrection = z.object({
  id,
  hearingId: id,
  field: z.enum([...correctableFields, 'plannedAt']),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string(),
  correctedBy: z.string(),
  /** The display name of the person who made it, when the account still exists. */
  correctedByName: z.string().nullable(),
  correctedAt: z.string(),
  /** After the seal a correction is a signed addendum: its number. */
  addendum: z.number().int().positive().optional(),
});
export type HearingCorrection = z.infer<typeof hearingCorrection>;

/** What stays of a removed hearing: who removed it, when and why. No data of the person heard. */
export const hearingRemoval = z.object({
  hearingId: id,
  removedAt: z.string(),
  removedBy: z.string(),
  removedByName: z.string().nullable(),
  reason: z.string(),
});
export type HearingRemoval = z.infer<typeof hearingRemoval>;
