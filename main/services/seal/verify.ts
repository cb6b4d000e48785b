/**
 * Checks a sealed hearing: the signature, every file's size and SHA-256, the audit chain, and
 * that the pieces belong together. Shared by the app and the standalone verifier, into which it is
 * bundled: it imports nothing but node:crypto, node:fs, node:path and its own format.
 */
import {
  createHash,
  createPublicKey,
  verify as verifySignature,
  type KeyObject,
} from 'node:crypto';
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  genesisHash,
  sealFiles,
  sealFormat,
  type AuditLine,
  type AuditLineFull,
  type SealManifest,
  type SealedFile,
} from './format';

export type Verdict = 'valid' | 'invalid' | 'unreadable';

export interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

export interface VerifyReport {
  verdict: Verdict;
  checks: Check[];
  /** What the seal says about itself, once manifest.json could be read. */
  seal?: {
    hearingId: string;
    caseReference: string | null;
    sealedAt: string;
    keyFingerprint: string;
  };
  /** Files present beside the seal that it does not cover: nothing vouches for their content. */
  notCovered: string[];
}

/** Where the sealed files are read from: a folder, or the app's media store. */
export interface SealSource {
  /** A small file, whole; null when it does not exist. */
  readFile(name: string): Promise<Uint8Array | null>;
  /** Size in bytes; null when the file does not exist. */
  size(name: string): Promise<number | null>;
  sha256(name: string): Promise<string>;
  /** The names present, to list what the seal does not cover; optional. */
  list?(): Promise<string[]>;
}

export interface VerifyOptions {
  /** The hearing these files must be; verifyFolder takes it from the folder's name when not given. */
  expectedHearingId?: string | null;
  /** Audit entries to check instead of audit.jsonl (the app passes its own log). */
  auditEntries?: readonly AuditLine[];
  /** A key fingerprint obtained independently (written record, registry): the seal must use it. */
  expectedFingerprint?: string;
}

const hashBufferBytes = 4 * 1024 * 1024;
const uuidAtEnd = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const plainName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
const maxProblemsListed = 12;

/**
 * SHA-256 of a file, read in large blocks into two reused buffers: the next block is read while
 * the current one is hashed, and no byte is copied on the way.
 */
export async function sha256File(path: string): Promise<{ sha256: string; sizeBytes: number }> {
  const file = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    let filling = Buffer.allocUnsafe(hashBufferBytes);
    let spare = Buffer.allocUnsafe(hashBufferBytes);
    let position = 0;
    let pending = file.read(filling, 0, hashBufferBytes, 0);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      const filled = filling;
      filling = spare;
      spare = filled;
      position += bytesRead;
      pending = file.read(filling, 0, hashBufferBytes, position);
      hash.update(filled.subarray(0, bytesRead));
    }
    return { sha256: hash.digest('hex'), sizeBytes: position };
  } finally {
    await file.close();
  }
}

