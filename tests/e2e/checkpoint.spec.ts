import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { appendChunkHost, callHost, signInHost, signInPage } from '../helpers/web-host-process';
import { testPassword } from '../helpers/accounts';
import { createReadyHearing } from '../helpers/procedure';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

test("the clerk checks the registry's checkpoint on the hearing page: it extends; a forged one is named", async ({
  page,
  host,
}) => {
  const api = <T>(name: string, input: unknown, session?: string) => callHost<T>(host, name, input, session);
  const hearing = await createReadyHearing<{ id: string }>(api, 13, 'ANCHOR/UI/1');
  const rec = await api<{ id: string }>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await appendChunkHost(host, rec.id, 0, new Uint8Array(fixture));
  await api('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  await api('hearings.seal', { hearingId: hearing.id });
  const exported = await api<{ folder: string }>('hearings.export', { hearingId: hearing.id });

  // A clerk of the hearing's team.
  const admin = await signInHost(host, 'admin');
  const clerk = await api<{ id: string }>(
    'accounts.create',
    { displayName: 'Test clerk', username: 'clara', role: 'clerk', password: testPassword },
    admin,
  );
  await api('hearings.assign', { hearingId: hearing.id, userId: clerk.id });
  await page.context().clearCookies();
  await signInPage(page, host, await signInHost(host, 'clara'));

  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  const region = page.getByRole('region', { name: "Check against the registry's checkpoint" });
  await expect(region).toBeVisible();
  await region
    .getByLabel('Checkpoint files from an earlier export')
    .setInputFiles([join(exported.folder, 'checkpoint.json'), join(exported.folder, 'checkpoint.sig')]);
  await expect(region.getByLabel('Content of checkpoint.json')).toHaveValue(/hearing-room-checkpoint\/1/);
  await region.getByRole('button', { name: 'Check the checkpoint' }).click();
  const result = region.getByTestId('checkpoint-result');
  await expect(result).toContainText('The log extends the checkpoint.');
  await expect(result).toContainText(/The first \d+ entries of this log hash to the earlier checkpoint's head/);
  const clean = await new AxeBuilder({ page }).include('.checkpoint-check').analyze();
  expect(clean.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

  // The same checkpoint with its number of entries changed: the signature no longer matches.
  const forgedPath = join(host.dataDir, 'forged-checkpoint.json');
  const body = JSON.parse(readFileSync(join(exported.folder, 'checkpoint.json'), 'utf8')) as { entries: number };
  writeFileSync(forgedPath, JSON.stringify({ ...body, entries: body.entries - 1 }));
  await region.getByLabel('Content of checkpoint.json').fill(readFileSync(forgedPath, 'utf8'));
  await region.getByRole('button', { name: 'Check the checkpoint' }).click();
  await expect(result).toContainText('The log does not extend the checkpoint.');
  await expect(result.locator('li.failed').first()).toContainText('Earlier checkpoint: The earlier checkpoint');
  await expect(result.locator('li.failed').first()).toContainText('it was changed or forged');
  const failed = await new AxeBuilder({ page }).include('.checkpoint-check').analyze();
  expect(failed.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

  // Nothing given: said what is missing.
  await region.getByLabel('Content of checkpoint.sig (the signature)').fill('');
  await region.getByRole('button', { name: 'Check the checkpoint' }).click();
  await expect(region.getByRole('alert')).toContainText('Give both the checkpoint (checkpoint.json) and its signature');

  // In Dutch, French and German, the verdict and the checks in the reader's language.
  for (const [lang, heading, verdict] of [
    ['nl', 'Controle tegen het controlepunt van de griffie', 'Het log zet het controlepunt voort.'],
    ['fr', 'Vérifier par rapport au point de contrôle du greffe', 'Le journal prolonge le point de contrôle.'],
    ['de', 'Prüfung gegen den Kontrollpunkt der Kanzlei', 'Der Prüfpfad setzt den Kontrollpunkt fort.'],
  ] as const) {
    await page.goto(`${host.openUrl}&lang=${lang}#/hearings/${hearing.id}`);
    const local = page.getByRole('region', { name: heading });
    await local
      .locator('input[type=file]')
      .setInputFiles([join(exported.folder, 'checkpoint.json'), join(exported.folder, 'checkpoint.sig')]);
    await local.locator('button[type=submit]').click();
    await expect(local.getByTestId('checkpoint-result')).toContainText(verdict);
    const axe = await new AxeBuilder({ page }).include('.checkpoint-check').analyze();
    expect(axe.violations.map((v) => `${lang} ${v.id}`)).toEqual([]);
  }
});

test('the interviewer does not see the checkpoint check', async ({ page, host }) => {
  const api = <T>(name: string, input: unknown) => callHost<T>(host, name, input);
  const hearing = await createReadyHearing<{ id: string }>(api, 13, 'ANCHOR/UI/2');
  const rec = await api<{ id: string }>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await appendChunkHost(host, rec.id, 0, new Uint8Array(fixture));
  await api('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  await api('hearings.seal', { hearingId: hearing.id });
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  await expect(page.getByRole('button', { name: 'Check integrity' })).toBeVisible();
  await expect(page.getByRole('region', { name: "Check against the registry's checkpoint" })).toHaveCount(0);
});
