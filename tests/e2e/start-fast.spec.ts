import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { storedBytes, storedCopy } from '../helpers/stored-media';
import { join } from 'node:path';
import { createHearing, expect, openApp, test } from './fixtures';
import { bornYearsAgo, completeSections, today } from '../helpers/procedure';
import { callHost } from '../helpers/web-host-process';
import type { Page } from '@playwright/test';
import type { HostProcess } from '../helpers/web-host-process';

// The recorder starts at the press of Start, alongside main's opening of the master. These specs
// show that what it captures while main is still answering is kept, in order, and that what it
// captures before a refusal is dropped, never stored.

async function readyHearing(page: Page, host: HostProcess, reference: string): Promise<string> {
  await openApp(page, host);
  const hearingId = await createHearing(page, {
    caseReference: reference,
    minorName: 'Noor Claes',
    dateOfBirth: bornYearsAgo(10),
    hearingDate: today(),
  });
  for (const section of completeSections(10).sections) {
    await callHost(host, 'procedure.save', { hearingId, ...section });
  }
  await page.reload();
  await expect(page.getByLabel('Camera')).toBeEnabled();
  return hearingId;
}

test('chunks captured while main is still opening the recording are kept, from the first byte', async ({ page, host }) => {
  const hearingId = await readyHearing(page, host, 'BR.12.L3.000101/26');
  // Main answers the opening late: the recorder has been running for 2.5 s by then.
  await page.route('**/api/recordings.start', async (route) => {
    await new Promise((r) => setTimeout(r, 2500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Start recording' }).click();
  const master = join(host.dataDir, 'hearings', hearingId, 'segment-001-master.webm');
  const sizeNow = () => statSync(master, { throwIfNoEntry: false })?.size ?? 0;
  await expect.poll(sizeNow, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.waitForTimeout(2000);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByTestId('recording-sha256').first()).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });

  // The master begins with the WebM header the recorder wrote in its first chunk: nothing
  // captured before main's answer was lost or reordered.
  const masterBytes = await storedBytes(host.dataDir, hearingId, 'segment-001-master.webm');
  expect(masterBytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
  const hearing = await callHost<{ recordings: Array<{ durationMs: number; status: string }> }>(
    host,
    'hearings.get',
    { hearingId },
  );
  expect(hearing.recordings).toHaveLength(1);
  expect(hearing.recordings[0]!.status).not.toBe('recording');
  expect(hearing.recordings[0]!.durationMs).toBeGreaterThan(4000);
  // The media itself covers the 2.5 s main took to answer: a recorder started only after the
  // answer would hold about 3 s here (one timeslice to the first chunk, then the 2 s waited).
  await expect
    .poll(() => statSync(join(host.dataDir, 'hearings', hearingId, 'segment-001-working.webm'), { throwIfNoEntry: false })?.size ?? 0, {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  const working = await storedCopy(host.dataDir, hearingId, 'segment-001-working.webm');
  const probe = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', working], {
    encoding: 'utf8',
  });
  expect(Number(probe)).toBeGreaterThan(4.0);
});

test('a start refused by main stores nothing of what the recorder captured meanwhile', async ({ page, host }) => {
  const hearingId = await readyHearing(page, host, 'BR.12.L3.000102/26');
  const appends: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/recordings.appendChunk')) appends.push(request.url());
  });
  await page.route('**/api/recordings.start', async (route) => {
    await new Promise((r) => setTimeout(r, 1200));
    await route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'conflict', message: 'Refused for this test: another segment is open.' },
      }),
    });
  });
  await page.getByRole('button', { name: 'Start recording' }).click();
  // The page names the refusal in the reader's words.
  await expect(page.getByRole('alert').filter({ hasText: 'The recording did not start' })).toBeVisible();
  // Well past one timeslice: the recorder had a chunk, and it never went to main.
  await page.waitForTimeout(2500);
  expect(appends).toEqual([]);
  const hearing = await callHost<{ recordings: unknown[] }>(host, 'hearings.get', { hearingId });
  expect(hearing.recordings).toEqual([]);
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeEnabled();
});

test('a camera lost while main is still opening the recording closes the segment as device_lost', async ({ page, host }) => {
  const hearingId = await readyHearing(page, host, 'BR.12.L3.000103/26');
  await page.route('**/api/recordings.start', async (route) => {
    await new Promise((r) => setTimeout(r, 2000));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Start recording' }).click();
  await page.waitForTimeout(500);
  // The camera goes before main has answered the opening.
  await page.evaluate(() => {
    const preview = document.querySelector<HTMLVideoElement>('video.preview');
    const track = (preview?.srcObject as MediaStream).getVideoTracks()[0]!;
    track.stop();
    track.dispatchEvent(new Event('ended'));
  });
  await expect
    .poll(
      async () =>
        (
          await callHost<{ recordings: Array<{ segment: number; status: string; stopReason: string | null }> }>(
            host,
            'hearings.get',
            { hearingId },
          )
        ).recordings.map((r) => [r.segment, r.status, r.stopReason]),
      { timeout: 30_000 },
    )
    .toEqual([[1, 'complete', 'device_lost']]);
  await expect(page.getByRole('alert').filter({ hasText: /camera/i })).toBeVisible();
});
