import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { recordingFormats } from '../../renderer/capture/panel/formats';
import { getHearing, openReadyHearing, showRecordingPart } from '../helpers/hearing-page';
import { callHost } from '../helpers/web-host-process';
import { storedCopy } from '../helpers/stored-media';
import { headerLength } from '../../main/services/storage/media-frames';

const codecNames = { vp9: 'VP9 + Opus', vp8: 'VP8 + Opus', av1: 'AV1 + Opus' } as const;
const label = (page: Page, text: string) => page.getByLabel(text, { exact: true });

/** A browser that cannot record VP9, and a record of every style the CSP refuses. */
async function withoutVp9(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    const original = MediaRecorder.isTypeSupported.bind(MediaRecorder);
    MediaRecorder.isTypeSupported = (type: string) => !/vp9|vp09/.test(type) && original(type);
  });
}

/**
 * The bytes of recording on disk in a segment's master: 0 while it does not exist, and 0 while it
 * holds only the header the encrypted store writes when the file is opened, before any chunk.
 */
function masterSize(dataDir: string, hearingId: string, segment: number): number {
  const name = `segment-${String(segment).padStart(3, '0')}-master.webm`;
  const size = statSync(join(dataDir, 'hearings', hearingId, name), { throwIfNoEntry: false })?.size ?? 0;
  return Math.max(0, size - headerLength);
}

function ffprobeVideo(file: string): { codec_name: string; width: number; height: number } {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_streams', '-of', 'json', file],
    { encoding: 'utf8' },
  );
  return (JSON.parse(out) as { streams: Array<{ codec_name: string; width: number; height: number }> })
    .streams[0]!;
}

test('the capture panel offers only the formats this browser can record, styled under the strict CSP', async ({
  page,
  host,
}) => {
  await withoutVp9(page);
  await openReadyHearing(page, host, 'CAPTURE/FORMATS');

  // What the page's own MediaRecorder says, for every format Hearing Room knows.
  const supported = await page.evaluate(
    (types) => types.map((t) => MediaRecorder.isTypeSupported(t)),
    recordingFormats.map((f) => f.mimeType),
  );
  const offered = recordingFormats.filter((_, i) => supported[i]);
  expect(offered.some((f) => f.video === 'vp9')).toBe(false);

  const containers = label(page, 'File type');
  const codecs = label(page, 'Video codec');
  await expect(containers).toHaveValue('WebM');
  expect(await codecs.locator('option').allTextContents()).toEqual(
    offered.filter((f) => f.container === 'webm').map((f) => codecNames[f.video]),
  );
  // Stored VP9 or not, the choice falls on the best codec this browser has.
  await expect(codecs).toHaveValue('VP8 + Opus');

  const mp4 = offered.filter((f) => f.container === 'mp4');
  expect(await containers.locator('option').allTextContents()).toEqual(
    mp4.length > 0 ? ['WebM', 'MP4'] : ['WebM'],
  );
  if (mp4.length > 0) {
    await containers.selectOption({ label: 'MP4' });
    await expect(codecs.locator('option')).toHaveText(mp4.map((f) => codecNames[f.video]));
    // Back in WebM the codec chosen for MP4 is kept, since WebM has it too.
    await containers.selectOption({ label: 'WebM' });
    await expect(codecs).toHaveValue(codecNames[mp4[0]!.video]);
    await expect(codecs.locator('option')).toHaveCount(offered.filter((f) => f.container === 'webm').length);
  }

  // Tweakpane's own stylesheet applies (its hash is in the CSP), and no style was refused.
  await expect(page.locator('.capture-panel .tp-lblv').first()).toHaveCSS('display', 'flex');
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect(violations.filter((v) => v.startsWith('style-src'))).toEqual([]);

  // Every control and reading of the panel is named by its label.
  for (const name of ['Resolution', 'Frame rate', 'Picture bitrate', 'Sound bitrate'])
    await expect(label(page, name)).toBeEnabled();
  for (const name of ['Sound level', 'Written to disk', 'Elapsed', 'Free disk space', 'Recording time left'])
    await expect(label(page, name)).toHaveAttribute('readonly', '');
  await expect(label(page, 'Free disk space')).toHaveValue(/\d.*B$/);

  // The panel, the pre-flight check and the controls pass an automated accessibility review.
  const review = await new AxeBuilder({ page }).include('.capture').analyze();
  expect(review.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});

test('the chosen settings are what gets recorded, and the monitors move while recording', async ({
  page,
  host,
}) => {
  await withoutVp9(page);
  const hearing = await openReadyHearing(page, host, 'CAPTURE/MONITORS');

  await label(page, 'Resolution').selectOption({ label: '640 × 360' });
  await label(page, 'Picture bitrate').selectOption({ label: '1 Mbit/s' });
  await expect(label(page, 'Picture delivered')).toHaveValue(/^640 × 360/);

  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeEnabled();

  // Locked while recording: nothing may change the picture of a segment under way.
  await expect(label(page, 'Resolution')).toBeDisabled();
  await expect(label(page, 'Video codec')).toBeDisabled();
  await expect(page.getByText('The settings are locked while a segment is being recorded.')).toBeVisible();

  const written = label(page, 'Written to disk');
  await expect(written).toHaveValue(/^[\d.]+ Mbit\/s$/, { timeout: 15_000 });
  await expect
    .poll(async () => Number.parseFloat(await written.inputValue()), { timeout: 15_000 })
    .toBeGreaterThan(0);
  // The fake microphone beeps: the level rises above silence.
  const level = label(page, 'Sound level');
  await expect
    .poll(async () => Number.parseFloat((await level.inputValue()).replace('−', '-')) || -100, {
      timeout: 15_000,
    })
    .toBeGreaterThan(-60);
  await expect(label(page, 'Elapsed')).not.toHaveValue('00:00');
  await expect(label(page, 'Recording time left')).toHaveValue(/^\d+ h \d+ min$/);

  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByTestId('recording-sha256').first()).toHaveText(/^[0-9a-f]{64}$/, {
    timeout: 30_000,
  });
  await expect(label(page, 'Resolution')).toBeEnabled();

  const [recording] = (await getHearing(host, hearing.id)).recordings;
  expect(recording?.mimeType).toBe('video/webm;codecs=vp8,opus');
  const video = ffprobeVideo(await storedCopy(host.dataDir, hearing.id, 'segment-001-master.webm'));
  expect(video).toMatchObject({ codec_name: 'vp8', width: 640, height: 360 });
});

