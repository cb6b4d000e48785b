import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { localOperator } from '../../shared/api/caller';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { tempDir } from '../helpers/temp';

const ctx = localOperator('internal');

async function open(dataDir: string, disk: { warnBytes: number; stopBytes: number }) {
  const services = await openServices({ dataDir, appVersion: 'test', disk });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await services.dispatcher.dispatch(ctx, name, input);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
    return r.value as T;
  };
  return { services, call };
}

function mountSmallDisk(dir: string, size: string): (() => void) | string {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'mounting a small disk needs root on Linux';
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  } catch (err) {
    return `mount refused here: ${(err as Error).message.split('\n')[0]}`;
  }
  return () => execFileSync('umount', ['-l', dir]);
}

describe('a disk that fills', () => {
  test('below the stop level, main stops the recording itself and keeps every byte written', async () => {
    const dataDir = tempDir();
    const levels = { warnBytes: 0, stopBytes: 0 };
    const { services, call } = await open(dataDir, levels);
    const hearing = await createReadyHearing<Hearing>(call);
    const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    // Then the disk falls below the levels (main reads them on every chunk): the first chunk is the last.
    Object.assign(levels, { warnBytes: Number.MAX_SAFE_INTEGER, stopBytes: Number.MAX_SAFE_INTEGER });
    const data = randomBytes(100_000);
    const answer = await call<{ stoppedBecause: string | null; lowDisk: boolean }>('recordings.appendChunk', {
      recordingId: rec.id,
      seq: 0,
      data,
    });
    assert.equal(answer.stoppedBecause, 'storage_full');
    assert.equal(answer.lowDisk, true);
    const stopped = (await call<Hearing>('hearings.get', { hearingId: hearing.id })).recordings[0];
    assert.equal(stopped?.status, 'complete');
    assert.equal(stopped?.stopReason, 'storage_full');
    assert.equal(stopped?.sha256, createHash('sha256').update(data).digest('hex'));
    await assert.rejects(call('recordings.appendChunk', { recordingId: rec.id, seq: 1, data }), { code: 'conflict' });
    services.close();
  });

  test('a recording does not start when the disk is already below the stop level, and says how much is free', async () => {
    const { services, call } = await open(tempDir(), { warnBytes: Number.MAX_SAFE_INTEGER, stopBytes: Number.MAX_SAFE_INTEGER });
    const hearing = await createReadyHearing<Hearing>(call);
    const r = await services.dispatcher.dispatch(ctx, 'recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'storage_full');
    assert.match(r.error.message, /Only \d+ MB are free .* at least \d+ MB\. Free disk space, then start again\./);
    assert.equal(typeof r.error.details?.freeBytes, 'number');
    assert.equal(r.error.details?.stopBytes, Number.MAX_SAFE_INTEGER);
    assert.equal((await call<Hearing>('hearings.get', { hearingId: hearing.id })).recordings.length, 0, 'nothing was opened');
    services.close();
  });

  test('the low-disk warning comes early, with the free space', async () => {
    const { services, call } = await open(tempDir(), { warnBytes: Number.MAX_SAFE_INTEGER, stopBytes: 0 });
    const hearing = await createReadyHearing<Hearing>(call);
    const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    const answer = await call<{ lowDisk: boolean; freeBytes: number; stoppedBecause: null }>('recordings.appendChunk', {
      recordingId: rec.id,
      seq: 0,
      data: randomBytes(1000),
    });
    assert.equal(answer.lowDisk, true);
    assert.equal(answer.stoppedBecause, null);
    assert.ok(answer.freeBytes > 0);
    const storage = await call<{ freeBytes: number }>('app.storage', {});
    assert.ok(storage.freeBytes > 0);
    services.close();
  });

  test('a disk that really fills: the chunk that does not fit is refused, nothing half-written stays', async (t) => {
    const mountPoint = join(tempDir(), 'small-disk');
    const mounted = mountSmallDisk(mountPoint, '6m');
    if (typeof mounted === 'string') {
      t.skip(mounted);
      return;
    }
    try {
      const { services, call } = await open(mountPoint, { warnBytes: 0, stopBytes: 0 });
      const hearing = await createReadyHearing<Hearing>(call);
      const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
      const accepted: Buffer[] = [];
      let refused: { code?: string; message: string } | null = null;
      for (let seq = 0; seq < 40 && !refused; seq++) {
        const data = randomBytes(256 * 1024);
        try {
          await call('recordings.appendChunk', { recordingId: rec.id, seq, data });
          accepted.push(data);
        } catch (err) {
          refused = err as { code?: string; message: string };
        }
      }
      assert.ok(refused, 'the disk filled');
      assert.equal(refused.code, 'storage_full');
      assert.match(refused.message, /Everything recorded until now is kept/);
      const master = readFileSync(join(mountPoint, 'hearings', hearing.id, 'segment-001-master.webm'));
      assert.deepEqual(master, Buffer.concat(accepted), 'the master holds exactly the acknowledged chunks');
      const after = (await call<Hearing>('hearings.get', { hearingId: hearing.id })).recordings[0];
      assert.equal(after?.stopReason, 'storage_full');
      assert.equal(after?.sha256, createHash('sha256').update(master).digest('hex'));
      services.close();
    } finally {
      mounted();
    }
  });

  test('a disk that fills during the working copy: a clear answer, main goes on, the copy is made once there is room', async (t) => {
    const mountPoint = join(tempDir(), 'small-disk');
    const mounted = mountSmallDisk(mountPoint, '8m');
    if (typeof mounted === 'string') {
      t.skip(mounted);
      return;
    }
    const stray: unknown[] = [];
    const onStray = (reason: unknown) => stray.push(reason);
    process.on('unhandledRejection', onStray);
    try {
      const { services, call } = await open(mountPoint, { warnBytes: 0, stopBytes: 0 });
      const hearing = await createReadyHearing<Hearing>(call);
      const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
      const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));
      const chunks = [fixture.subarray(0, 30_000), fixture.subarray(30_000)];
      await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: chunks[0] });
      // Fill what is left but room for the next chunk of the master and a little for the
      // database: the working copy, written as the chunks arrive, no longer fits. The master goes
      // on; the copy is given up and removed. The stop is recorded; its working copy cannot be made.
      const filler = join(mountPoint, 'filler.bin');
      const free = statfsSync(mountPoint);
      writeFileSync(filler, new Uint8Array(Math.max(0, free.bavail * free.bsize - chunks[1]!.byteLength - 24 * 1024)));
      await call('recordings.appendChunk', { recordingId: rec.id, seq: 1, data: chunks[1] });
      assert.deepEqual(
        readdirSync(join(mountPoint, 'hearings', hearing.id)).filter((f) => f.includes('working')),
        [],
        'the copy that no longer fitted is removed at once',
      );
      const stopped = await call<Recording>('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
      assert.equal(stopped.status, 'complete', 'the stop itself is recorded');
      assert.equal(stopped.workingUrl, null, 'no working copy on a full disk');
      assert.equal(stopped.sha256, createHash('sha256').update(fixture).digest('hex'), 'the master is intact');
      const folder = readdirSync(join(mountPoint, 'hearings', hearing.id));
      assert.deepEqual(folder.filter((f) => f.includes('working')), [], 'nothing half-written stays');
      const again = await services.dispatcher.dispatch(ctx, 'recordings.deriveWorkingCopy', { recordingId: rec.id });
      assert.equal(again.ok, false);
      if (!again.ok) {
        assert.equal(again.error.code, 'storage_full');
        assert.match(again.error.message, /disk is full.*Free disk space/);
      }
      // Room again: asked once more, the working copy is made.
      rmSync(filler);
      const derived = await call<Recording>('recordings.deriveWorkingCopy', { recordingId: rec.id });
      assert.ok(derived.workingUrl, 'the working copy exists once there is room');
      const conflictAgain = await services.dispatcher.dispatch(ctx, 'recordings.deriveWorkingCopy', { recordingId: rec.id });
      assert.equal(conflictAgain.ok ? null : conflictAgain.error.details?.reason, 'working_copy_exists');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(stray, [], 'no promise was left rejected');
      services.close();
    } finally {
      process.off('unhandledRejection', onStray);
      mounted();
    }
  });

  test('a working copy that a full disk prevented is made at the next start', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir, { warnBytes: 0, stopBytes: 0 });
    const hearing = await createReadyHearing<Hearing>(first.call);
    const rec = await first.call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));
    await first.call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: fixture });
    // As if the derivation had failed: the master is stopped, the working copy is not there.
    const working = join(dataDir, 'hearings', hearing.id, 'segment-001-working.webm');
    mkdirSync(working); // a folder in the way makes the derivation fail, as a full disk would
    const stopped = await first.call<Recording>('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
    assert.equal(stopped.workingUrl, null);
    first.services.close();
    rmSync(working, { recursive: true });
    const second = await open(dataDir, { warnBytes: 0, stopBytes: 0 });
    let after: Recording | undefined;
    for (let i = 0; i < 100 && !after?.workingUrl; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = (await second.call<Hearing>('hearings.get', { hearingId: hearing.id })).recordings[0];
    }
    assert.ok(after?.workingUrl, 'made again at start');
    second.services.close();
  });
});
