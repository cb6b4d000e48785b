import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { testPassword } from '../helpers/accounts';
import { showRecordingPart } from '../helpers/hearing-page';
import { createReadyHearing } from '../helpers/procedure';
import { callHost, signInHost, startHostProcess, type HostProcess } from '../helpers/web-host-process';
import { headerLength } from '../../main/services/storage/media-frames';

async function noAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
}

async function signIn(page: Page, username: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(testPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A browser of its own (its own cookies), signed in through the sign-in screen. */
async function personBrowser(browser: Browser, host: HostProcess, username: string, hash = ''): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${host.openUrl}&lang=en${hash}`);
  await signIn(page, username);
  return page;
}

test('first start, accounts, a lock that never stops the recording, a team and its access history', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'hearing-room-accounts-'));
  const host = await startHostProcess(dataDir, { people: false });
  try {
    // First start: the administrator, then the recovery key once.
    await page.goto(`${host.openUrl}&lang=en`);
    await expect(page.getByRole('heading', { name: 'First start: the administrator' })).toBeVisible();
    await noAxeViolations(page);
    await page.getByLabel('Full name').fill('Ada Admin');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(testPassword);
    await page.getByLabel('Repeat the password').fill(testPassword);
    await page.getByRole('button', { name: 'Create the administrator' }).click();
    await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
    await expect(page.getByTestId('recovery-key')).toHaveText(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    await noAxeViolations(page);
    const continueButton = page.getByRole('button', { name: 'Continue' });
    await expect(continueButton).toBeDisabled();
    await page.getByLabel('I have printed or written down the recovery key').check();
    await continueButton.click();

    // The administrator creates the people; they see no hearing.
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
    for (const [name, username, role] of [
      ['Ines Interviewer', 'ines', 'Interviewer'],
      ['Paul Psychologist', 'paul', 'Psychologist'],
      ['Petra Psychologist', 'petra', 'Psychologist'],
      ['Mona Magistrate', 'mona', 'Magistrate'],
    ] as const) {
      await page.getByLabel('Full name').fill(name);
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
      await page.getByLabel('First password').fill(testPassword);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByRole('status').filter({ hasText: `Account of ${name} created.` })).toBeVisible();
    }
    await noAxeViolations(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await noAxeViolations(page);

    // The interviewer signs in, prepares the hearing and puts the psychologist and the magistrate on its team.
    await signIn(page, 'ines');
    const ines = { ...host, session: await signInHost(host, 'ines') };
    const hearing = await createReadyHearing<{ id: string }>((name, input) => callHost(ines, name, input), 13, 'BR.13.TEAM/26');
    await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
    for (const person of ['Paul Psychologist (Psychologist)', 'Mona Magistrate (Magistrate)']) {
      await page.getByLabel('Put on the team').selectOption({ label: person });
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(page.locator('.team')).toContainText(person.split(' (')[0]!);
    }

    // The interviewer records; the screen locks; the master keeps growing on disk.
    await showRecordingPart(page);
    await page.getByRole('button', { name: 'Start recording' }).click();
    const master = join(dataDir, 'hearings', hearing.id, 'segment-001-master.webm');
    // More than the header the encrypted store writes when the master is opened: a chunk is in.
    await expect.poll(() => statSync(master, { throwIfNoEntry: false })?.size ?? 0).toBeGreaterThan(headerLength);
    await page.getByRole('button', { name: 'Lock screen' }).click();
    const lock = page.getByRole('dialog', { name: 'Screen locked' });
    await expect(lock).toBeVisible();
    await expect(page.locator('.recording-bar')).toBeVisible();
    await noAxeViolations(page);
    const lockedAt = statSync(master).size;
    await expect.poll(() => statSync(master).size, { timeout: 10_000 }).toBeGreaterThan(lockedAt + 10_000);
    await page.waitForTimeout(3000);
    const stillGrowing = statSync(master).size;
    await expect.poll(() => statSync(master).size, { timeout: 10_000 }).toBeGreaterThan(stillGrowing);
    // A wrong password is refused; the right one unlocks.
    await lock.getByLabel('Password').fill('not the right password');
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock.getByRole('alert')).toContainText('The username or the password is wrong');
    await lock.getByLabel('Password').fill(testPassword);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock).toHaveCount(0);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await expect(page.getByTestId('recording-player').first()).toBeVisible({ timeout: 30_000 });

    // The psychologist of the team sees the hearing and plays it.
    const paul = await personBrowser(browser, host, 'paul');
    await expect(paul.getByRole('link', { name: 'BR.13.TEAM/26' })).toBeVisible();
    await paul.getByRole('link', { name: 'BR.13.TEAM/26' }).click();
    const player = paul.getByTestId('recording-player').first();
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 15_000 }).toBeGreaterThan(1);
    await player.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.3);

    // A psychologist outside the team does not see it, even at its address.
    const petra = await personBrowser(browser, host, 'petra');
    await expect(petra.getByRole('heading', { name: 'Hearings', level: 1 })).toBeVisible();
    await expect(petra.getByRole('link', { name: 'BR.13.TEAM/26' })).toHaveCount(0);
    await petra.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
    await expect(petra.getByRole('alert')).toContainText('It could not be found');

    // The magistrate sees who opened and played it.
    const mona = await personBrowser(browser, host, 'mona', `#/hearings/${hearing.id}`);
    const history = mona.getByRole('region', { name: 'Access history' });
    await expect(history).toBeVisible();
    await noAxeViolations(mona);
    const played = history.getByRole('row').filter({ hasText: 'Played a recording' }).filter({ hasText: 'Paul Psychologist' });
    await expect(played.first()).toContainText('Psychologist');
    await expect(history.getByRole('row').filter({ hasText: 'Opened the hearing' }).filter({ hasText: 'Paul Psychologist' })).toHaveCount(1);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
