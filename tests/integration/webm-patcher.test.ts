import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileMediaStore } from '../../main/services/storage/file-media-store';
import { WebmPatcher } from '../../main/services/working-copy';
import { WebmScanner, WebmFormatError, scanAll } from '../../main/services/webm/layout';
import { planWorkingCopy, webmPatcher, workingCopyPieces } from '../../main/services/webm/derive';
import { rederiveWebm } from '../../main/services/webm/rederive';
import type { RangeReader } from '../../main/services/seal/rederive';
import { tempDir } from '../helpers/temp';
import { IncrementalWorkingCopy } from '../../main/services/webm/incremental';
import { EncryptedMediaStore } from '../../main/services/storage/encrypted-media-store';
import { DataKey } from '../../main/services/keys/data-key';
import type { MediaStore } from '../../main/services/storage/media-store';

// A recording as Chromium's MediaRecorder writes it (VP9 and Opus, 1 s timeslices): a live
// stream, with a segment and clusters of unknown size, no duration and no cues.
const master = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/chrome-vp9-opus.webm')));
const chunkSizes = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/chrome-vp9-opus.chunks.json'), 'utf8'),
) as number[];
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function chunks(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  if (at < bytes.byteLength) out.push(bytes.subarray(at));
  return out;
}

async function derive(bytes: Uint8Array): Promise<Uint8Array> {
  const plan = planWorkingCopy(scanAll([bytes]));
  const parts: Uint8Array[] = [];
  for await (const p of workingCopyPieces(plan, async (s, e) => bytes.subarray(s, e))) parts.push(p);
  const out = Buffer.concat(parts);
  assert.equal(out.byteLength, plan.size);
  return out;
}

function reader(bytes: Uint8Array): RangeReader {
  return { size: bytes.byteLength, read: async (s, e) => bytes.subarray(s, e), close: async () => {} };
}

function ffprobe(file: string): { duration: number; codecs: string[] } {
  const out = JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name', '-of', 'json', file], {
      encoding: 'utf8',
    }),
  ) as { format: { duration: string }; streams: Array<{ codec_name: string }> };
  return { duration: Number(out.format.duration), codecs: out.streams.map((s) => s.codec_name).sort() };
}

test('the layout is the same however the master arrives: as recorded, byte by byte, or in odd pieces', () => {
  assert.equal(chunkSizes.reduce((a, b) => a + b, 0), master.byteLength);
  const whole = scanAll([master]);
  assert.equal(whole.clusters.length, 7);
  assert.ok(whole.cues.length >= 1, 'at least the first key frame is cued');
  assert.equal(whole.size, master.byteLength);
  const expected = JSON.stringify(whole);
  assert.equal(JSON.stringify(scanAll(chunks(master, chunkSizes))), expected, 'as MediaRecorder handed it over');
  for (const n of [1, 2, 3, 5, 11, 997, 65536]) {
    const scanner = new WebmScanner();
    for (let at = 0; at < master.byteLength; at += n) scanner.push(master.subarray(at, at + n));
    assert.equal(JSON.stringify(scanner.finish()), expected, `pieces of ${n} bytes`);
  }
});

