import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createHearing, expect, openApp, test } from './fixtures';
import { bornYearsAgo, completeSections, today } from '../helpers/procedure';
import { callHost } from '../helpers/web-host-process';
import { storedBytes, storedCopy } from '../helpers/stored-media';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function ffprobe(file: string): { format: { duration?: string }; streams: Array<{ codec_type: string }> } {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as ReturnType<typeof ffprobe>;
}

test('create a hearing, record from the camera, and play the recording back', async ({ page, host }) => {
  await openApp(page, host);
  const hearingId = await createHearing(page, {
    caseReference: 'BR.12.L3.004512/26',
    minorName: 'Lena Peeters',
    dateOfBirth: bornYearsAgo(11),
    hearingDate: today(),
  });

  // The procedural record is prepared through the API (its own screens are tested elsewhere).
  for (const section of completeSections(11).sections) {
    await callHost(host, 'procedure.save', { hearingId, ...section });
  }
  await page.reload();

  await expect(page.getByLabel('Camera')).toBeEnabled();
  await page.getByRole('button', { name: 'Start recording' }).click();
  const master = join(host.dataDir, 'hearings', hearingId, 'segment-001-master.webm');

  // The master grows on disk while the recording runs, chunk by chunk, not only at the end.
  const sizeNow = () => statSync(master, { throwIfNoEntry: false })?.size ?? 0;
  await expect.poll(sizeNow, { timeout: 15_000 }).toBeGreaterThan(0);
  const firstSeen = sizeNow();
  await expect.poll(sizeNow, { timeout: 15_000 }).toBeGreaterThan(firstSeen);
  await page.waitForTimeout(5000);
  await expect(page.getByTestId('elapsed')).toContainText(/0:0[5-9]|0:1\d/);

  await page.getByRole('button', { name: 'Stop recording' }).click();
  const shown = page.getByTestId('recording-sha256').first();
  await expect(shown).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });

  // What the UI shows is the hash of the bytes stored (decrypted: on disk they are encrypted).
  expect(await shown.textContent()).toBe(sha256(await storedBytes(host.dataDir, hearingId, 'segment-001-master.webm')));
  const probe = ffprobe(await storedCopy(host.dataDir, hearingId, 'segment-001-master.webm'));
  expect(probe.streams.map((s) => s.codec_type)).toContain('video');

  // The working copy knows its duration, so the player can seek to the middle and play.
  const working = await storedCopy(host.dataDir, hearingId, 'segment-001-working.webm');
  expect(Number(ffprobe(working).format.duration)).toBeGreaterThan(4.5);
  const player = page.getByTestId('recording-player').first();
  await expect
    .poll(() => player.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 15_000 })
    .toBeGreaterThan(4.5);
  // Seek to the middle, then to three quarters: each lands there, within a second.
  const seek = (fraction: number) =>
    player.evaluate(async (v: HTMLVideoElement, f: number) => {
      v.muted = true;
      const target = v.duration * f;
      const t0 = performance.now();
      await new Promise<void>((resolve) => {
        v.addEventListener('seeked', () => resolve(), { once: true });
        v.currentTime = target;
      });
      return { target, at: v.currentTime, ms: performance.now() - t0 };
    }, fraction);
  const middle = await seek(0.5);
  expect(Math.abs(middle.at - middle.target)).toBeLessThan(1);
  const landed = await seek(0.75);
  expect(Math.abs(landed.at - landed.target)).toBeLessThan(1);
  // How long the seek took is a figure, not a pass mark: a loaded machine must not fail the test.
  console.info(`Seek to three quarters took ${landed.ms.toFixed(0)} ms.`);
  await player.evaluate((v: HTMLVideoElement) => v.play());
  await expect
    .poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(landed.at + 0.3);
});
