// `npx tsx scripts/bench-verify.ts [size in GiB]`: how long the seal verifier takes on one segment
// of about that size (a real WebM master made by ffmpeg, and its working copy derived as the app
// derives it), with re-derivation on and off (--quick), beside `sha256sum` of the same two files
// in the same run. Prints figures; never fails on them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RangeReader } from '../main/services/seal/rederive';
import { sha256File } from '../main/services/seal/verify';
import { FileMediaStore } from '../main/services/storage/file-media-store';
import { WebmPatcher } from '../main/services/working-copy';
import { rederiveWebm } from '../main/services/webm/rederive';

const gibibytes = Number(process.argv[2] ?? 2);
// 640x360 VP8 at 2 Mbit/s and Opus at 64 kbit/s, as in bench-seal.ts: about 15.7 MB a minute.
const minutes = Math.max(1, Math.round((gibibytes * 2 ** 30) / 15.7e6));
const dir = mkdtempSync(join(tmpdir(), 'hearing-room-bench-verify-'));
const hearingDir = join(dir, 'hearings', 'h');
const master = join(hearingDir, 'master.webm');
const working = join(hearingDir, 'working.webm');

async function reader(path: string): Promise<RangeReader> {
  const file = await open(path, 'r');
  const { size } = await file.stat();
  return {
    size,
    async read(start, end) {
      const bytes = Buffer.allocUnsafe(end - start);
      const { bytesRead } = await file.read(bytes, 0, end - start, start);
      return bytes.subarray(0, bytesRead);
    },
    close: () => file.close(),
  };
}

try {
  execFileSync('mkdir', ['-p', hearingDir]);
  const minute = join(dir, 'minute.webm');
  // One minute is encoded, then repeated without re-encoding: real packets, real timestamps.
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=640x360:rate=25:duration=60',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=60',
    '-c:v',
    'libvpx',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-b:v',
    '2M',
    '-c:a',
    'libopus',
    '-b:a',
    '64k',
    '-f',
    'webm',
    minute,
  ]);
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-stream_loop',
    String(minutes - 1),
    '-i',
    minute,
    '-c',
    'copy',
    '-t',
    String(minutes * 60),
    '-f',
    'webm',
    master,
  ]);
  const d0 = performance.now();
  await new WebmPatcher(new FileMediaStore(dir)).derive('h', 'master.webm', 'working.webm');
  const deriveSeconds = (performance.now() - d0) / 1000;
  const bytes = statSync(master).size + statSync(working).size;
  console.info(
    `Segment: ${minutes} minutes of WebM, master ${(statSync(master).size / 2 ** 30).toFixed(2)} GiB, working copy derived by the app in ${deriveSeconds.toFixed(1)} s; both files in the page cache.`,
  );

  const contenders: Array<{
    name: string;
    run: () => Promise<unknown> | unknown;
    seconds: number[];
  }> = [
    {
      name: 'sha256sum master working',
      run: () => execFileSync('sha256sum', [master, working]),
      seconds: [],
    },
    {
      name: 'verifier --quick',
      run: async () => [await sha256File(master), await sha256File(working)],
      seconds: [],
    },
    {
      name: 'verifier (re-derives)',
      run: async () => {
        const [m, w] = [await reader(master), await reader(working)];
        try {
          const result = await rederiveWebm(m, w);
          if (result.firstDifference !== null)
            throw new Error('The working copy does not derive again.');
        } finally {
          await Promise.all([m.close(), w.close()]);
        }
      },
      seconds: [],
    },
  ];
  // sha256sum of coreutils may not use the processor's SHA instructions where OpenSSL (and so
  // Node) does: the ratio against OpenSSL says what re-deriving costs beyond hashing alone.
  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version']);
      return true;
    } catch {
      return false;
    }
  })();
  if (hasOpenssl) {
    contenders.push({
      name: 'openssl dgst -sha256',
      run: () => execFileSync('openssl', ['dgst', '-sha256', master, working]),
      seconds: [],
    });
  }
  const rounds = 3;
  // Take turns, so that none profits alone from a warmer cache or a quieter moment.
  for (let round = 0; round < rounds; round++) {
    for (const c of contenders) {
      const t0 = performance.now();
      await c.run();
      c.seconds.push((performance.now() - t0) / 1000);
    }
  }
  const best = (xs: number[]) => Math.min(...xs);
  for (const c of contenders) {
    const b = best(c.seconds);
    console.info(
      `${c.name.padEnd(26)} best ${b.toFixed(2)} s (${(bytes / 1e6 / b).toFixed(0)} MB/s); runs ${c.seconds.map((s) => s.toFixed(2)).join(', ')} s`,
    );
  }
  const [sum, quick, full, ssl] = contenders.map((c) => best(c.seconds)) as [
    number,
    number,
    number,
    number | undefined,
  ];
  console.info(
    `Ratio verifier --quick / sha256sum:       ${(quick / sum).toFixed(2)} (best of ${rounds})`,
  );
  console.info(
    `Ratio verifier re-deriving / sha256sum:  ${(full / sum).toFixed(2)} (best of ${rounds}; goal: at most 1.2)`,
  );
  if (ssl !== undefined)
    console.info(`Ratio verifier re-deriving / openssl:    ${(full / ssl).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
