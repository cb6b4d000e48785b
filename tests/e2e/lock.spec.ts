import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReadyHearing } from '../helpers/procedure';
import { appendChunkHost, callHost } from '../helpers/web-host-process';
import { expect, openApp, test } from './fixtures';

test('a lock closes an open dialog, and someone else signs the locked session out when nothing records', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Change my password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change my password' });
  await expect(dialog).toBeVisible();
  // The session is locked from elsewhere (as main does after the delay); the page learns it at its next call.
  await callHost(host, 'session.lock', {});
  await dialog.getByLabel('Current password').fill('whatever was typed');
  await dialog.getByLabel('New password', { exact: true }).fill('a new password long enough');
  await dialog.getByLabel('Repeat the new password').fill('a new password long enough');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  const lock = page.getByRole('dialog', { name: 'Screen locked' });
  await expect(lock).toBeVisible();
  // The modal dialog would sit above the cover: it is gone, not merely inert.
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await expect(lock.getByLabel('Password')).toBeFocused();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  await lock.getByRole('button', { name: 'Sign Test ines out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
});

test('a recording played back pauses when the screen locks, so it is not heard behind the cover', async ({ page, host }) => {
  const api = <T>(name: string, input: unknown) => callHost<T>(host, name, input);
  const hearing = await createReadyHearing<{ id: string }>(api, 13, 'LOCK/PLAY/1');
  const rec = await api<{ id: string }>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await appendChunkHost(host, rec.id, 0, new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/short.webm'))));
  await api('recordings.stop', { recordingId: rec.id, durationMs: 4000 });

  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}/review`);
  const video = page.locator('video').first();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 15_000 }).toBeGreaterThan(1);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    v.playbackRate = 0.25;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.1);
  await page.getByRole('button', { name: 'Lock screen' }).click();
  await expect(page.getByRole('dialog', { name: 'Screen locked' })).toBeVisible();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  const at = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await page.waitForTimeout(1000);
  expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBe(at);
});
