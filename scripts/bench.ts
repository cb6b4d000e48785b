// `npm run bench`: figures, each beside a baseline measured in the same run. Not a test: it
// prints numbers and never fails on them.
import { execFileSync } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { openServices } from '../main/services/app';
import { localOperator } from '../shared/api/caller';
import type { Hearing, Recording } from '../shared/domain/hearing';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { callHost, signInPage, startHostProcess } from '../tests/helpers/web-host-process';
import { hashSecret, passwordHashing, verifySecret } from '../main/services/passwords';
import { createReadyHearing } from '../tests/helpers/procedure';
import { headerLength } from '../main/services/storage/media-frames';

// `npm run bench -- [append] [ui] [sign-in] [verify] [seal] [memory] [encryption] [list] [--quick]`: all of
// them by default; --quick runs the long ones small (0.5 GB to verify, a 5-minute hearing to seal,
// 2 minutes of recording for memory, a 5-minute recording to read encrypted) instead of 2 GB, one
// hour, 30 minutes and one hour.
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const wanted = (name: string) => only.length === 0 || only.includes(name);
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const ctx = localOperator('internal');

async function appendAndHash(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearing-room-bench-'));
  try {
    const services = await openServices({ dataDir, appVersion: 'bench' });
    const call = async <T>(name: string, input: unknown) => {
      const r = await services.dispatcher.dispatch(ctx, name, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    const hearing = await createReadyHearing<Hearing>(call, 13, 'BENCH/1');
    // About one second of a high-bitrate recording (8 Mbit/s) per chunk.
    const chunk = randomBytes(1024 * 1024);
    const count = 256;
    const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    const t0 = performance.now();
    for (let seq = 0; seq < count; seq++) {
      await call('recordings.appendChunk', { recordingId: rec.id, seq, data: chunk });
    }
    const seconds = (performance.now() - t0) / 1000;
    console.info('(The appended chunks are random bytes, not a WebM recording: main logs that it cannot make their working copy.)');
    const stopped = await services.dispatcher.dispatch(ctx, 'recordings.stop', { recordingId: rec.id, durationMs: 1000 });
    if (!stopped.ok) throw new Error(stopped.error.message);
    services.close();
    const mb = (count * chunk.byteLength) / 1e6;

    const same = join(dataDir, 'same-bytes.bin');
    writeFileSync(same, Buffer.concat(Array.from({ length: count }, () => chunk)));
    const o0 = performance.now();
    execFileSync('openssl', ['dgst', '-sha256', same]);
    const opensslSeconds = (performance.now() - o0) / 1000;
    console.info('Append, hash and sync chunks in main (1 MiB chunks, through the dispatcher):');
    console.info(`  ${fmt(mb / seconds)} MB/s (${fmt(seconds * 1000 / count, 2)} ms per chunk, fsync included)`);
    console.info(`  baseline openssl dgst -sha256 on the same ${fmt(mb, 0)} MB: ${fmt(mb / opensslSeconds)} MB/s`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Script the page loaded, decoded. */
function scriptBytes(page: Page): Promise<number> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.js'))
      .reduce((sum, e) => sum + (e as PerformanceResourceTiming).decodedBodySize, 0),
  );
}

async function uiTimings(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearing-room-bench-'));
  // The people are made on a first start; the figure is for a later start, as a user has it.
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  await (await startHostProcess(dataDir, { built: true })).stop();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  // What a user sees first after a start: the sign-in screen (sessions do not outlive the host).
  const t0 = performance.now();
  const fresh = await startHostProcess(dataDir, { built: true, people: false });
  const gate = await browser.newPage();
  const f0 = performance.now();
  await gate.goto(`${fresh.openUrl}&lang=en`);
  await gate.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  const signInScreen = performance.now() - t0;
  const signInPageMs = performance.now() - f0;
  const signInScripts = await scriptBytes(gate);
  await gate.close();
  await fresh.stop();

  const s0 = performance.now();
  const host = await startHostProcess(dataDir, { built: true });
  const signedIn = performance.now() - s0;
  try {
    const page = await browser.newPage();
    await signInPage(page, host, host.session!);
    const p0 = performance.now();
    await page.goto(`${host.openUrl}&lang=en`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const pageMs = performance.now() - p0;
    const scripts = await scriptBytes(page);
    console.info('Start of the built web host to the first screen in Chromium (goal: 1.5 s, the page 0.5 s):');
    console.info(`  the sign-in screen at ${fmt(signInScreen, 0)} ms: host listening after ${fmt(fresh.listeningAfterMs, 0)} ms, then the page ${fmt(signInPageMs, 0)} ms (${fmt(signInScripts / 1024, 0)} KiB of script; the browser was already running)`);
    console.info(`  signed in (one password check, the data key unlocked, the services opened): ${fmt(signedIn - host.listeningAfterMs, 0)} ms after the host listened;`);
    console.info(`  then the hearing list ${fmt(pageMs, 0)} ms (${fmt(scripts / 1024, 0)} KiB of script)`);

    // A hearing ready to record, prepared through the API; its page opens on the recording tab.
    const hearing = await createReadyHearing<Hearing>((name, input) => callHost(host, name, input), 13, 'BENCH/2');
    const hearingId = hearing.id;
    await page.goto(`${host.url}/?lang=en#/hearings/${hearingId}`);
    const master = join(dataDir, 'hearings', hearingId, 'segment-001-master.webm');
    await page.getByRole('button', { name: 'Start recording' }).waitFor();
    await page.getByLabel('Camera').isEnabled();
    const r0 = performance.now();
    await page.getByRole('button', { name: 'Start recording' }).click();
    // The master is encrypted: its header is written at the start, a chunk's frame after it.
    while ((statSync(master, { throwIfNoEntry: false })?.size ?? 0) <= headerLength) {
      await new Promise((r) => setTimeout(r, 5));
      if (performance.now() - r0 > 30_000) throw new Error('No chunk reached the disk in 30 s.');
    }
    console.info('Press of "Start recording" to the first chunk on disk (goal: 1.1 s):');
    console.info(`  ${fmt(performance.now() - r0, 0)} ms (MediaRecorder timeslice: 1000 ms; the recorder starts at the press and the first chunk is asked for every 250 ms until one comes)`);
    await page.getByRole('button', { name: 'Stop recording' }).click();
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What a sign-in costs: one Argon2id check with the app's parameters, beside scrypt at OWASP's minimum. */
async function signInCost(): Promise<void> {
  const hash = await hashSecret('correct horse battery staple');
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await verifySecret(hash, 'a wrong password, checked in full');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const s0 = performance.now();
  scryptSync('correct horse battery staple', randomBytes(16), 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  const scrypt = performance.now() - s0;
  const { memoryCost, timeCost, parallelism } = passwordHashing;
  console.info(`Sign-in: one Argon2id check (m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}), 10 runs:`);
  console.info(`  median ${fmt(times[5]!, 0)} ms, fastest ${fmt(times[0]!, 0)} ms, slowest ${fmt(times[9]!, 0)} ms (aim: 250-500 ms)`);
  console.info(`  baseline scrypt N=2^17, r=8, p=1 (OWASP's minimum) on the same machine: ${fmt(scrypt, 0)} ms`);
}

function script(file: string, arg: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, file), arg], { stdio: 'inherit' });
}

if (wanted('append')) await appendAndHash();
if (wanted('ui')) await uiTimings();
if (wanted('sign-in')) await signInCost();
if (wanted('verify')) script('bench-verify.ts', quick ? '0.5' : '2');
if (wanted('seal')) script('bench-seal.ts', quick ? '5' : '60');
if (wanted('memory')) script('bench-memory.ts', quick ? '2' : '30');
if (wanted('encryption')) script('bench-encryption.ts', quick ? '5' : '60');
if (wanted('list')) script('bench-list.ts', quick ? '2000' : '10000');