/** RFC 8785 canonical JSON, as shared/canonical-json.ts gives it, without its library. */
export function canonicalJsonText(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error('A number that is not finite has no JSON form.');
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error('This value has no JSON form.');
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : canonicalJsonText(v))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJsonText(v)}`);
  }
  return `{${parts.join(',')}}`;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `3f2a9c1d…` as `3f2a 9c1d …`, for a person to compare. */
export function groupHex(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

export function folderSource(folder: string): SealSource {
  const path = (name: string) => join(folder, name);
  return {
    async readFile(name) {
      try {
        return new Uint8Array(await readFile(path(name)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async size(name) {
      try {
        const s = await stat(path(name));
        return s.isFile() ? s.size : null;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async sha256(name) {
      return (await sha256File(path(name))).sha256;
    },
    async list() {
      return (await readdir(folder, { withFileTypes: true }))
        .filter((d) => d.isFile())
        .map((d) => d.name);
    },
  };
}

/** Checks the sealed hearing in `folder` (an export, or a hearing folder of the app). */
export async function verifyFolder(
  folder: string,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const absolute = resolve(folder);
  const isDir = await stat(absolute).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir)
    return unreadable(
      `There is no folder at ${absolute}. Give the path of the unpacked export folder.`,
    );
  const fromName = uuidAtEnd.exec(basename(absolute))?.[1]?.toLowerCase() ?? null;
  return verifySeal(folderSource(absolute), {
    ...options,
    expectedHearingId: options.expectedHearingId ?? fromName,
  });
}

export async function verifySeal(
  source: SealSource,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const checks: Check[] = [];
  const add = (what: string, ok: boolean, detail: string) => checks.push({ what, ok, detail });

  const manifestBytes = await source.readFile(sealFiles.manifest);
  if (manifestBytes === null) {
    return unreadable(
      `${sealFiles.manifest} is missing: this is not a sealed hearing folder, or its seal was removed.`,
    );
  }
  const key = await checkSignature(source, manifestBytes, add);

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    return unreadable(
      `${sealFiles.manifest} is not valid JSON, so nothing can be checked against it.`,
      checks,
    );
  }
  const shapeProblem = manifestShapeProblem(parsed);
  if (shapeProblem)
    return unreadable(`${sealFiles.manifest} cannot be read as a seal: ${shapeProblem}.`, checks);
  const manifest = parsed as SealManifest;
  const manifestSha256 = sha256Hex(manifestBytes);

  const canonical = canonicalJsonText(manifest) === new TextDecoder().decode(manifestBytes);
  add(
    'Canonical form',
    canonical,
    `${sealFiles.manifest} is ${canonical ? '' : 'not '}written in canonical JSON (RFC 8785), as a seal is.`,
  );
  if (key) await checkKey(source, key, manifest, options.expectedFingerprint, add);
  checkHearingIdentity(manifest, options.expectedHearingId ?? null, add);
  await checkFiles(source, manifest, add);

  let lines: AuditLine[] | null = options.auditEntries ? [...options.auditEntries] : null;
  if (!lines) {
    const auditBytes = await source.readFile(sealFiles.audit);
    if (auditBytes === null) {
      add(
        'Audit log',
        false,
        `${sealFiles.audit} is missing: the history of the hearing cannot be checked.`,
      );
    } else {
      lines = parseAuditLines(new TextDecoder().decode(auditBytes), add);
    }
  }
  if (lines) checkAudit(lines, manifest, manifestSha256, add);

  const notCovered: string[] = [];
  if (source.list) {
    // The export's helper files are expected; the written record only counts when sealed.
    const known = new Set<string>(
      Object.values(sealFiles).filter((n) => n !== sealFiles.writtenRecord),
    );
    for (const r of manifest.recordings) {
      known.add(r.master.name);
      if (r.working) known.add(r.working.name);
    }
    for (const d of manifest.documents) known.add(d.name);
    for (const name of (await source.list()).sort()) if (!known.has(name)) notCovered.push(name);
  }

  const caseReference = manifest.hearing.caseReference;
  return {
    verdict: checks.every((c) => c.ok) ? 'valid' : 'invalid',
    checks,
    seal: {
      hearingId: manifest.hearingId,
      caseReference: typeof caseReference === 'string' ? caseReference : null,
      sealedAt: manifest.sealedAt,
      keyFingerprint: manifest.key.fingerprint,
    },
    notCovered,
  };
}

type Add = (what: string, ok: boolean, detail: string) => void;

function unreadable(reason: string, checks: Check[] = []): VerifyReport {
  return {
    verdict: 'unreadable',
    checks: [...checks, { what: 'Reading the seal', ok: false, detail: reason }],
    notCovered: [],
  };
}

async function checkSignature(
  source: SealSource,
  manifestBytes: Uint8Array,
  add: Add,
): Promise<KeyObject | null> {
  const pem = await source.readFile(sealFiles.publicKey);
  let key: KeyObject | null = null;
  if (pem === null) {
    add(
      'Signing key',
      false,
      `${sealFiles.publicKey} is missing: the signature cannot be checked.`,
    );
  } else {
    try {
      key = createPublicKey(Buffer.from(pem));
      if (key.asymmetricKeyType !== 'ed25519') {
        add(
          'Signing key',
          false,
          `${sealFiles.publicKey} holds a ${String(key.asymmetricKeyType)} key, not the Ed25519 key a seal uses.`,
        );
        key = null;
      }
    } catch {
      add('Signing key', false, `${sealFiles.publicKey} does not hold a readable public key.`);
    }
  }
  const sigBytes = await source.readFile(sealFiles.signature);
  if (sigBytes === null) {
    add(
      'Signature',
      false,
      `${sealFiles.signature} is missing: nothing shows that ${sealFiles.manifest} is genuine.`,
    );
    return key;
  }
  const text = new TextDecoder().decode(sigBytes).trim();
  const signature = /^[A-Za-z0-9+/]+={0,2}$/.test(text)
    ? Buffer.from(text, 'base64')
    : Buffer.alloc(0);
  if (signature.byteLength !== 64) {
    add(
      'Signature',
      false,
      `${sealFiles.signature} does not hold an Ed25519 signature (64 bytes written in base64).`,
    );
    return key;
  }
  if (!key) return null;
  const ok = verifySignature(null, manifestBytes, key, signature);
  add(
    'Signature',
    ok,
    ok
      ? `${sealFiles.manifest} carries a valid Ed25519 signature made with the key in ${sealFiles.publicKey}.`
      : `${sealFiles.manifest} does not match its signature in ${sealFiles.signature}: the manifest was changed after sealing, or it was signed with another key than the one in ${sealFiles.publicKey}.`,
  );
  return key;
}

async function checkKey(
  source: SealSource,
  key: KeyObject,
  manifest: SealManifest,
  expected: string | undefined,
  add: Add,
) {
  const found = sha256Hex(key.export({ type: 'spki', format: 'der' }));
  add(
    'Key fingerprint',
    found === manifest.key.fingerprint,
    found === manifest.key.fingerprint
      ? `The key in ${sealFiles.publicKey} has the fingerprint the seal records: ${groupHex(found)}.`
      : `The key in ${sealFiles.publicKey} is not the one the seal records: fingerprint expected ${groupHex(manifest.key.fingerprint)}, found ${groupHex(found)}.`,
  );
  if (expected !== undefined) {
    const want = expected.replace(/[\s:]/g, '').toLowerCase();
    add(
      'Expected key',
      want === found,
      want === found
        ? 'The seal was made with the key whose fingerprint you gave.'
        : `The seal was made with another key than the one you gave: expected ${groupHex(want)}, found ${groupHex(found)}.`,
    );
  }
  const txt = await source.readFile(sealFiles.fingerprint);
  if (txt !== null) {
    const shown = new TextDecoder().decode(txt).replace(/\s/g, '').toLowerCase();
    add(
      sealFiles.fingerprint,
      shown.includes(found),
      shown.includes(found)
        ? `It shows the fingerprint of ${sealFiles.publicKey}.`
        : `It does not show the fingerprint of ${sealFiles.publicKey} (${groupHex(found)}).`,
    );
  }
}

function checkHearingIdentity(manifest: SealManifest, expected: string | null, add: Add) {
  if (expected === null) {
    add(
      'Hearing',
      true,
      `The seal is for hearing ${manifest.hearingId}. The folder's name carries no hearing identifier to compare, so the audit entries identify the hearing.`,
    );
    return;
  }
  add(
    'Hearing',
    expected === manifest.hearingId,
    expected === manifest.hearingId
      ? `The seal is for hearing ${manifest.hearingId}, the hearing of this folder.`
      : `The seal is for hearing ${manifest.hearingId}, but this folder is hearing ${expected}: the seal belongs to another hearing.`,
  );
}

