import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createReadyHearing } from '../helpers/procedure';
import { flipAddendumByte } from '../helpers/stored-database';
import { appendChunkHost, callHost, type HostProcess } from '../helpers/web-host-process';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

/** A hearing recorded in two segments of the fixture (4 s each), made through the API. */
async function twoSegmentHearing(host: HostProcess, caseReference = 'REVIEW/UI/1'): Promise<string> {
  const api = <T>(name: string, input: unknown) => callHost<T>(host, name, input);
  const hearing = await createReadyHearing<{ id: string }>(api, 13, caseReference);
  for (let segment = 0; segment < 2; segment++) {
    const rec = await api<{ id: string }>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    await appendChunkHost(host, rec.id, 0, new Uint8Array(fixture));
    await api('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
  }
  return hearing.id;
}

/** Counts calls to getUserMedia from the first script of the page on. */
async function countCameraRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counted = window as unknown as { cameraRequests: number };
    counted.cameraRequests = 0;
    const devices = navigator.mediaDevices;
    if (!devices) return;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = (constraints) => {
      counted.cameraRequests++;
      return original(constraints);
    };
  });
}

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

test('review: two segments on one timeline, ten prompts coded with keys while it plays, figures, undo, EAF, no camera', async ({
  page,
  host,
}) => {
  const hearingId = await twoSegmentHearing(host);
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearingId}`);
  await expect(page.getByRole('link', { name: 'Review and code the recordings' })).toHaveAttribute(
    'href',
    `#/hearings/${hearingId}/review`,
  );

  await countCameraRequests(page);
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearingId}/review`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review of hearing REVIEW/UI/1');
  const position = page.getByTestId('position');
  await expect(position).toHaveText('0:00:00.000 of 0:00:08.000 (segment 1)');
  // The gap between the segments is named with its wall-clock length.
  await expect(page.getByText(/^Between segment 1 and segment 2: pause of \d+ seconds?\.$/)).toBeAttached();
  await expect(page.getByTestId('key-help')).toContainText('Shift+← → one frame (about 40 ms');

  // An event row moves the player, across the boundary into the second segment's media.
  await page.getByTestId('event-row').filter({ hasText: 'Recording started' }).nth(1).click();
  await expect(position).toContainText(/^0:00:04\.\d{3} of 0:00:08\.000 \(segment 2\)$/);
  const { recordings } = await callHost<{ recordings: { id: string; segment: number }[] }>(host, 'hearings.get', { hearingId });
  const second = recordings.find((r) => r.segment === 2)!;
  await expect
    .poll(() => page.getByTestId('review-video').evaluate((v) => (v as HTMLVideoElement).currentSrc))
    .toContain(`/recordings/${second.id}/working`);
  await page.getByTestId('position').click();
  await page.keyboard.press('ArrowLeft');
  await expect(position).toContainText(/^0:00:00\.000 .*\(segment 1\)$/);

  // Ten prompts coded while it plays: each key ends the previous prompt and starts its own.
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  for (const key of ['i', 'c', 'd', 'i', 'o', 'i', 's', 'c', 'i', 'd']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(550);
  }
  await page.keyboard.press('Enter');
  await expect(position).toContainText('(segment 2)');
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const rows = page.getByTestId('annotation-row');
  await expect(rows).toHaveCount(10);
  // Each annotation names its author: the interviewer signed in on this page.
  await expect(rows.first()).toContainText('Test ines');
  const openShare = page.getByTestId('open-share');
  await expect(openShare).toHaveText('Open prompts (invitations): 60% (6 of 10 prompts).');
  await expect(page.getByTestId('prompt-figures').getByRole('row', { name: /^Invitation\b/ })).toContainText('4');

  // Keys do nothing while typing: the note's letters are not codes; Enter adds the note.
  const note = page.getByLabel('Note', { exact: true });
  await note.fill('');
  await note.pressSequentially('child points at the door');
  await note.press('Enter');
  await expect(rows).toHaveCount(11);
  await expect(openShare).toHaveText('Open prompts (invitations): 60% (6 of 10 prompts).');

  // Edit one prompt: an invitation becomes suggestive, and the figures follow.
  await rows.filter({ hasText: 'Invitation' }).first().getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Code', { exact: true }).selectOption({ label: 'Suggestive question' });
  expect(await axeViolations(page, '.review')).toEqual([]);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(openShare).toHaveText('Open prompts (invitations): 50% (5 of 10 prompts).');
  await expect(rows.first()).toContainText(/changed \d/);

  // Undo sends the inverse change to main; redo sends it again.
  await page.getByTestId('position').click();
  await page.keyboard.press('Control+z');
  await expect(openShare).toHaveText('Open prompts (invitations): 60% (6 of 10 prompts).');
  await page.keyboard.press('Control+Shift+z');
  await expect(openShare).toHaveText('Open prompts (invitations): 50% (5 of 10 prompts).');
  const kept = await callHost<{ annotations: { code: string | null }[] }>(host, 'annotations.list', { hearingId });
  expect(kept.annotations.filter((a) => a.code === 'suggestive')).toHaveLength(2);

  // ] jumps to the next annotation or event.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toContainText(/^0:00:00\.000/);
  await page.keyboard.press(']');
  await expect(position).not.toContainText(/^0:00:00\.000/);

  // ELAN export: one EAF per segment, downloaded from the page.
  await page.getByRole('button', { name: 'ELAN (EAF)' }).click();
  const links = page.getByRole('link', { name: /\.eaf$/ });
  await expect(links).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.eaf$/);
  const eaf = readFileSync(await download.path(), 'utf8');
  expect(eaf).toContain('<ANNOTATION_DOCUMENT');
  expect(eaf).toContain('CVE_REF="invitation"');

  expect(await axeViolations(page, '.review')).toEqual([]);
  expect(await axeViolations(page, '[data-testid="coding-panel"]')).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { cameraRequests: number }).cameraRequests)).toBe(0);
});

test('review after the seal: coding goes on as a signed addendum, marked, and Verify reports seal and addendum apart', async ({
  page,
  host,
}) => {
  const hearingId = await twoSegmentHearing(host, 'REVIEW/UI/ADDENDUM');
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearingId}/review`);
  const position = page.getByTestId('position');
  await expect(position).toHaveText('0:00:00.000 of 0:00:08.000 (segment 1)');

  // Code prompts with the keys while it plays, then edit one: the figures follow.
  await position.click();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  for (const key of ['i', 'd', 'i', 'o']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(600);
  }
  await page.keyboard.press('Enter');
  await page.keyboard.press('k');
  const rows = page.getByTestId('annotation-row');
  await expect(rows).toHaveCount(4);
  const openShare = page.getByTestId('open-share');
  await expect(openShare).toHaveText('Open prompts (invitations): 50% (2 of 4 prompts).');
  await rows.filter({ hasText: 'Invitation' }).first().getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Code', { exact: true }).selectOption({ label: 'Suggestive question' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(openShare).toHaveText('Open prompts (invitations): 25% (1 of 4 prompts).');

  // Seal (the rules' open items named with a reason, as the seal dialog asks).
  await callHost(host, 'hearings.seal', { hearingId, reason: 'Review test: sealed with the items still open.' });
  await page.reload();
  await expect(page.getByTestId('addenda-notice')).toHaveText(
    'This hearing is sealed. Its recordings, its record and the annotations made before the seal stay as they were sealed. You can still code: what you add now is kept as a signed addendum, apart from the seal, and checked on its own.',
  );
  await expect(rows).toHaveCount(4);
  // Sealed annotations are marked and offer no edit.
  await expect(rows.first()).toContainText('Sealed');
  await expect(rows.first()).toContainText('Part of the seal: it does not change');
  await expect(rows.first().getByRole('button', { name: 'Edit' })).toHaveCount(0);

  // One annotation after the seal: a prompt coded with its key at a moment of the recording.
  await position.click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('c');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(5);
  const addendum = rows.filter({ has: page.getByTestId('addendum-badge') });
  await expect(addendum).toHaveCount(1);
  await expect(addendum.getByTestId('addendum-badge')).toHaveText('Addendum 1');
  await expect(addendum).toContainText('Cued invitation');
  await expect(openShare).toHaveText('Open prompts (invitations): 40% (2 of 5 prompts).');
  const listed = await callHost<{ annotations: { addendum?: number }[] }>(host, 'annotations.list', { hearingId });
  expect(listed.annotations.map((a) => a.addendum ?? 0).sort()).toEqual([0, 0, 0, 0, 1]);
  expect(await axeViolations(page, '.review')).toEqual([]);
  expect(await axeViolations(page, '[data-testid="coding-panel"]')).toEqual([]);

  // Verify: the seal intact and the one addendum intact, reported apart.
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearingId}`);
  const seal = page.getByRole('region', { name: 'Seal and export' });
  await seal.getByRole('button', { name: 'Check integrity' }).click();
  const verdict = seal.getByTestId('verify-result');
  await expect(verdict).toContainText('Intact.', { timeout: 30_000 });
  await expect(verdict.getByTestId('addenda-summary')).toHaveText(
    'Addenda after the seal: Recording and record intact, as sealed; 1 addendum, intact.',
  );
  await verdict.getByText(/^All \d+ checks$/).click();
  await expect(verdict.locator('li', { hasText: /^Passed Addendum 1: Addendum 1, signed at/ })).toBeVisible();

  // Tampering: one bit of the stored addendum's JSON flipped in the (encrypted) database, under the
  // running host. The body stays valid canonical JSON; only its signature can tell.
  const { before, after } = await flipAddendumByte(host.dataDir, hearingId, 1);
  expect(after).not.toBe(before);
  expect(after).toHaveLength(before.length);
  expect([...before].filter((c, i) => c !== after[i])).toHaveLength(1);

  // Verify again: the seal still holds, the addendum is named as changed, the verdict is not intact.
  await seal.getByRole('button', { name: 'Check integrity' }).click();
  await expect(verdict).toContainText('Not intact.', { timeout: 30_000 });
  await expect(verdict.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'invalid');
  await expect(verdict.getByTestId('addenda-summary')).toHaveText(
    'Addenda after the seal: Recording and record intact, as sealed; 1 addendum found; changed or not genuine: 1; rely only on the seal and on the addenda that are intact.',
  );
  // Exactly two checks fail: the addenda's summary and addendum 1; every check of the seal passes.
  await expect(verdict.locator('ul.failed-checks li')).toHaveText([
    'Addenda after the seal: Recording and record intact, as sealed; 1 addendum found; changed or not genuine: 1; rely only on the seal and on the addenda that are intact.',
    'Addendum 1: Addendum 1 is not intact: it was changed after it was signed: its content does not match its signature, or it was signed with another key.',
  ]);
  expect(await axeViolations(page, '[data-testid="verify-result"]')).toEqual([]);
  expect(await axeViolations(page, 'section.seal')).toEqual([]);

  // The same verdict in the reader's language: Dutch.
  await page.goto(`${host.openUrl}&lang=nl#/hearings/${hearingId}`);
  const zegel = page.getByRole('region', { name: 'Verzegelen en exporteren' });
  await zegel.getByRole('button', { name: 'Integriteit controleren' }).click();
  const oordeel = zegel.getByTestId('verify-result');
  await expect(oordeel).toContainText('Niet intact.', { timeout: 30_000 });
  await expect(oordeel.locator('ul.failed-checks li').filter({ hasText: /^Addendum 1: / })).toHaveText(
    'Addendum 1: Addendum 1 is niet intact: het werd gewijzigd na de ondertekening: de inhoud past niet bij de handtekening, of het werd met een andere sleutel ondertekend.',
  );
  expect(await axeViolations(page, 'section.seal')).toEqual([]);
});
