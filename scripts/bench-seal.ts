// `npx tsx scripts/bench-seal.ts [minutes]`: time from pressing stop to a sealed hearing, for a
// recording of the given length (60 by default), beside sha256sum of the same master. The
// recording is a real WebM made by ffmpeg, sent to the web host (encrypted at rest, as installed)
// in 1 MiB chunks as the page sends them.
// Prints figures; never fails on them.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appendChunkHost, callHost, startHostProcess } from '../tests/helpers/web-host-process';
import type { Hearing, Recording } from '../shared/domain/hearing';
import { createReadyHearing } from '../tests/helpers/procedure';

const minutes = Number(process.argv[2] ?? 60);
const dir = mkdtempSync(join(tmpdir(), 'hearing-room-bench-seal-'));
const source = join(dir, 'source.webm');

try {
  console.info(`Making a ${minutes}-minute WebM (640x360, 25 fps, VP8 at 2 Mbit/s + Opus) with ffmpeg...`);
  const e0 = performance.now();
  // One minute is encoded, then repeated without re-encoding: real packets, real timestamps.
  const minute = join(dir, 'minute.webm');
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=60',
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=60',
    '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '2M',
    '-c:a', 'libopus', '-b:a', '64k', '-f', 'webm', minute,
  ]);
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y', '-stream_loop', String(Math.max(0, Math.ceil(minutes) - 1)), '-i', minute,
    '-c', 'copy', '-t', String(minutes * 60), '-f', 'webm', source,
  ]);
  const size = statSync(source).size;
  console.info(`  ${(size / 1e6).toFixed(0)} MB in ${((performance.now() - e0) / 1000).toFixed(0)} s`);

  // The app as a user has it: the web host with encryption at rest and its own printer (a
  // Chromium it keeps running), called over HTTP as the page calls it.
  const dataDir = join(dir, 'data');
  const host = await startHostProcess(dataDir);
  const call = <T>(name: string, input: unknown): Promise<T> => callHost<T>(host, name, input);
  let t0 = 0;
  let stopped = 0;
  let sealed = 0;
  let hearingId = '';
  try {
    const hearing = await createReadyHearing<Hearing>(call, 13, 'BENCH/SEAL');
    hearingId = hearing.id;
    const rec = await call<Recording>('recordings.start', { hearingId, mimeType: 'video/webm' });
    // A real recording lasts its minutes and these chunks come in seconds. During a recording the
    // system writes back what is older than about 30 s (Linux's default dirty_expire), so at the
    // stop only the last half minute is still to be written: everything before it is sent and
    // written back (sync), then the last 30 s of the recording are sent as the stop's own backlog.
    const lastHalfMinute = Math.round((size / (minutes * 60)) * 30);
    const fd = openSync(source, 'r');
    const buffer = Buffer.alloc(1024 * 1024);
    let seq = 0;
    let sent = 0;
    let synced = false;
    for (;;) {
      if (!synced && sent >= size - lastHalfMinute) {
        execFileSync('sync');
        synced = true;
      }
      const n = readSync(fd, buffer, 0, buffer.byteLength, null);
      if (n === 0) break;
      await appendChunkHost(host, rec.id, seq, buffer.subarray(0, n));
      sent += n;
      seq += 1;
    }
    closeSync(fd);

    t0 = performance.now();
    await call('recordings.stop', { recordingId: rec.id, durationMs: minutes * 60_000 });
    stopped = performance.now();
    await call('hearings.seal', { hearingId });
    sealed = performance.now();
  } finally {
    await host.stop();
  }
  // What the working copy takes on disk, its encryption included.
  const workingSize = statSync(join(dataDir, 'hearings', hearingId, 'segment-001-working.webm')).size;

  const s0 = performance.now();
  execFileSync('sha256sum', [source]);
  const sha = (performance.now() - s0) / 1000;
  console.info(`Stop to sealed hearing, ${minutes}-minute recording (${(size / 1e6).toFixed(0)} MB):`);
  console.info(`  ${((sealed - t0) / 1000).toFixed(1)} s in all`);
  console.info(`    stop (close the master, complete the working copy written while recording, hash it): ${((stopped - t0) / 1000).toFixed(1)} s`);
  console.info(`    seal (print the written record again, check every file's hash, sign the manifest): ${((sealed - stopped) / 1000).toFixed(1)} s`);
  console.info(`  baseline sha256sum of the master alone: ${sha.toFixed(1)} s (goal: 5 s for 60 minutes, 1 s for 5)`);
  console.info(
    `  the working copy takes ${(workingSize / 1e6).toFixed(0)} MB beside the master's ${(size / 1e6).toFixed(0)} MB: ${((workingSize / 1e9) * (60 / minutes)).toFixed(2)} GB more per hour at this bit rate`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