test('the working copy has a duration and cues, decodes whole, and holds every packet of the master', async (t) => {
  try {
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
  } catch {
    t.skip('ffprobe is not installed here (apt-get install ffmpeg)');
    return;
  }
  const root = tempDir();
  const store = new FileMediaStore(root);
  store.writeAtomic('h', 'segment-001-master.webm', master);
  const derivation = await new WebmPatcher(store).derive('h', 'segment-001-master.webm', 'segment-001-working.webm');
  const file = join(root, 'hearings', 'h', 'segment-001-working.webm');
  const bytes = new Uint8Array(readFileSync(file));
  assert.equal(derivation.tool, webmPatcher.tool);
  assert.equal(derivation.toolVersion, webmPatcher.version);
  assert.equal(derivation.input.sha256, sha256(master));
  assert.equal(derivation.output.sha256, sha256(bytes));
  assert.equal(derivation.output.sizeBytes, bytes.byteLength);
  const probe = ffprobe(file);
  assert.deepEqual(probe.codecs, ['opus', 'vp9']);
  assert.ok(Math.abs(probe.duration - 6) < 0.2, `duration ${probe.duration}`);
  assert.ok(Math.abs(derivation.durationMs - 6000) < 200, `recorded duration ${derivation.durationMs}`);
  // Every packet of the master is in the working copy, byte for byte, in the same order.
  const packets = (f: string) =>
    execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'packet=stream_index,pts,size', '-of', 'csv=p=0', f], {
      encoding: 'utf8',
    });
  const masterFile = join(root, 'hearings', 'h', 'segment-001-master.webm');
  assert.equal(packets(file), packets(masterFile));
  assert.ok(packets(file).split('\n').length > 200);
  // Decoding it whole gives no error, and seeking by the cues lands on a key frame.
  execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', file, '-f', 'null', '-']);
  execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-ss', '5.2', '-i', file, '-f', 'null', '-']);
  assert.ok(bytes.includes(0x1c) && Buffer.from(bytes).includes(Buffer.from([0x1c, 0x53, 0xbb, 0x6b])), 'cues are written');
  assert.deepEqual(new Uint8Array(readFileSync(masterFile)), master, 'the master is untouched');
});

test('the working copy is a function of the master alone: derived twice, or from the layout read while recording', async () => {
  const root = tempDir();
  const store = new FileMediaStore(root);
  store.writeAtomic('h', 'm.webm', master);
  const patcher = new WebmPatcher(store);
  // As the recording service does: the layout read chunk by chunk while recording.
  const scanner = new WebmScanner();
  for (const c of chunks(master, chunkSizes)) scanner.push(c);
  const known = { layout: scanner.finish(), sha256: sha256(master), sizeBytes: master.byteLength };
  const live = await patcher.derive('h', 'm.webm', 'w1.webm', known);
  // As recovery after a crash does: from the master on disk.
  const recovered = await patcher.derive('h', 'm.webm', 'w2.webm');
  assert.equal(live.output.sha256, recovered.output.sha256);
  assert.equal(live.input.sha256, recovered.input.sha256);
  assert.deepEqual(readFileSync(join(root, 'hearings', 'h', 'w1.webm')), readFileSync(join(root, 'hearings', 'h', 'w2.webm')));
  assert.equal(sha256(await derive(master)), live.output.sha256);
});

test('a master cut short mid-block (a crash) gives a working copy of its complete blocks only', async (t) => {
  try {
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
  } catch {
    t.skip('ffprobe is not installed here (apt-get install ffmpeg)');
    return;
  }
  for (const cut of [chunkSizes[0]! + 1234, master.byteLength - 777, 30_000]) {
    const root = tempDir();
    const store = new FileMediaStore(root);
    const cutShort = master.subarray(0, cut);
    store.writeAtomic('h', 'm.webm', cutShort);
    const d = await new WebmPatcher(store).derive('h', 'm.webm', 'w.webm');
    const layout = scanAll([cutShort]);
    assert.ok(layout.size <= cut && layout.size > cut - 40_000, `kept up to ${layout.size} of ${cut}`);
    const file = join(root, 'hearings', 'h', 'w.webm');
    execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', file, '-f', 'null', '-']);
    const probe = ffprobe(file);
    assert.ok(Math.abs(probe.duration * 1000 - d.durationMs) < 50, `${probe.duration} s against ${d.durationMs} ms`);
    assert.ok(d.durationMs <= 6000, `duration ${d.durationMs}`);
  }
});

test('what is not a WebM recording is refused with a reason, and leaves no working copy', async () => {
  assert.throws(() => scanAll([new TextEncoder().encode('not a video at all')]), WebmFormatError);
  assert.throws(() => scanAll([master.subarray(0, 150)]), /no header, info or tracks|no complete block/);
  const root = tempDir();
  const store = new FileMediaStore(root);
  store.writeAtomic('h', 'm.webm', new TextEncoder().encode('not a video at all'));
  await assert.rejects(new WebmPatcher(store).derive('h', 'm.webm', 'w.webm'));
  assert.equal(store.size('h', 'w.webm'), null);
});

