/**
 * Checks a sealed hearing: the signature, every file's size and SHA-256, each working copy derived
 * again from its master, the audit chain, and that the pieces belong together. Shared by the app
 * and the standalone verifier, into which it is bundled: it imports nothing but node:crypto,
 * node:fs, node:path, Mediabunny (through rederive.ts) and its own format and messages.
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
  type SealedRecording,
} from './format';
import { inEveryLanguage, type Lang, type Text } from './messages';
import { checkAddenda, readAddendaFolder, type AddendaSummary, type AddendumFound } from './addenda';
import {
  anchoringNotChecked,
  checkEarlierCheckpoint,
  checkExtends,
  checkOwnCheckpoint,
  checkpointFiles,
  type CheckpointCode,
  type EarlierCheckpoint,
} from './checkpoints';
import { carriedRemuxer, rederive, type RangeReader } from './rederive';
import { webmPatcher } from '../webm/derive';
import { rederiveWebm } from '../webm/rederive';

export type Verdict = 'valid' | 'invalid' | 'unreadable';

/**
 * What each check is, stable across versions and languages, for scripts and for the list in
 * docs/seal.md.
 */
export type CheckCode =
  | 'seal.readable'
  | 'key.public'
  | 'signature'
  | 'manifest.canonical'
  | 'key.fingerprint'
  | 'key.expected'
  | 'key.fingerprint-file'
  | 'hearing.id'
  | 'master.sha256'
  | 'working.sha256'
  | 'working.derivation'
  | 'working.rederive'
  | 'document.sha256'
  | 'audit.file'
  | 'audit.chain'
  | 'audit.entries'
  | 'audit.sealing'
  | 'db.hearing'
  | 'db.recording'
  | 'db.seal'
  | 'db.key'
  // Addenda after the seal (addenda.ts): the summary, each addendum, their chain, the audit log.
  | 'addenda'
  | 'addendum'
  | 'addenda.chain'
  | 'addenda.audit'
  | CheckpointCode;

export interface Check {
  code: CheckCode;
  /** False only for a check that was done and failed. */
  ok: boolean;
  /** False when the check was not done (`--quick`, or a remuxer of another version); `detail` says why. */
  done: boolean;
  what: string;
  detail: string;
  /**
   * `what` and `detail` in every language the verifier speaks. The app's database checks, shown
   * by the app in English, have none.
   */
  text?: Record<Lang, { what: string; detail: string }>;
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
  /** The addenda after the seal, by number; absent when there are none (addenda.ts). */
  addenda?: AddendaSummary;
}

/** Where the sealed files are read from: a folder, or the app's media store. */
export interface SealSource {
  /** A small file, whole; null when it does not exist. */
  readFile(name: string): Promise<Uint8Array | null>;
  /** Size in bytes; null when the file does not exist. */
  size(name: string): Promise<number | null>;
  sha256(name: string): Promise<string>;
  /** Random access to a file that exists, to derive a working copy again. */
  open(name: string): Promise<RangeReader>;
  /** The names present, to list what the seal does not cover; optional. */
  list?(): Promise<string[]>;
}

export interface VerifyOptions {
  /** The hearing these files must be; verifyFolder takes it from the folder's name when not given. */
  expectedHearingId?: string | null;
  /** Audit entries to check instead of audit.jsonl (the app passes its own log). */
  auditEntries?: readonly AuditLine[];
  /** A key fingerprint obtained independently (the registry): the seal must use it. */
  expectedFingerprint?: string;
  /** Skip deriving each working copy again from its master; the report says it was not done. */
  quick?: boolean;
  /**
   * The addenda to check with the seal (verifyFolder reads them from `addenda/`). The app checks
   * its own apart, after its database checks, and leaves this out.
   */
  addenda?: readonly AddendumFound[];
  /**
   * Check the folder's checkpoint of the audit log (checkpoint.json) and whether the log extends
   * `earlierCheckpoint`; without one, the report says the anchoring was not checked. verifyFolder
   * does it by default; the app's check of a hearing's own folder, which holds no checkpoint, not.
   */
  checkpoints?: boolean;
  /** A checkpoint kept from an earlier export (`--checkpoint`): the log must extend it. */
  earlierCheckpoint?: EarlierCheckpoint;
}