async function checkFiles(source: SealSource, manifest: SealManifest, add: Add) {
  for (const r of manifest.recordings) {
    await checkFile(source, `Master of segment ${r.segment}`, r.master, add);
    if (r.working) {
      await checkFile(source, `Working copy of segment ${r.segment}`, r.working, add);
      const d = r.working.derivation;
      add(
        `${r.working.name} derivation`,
        d.inputSha256 === r.master.sha256,
        d.inputSha256 === r.master.sha256
          ? `The working copy of segment ${r.segment} was derived by ${d.tool} ${d.toolVersion} from this segment's master.`
          : `The working copy of segment ${r.segment} was derived from a file with SHA-256 ${d.inputSha256}, not from this segment's master (${r.master.sha256}).`,
      );
    }
  }
  for (const d of manifest.documents)
    await checkFile(
      source,
      d.kind === 'written-record' ? 'Written record' : `Document (${d.kind})`,
      d,
      add,
    );
}

async function checkFile(source: SealSource, label: string, file: SealedFile, add: Add) {
  if (!plainName.test(file.name)) {
    add(
      label,
      false,
      `The seal names the file ${JSON.stringify(file.name)}, which is not a plain file name; it was not read.`,
    );
    return;
  }
  const size = await source.size(file.name);
  if (size === null) {
    add(
      file.name,
      false,
      `${label}: the file is missing (the seal records ${file.sizeBytes} bytes).`,
    );
    return;
  }
  if (size !== file.sizeBytes) {
    const how = size < file.sizeBytes ? 'shorter: it was cut' : 'longer: something was added';
    add(
      file.name,
      false,
      `${label}: size expected ${file.sizeBytes} bytes, found ${size}; the file is ${how}.`,
    );
    return;
  }
  const found = await source.sha256(file.name);
  add(
    file.name,
    found === file.sha256,
    found === file.sha256
      ? `${label}: ${size} bytes, SHA-256 ${found}, as sealed.`
      : `${label}: the content was changed (same size, ${size} bytes): SHA-256 expected ${file.sha256}, found ${found}.`,
  );
}