test('re-deriving names the first byte where a working copy differs, and its true hashes', async () => {
  const working = await derive(master);
  const same = await rederiveWebm(reader(master), reader(working));
  assert.equal(same.firstDifference, null);
  assert.equal(same.masterSha256, sha256(master));
  assert.equal(same.workingSha256, sha256(working));
  assert.equal(same.derivedSize, working.byteLength);

  for (const at of [5, 100, 5000, working.byteLength - 3]) {
    const changed = Uint8Array.from(working);
    changed[at] = changed[at]! ^ 0x01;
    const r = await rederiveWebm(reader(master), reader(changed));
    assert.equal(r.firstDifference, at, `flipped at ${at}`);
    assert.equal(r.workingSha256, sha256(changed));
  }
  const shorter = working.subarray(0, working.byteLength - 10);
  assert.equal((await rederiveWebm(reader(master), reader(shorter))).firstDifference, shorter.byteLength);
  const longer = Buffer.concat([working, Buffer.from('extra')]);
  const r = await rederiveWebm(reader(master), reader(longer));
  assert.equal(r.firstDifference, working.byteLength);
  assert.equal(r.workingSha256, sha256(longer));
  // A working copy made from another master (the first half of this one) is named too.
  const other = await derive(master.subarray(0, 100_000));
  assert.notEqual((await rederiveWebm(reader(master), reader(other))).firstDifference, null);
});

/** Feeds `pieces` as the recording service does: scanner first, then the copy written as it goes. */
async function writtenWhileRecording(store: MediaStore, pieces: Uint8Array[]) {
  const scanner = new WebmScanner();
  const copy = new IncrementalWorkingCopy(store.createWritable('h', 'live.webm'));
  for (const p of pieces) {
    scanner.push(p);
    copy.push(p, scanner.progress());
  }
  const whole = Buffer.concat(pieces);
  const plan = await copy.finish(scanner.finish(), whole.byteLength, async (s, e) => whole.subarray(s, e));
  copy.commit();
  return plan;
}

async function readStored(store: MediaStore, name: string): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const reader = store.read('h', name).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts);
}

test('the working copy written while recording is, byte for byte, the one derived from the master', async () => {
  const expected = await derive(master);
  const stores: Array<[string, () => MediaStore]> = [
    ['plain', () => new FileMediaStore(tempDir())],
    ['encrypted', () => new EncryptedMediaStore(tempDir(), DataKey.generate().fileKeys())],
  ];
  for (const [kind, make] of stores) {
    const pieceings: Array<[string, Uint8Array[]]> = [
      ['as MediaRecorder handed it over', chunks(master, chunkSizes)],
      ...[1, 7, 997, 65536, 300_000].map((n): [string, Uint8Array[]] => {
        const out: Uint8Array[] = [];
        for (let at = 0; at < master.byteLength; at += n) out.push(master.subarray(at, at + n));
        return [`pieces of ${n} bytes`, out];
      }),
    ];
    for (const [how, pieces] of pieceings) {
      const store = make();
      const plan = await writtenWhileRecording(store, pieces);
      assert.equal(plan.size, expected.byteLength, `${kind}, ${how}`);
      assert.equal(sha256(await readStored(store, 'live.webm')), sha256(expected), `${kind}, ${how}`);
    }
  }
});

test('a master cut short mid-block: the copy written while recording still equals the derived one', async () => {
  for (const cut of [chunkSizes[0]! + 1234, master.byteLength - 777, 30_000]) {
    const cutShort = master.subarray(0, cut);
    const store = new FileMediaStore(tempDir());
    await writtenWhileRecording(store, chunks(cutShort, chunkSizes));
    assert.equal(sha256(await readStored(store, 'live.webm')), sha256(await derive(cutShort)), `cut at ${cut}`);
  }
});