const hashBufferBytes = 4 * 1024 * 1024;
const uuidAtEnd = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const plainName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
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
    async open(name) {
      const file = await open(path(name), 'r');
      const { size } = await file.stat();
      return {
        size,
        async read(start, end) {
          const bytes = Buffer.allocUnsafe(end - start);
          const { bytesRead } = await file.read(bytes, 0, end - start, start);
          return bytes.subarray(0, bytesRead);
        },
        close: () => file.close(),
      };
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
  if (!isDir) return unreadable((t) => t.noFolder(absolute));
  const fromName = uuidAtEnd.exec(basename(absolute))?.[1]?.toLowerCase() ?? null;
  return verifySeal(folderSource(absolute), {
    checkpoints: true,
    ...options,
    expectedHearingId: options.expectedHearingId ?? fromName,
    addenda: options.addenda ?? (await readAddendaFolder(absolute)),
  });
}

export async function verifySeal(
  source: SealSource,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const checks: Check[] = [];
  const add: Add = (code, ok, what, detail, done = true) =>
    checks.push(check(code, ok, what, detail, done));
  const m = sealFiles.manifest;

  const manifestBytes = await source.readFile(m);
  if (manifestBytes === null) return unreadable((t) => t.manifestMissing(m));
  const key = await checkSignature(source, manifestBytes, add);

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    return unreadable((t) => t.manifestNotJson(m), checks);
  }
  const shapeProblem = manifestShapeProblem(parsed);
  if (shapeProblem) return unreadable((t) => t.manifestShape(m, shapeProblem(t)), checks);
  const manifest = parsed as SealManifest;
  const manifestSha256 = sha256Hex(manifestBytes);

  const canonical = canonicalJsonText(manifest) === new TextDecoder().decode(manifestBytes);
  add(
    'manifest.canonical',
    canonical,
    (t) => t.canonical,
    (t) => (canonical ? t.canonicalOk(m) : t.canonicalNot(m)),
  );
  if (key) await checkKey(source, key, manifest, options.expectedFingerprint, add);
  checkHearingIdentity(manifest, options.expectedHearingId ?? null, add);
  for (const r of manifest.recordings) await checkRecording(source, r, options.quick === true, add);
  for (const d of manifest.documents) {
    const label: Text = (t) =>
      d.kind === 'written-record' ? t.writtenRecord : t.documentOf(d.kind);
    if (await checkPresent(source, 'document.sha256', label, d, add))
      checkHash('document.sha256', label, d, await source.sha256(d.name), add);
  }

  let lines: AuditLine[] | null = options.auditEntries ? [...options.auditEntries] : null;
  if (!lines) {
    const auditBytes = await source.readFile(sealFiles.audit);
    if (auditBytes === null) {
      add(
        'audit.file',
        false,
        (t) => t.auditLog,
        (t) => t.auditMissing(sealFiles.audit),
      );
    } else {
      lines = parseAuditLines(new TextDecoder().decode(auditBytes), add);
    }
  }
  if (lines) checkAudit(lines, manifest, manifestSha256, add);
  if (options.checkpoints || options.earlierCheckpoint)
    await checkAnchoring(source, key, lines, manifest, options.earlierCheckpoint, checks);

  // The addenda, each apart from the seal, after it: a seal without addenda checks as before.
  const addenda = options.addenda
    ? checkAddenda(options.addenda, {
        hearingId: manifest.hearingId,
        manifestSha256,
        keyFingerprint: manifest.key.fingerprint,
        key,
        auditLines: lines,
        sealIntact: checks.every((c) => c.ok),
      })
    : null;
  if (addenda) checks.push(...addenda.checks);

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
    for (const name of Object.values(checkpointFiles)) known.add(name);
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
    ...(addenda ? { addenda: addenda.summary } : {}),
  };
}

type Add = (code: CheckCode, ok: boolean, what: Text, detail: Text, done?: boolean) => void;

