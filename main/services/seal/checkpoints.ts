/**
 * Checkpoints of the audit log: the installation signs, at every seal and every export, how many
 * entries its audit log has and the hash of the last one. A registry that keeps the checkpoint of
 * an export can later tell whether a newer log still begins with exactly those entries: the
 * first N entries of the newer log must hash to the checkpoint's head. The proof is the full
 * chain: every export carries every entry from the first (other hearings' entries as their
 * links only), so any earlier checkpoint can be checked against it.
 *
 * Dependency-free like verify.ts, into which it is bundled for the standalone verifier.
 */
import { createHash, createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkpointCatalogs, type CheckpointText } from './checkpoint-messages';
import { genesisHash, sealFiles, type AuditLine } from './format';
import { languages, type Lang } from './messages';

export const checkpointFormat = 'hearing-room-checkpoint/1';

/** The files of a checkpoint in an export, beside `public-key.pem` whose key signed it. */
export const checkpointFiles = {
  checkpoint: 'checkpoint.json',
  signature: 'checkpoint.sig',
} as const;

/** What is signed, as RFC 8785 canonical JSON: these bytes are `checkpoint.json`. */
export interface CheckpointBody {
  format: typeof checkpointFormat;
  /** The number of entries of the audit log: entries 1 to `entries`. */
  entries: number;
  /** The hash of entry `entries` (the genesis hash, 64 zeros, when the log is empty). */
  head: string;
  /** When the installation signed it. */
  at: string;
  key: { algorithm: 'Ed25519'; fingerprint: string };
}

export type CheckpointCode =
  | 'checkpoint.signature'
  | 'checkpoint.head'
  | 'checkpoint.earlier'
  | 'checkpoint.extends';

/** The same shape as a check of verify.ts, so that both go into one report. */
export interface CheckpointCheck {
  code: CheckpointCode;
  ok: boolean;
  done: boolean;
  what: string;
  detail: string;
  text: Record<Lang, { what: string; detail: string }>;
}

export type AddCheckpointCheck = (check: CheckpointCheck) => void;

export function checkpointCheck(
  code: CheckpointCode,
  ok: boolean,
  what: CheckpointText,
  detail: CheckpointText,
  done = true,
): CheckpointCheck {
  const text = Object.fromEntries(
    languages.map((lang) => {
      const t = checkpointCatalogs[lang];
      return [lang, { what: what(t), detail: detail(t) }];
    }),
  ) as Record<Lang, { what: string; detail: string }>;
  return { code, ok, done, what: text.en.what, detail: text.en.detail, text };
}

const hex64 = /^[0-9a-f]{64}$/;

/** The checkpoint in `bytes`, or why it is not one. */
export function parseCheckpoint(
  bytes: Uint8Array,
): { body: CheckpointBody } | { problem: CheckpointText } {
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { problem: (t) => t.notJson };
  }
  const o = v as Record<string, unknown> | null;
  const key = (o?.key ?? null) as Record<string, unknown> | null;
  const ok =
    typeof o === 'object' &&
    o !== null &&
    !Array.isArray(o) &&
    o.format === checkpointFormat &&
    Number.isSafeInteger(o.entries) &&
    (o.entries as number) >= 0 &&
    typeof o.head === 'string' &&
    hex64.test(o.head) &&
    typeof o.at === 'string' &&
    typeof key === 'object' &&
    key !== null &&
    key.algorithm === 'Ed25519' &&
    typeof key.fingerprint === 'string' &&
    hex64.test(key.fingerprint);
  if (!ok) return { problem: (t) => t.notCheckpoint(checkpointFormat) };
  return { body: o as unknown as CheckpointBody };
}

/** A raw Ed25519 signature from its base64 text, or null when it is not one. */
export function signatureFromText(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, 'base64');
  return bytes.byteLength === 64 ? bytes : null;
}

