import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApiError } from '../../shared/api/errors';
import { canonicalJson } from '../../shared/canonical-json';
import { HearingExporter } from '../../main/services/export';
import type { AuditLine, SealManifest } from '../../main/services/seal/format';
import { webmPatcher } from '../../main/services/webm/derive';
import {
  sha256File,
  sha256Hex,
  verifyFolder,
  type VerifyReport,
} from '../../main/services/seal/verify';
import { FileMediaStore } from '../../main/services/storage/file-media-store';
import { WebmPatcher } from '../../main/services/working-copy';
import {
  ctx,
  fixture,
  openSealing,
  recordedHearing,
  verifierPath,
  type Sealing,
} from '../helpers/sealing';
import { tempDir } from '../helpers/temp';

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

/** The environment with only LANG to choose the language, as `LANG=nl_BE.UTF-8` would. */
function withLang(lang: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return env;
}

function runVerifier(folder: string, args: string[] = [], env = withLang('C.UTF-8')) {
  const r = spawnSync(process.execPath, [verifierPath, folder, ...args], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout + r.stderr };
}

function failed(report: VerifyReport): string {
  return report.checks
    .filter((c) => !c.ok)
    .map((c) => `${c.what}: ${c.detail}`)
    .join('\n');
}

function flipByte(file: string, at: number): void {
  const bytes = readFileSync(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  writeFileSync(file, bytes);
}

let s: Sealing;
let hearingA: string;
let hearingB: string;
let exportA: string;
let exportB: string;

/** A copy of the export to tamper with, under the same folder name (the name carries the hearing). */
function copyOf(folder: string): string {
  const copy = join(tempDir(), basename(folder));
  cpSync(folder, copy, { recursive: true });
  return copy;
}

function auditLines(folder: string): string[] {
  return readFileSync(join(folder, 'audit.jsonl'), 'utf8').trimEnd().split('\n');
}

// Made here, not in before(): a folder made in a hook would be removed when the hook ends.
const dataDir = tempDir();
const destination = tempDir();

before(async () => {
  s = openSealing(dataDir);
  hearingA = await recordedHearing(s, 'AN.55.F1.000123/26');
  hearingB = await recordedHearing(s, 'BR.12.L3.000456/26');
  await s.seals.seal(hearingA, ctx);
  await s.seals.seal(hearingB, ctx);
  exportA = folderOf(await s.exporter.exportHearing(hearingA, destination, ctx));
  exportB = folderOf(await s.exporter.exportHearing(hearingB, destination, ctx));
});
after(() => s.close());

function folderOf(result: { folder: string | null }): string {
  assert.ok(result.folder, 'an export without a passphrase has its folder');
  return result.folder;
}

describe('exporting a sealed hearing', () => {
  test('gives a folder named after the case and the hearing, and its zip, and nothing else', async () => {
    assert.equal(basename(exportA), `AN.55.F1.000123_26-${hearingA}`);
    const destination = join(exportA, '..');
    assert.deepEqual(
      readdirSync(destination).sort(),
      [
        basename(exportA),
        `${basename(exportA)}.zip`,
        basename(exportB),
        `${basename(exportB)}.zip`,
      ].sort(),
    );
    assert.deepEqual(readdirSync(exportA).sort(), [
      'README-CLERK.txt',
      'audit.jsonl',
      'checkpoint.json',
      'checkpoint.sig',
      'hearing-room-verify.mjs',
      'manifest.json',
      'manifest.sig',
      'public-key-fingerprint.txt',
      'public-key.pem',
      'segment-001-master.webm',
      'segment-001-working.webm',
    ]);
    assert.deepEqual(
      readFileSync(join(exportA, 'hearing-room-verify.mjs')),
      readFileSync(verifierPath),
    );
    const last = s.audit.entries(hearingA).at(-1);
    assert.equal(last?.action, 'hearing.exported');
  });

  test("the audit file carries the whole chain, but other hearings' entries only as links", () => {
    const lines = auditLines(exportA).map(
      (l) => JSON.parse(l) as { seq: number; hearingId?: string; redacted?: boolean },
    );
    assert.deepEqual(
      lines.map((l) => l.seq),
      lines.map((_, i) => i + 1),
    );
    for (const l of lines) {
      if (l.redacted)
        assert.deepEqual(Object.keys(l).sort(), ['hash', 'prevHash', 'redacted', 'seq']);
      else assert.equal(l.hearingId, hearingA);
    }
    assert.ok(
      lines.some((l) => l.redacted),
      'hearing B is in the chain',
    );
    assert.ok(
      !readFileSync(join(exportA, 'audit.jsonl'), 'utf8').includes('BR.12.L3'),
      "another hearing's case never appears",
    );
  });

  test('the README tells a clerk, in four languages, how to check', () => {
    const readme = readFileSync(join(exportA, 'README-CLERK.txt'), 'utf8');
    for (const heading of ['ENGLISH', 'NEDERLANDS', 'FRANÇAIS', 'DEUTSCH'])
      assert.ok(readme.includes(`\r\n${heading}\r\n`), heading);
    assert.ok(readme.includes('node hearing-room-verify.mjs .'));
    assert.ok(readme.includes(`${hearingA}`));
  });

  test('the standalone verifier, run as its own process, says valid (exit 0)', () => {
    const { code, out } = runVerifier(exportA, ['--checkpoint', exportA]);
    assert.equal(code, 0, out);
    assert.match(out, /Result: VALID\./);
    // Run from inside the folder, as the README says.
    const inside = spawnSync(process.execPath, ['hearing-room-verify.mjs', '.'], {
      cwd: exportA,
      encoding: 'utf8',
    });
    assert.equal(inside.status, 0, inside.stdout);
  });

  test('the signature checks with OpenSSL alone, as the README says', (t) => {
    if (spawnSync('openssl', ['version']).status !== 0) return t.skip('openssl is not installed');
    const work = copyOf(exportA);
    const run = (args: string[]) => spawnSync('openssl', args, { cwd: work, encoding: 'utf8' });
    assert.equal(
      run(['base64', '-d', '-in', 'manifest.sig', '-out', 'manifest.sig.bin']).status,
      0,
    );
    const verified = run([
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      'public-key.pem',
      '-rawin',
      '-in',
      'manifest.json',
      '-sigfile',
      'manifest.sig.bin',
    ]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  });

  test('the zip passes unzip -t, and what it unpacks verifies', (t) => {
    if (!hasUnzip)
      return t.skip(
        'unzip is not installed (Debian: apt-get install unzip); the zip was not checked',
      );
    const zip = `${exportA}.zip`;
    const tested = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
    assert.equal(tested.status, 0, tested.stdout);
    const unpacked = tempDir();
    assert.equal(spawnSync('unzip', ['-q', zip, '-d', unpacked]).status, 0);
    const { code, out } = runVerifier(join(unpacked, basename(exportA)));
    assert.equal(code, 0, out);
  });

  test('exit 1 for a tampered export, exit 2 for a missing folder or an unreadable manifest', () => {
    const tampered = copyOf(exportA);
    flipByte(join(tampered, 'segment-001-master.webm'), 100);
    const bad = runVerifier(tampered);
    assert.equal(bad.code, 1, bad.out);
    assert.match(bad.out, /FAIL\s+segment-001-master\.webm/);
    assert.match(bad.out, /Result: INVALID\./);

    assert.equal(runVerifier(join(tempDir(), 'no-such-folder')).code, 2);
    const garbled = copyOf(exportA);
    writeFileSync(join(garbled, 'manifest.json'), '{"format": "hearing-room-seal/1",');
    const g = runVerifier(garbled);
    assert.equal(g.code, 2, g.out);
    assert.match(g.out, /manifest\.json is not valid JSON/);
    const empty = copyOf(exportA);
    rmSync(join(empty, 'manifest.json'));
    assert.equal(runVerifier(empty).code, 2);
  });

  test('is refused for an unsealed hearing, and for a destination that already holds it; nothing is left behind', async () => {
    const unsealed = await recordedHearing(s, 'UN/1');
    const destination = tempDir();
    await assert.rejects(
      s.exporter.exportHearing(unsealed, destination, ctx),
      (err: unknown) =>
        err instanceof ApiError && /Seal the hearing before exporting/.test(err.message),
    );
    await assert.rejects(
      s.exporter.exportHearing(hearingA, join(exportA, '..'), ctx),
      (err: unknown) => err instanceof ApiError && /already exists/.test(err.message),
    );
    const broken = new HearingExporter(s.db, s.audit, s.store, s.seals, {
      verifierPath: join(destination, 'missing.mjs'),
    });
    await assert.rejects(
      broken.exportHearing(hearingA, destination, ctx),
      /standalone verifier is missing/,
    );
    assert.deepEqual(readdirSync(destination), []);
  });

  test('a written record in the hearing folder is sealed and exported with it', async () => {
    const id = await recordedHearing(s, 'PV/1');
    writeFileSync(join(s.hearingDir(id), 'written-record.pdf'), '%PDF-1.7 written record');
    await s.seals.seal(id, ctx);
    const folder = folderOf(await s.exporter.exportHearing(id, tempDir(), ctx));
    const report = await verifyFolder(folder);
    assert.equal(report.verdict, 'valid', failed(report));
    assert.ok(report.checks.some((c) => c.what === 'written-record.pdf' && c.ok));
    flipByte(join(folder, 'written-record.pdf'), 3);
    assert.match(
      failed(await verifyFolder(folder)),
      /written-record\.pdf: Written record: the content was changed/,
    );
  });

  test('a written record made after sealing is exported, and reported as not covered by the seal', async () => {
    const id = await recordedHearing(s, 'PV/2');
    await s.seals.seal(id, ctx);
    writeFileSync(join(s.hearingDir(id), 'written-record.pdf'), '%PDF-1.7 later');
    const folder = folderOf(await s.exporter.exportHearing(id, tempDir(), ctx));
    const report = await verifyFolder(folder);
    assert.equal(report.verdict, 'valid', failed(report));
    assert.deepEqual(report.notCovered, ['written-record.pdf']);
    const { out } = runVerifier(folder);
    assert.match(
      out,
      /Not covered by the seal \(nothing vouches for these files\): written-record\.pdf/,
    );
  });

  test('a ZIP64 archive passes unzip -t', async (t) => {
    if (!hasUnzip)
      return t.skip(
        'unzip is not installed (Debian: apt-get install unzip); the zip was not checked',
      );
    const exporter = new HearingExporter(s.db, s.audit, s.store, s.seals, {
      verifierPath,
      forceZip64: true,
    });
    const { zip } = await exporter.exportHearing(hearingA, tempDir(), ctx);
    const tested = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
    assert.equal(tested.status, 0, tested.stdout + tested.stderr);
  });
  test('with a passphrase, only the zip is written, every entry AES-256 encrypted; 7-Zip opens it with the passphrase and the verifier finds it valid', async (t) => {
    const has7z = spawnSync('7z', ['--help'], { encoding: 'utf8' }).status === 0;
    if (!has7z)
      return t.skip(
        '7-Zip is not installed (Debian: apt-get install p7zip-full); the protected zip was not opened',
      );
    const out = tempDir();
    const passphrase = 'correct horse battery staple';
    const result = await s.exporter.exportHearing(hearingA, out, ctx, { passphrase });
    assert.equal(result.folder, null, 'no plain folder beside a protected zip');
    assert.deepEqual(readdirSync(out), [basename(result.zip)]);
    const listed = spawnSync('7z', ['l', '-slt', result.zip], { encoding: 'utf8' });
    assert.match(listed.stdout, /Method = AES-256/, 'entries are AES-256 encrypted');
    const wrong = spawnSync('7z', ['t', '-pnot the passphrase', result.zip], { encoding: 'utf8' });
    assert.notEqual(wrong.status, 0, 'a wrong passphrase opens nothing');
    const unpacked = tempDir();
    const right = spawnSync('7z', ['x', `-p${passphrase}`, `-o${unpacked}`, result.zip], {
      encoding: 'utf8',
    });
    assert.equal(right.status, 0, right.stdout + right.stderr);
    const [folderName] = readdirSync(unpacked);
    const report = await verifyFolder(join(unpacked, folderName!));
    assert.equal(report.verdict, 'valid', failed(report));
    const entry = s.audit.entries(hearingA).findLast((e) => e.action === 'hearing.exported');
    assert.equal(
      (entry?.details as { protectedWithPassphrase?: boolean }).protectedWithPassphrase,
      true,
    );
    assert.doesNotMatch(JSON.stringify(entry), /correct horse/, 'the passphrase is never audited');
  });
});

describe('a tampered export is detected, and what changed is named', () => {
  test('one byte flipped in the master', async () => {
    const f = copyOf(exportA);
    flipByte(join(f, 'segment-001-master.webm'), 4321);
    const report = await verifyFolder(f);
    assert.equal(report.verdict, 'invalid');
    // The working copy, derived again from the changed master, no longer matches either.
    assert.match(
      failed(report),
      /^segment-001-master\.webm: Master of segment 1: the content was changed \(same size, \d+ bytes\): SHA-256 expected [0-9a-f]{64}, found [0-9a-f]{64}\.\nsegment-001-working\.webm derived again: The working copy of segment 1 is not what its master derives to: they differ from byte \d+ on\.$/,
    );
  });

  test('one byte flipped in the working copy', async () => {
    const f = copyOf(exportA);
    flipByte(join(f, 'segment-001-working.webm'), 999);
    assert.match(
      failed(await verifyFolder(f)),
      /^segment-001-working\.webm: Working copy of segment 1: the content was changed/,
    );
  });

  test('a truncated file', async () => {
    const f = copyOf(exportA);
    truncateSync(join(f, 'segment-001-working.webm'), 5000);
    assert.match(
      failed(await verifyFolder(f)),
      /^segment-001-working\.webm: Working copy of segment 1: size expected \d+ bytes, found 5000; the file is shorter: it was cut\.$/,
    );
  });

  test('a deleted audit entry is named by its number', async () => {
    const f = copyOf(exportA);
    const lines = auditLines(f);
    writeFileSync(join(f, 'audit.jsonl'), `${lines.filter((_, i) => i !== 1).join('\n')}\n`);
    const text = failed(await verifyFolder(f));
    assert.match(
      text,
      /Audit log: chain: The audit entries were tampered with: entry 2 is missing\./,
    );
    assert.match(text, /Audit log: this hearing's entries: .*entry 2 is missing/);
  });

  test('an edited audit entry is named by its number', async () => {
    const f = copyOf(exportA);
    const lines = auditLines(f);
    lines[0] = (lines[0] ?? '').replace('AN.55.F1.000123/26', 'AN.55.F1.000999/26');
    writeFileSync(join(f, 'audit.jsonl'), `${lines.join('\n')}\n`);
    assert.match(
      failed(await verifyFolder(f)),
      /entry 1 was changed: its content no longer matches its hash/,
    );
  });

  test('reordered audit entries are named', async () => {
    const f = copyOf(exportA);
    const lines = auditLines(f);
    [lines[1], lines[2]] = [lines[2] ?? '', lines[1] ?? ''];
    writeFileSync(join(f, 'audit.jsonl'), `${lines.join('\n')}\n`);
    assert.match(failed(await verifyFolder(f)), /entry 2 is out of place: it comes after entry 3/);
  });

  test('a manifest swapped between two hearings', async () => {
    const f = copyOf(exportA);
    for (const name of ['manifest.json', 'manifest.sig', 'public-key.pem'])
      cpSync(join(exportB, name), join(f, name));
    const text = failed(await verifyFolder(f));
    // Both hearings recorded the same bytes, so only the hearing's identity tells them apart.
    assert.match(
      text,
      new RegExp(
        `Hearing: The seal is for hearing ${hearingB}, but this folder is hearing ${hearingA}`,
      ),
    );
    assert.match(text, /Audit log: this hearing's entries: .*is left out/);
    assert.match(text, /Audit log: sealing: No audit entry records the sealing of this hearing\./);
  });

  test('a signature from another key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const resign = (folder: string) =>
      writeFileSync(
        join(folder, 'manifest.sig'),
        sign(
          null,
          readFileSync(join(folder, 'manifest.json')),
          createPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' })),
        ).toString('base64'),
      );

    const signatureOnly = copyOf(exportA);
    resign(signatureOnly);
    assert.match(
      failed(await verifyFolder(signatureOnly)),
      /^Signature: manifest\.json does not match its signature in manifest\.sig/,
    );

    const withItsKey = copyOf(exportA);
    resign(withItsKey);
    writeFileSync(
      join(withItsKey, 'public-key.pem'),
      publicKey.export({ type: 'spki', format: 'pem' }),
    );
    const text = failed(await verifyFolder(withItsKey));
    assert.doesNotMatch(text, /^Signature:/m);
    assert.match(
      text,
      /^Key fingerprint: The key in public-key\.pem is not the one the seal records/m,
    );
  });

  test('a key fingerprint known from elsewhere must match', async () => {
    const ok = await verifyFolder(exportA, {
      expectedFingerprint: s.keys.fingerprint().replace(/(.{4})/g, '$1 '),
    });
    assert.equal(ok.verdict, 'valid', failed(ok));
    const other = await verifyFolder(exportA, { expectedFingerprint: 'ab'.repeat(32) });
    assert.match(
      failed(other),
      /^Expected key: The seal was made with another key than the one you gave/,
    );
  });

  test('a file added to the export is listed as not covered', async () => {
    const f = copyOf(exportA);
    mkdirSync(join(f, 'sub'));
    writeFileSync(join(f, 'notes.txt'), 'added');
    const report = await verifyFolder(f);
    assert.equal(report.verdict, 'valid', failed(report));
    assert.deepEqual(report.notCovered, ['notes.txt']);
    assert.ok(existsSync(join(f, 'sub')));
  });
});

/**
 * What someone holding the installation's key could do to an export: change the manifest, sign
 * it again with that key, and make the audit chain agree (the sealing entry names the new
 * manifest's SHA-256, and every entry after it is linked and hashed again).
 */
function forgeSeal(folder: string, change: (manifest: SealManifest) => void): void {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as SealManifest;
  change(manifest);
  const bytes = Buffer.from(canonicalJson(manifest));
  writeFileSync(join(folder, 'manifest.json'), bytes);
  writeFileSync(
    join(folder, 'manifest.sig'),
    `${Buffer.from(s.keys.sign(bytes)).toString('base64')}\n`,
  );
  const lines = auditLines(folder).map((l) => JSON.parse(l) as AuditLine & { details?: unknown });
  let prevHash: string | null = null;
  for (const line of lines) {
    if (prevHash !== null) line.prevHash = prevHash;
    if (
      !('redacted' in line) &&
      line.action === 'hearing.sealed' &&
      line.hearingId === manifest.hearingId
    ) {
      (line.details as { manifestSha256: string }).manifestSha256 = sha256Hex(bytes);
      prevHash = '';
    }
    if (prevHash !== null && !('redacted' in line)) {
      const { hash: _old, ...body } = line;
      line.hash = sha256Hex(canonicalJson(body));
    }
    if (prevHash !== null) prevHash = line.hash;
  }
  writeFileSync(join(folder, 'audit.jsonl'), lines.map((l) => `${canonicalJson(l)}\n`).join(''));
}

/** Puts `bytes` in place of the working copy of segment 1, and in the manifest, re-signed. */
async function replaceWorkingCopy(folder: string, bytes: Uint8Array): Promise<void> {
  const file = join(folder, 'segment-001-working.webm');
  writeFileSync(file, bytes);
  const { sha256, sizeBytes } = await sha256File(file);
  forgeSeal(folder, (m) => {
    const working = m.recordings[0]?.working;
    assert.ok(working);
    working.sha256 = sha256;
    working.sizeBytes = sizeBytes;
  });
}

function check(report: VerifyReport, code: string) {
  const found = report.checks.filter((c) => c.code === code);
  assert.equal(found.length, 1, `one ${code} check`);
  return found[0]!;
}

describe('the working copy is derived again from its master', () => {
  test('a re-signed export whose working copy has one byte changed is invalid, and says so', async () => {
    const f = copyOf(exportA);
    const bytes = readFileSync(join(f, 'segment-001-working.webm'));
    const at = bytes.byteLength - 5000; // inside a video frame: still a playable file
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    await replaceWorkingCopy(f, bytes);

    // The forgery is complete: without re-deriving, nothing notices it.
    const quick = await verifyFolder(f, { quick: true });
    assert.equal(quick.verdict, 'valid', failed(quick));

    const report = await verifyFolder(f);
    assert.equal(report.verdict, 'invalid');
    assert.equal(
      failed(report),
      `segment-001-working.webm derived again: The working copy of segment 1 is not what its master derives to: they differ from byte ${at} on.`,
    );
    const { code, out } = runVerifier(f);
    assert.equal(code, 1, out);
    assert.match(
      out,
      /FAIL\s+segment-001-working\.webm derived again: The working copy of segment 1 is not what its master derives to/,
    );
  });

  test('a re-signed export whose working copy was derived from another master is invalid', async () => {
    const f = copyOf(exportA);
    // Another master: the first three of the four chunks the recording was made of.
    const store = new FileMediaStore(tempDir());
    store.writeAtomic(
      'other',
      'master.webm',
      fixture.subarray(0, Math.ceil(fixture.byteLength / 4) * 3),
    );
    const derived = await new WebmPatcher(store).derive(
      'other',
      'master.webm',
      'working.webm',
    );
    const other = await store.readBytes('other', 'working.webm', 0, derived.output.sizeBytes);
    await replaceWorkingCopy(f, other);

    assert.equal((await verifyFolder(f, { quick: true })).verdict, 'valid');
    const report = await verifyFolder(f);
    assert.equal(report.verdict, 'invalid');
    const rederive = check(report, 'working.rederive');
    assert.equal(rederive.ok, false);
    assert.match(
      rederive.detail,
      /^The working copy of segment 1 is not what its master derives to: /,
    );
  });

  test('--quick skips it, and the verdict says which check was not done', () => {
    const { code, out } = runVerifier(exportA, ['--quick']);
    assert.equal(code, 0, out);
    assert.match(out, /^ {2}-- {4}segment-001-working\.webm derived again: Not done \(--quick\)/m);
    assert.match(
      out,
      /Result: VALID for what was checked: \d+ checks passed\. Not done: working\.rederive \(segment-001-working\.webm derived again\); checkpoint\.extends \(Anchoring: the log extends the earlier checkpoint\)\./,
    );
    const full = runVerifier(exportA, ['--checkpoint', exportA]);
    assert.match(
      full.out,
      /ok {4}segment-001-working\.webm derived again: The master of segment 1, remuxed again with hearing-room-webm \d/,
    );
    assert.match(full.out, /Result: VALID\. All \d+ checks passed/);
  });

  test('a seal naming another version of the remuxer: not re-derived, said so, and the hashes still checked', async () => {
    const f = copyOf(exportA);
    forgeSeal(f, (m) => {
      m.recordings[0]!.working!.derivation.toolVersion = '0.9.0';
    });
    const report = await verifyFolder(f);
    assert.equal(report.verdict, 'valid', failed(report));
    const rederive = check(report, 'working.rederive');
    assert.equal(rederive.done, false);
    assert.equal(
      rederive.detail,
      `Not done: cannot re-derive the working copy of segment 1: the verifier carries hearing-room-webm ${webmPatcher.version}, the seal names hearing-room-webm 0.9.0. Its SHA-256 was still checked. To re-derive, use a verifier that carries hearing-room-webm 0.9.0.`,
    );
    assert.equal(check(report, 'working.sha256').ok, true);

    flipByte(join(f, 'segment-001-working.webm'), 999);
    const changed = await verifyFolder(f);
    assert.equal(changed.verdict, 'invalid');
    assert.equal(check(changed, 'working.sha256').ok, false);
  });
});

describe('verdicts a clerk can act on', () => {
  test('every check has a stable code', async () => {
    const report = await verifyFolder(exportA);
    assert.deepEqual(
      report.checks.map((c) => c.code),
      [
        'signature',
        'manifest.canonical',
        'key.fingerprint',
        'key.fingerprint-file',
        'hearing.id',
        'master.sha256',
        'working.sha256',
        'working.derivation',
        'working.rederive',
        'audit.chain',
        'audit.entries',
        'audit.sealing',
        'checkpoint.signature',
        'checkpoint.head',
        'checkpoint.extends',
      ],
    );
  });

  test('in Dutch, French and German, with --lang or from LANG', () => {
    const tampered = copyOf(exportA);
    flipByte(join(tampered, 'segment-001-master.webm'), 4321);
    const expected = {
      nl: [
        /Resultaat: VALID \(geldig\)\. Alle \d+ controles geslaagd/,
        /FAIL\s+segment-001-master\.webm: Master van segment 1: de inhoud werd gewijzigd \(zelfde grootte, \d+ bytes\)/,
        /Resultaat: INVALID \(ongeldig\)\. 2 van \d+ controles mislukt/,
      ],
      fr: [
        /Résultat : VALID \(valide\)\. Les \d+ contrôles ont réussi/,
        /FAIL\s+segment-001-master\.webm: Original du segment 1 : le contenu a été modifié \(même taille, \d+ octets\)/,
        /Résultat : INVALID \(non valide\)\. 2 contrôles sur \d+ ont échoué/,
      ],
      de: [
        /Ergebnis: VALID \(gültig\)\. Alle \d+ Prüfungen bestanden/,
        /FAIL\s+segment-001-master\.webm: Original von Segment 1: der Inhalt wurde verändert \(gleiche Größe, \d+ Bytes\)/,
        /Ergebnis: INVALID \(ungültig\)\. 2 von \d+ Prüfungen fehlgeschlagen/,
      ],
    };
    for (const [lang, [valid, named, invalid]] of Object.entries(expected)) {
      const quick = runVerifier(exportA, ['--lang', lang, '--quick']);
      assert.equal(quick.code, 0, quick.out);
      assert.match(quick.out, /\(--quick\)/);
      assert.doesNotMatch(quick.out, /Not done/);
      const full = runVerifier(exportA, ['--checkpoint', exportA], withLang(`${lang}_BE.UTF-8`));
      assert.match(full.out, valid!, `${lang} from LANG`);
      const bad = runVerifier(tampered, ['--lang', lang]);
      assert.equal(bad.code, 1, bad.out);
      assert.match(bad.out, named!, lang);
      assert.match(bad.out, invalid!, lang);
      assert.doesNotMatch(
        bad.out,
        /the content was changed|Result:/,
        `${lang}: nothing left in English`,
      );
    }
    const unknown = runVerifier(exportA, ['--lang', 'es']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.out, /--lang es is not one of en, nl, fr, de/);
  });

  test('every check of a report is written in each language', async () => {
    const f = copyOf(exportA);
    flipByte(join(f, 'segment-001-working.webm'), 999);
    const report = await verifyFolder(f, { expectedFingerprint: 'ab'.repeat(32) });
    for (const c of report.checks) {
      assert.ok(c.text, c.code);
      assert.equal(c.text.en.detail, c.detail);
      for (const lang of ['nl', 'fr', 'de'] as const)
        assert.notEqual(c.text[lang].detail, c.detail, `${c.code} in ${lang}`);
    }
  });

  test('--json gives each check with its code', () => {
    const { code, out } = runVerifier(exportA, ['--json', '--quick']);
    assert.equal(code, 0);
    const report = JSON.parse(out) as VerifyReport;
    assert.equal(report.verdict, 'valid');
    const rederive = report.checks.find((c) => c.code === 'working.rederive');
    assert.equal(rederive?.done, false);
  });

  test('the README explains --expect-key, --checkpoint and --quick in each language, and promises nothing more', () => {
    const readme = readFileSync(join(exportA, 'README-CLERK.txt'), 'utf8');
    const sections = readme.split(/\r\n(?=ENGLISH|NEDERLANDS|FRANÇAIS|DEUTSCH\r\n)/).slice(1);
    assert.equal(sections.length, 4);
    const placeholders = ['<fingerprint>', '<vingerafdruk>', '<empreinte>', '<Fingerabdruck>'];
    const earlier = [
      '<earlier export folder>',
      '<map van de eerdere export>',
      "<dossier de l'export antérieur>",
      '<Ordner des früheren Exports>',
    ];
    sections.forEach((section, i) => {
      // The fingerprint to expect comes from the registry, never from the export itself.
      assert.ok(
        section.includes(`node hearing-room-verify.mjs . --expect-key "${placeholders[i]}"`),
        section,
      );
      // The checkpoint to check against is the one the registry kept from an earlier export.
      assert.ok(section.includes(`node hearing-room-verify.mjs . --checkpoint "${earlier[i]}"`), section);
      assert.ok(section.includes('checkpoint.json') && section.includes('checkpoint.sig'), section);
      assert.ok(section.includes('--quick'), section);
      assert.ok(section.includes('--lang'), section);
      assert.ok(section.includes('20'), 'the Node.js version the verifier needs');
    });
    assert.doesNotMatch(
      readme,
      /fingerprint in the written record|vingerafdruk in het proces-verbaal/,
    );
  });
});
