/**
 * Addenda: what is added to a hearing after its seal (annotations), each a canonical JSON
 * document signed with the installation's key, naming the SHA-256 of the seal's manifest and of
 * the addendum before it. The seal itself never changes; the addenda are checked apart from it,
 * each by its number. Dependency-free like verify.ts, into whose checks it is bundled for the
 * standalone verifier.
 */
import { createHash, verify as verifySignature, type KeyObject } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addendaCatalogs, type AddendaText } from './addenda-messages';
import type { AuditLine, AuditLineFull } from './format';
import { languages, type Lang } from './messages';
import type { Check } from './verify';

export const addendumFormat = 'hearing-room-addendum/1';
/** The folder of an export that holds the addenda: `addenda/0001.json` and `addenda/0001.sig`. */
export const addendaFolder = 'addenda';
/** The audit action written when an addendum is signed; its details name its number and SHA-256. */
export const addendumAuditAction = 'annotation.addendum_signed';

export function addendumFileNames(number: number): { json: string; sig: string } {
  const base = String(number).padStart(4, '0');
  return { json: `${base}.json`, sig: `${base}.sig` };
}

export interface AddendumAuthor {
  userId: string;
  displayName: string;
  role: string;
}

/** What an addendum says, signed as canonical JSON (RFC 8785). */
export interface AddendumBody {
  format: typeof addendumFormat;
  hearingId: string;
  /** 1, 2, 3…: its place in the hearing's chain of addenda. */
  number: number;
  author: AddendumAuthor;
  /** When it was signed (ISO 8601, UTC). */
  at: string;
  /** The coding scheme the annotations follow. */
  scheme: { id: string; version: string };
  /** The operation asked for: add, edit, move, split or delete. */
  operation: string;
  /**
   * The difference it makes to the annotations added after the seal: the annotations it creates,
   * those it changes (each in its new, whole form) and the identifiers of those it removes.
   */
  content: { added: unknown[]; changed: unknown[]; removed: string[] };
  /** The seal it follows: the SHA-256 of its manifest.json. */
  seal: { manifestSha256: string };
  /** The SHA-256 of the previous addendum's bytes; null for addendum 1. */
  previousSha256: string | null;
  key: { algorithm: 'Ed25519'; fingerprint: string };
}

/** One addendum as found (a row of the database, or two files of an export): its exact bytes and signature. */
export interface AddendumFound {
  number: number;
  body: Uint8Array | null;
  /** Base64, as stored; null when missing. */
  signature: string | null;
}

export interface AddendaSummary {
  count: number;
  intact: number[];
  failed: number[];
  missing: number[];
}

export interface AddendaContext {
  hearingId: string;
  manifestSha256: string;
  keyFingerprint: string;
  /** The seal's public key; null when it could not be read (the seal's checks say why). */
  key: KeyObject | null;
  /** The audit log, when there is one to compare with. */
  auditLines: readonly AuditLine[] | null;
  /** Whether every check of the seal itself passed, for the summary line. */
  sealIntact: boolean;
}

const fileName = /^(\d{4,9})\.(json|sig)$/;

