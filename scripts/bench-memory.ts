// `npx tsx scripts/bench-memory.ts [minutes]`: memory of main (the web host process) and of the
// renderer (Chromium's JS heap) over a recording of the given length (30 by default), sampled
// every 30 s. Prints figures; never fails on them.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { callHost, signInPage, startHostProcess } from '../tests/helpers/web-host-process';
import { createReadyHearing } from '../tests/helpers/procedure';

const minutes = Number(process.argv[2] ?? 30);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

const dataDir = mkdtempSync(join(tmpdir(), 'hearing-room-bench-memory-'));
const host = await startHostProcess(dataDir);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const hearing = await createReadyHearing<{ id: string }>((n, i) => callHost(host, n, i), 13, 'BENCH/MEMORY');
  const page = await browser.newPage();
  // Signed in as the interviewer the host was started with, as a user is after the sign-in screen.
  await signInPage(page, host, host.session!);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  await page.getByRole('button', { name: 'Start recording' }).waitFor();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await page.waitForTimeout(30_000);
  const pid = host.child.pid ?? 0;
  const first = { main: rssOf(pid), renderer: await heap() };
  console.info(`Recording for ${minutes} min; after 30 s: main RSS ${mb(first.main)} MiB, renderer JS heap ${mb(first.renderer)} MiB`);
  let last = first;
  for (let t = 1; t < minutes * 2; t++) {
    await page.waitForTimeout(30_000);
    last = { main: rssOf(pid), renderer: await heap() };
    if (t % 4 === 0) console.info(`  ${(t / 2 + 0.5).toFixed(1)} min: main ${mb(last.main)} MiB, renderer heap ${mb(last.renderer)} MiB`);
  }
  await page.getByRole('button', { name: 'Stop recording' }).click();
  const written = (await callHost<{ recordings: Array<{ sizeBytes: number }> }>(host, 'hearings.get', { hearingId: hearing.id })).recordings[0];
  console.info(`Memory growth over ${minutes} min (${mb(written?.sizeBytes ?? 0)} MiB recorded):`);
  console.info(`  main (web host process RSS): ${mb(last.main - first.main)} MiB (aim: under 20)`);
  console.info(`  renderer (JS heap after GC): ${mb(last.renderer - first.renderer)} MiB (aim: under 20)`);
} finally {
  await browser.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
