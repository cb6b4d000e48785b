import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { typedDate } from '../helpers/procedure';
import { signInPage, startHostProcess, type HostProcess } from '../helpers/web-host-process';

/**
 * Each test gets its own data folder and its own web host process, with an administrator and an
 * interviewer created through the API; the page is signed in as the interviewer.
 */
export const test = base.extend<{ host: HostProcess }>({
  page: async ({ page, host }, use) => {
    if (host.session) await signInPage(page, host, host.session);
    await use(page);
  },
  // Playwright reads a fixture's dependencies from its first parameter's destructuring.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearing-room-e2e-'));
    const host = await startHostProcess(dataDir);
    await use(host);
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

export async function openApp(page: Page, host: HostProcess): Promise<void> {
  await page.goto(`${host.openUrl}&lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Creates a hearing through the form, in English; dates are given as ISO (YYYY-MM-DD). */
export async function createHearing(
  page: Page,
  fields: { caseReference: string; minorName: string; dateOfBirth: string; hearingDate: string },
): Promise<string> {
  await page.getByRole('button', { name: 'New hearing' }).click();
  await page.getByLabel('Case reference').fill(fields.caseReference);
  await page.getByLabel('Name of the minor').fill(fields.minorName);
  await page.getByLabel('Date of birth').fill(typedDate(fields.dateOfBirth));
  await page.getByLabel('Hearing date').fill(typedDate(fields.hearingDate));
  await page.getByRole('button', { name: 'Create hearing' }).click();
  await expect(page).toHaveURL(/#\/hearings\/[0-9a-f-]{36}/);
  const id = /#\/hearings\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`No hearing id in ${page.url()}`);
  return id;
}
