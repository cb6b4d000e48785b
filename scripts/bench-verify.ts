// `npx tsx scripts/bench-verify.ts [size in GiB]`: how fast the seal verifier hashes a large
// recording, beside `sha256sum` (and `openssl dgst`, when installed) on the same file in the same
// run. Prints figures; never fails on them.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sha256File } from '../main/services/seal/verify';

const gibibytes = Number(process.argv[2] ?? 2);
const block = randomBytes(64 * 1024 * 1024);
const blocks = Math.max(1, Math.round((gibibytes * 2 ** 30) / block.byteLength));
const dir = mkdtempSync(join(tmpdir(), 'hearing-room-bench-verify-'));
const file = join(dir, 'recording.bin');

async function time<T>(run: () => T | Promise<T>): Promise<{ seconds: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { seconds: (performance.now() - t0) / 1000, value };
}

try {
  // Real bytes on disk, not a sparse file: every block is written.
  const fd = openSync(file, 'w');
  for (let i = 0; i < blocks; i++) {
    // A different first byte per block, so no two blocks are the same.
    block[0] = i & 0xff;
    writeSync(fd, block);
  }
  closeSync(fd);
  const bytes = blocks * block.byteLength;
  const mb = bytes / 1e6;
  console.info(
    `File: ${(bytes / 2 ** 30).toFixed(2)} GiB of random bytes (${blocks} blocks of 64 MiB), in the page cache after writing.`,
  );

  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version']);
      return true;
    } catch {
      return false;
    }
  })();
  const contenders: Array<{
    name: string;
    run: () => Promise<string> | string;
    seconds: number[];
  }> = [
    {
      name: 'sha256sum',
      run: () => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0] ?? '',
      seconds: [],
    },
    { name: 'verifier sha256File', run: async () => (await sha256File(file)).sha256, seconds: [] },
  ];
  if (hasOpenssl) {
    contenders.push({
      name: 'openssl dgst -sha256',
      run: () =>
        execFileSync('openssl', ['dgst', '-sha256', '-r', file], { encoding: 'utf8' }).split(
          ' ',
        )[0] ?? '',
      seconds: [],
    });
  }
  const rounds = 3;
  const digests = new Set<string>();
  // Take turns, so that none profits alone from a warmer cache or a quieter moment.
  for (let round = 0; round < rounds; round++) {
    for (const c of contenders) {
      const { seconds, value } = await time(c.run);
      c.seconds.push(seconds);
      digests.add(value);
    }
  }
  if (digests.size !== 1)
    throw new Error(`The tools disagree on the hash: ${[...digests].join(', ')}.`);
  const best = (xs: number[]) => Math.min(...xs);
  for (const c of contenders) {
    const b = best(c.seconds);
    console.info(
      `${c.name.padEnd(22)} best ${b.toFixed(2)} s (${(mb / b).toFixed(0)} MB/s); runs ${c.seconds.map((s) => s.toFixed(2)).join(', ')} s`,
    );
  }
  const [sum, ours, ssl] = contenders.map((c) => best(c.seconds)) as [
    number,
    number,
    number | undefined,
  ];
  console.info(
    `Ratio verifier / sha256sum: ${(ours / sum).toFixed(2)} (best of ${rounds}; target: at most 1.2)`,
  );
  if (ssl !== undefined) console.info(`Ratio verifier / openssl:   ${(ours / ssl).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
