import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Hearing } from '../../shared/domain/hearing';
import { callHost, signInPage, startHostProcess } from '../helpers/web-host-process';
import { createReadyHearing } from '../helpers/procedure';
import { rederiveWebm } from '../../main/services/webm/rederive';
import { storedCopy } from '../helpers/stored-media';

test('a host killed mid-recording keeps the recording, marks it interrupted, and loses about a second', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearing-room-crash-'));
  try {
    const first = await startHostProcess(dataDir);
    const hearing = await createReadyHearing<Hearing>((name, input) => callHost(first, name, input), 13, 'CRASH/1');
    await signInPage(page, first, first.session!);
    await page.goto(`${first.openUrl}&lang=en#/hearings/${hearing.id}`);
    await expect(page.getByLabel('Camera')).toBeEnabled();
    await page.getByRole('button', { name: 'Start recording' }).click();
    const startedAt = Date.now();
    await page.waitForTimeout(6000);
    const killedAt = Date.now();
    await first.kill();

    const second = await startHostProcess(dataDir);
    try {
      // Recovery runs at the first sign-in (the data key opens then); the host prints it.
      await expect.poll(() => second.recovered.length).toBe(1);
      const info = await callHost<{ recovered: Array<{ hearingId: string; sizeBytes: number }> }>(second, 'app.info', {});
      expect(info.recovered[0]?.hearingId).toBe(hearing.id);
      const got = await callHost<Hearing>(second, 'hearings.get', { hearingId: hearing.id });
      const recording = got.recordings[0];
      expect(recording?.status).toBe('interrupted');
      expect(recording?.stopReason).toBe('interrupted');
      expect(recording?.workingUrl).not.toBeNull();

      const working = await storedCopy(dataDir, hearing.id, 'segment-001-working.webm');
      const probe = JSON.parse(
        execFileSync('ffprobe', ['-v', 'error', '-show_format', '-of', 'json', working], { encoding: 'utf8' }),
      ) as { format: { duration: string } };
      const kept = Number(probe.format.duration);
      const ran = (killedAt - startedAt) / 1000;
      console.info(`Recorded for ${ran.toFixed(2)} s before the kill; recovered ${kept.toFixed(2)} s.`);
      // One timeslice (1 s) in flight, plus the camera's start-up before the first frame.
      expect(ran - kept).toBeLessThan(2.5);

      // And it plays in the browser.
      await signInPage(page, second, second.session!);
      await page.goto(`${second.openUrl}&lang=en#/hearings/${hearing.id}`);
      const player = page.getByTestId('recording-player').first();
      await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 15_000 }).toBeGreaterThan(3);
      await player.evaluate((v: HTMLVideoElement) => {
        v.muted = true;
        return v.play();
      });
      await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.3);

      // Recovery made the working copy a derivation from the recovered master alone makes, to
      // the byte: both files as the app serves them, the working copy derived again here.
      const bytesOf = async (url: string) => {
        const response = await page.request.get(new URL(url, second.url).href);
        expect(response.ok()).toBe(true);
        return new Uint8Array(await response.body());
      };
      const [masterBytes, workingBytes] = [await bytesOf(recording!.masterUrl), await bytesOf(recording!.workingUrl!)];
      const inMemory = (b: Uint8Array) => ({ size: b.byteLength, read: async (s: number, e: number) => b.subarray(s, e), close: async () => {} });
      const again = await rederiveWebm(inMemory(masterBytes), inMemory(workingBytes));
      expect(again.firstDifference).toBeNull();
      expect(again.derivedSize).toBe(workingBytes.byteLength);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
