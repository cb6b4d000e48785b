import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { bornYearsAgo, today, typedDate } from '../helpers/procedure';
import { callHost } from '../helpers/web-host-process';
import { addDays } from '../../shared/domain/plausible-dates';
import { brusselsDate, formatIsoDate } from '../../shared/domain/dates';

const day = (offset: number) => formatIsoDate(addDays(brusselsDate(new Date()), offset));

async function noAxeViolations(page: Page, selector: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('an impossible birth date is refused at once in the chosen language (French), and nothing is created', async ({ page, host }) => {
  await page.goto(`${host.openUrl}&lang=fr`);
  await page.getByRole('button', { name: 'Nouvelle audition' }).click();
  await page.getByLabel('Numéro de notice').fill('BR.12.FUTUR/26');
  await page.getByLabel('Nom du mineur').fill('Léa D.');
  await page.getByLabel('Date de naissance').fill(typedDate('2030-04-01'));
  await page.getByLabel('Date de l’audition').fill(typedDate(today()));
  await page.getByRole('button', { name: 'Créer l’audition' }).click();
  await expect(page.getByText(/La date de naissance est postérieure à aujourd’hui/)).toBeVisible();
  await expect(page.getByLabel('Date de naissance')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/#\/hearings\/new/);
  await noAxeViolations(page, 'form');

  // A hearing date beyond the administrator's limit is for main to judge: main refuses, in French too.
  await page.getByLabel('Date de naissance').fill(typedDate(bornYearsAgo(10)));
  await page.getByLabel('Date de l’audition').fill(typedDate(day(-40)));
  await page.getByRole('button', { name: 'Créer l’audition' }).click();
  await expect(page.getByText(/La date de l’audition est trop ancienne/)).toBeVisible();
  await expect(page).toHaveURL(/#\/hearings\/new/);
  expect((await callHost<{ items: unknown[] }>(host, 'hearings.list', {})).items).toEqual([]);
});

test('a hearing planned for tomorrow shows tomorrow’s age, and the list shows it under tomorrow', async ({ page, host }) => {
  // Turns 12 tomorrow.
  const tomorrow = day(1);
  const dateOfBirth = `${Number(tomorrow.slice(0, 4)) - 12}${tomorrow.slice(4)}`;
  const hearing = await callHost<{ id: string }>(host, 'hearings.create', {
    caseReference: 'BR.PLAN.0001/26',
    minorName: 'Noah V.',
    dateOfBirth,
    hearingDate: today(),
  });
  await openApp(page, host);
  await page.getByRole('link', { name: 'BR.PLAN.0001/26' }).click();
  const facts = page.getByRole('region', { name: 'Facts' });
  await expect(facts.getByText('11 years')).toBeVisible();

  const planning = page.getByRole('region', { name: 'Planning' });
  await planning.getByLabel('Planned date and time').fill(`${typedDate(tomorrow)} 10:00`);
  await planning.getByRole('button', { name: 'Plan the hearing' }).click();
  await expect(planning.getByText(/The hearing is planned for/)).toBeVisible();
  await expect(facts.getByText('12 years')).toBeVisible();
  await expect(facts.getByText('Planned for')).toBeVisible();
  // The preparation gives the age on the planned day; the recorder says what time it checked for.
  await expect(page.getByText('On the hearing day this person is 12 years old.')).toBeVisible();
  await page.getByRole('tab', { name: /Hearing/ }).click();
  await expect(page.getByText(/Checked for the planned time: .*10:00/)).toBeVisible();
  const view = await callHost<{ planned: boolean; evaluation: { facts: { ageAtHearing: number } } }>(host, 'procedure.get', {
    hearingId: hearing.id,
  });
  expect(view.planned).toBe(true);
  expect(view.evaluation.facts.ageAtHearing).toBe(12);
  await noAxeViolations(page, '[aria-labelledby="plan-title"]');

  await page.getByRole('link', { name: 'All hearings' }).click();
  const planned = page.getByRole('region', { name: 'Planned' });
  await expect(planned.getByRole('heading', { name: /^Tomorrow, / })).toBeVisible();
  await expect(planned.getByRole('link', { name: 'BR.PLAN.0001/26' })).toBeVisible();
  await noAxeViolations(page, '.planned');
});

test('the case reference is corrected with a reason, and the history of corrections shows it', async ({ page, host }) => {
  await callHost(host, 'hearings.create', {
    caseReference: 'BR.12.L3.0045/26',
    minorName: 'Sami K.',
    dateOfBirth: bornYearsAgo(9),
    hearingDate: today(),
  });
  await openApp(page, host);
  await page.getByRole('link', { name: 'BR.12.L3.0045/26' }).click();
  const correct = page.getByRole('region', { name: 'Correct the hearing' });
  await correct.getByLabel('What to correct').selectOption({ label: 'Case reference' });
  await correct.getByLabel('Correct value').fill('BR.12.L3.0054/26');
  await correct.getByRole('button', { name: 'Save the correction' }).click();
  await expect(correct.getByText('Give a reason of at least 5 characters.')).toBeVisible();
  await correct.getByLabel('Reason for the correction').fill('Two digits were swapped.');
  await correct.getByRole('button', { name: 'Save the correction' }).click();
  await expect(correct.getByText('The correction is saved.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hearing BR.12.L3.0054/26');
  const row = correct.getByRole('table').getByRole('row').nth(1);
  await expect(row).toContainText('Case reference');
  await expect(row).toContainText('BR.12.L3.0045/26');
  await expect(row).toContainText('BR.12.L3.0054/26');
  await expect(row).toContainText('Two digits were swapped.');
  await noAxeViolations(page, '[aria-labelledby="correct-title"]');
});

test('a hearing without recordings is removed with a reason and leaves the list', async ({ page, host }) => {
  const hearing = await callHost<{ id: string }>(host, 'hearings.create', {
    caseReference: 'BR.TWICE/26',
    minorName: 'Ines T.',
    dateOfBirth: bornYearsAgo(14),
    hearingDate: today(),
  });
  await callHost(host, 'hearings.create', { caseReference: 'BR.KEEP/26', minorName: 'Ines T.', dateOfBirth: bornYearsAgo(14), hearingDate: today() });
  await openApp(page, host);
  await page.getByRole('link', { name: 'BR.TWICE/26' }).click();
  await page.getByRole('button', { name: 'Remove this hearing' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove this hearing?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep the hearing' })).toBeFocused();
  await noAxeViolations(page, 'dialog');
  await dialog.getByRole('button', { name: 'Remove the hearing' }).click();
  await expect(dialog.getByText('Give a reason of at least 5 characters.')).toBeVisible();
  await dialog.getByLabel(/Why is this hearing removed/).fill('Created twice; BR.KEEP/26 is used.');
  await dialog.getByRole('button', { name: 'Remove the hearing' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hearings');
  await expect(page.getByRole('link', { name: 'BR.KEEP/26' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'BR.TWICE/26' })).toHaveCount(0);
  const list = await callHost<{ items: Array<{ id: string }> }>(host, 'hearings.list', {});
  expect(list.items.some((h) => h.id === hearing.id)).toBe(false);

  // The team still learns what happened to it.
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  await expect(page.getByText(/This hearing was removed on .* Reason: Created twice; BR.KEEP\/26 is used\./)).toBeVisible();
});
