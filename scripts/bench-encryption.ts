// `npm run bench -- encryption`: media encrypted at rest, each figure beside its baseline in the
// same run. The argument is the length of the recording read back, in minutes (60 by default).
import { localOperator } from '../shared/api/caller';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataKey } from '../main/services/keys/data-key';
import { defaultScryptCost, KeySlots, keySlotsFile } from '../main/services/keys/key-slots';
import { createMediaHandler } from '../main/services/media-handler';
import { EncryptedMediaStore } from '../main/services/storage/encrypted-media-store';
import { FileMediaStore } from '../main/services/storage/file-media-store';
import type { MediaStore } from '../main/services/storage/media-store';

const minutes = Number(process.argv[2] ?? '60');
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Appends `count` chunks as the recording service does (append, fsync, running SHA-256); per-chunk times in ms. */
function appendChunks(store: MediaStore, name: string, chunk: Uint8Array, count: number): number[] {
  const file = store.createAppendable('h1', name);
  const hash = createHash('sha256');
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    file.append(chunk);
    hash.update(chunk);
    createHash('sha256').update(chunk).digest();
    times.push(performance.now() - t0);
  }
  file.close();
  return times;
}

function describeTimes(label: string, times: number[], bytes: number): void {
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0) / 1000;
  console.info(
    `  ${label}: ${fmt(bytes / total / 1e6)} MB/s; per chunk median ${fmt(percentile(sorted, 0.5), 2)} ms, p99 ${fmt(percentile(sorted, 0.99), 2)} ms, max ${fmt(sorted.at(-1) ?? 0, 2)} ms`,
  );
}

function openssl(args: string[], bytes: number): string {
  const t0 = performance.now();
  execFileSync('openssl', args);
  return `${fmt(bytes / ((performance.now() - t0) / 1000) / 1e6)} MB/s`;
}

async function firstByte(store: MediaStore, size: number): Promise<number> {
  const handler = createMediaHandler(
    {
      locate: () => ({ hearingId: 'h1', name: 'long.webm', mimeType: 'video/webm', action: 'recording.played', target: {} }),
      locateDocument: () => null,
    },
    store,
    // The store is what is measured here; who may read is the access tests' subject.
    { mayRead: () => true, read: () => undefined },
  );
  const start = Math.floor(size * 0.75);
  const t0 = performance.now();
  const response = await handler(
    new Request('app://hearing-room/media/recordings/11111111-2222-4333-8444-555555555555/master', {
      headers: { Range: `bytes=${start}-` },
    }),
    localOperator('internal'),
  );
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  await reader.read();
  const ms = performance.now() - t0;
  await reader.cancel();
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), 'hearing-room-bench-'));
try {
  const dataKey = DataKey.generate();
  const encrypted = new EncryptedMediaStore(join(dir, 'encrypted'), dataKey.fileKeys());
  const plain = new FileMediaStore(join(dir, 'plain'));

  // About one second of a high-bitrate recording (8 Mbit/s) per chunk, against a 1 s timeslice.
  const chunk = randomBytes(1024 * 1024);
  const count = 256;
  const bytes = chunk.byteLength * count;
  console.info(
    `Append, encrypt, hash and fsync ${count} chunks of 1 MiB (the recording service's steps):`,
  );
  describeTimes(
    'encrypted (AES-256-GCM frame per chunk)',
    appendChunks(encrypted, 'append.webm', chunk, count),
    bytes,
  );
  describeTimes('plain files, same steps', appendChunks(plain, 'append.webm', chunk, count), bytes);
  const same = join(dir, 'same-bytes.bin');
  writeFileSync(same, Buffer.concat(Array.from({ length: count }, () => chunk)));
  // OpenSSL's `enc` refuses AEAD modes such as GCM; CTR is the same AES keystream without the tag.
  const key = randomBytes(32).toString('hex');
  const iv = randomBytes(16).toString('hex');
  console.info(
    `  baseline openssl enc -aes-256-ctr (enc has no GCM) on the same ${fmt(bytes / 1e6, 0)} MB: ${openssl(['enc', '-aes-256-ctr', '-K', key, '-iv', iv, '-in', same, '-out', '/dev/null'], bytes)}`,
  );
  console.info(
    `  baseline openssl dgst -sha256 on the same bytes: ${openssl(['dgst', '-sha256', same], bytes)}`,
  );
  console.info('  budget: the MediaRecorder timeslice, 1000 ms per chunk');

  // A recording of `minutes` at 2.5 Mbit/s, one chunk a second, read from 75% as a player seeks.
  const long = randomBytes(Math.round(2.5e6 / 8));
  const seconds = minutes * 60;
  appendChunks(encrypted, 'long.webm', long, seconds);
  appendChunks(plain, 'long.webm', long, seconds);
  const size = long.byteLength * seconds;
  const fresh = new EncryptedMediaStore(join(dir, 'encrypted'), dataKey.fileKeys());
  const cold = await firstByte(fresh, size);
  const warm: number[] = [];
  const plainTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    warm.push(await firstByte(fresh, size));
    plainTimes.push(await firstByte(plain, size));
  }
  warm.sort((a, b) => a - b);
  plainTimes.sort((a, b) => a - b);
  console.info(
    `Range request at 75% of a ${minutes}-minute recording (${fmt(size / 1e6, 0)} MB, ${seconds} chunks), time to first byte:`,
  );
  console.info(
    `  encrypted: first request ${fmt(cold, 2)} ms (reads every frame header once), then median ${fmt(percentile(warm, 0.5), 2)} ms`,
  );
  console.info(`  plain file (baseline): median ${fmt(percentile(plainTimes, 0.5), 2)} ms`);

  const slots = keySlotsFile(join(dir, 'keys-home'));
  await KeySlots.create(slots, { slotId: 'bench', password: 'a bench password' });
  const t0 = performance.now();
  await KeySlots.unlock(slots, 'bench', 'a bench password');
  const { N, r, p } = defaultScryptCost;
  console.info(
    `Unlocking the data key with a password (scrypt N=2^${Math.log2(N)}, r=${r}, p=${p}): ${fmt(performance.now() - t0, 0)} ms`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