test('stopping completes the copy written while recording; a copy that went wrong is derived from the master', async () => {
  const root = tempDir();
  const store = new FileMediaStore(root);
  store.writeAtomic('h', 'm.webm', master);
  const scanner = new WebmScanner();
  const copy = new IncrementalWorkingCopy(store.createWritable('h', 'w.webm'));
  for (const c of chunks(master, chunkSizes)) {
    scanner.push(c);
    copy.push(c, scanner.progress());
  }
  const known = { layout: scanner.finish(), sha256: sha256(master), sizeBytes: master.byteLength, incremental: copy };
  const d = await new WebmPatcher(store).derive('h', 'm.webm', 'w.webm', known);
  assert.equal(d.output.sha256, sha256(await derive(master)));
  assert.equal(d.output.sizeBytes, (await derive(master)).byteLength);
  assert.deepEqual(d.input, { name: 'm.webm', sha256: sha256(master), sizeBytes: master.byteLength });

  // A copy that was not given every chunk of the master is given up, and the working copy is
  // derived from the master: the same bytes.
  const scanner2 = new WebmScanner();
  const broken = new IncrementalWorkingCopy(store.createWritable('h', 'w2.webm'));
  const pieces = chunks(master, chunkSizes);
  for (const [i, c] of pieces.entries()) {
    scanner2.push(c);
    if (i !== 2) broken.push(c, scanner2.progress());
  }
  const errors: unknown[] = [];
  const patcher = new WebmPatcher(store, undefined, { error: (_m, err) => errors.push(err) });
  const known2 = { layout: scanner2.finish(), sha256: sha256(master), sizeBytes: master.byteLength, incremental: broken };
  const d2 = await patcher.derive('h', 'm.webm', 'w2.webm', known2);
  assert.equal(errors.length, 1, 'the copy that was given up is logged');
  assert.equal(d2.output.sha256, d.output.sha256);
  assert.equal(store.size('h', 'w2.webm.partial'), null, 'nothing half-written is left');
});

test('a recording of several megabytes on the encrypted store: the stop completes the copy written while recording, with no fallback', async (t) => {
  const probe = spawnSyncSafe('ffmpeg', ['-version']);
  if (!probe) {
    t.skip('ffmpeg is not installed here (apt-get install ffmpeg)');
    return;
  }
  // Larger than the frames the encrypted store keeps in memory: frames already on disk are read
  // back and written again as the copy grows (the short last one), and at the stop (the header).
  const dir = tempDir();
  const file = join(dir, 'long.webm');
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=8',
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=8',
    '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '3M',
    '-c:a', 'libopus', '-b:a', '64k', '-cluster_time_limit', '1000', '-f', 'webm', file,
  ]);
  const long = new Uint8Array(readFileSync(file));
  assert.ok(long.byteLength > 2 * 1024 * 1024, `the master has ${long.byteLength} bytes`);
  const store = new EncryptedMediaStore(tempDir(), DataKey.generate().fileKeys());
  store.writeAtomic('h', 'm.webm', long);
  const scanner = new WebmScanner();
  const copy = new IncrementalWorkingCopy(store.createWritable('h', 'w.webm'));
  // About a second of recording per chunk, cut anywhere, as MediaRecorder hands them over.
  for (let at = 0, n = 0; at < long.byteLength; n++) {
    const next = Math.min(long.byteLength, at + 300_000 + ((n * 7919) % 100_000));
    const c = long.subarray(at, next);
    scanner.push(c);
    copy.push(c, scanner.progress());
    at = next;
  }
  const errors: unknown[] = [];
  const patcher = new WebmPatcher(store, undefined, { error: (_m, err) => errors.push(err) });
  const known = { layout: scanner.finish(), sha256: sha256(long), sizeBytes: long.byteLength, incremental: copy };
  const d = await patcher.derive('h', 'm.webm', 'w.webm', known);
  assert.deepEqual(errors, [], 'the copy written while recording was completed, not given up');
  const expected = await derive(long);
  assert.equal(d.output.sha256, sha256(expected));
  assert.equal(sha256(await readStored(store, 'w.webm')), sha256(expected));
});

function spawnSyncSafe(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
