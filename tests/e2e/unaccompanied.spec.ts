import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { storedBytes, storedCopy } from '../helpers/stored-media';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { bornYearsAgo, today, typedDate } from '../helpers/procedure';
import { daysAgo, unaccompaniedChildSections } from '../helpers/unaccompanied';
import { appendChunkHost, callHost } from '../helpers/web-host-process';

interface Procedure {
  evaluation: {
    unmet: Array<{ code: string }>;
    openForSealing: Array<{ code: string }>;
    facts: { ageUsed: number | null; reflectionPeriod: { end: string } | null };
  };
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('an unaccompanied 15-year-old victim of trafficking, assessed 15–17, heard through an interpreter with a guardian appointed, the follow-up completed, recorded and sealed; the written record says it all', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  const hearing = await callHost<{ id: string }>(host, 'hearings.create', {
    caseReference: 'BR.55.TEH.UNACC/26',
    minorName: 'Ardita M.',
    dateOfBirth: bornYearsAgo(15),
    hearingDate: today(),
  });
  const hearingId = hearing.id;
  // The order, consent, person of trust, people present and room as the forms would save them;
  // the person's situation, the language of the hearing and the follow-up through the page.
  const { sections } = unaccompaniedChildSections();
  for (const s of sections) {
    if (s.section === 'protectiveFollowUp' || s.section === 'hearingLanguage') continue;
    if (s.section === 'personHeard') {
      await callHost(host, 'procedure.save', {
        hearingId,
        section: 'personHeard',
        value: { name: 'Ardita M.', dateOfBirthCertain: true, dateOfBirth: bornYearsAgo(15), language: 'sq', category: 'minor' },
      });
      continue;
    }
    await callHost(host, 'procedure.save', { hearingId, ...s });
  }

  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearingId}`);
  await page.getByRole('tab', { name: /Preparation/ }).click();

  // The person heard: no certain date of birth, a medical age assessment, unaccompanied, a guardian.
  const person = section(page, 'Person heard');
  await person.getByRole('switch', { name: 'The date of birth is known for certain' }).uncheck();
  const assessment = person.getByRole('group', { name: 'Age assessment' });
  await assessment.getByRole('combobox', { name: 'Method' }).selectOption({ label: 'Medical examination' });
  for (const test of ['Wrist X-ray', 'Collarbone X-ray', 'Teeth X-ray']) await assessment.getByRole('checkbox', { name: test }).check();
  await assessment.getByLabel('Day of the assessment').fill(typedDate(daysAgo(10)));
  await assessment.getByLabel('Assessed by').fill('Dr. H. Lambert');
  await assessment.getByLabel('Lowest age assessed').fill('15');
  await assessment.getByLabel('Highest age assessed').fill('17');
  await person.getByLabel('Nationality', { exact: true }).fill('al');
  await person.getByRole('radio', { name: 'Unaccompanied' }).check();
  const guardian = person.getByRole('group', { name: 'Guardian', exact: true });
  await guardian.getByRole('radio', { name: 'A guardian is appointed' }).check();
  await guardian.getByLabel('Name of the guardian').fill('Maître C. Dubois');
  await guardian.getByRole('button', { name: /present moment for “Warned at”/ }).click();
  await guardian.getByLabel('Warned by').fill('Insp. L. Peeters');
  await guardian.getByLabel('Reference of the Office').fill('ST/2026/0457');
  await guardian.getByLabel('Reference of the Office').blur();
  // The age used, in words: the lowest of the assessed range.
  await expect(person.getByTestId('age-facts')).toContainText(/assessed 15–17 on \d\d\/\d\d\/\d{4}; 15 is used/);
  await expect(person.getByTestId('nationality-facts')).toHaveText('Albania — not a national of the European Economic Area');

  // The hearing is held in French: the Albanian-speaking child needs the interpreter present.
  const language = section(page, 'Language of the hearing');
  await language.getByLabel('Language the interviewer speaks in the hearing').selectOption({ label: 'French' });
  await expect(language.getByTestId('interpreter-required')).toHaveText(
    'The person’s language is not the language of the hearing: an interpreter for Albanian must be present.',
  );
  const interpreter = section(page, 'People present').getByRole('group', { name: 'A. Hoxha' });
  await expect(interpreter.getByLabel('Languages interpreted')).toHaveValue('sq, fr');
  await expect(interpreter.getByLabel('Sworn interpreter reference')).toHaveValue('TOLK-BXL-2019-114');
  await expect(section(page, 'Consent to filming').getByLabel('Through the interpreter')).toHaveValue('A. Hoxha');

  // Ready to record; the follow-up is open for sealing, and says so beside the checklist.
  const checklist = page.getByRole('complementary', { name: 'Ready to record?' });
  await expect(checklist.getByRole('heading', { name: 'Ready to record' })).toBeVisible();
  const open = checklist.getByTestId('open-for-sealing');
  await expect(open).toContainText('Still open before sealing: 4 items');
  await expect(page.getByRole('status').filter({ hasText: /^Not saved/ })).toHaveCount(0);
  const saved = await callHost<Procedure>(host, 'procedure.get', { hearingId });
  expect(saved.evaluation.unmet).toEqual([]);
  expect(saved.evaluation.facts.ageUsed).toBe(15);
  const preparation = await new AxeBuilder({ page }).include('#tabpanel-preparation').analyze();
  expect(preparation.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Recorded with the fake camera.
  await page.getByRole('tab', { name: /Hearing/ }).click();
  await expect(page.getByLabel('Camera', { exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByTestId('elapsed')).toHaveText(/00:0[3-9]/, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByTestId('recording-sha256').first()).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });

  // After the hearing: the follow-up, still open to change until the seal.
  await page.getByRole('tab', { name: /Preparation/ }).click();
  const followUp = section(page, 'Protective follow-up');
  await followUp.getByRole('combobox', { name: 'Specialised reception centre contacted' }).selectOption({ label: 'Minor Ndako (Bruxelles / Brussel)' });
  await followUp.getByRole('button', { name: /present moment for “Contacted at”/ }).click();
  await followUp.getByLabel('Contacted by').fill('Insp. L. Peeters');
  await followUp.getByRole('combobox', { name: 'Language of the brochure' }).selectOption({ label: 'Albanian' });
  await followUp.getByRole('button', { name: /present moment for “Handed at”/ }).click();
  await followUp.getByLabel('Handed by').fill('Insp. L. Peeters');
  await followUp.getByLabel('Day the reflection period was granted').fill(typedDate(today()));
  await followUp.getByLabel('Noted by').fill('Insp. L. Peeters');
  await followUp.getByRole('button', { name: /present moment for “Informed at”/ }).click();
  await followUp.getByLabel('Informed by').fill('Insp. L. Peeters');
  await followUp.getByLabel('Informed by').blur();
  await expect(followUp.getByTestId('reflection-period')).toContainText(/reflection period of 3 months from \d\d\/\d\d\/\d{4} to \d\d\/\d\d\/\d{4}/);
  await expect(open).toHaveCount(0);
  const followUpAxe = await new AxeBuilder({ page }).include('#tabpanel-preparation').analyze();
  expect(followUpAxe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  const done = await callHost<Procedure>(host, 'procedure.get', { hearingId });
  expect(done.evaluation.openForSealing).toEqual([]);
  const end = done.evaluation.facts.reflectionPeriod?.end ?? 'missing';

  // Sealed, with nothing left open: no reason is asked for.
  await page.getByRole('tab', { name: /Hearing/ }).click();
  const seal = page.getByRole('region', { name: 'Seal and export' });
  await seal.getByRole('button', { name: 'Seal hearing' }).click();
  const dialog = page.getByRole('dialog', { name: 'Seal this hearing?' });
  await expect(dialog.getByTestId('seal-preview')).toBeVisible();
  await expect(dialog.getByLabel('Why seal the hearing all the same? (kept in the seal)')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Yes, seal the hearing' }).click();
  await expect(seal.getByRole('status').filter({ hasText: 'The hearing is sealed.' })).toBeVisible({ timeout: 60_000 });

  // The written record the seal covers, read back: in French, the language of the hearing.
  // Stored encrypted: read through the data key, as the app does.
  const pdf = await storedCopy(host.dataDir, hearingId, 'written-record.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const flat = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const name of ['Maître C. Dubois', 'ST/2026/0457', 'A. Hoxha', 'TOLK-BXL-2019-114', 'Minor Ndako']) expect(text).toContain(name);
  expect(text).toMatch(/âge estimé à 15–17 ans le \d\d\/\d\d\/\d{4} ; le jour de l'audition, l'âge pris en considération est 15 ans/);
  expect(text).toContain('albanais');
  expect(text).toContain('Albanie');
  const endDay = new Intl.DateTimeFormat('fr-BE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${end}T00:00:00Z`));
  // In the follow-up section (its label may wrap around the value).
  const followUpText = text.slice(text.indexOf('Suivi de protection'), text.indexOf('Règles appliquées'));
  expect(followUpText).toContain('Dernier jour de la période de');
  expect(followUpText).toContain(endDay);
  const pages = Number(/page 1 sur (\d+)/.exec(text)?.[1] ?? 0);
  expect(pages).toBeGreaterThan(1);
  expect(text).toContain(`page ${pages} sur ${pages}`);
  expect(text).toContain('Signatures');
  const key = await callHost<{ fingerprintGrouped: string }>(host, 'keys.info', {});
  expect(flat).toContain(key.fingerprintGrouped.replace(/\s+/g, ''));
});

