import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { openServices } from '../../main/services/app';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { localOperator } from '../../shared/api/caller';
import type { Annotation } from '../../shared/coding/annotations';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { verifierPath } from '../helpers/sealing';
import { tempDir } from '../helpers/temp';

const dataDir = tempDir();
const exportsDir = join(dataDir, 'exports');
mkdirSync(exportsDir);
let destination = exportsDir;
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys: PassphraseKeyFile.open(dataDir, 'correct horse battery staple'),
  verifierPath,
  exportDestination: () => destination,
  printer: { print: async () => new TextEncoder().encode('%PDF-1.4\n%%EOF\n') },
});
after(() => services.close());
const ctx = localOperator('internal');
const chunk = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

interface Check {
  code: string;
  ok: boolean;
  what: string;
  detail: string;
  text?: Record<string, { what: string; detail: string }>;
}
interface Report {
  verdict: string;
  checks: Check[];
  addenda?: { count: number; intact: number[]; failed: number[]; missing: number[] };
}

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await services.dispatcher.dispatch(ctx, name, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code, details: r.error.details });
  return r.value as T;
}

const prompt = (startMs: number, code = 'invitation') => ({
  kind: 'add',
  tierId: 'prompt',
  code,
  text: null,
  startMs,
  endMs: startMs + 500,
});

/** A recorded hearing with one annotation, sealed. */
async function sealedWithAnnotation(): Promise<{ hearing: Hearing; sealedAnnotation: Annotation }> {
  const hearing = await createReadyHearing<Hearing>(call, 13, `ADD/${Math.random().toString(16).slice(2, 8)}`);
  const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: chunk });
  await call('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  const [sealedAnnotation] = await call<Annotation[]>('annotations.change', { hearingId: hearing.id, change: prompt(100) });
  assert.ok(sealedAnnotation);
  await call('hearings.seal', { hearingId: hearing.id, reason: 'test' });
  return { hearing, sealedAnnotation };
}

const verify = (hearingId: string) => call<Report>('hearings.verify', { hearingId });
const failedText = (r: Report) =>
  r.checks
    .filter((c) => !c.ok)
    .map((c) => `${c.code} ${c.what}: ${c.detail}`)
    .join('\n');

/** Changes the stored database behind the app, as someone with the file could. */
function tamper(sql: string, ...params: unknown[]) {
  const raw = new Database(join(dataDir, 'hearing-room.sqlite'));
  try {
    raw.exec('DROP TRIGGER IF EXISTS annotation_addenda_no_update; DROP TRIGGER IF EXISTS annotation_addenda_no_delete;');
    raw.prepare(sql).run(...params);
  } finally {
    raw.close();
  }
}