export function fingerprintOf(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/**
 * This export's own checkpoint: signed with the export's key, and vouching for exactly the audit
 * entries the export carries. An export made before checkpoints has none: not done, said so.
 */
export function checkOwnCheckpoint(
  input: {
    bytes: Uint8Array | null;
    signature: Uint8Array | null;
    key: KeyObject | null;
    lines: readonly AuditLine[] | null;
    sealedHeadSeq: number;
  },
  add: AddCheckpointCheck,
): CheckpointBody | null {
  const { checkpoint: file, signature: sig } = checkpointFiles;
  const pem = sealFiles.publicKey;
  const what: CheckpointText = (t) => t.ownCheckpoint;
  if (input.bytes === null) {
    add(checkpointCheck('checkpoint.signature', true, what, (t) => t.ownMissing(file), false));
    return null;
  }
  const parsed = parseCheckpoint(input.bytes);
  if ('problem' in parsed) {
    const problem = parsed.problem;
    add(checkpointCheck('checkpoint.signature', false, what, (t) => t.ownUnreadable(file, problem(t))));
    return null;
  }
  const body = parsed.body;
  if (!input.key) {
    add(checkpointCheck('checkpoint.signature', false, what, (t) => t.noKey(pem)));
  } else if (input.signature === null) {
    add(checkpointCheck('checkpoint.signature', false, what, (t) => t.ownSignatureMissing(sig, file)));
  } else {
    const found = fingerprintOf(input.key);
    const signature = signatureFromText(new TextDecoder().decode(input.signature));
    const valid = signature !== null && verifySignature(null, input.bytes, input.key, signature);
    if (!valid) {
      add(checkpointCheck('checkpoint.signature', false, what, (t) => t.ownSignatureInvalid(file, sig, pem)));
    } else if (body.key.fingerprint !== found) {
      const named = body.key.fingerprint;
      add(checkpointCheck('checkpoint.signature', false, what, (t) => t.ownKeyOther(file, named, found)));
    } else {
      add(checkpointCheck('checkpoint.signature', true, what, (t) => t.ownSignatureValid(file, pem, body.at)));
    }
  }
  if (input.lines) {
    const headWhat: CheckpointText = (t) => t.ownCheckpointHead;
    const last = input.lines.reduce((max, e) => Math.max(max, e.seq), 0);
    const atHead = input.lines.find((e) => e.seq === body.entries);
    const headHash = body.entries === 0 ? genesisHash : atHead?.hash;
    if (last !== body.entries) {
      add(checkpointCheck('checkpoint.head', false, headWhat, (t) => t.ownHeadCount(body.entries, last)));
    } else if (headHash !== body.head) {
      const found = String(headHash);
      add(checkpointCheck('checkpoint.head', false, headWhat, (t) => t.ownHeadHash(body.entries, body.head, found)));
    } else if (body.entries < input.sealedHeadSeq) {
      const sealed = input.sealedHeadSeq;
      add(checkpointCheck('checkpoint.head', false, headWhat, (t) => t.ownBeforeSeal(body.entries, sealed)));
    } else {
      add(checkpointCheck('checkpoint.head', true, headWhat, (t) => t.ownHeadOk(body.entries, body.head)));
    }
  }
  return body;
}

/** A checkpoint kept from an earlier export: its bytes and signature, and what came with it. */
export interface EarlierCheckpoint {
  bytes: Uint8Array;
  signature: string;
  /** The earlier export's audit entries, when its folder was given: to name the first difference. */
  lines?: readonly AuditLine[] | null;
}

/**
 * The earlier checkpoint: readable, signed by the key of this log. Returns its body when it can
 * be compared with the log (also when its key or signature failed, which the check names).
 */
export function checkEarlierCheckpoint(
  earlier: EarlierCheckpoint,
  key: KeyObject | null,
  add: AddCheckpointCheck,
): CheckpointBody | null {
  const what: CheckpointText = (t) => t.earlierCheckpoint;
  // Canonical JSON neither starts nor ends with white space: an editor's final newline is not part of it.
  const bytes = trimBytes(earlier.bytes);
  const parsed = parseCheckpoint(bytes);
  if ('problem' in parsed) {
    const problem = parsed.problem;
    add(
      checkpointCheck('checkpoint.earlier', false, what, (t) =>
        t.ownUnreadable(checkpointFiles.checkpoint, problem(t)),
      ),
    );
    return null;
  }
  const body = parsed.body;
  const signature = signatureFromText(earlier.signature);
  if (!key) {
    add(checkpointCheck('checkpoint.earlier', false, what, (t) => t.noKey(sealFiles.publicKey)));
  } else if (signature === null) {
    add(checkpointCheck('checkpoint.earlier', false, what, (t) => t.earlierSignatureMalformed));
  } else {
    const found = fingerprintOf(key);
    if (body.key.fingerprint !== found) {
      add(
        checkpointCheck('checkpoint.earlier', false, what, (t) =>
          t.earlierOtherKey(groupHex(body.key.fingerprint), groupHex(found)),
        ),
      );
    } else if (!verifySignature(null, bytes, key, signature)) {
      add(checkpointCheck('checkpoint.earlier', false, what, (t) => t.earlierForged(body.entries, body.at)));
    } else {
      add(
        checkpointCheck('checkpoint.earlier', true, what, (t) =>
          t.earlierOk(body.entries, body.at, groupHex(found)),
        ),
      );
    }
  }
  return body;
}

/**
 * Whether `lines` (this log, from entry 1) extends the earlier checkpoint: entries 1 to N linked
 * one to the next, each complete one matching its hash (`hashOk`), and entry N's hash the
 * checkpoint's head. A deletion leaves the log shorter or re-hashed; a rewrite changes entry N's
 * hash. With the earlier export's entries at hand, the first entry that differs is named.
 */
export function checkExtends(
  lines: readonly AuditLine[],
  earlier: CheckpointBody,
  earlierLines: readonly AuditLine[] | null | undefined,
  hashOk: (line: AuditLine) => boolean,
  add: AddCheckpointCheck,
): boolean {
  const what: CheckpointText = (t) => t.anchoring;
  const bySeq = new Map<number, AuditLine>();
  for (const line of lines) if (!bySeq.has(line.seq)) bySeq.set(line.seq, line);
  const total = bySeq.size;
  const n = earlier.entries;
  const fail = (detail: CheckpointText) => {
    const difference = firstDifference(bySeq, earlier, earlierLines);
    add(
      checkpointCheck('checkpoint.extends', false, what, (t) =>
        difference === null ? detail(t) : `${detail(t)} ${t.anchorFirstDifference(difference)}`,
      ),
    );
    return false;
  };
  let prev = genesisHash;
  for (let seq = 1; seq <= n; seq++) {
    const e = bySeq.get(seq);
    if (!e) return fail((t) => t.anchorShorter(n, seq - 1));
    if (e.prevHash !== prev || !hashOk(e)) return fail((t) => t.anchorBroken(seq));
    prev = e.hash;
  }
  if (prev !== earlier.head) {
    const found = prev;
    return fail((t) => t.anchorRewritten(n, earlier.head, found));
  }
  add(checkpointCheck('checkpoint.extends', true, what, (t) => t.anchorOk(n, earlier.head, total)));
  return true;
}

/** The first entry, up to the checkpoint, whose hash differs from the earlier export's. */
function firstDifference(
  bySeq: Map<number, AuditLine>,
  earlier: CheckpointBody,
  earlierLines: readonly AuditLine[] | null | undefined,
): number | null {
  if (!earlierLines) return null;
  const before = new Map(earlierLines.map((e) => [e.seq, e.hash]));
  // Only an earlier export whose own entries reach the checkpoint's head is a reference.
  const head = earlier.entries === 0 ? genesisHash : before.get(earlier.entries);
  if (head !== earlier.head) return null;
  for (let seq = 1; seq <= earlier.entries; seq++) {
    if (bySeq.get(seq)?.hash !== before.get(seq)) return seq;
  }
  return null;
}

/** Without an earlier checkpoint, the anchoring is not checked, and the verdict says so. */
export function anchoringNotChecked(add: AddCheckpointCheck): void {
  add(checkpointCheck('checkpoint.extends', true, (t) => t.anchoring, (t) => t.anchorNotChecked, false));
}

function trimBytes(bytes: Uint8Array): Uint8Array {
  const space = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
  let start = 0;
  let end = bytes.byteLength;
  while (start < end && space(bytes[start])) start++;
  while (end > start && space(bytes[end - 1])) end--;
  return bytes.subarray(start, end);
}

function groupHex(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * Reads the checkpoint given with `--checkpoint`: an earlier export folder (its checkpoint.json,
 * checkpoint.sig and audit.jsonl), or a checkpoint file with its `.sig` beside it
 * (`checkpoint.json` and `checkpoint.sig`, or `<name>.json` and `<name>.sig`). Throws an error
 * saying what is missing.
 */
export async function readEarlierCheckpoint(path: string): Promise<EarlierCheckpoint> {
  const info = await stat(path).catch(() => null);
  if (!info)
    throw new Error(
      `--checkpoint ${path}: there is no such file or folder. Give the earlier export's folder, or its checkpoint.json.`,
    );
  const folder = info.isDirectory() ? path : dirname(path);
  const file = info.isDirectory() ? join(path, checkpointFiles.checkpoint) : path;
  const named = basename(file).replace(/\.json$/i, '.sig');
  const candidates = [join(folder, named), join(folder, checkpointFiles.signature)];
  const bytes = await readFile(file).catch(() => null);
  if (!bytes)
    throw new Error(
      `--checkpoint ${path}: ${file} cannot be read. An export made before checkpoints carries none; give a later export, or the checkpoint the registry kept.`,
    );
  let signature: string | null = null;
  for (const candidate of candidates) {
    signature = await readFile(candidate, 'utf8').catch(() => null);
    if (signature !== null) break;
  }
  if (signature === null)
    throw new Error(
      `--checkpoint ${path}: the signature ${candidates[0] ?? checkpointFiles.signature} is missing. Keep ${checkpointFiles.signature} beside ${basename(file)}.`,
    );
  const parsed = parseCheckpoint(trimBytes(new Uint8Array(bytes)));
  if ('problem' in parsed)
    throw new Error(
      `--checkpoint ${path}: ${file} cannot be read as a checkpoint: ${parsed.problem(checkpointCatalogs.en)}. Give the checkpoint.json of an earlier export.`,
    );
  const audit = info.isDirectory()
    ? await readFile(join(folder, sealFiles.audit), 'utf8').catch(() => null)
    : null;
  return { bytes: new Uint8Array(bytes), signature, lines: audit === null ? null : linksOf(audit) };
}

/** The seq and hash of each line of an audit.jsonl, for naming the first difference only. */
function linksOf(text: string): AuditLine[] {
  const lines: AuditLine[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const v = JSON.parse(line) as Record<string, unknown>;
      if (Number.isInteger(v.seq) && typeof v.hash === 'string' && typeof v.prevHash === 'string')
        lines.push({ seq: v.seq as number, hash: v.hash, prevHash: v.prevHash, redacted: true });
    } catch {
      // Not a line to compare with.
    }
  }
  return lines;
}

/** The public key in PEM, or null when it is not an Ed25519 key. */
export function ed25519Key(pem: Uint8Array | string | null): KeyObject | null {
  if (pem === null) return null;
  try {
    const key = createPublicKey(typeof pem === 'string' ? pem : Buffer.from(pem));
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}
