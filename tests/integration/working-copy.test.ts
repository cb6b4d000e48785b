import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileMediaStore } from '../../main/services/storage/file-media-store';
import { MediabunnyRemuxer, remuxTool } from '../../main/services/working-copy';
import { carriedRemuxer } from '../../main/services/seal/rederive';
import { tempDir } from '../helpers/temp';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

test('the working copy is derived reproducibly: the same master gives the same bytes, and its record says how', async () => {
  const root = tempDir();
  const store = new FileMediaStore(root);
  store.writeAtomic('h1', 'master.webm', fixture);
  const remuxer = new MediabunnyRemuxer(store);
  const first = await remuxer.derive('h1', 'master.webm', 'working-1.webm');
  const second = await remuxer.derive('h1', 'master.webm', 'working-2.webm');
  const a = readFileSync(join(root, 'hearings', 'h1', 'working-1.webm'));
  const b = readFileSync(join(root, 'hearings', 'h1', 'working-2.webm'));
  assert.ok(a.equals(b), 'two derivations give identical bytes');
  assert.equal(first.output.sha256, second.output.sha256);
  assert.equal(first.tool, 'mediabunny');
  assert.equal(first.toolVersion, remuxTool.version);
  assert.match(first.toolVersion, /^\d+\.\d+\.\d+/);
  assert.equal(first.input.sizeBytes, fixture.byteLength);
  assert.equal(first.output.sizeBytes, a.byteLength);
  assert.ok(first.durationMs > 3500 && first.durationMs < 4500, `duration ${first.durationMs} ms`);
  assert.deepEqual(readFileSync(join(root, 'hearings', 'h1', 'master.webm')), fixture, 'the master is untouched');
});

test('ffprobe reads the working copy and finds its duration', async (t) => {
  try {
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
  } catch {
    t.skip('ffprobe is not installed here (apt-get install ffmpeg)');
    return;
  }
  const root = tempDir();
  const store = new FileMediaStore(root);
  store.writeAtomic('h1', 'master.webm', fixture);
  await new MediabunnyRemuxer(store).derive('h1', 'master.webm', 'working.webm');
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', join(root, 'hearings', 'h1', 'working.webm')],
    { encoding: 'utf8' },
  );
  assert.ok(Math.abs(Number(out) - 4) < 0.3, `ffprobe duration ${out}`);
});

test('a master that is not media is refused and leaves no working copy behind', async () => {
  const root = tempDir();
  const store = new FileMediaStore(root);
  store.writeAtomic('h1', 'master.webm', new TextEncoder().encode('not a video at all'));
  await assert.rejects(new MediabunnyRemuxer(store).derive('h1', 'master.webm', 'working.webm'));
  assert.equal(store.size('h1', 'working.webm'), null);
  assert.equal(store.size('h1', 'working.webm.partial'), null);
});

test('the verifier carries the remuxer the app records: a working copy the app derives today can be derived again', () => {
  assert.deepEqual(
    carriedRemuxer,
    { tool: remuxTool.name, version: remuxTool.version },
    'update carriedRemuxer in main/services/seal/rederive.ts to the installed Mediabunny, and rebuild the verifier',
  );
});
