import { localOperator } from '../../shared/api/caller';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DataKey } from '../../main/services/keys/data-key';
import { createMediaHandler } from '../../main/services/media-handler';
import {
  EncryptedMediaStore,
  fixedFrameSize,
} from '../../main/services/storage/encrypted-media-store';
import { FileMediaStore } from '../../main/services/storage/file-media-store';
import {
  frameHeaderLength,
  frameOverhead,
  headerLength,
  MediaIntegrityError,
} from '../../main/services/storage/media-frames';
import type { MediaStore } from '../../main/services/storage/media-store';
import { MediabunnyRemuxer } from '../../main/services/working-copy';
import { tempDir } from '../helpers/temp';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

function encryptedStore(dataKey = DataKey.generate()) {
  const root = tempDir();
  return { root, dataKey, store: new EncryptedMediaStore(root, dataKey.fileKeys()) };
}

async function readAll(
  store: MediaStore,
  name: string,
  range?: { start: number; end: number },
): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const reader = store.read('h1', name, range).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** Appends `data` as chunks of varied sizes, as MediaRecorder delivers them. */
function appendInChunks(store: MediaStore, name: string, data: Buffer, seed = 7): number[] {
  const file = store.createAppendable('h1', name);
  const sizes: number[] = [];
  let at = 0;
  let s = seed;
  while (at < data.length) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const n = Math.min(data.length - at, 1 + (s % 9000));
    file.append(data.subarray(at, at + n));
    sizes.push(n);
    at += n;
  }
  file.close();
  return sizes;
}

/** Every whole frame of an appended file: its nonce (epoch and index) and its bytes. */
function frames(
  path: string,
): Array<{ epoch: number; index: number; nonce: string; bytes: string }> {
  const b = readFileSync(path);
  const out: Array<{ epoch: number; index: number; nonce: string; bytes: string }> = [];
  let at = headerLength;
  while (at + frameOverhead <= b.length) {
    const end = at + frameOverhead + b.readUInt32BE(at);
    if (end > b.length) break;
    const epoch = b.readUInt32BE(at + 4);
    const index = out.length;
    out.push({
      epoch,
      index,
      nonce: `${epoch}:${index}`,
      bytes: b.subarray(at, end).toString('hex'),
    });
    at = end;
  }
  return out;
}

