import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { createHearing, expect, openApp, test } from './fixtures';
import { bornYearsAgo, completeSections, createReadyHearing, today, typedDate } from '../helpers/procedure';
import { callHost } from '../helpers/web-host-process';
import { storedCopy } from '../helpers/stored-media';

type Messages = {
  form: { errors: { dateInvalid: string } };
  dates: { datePattern: string; dateExample: string };
};
const messages = (language: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../renderer/i18n/${language}.json`), 'utf8')) as Messages;

interface Procedure {
  draft: { personHeard?: { dateOfBirth?: string | null } };
  evaluation: { mayRecord: boolean; unmet: Array<{ code: string }> };
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function recordBriefly(page: Page, seconds = 3): Promise<void> {
  await expect(page.getByLabel('Camera', { exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByText('Recording', { exact: true }).last()).toBeVisible();
  await page.waitForTimeout(seconds * 1000);
}

async function selectByLabel(scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).selectOption({ label: option });
}

test('a 13-year-old without consent cannot be recorded: the checklist and the Start button say why, and main refuses too', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  const hearingId = await createHearing(page, {
    caseReference: 'BR.13.NOCONSENT/26',
    minorName: 'Mira K.',
    dateOfBirth: bornYearsAgo(13),
    hearingDate: today(),
  });
  // Everything but consent, as the forms would save it.
  for (const s of completeSections(13).sections.filter((s) => s.section !== 'consent')) {
    await callHost(host, 'procedure.save', { hearingId, ...s });
  }
  await page.reload();

  const consentMissing = /Consent to filming has not been noted/;
  const checklist = page.getByRole('complementary', { name: 'Ready to record?' });
  await expect(checklist.getByRole('listitem')).toHaveCount(1);
  await expect(checklist.getByRole('button', { name: consentMissing })).toBeVisible();
  const preparation = await new AxeBuilder({ page }).include('#tabpanel-preparation').analyze();
  expect(preparation.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByRole('tab', { name: /Hearing/ }).click();
  const start = page.getByRole('button', { name: 'Start recording' });
  await expect(start).toBeDisabled();
  await expect(start).toHaveAccessibleDescription(/Recording is not available yet: 1 requirement is not met/);
  const beside = page.getByRole('tabpanel', { name: /Hearing/ }).getByRole('button', { name: consentMissing });
  await expect(beside).toBeVisible();

  // The item leads to the input that fixes it.
  await beside.click();
  await expect(page.getByRole('radio', { name: 'Agrees to be filmed' })).toBeFocused();

  // The same call made directly is refused by main, for the same reason.
  await expect(
    callHost(host, 'recordings.start', { hearingId, mimeType: 'video/webm;codecs=vp8,opus' }),
  ).rejects.toThrow(/readiness_unmet.*Consent to filming has not been noted/);
});

test('a 10-year-old who was informed can be recorded, the record filled in through the forms', async ({ page, host }) => {
  await openApp(page, host);
  const hearingId = await createHearing(page, {
    caseReference: 'BR.10.INFORMED/26',
    minorName: 'Lena Peeters',
    dateOfBirth: bornYearsAgo(10),
    hearingDate: today(),
  });
  await expect(page.getByRole('tab', { name: /Preparation/ })).toHaveAttribute('aria-selected', 'true');

  const order = section(page, 'Order to record');
  await selectByLabel(order, 'Ordered by', 'Public prosecutor');
  await order.getByLabel('Name of the magistrate').fill('A. Janssens');
  await order.getByLabel('Reference of the order').fill('PV-ORDER-12/26');
  await order.getByLabel('Date of the order').fill(typedDate(today()));
  await selectByLabel(order, 'Offence', 'Trafficking in human beings, of a minor (art. 433quinquies Criminal Code)');
  await selectByLabel(order, 'Heard as', 'Victim');

  const person = section(page, 'Person heard');
  await selectByLabel(person, 'Language of the person', 'Dutch');
  await expect(person.getByText('On the hearing day this person is 10 years old.')).toBeVisible();

  // Under 12: information, not consent.
  const information = section(page, 'Information given to the child');
  await information.getByLabel('Told by').fill('Insp. L. Peeters');
  await information.getByRole('button', { name: /present moment for “Told at”/ }).click();
  await selectByLabel(information, 'Language used', 'Dutch');
  await expect(section(page, 'Consent to filming')).toHaveCount(0);

  const trust = section(page, 'Person of trust');
  await trust.getByRole('radio', { name: 'The child chose nobody' }).check();
  await trust.getByLabel('Noted by').fill('Insp. L. Peeters');
  await trust.getByRole('button', { name: /present moment for “Noted at”/ }).click();

  const people = section(page, 'People present');
  const addPerson = async (name: string, role: string, room: string, training?: string) => {
    await people.getByRole('button', { name: 'Add a person' }).click();
    const row = people.getByRole('group').last();
    await row.getByLabel('Name', { exact: true }).fill(name);
    await selectByLabel(row, 'Role', role);
    await selectByLabel(row, 'Room', room);
    if (training) await row.getByLabel('Training reference').fill(training);
  };
  await addPerson('Insp. L. Peeters', 'Interviewer', 'Hearing room', 'TAM-2019-0042');
  await addPerson('J. Maes', 'Technician', 'Control room');
  await addPerson('Dr. E. Claes', 'Psychologist', 'Control room');

  const room = section(page, 'The room');
  await room.getByLabel('The hearing room is arranged for a child').check();
  await room.getByLabel('The recording equipment has been checked').check();
  await room.getByLabel('Checked by').fill('J. Maes');
  await room.getByRole('button', { name: /present moment for “Checked at”/ }).click();
  await room.getByLabel('Checked by').blur();

  const checklist = page.getByRole('complementary', { name: 'Ready to record?' });
  await expect(checklist.getByRole('heading', { name: 'Ready to record' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Not saved/ })).toHaveCount(0);
  const stored = await callHost<Procedure>(host, 'procedure.get', { hearingId });
  expect(stored.evaluation.unmet).toEqual([]);

  await page.getByRole('tab', { name: /Hearing/ }).click();
  await recordBriefly(page);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByTestId('recording-sha256').first()).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });

  // Recorded: the record is fixed and shown as it stands.
  await page.getByRole('tab', { name: /Preparation/ }).click();
  await expect(page.getByText(/This hearing has been recorded, so its procedural record is fixed/)).toBeVisible();
  await expect(section(page, 'Order to record').getByRole('combobox')).toHaveCount(0);
});

test('withdrawing consent mid-recording stops the recording at once and logs it', async ({ page, host }) => {
  const hearing = await createReadyHearing<{ id: string }>((name, input) => callHost(host, name, input), 13, 'BR.13.WITHDRAW/26');
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  await recordBriefly(page);

  await page.getByRole('button', { name: 'Consent withdrawn…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Consent withdrawn' });
  await expect(dialog.getByLabel('Noted by')).toHaveValue('Insp. L. Peeters');
  await dialog.getByRole('button', { name: 'Record the withdrawal and stop' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByText('The recording was stopped because consent was withdrawn.', { exact: false })).toBeVisible();
  await expect(page.getByText(/Consent was withdrawn at/)).toBeVisible();
  await expect(page.locator('.phase')).toHaveText('Not recording');
  const recording = page.getByRole('article', { name: 'Segment 1' });
  await expect(recording.getByText('Consent withdrawn')).toBeVisible({ timeout: 30_000 });
  const log = page.getByRole('table', { name: /Events of this hearing/ });
  await expect(log.getByRole('rowheader', { name: 'Consent withdrawn' })).toBeVisible();
  await expect(log.getByRole('row', { name: /Recording stopped.*consent was withdrawn/ })).toBeVisible();

  // No new recording: the Start button says why.
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeDisabled();
  const got = await callHost<{ recordings: Array<{ stopReason: string | null }> }>(host, 'hearings.get', { hearingId: hearing.id });
  expect(got.recordings.map((r) => r.stopReason)).toEqual(['consent_withdrawn']);
});

test('the written record holds the consent, the people present, the events and the SHA-256 of the recording', async ({
  page,
  host,
}) => {
  const hearing = await createReadyHearing<{ id: string }>((name, input) => callHost(host, name, input), 13, 'BR.13.RECORD/26');
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  await recordBriefly(page, 2);
  const markForm = page.getByRole('form', { name: 'Mark a moment' });
  await markForm.getByLabel('Label (optional)').fill('Child draws the house');
  await markForm.getByRole('button', { name: /^Mark/ }).click();
  await expect(page.getByText(/Last logged: Mark at/)).toBeVisible();
  // Alt+M marks again without a label, from anywhere but a field.
  await page.getByRole('heading', { name: 'Event log' }).click();
  await page.keyboard.press('Alt+m');
  const log = page.getByRole('table', { name: /Events of this hearing/ });
  await expect(log.getByRole('rowheader', { name: 'Mark' })).toHaveCount(2);
  const eventLog = await new AxeBuilder({ page }).include('section[aria-labelledby="events-title"]').analyze();
  expect(eventLog.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  const shown = page.getByTestId('recording-sha256').first();
  await expect(shown).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });
  const recordingSha = (await shown.textContent()) ?? '';

  const panel = page.getByRole('region', { name: 'Written record' });
  await expect(panel.getByLabel('Language of the record')).toHaveValue('nl');
  await panel.getByLabel('Language of the record').selectOption('en');
  await panel.getByRole('button', { name: 'Generate written record' }).click();
  await expect(panel.getByTestId('written-record-sha256')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 45_000 });
  await expect(panel.getByRole('link', { name: 'Save the PDF' })).toBeVisible();

  const pdf = await storedCopy(host.dataDir, hearing.id, 'written-record.pdf');
  const raw = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  // Table cells wrap: read the text as words, and the hash without any break.
  const text = raw.replace(/\s+/g, ' ');
  const flat = raw.replace(/\s+/g, '');
  expect(text).toContain('Consent');
  expect(text).toContain('Ja, dat mag.');
  expect(text).toContain('Insp. L. Peeters');
  expect(text).toContain('TAM-2019-0042');
  expect(text).toContain('Dr. E. Claes');
  const course = text.slice(text.indexOf('Course of the hearing'));
  expect(course).toMatch(/Recording (Segment 1 )?started/);
  expect(course.match(/\bMark\b/g)).toHaveLength(2);
  expect(course).toContain('Child draws the house');
  expect(flat).toContain(recordingSha);
});

test('an invalid date of birth is explained in each language and nothing is saved', async ({ page, host }) => {
  const born = bornYearsAgo(13);
  const hearing = await callHost<{ id: string }>(host, 'hearings.create', {
    caseReference: 'BR.13.DATE/26',
    minorName: 'Mira K.',
    dateOfBirth: born,
    hearingDate: today(),
  });
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  const input = section(page, 'Person heard').getByLabel('Date of birth', { exact: true });
  await expect(input).toHaveValue(typedDate(born));
  const sameInput = page.locator('#field-personHeard-dateOfBirth');

  // A date typed only in part: the field holds no date, but it is not empty either.
  await input.press('End');
  await input.press('Backspace');
  await input.blur();
  await expect(input).toHaveAttribute('aria-invalid', 'true');

  for (const [language, name] of [
    ['en', 'English'],
    ['nl', 'Nederlands'],
    ['fr', 'Français'],
    ['de', 'Deutsch'],
  ] as const) {
    if (language !== 'en') await page.locator('#language').selectOption({ label: name });
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const { form, dates } = messages(language);
    const message = form.errors.dateInvalid
      .replace('{{pattern}}', dates.datePattern)
      .replace('{{example}}', dates.dateExample);
    // The field keeps what was typed, and says how a date is written in this language.
    await expect(sameInput).toHaveValue(typedDate(born).slice(0, -1));
    await expect(page.locator('#field-personHeard-dateOfBirth-error')).toHaveText(message);
    await expect(sameInput).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
  await page.waitForTimeout(1000);
  const stored = await callHost<Procedure>(host, 'procedure.get', { hearingId: hearing.id });
  expect(stored.draft.personHeard?.dateOfBirth).toBe(born);
});