/** The addenda in an export folder's `addenda/`; an empty list when there is no such folder. */
export async function readAddendaFolder(folder: string): Promise<AddendumFound[]> {
  const dir = join(folder, addendaFolder);
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const byNumber = new Map<number, AddendumFound>();
  for (const name of names) {
    const match = fileName.exec(name);
    if (!match) continue;
    const number = Number(match[1]);
    const found = byNumber.get(number) ?? { number, body: null, signature: null };
    const bytes = new Uint8Array(await readFile(join(dir, name)));
    if (match[2] === 'json') found.body = bytes;
    else found.signature = new TextDecoder().decode(bytes);
    byNumber.set(number, found);
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/** The files of an addendum in an export: `{ json, sig }` contents. */
export function addendumFiles(found: { body: string; signature: string }): { json: Uint8Array; sig: Uint8Array } {
  const encoder = new TextEncoder();
  return { json: encoder.encode(found.body), sig: encoder.encode(`${found.signature}\n`) };
}

const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** RFC 8785 canonical JSON for the values an addendum holds (as verify.ts's canonicalJsonText). */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined || (typeof value === 'number' && !Number.isFinite(value)))
      throw new Error('This value has no JSON form.');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v ?? null)).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .filter((k) => record[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`;
}

function textOf(what: AddendaText, detail: AddendaText): Pick<Check, 'what' | 'detail' | 'text'> {
  const text = Object.fromEntries(
    languages.map((lang) => [lang, { what: what(addendaCatalogs[lang]), detail: detail(addendaCatalogs[lang]) }]),
  ) as Record<Lang, { what: string; detail: string }>;
  return { what: text.en.what, detail: text.en.detail, text };
}

function addendaCheck(code: Check['code'], ok: boolean, what: AddendaText, detail: AddendaText): Check {
  return { code, ok, done: true, ...textOf(what, detail) };
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function bodyShapeOk(v: unknown): v is AddendumBody {
  if (!isObj(v) || v.format !== addendumFormat) return false;
  if (typeof v.hearingId !== 'string' || !Number.isInteger(v.number) || typeof v.at !== 'string') return false;
  if (!isObj(v.seal) || typeof v.seal.manifestSha256 !== 'string') return false;
  if (!(v.previousSha256 === null || typeof v.previousSha256 === 'string')) return false;
  if (!isObj(v.key) || typeof v.key.fingerprint !== 'string') return false;
  return isObj(v.content);
}

const isFull = (e: AuditLine): e is AuditLineFull => !('redacted' in e && e.redacted === true);

/**
 * Checks the addenda of a sealed hearing: each one on its own (signature, canonical form, that it
 * names this hearing, this seal and its own number), then the chain they form (numbered from 1
 * without a gap, each naming the SHA-256 of the one before), then against the audit log, which
 * records every addendum signed (so removing the last one is seen too). Returns null when there
 * is no addendum and the audit log records none: a hearing without addenda checks as before.
 */
export function checkAddenda(
  found: readonly AddendumFound[],
  context: AddendaContext,
): { checks: Check[]; summary: AddendaSummary } | null {
  const recorded = new Map<number, { seq: number; sha256: string }>();
  for (const line of context.auditLines ?? []) {
    if (!isFull(line) || line.action !== addendumAuditAction || line.hearingId !== context.hearingId) continue;
    const d = line.details as { number?: unknown; sha256?: unknown } | null;
    if (d && Number.isInteger(d.number) && typeof d.sha256 === 'string')
      recorded.set(d.number as number, { seq: line.seq, sha256: d.sha256 });
  }
  if (found.length === 0 && recorded.size === 0) return null;

  const byNumber = new Map(found.map((f) => [f.number, f]));
  const intactHash = new Map<number, string>();
  const parsedPrevious = new Map<number, string | null>();
  const perAddendum: Check[] = [];
  const failed: number[] = [];

  for (const f of [...found].sort((a, b) => a.number - b.number)) {
    const n = f.number;
    const problems: AddendaText[] = [];
    let body: AddendumBody | null = null;
    if (f.body === null) problems.push((t) => t.bodyMissing);
    if (f.signature === null) problems.push((t) => t.signatureMissing);
    if (f.body !== null) {
      const text = new TextDecoder().decode(f.body);
      let value: unknown = undefined;
      try {
        value = JSON.parse(text);
      } catch {
        problems.push((t) => t.notJson);
      }
      if (value !== undefined) {
        if (!bodyShapeOk(value)) problems.push((t) => t.shape);
        else {
          body = value;
          if (canonical(value) !== text) problems.push((t) => t.notCanonical);
        }
      }
      if (f.signature !== null) {
        const sigText = f.signature.trim();
        const signature = /^[A-Za-z0-9+/]+={0,2}$/.test(sigText) ? Buffer.from(sigText, 'base64') : Buffer.alloc(0);
        if (signature.byteLength !== 64) problems.push((t) => t.signatureMalformed);
        else if (!context.key) problems.push((t) => t.noKey);
        else if (!verifySignature(null, f.body, context.key, signature)) problems.push((t) => t.signatureInvalid);
      }
    }
    if (body) {
      const b = body;
      if (b.number !== n) problems.push((t) => t.numberOther(b.number));
      if (b.hearingId !== context.hearingId) problems.push((t) => t.hearingOther(b.hearingId));
      if (b.seal.manifestSha256 !== context.manifestSha256)
        problems.push((t) => t.sealOther(b.seal.manifestSha256));
      if (b.key.fingerprint !== context.keyFingerprint) problems.push((t) => t.keyOther(b.key.fingerprint));
      parsedPrevious.set(n, b.previousSha256);
    }
    const ok = problems.length === 0 && body !== null && f.body !== null;
    if (ok && f.body && body) {
      const sha = sha256Hex(f.body);
      const at = body.at;
      intactHash.set(n, sha);
      perAddendum.push(addendaCheck('addendum', true, (t) => t.addendumOf(n), (t) => t.intact(n, at, sha)));
    } else {
      failed.push(n);
      perAddendum.push(
        addendaCheck('addendum', false, (t) => t.addendumOf(n), (t) => t.broken(n, problems.map((p) => p(t)))),
      );
    }
  }

  // The chain: 1 to the highest number known (found, or recorded in the audit log), each linked.
  const highest = Math.max(0, ...found.map((f) => f.number), ...recorded.keys());
  const missing: number[] = [];
  const links: AddendaText[] = [];
  for (let n = 1; n <= highest; n++) {
    if (!byNumber.has(n)) {
      missing.push(n);
      links.push((t) => t.linkMissing(n));
      continue;
    }
    if (!intactHash.has(n)) continue; // named above; its link cannot be relied on
    const previous = parsedPrevious.get(n) ?? null;
    if (n === 1) {
      if (previous !== null) links.push((t) => t.linkFirst);
    } else if (intactHash.has(n - 1) && previous !== intactHash.get(n - 1)) {
      links.push((t) => t.linkNot(n));
    }
  }
  const chainCheck = addendaCheck(
    'addenda.chain',
    links.length === 0,
    (t) => t.addendaChain,
    (t) => (links.length === 0 ? t.chainOk(highest) : t.chainNot(links.map((p) => p(t)))),
  );

  const checks: Check[] = [];
  if (context.auditLines) {
    const auditProblems: AddendaText[] = [];
    for (const [n, r] of [...recorded.entries()].sort((a, b) => a[0] - b[0])) {
      if (!byNumber.has(n)) auditProblems.push((t) => t.auditMissing(n, r.seq));
      else if (intactHash.has(n) && intactHash.get(n) !== r.sha256) auditProblems.push((t) => t.auditOther(n, r.seq));
    }
    for (const n of intactHash.keys()) if (!recorded.has(n)) auditProblems.push((t) => t.auditUnrecorded(n));
    const count = recorded.size;
    checks.push(
      addendaCheck(
        'addenda.audit',
        auditProblems.length === 0,
        (t) => t.addendaAudit,
        (t) => (auditProblems.length === 0 ? t.auditOk(count) : t.auditNot(auditProblems.map((p) => p(t)))),
      ),
    );
  }

  const count = found.length;
  const intact = [...intactHash.keys()].sort((a, b) => a - b);
  const allGood = failed.length === 0 && missing.length === 0 && checks.every((c) => c.ok) && links.length === 0;
  const summaryCheck = addendaCheck(
    'addenda',
    allGood,
    (t) => t.addenda,
    (t) =>
      t.summary(
        context.sealIntact ? t.sealHolds : t.sealBroken,
        allGood ? t.summaryIntact(count) : t.summaryNot(count, failed, missing),
      ),
  );
  return {
    checks: [summaryCheck, ...perAddendum, chainCheck, ...checks],
    summary: { count, intact, failed, missing },
  };
}
