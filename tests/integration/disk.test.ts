import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
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
    // A stop level above what any disk has free: the first chunk is the last.
    const { services, call } = await open(dataDir, { warnBytes: Number.MAX_SAFE_INTEGER, stopBytes: Number.MAX_SAFE_INTEGER });
    const hearing = await createReadyHearing<Hearing>(call);
    const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
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
});
