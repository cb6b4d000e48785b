import AxeBuilder from '@axe-core/playwright';
import { callHost } from '../helpers/web-host-process';
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
