import { canonicalJson } from '../../../shared/canonical-json';
import type { SealManifest } from './format';
import type { Check, CheckCode } from './verify';

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

const same = (a: unknown, b: unknown) =>
  a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);
/** A value is shown up to this many characters: enough to recognise it, short enough to read. */
const maxShownChars = 80;
const maxChangesListed = 20;

function shown(v: unknown): string {
  if (v === undefined) return '(absent)';
  const text = JSON.stringify(v);
  return text.length > maxShownChars ? `${text.slice(0, maxShownChars - 1)}…` : text;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON kept as text in a column (the procedure), parsed so that its fields compare one by one. */
function parsedIfJson(v: unknown): unknown {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/**
 * Each leaf that differs between the sealed value and the current one, named by its path
 * (`procedure.consent.at`) with both values, so that a change reads as the field that changed.
 */
export function changedFields(path: string, sealed: unknown, current: unknown): string[] {
  const a = parsedIfJson(sealed);
  const b = parsedIfJson(current);
  const at = (key: string | number) =>
    typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
  let inner: string[] | null = null;
  if (isRecord(a) && isRecord(b)) {
    inner = [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) =>
      changedFields(at(k), a[k], b[k]),
    );
  } else if (Array.isArray(a) && Array.isArray(b)) {
    inner = Array.from({ length: Math.max(a.length, b.length) }, (_, i) =>
      changedFields(at(i), a[i], b[i]),
    ).flat();
  }
  if (inner !== null && inner.length > 0) return inner;
  if (same(sealed, current)) return [];
  // Text that holds the same JSON, written differently, is still not what was sealed.
  const how = inner === null ? '' : ' (the same content, written differently)';
  return [`${path}: sealed ${shown(sealed)}, database now ${shown(current)}${how}`];
}

function listed(changes: string[]): string {
  const shownChanges = changes.slice(0, maxChangesListed).join('; ');
  return changes.length > maxChangesListed
    ? `${shownChanges}; and ${changes.length - maxChangesListed} more`
    : shownChanges;
}

/**
 * What the database says now, field by field against the signed manifest: a value changed in the
 * database behind the application's back is named, with the sealed and the current value.
 */
export function compareWithDatabase(manifest: SealManifest, now: DatabaseNow): Check[] {
  const checks: Check[] = [];
  const push = (code: CheckCode, what: string, ok: boolean, detail: string) =>
    checks.push({ code, ok, done: true, what, detail });
  const report = (code: CheckCode, what: string, diffs: string[], okDetail: string) =>
    push(
      code,
      what,
      diffs.length === 0,
      diffs.length === 0 ? okDetail : `changed after sealing: ${listed(diffs)}.`,
    );

  const hearingDiffs: string[] = [];
  for (const key of new Set([...Object.keys(manifest.hearing), ...Object.keys(now.hearing)])) {
    const sealed = manifest.hearing[key];
    const current = now.hearing[key];
    // A column added by a later migration is not a change, as long as it holds nothing.
    if (sealed === undefined && (current === null || current === undefined)) continue;
    hearingDiffs.push(...changedFields(key, sealed, current));
  }
  report(
    'db.hearing',
    'Database: hearing',
    hearingDiffs,
    'Every field of the hearing is as sealed.',
  );

  const rows = new Map(now.recordings.map((r) => [r.id, r]));
  for (const r of manifest.recordings) {
    const row = rows.get(r.id);
    const what = `Database: recording segment ${r.segment}`;
    if (!row) {
      push('db.recording', what, false, `recording ${r.id} is no longer in the database.`);
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
      'db.recording',
      what,
      fields
        .filter(([, a, b]) => !same(a, b))
        .map(([name, a, b]) => `${name}: sealed ${shown(a)}, database now ${shown(b)}`),
      `Recording ${r.id} is as sealed.`,
    );
  }
  for (const row of rows.values()) {
    push(
      'db.recording',
      `Database: recording segment ${row.segment}`,
      false,
      `recording ${row.id} (${row.master_file}) was added after sealing.`,
    );
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
    'db.seal',
    'Database: seal record',
    sealDiffs
      .filter(([, a, b]) => !same(a, b))
      .map(([name, a, b]) => `${name}: sealed ${shown(a)}, now ${shown(b)}`),
    'The seal recorded in the database matches manifest.json and manifest.sig.',
  );
  const sameKey = manifest.key.fingerprint === now.installationKey;
  push(
    'db.key',
    'Installation key',
    sameKey,
    sameKey
      ? "The seal was made with this installation's signing key."
      : `The seal was not made with this installation's signing key (sealed with ${manifest.key.fingerprint}, the installation has ${now.installationKey}). If the key was replaced since, compare the seal's fingerprint with the one the registry holds.`,
  );
  return checks;
}
