import AxeBuilder from '@axe-core/playwright';
import type { ApiResult } from '../../shared/api/errors';
import { testPassword } from '../helpers/accounts';
import { createReadyHearing } from '../helpers/procedure';
import { callHost, invokeHost, signInHost } from '../helpers/web-host-process';
import { expect, test } from './fixtures';

test('a person present linked to their account joins the team and sees the hearing', async ({ page, host }) => {
  const admin = await signInHost(host, 'admin');
  await callHost(
    host,
    'accounts.create',
    { displayName: 'Paul Psychologist', username: 'paul', role: 'psychologist', password: testPassword },
    admin,
  );
  const paulSession = await signInHost(host, 'paul');
  const hearing = await createReadyHearing<{ id: string }>((name, input) => callHost(host, name, input), 13, 'BR.13.LINK/26');
  const asPaul = () => invokeHost(host, 'hearings.get', { hearingId: hearing.id }, paulSession);
  const codeOf = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.error.code);
  expect(codeOf(await asPaul())).toBe('not_found');

  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  await page.getByRole('tab', { name: /Preparation/ }).click();
  const people = page.getByRole('region', { name: 'People present', exact: true });
  const psychologist = people.getByRole('group', { name: 'Dr. E. Claes' });
  // Only accounts that fit the role are offered; a person of trust has no account to link.
  const account = psychologist.getByLabel('Account');
  await expect(account.locator('option')).toHaveText(['Choose…', 'Paul Psychologist (Psychologist)']);
  await expect(people.getByRole('group', { name: 'Sara K.' }).getByLabel('Account')).toHaveCount(0);
  await account.selectOption({ label: 'Paul Psychologist (Psychologist)' });
  await expect.poll(async () => codeOf(await asPaul())).toBe('ok');
  // The team panel follows the record at once.
  await expect(page.locator('.team li').filter({ hasText: 'Paul Psychologist' })).toContainText('present, in the procedural record');
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations).toEqual([]);

  // Taken off again, the hearing is gone for him.
  await account.selectOption({ value: '' });
  await expect.poll(async () => codeOf(await asPaul())).toBe('not_found');
  await expect(page.locator('.team li').filter({ hasText: 'Paul Psychologist' })).toHaveCount(0);
});
