import { canonicalJson } from '../../../shared/canonical-json';
import type { SealManifest } from './format';
import type { Check } from './verify';

export interface RecordingRow {
  id: string;
  hearing_id: string;
  segment: number;
  status: string;
  mime_type: string;
  master_file: string;
  working_file: string | null;
  started_at: string;
  stopped_at: string | null;
  duration_ms: number | null;
  size_bytes: number;
  chunk_count: number;
  sha256: string | null;
  /** Added by migration 3; absent from older databases. */
  stop_reason?: string | null;
}

export interface SealRow {
  hearing_id: string;
  sealed_at: string;
  sealed_by: string;
  manifest: string;
  manifest_sha256: string;
  signature: string;
  key_fingerprint: string;
  audit_seq: number;
  audit_hash: string;
}

export interface DatabaseNow {
  hearing: Record<string, unknown>;
  recordings: RecordingRow[];
  chunkCounts: Map<string, number>;
  seal: SealRow;
  /** SHA-256 and signature of the manifest files in the hearing folder, when present. */
  files: { manifestSha256: string | null; signature: string | null };
  installationKey: string;
}

const shown = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));
const same = (a: unknown, b: unknown) =>
  a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);

/**
 * What the database says now, field by field against the signed manifest: a value changed in the
 * database behind the application's back is named, with the sealed and the current value.
 */
export function compareWithDatabase(manifest: SealManifest, now: DatabaseNow): Check[] {
  const checks: Check[] = [];
  const report = (what: string, diffs: string[], okDetail: string) =>
    checks.push({
      what,
      ok: diffs.length === 0,
      detail: diffs.length === 0 ? okDetail : `changed after sealing: ${diffs.join('; ')}.`,
    });

  const hearingDiffs: string[] = [];
  for (const key of new Set([...Object.keys(manifest.hearing), ...Object.keys(now.hearing)])) {
    const sealed = manifest.hearing[key];
    const current = now.hearing[key];
    // A column added by a later migration is not a change, as long as it holds nothing.
    if (sealed === undefined && (current === null || current === undefined)) continue;
    if (!same(sealed, current))
      hearingDiffs.push(`${key}: sealed ${shown(sealed)}, database now ${shown(current)}`);
  }
  report('Database: hearing', hearingDiffs, 'Every field of the hearing is as sealed.');

  const rows = new Map(now.recordings.map((r) => [r.id, r]));
  for (const r of manifest.recordings) {
    const row = rows.get(r.id);
    const what = `Database: recording segment ${r.segment}`;
    if (!row) {
      checks.push({ what, ok: false, detail: `recording ${r.id} is no longer in the database.` });
      continue;
    }
    rows.delete(r.id);
    const fields: Array<[string, unknown, unknown]> = [
      ['segment (recordings.segment)', r.segment, row.segment],
      ['status (recordings.status)', r.status, row.status],
      ['stop reason (recordings.stop_reason)', r.stopReason, row.stop_reason ?? null],
      ['media type (recordings.mime_type)', r.mimeType, row.mime_type],
      ['start (recordings.started_at)', r.startedAt, row.started_at],
      ['stop (recordings.stopped_at)', r.stoppedAt, row.stopped_at],
      ['duration (recordings.duration_ms)', r.durationMs, row.duration_ms],
      ['master file (recordings.master_file)', r.master.name, row.master_file],
      ['master SHA-256 (recordings.sha256)', r.master.sha256, row.sha256],
      ['master size (recordings.size_bytes)', r.master.sizeBytes, row.size_bytes],
      ['chunk count (recordings.chunk_count)', r.master.chunkCount, row.chunk_count],
      ['chunks recorded (recording_chunks)', r.master.chunkCount, now.chunkCounts.get(r.id) ?? 0],
      ['working copy (recordings.working_file)', r.working?.name ?? null, row.working_file],
    ];
    report(
      what,
      fields
        .filter(([, a, b]) => !same(a, b))
        .map(([name, a, b]) => `${name}: sealed ${shown(a)}, database now ${shown(b)}`),
      `Recording ${r.id} is as sealed.`,
    );
  }
  for (const row of rows.values()) {
    checks.push({
      what: `Database: recording segment ${row.segment}`,
      ok: false,
      detail: `recording ${row.id} (${row.master_file}) was added after sealing.`,
    });
  }

  const s = now.seal;
  const sealDiffs: Array<[string, unknown, unknown]> = [
    ['sealing time (seals.sealed_at)', manifest.sealedAt, s.sealed_at],
    ['key fingerprint (seals.key_fingerprint)', manifest.key.fingerprint, s.key_fingerprint],
    ['audit head (seals.audit_seq)', manifest.audit.head.seq, s.audit_seq],
    ['audit head hash (seals.audit_hash)', manifest.audit.head.hash, s.audit_hash],
    [
      'manifest SHA-256 (seals.manifest_sha256), against manifest.json',
      s.manifest_sha256,
      now.files.manifestSha256,
    ],
    ['signature (seals.signature), against manifest.sig', s.signature, now.files.signature],
  ];
  report(
    'Database: seal record',
    sealDiffs
      .filter(([, a, b]) => !same(a, b))
      .map(([name, a, b]) => `${name}: sealed ${shown(a)}, now ${shown(b)}`),
    'The seal recorded in the database matches manifest.json and manifest.sig.',
  );
  checks.push({
    what: 'Installation key',
    ok: manifest.key.fingerprint === now.installationKey,
    detail:
      manifest.key.fingerprint === now.installationKey
        ? "The seal was made with this installation's signing key."
        : `The seal was not made with this installation's signing key (sealed with ${manifest.key.fingerprint}, the installation has ${now.installationKey}). If the key was replaced since, compare the seal's fingerprint with the one in the written record.`,
  });
  return checks;
}
