import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { downloadLifetimeMs, ExportDownloads } from '../../main/services/export-download';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { localOperator, type CallerContext } from '../../shared/api/caller';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { ctx as sealingCtx, openSealing, recordedHearing, verifierPath } from '../helpers/sealing';
import { tempDir } from '../helpers/temp';

/**
 * The export of a sealed hearing as a browser download: prepared by a call, served once as an
 * attachment to the person who asked, audited, then gone.
 */
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
const dataDir = tempDir();
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys: PassphraseKeyFile.open(dataDir, 'correct horse battery staple'),
  verifierPath,
  printer: { print: async () => new TextEncoder().encode('%PDF-1.4\n%%EOF\n') },
  exportDestination: () => {
    throw new Error('a download never asks for a folder');
  },
});
after(() => services.close());
const ctx = localOperator('internal');
const stranger: CallerContext = { userId: 'someone-else', displayName: 'Someone else', role: 'magistrate', transport: 'http' };
const chunk = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

async function call<T>(name: string, input: unknown, who: CallerContext = ctx): Promise<T> {
  const r = await services.dispatcher.dispatch(who, name, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}

async function sealedHearing(seal = true): Promise<Hearing> {
  const hearing = await createReadyHearing<Hearing>(call, 13, `DL/${Math.random().toString(16).slice(2, 8)}`);
  const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: chunk });
  await call('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  if (seal) await call('hearings.seal', { hearingId: hearing.id });
  return hearing;
}

const get = (url: string, who: CallerContext | null) => services.media(new Request(`http://127.0.0.1${url}`), who);

describe('export as a download', () => {
  test('serves the verified zip once, as an attachment, to the person who asked; audited; then removed', async () => {
    const hearing = await sealedHearing();
    const prepared = await call<{ url: string; name: string; sizeBytes: number; expiresAt: string }>('hearings.exportDownload', {
      hearingId: hearing.id,
    });
    assert.match(prepared.url, /^\/media\/exports\/[0-9a-f]{64}$/);
    assert.match(prepared.name, /\.zip$/);
    assert.ok(Date.parse(prepared.expiresAt) > Date.now());

    assert.equal((await get(prepared.url, stranger)).status, 404, 'someone else gets nothing');
    assert.equal((await get(prepared.url, null)).status, 404, 'nor does anyone signed out');
    assert.equal((await get(prepared.url.replace(/.$/, (c) => (c === '0' ? '1' : '0')), ctx)).status, 404, 'a guessed address gets nothing');

    const response = await get(prepared.url, ctx);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.equal(response.headers.get('content-disposition'), `attachment; filename="${prepared.name}"`);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.equal(bytes.byteLength, prepared.sizeBytes);
    assert.equal((await get(prepared.url, ctx)).status, 404, 'once only');

    if (hasUnzip) {
      const zip = join(tempDir(), prepared.name);
      writeFileSync(zip, bytes);
      const listing = spawnSync('unzip', ['-l', zip], { encoding: 'utf8' });
      assert.equal(listing.status, 0, listing.stderr);
      for (const name of ['manifest.json', 'manifest.sig', 'audit.jsonl', 'hearing-room-verify.mjs', 'README-CLERK.txt']) {
        assert.match(listing.stdout, new RegExp(`/${name.replace('.', '\\.')}\\n`), `${name} is in the zip`);
      }
    } else {
      console.info('unzip is not installed: the zip listing is not checked');
    }

    const history = await call<Array<{ action: string; details: Record<string, unknown> }>>('hearings.accessHistory', { hearingId: hearing.id });
    assert.ok(history.some((e) => e.action === 'hearing.exported'));
    const downloaded = history.find((e) => e.action === 'hearing.export_downloaded');
    assert.equal(downloaded?.details.zip, prepared.name);
    assert.equal(downloaded?.details.protectedWithPassphrase, false);
    // Nothing stays behind in main's folder once served.
    await new Promise((r) => setTimeout(r, 50));
    const left = existsSync(join(dataDir, 'downloads')) ? readdirSync(join(dataDir, 'downloads')) : [];
    assert.deepEqual(left, []);
  });

  test('a passphrase is kept in the audit as a fact, never as text', async () => {
    const hearing = await sealedHearing();
    const passphrase = 'registry passphrase 2026';
    const prepared = await call<{ url: string }>('hearings.exportDownload', { hearingId: hearing.id, passphrase });
    assert.equal((await get(prepared.url, ctx)).status, 200);
    const history = await call<Array<{ action: string; details: Record<string, unknown> }>>('hearings.accessHistory', { hearingId: hearing.id });
    assert.equal(history.find((e) => e.action === 'hearing.export_downloaded')?.details.protectedWithPassphrase, true);
    assert.ok(!JSON.stringify(history).includes(passphrase));
  });

  test('refused for a hearing that is not sealed, outside the team, and for a role that does not export', async () => {
    const hearing = await sealedHearing(false);
    await assert.rejects(call('hearings.exportDownload', { hearingId: hearing.id }), /conflict: Seal the hearing/);
    await assert.rejects(call('hearings.exportDownload', { hearingId: hearing.id }, stranger), /not_found/);
    const psychologist = { ...ctx, role: 'psychologist' as const };
    await assert.rejects(call('hearings.exportDownload', { hearingId: hearing.id }, psychologist), /forbidden/);
    await assert.rejects(call('hearings.exportDownload', { hearingId: hearing.id, passphrase: 'short' }), /invalid_input/);
  });
});

test('a download not fetched in time is removed and its address refused', async () => {
  const dir = tempDir();
  const s = openSealing(dir);
  after(() => s.close());
  const hearingId = await recordedHearing(s);
  await s.seals.seal(hearingId, sealingCtx);
  let now = Date.now();
  const downloads = new ExportDownloads(dir, s.exporter, s.audit, () => new Date(now));
  const prepared = await downloads.prepare(hearingId, { ...sealingCtx }, undefined);
  assert.equal(readdirSync(join(dir, 'downloads')).length, 1);
  now += downloadLifetimeMs + 1;
  const response = await downloads.serve(new Request(`http://127.0.0.1${prepared.url}`), sealingCtx, () => true);
  assert.equal(response.status, 404);
  assert.deepEqual(readdirSync(join(dir, 'downloads')), []);
});