function parseAuditLines(text: string, add: Add): AuditLine[] {
  const lines: AuditLine[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const value = JSON.parse(line) as unknown;
      if (isAuditLine(value)) lines.push(value);
      else bad.push(i + 1);
    } catch {
      bad.push(i + 1);
    }
  });
  if (bad.length > 0) {
    add(
      'Audit log',
      false,
      `${sealFiles.audit}: ${listed(bad.map((n) => `line ${n}`))} ${bad.length === 1 ? 'is' : 'are'} not an audit entry.`,
    );
  }
  return lines;
}

function isAuditLine(v: unknown): v is AuditLine {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  if (!Number.isInteger(e.seq) || typeof e.prevHash !== 'string' || typeof e.hash !== 'string')
    return false;
  return e.redacted === true || (typeof e.action === 'string' && 'details' in e);
}

const isFull = (e: AuditLine): e is AuditLineFull => !('redacted' in e && e.redacted === true);

/**
 * The audit entries must run from entry 1 without a gap, each one's hash matching its content
 * and each one naming the hash of the one before; the seal's head must be among them; and every
 * entry of this hearing that the seal lists must be there in full, unchanged.
 */
function checkAudit(lines: AuditLine[], manifest: SealManifest, manifestSha256: string, add: Add) {
  const problems: string[] = [];
  const bySeq = new Map<number, AuditLine>();
  let maxSeq = 0;
  for (const e of lines) {
    if (bySeq.has(e.seq)) {
      problems.push(`entry ${e.seq} appears twice`);
      continue;
    }
    if (e.seq <= maxSeq)
      problems.push(`entry ${e.seq} is out of place: it comes after entry ${maxSeq}`);
    bySeq.set(e.seq, e);
    maxSeq = Math.max(maxSeq, e.seq);
  }
  let missingFrom: number | null = null;
  for (let seq = 1; seq <= maxSeq + 1; seq++) {
    const e = bySeq.get(seq);
    if (!e) {
      if (seq <= maxSeq) missingFrom ??= seq;
      continue;
    }
    if (missingFrom !== null) {
      problems.push(
        missingFrom === seq - 1
          ? `entry ${missingFrom} is missing`
          : `entries ${missingFrom} to ${seq - 1} are missing`,
      );
      missingFrom = null;
    }
    if (isFull(e)) {
      const { hash, ...body } = e;
      if (sha256Hex(canonicalJsonText(body)) !== hash)
        problems.push(`entry ${seq} was changed: its content no longer matches its hash`);
    }
    const before = seq === 1 ? { hash: genesisHash } : bySeq.get(seq - 1);
    if (before && e.prevHash !== before.hash) {
      problems.push(
        `entry ${seq} does not follow entry ${seq - 1}: the link between them was changed`,
      );
    }
  }
  const head = manifest.audit.head;
  const atHead = bySeq.get(head.seq);
  // A hearing sealed before any entry was written points at the genesis hash, before entry 1.
  const sealedOnEmptyLog = head.seq === 0 && head.hash === genesisHash;
  if (!sealedOnEmptyLog && !atHead)
    problems.push(`the entry the seal points to (entry ${head.seq}) is missing`);
  else if (atHead && atHead.hash !== head.hash) {
    problems.push(
      `entry ${head.seq} is not the entry the seal points to: hash expected ${head.hash}, found ${atHead.hash}`,
    );
  }
  add(
    'Audit log: chain',
    problems.length === 0,
    problems.length === 0
      ? `Entries 1 to ${maxSeq} form an unbroken hash chain through entry ${head.seq}, the last one when the hearing was sealed.`
      : `The audit entries were tampered with: ${listed(problems)}.`,
  );

  const own: string[] = [];
  const pinned = new Set<number>();
  for (const p of manifest.audit.entries) {
    pinned.add(p.seq);
    const e = bySeq.get(p.seq);
    if (!e) own.push(`entry ${p.seq} is missing`);
    else if (!isFull(e)) own.push(`entry ${p.seq} is left out (only its links are present)`);
    else if (e.hash !== p.hash) own.push(`entry ${p.seq} differs from the one sealed`);
    else if (e.hearingId !== manifest.hearingId)
      own.push(`entry ${p.seq} is about hearing ${String(e.hearingId)}`);
  }
  for (const e of bySeq.values()) {
    if (
      isFull(e) &&
      e.seq <= head.seq &&
      e.hearingId === manifest.hearingId &&
      !pinned.has(e.seq)
    ) {
      own.push(`entry ${e.seq} is about this hearing but is not in the seal`);
    }
  }
  add(
    "Audit log: this hearing's entries",
    own.length === 0,
    own.length === 0
      ? `All ${manifest.audit.entries.length} entries about this hearing up to the seal are present and unchanged.`
      : `The entries about this hearing do not match the seal: ${listed(own)}.`,
  );

  const sealing = [...bySeq.values()].find(
    (e): e is AuditLineFull =>
      isFull(e) &&
      e.seq > head.seq &&
      e.action === 'hearing.sealed' &&
      e.hearingId === manifest.hearingId,
  );
  const recorded = (sealing?.details as { manifestSha256?: unknown } | undefined)?.manifestSha256;
  add(
    'Audit log: sealing',
    recorded === manifestSha256,
    !sealing
      ? 'No audit entry records the sealing of this hearing.'
      : recorded === manifestSha256
        ? `Entry ${sealing.seq} records the sealing, with the SHA-256 of this ${sealFiles.manifest} (${manifestSha256}).`
        : `Entry ${sealing.seq} records the sealing of another manifest: SHA-256 expected ${String(recorded)}, found ${manifestSha256}.`,
  );
}