test('a camera lost mid-recording stops the segment as device_lost; resuming records segment 2', async ({
  page,
  host,
}) => {
  const hearing = await openReadyHearing(page, host, 'CAPTURE/LOST');
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect.poll(() => masterSize(host.dataDir, hearing.id, 1), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('elapsed')).toHaveText(/00:0[3-9]/, { timeout: 15_000 });

  // The camera goes away: its track ends (stop() alone fires no 'ended' in the page itself).
  await page.evaluate(() => {
    const preview = document.querySelector<HTMLVideoElement>('video.preview');
    const track = (preview?.srcObject as MediaStream).getVideoTracks()[0]!;
    track.stop();
    track.dispatchEvent(new Event('ended'));
  });

  await expect(page.getByRole('alert').filter({ hasText: 'The camera was disconnected' })).toContainText(
    'Everything recorded until then is kept',
  );
  await expect
    .poll(async () => (await getHearing(host, hearing.id)).recordings[0]?.stopReason, { timeout: 15_000 })
    .toBe('device_lost');
  await expect(page.getByText('Camera or microphone disconnected')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeDisabled();

  // The device is still listed, so resuming is offered at once; one click records on.
  await expect(page.getByRole('status').filter({ hasText: 'The camera and microphone are connected' })).toBeVisible();
  await page.getByRole('button', { name: 'Resume in a new segment' }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeEnabled({ timeout: 15_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'disconnected' })).toHaveCount(0);
  // Segment 2 grows on disk as segment 1 did.
  await expect.poll(() => masterSize(host.dataDir, hearing.id, 2), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Stop recording' }).click();

  await expect
    .poll(async () => (await getHearing(host, hearing.id)).recordings.map((r) => [r.segment, r.stopReason]), {
      timeout: 30_000,
    })
    .toEqual([
      [1, 'device_lost'],
      [2, 'stopped'],
    ]);
  const recordings = (await getHearing(host, hearing.id)).recordings;
  for (const r of recordings) expect(r.sizeBytes).toBeGreaterThan(0);

  // Main logged each stop with its reason; the page logged nothing of its own.
  const events = () =>
    callHost<Array<{ kind: string; details: Record<string, unknown> }>>(host, 'events.list', {
      hearingId: hearing.id,
    });
  await expect
    .poll(async () => (await events()).map((e) => e.kind), { timeout: 15_000 })
    .toEqual(['recording_started', 'recording_stopped', 'recording_started', 'recording_stopped']);
  expect((await events())[1]?.details.reason).toBe('device_lost');
});

test('with “resume by itself” chosen, a camera that is back resumes in a new segment without a click', async ({
  page,
  host,
}) => {
  await page.addInitScript(() => localStorage.setItem('hearingRoom.autoResume', 'true'));
  const hearing = await openReadyHearing(page, host, 'CAPTURE/AUTO');
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect.poll(() => masterSize(host.dataDir, hearing.id, 1), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.evaluate(() => {
    const preview = document.querySelector<HTMLVideoElement>('video.preview');
    const track = (preview?.srcObject as MediaStream).getVideoTracks()[0]!;
    track.stop();
    track.dispatchEvent(new Event('ended'));
  });

  await expect
    .poll(
      async () =>
        (await getHearing(host, hearing.id)).recordings.map((r) => [r.segment, r.status, r.stopReason]),
      { timeout: 30_000 },
    )
    .toEqual([
      [1, 'complete', 'device_lost'],
      [2, 'recording', null],
    ]);
  await expect(page.getByRole('checkbox', { name: 'Resume by itself when the devices are back' })).toHaveCount(0);
  await expect.poll(() => masterSize(host.dataDir, hearing.id, 2), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeEnabled();
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeEnabled({ timeout: 30_000 });
});

test('the pre-flight check sees the picture and hears the sound, fails on a small disk and remembers the day', async ({
  page,
  host,
}) => {
  const GB = 1000 ** 3;
  // The web host's disk is what it is: the storage answers are made small in the page's view.
  let freeBytes = 1.5 * GB;
  await page.route('**/api/app.storage', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: true; value: Record<string, number> };
    await route.fulfill({ response, json: { ok: true, value: { ...body.value, freeBytes } } });
  });
  await openReadyHearing(page, host, 'CAPTURE/PREFLIGHT');
  const preflight = page.getByRole('region', { name: 'Pre-flight check' });
  await expect(preflight).toContainText('Not done yet today');

  // Little space: the warning shows before anyone starts recording, with the time it leaves.
  await expect(page.getByRole('status').filter({ hasText: 'Little disk space is left' })).toContainText(
    /about \d+ h \d+ min of recording/,
  );

  await preflight.getByLabel('Planned length (minutes)').fill('120');
  await preflight.getByRole('button', { name: 'Run the pre-flight check' }).click();
  const check = (name: string) => preflight.getByRole('listitem').filter({ hasText: new RegExp(`^${name}`) });
  await expect(check('Picture')).toContainText('Passed', { timeout: 15_000 });
  await expect(check('Picture')).toContainText('A live picture arrives from the camera.');
  await expect(check('Sound')).toContainText('Passed', { timeout: 15_000 });
  await expect(check('Disk space')).toContainText('Failed');
  await expect(check('Disk space')).toContainText('Ask the technician to free disk space');
  await expect(preflight).toContainText('Not passed today');

  // The day's result survives a reload; with room on the disk, the check passes.
  freeBytes = 500 * GB;
  await page.reload();
  await showRecordingPart(page);
  await expect(preflight).toContainText('Not passed today');
  await preflight.getByRole('button', { name: 'Run the pre-flight check again' }).click();
  await expect(check('Disk space')).toContainText('Passed', { timeout: 15_000 });
  await expect(preflight).toContainText(/Passed today at \d{2}:\d{2}/, { timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Little disk space is left' })).toHaveCount(0);
});