describe('the encrypting media store', () => {
  test('appended chunks read back whole and in any range; sizes are the plaintext’s', async () => {
    const { root, store } = encryptedStore();
    const data = randomBytes(120_000);
    const sizes = appendInChunks(store, 'm.webm', data);
    assert.ok(sizes.length > 20);
    assert.equal(store.size('h1', 'm.webm'), data.length);
    assert.equal(store.size('h1', 'absent.webm'), null);
    assert.deepEqual(await readAll(store, 'm.webm'), data);
    const onDisk = statSync(join(root, 'hearings', 'h1', 'm.webm')).size;
    assert.equal(
      onDisk,
      headerLength + data.length + sizes.length * frameOverhead,
      'one frame per chunk',
    );
    let seed = 1;
    const rand = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let k = 0; k < 200; k++) {
      const a = rand(data.length);
      const b = Math.min(data.length - 1, a + rand(30_000));
      assert.deepEqual(
        await readAll(store, 'm.webm', { start: a, end: b }),
        data.subarray(a, b + 1),
        `read ${a}-${b}`,
      );
      assert.deepEqual(
        Buffer.from(await store.readBytes('h1', 'm.webm', a, b + 1)),
        data.subarray(a, b + 1),
        `readBytes ${a}-${b}`,
      );
    }
    assert.deepEqual(
      Buffer.from(await store.readBytes('h1', 'm.webm', data.length - 10, data.length + 50)),
      data.subarray(-10),
    );
  });

  test('a file written whole is in 64 KiB frames and reads back in any range across frame boundaries', async () => {
    const { store } = encryptedStore();
    const data = randomBytes(fixedFrameSize * 5 + 123);
    store.writeAtomic('h1', 'w.webm', data);
    assert.equal(store.size('h1', 'w.webm'), data.length);
    for (const [a, b] of [
      [0, 0],
      [fixedFrameSize - 1, fixedFrameSize],
      [fixedFrameSize - 10, 3 * fixedFrameSize + 10],
      [5 * fixedFrameSize, data.length - 1],
    ] as const) {
      assert.deepEqual(
        await readAll(store, 'w.webm', { start: a, end: b }),
        data.subarray(a, b + 1),
      );
    }
    store.writeAtomic('h1', 'empty.bin', new Uint8Array(0));
    assert.equal(store.size('h1', 'empty.bin'), 0);
    assert.equal((await readAll(store, 'empty.bin')).length, 0);
  });


  test('a file written in small pieces, past many flushed frames, and written again at the start reads back right', async () => {
    // As the working copy written while recording is: small writes that extend the file (the
    // short last frame, already on disk, is read back and extended), then its header at the start.
    const { store } = encryptedStore();
    const data = randomBytes(fixedFrameSize * 40 + 777);
    const w = store.createWritable('h1', 'live.webm');
    let at = 4096;
    for (const n of [1, 999, 10_000, 65_535, 65_537, 3_000]) {
      while (at < data.length && at < (n === 3_000 ? data.length : at + fixedFrameSize * 6)) {
        const end = Math.min(data.length, at + n);
        w.write(at, data.subarray(at, end));
        at = end;
      }
    }
    w.write(0, data.subarray(0, 4096));
    w.commit();
    assert.equal(store.size('h1', 'live.webm'), data.length);
    assert.deepEqual(await readAll(store, 'live.webm'), data);
  });
  test('a torn last frame after a crash is cut on recovery, the bytes lost reported, and appending goes on', async () => {
    const { root, store } = encryptedStore();
    const data = randomBytes(50_000);
    appendInChunks(store, 'm.webm', data);
    const path = join(root, 'hearings', 'h1', 'm.webm');
    const whole = statSync(path).size;
    // The first 700 bytes of a 4000-byte chunk reached the disk before the kill.
    const torn = Buffer.alloc(frameHeaderLength);
    torn.writeUInt32BE(4000, 0);
    writeFileSync(
      path,
      Buffer.concat([
        readFileSync(path).subarray(0, whole),
        torn,
        randomBytes(700 - frameHeaderLength),
      ]),
    );
    assert.equal(store.size('h1', 'm.webm'), data.length, 'readers never see a torn frame');
    assert.deepEqual(store.recover('h1', 'm.webm'), { sizeBytes: data.length, cutBytes: 700 });
    assert.equal(statSync(path).size, whole);
    assert.deepEqual(store.recover('h1', 'm.webm'), { sizeBytes: data.length, cutBytes: 0 });

    const more = randomBytes(3000);
    const again = store.reopenAppendable('h1', 'm.webm');
    assert.equal(again.size, data.length);
    again.append(more);
    again.close();
    assert.deepEqual(await readAll(store, 'm.webm'), Buffer.concat([data, more]));
  });

  test('nonces never repeat, across reopenings after torn frames', () => {
    const { root, store } = encryptedStore();
    const path = join(root, 'hearings', 'h1', 'm.webm');
    const first = store.createAppendable('h1', 'm.webm');
    first.append(randomBytes(100));
    first.append(randomBytes(100));
    first.close();
    // Every (epoch, index) ever written, with the frame written under it.
    const used = new Map<string, string>();
    const record = (nonce: string, frame: string) => {
      const before = used.get(nonce);
      assert.ok(
        before === undefined || before === frame,
        `nonce ${nonce} used for two different frames`,
      );
      used.set(nonce, frame);
    };
    for (let round = 0; round < 4; round++) {
      for (const f of frames(path)) record(f.nonce, f.bytes);
      // The kill came while the next chunk was being written under the current epoch.
      const last = frames(path).at(-1) as { epoch: number; index: number };
      const torn = Buffer.alloc(frameHeaderLength + 10);
      torn.writeUInt32BE(500, 0);
      torn.writeUInt32BE(last.epoch, 4);
      appendFileSync(path, torn);
      record(`${last.epoch}:${last.index + 1}`, 'torn');
      const reopened = store.reopenAppendable('h1', 'm.webm');
      reopened.append(randomBytes(50));
      reopened.close();
    }
    for (const f of frames(path)) record(f.nonce, f.bytes);
    assert.equal(
      new Set(frames(path).map((f) => f.epoch)).size,
      5,
      'each reopening has its own epoch',
    );
  });

  test('a changed byte anywhere, a file cut short, or a file moved to another name is an error naming the file', async () => {
    const { root, store } = encryptedStore();
    const data = randomBytes(fixedFrameSize * 3);
    store.writeAtomic('h1', 'w.webm', data);
    appendInChunks(store, 'm.webm', randomBytes(30_000));
    const path = (n: string) => join(root, 'hearings', 'h1', n);
    const names = (err: unknown, name: string) =>
      err instanceof MediaIntegrityError && err.message.includes(name);

    const flipped = readFileSync(path('w.webm'));
    const at = headerLength + fixedFrameSize + frameOverhead + 500;
    flipped.writeUInt8(flipped.readUInt8(at) ^ 0x01, at);
    writeFileSync(path('w.webm'), flipped);
    await assert.rejects(readAll(store, 'w.webm'), (e) => names(e, 'w.webm'));
    await assert.rejects(
      store.readBytes('h1', 'w.webm', fixedFrameSize + 400, fixedFrameSize + 600),
      (e) => names(e, 'w.webm'),
    );
    // Frames that the range does not touch are not read, so a range before the change still reads.
    assert.deepEqual(
      Buffer.from(await store.readBytes('h1', 'w.webm', 0, 100)),
      data.subarray(0, 100),
    );

    store.writeAtomic('h1', 'w2.webm', data);
    truncateSync(path('w2.webm'), statSync(path('w2.webm')).size - fixedFrameSize - frameOverhead);
    assert.throws(
      () => store.size('h1', 'w2.webm'),
      (e) => names(e, 'w2.webm'),
    );

    const m = readFileSync(path('m.webm'));
    m.writeUInt8(m.readUInt8(m.length - 20) ^ 0x80, m.length - 20);
    writeFileSync(path('m.webm'), m);
    await assert.rejects(readAll(store, 'm.webm'), (e) => names(e, 'm.webm'));
    assert.throws(
      () => store.recover('h1', 'm.webm'),
      (e) => names(e, 'm.webm'),
      'recovery never cuts a frame that does not decrypt',
    );

    writeFileSync(path('moved.webm'), readFileSync(path('w2.webm')));
    assert.throws(
      () => store.size('h1', 'moved.webm'),
      (e) => names(e, 'moved.webm'),
    );

    const other = new EncryptedMediaStore(root, DataKey.generate().fileKeys());
    store.writeAtomic('h1', 'w3.webm', data);
    assert.throws(
      () => other.size('h1', 'w3.webm'),
      (e) => names(e, 'w3.webm'),
    );
  });

  test('ffprobe cannot read an encrypted recording, and no plaintext run of it is on disk', async (t) => {
    if (spawnSync('ffprobe', ['-version']).status !== 0) {
      t.skip('ffprobe is not installed here (apt-get install ffmpeg)');
      return;
    }
    const { root, store } = encryptedStore();
    appendInChunks(store, 'm.webm', fixture);
    const path = join(root, 'hearings', 'h1', 'm.webm');
    const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', path], {
      encoding: 'utf8',
    });
    assert.notEqual(probe.status, 0, 'ffprobe fails on the encrypted file');
    const onDisk = readFileSync(path);
    assert.equal(onDisk.indexOf(fixture.subarray(0, 16)), -1, 'the WebM header is not on disk');
    assert.equal(onDisk.indexOf(fixture.subarray(2000, 2032)), -1);
    // The same bytes as a plain file are read: the check above can fail.
    const plainRoot = tempDir();
    new FileMediaStore(plainRoot).writeAtomic('h1', 'm.webm', fixture);
    assert.equal(
      spawnSync('ffprobe', ['-v', 'error', join(plainRoot, 'hearings', 'h1', 'm.webm')]).status,
      0,
    );
  });

  test('the working copy derived on the encrypted store is byte-identical to the one derived on plain files', async () => {
    const { root, store } = encryptedStore();
    appendInChunks(store, 'segment-001-master.webm', fixture);
    const derivation = await new MediabunnyRemuxer(store).derive(
      'h1',
      'segment-001-master.webm',
      'segment-001-working.webm',
    );

    const plainRoot = tempDir();
    const plain = new FileMediaStore(plainRoot);
    plain.writeAtomic('h1', 'segment-001-master.webm', fixture);
    const expected = await new MediabunnyRemuxer(plain).derive(
      'h1',
      'segment-001-master.webm',
      'segment-001-working.webm',
    );
    const expectedBytes = readFileSync(
      join(plainRoot, 'hearings', 'h1', 'segment-001-working.webm'),
    );

    const size = store.size('h1', 'segment-001-working.webm') ?? 0;
    assert.deepEqual(
      Buffer.from(await store.readBytes('h1', 'segment-001-working.webm', 0, size)),
      expectedBytes,
    );
    assert.deepEqual(
      derivation.output,
      expected.output,
      'the record hashes the plaintext, as on plain files',
    );
    assert.deepEqual(derivation.input, expected.input);
    assert.equal(derivation.durationMs, expected.durationMs);
    assert.ok(
      !readFileSync(join(root, 'hearings', 'h1', 'segment-001-working.webm')).includes(
        expectedBytes.subarray(0, 64),
      ),
    );
    execFileSync('ffprobe', [
      '-v',
      'error',
      join(plainRoot, 'hearings', 'h1', 'segment-001-working.webm'),
    ]);
  });

  test('the media handler answers Range requests on the encrypted store with the plaintext', async () => {
    const { store } = encryptedStore();
    const data = randomBytes(300_000);
    appendInChunks(store, 'segment-001-master.webm', data);
    const recordingId = '11111111-2222-4333-8444-555555555555';
    const handler = createMediaHandler(
      {
        locate: () => ({
          hearingId: 'h1',
          name: 'segment-001-master.webm',
          mimeType: 'video/webm', action: 'recording.played', target: {},
        }),
        locateDocument: () => null,
      },
      store,
      // The store is what is measured here; who may read is the access tests' subject.
      { mayRead: () => true, read: () => undefined },
    );
    const url = `app://hearing-room/media/recordings/${recordingId}/master`;
    const reader = localOperator('internal');
    const whole = await handler(new Request(url), reader);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('Content-Length'), String(data.length));
    assert.deepEqual(Buffer.from(await whole.arrayBuffer()), data);
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=225000-', 225000, data.length - 1],
      ['bytes=-5000', data.length - 5000, data.length - 1],
      ['bytes=8990-9010', 8990, 9010],
    ] as const) {
      const r = await handler(new Request(url, { headers: { Range: range } }), reader);
      assert.equal(r.status, 206);
      assert.equal(r.headers.get('Content-Range'), `bytes ${start}-${end}/${data.length}`);
      assert.deepEqual(Buffer.from(await r.arrayBuffer()), data.subarray(start, end + 1), range);
    }
    assert.equal(
      (await handler(new Request(url, { headers: { Range: `bytes=${data.length}-` } }), reader)).status,
      416,
    );
  });
});
