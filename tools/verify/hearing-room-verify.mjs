#!/usr/bin/env node
// Hearing Room seal verifier: node hearing-room-verify.mjs <folder>
// Generated from main/services/seal/verify.ts by scripts/build-verifier.mjs; do not edit.

// main/services/seal/verify-cli.ts
import { resolve as resolve2 } from 'node:path';
import { parseArgs } from 'node:util';

// main/services/seal/verify.ts
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

// main/services/seal/format.ts
var sealFormat = 'hearing-room-seal/1';
var genesisHash = '0'.repeat(64);
var sealFiles = {
  manifest: 'manifest.json',
  signature: 'manifest.sig',
  publicKey: 'public-key.pem',
  fingerprint: 'public-key-fingerprint.txt',
  audit: 'audit.jsonl',
  readme: 'README-CLERK.txt',
  verifier: 'hearing-room-verify.mjs',
  writtenRecord: 'written-record.pdf',
};

// main/services/seal/verify.ts
var hashBufferBytes = 4 * 1024 * 1024;
var uuidAtEnd = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
var plainName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
var maxProblemsListed = 12;
async function sha256File(path) {
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
function canonicalJsonText(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error('A number that is not finite has no JSON form.');
    const text = JSON.stringify(value);
    if (text === void 0) throw new Error('This value has no JSON form.');
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === void 0 || typeof v === 'function' ? 'null' : canonicalJsonText(v))).join(',')}]`;
  }
  const record = value;
  const parts = [];
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === void 0 || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJsonText(v)}`);
  }
  return `{${parts.join(',')}}`;
}
function sha256Hex(data) {
  return createHash('sha256').update(data).digest('hex');
}
function groupHex(hex) {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}
function folderSource(folder) {
  const path = (name) => join(folder, name);
  return {
    async readFile(name) {
      try {
        return new Uint8Array(await readFile(path(name)));
      } catch (err) {
        if (err.code === 'ENOENT') return null;
        throw err;
      }
    },
    async size(name) {
      try {
        const s = await stat(path(name));
        return s.isFile() ? s.size : null;
      } catch (err) {
        if (err.code === 'ENOENT') return null;
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
async function verifyFolder(folder, options = {}) {
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
async function verifySeal(source, options = {}) {
  const checks = [];
  const add = (what, ok, detail) => checks.push({ what, ok, detail });
  const manifestBytes = await source.readFile(sealFiles.manifest);
  if (manifestBytes === null) {
    return unreadable(
      `${sealFiles.manifest} is missing: this is not a sealed hearing folder, or its seal was removed.`,
    );
  }
  const key = await checkSignature(source, manifestBytes, add);
  let parsed;
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
  const manifest = parsed;
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
  let lines = options.auditEntries ? [...options.auditEntries] : null;
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
  const notCovered = [];
  if (source.list) {
    const known = new Set(Object.values(sealFiles).filter((n) => n !== sealFiles.writtenRecord));
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
function unreadable(reason, checks = []) {
  return {
    verdict: 'unreadable',
    checks: [...checks, { what: 'Reading the seal', ok: false, detail: reason }],
    notCovered: [],
  };
}
async function checkSignature(source, manifestBytes, add) {
  const pem = await source.readFile(sealFiles.publicKey);
  let key = null;
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
async function checkKey(source, key, manifest, expected, add) {
  const found = sha256Hex(key.export({ type: 'spki', format: 'der' }));
  add(
    'Key fingerprint',
    found === manifest.key.fingerprint,
    found === manifest.key.fingerprint
      ? `The key in ${sealFiles.publicKey} has the fingerprint the seal records: ${groupHex(found)}.`
      : `The key in ${sealFiles.publicKey} is not the one the seal records: fingerprint expected ${groupHex(manifest.key.fingerprint)}, found ${groupHex(found)}.`,
  );
  if (expected !== void 0) {
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
function checkHearingIdentity(manifest, expected, add) {
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
async function checkFiles(source, manifest, add) {
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
async function checkFile(source, label, file, add) {
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
function parseAuditLines(text, add) {
  const lines = [];
  const bad = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const value = JSON.parse(line);
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
function isAuditLine(v) {
  if (typeof v !== 'object' || v === null) return false;
  const e = v;
  if (!Number.isInteger(e.seq) || typeof e.prevHash !== 'string' || typeof e.hash !== 'string')
    return false;
  return e.redacted === true || (typeof e.action === 'string' && 'details' in e);
}
var isFull = (e) => !('redacted' in e && e.redacted === true);
function checkAudit(lines, manifest, manifestSha256, add) {
  const problems = [];
  const bySeq = /* @__PURE__ */ new Map();
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
  let missingFrom = null;
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
  const own = [];
  const pinned = /* @__PURE__ */ new Set();
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
    (e) =>
      isFull(e) &&
      e.seq > head.seq &&
      e.action === 'hearing.sealed' &&
      e.hearingId === manifest.hearingId,
  );
  const recorded = sealing?.details?.manifestSha256;
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
function listed(items) {
  const shown = items.slice(0, maxProblemsListed).join('; ');
  return items.length > maxProblemsListed
    ? `${shown}; and ${items.length - maxProblemsListed} more`
    : shown;
}
function manifestShapeProblem(v) {
  const isObj = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
  const isStr = (x) => typeof x === 'string';
  const isInt = (x) => Number.isInteger(x);
  const fileOk = (f) => isObj(f) && isStr(f.name) && isStr(f.sha256) && isInt(f.sizeBytes);
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
  for (const r of v.recordings) {
    if (!isObj(r) || !isInt(r.segment) || !fileOk(r.master))
      return 'a recording has no master file';
    if (r.working !== null) {
      const w = r.working;
      if (!fileOk(w) || !isObj(w.derivation)) return 'a working copy is incomplete';
      const d = w.derivation;
      if (!isStr(d.tool) || !isStr(d.toolVersion) || !isStr(d.inputSha256))
        return "a working copy's derivation is incomplete";
    }
  }
  if (!Array.isArray(v.documents) || !v.documents.every((d) => fileOk(d) && isStr(d.kind))) {
    return 'the list of documents is missing';
  }
  return null;
}

// main/services/seal/verify-cli.ts
var usage = `Checks a sealed Hearing Room hearing without the application.

Usage: node hearing-room-verify.mjs <folder> [--expect-key <fingerprint>] [--json]

  <folder>        the unpacked export folder (the one holding manifest.json)
  --expect-key    the signing key's fingerprint as you know it from elsewhere (the written
                  record, the registry); the check fails if the seal was made with another key
  --json          print the result as JSON

Exit code: 0 valid, 1 invalid, 2 the folder or its manifest cannot be read.
`;
var exitCodes = { valid: 0, invalid: 1, unreadable: 2 };
var out = (line = '') =>
  process.stdout.write(`${line}
`);
function print(folder, report) {
  out('Hearing Room seal check');
  out(`Folder:          ${folder}`);
  if (report.seal) {
    const ref = report.seal.caseReference ? ` (case ${report.seal.caseReference})` : '';
    out(`Hearing:         ${report.seal.hearingId}${ref}`);
    out(`Sealed at:       ${report.seal.sealedAt}`);
    out(`Key fingerprint: ${groupHex(report.seal.keyFingerprint)}`);
    out(
      '                 Compare it with the fingerprint in the written record or held by the registry.',
    );
  }
  out();
  for (const c of report.checks) out(`${c.ok ? '  ok   ' : '  FAIL '} ${c.what}: ${c.detail}`);
  if (report.notCovered.length > 0) {
    out();
    out(
      `Not covered by the seal (nothing vouches for these files): ${report.notCovered.join(', ')}`,
    );
  }
  out();
  const failed = report.checks.filter((c) => !c.ok).length;
  if (report.verdict === 'valid') {
    out(
      `Result: VALID. All ${report.checks.length} checks passed: the sealed files are exactly as they were when the hearing was sealed.`,
    );
  } else if (report.verdict === 'invalid') {
    out(
      `Result: INVALID. ${failed} of ${report.checks.length} checks failed (marked FAIL above): something was changed after sealing, or the seal is not genuine. Do not rely on these files; report this to the magistrate in charge.`,
    );
  } else {
    out(
      'Result: CANNOT CHECK. The folder or its seal cannot be read (see FAIL above); nothing was verified.',
    );
  }
}
async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'expect-key': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}

${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(usage);
    return 2;
  }
  const folder = resolve2(positionals[0]);
  const expectKey = values['expect-key'];
  const report = await verifyFolder(
    folder,
    expectKey === void 0 ? {} : { expectedFingerprint: expectKey },
  );
  if (values.json) out(JSON.stringify(report, null, 2));
  else print(folder, report);
  return exitCodes[report.verdict];
}
main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(
      `The check could not run: ${err instanceof Error ? err.message : String(err)}
`,
    );
    process.exitCode = 2;
  },
);
