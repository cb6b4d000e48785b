import AxeBuilder from '@axe-core/playwright';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { getHearing, openReadyHearing, showRecordingPart } from '../helpers/hearing-page';
import type { HostProcess } from '../helpers/web-host-process';
import { storedBytes } from '../helpers/stored-media';

function masterSize(host: HostProcess, hearingId: string, segment: number): number {
  const name = `segment-${String(segment).padStart(3, '0')}-master.webm`;
  return statSync(join(host.dataDir, 'hearings', hearingId, name), { throwIfNoEntry: false })?.size ?? 0;
}

async function recordFor(page: Page, host: HostProcess, hearingId: string, segment: number): Promise<void> {
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeEnabled();
  await expect.poll(() => masterSize(host, hearingId, segment), { timeout: 15_000 }).toBeGreaterThan(20_000);
}

/** Main closes the segment of a page that went away as page_lost, within a few seconds, keeping its bytes. */
async function expectClosedAsPageLost(host: HostProcess, hearingId: string): Promise<number> {
  const lostAt = Date.now();
  await expect
    .poll(async () => (await getHearing(host, hearingId)).recordings[0]?.stopReason ?? null, { timeout: 20_000 })
    .toBe('page_lost');
  const seconds = (Date.now() - lostAt) / 1000;
  console.info(`Main closed the segment ${seconds.toFixed(1)} s after its page went away.`);
  const segment = (await getHearing(host, hearingId)).recordings[0]!;
  expect(segment.status).toBe('complete');
  // Every byte kept: the size main recorded is the stored master's (its plaintext; on disk it is encrypted).
  expect(segment.sizeBytes).toBe((await storedBytes(host.dataDir, hearingId, 'segment-001-master.webm')).byteLength);
  expect(segment.sizeBytes).toBeGreaterThan(20_000);
  return seconds;
}

async function recordNewSegment(page: Page, host: HostProcess, hearingId: string): Promise<void> {
  await expect(page.getByTestId('page-lost')).toContainText('Segment 1 was closed by Hearing Room');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
  // The hearing has a recording: the camera comes on only when asked, for another segment.
  await page.getByRole('button', { name: 'Turn on the camera for another segment' }).click();
  await showRecordingPart(page);
  await recordFor(page, host, hearingId, 2);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeEnabled({ timeout: 20_000 });
  const hearing = await getHearing(host, hearingId);
  expect(hearing.recordings.map((r) => [r.segment, r.status, r.stopReason])).toEqual([
    [1, 'complete', 'page_lost'],
    [2, 'complete', 'stopped'],
  ]);
  await expect(page.getByTestId('page-lost')).toHaveCount(0);
}

test('a page reloaded mid-recording: main closes the segment as page_lost, the page says so and records a new one', async ({
  page,
  host,
}) => {
  page.on('dialog', (dialog) => void dialog.accept());
  const hearing = await openReadyHearing(page, host, 'RELOAD/1');
  await recordFor(page, host, hearing.id, 1);
  await page.reload();
  // Until main has closed it, the page says the segment is still open, and why.
  const open = page.getByTestId('open-segment');
  const lost = page.getByTestId('page-lost');
  await expect(open.or(lost).first()).toBeVisible();
  expect(await expectClosedAsPageLost(host, hearing.id)).toBeLessThan(15);
  await recordNewSegment(page, host, hearing.id);
});

test('a page closed mid-recording and opened again: the segment was closed and kept, a new one follows', async ({
  page,
  context,
  host,
}) => {
  const hearing = await openReadyHearing(page, host, 'CLOSE/1');
  await recordFor(page, host, hearing.id, 1);
  await page.close({ runBeforeUnload: false });
  expect(await expectClosedAsPageLost(host, hearing.id)).toBeLessThan(15);
  const again = await context.newPage();
  await again.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  await recordNewSegment(again, host, hearing.id);
});

test('a second window on a hearing being recorded: it says so, asks for no camera, and the first page records on', async ({
  page,
  context,
  host,
}) => {
  const hearing = await openReadyHearing(page, host, 'TWO/1');
  await recordFor(page, host, hearing.id, 1);
  const second = await context.newPage();
  await second.addInitScript(() => {
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia.bind(devices);
    (window as unknown as { cameraAsked: number }).cameraAsked = 0;
    devices.getUserMedia = (constraints) => {
      (window as unknown as { cameraAsked: number }).cameraAsked += 1;
      return original(constraints);
    };
  });
  await second.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  await expect(second.getByTestId('open-segment')).toContainText('Segment 1 is still open.');
  const before = masterSize(host, hearing.id, 1);
  // Longer than main's limit for a quiet page: the first page beats, so its segment stays open.
  await second.waitForTimeout(8000);
  expect((await getHearing(host, hearing.id)).recordings[0]?.status).toBe('recording');
  expect(masterSize(host, hearing.id, 1)).toBeGreaterThan(before);
  expect(await second.evaluate(() => (window as unknown as { cameraAsked: number }).cameraAsked)).toBe(0);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(second.getByTestId('open-segment')).toHaveCount(0, { timeout: 20_000 });
  expect((await getHearing(host, hearing.id)).recordings[0]?.stopReason).toBe('stopped');
});
