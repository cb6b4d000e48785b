import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { createMediaHandler, parseRange } from '../../main/services/media-handler';
import { FileMediaStore } from '../../main/services/storage/file-media-store';
import { localOperator } from '../../shared/api/caller';
import { tempDir } from '../helpers/temp';

const recordingId = '11111111-2222-4333-8444-555555555555';
const store = new FileMediaStore(tempDir());
const bytes = randomBytes(10_000);
store.writeAtomic('h1', 'master.webm', bytes);
const handler = createMediaHandler(
  {
    locate: (id, variant) =>
      id === recordingId && variant === 'master'
        ? { hearingId: 'h1', name: 'master.webm', mimeType: 'video/webm', action: 'recording.played', target: { recordingId } }
        : null,
    locateDocument: () => null,
  },
  store,
  { mayRead: (caller, hearingId) => hearingId === 'h1' && caller.userId === 'local', read: (_ctx, _located, range) => reads.push(range) },
);
const reads: unknown[] = [];
const ctx = localOperator('internal');
const url = `app://hearing-room/media/recordings/${recordingId}/master`;
const get = (range?: string, method = 'GET') =>
  handler(new Request(url, { method, headers: range ? { Range: range } : {} }), ctx);

describe('the media handler', () => {
  test('serves the whole file with its length and Accept-Ranges', async () => {
    const r = await get();
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('Accept-Ranges'), 'bytes');
    assert.equal(r.headers.get('Content-Length'), '10000');
    assert.equal(r.headers.get('Content-Type'), 'video/webm');
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), bytes);
  });

  test('serves a closed range with 206 and Content-Range', async () => {
    const r = await get('bytes=100-199');
    assert.equal(r.status, 206);
    assert.equal(r.headers.get('Content-Range'), 'bytes 100-199/10000');
    assert.equal(r.headers.get('Content-Length'), '100');
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), bytes.subarray(100, 200));
  });

  test('serves an open-ended range to the end of the file', async () => {
    const r = await get('bytes=9000-');
    assert.equal(r.status, 206);
    assert.equal(r.headers.get('Content-Range'), 'bytes 9000-9999/10000');
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), bytes.subarray(9000));
  });

  test('serves a suffix range (the last N bytes)', async () => {
    const r = await get('bytes=-500');
    assert.equal(r.status, 206);
    assert.equal(r.headers.get('Content-Range'), 'bytes 9500-9999/10000');
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), bytes.subarray(9500));
  });

  test('clamps a range that runs past the end', async () => {
    const r = await get('bytes=9990-20000');
    assert.equal(r.status, 206);
    assert.equal(r.headers.get('Content-Range'), 'bytes 9990-9999/10000');
    assert.equal((await r.arrayBuffer()).byteLength, 10);
  });

  test('answers 416 with the size for a range that starts past the end', async () => {
    const r = await get('bytes=10000-');
    assert.equal(r.status, 416);
    assert.equal(r.headers.get('Content-Range'), 'bytes */10000');
  });

  test('answers HEAD without a body', async () => {
    const r = await get('bytes=0-9', 'HEAD');
    assert.equal(r.status, 206);
    assert.equal(r.headers.get('Content-Length'), '10');
    assert.equal((await r.arrayBuffer()).byteLength, 0);
  });

  test('answers 404 for an unknown recording and 405 for other methods', async () => {
    const r = await handler(new Request(`app://hearing-room/media/recordings/${recordingId}/working`), ctx);
    assert.equal(r.status, 404);
    const p = await handler(new Request(url, { method: 'POST' }), ctx);
    assert.equal(p.status, 405);
  });

  test('answers 404, as for no such file, to nobody signed in, a locked session and a caller the guard refuses', async () => {
    assert.equal((await handler(new Request(url), null)).status, 404);
    const locked = { ...ctx, session: { id: 's', locked: true } };
    assert.equal((await handler(new Request(url), locked)).status, 404);
    assert.equal((await handler(new Request(url), { ...ctx, userId: 'outsider' })).status, 404);
    assert.equal((await handler(new Request(url), ctx)).status, 200);
  });

  test('tells the guard of each read with its range, never of a HEAD', async () => {
    reads.length = 0;
    await get('bytes=0-9');
    await get('bytes=0-9', 'HEAD');
    assert.deepEqual(reads, [{ start: 0, end: 9 }]);
  });
});

describe('parseRange', () => {
  const cases: Array<[string | null, ReturnType<typeof parseRange>]> = [
    [null, null],
    ['bytes=0-0', { start: 0, end: 0 }],
    ['bytes=5-', { start: 5, end: 99 }],
    ['bytes=-1', { start: 99, end: 99 }],
    ['bytes=-200', { start: 0, end: 99 }],
    ['bytes=100-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=50-10', null],
    ['items=0-10', null],
    ['bytes=0-1,5-6', null],
  ];
  for (const [header, expected] of cases) {
    test(`${String(header)} on 100 bytes`, () => assert.deepEqual(parseRange(header, 100), expected));
  }
});
