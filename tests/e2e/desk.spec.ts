import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createReadyHearing, today, typedDate } from '../helpers/procedure';
import { addDays } from '../../shared/domain/plausible-dates';
import { formatIsoDate, parseIsoDate } from '../../shared/domain/dates';

/** Hearing n of 25 is dated n − 26 days from today: all within the 30 days a new hearing may lie in the past. */
const dayOf = (n: number) => formatIsoDate(addDays(parseIsoDate(today())!, n - 26));
import { appendChunkHost, callHost, type HostProcess } from '../helpers/web-host-process';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));
const richEaf = join(import.meta.dirname, '../fixtures/rich.eaf');

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

async function recordedHearing(host: HostProcess, caseReference: string, seal: boolean): Promise<string> {
  const api = <T>(name: string, input: unknown) => callHost<T>(host, name, input);
  const hearing = await createReadyHearing<{ id: string }>(api, 13, caseReference);
  const rec = await api<{ id: string }>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await appendChunkHost(host, rec.id, 0, new Uint8Array(fixture));
  await api('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  if (seal) await api('hearings.seal', { hearingId: hearing.id });
  return hearing.id;
}

test('the hearing list searches, filters, sorts and pages, and keeps its search when going back', async ({ page, host }) => {
  for (let i = 1; i <= 25; i++) {
    const n = String(i).padStart(2, '0');
    await callHost(host, 'hearings.create', {
      caseReference: `DESK/${n}`,
      minorName: `Kind ${n}`,
      dateOfBirth: '2014-05-01',
      hearingDate: dayOf(i),
    });
  }
  await page.goto(`${host.openUrl}&lang=en`);
  const pager = page.getByRole('navigation', { name: 'Pages of hearings' });
  await expect(pager.getByRole('status')).toHaveText('1–20 of 25 hearings');
  const rows = page.locator('table.hearings tbody tr');
  // Newest hearing date first.
  await expect(rows.first().getByRole('rowheader')).toHaveText('DESK/25');
  expect(await axeViolations(page, 'main')).toEqual([]);

  await pager.getByRole('button', { name: 'Next page' }).click();
  await expect(pager.getByRole('status')).toHaveText('21–25 of 25 hearings');
  await expect(rows).toHaveCount(5);
  await expect(page).toHaveURL(/page=2/);

  // A column header sorts, then turns around; aria-sort says which way.
  const caseHeader = page.getByRole('columnheader', { name: /Case reference/ });
  await caseHeader.getByRole('button').click();
  await expect(caseHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(pager.getByRole('status')).toHaveText('1–20 of 25 hearings');
  await expect(rows.first().getByRole('rowheader')).toHaveText('DESK/01');
  await caseHeader.getByRole('button').click();
  await expect(caseHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first().getByRole('rowheader')).toHaveText('DESK/25');
  await expect(page.getByRole('columnheader', { name: /Hearing date/ })).toHaveAttribute('aria-sort', 'none');

  // A date range, typed as the page's language writes dates.
  const search = page.getByRole('search', { name: 'Search the hearings' });
  await search.getByLabel('Hearing date from').fill(typedDate(dayOf(3)));
  await search.getByLabel('Hearing date to').fill(typedDate(dayOf(7)));
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(pager.getByRole('status')).toHaveText('1–5 of 5 hearings');

  // Free text, with the keyboard only.
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(pager.getByRole('status')).toHaveText('1–20 of 25 hearings');
  await search.getByLabel('Search', { exact: true }).fill('kind 07');
  await search.getByLabel('Search', { exact: true }).press('Enter');
  await expect(pager.getByRole('status')).toHaveText('1–1 of 1 hearing');
  await expect(rows.first()).toContainText('Kind 07');

  // Filters with nothing to find say so.
  await search.getByLabel('Status').selectOption('sealed');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No hearing you may see matches this search.', { exact: false })).toBeVisible();
  await search.getByLabel('Status').selectOption('');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(pager.getByRole('status')).toHaveText('1–1 of 1 hearing');

  // Open the hearing, come back: the same search.
  await rows.first().getByRole('link', { name: 'DESK/07' }).click();
  await expect(page).toHaveURL(/#\/hearings\/[0-9a-f-]{36}$/);
  await page.getByRole('link', { name: 'All hearings' }).first().click();
  await expect(pager.getByRole('status')).toHaveText('1–1 of 1 hearing');
  await expect(search.getByLabel('Search', { exact: true })).toHaveValue('kind 07');
  await page.goBack();
  await page.goBack();
  await expect(search.getByLabel('Search', { exact: true })).toHaveValue('kind 07');
  expect(await axeViolations(page, 'main')).toEqual([]);
});

test('review of a sealed hearing: verify says intact, the export downloads as a zip, the access history shows it', async ({
  page,
  host,
}) => {
  const hearingId = await recordedHearing(host, 'DESK/SEALED', true);
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearingId}/review`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review of hearing DESK/SEALED');
  const desk = page.getByRole('region', { name: 'Seal and export' });
  await desk.getByRole('button', { name: 'Check integrity' }).click();
  await expect(desk.getByTestId('desk-verify-result')).toContainText('Intact.', { timeout: 30_000 });

  const downloading = page.waitForEvent('download');
  await desk.getByRole('button', { name: 'Download the export (zip)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^DESK_SEALED-[0-9a-f-]{36}\.zip$/);
  const saved = join(host.dataDir, 'downloaded.zip');
  await download.saveAs(saved);
  const listing = spawnSync('unzip', ['-l', saved], { encoding: 'utf8' });
  expect(listing.status, listing.stderr).toBe(0);
  expect(listing.stdout).toMatch(/\/manifest\.json\n/);
  const run = spawnSync('unzip', ['-p', saved, `*/manifest.json`], { encoding: 'utf8' });
  expect(JSON.parse(run.stdout).hearing.caseReference).toBe('DESK/SEALED');
  await expect(desk.getByTestId('desk-export-result')).toContainText('Exported and checked.');

  const history = page.getByRole('region', { name: 'Access history' });
  await history.getByRole('button', { name: /Refresh|Reload/ }).click();
  await expect(history.locator('table')).toContainText(/export/i);
  expect(await axeViolations(page, '.review')).toEqual([]);
});

test('an ELAN file is previewed with its tiers and imported as the reader’s own annotations', async ({ page, host }) => {
  const hearingId = await recordedHearing(host, 'DESK/EAF', false);
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearingId}/review`);
  const panel = page.getByRole('region', { name: 'Import from ELAN' });
  await panel.getByLabel('ELAN file (.eaf)').setInputFiles(richEaf);
  await expect(panel.getByRole('heading', { name: 'What rich.eaf holds' })).toBeVisible();
  await expect(panel).toContainText('16 annotations in 9 tiers.');
  const tiers = panel.getByTestId('import-tiers');
  await expect(tiers.getByRole('row', { name: /Prompt type/ })).toContainText('Interviewer prompt');
  // A tier the scheme lacks, even a dependent one, is kept as a tier of the hearing.
  await expect(tiers.getByRole('row', { name: /Words/ })).toContainText('a new tier of this hearing, “Words”');
  await expect(tiers.getByRole('row', { name: /Gloss/ })).toContainText('a new tier of this hearing, “Gloss”');
  await panel.locator('summary').click();
  await expect(panel).toContainText('LINKED_FILE_DESCRIPTOR');
  expect(await axeViolations(page, '.eaf-import')).toEqual([]);

  await panel.getByRole('button', { name: 'Import 16 annotations' }).click();
  await expect(panel).toContainText('16 annotations of rich.eaf imported as yours.');
  const listed = await callHost<{ annotations: Array<{ tierId: string; code: string | null }>; tiers: Array<{ name: string }> }>(host, 'annotations.list', { hearingId });
  expect(listed.annotations).toHaveLength(16);
  expect(listed.annotations.filter((a) => a.tierId === 'notes')).toHaveLength(0);
  expect(listed.tiers.map((t) => t.name).sort()).toEqual(['Child', 'Child segments', 'Gestures', 'Gloss', 'Interviewer', 'Remarks', 'Translation', 'Words']);
  expect(listed.annotations.filter((a) => a.tierId === 'prompt').map((a) => a.code).sort()).toEqual(['cued_invitation', 'invitation']);
  // The imported prompts are on the timeline strip with the others.
  await expect(page.locator('.review')).toContainText('Invitation');
  // And the imported tiers are rows of the strip.
  await expect(page.locator('.review')).toContainText('Child segments');
  expect(await axeViolations(page, '.review')).toEqual([]);
});
