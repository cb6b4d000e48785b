import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { testPassword } from '../helpers/accounts';
import { startHostProcess } from '../helpers/web-host-process';

async function noAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('change my password from the header, then reset it with the recovery key from the sign-in screen', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'hearing-room-passwords-'));
  const host = await startHostProcess(dataDir, { people: false });
  const changed = 'my second password, longer';
  const recovered = 'set again with the recovery key';
  try {
    // First start: the administrator and the recovery key, which we keep as a person would.
    await page.goto(`${host.openUrl}&lang=en`);
    await page.getByLabel('Full name').fill('Ada Admin');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(testPassword);
    await page.getByLabel('Repeat the password').fill(testPassword);
    await page.getByRole('button', { name: 'Create the administrator' }).click();
    const recoveryKey = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    await page.getByLabel('I have printed or written down the recovery key').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();

    // "Change my password", by keyboard: the dialog opens on the current password.
    const open = page.getByRole('button', { name: 'Change my password' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Change my password' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Current password')).toBeFocused();
    await noAxeViolations(page);
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(open).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    // The two new passwords differ: said at once, nothing sent.
    await dialog.getByLabel('Current password').fill(testPassword);
    await dialog.getByLabel('New password', { exact: true }).fill(changed);
    await dialog.getByLabel('Repeat the new password').fill(`${changed}!`);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The two passwords differ');
    // A wrong current password is refused by main.
    await dialog.getByLabel('Current password').fill('not my password at all');
    await dialog.getByLabel('Repeat the new password').fill(changed);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The current password is wrong');
    await expect(dialog.getByLabel('Current password')).toHaveValue('');
    await noAxeViolations(page);
    // The right one, typed and sent with Enter.
    await dialog.getByLabel('Current password').fill(testPassword);
    await dialog.getByLabel('Current password').press('Enter');
    await expect(dialog.getByRole('status')).toContainText('Your password is changed.');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await noAxeViolations(page);
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);

    // Signed out, the old password no longer opens; the new one does.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'admin', testPassword);
    await expect(page.getByRole('alert')).toContainText('The username or the password is wrong');
    await page.getByLabel('Password').fill(changed);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The administrator forgot it: the recovery key, from the sign-in screen.
    await page.getByRole('button', { name: 'Use the recovery key' }).click();
    await expect(page.getByRole('heading', { name: 'Reset the administrator’s password', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Recovery key')).toBeFocused();
    await noAxeViolations(page);
    await page.getByLabel('Recovery key').fill('ABCD-EFGH');
    await page.getByLabel('Administrator’s username').fill('admin');
    await page.getByLabel('New password', { exact: true }).fill(recovered);
    await page.getByLabel('Repeat the new password').fill(recovered);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByRole('alert')).toContainText('That is not a recovery key');
    await noAxeViolations(page);
    // Typed as a person copies it from paper: small letters, spaces for dashes.
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('The administrator’s password is set.');
    await expect(page.getByLabel('Username')).toHaveValue('admin');
    await noAxeViolations(page);
    await signIn(page, 'admin', changed);
    await expect(page.getByRole('alert')).toContainText('The username or the password is wrong');
    await page.getByLabel('Password').fill(recovered);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