describe('annotations after the seal, as signed addenda', () => {
  test('after the seal a change becomes a signed addendum; the sealed annotations never change', async () => {
    const { hearing, sealedAnnotation } = await sealedWithAnnotation();
    const afterAdd = await call<Annotation[]>('annotations.change', { hearingId: hearing.id, change: prompt(1000, 'directive') });
    const added = afterAdd.find((a) => a.id !== sealedAnnotation.id);
    assert.ok(added, 'the new annotation is listed');
    assert.equal(added.addendum, 1, 'it is marked as addendum 1');
    assert.equal(afterAdd.find((a) => a.id === sealedAnnotation.id)?.addendum, undefined, 'the sealed one is not an addendum');

    // A sealed annotation cannot be edited, moved or deleted, even by its author.
    for (const change of [
      { kind: 'edit', id: sealedAnnotation.id, code: 'suggestive' },
      { kind: 'move', id: sealedAnnotation.id, startMs: 0, endMs: 10 },
      { kind: 'delete', id: sealedAnnotation.id },
    ]) {
      await assert.rejects(call('annotations.change', { hearingId: hearing.id, change }), (err: Error & { code?: string; details?: { reason?: string } }) => {
        assert.equal(err.code, 'conflict');
        assert.equal(err.details?.reason, 'sealed_annotation');
        assert.match(err.message, /signed addendum/);
        return true;
      });
    }

    // The annotation of an addendum can be changed: that is the next addendum.
    const edited = await call<Annotation[]>('annotations.change', {
      hearingId: hearing.id,
      change: { kind: 'edit', id: added.id, text: 'note on the prompt' },
    });
    const now = edited.find((a) => a.id === added.id);
    assert.equal(now?.text, 'note on the prompt');
    assert.equal(now?.addendum, 2, 'marked with the addendum holding its current form');
    const listed = await call<{ annotations: Annotation[] }>('annotations.list', { hearingId: hearing.id });
    assert.deepEqual(listed.annotations.find((a) => a.id === sealedAnnotation.id), sealedAnnotation, 'the sealed annotation is as sealed');
    assert.equal(listed.annotations.length, 2);

    const report = await verify(hearing.id);
    assert.equal(report.verdict, 'valid', failedText(report));
    assert.deepEqual(report.addenda, { count: 2, intact: [1, 2], failed: [], missing: [] });
    const summary = report.checks.find((c) => c.code === 'addenda');
    assert.equal(summary?.detail, 'Recording and record intact, as sealed; 2 addenda, both intact.');
    assert.match(summary?.text?.nl?.detail ?? '', /2 addenda, beide intact/);
    assert.equal(report.checks.filter((c) => c.code === 'addendum').length, 2, 'each addendum is checked on its own');

    // The audit log names each addendum by number and digest, never what it says.
    const raw = new Database(join(dataDir, 'hearing-room.sqlite'), { readonly: true });
    const entries = raw
      .prepare("SELECT action, details FROM audit_log WHERE hearing_id = ? AND action LIKE 'annotation%' ORDER BY seq")
      .all(hearing.id) as Array<{ action: string; details: string }>;
    raw.close();
    assert.deepEqual(
      entries.filter((e) => e.action === 'annotation.addendum_signed').map((e) => (JSON.parse(e.details) as { number: number }).number),
      [1, 2],
    );
    assert.ok(!JSON.stringify(entries).includes('note on the prompt'), 'the note is not in the audit log');
  });

  test('the stored addenda cannot be changed or removed through the database', async () => {
    const { hearing } = await sealedWithAnnotation();
    await call('annotations.change', { hearingId: hearing.id, change: prompt(2000) });
    const raw = new Database(join(dataDir, 'hearing-room.sqlite'));
    try {
      assert.throws(() => raw.prepare("UPDATE annotation_addenda SET body = 'x' WHERE hearing_id = ?").run(hearing.id), /cannot be changed/);
      assert.throws(() => raw.prepare('DELETE FROM annotation_addenda WHERE hearing_id = ?').run(hearing.id), /cannot be removed/);
    } finally {
      raw.close();
    }
  });

  test('an addendum changed in the database is named by its number', async () => {
    const { hearing } = await sealedWithAnnotation();
    for (const at of [1000, 2000, 3000]) await call('annotations.change', { hearingId: hearing.id, change: prompt(at) });
    assert.equal((await verify(hearing.id)).verdict, 'valid');
    // One byte of addendum 2's stored JSON: a start time 2000 becomes 2001.
    const raw = new Database(join(dataDir, 'hearing-room.sqlite'), { readonly: true });
    const body = raw.prepare('SELECT body FROM annotation_addenda WHERE hearing_id = ? AND number = 2').pluck().get(hearing.id) as string;
    raw.close();
    assert.ok(body.includes('"startMs":2000'));
    tamper('UPDATE annotation_addenda SET body = ? WHERE hearing_id = ? AND number = 2', body.replace('"startMs":2000', '"startMs":2001'), hearing.id);

    const report = await verify(hearing.id);
    assert.equal(report.verdict, 'invalid');
    assert.deepEqual(report.addenda?.failed, [2]);
    assert.deepEqual(report.addenda?.intact, [1, 3]);
    const failed = failedText(report);
    assert.match(failed, /^addendum Addendum 2: Addendum 2 is not intact: it was changed after it was signed/m);
    assert.doesNotMatch(failed, /Addendum [13] is not intact/);

    // A flipped byte in the signature is named the same way.
    const { hearing: other } = await sealedWithAnnotation();
    await call('annotations.change', { hearingId: other.id, change: prompt(1000) });
    const sig = (() => {
      const db = new Database(join(dataDir, 'hearing-room.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT signature FROM annotation_addenda WHERE hearing_id = ? AND number = 1').pluck().get(other.id) as string;
      } finally {
        db.close();
      }
    })();
    const flipped = (sig.startsWith('A') ? 'B' : 'A') + sig.slice(1);
    tamper('UPDATE annotation_addenda SET signature = ? WHERE hearing_id = ? AND number = 1', flipped, other.id);
    const second = await verify(other.id);
    assert.equal(second.verdict, 'invalid');
    assert.match(failedText(second), /Addendum 1 is not intact: it was changed after it was signed/);
  });

  test('a removed addendum breaks the chain and is named; so is the last one', async () => {
    const { hearing } = await sealedWithAnnotation();
    for (const at of [1000, 2000, 3000]) await call('annotations.change', { hearingId: hearing.id, change: prompt(at) });
    tamper('DELETE FROM annotation_addenda WHERE hearing_id = ? AND number = 2', hearing.id);
    const report = await verify(hearing.id);
    assert.equal(report.verdict, 'invalid');
    assert.deepEqual(report.addenda?.missing, [2]);
    assert.deepEqual(report.addenda?.intact, [1, 3]);
    const failed = failedText(report);
    assert.match(failed, /^addenda\.chain .*addendum 2 is missing \(removed\)/m);
    // The listing goes on with what is left: addendum 3's annotation is still shown.
    const listed = await call<{ annotations: Annotation[] }>('annotations.list', { hearingId: hearing.id });
    assert.deepEqual(
      listed.annotations.map((a) => a.addendum ?? 0),
      [0, 1, 3],
    );

    // Removing the last one leaves no gap in the chain; the audit log still names it.
    const { hearing: other } = await sealedWithAnnotation();
    for (const at of [1000, 2000]) await call('annotations.change', { hearingId: other.id, change: prompt(at) });
    tamper('DELETE FROM annotation_addenda WHERE hearing_id = ? AND number = 2', other.id);
    const second = await verify(other.id);
    assert.equal(second.verdict, 'invalid');
    assert.deepEqual(second.addenda?.missing, [2]);
    assert.match(failedText(second), /addendum 2, recorded in audit entry \d+, is missing/);
  });

  test('the export carries the addenda and the standalone verifier checks each one, naming a changed one', async () => {
    const { hearing } = await sealedWithAnnotation();
    // An export made before any addendum verifies as before, with no addendum check.
    const before = await call<{ folder: string; files: Array<{ name: string }> }>('hearings.export', { hearingId: hearing.id });
    assert.ok(!before.files.some((f) => f.name.startsWith('addenda/')));
    const plain = spawnSync(process.execPath, [join(before.folder, 'hearing-room-verify.mjs'), before.folder, '--json', '--quick'], {
      encoding: 'utf8',
    });
    assert.equal(plain.status, 0, plain.stdout + plain.stderr);
    const plainReport = JSON.parse(plain.stdout) as Report;
    assert.ok(!plainReport.checks.some((c) => c.code.startsWith('addend')));
    assert.equal(plainReport.addenda, undefined);

    for (const at of [1000, 2000]) await call('annotations.change', { hearingId: hearing.id, change: prompt(at) });
    destination = join(exportsDir, 'second');
    mkdirSync(destination);
    const exported = await call<{ folder: string; files: Array<{ name: string }> }>('hearings.export', { hearingId: hearing.id });
    const folder = exported.folder;
    const names = exported.files.map((f) => f.name);
    for (const name of ['addenda/0001.json', 'addenda/0001.sig', 'addenda/0002.json', 'addenda/0002.sig'])
      assert.ok(names.includes(name), `${name} is exported`);
    assert.deepEqual(readdirSync(join(folder, 'addenda')).sort(), ['0001.json', '0001.sig', '0002.json', '0002.sig']);
    const readme = readFileSync(join(folder, 'README-CLERK.txt'), 'utf8');
    assert.match(readme, /addenda\/0001\.json +an addendum: annotations added after the seal/);
    assert.match(readme, /addenda\/0002\.sig +de digitale handtekening van dat addendum/);

    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(folder, 'hearing-room-verify.mjs'), folder, '--quick', ...args], { encoding: 'utf8' });
    const ok = cli();
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /Recording and record intact, as sealed; 2 addenda, both intact\./);
    assert.match(ok.stdout, /ok +Addendum 1: Addendum 1, signed at/);
    assert.match(ok.stdout, /ok +Addendum 2: Addendum 2, signed at/);

    // One byte flipped in addenda/0001.json: named, exit code 1.
    const file = join(folder, 'addenda', '0001.json');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"startMs":1000');
    assert.ok(at > 0);
    bytes[at + '"startMs":'.length] = '2'.charCodeAt(0);
    writeFileSync(file, bytes);
    const bad = cli();
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /FAIL +Addendum 1: Addendum 1 is not intact: it was changed after it was signed/);
    assert.match(bad.stdout, /ok +Addendum 2:/);
    assert.match(bad.stdout, /FAIL +Addenda after the seal: Recording and record intact, as sealed; 2 addenda found; changed or not genuine: 1/);
    const dutch = cli('--lang', 'nl');
    assert.match(dutch.stdout, /Addendum 1 is niet intact: het werd gewijzigd na de ondertekening/);
  });
});
