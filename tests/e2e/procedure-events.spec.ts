import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { createReadyHearing } from '../helpers/procedure';
import { showRecordingPart } from '../helpers/hearing-page';
import { callHost, signInPage, startHostProcess } from '../helpers/web-host-process';
import { storedCopy } from '../helpers/stored-media';

const seconds = (file: string) =>
  Number(
    (
      JSON.parse(
        execFileSync('ffprobe', ['-v', 'error', '-show_format', '-of', 'json', file], { encoding: 'utf8' }),
      ) as { format: { duration: string } }
    ).format.duration,
  );

test('a pause is logged with its reason, and the paused time is not in the recording', async ({ page, host }) => {
  const hearing = await createReadyHearing<{ id: string }>((name, input) => callHost(host, name, input), 13, 'BR.13.PAUSE/26');
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  await showRecordingPart(page);
  await page.getByRole('button', { name: 'Start recording' }).click();
  const startedAt = Date.now();
  await expect(page.getByRole('button', { name: /^Pause/ })).toBeEnabled();
  await page.waitForTimeout(2000);

  // Pause takes effect at once; the reason is asked for after.
  await page.getByRole('button', { name: /^Pause/ }).click();
  await expect(page.locator('.phase')).toHaveText('Paused');
  const form = page.getByRole('form', { name: /Why was the recording paused at/ });
  await expect(form.getByLabel('Reason')).toBeFocused();
  await form.getByLabel('Reason').fill('The child asks for a break');
  await expect(form.getByLabel('Decided by')).toHaveValue('Insp. L. Peeters');
  await form.getByRole('button', { name: 'Log the reason' }).click();
  await expect(form).toHaveCount(0);
  await page.waitForTimeout(4000);

  // Alt+P resumes, from anywhere but a text area.
  await page.getByRole('heading', { name: 'Event log' }).click();
  await page.keyboard.press('Alt+p');
  await expect(page.locator('.phase')).toHaveText('Recording');

  // A departure is logged, and the list of people present shows it.
  await page.getByRole('button', { name: 'Arrival or departure' }).click();
  const presence = page.getByRole('form', { name: 'Log an arrival or a departure' });
  await presence.getByLabel('Person').selectOption({ label: 'Sara K. (Person of trust)' });
  await presence.getByLabel('Arrives or leaves').selectOption({ label: 'Leaves' });
  await presence.getByRole('button', { name: 'Log it' }).click();
  await expect(presence).toHaveCount(0);
  await page.waitForTimeout(1000);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  const stoppedAt = Date.now();
  await expect(page.getByTestId('recording-sha256').first()).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });

  const log = page.getByRole('table', { name: /Events of this hearing/ });
  await expect(
    log.getByRole('row', { name: /Paused.*The child asks for a break \(decided by Insp\. L\. Peeters; reason given at \d\d:\d\d:\d\d\)/ }),
  ).toBeVisible();
  await expect(log.getByRole('rowheader', { name: 'Resumed' })).toBeVisible();
  await expect(log.getByRole('row', { name: /Departure.*Sara K\. · Person of trust · Hearing room/ })).toBeVisible();
  await page.getByRole('tab', { name: /Preparation/ }).click();
  await expect(
    page.getByRole('region', { name: 'People present' }).getByRole('group', { name: 'Sara K.' }),
  ).toContainText(/Left /);

  const working = await storedCopy(host.dataDir, hearing.id, 'segment-001-working.webm');
  const kept = seconds(working);
  const ran = (stoppedAt - startedAt) / 1000;
  expect(kept).toBeGreaterThan(2.5);
  expect(ran - kept).toBeGreaterThan(3);
});

test('a recording recovered after a crash is announced on the list and the hearing, until dismissed', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearing-room-recovered-'));
  try {
    const first = await startHostProcess(dataDir);
    const hearing = await createReadyHearing<{ id: string }>((name, input) => callHost(first, name, input), 13, 'BR.13.CRASH/26');
    await signInPage(page, first, first.session!);
    await page.goto(`${first.openUrl}&lang=en#/hearings/${hearing.id}`);
    await showRecordingPart(page);
    await page.getByRole('button', { name: 'Start recording' }).click();
    await page.waitForTimeout(3000);
    await first.kill();

    const second = await startHostProcess(dataDir);
    try {
      await signInPage(page, second, second.session!);
      await page.goto(`${second.openUrl}&lang=en`);
      const notice = page.getByRole('region', { name: '1 recording was recovered' });
      await expect(notice).toContainText('while hearing BR.13.CRASH/26 was being recorded');
      await expect(notice).toContainText('The recording is marked as interrupted');
      await notice.getByRole('link', { name: 'Open hearing BR.13.CRASH/26' }).click();

      const onPage = page.getByRole('region', { name: '1 recording was recovered' });
      await expect(onPage).toBeVisible();
      await onPage.getByRole('button', { name: 'Dismiss the notice about hearing BR.13.CRASH/26' }).click();
      await expect(onPage).toHaveCount(0);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Hearing BR.13.CRASH/26' })).toBeVisible();
      await expect(page.getByRole('region', { name: /recovered/ })).toHaveCount(0);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
