import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { localOperator } from '../../shared/api/caller';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { tempDir } from '../helpers/temp';
import { createReadyHearing } from '../helpers/procedure';
import { scanAll } from '../../main/services/webm/layout';
import { planWorkingCopy, workingCopyPieces } from '../../main/services/webm/derive';

const ctx = localOperator('internal');
const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

async function open(dataDir: string) {
  const services = await openServices({ dataDir, appVersion: 'test' });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await services.dispatcher.dispatch(ctx, name, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  return { services, call };
}

function chunks(data: Uint8Array, n: number): Uint8Array[] {
  const size = Math.ceil(data.byteLength / n);
  return Array.from({ length: n }, (_, i) => data.subarray(i * size, (i + 1) * size));
}

const caseReference = 'AN.55.F1.000123/26';

describe('recording a hearing', () => {
  test('appends chunks in order, hashes the master as written, derives a seekable working copy', async () => {
    const dataDir = tempDir();
    const { services, call } = await open(dataDir);
    const hearing = await createReadyHearing<Hearing>(call, 13, caseReference);
    const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm;codecs=vp8,opus' });
    const masterPath = join(dataDir, 'hearings', hearing.id, 'segment-001-master.webm');
    const workingPath = join(dataDir, 'hearings', hearing.id, 'segment-001-working.webm');
    let seq = 0;
    for (const part of chunks(fixture, 6)) {
      await call('recordings.appendChunk', { recordingId: rec.id, seq, data: part });
      seq += 1;
      // The bytes are on disk as each chunk is acknowledged, not only at the end.
      assert.equal(statSync(masterPath).size, Math.min(fixture.byteLength, seq * Math.ceil(fixture.byteLength / 6)));
    }
    assert.ok(statSync(`${workingPath}.partial`).size > fixture.byteLength / 2, 'the working copy is written as the chunks arrive');
    const duplicate = await services.dispatcher.dispatch(ctx, 'recordings.appendChunk', { recordingId: rec.id, seq: 2, data: new Uint8Array(3) });
    assert.ok(!duplicate.ok);
    assert.equal(duplicate.error.code, 'conflict');

    const stopped = await call<Recording>('recordings.stop', { recordingId: rec.id, durationMs: 6000 });
    assert.equal(stopped.status, 'complete');
    assert.equal(stopped.sizeBytes, fixture.byteLength);
    assert.equal(stopped.chunkCount, 6);
    assert.equal(stopped.sha256, createHash('sha256').update(fixture).digest('hex'));
    assert.deepEqual(readFileSync(masterPath), fixture);
    assert.ok(stopped.workingUrl, 'a working copy is derived');
    // It was written as the chunks arrived; the stop completed it. It is byte for byte the copy
    // derived from the master alone, and its derivation says so.
    const plan = planWorkingCopy(scanAll([fixture]));
    const derived: Uint8Array[] = [];
    for await (const piece of workingCopyPieces(plan, async (a, b) => fixture.subarray(a, b))) derived.push(piece);
    assert.deepEqual(readFileSync(workingPath), Buffer.concat(derived));
    const history = await call<Array<{ action: string; details: Record<string, unknown> }>>('hearings.accessHistory', {
      hearingId: hearing.id,
    });
    const derivation = history.find((e) => e.action === 'recording.working_copy_derived');
    assert.equal(
      (derivation?.details as { output?: { sha256?: string } }).output?.sha256,
      createHash('sha256').update(Buffer.concat(derived)).digest('hex'),
    );

    const media = await services.media(new Request(`app://hearing-room${stopped.workingUrl}`, { headers: { Range: 'bytes=0-3' } }), ctx);
    assert.equal(media.status, 206);
    assert.deepEqual([...new Uint8Array(await media.arrayBuffer())], [0x1a, 0x45, 0xdf, 0xa3]);

    const again = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    assert.equal(again.segment, 2);
    const late = await services.dispatcher.dispatch(ctx, 'recordings.appendChunk', { recordingId: rec.id, seq: 6, data: new Uint8Array(1) });
    assert.ok(!late.ok);
    assert.equal(late.error.code, 'conflict');
    services.close();
  });

  test('after a crash, the next start keeps what reached the disk and marks it interrupted', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir);
    const hearing = await createReadyHearing<Hearing>(first.call, 13, caseReference);
    const rec = await first.call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    const parts = chunks(fixture, 6);
    for (let seq = 0; seq < 4; seq++) {
      await first.call('recordings.appendChunk', { recordingId: rec.id, seq, data: parts[seq] });
    }
    // No stop: the process is gone. Closing the database stands in for the kill here; the
    // end-to-end crash test kills a real process.
    first.services.close();

    const second = await open(dataDir);
    assert.equal(second.services.recovered.length, 1);
    assert.equal(second.services.recovered[0]?.recordingId, rec.id);
    const got = await second.call<Hearing>('hearings.get', { hearingId: hearing.id });
    const recovered = got.recordings[0];
    const written = Buffer.concat(parts.slice(0, 4));
    assert.equal(recovered?.status, 'interrupted');
    assert.equal(recovered?.sizeBytes, written.byteLength);
    assert.equal(recovered?.sha256, createHash('sha256').update(written).digest('hex'));
    const info = await second.call<{ recovered: Array<{ caseReference: string }> }>('app.info', {});
    assert.equal(info.recovered[0]?.caseReference, caseReference);
    second.services.close();
  });
});