function check(code: CheckCode, ok: boolean, what: Text, detail: Text, done = true): Check {
  const whats = inEveryLanguage(what);
  const details = inEveryLanguage(detail);
  const text = Object.fromEntries(
    (Object.keys(whats) as Lang[]).map((lang) => [
      lang,
      { what: whats[lang], detail: details[lang] },
    ]),
  ) as Record<Lang, { what: string; detail: string }>;
  return { code, ok, done, what: whats.en, detail: details.en, text };
}

function unreadable(reason: Text, checks: Check[] = []): VerifyReport {
  return {
    verdict: 'unreadable',
    checks: [...checks, check('seal.readable', false, (t) => t.readingSeal, reason)],
    notCovered: [],
  };
}

async function checkSignature(
  source: SealSource,
  manifestBytes: Uint8Array,
  add: Add,
): Promise<KeyObject | null> {
  const { manifest: m, publicKey: pem, signature: sig } = sealFiles;
  const pemBytes = await source.readFile(pem);
  let key: KeyObject | null = null;
  if (pemBytes === null) {
    add(
      'key.public',
      false,
      (t) => t.signingKey,
      (t) => t.publicKeyMissing(pem),
    );
  } else {
    try {
      key = createPublicKey(Buffer.from(pemBytes));
      if (key.asymmetricKeyType !== 'ed25519') {
        const type = String(key.asymmetricKeyType);
        add(
          'key.public',
          false,
          (t) => t.signingKey,
          (t) => t.publicKeyNotEd25519(pem, type),
        );
        key = null;
      }
    } catch {
      add(
        'key.public',
        false,
        (t) => t.signingKey,
        (t) => t.publicKeyUnreadable(pem),
      );
    }
  }
  const sigBytes = await source.readFile(sig);
  if (sigBytes === null) {
    add(
      'signature',
      false,
      (t) => t.signature,
      (t) => t.signatureMissing(sig, m),
    );
    return key;
  }
  const text = new TextDecoder().decode(sigBytes).trim();
  const signature = /^[A-Za-z0-9+/]+={0,2}$/.test(text)
    ? Buffer.from(text, 'base64')
    : Buffer.alloc(0);
  if (signature.byteLength !== 64) {
    add(
      'signature',
      false,
      (t) => t.signature,
      (t) => t.signatureMalformed(sig),
    );
    return key;
  }
  if (!key) return null;
  const ok = verifySignature(null, manifestBytes, key, signature);
  add(
    'signature',
    ok,
    (t) => t.signature,
    (t) => (ok ? t.signatureValid(m, pem) : t.signatureInvalid(m, sig, pem)),
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
  const pem = sealFiles.publicKey;
  const found = sha256Hex(key.export({ type: 'spki', format: 'der' }));
  const sealed = manifest.key.fingerprint;
  add(
    'key.fingerprint',
    found === sealed,
    (t) => t.keyFingerprint,
    (t) =>
      found === sealed
        ? t.fingerprintOk(pem, groupHex(found))
        : t.fingerprintNot(pem, groupHex(sealed), groupHex(found)),
  );
  if (expected !== undefined) {
    const want = expected.replace(/[\s:]/g, '').toLowerCase();
    add(
      'key.expected',
      want === found,
      (t) => t.expectedKey,
      (t) => (want === found ? t.expectedKeyOk : t.expectedKeyNot(groupHex(want), groupHex(found))),
    );
  }
  const txt = await source.readFile(sealFiles.fingerprint);
  if (txt !== null) {
    const shown = new TextDecoder().decode(txt).replace(/\s/g, '').toLowerCase();
    add(
      'key.fingerprint-file',
      shown.includes(found),
      () => sealFiles.fingerprint,
      (t) =>
        shown.includes(found)
          ? t.fingerprintFileOk(pem)
          : t.fingerprintFileNot(pem, groupHex(found)),
    );
  }
}

function checkHearingIdentity(manifest: SealManifest, expected: string | null, add: Add) {
  const id = manifest.hearingId;
  if (expected === null) {
    add(
      'hearing.id',
      true,
      (t) => t.hearing,
      (t) => t.hearingUnnamed(id),
    );
    return;
  }
  add(
    'hearing.id',
    expected === id,
    (t) => t.hearing,
    (t) => (expected === id ? t.hearingOk(id) : t.hearingNot(id, expected)),
  );
}

/**
 * The master and working copy of one segment: their sizes and hashes, the recorded derivation,
 * and the working copy derived again from the master and compared byte for byte. Re-deriving
 * reads each file once and hashes it on the way, so it costs one remux on top of the hashes.
 */
async function checkRecording(source: SealSource, r: SealedRecording, quick: boolean, add: Add) {
  const segment = r.segment;
  const masterLabel: Text = (t) => t.masterOf(segment);
  const masterPresent = await checkPresent(source, 'master.sha256', masterLabel, r.master, add);
  if (!r.working) {
    if (masterPresent)
      checkHash('master.sha256', masterLabel, r.master, await source.sha256(r.master.name), add);
    return;
  }
  const w = r.working;
  const workingLabel: Text = (t) => t.workingOf(segment);
  const workingPresent = await checkPresent(source, 'working.sha256', workingLabel, w, add);
  const d = w.derivation;
  const sealedTool = `${d.tool} ${d.toolVersion}`;
  // Working copies are made by the app's own patcher; those of earlier versions by Mediabunny.
  const carried = d.tool === webmPatcher.tool ? webmPatcher : carriedRemuxer;
  const carriedTool = `${carried.tool} ${carried.version}`;
  const derive = d.tool === webmPatcher.tool ? rederiveWebm : rederive;

  let notDone: Text | null = null;
  if (quick) notDone = (t) => t.rederiveQuick(segment);
  else if (d.tool !== carried.tool || d.toolVersion !== carried.version)
    notDone = (t) => t.rederiveVersion(segment, carriedTool, sealedTool);
  else if (!masterPresent || !workingPresent) notDone = (t) => t.rederiveMissingFile(segment);

  let rederived: Awaited<ReturnType<typeof rederive>> | null = null;
  let remuxFailure: string | null = null;
  if (notDone === null) {
    const master = await source.open(r.master.name);
    const working = await source.open(w.name);
    try {
      rederived = await derive(master, working);
    } catch (err) {
      remuxFailure = err instanceof Error ? err.message : String(err);
    } finally {
      await Promise.all([master.close(), working.close()]);
    }
  }
  if (masterPresent) {
    const found = rederived?.masterSha256 ?? (await source.sha256(r.master.name));
    checkHash('master.sha256', masterLabel, r.master, found, add);
  }
  if (workingPresent) {
    const found = rederived?.workingSha256 ?? (await source.sha256(w.name));
    checkHash('working.sha256', workingLabel, w, found, add);
  }
  add(
    'working.derivation',
    d.inputSha256 === r.master.sha256,
    (t) => t.derivationOf(w.name),
    (t) =>
      d.inputSha256 === r.master.sha256
        ? t.derivationOk(segment, sealedTool)
        : t.derivationNot(segment, d.inputSha256, r.master.sha256),
  );
  const label: Text = (t) => t.rederivationOf(w.name);
  if (notDone !== null) {
    add('working.rederive', true, label, notDone, false);
  } else if (remuxFailure !== null) {
    const reason = remuxFailure;
    add('working.rederive', false, label, (t) => t.rederiveFailed(segment, reason));
  } else if (rederived) {
    const { firstDifference, derivedSize } = rederived;
    add('working.rederive', firstDifference === null, label, (t) =>
      firstDifference === null
        ? t.rederiveOk(segment, carriedTool)
        : derivedSize !== w.sizeBytes
          ? t.rederiveSize(segment, derivedSize, w.sizeBytes)
          : t.rederiveNot(segment, firstDifference),
    );
  }
}

/** Whether the file can be hashed: a plain name, present, with the sealed size. */
async function checkPresent(
  source: SealSource,
  code: CheckCode,
  label: Text,
  file: SealedFile,
  add: Add,
): Promise<boolean> {
  const name = file.name;
  if (!plainName.test(name)) {
    add(code, false, label, (t) => t.fileNameNotPlain(JSON.stringify(name)));
    return false;
  }
  const size = await source.size(name);
  const sealed = file.sizeBytes;
  if (size === null) {
    add(
      code,
      false,
      () => name,
      (t) => t.fileMissing(label(t), sealed),
    );
    return false;
  }
  if (size !== sealed) {
    add(
      code,
      false,
      () => name,
      (t) =>
        size < sealed
          ? t.fileShorter(label(t), sealed, size)
          : t.fileLonger(label(t), sealed, size),
    );
    return false;
  }
  return true;
}

function checkHash(code: CheckCode, label: Text, file: SealedFile, found: string, add: Add) {
  add(
    code,
    found === file.sha256,
    () => file.name,
    (t) =>
      found === file.sha256
        ? t.fileOk(label(t), file.sizeBytes, found)
        : t.fileChanged(label(t), file.sizeBytes, file.sha256, found),
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
  if (bad.length > 0)
    add(
      'audit.file',
      false,
      (t) => t.auditLog,
      (t) => t.auditBadLines(sealFiles.audit, bad),
    );
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
  const problems: Text[] = [];
  const bySeq = new Map<number, AuditLine>();
  let maxSeq = 0;
  for (const e of lines) {
    const seq = e.seq;
    if (bySeq.has(seq)) {
      problems.push((t) => t.entryTwice(seq));
      continue;
    }
    if (seq <= maxSeq) {
      const after = maxSeq;
      problems.push((t) => t.entryOutOfPlace(seq, after));
    }
    bySeq.set(seq, e);
    maxSeq = Math.max(maxSeq, seq);
  }
  let missingFrom: number | null = null;
  for (let seq = 1; seq <= maxSeq + 1; seq++) {
    const e = bySeq.get(seq);
    if (!e) {
      if (seq <= maxSeq) missingFrom ??= seq;
      continue;
    }
    if (missingFrom !== null) {
      const from = missingFrom;
      const to = seq - 1;
      problems.push((t) => (from === to ? t.entryMissing(from) : t.entriesMissing(from, to)));
      missingFrom = null;
    }
    if (isFull(e)) {
      const { hash, ...body } = e;
      if (sha256Hex(canonicalJsonText(body)) !== hash) problems.push((t) => t.entryChanged(seq));
    }
    const before = seq === 1 ? { hash: genesisHash } : bySeq.get(seq - 1);
    if (before && e.prevHash !== before.hash) problems.push((t) => t.entryUnlinked(seq));
  }
  const head = manifest.audit.head;
  const atHead = bySeq.get(head.seq);
  // A hearing sealed before any entry was written points at the genesis hash, before entry 1.
  const sealedOnEmptyLog = head.seq === 0 && head.hash === genesisHash;
  if (!sealedOnEmptyLog && !atHead) problems.push((t) => t.headMissing(head.seq));
  else if (atHead && atHead.hash !== head.hash) {
    const found = atHead.hash;
    problems.push((t) => t.headDiffers(head.seq, head.hash, found));
  }
  add(
    'audit.chain',
    problems.length === 0,
    (t) => t.auditChain,
    (t) =>
      problems.length === 0 ? t.chainOk(maxSeq, head.seq) : t.chainNot(problems.map((p) => p(t))),
  );

  const own: Text[] = [];
  const pinned = new Set<number>();
  for (const p of manifest.audit.entries) {
    const seq = p.seq;
    pinned.add(seq);
    const e = bySeq.get(seq);
    if (!e) own.push((t) => t.entryMissing(seq));
    else if (!isFull(e)) own.push((t) => t.entryLeftOut(seq));
    else if (e.hash !== p.hash) own.push((t) => t.entryDiffers(seq));
    else if (e.hearingId !== manifest.hearingId) {
      const other = String(e.hearingId);
      own.push((t) => t.entryOtherHearing(seq, other));
    }
  }
  for (const e of bySeq.values()) {
    if (
      isFull(e) &&
      e.seq <= head.seq &&
      e.hearingId === manifest.hearingId &&
      !pinned.has(e.seq)
    ) {
      own.push((t) => t.entryNotSealed(e.seq));
    }
  }
  const count = manifest.audit.entries.length;
  add(
    'audit.entries',
    own.length === 0,
    (t) => t.auditOwn,
    (t) => (own.length === 0 ? t.ownOk(count) : t.ownNot(own.map((p) => p(t)))),
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
    'audit.sealing',
    recorded === manifestSha256,
    (t) => t.auditSealing,
    (t) =>
      !sealing
        ? t.sealingMissing
        : recorded === manifestSha256
          ? t.sealingOk(sealing.seq, sealFiles.manifest, manifestSha256)
          : t.sealingOther(sealing.seq, String(recorded), manifestSha256),
  );
}

/**
 * The folder's own checkpoint, then, given an earlier checkpoint, whether this audit log extends
 * it (see checkpoints.ts).
 */
async function checkAnchoring(
  source: SealSource,
  key: KeyObject | null,
  lines: AuditLine[] | null,
  manifest: SealManifest,
  earlier: EarlierCheckpoint | undefined,
  checks: Check[],
) {
  const push = (c: Check) => checks.push(c);
  checkOwnCheckpoint(
    {
      bytes: await source.readFile(checkpointFiles.checkpoint),
      signature: await source.readFile(checkpointFiles.signature),
      key,
      lines,
      sealedHeadSeq: manifest.audit.head.seq,
    },
    push,
  );
  if (!earlier) {
    anchoringNotChecked(push);
    return;
  }
  const body = checkEarlierCheckpoint(earlier, key, push);
  if (body) checkExtends(lines ?? [], body, earlier.lines, auditLineHashOk, push);
}

/** A complete entry matches its hash; an entry reduced to its links cannot be re-hashed. */
export function auditLineHashOk(e: AuditLine): boolean {
  if (!isFull(e)) return true;
  const { hash, ...body } = e;
  return sha256Hex(canonicalJsonText(body)) === hash;
}

/** A problem with the manifest's structure, or null when it has every field the checks read. */
function manifestShapeProblem(v: unknown): Text | null {
  const isObj = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  const isStr = (x: unknown) => typeof x === 'string';
  const isInt = (x: unknown) => Number.isInteger(x);
  const fileOk = (f: unknown) => isObj(f) && isStr(f.name) && isStr(f.sha256) && isInt(f.sizeBytes);
  if (!isObj(v)) return (t) => t.shapeNotObject;
  if (v.format !== sealFormat) {
    const found = JSON.stringify(v.format) ?? 'absent';
    return (t) => t.shapeFormat(found, sealFormat);
  }
  if (!isStr(v.hearingId) || !isStr(v.sealedAt) || !isObj(v.hearing)) return (t) => t.shapeHearing;
  if (!isObj(v.key) || !isStr(v.key.fingerprint)) return (t) => t.shapeKey;
  if (
    !isObj(v.audit) ||
    !isObj(v.audit.head) ||
    !isInt(v.audit.head.seq) ||
    !isStr(v.audit.head.hash)
  )
    return (t) => t.shapeAuditHead;
  if (
    !Array.isArray(v.audit.entries) ||
    !v.audit.entries.every((p) => isObj(p) && isInt(p.seq) && isStr(p.hash))
  ) {
    return (t) => t.shapeAuditEntries;
  }
  if (!Array.isArray(v.recordings)) return (t) => t.shapeRecordings;
  for (const r of v.recordings as unknown[]) {
    if (!isObj(r) || !isInt(r.segment) || !fileOk(r.master)) return (t) => t.shapeMaster;
    if (r.working !== null) {
      const w = r.working;
      if (!fileOk(w) || !isObj((w as Record<string, unknown>).derivation))
        return (t) => t.shapeWorking;
      const d = (w as { derivation: Record<string, unknown> }).derivation;
      if (!isStr(d.tool) || !isStr(d.toolVersion) || !isStr(d.inputSha256))
        return (t) => t.shapeDerivation;
    }
  }
  if (
    !Array.isArray(v.documents) ||
    !v.documents.every((d) => fileOk(d) && isStr((d as Record<string, unknown>).kind))
  ) {
    return (t) => t.shapeDocuments;
  }
  return null;
}