test('sealing with the follow-up unfinished lists what is open and needs a typed reason, which the seal keeps', async ({ page, host }) => {
  const api = <T>(name: string, input: unknown) => callHost<T>(host, name, input);
  const hearing = await api<{ id: string }>('hearings.create', {
    caseReference: 'BR.55.TEH.OPEN/26',
    minorName: 'Ardita M.',
    dateOfBirth: bornYearsAgo(15),
    hearingDate: today(),
  });
  for (const s of unaccompaniedChildSections().sections) {
    if (s.section !== 'protectiveFollowUp') await api('procedure.save', { hearingId: hearing.id, ...s });
  }
  const rec = await api<{ id: string }>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await appendChunkHost(host, rec.id, 0, new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/short.webm'))));
  await api('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  await expect
    .poll(async () => (await api<{ recordings: Array<{ workingUrl: string | null }> }>('hearings.get', { hearingId: hearing.id })).recordings[0]?.workingUrl ?? null, {
      timeout: 30_000,
    })
    .not.toBeNull();

  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  const seal = page.getByRole('region', { name: 'Seal and export' });
  await seal.getByRole('button', { name: 'Seal hearing' }).click();
  const dialog = page.getByRole('dialog', { name: 'Seal this hearing?' });
  const preview = dialog.getByTestId('seal-preview');
  await expect(preview).toContainText('The rules still flag 4 items:');
  await expect(preview).toContainText(/reception centre/i);
  await expect(preview).toContainText(/reflection period/i);
  const yes = dialog.getByRole('button', { name: 'Yes, seal the hearing' });
  await expect(yes).toBeDisabled();
  const reason = 'The guardian takes the child to Minor Ndako tonight; the follow-up is noted in a separate report.';
  await dialog.getByLabel('Why seal the hearing all the same? (kept in the seal)').fill(reason);
  await expect(yes).toBeEnabled();
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await yes.click();
  await expect(seal.getByRole('status').filter({ hasText: 'The hearing is sealed.' })).toBeVisible({ timeout: 60_000 });
  const manifest = JSON.parse((await storedBytes(host.dataDir, hearing.id, 'manifest.json')).toString('utf8')) as {
    openItems?: { reason: string; codes: string[] };
  };
  expect(manifest.openItems).toEqual({
    reason,
    codes: [
      'follow_up.reception_centre_not_contacted',
      'follow_up.brochure_not_handed',
      'follow_up.reflection_period_not_noted',
      'follow_up.guardian_not_informed',
    ],
  });
});
