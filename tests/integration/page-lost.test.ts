import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openServices } from '../../main/services/app';
import { localOperator } from '../../shared/api/caller';
import type { HearingEvent } from '../../shared/domain/events';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { tempDir } from '../helpers/temp';

const ctx = localOperator('internal');
const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

async function open(watch = { recordingMs: 400, pausedMs: 1500, everyMs: 50 }) {
  const dataDir = tempDir();
  const services = await openServices({ dataDir, appVersion: 'test', pageWatch: watch });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await services.dispatcher.dispatch(ctx, name, input);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code, details: r.error.details });
    return r.value as T;
  };
  const hearing = await createReadyHearing<Hearing>(call);
  const recording = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  const segment = async () => (await call<Hearing>('hearings.get', { hearingId: hearing.id })).recordings[0]!;
  return { services, call, hearing, recording, segment, dataDir };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await probe();
    if (value) return value;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a recording outlives its page', () => {
  test('a page that goes quiet: main closes the segment as page_lost, keeping every byte', async () => {
    const { services, call, hearing, recording, segment, dataDir } = await open();
    const chunks = [fixture.subarray(0, 30_000), fixture.subarray(30_000)];
    for (const [seq, data] of chunks.entries()) await call('recordings.appendChunk', { recordingId: recording.id, seq, data });
    const closed = await until('the segment closed', async () => {
      const s = await segment();
      return s.status !== 'recording' && s;
    });
    assert.equal(closed.stopReason, 'page_lost');
    assert.equal(closed.sizeBytes, fixture.byteLength);
    const master = readFileSync(join(dataDir, 'hearings', hearing.id, 'segment-001-master.webm'));
    assert.equal(closed.sha256, createHash('sha256').update(master).digest('hex'));
    assert.equal(closed.sha256, createHash('sha256').update(fixture).digest('hex'), 'every byte that arrived is kept');
    const stopEvent = (await call<HearingEvent[]>('events.list', { hearingId: hearing.id })).find((e) => e.kind === 'recording_stopped');
    assert.equal(stopEvent?.details.reason, 'page_lost');
    assert.equal(stopEvent?.recordedBy, 'system', 'main closed it itself');
    // The working copy follows, and a new segment can be recorded at once.
    await until('the working copy', async () => (await segment()).workingUrl);
    const next = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    assert.equal(next.segment, 2);
    // A page that comes back to the lost segment hears that it is closed, and why.
    const beat = await call<{ recording: boolean; stopReason: string | null }>('recordings.heartbeat', { recordingId: recording.id });
    assert.deepEqual(beat, { recording: false, stopReason: 'page_lost' });
    services.close();
  });

  test('heartbeats keep a recording open while no chunk comes, and chunks are refused once it is closed', async () => {
    const { services, call, recording, segment } = await open();
    for (let i = 0; i < 12; i++) {
      const beat = await call<{ recording: boolean }>('recordings.heartbeat', { recordingId: recording.id });
      assert.equal(beat.recording, true);
      await sleep(100);
    }
    assert.equal((await segment()).status, 'recording', 'still recording after 1.2 s of heartbeats with a 0.4 s limit');
    await until('the segment closed', async () => (await segment()).status !== 'recording');
    await assert.rejects(call('recordings.appendChunk', { recordingId: recording.id, seq: 0, data: fixture }), {
      code: 'conflict',
    });
    services.close();
  });

  test('a paused recording is given longer: no chunk comes while paused', async () => {
    const { services, call, hearing, recording, segment } = await open();
    await call('recordings.appendChunk', { recordingId: recording.id, seq: 0, data: fixture });
    await call('events.add', { hearingId: hearing.id, event: { kind: 'paused', reason: 'A break', decidedBy: 'Insp. Peeters' } });
    await sleep(800);
    assert.equal((await segment()).status, 'recording', 'paused for twice the recording limit, still open');
    const closed = await until('the paused segment closed', async () => {
      const s = await segment();
      return s.status !== 'recording' && s;
    });
    assert.equal(closed.stopReason, 'page_lost');
    services.close();
  });

  test('main busy for a while is not mistaken for a lost page', async () => {
    const { services, call, recording, segment } = await open({ recordingMs: 300, pausedMs: 1000, everyMs: 50 });
    await call('recordings.appendChunk', { recordingId: recording.id, seq: 0, data: fixture });
    // Block the event loop longer than the limit inside a timer, as a long synchronous job in main
    // would: main's watch then runs before the page's next request can even be read.
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        const end = Date.now() + 700;
        while (Date.now() < end) {
          // Busy, as main would be.
        }
        setTimeout(resolve, 120);
      }, 0),
    );
    assert.equal((await segment()).status, 'recording');
    services.close();
  });

  test('the window closed for sure: every segment it recorded is closed at once', async () => {
    const { services, call, recording, segment } = await open({ recordingMs: 60_000, pausedMs: 60_000, everyMs: 1000 });
    await call('recordings.appendChunk', { recordingId: recording.id, seq: 0, data: fixture });
    await services.pageGone();
    const closed = await segment();
    assert.equal(closed.status, 'complete');
    assert.equal(closed.stopReason, 'page_lost');
    services.close();
  });
});