function listed(items: string[]): string {
  const shown = items.slice(0, maxProblemsListed).join('; ');
  return items.length > maxProblemsListed
    ? `${shown}; and ${items.length - maxProblemsListed} more`
    : shown;
}

/** A problem with the manifest's structure, or null when it has every field the checks read. */
function manifestShapeProblem(v: unknown): string | null {
  const isObj = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  const isStr = (x: unknown) => typeof x === 'string';
  const isInt = (x: unknown) => Number.isInteger(x);
  const fileOk = (f: unknown) => isObj(f) && isStr(f.name) && isStr(f.sha256) && isInt(f.sizeBytes);
  if (!isObj(v)) return 'it is not a JSON object';
  if (v.format !== sealFormat) {
    return `its format is ${JSON.stringify(v.format)}, and this verifier reads ${sealFormat} only; use the verifier delivered with the export`;
  }
  if (!isStr(v.hearingId) || !isStr(v.sealedAt) || !isObj(v.hearing))
    return 'the hearing, its identifier or the sealing time is missing';
  if (!isObj(v.key) || !isStr(v.key.fingerprint)) return 'the key fingerprint is missing';
  if (
    !isObj(v.audit) ||
    !isObj(v.audit.head) ||
    !isInt(v.audit.head.seq) ||
    !isStr(v.audit.head.hash)
  )
    return 'the audit head is missing';
  if (
    !Array.isArray(v.audit.entries) ||
    !v.audit.entries.every((p) => isObj(p) && isInt(p.seq) && isStr(p.hash))
  ) {
    return "the list of the hearing's audit entries is missing";
  }
  if (!Array.isArray(v.recordings)) return 'the list of recordings is missing';
  for (const r of v.recordings as unknown[]) {
    if (!isObj(r) || !isInt(r.segment) || !fileOk(r.master))
      return 'a recording has no master file';
    if (r.working !== null) {
      const w = r.working;
      if (!fileOk(w) || !isObj((w as Record<string, unknown>).derivation))
        return 'a working copy is incomplete';
      const d = (w as { derivation: Record<string, unknown> }).derivation;
      if (!isStr(d.tool) || !isStr(d.toolVersion) || !isStr(d.inputSha256))
        return "a working copy's derivation is incomplete";
    }
  }
  if (
    !Array.isArray(v.documents) ||
    !v.documents.every((d) => fileOk(d) && isStr((d as Record<string, unknown>).kind))
  ) {
    return 'the list of documents is missing';
  }
  return null;
}
