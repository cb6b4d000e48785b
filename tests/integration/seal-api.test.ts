import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { openServices } from '../../main/services/app';
import { ChromiumPrinter, findChromium } from '../../main/host/chromium-printer';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { localOperator } from '../../shared/api/caller';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { tempDir } from '../helpers/temp';
import { verifierPath } from '../helpers/sealing';

const dataDir = tempDir();
const exportsDir = join(dataDir, 'exports');
mkdirSync(exportsDir);
const chromium = findChromium();
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys: PassphraseKeyFile.open(dataDir, 'correct horse battery staple'),
  verifierPath,
  exportDestination: () => exportsDir,
  ...(chromium ? { printer: new ChromiumPrinter(chromium) } : {}),
});
after(() => services.close());
const ctx = localOperator('internal');
const chunk = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await services.dispatcher.dispatch(ctx, name, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}

async function recordedAndSealed() {
  const hearing = await createReadyHearing<Hearing>(call, 13, `SEAL/${Math.random().toString(16).slice(2, 8)}`);
  const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: chunk });
  await call('events.add', { hearingId: hearing.id, event: { kind: 'mark', label: 'disclosure' } });
  await call('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  if (chromium) await call('writtenRecord.generate', { hearingId: hearing.id });
  const seal = await call<{ manifestSha256: string; recordingCount: number }>('hearings.seal', { hearingId: hearing.id });
  return { hearing, seal };
}

describe('sealing through the API', () => {
  test('a sealed hearing verifies, exports, and the export verifies without the app', async () => {
    const { hearing, seal } = await recordedAndSealed();
    assert.equal(seal.recordingCount, 1);
    const got = await call<Hearing>('hearings.get', { hearingId: hearing.id });
    assert.equal(got.status, 'sealed');
    assert.equal(got.seal?.manifestSha256, seal.manifestSha256, 'the hearing carries its seal');
    const report = await call<{ verdict: string; checks: Array<{ ok: boolean; what: string }> }>('hearings.verify', {
      hearingId: hearing.id,
    });
    assert.equal(report.verdict, 'valid', JSON.stringify(report.checks.filter((c) => !c.ok)));
    const exported = await call<{ folder: string; zip: string; files: Array<{ name: string }> }>('hearings.export', {
      hearingId: hearing.id,
    });
    const names = exported.files.map((f) => f.name);
    for (const expected of ['manifest.json', 'manifest.sig', 'public-key.pem', 'audit.jsonl', 'hearing-room-verify.mjs']) {
      assert.ok(names.includes(expected), `${expected} is exported`);
    }
    if (chromium) assert.ok(names.includes('written-record.pdf'));
    const run = spawnSync(process.execPath, [join(exported.folder, 'hearing-room-verify.mjs'), exported.folder], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.ok(existsSync(exported.zip));
  });

  test('a sealed hearing refuses every change clearly, and leaves no stray file', async () => {
    const { hearing } = await recordedAndSealed();
    const folder = join(dataDir, 'hearings', hearing.id);
    const before = readdirSync(folder).sort();
    const attempts: Array<[string, unknown]> = [
      ['procedure.save', { hearingId: hearing.id, section: 'attendees', value: [] }],
      ['recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' }],
      ['events.add', { hearingId: hearing.id, event: { kind: 'mark' } }],
      ['consent.withdraw', { hearingId: hearing.id, notedBy: 'X' }],
      ['writtenRecord.generate', { hearingId: hearing.id }],
      ['hearings.seal', { hearingId: hearing.id }],
    ];
    for (const [name, input] of attempts) {
      const r = await services.dispatcher.dispatch(ctx, name, input);
      assert.ok(!r.ok, `${name} is refused`);
      assert.equal(r.error.code, 'conflict', `${name}: ${r.error.message}`);
      assert.match(r.error.message, /sealed/i);
    }
    assert.deepEqual(readdirSync(folder).sort(), before);
  });

  test('a field changed in the database behind the app is named by the check', async () => {
    const { hearing } = await recordedAndSealed();
    const raw = new Database(join(dataDir, 'hearing-room.sqlite'));
    raw.exec('DROP TRIGGER hearings_sealed_fixed');
    const row = raw.prepare('SELECT procedure FROM hearings WHERE id = ?').get(hearing.id) as { procedure: string };
    const draft = JSON.parse(row.procedure) as { consent: { at: string } };
    draft.consent.at = '2020-01-01T00:00:00.000Z';
    raw.prepare('UPDATE hearings SET procedure = ? WHERE id = ?').run(JSON.stringify(draft), hearing.id);
    raw.close();
    const report = await call<{ verdict: string; checks: Array<{ ok: boolean; what: string; detail: string }> }>(
      'hearings.verify',
      { hearingId: hearing.id },
    );
    assert.equal(report.verdict, 'invalid');
    const failed = report.checks.filter((c) => !c.ok).map((c) => `${c.what} ${c.detail}`).join('\n');
    // The field that changed, with both values; not the whole procedure.
    assert.match(
      failed,
      /^Database: hearing changed after sealing: procedure\.consent\.at: sealed "[^"]+", database now "2020-01-01T00:00:00\.000Z"\.$/m,
    );
  });
});

test('the zip of an export passes unzip -t', async (t) => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
  } catch {
    t.skip('unzip is not installed here (apt-get install unzip)');
    return;
  }
  const { hearing } = await recordedAndSealed();
  const exported = await call<{ zip: string }>('hearings.export', { hearingId: hearing.id });
  const out = execFileSync('unzip', ['-t', exported.zip], { encoding: 'utf8' });
  assert.match(out, /No errors detected/);
});
