import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { getHearing, openReadyHearing } from '../helpers/hearing-page';
import { callHost } from '../helpers/web-host-process';

test('two pages in the control room mark the running recording at once: every mark kept, on main’s clock', async ({
  page,
  context,
  host,
}) => {
  const hearing = await openReadyHearing(page, host, 'LIVE/1');
  await page.getByRole('button', { name: 'Start recording' }).click();
  const master = join(host.dataDir, 'hearings', hearing.id, 'segment-001-master.webm');
  await expect.poll(() => statSync(master, { throwIfNoEntry: false })?.size ?? 0, { timeout: 15_000 }).toBeGreaterThan(20_000);
  const startedAt = Date.parse((await getHearing(host, hearing.id)).recordings[0]!.startedAt);

  const coders = [await context.newPage(), await context.newPage()];
  for (const coder of coders) {
    await coder.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}/review`);
    await expect(coder.getByTestId('live-notice')).toBeVisible();
  }
  const before = Date.now();
  // Both pages at once, each clicking three times in a row as one hand does: clicks started
  // together on one page would share its one mouse, and their presses and releases interleave.
  const perPage = 3;
  await Promise.all(
    coders.map(async (coder) => {
      const button = coder.getByRole('button', { name: /Mark now: Invitation$/ });
      for (let i = 0; i < perPage; i += 1) await button.click();
    }),
  );
  const marks = coders.length * perPage;

  const list = async () =>
    (await callHost<{ annotations: Array<{ startMs: number; code: string | null }> }>(host, 'annotations.list', { hearingId: hearing.id }))
      .annotations;
  await expect.poll(async () => (await list()).length, { timeout: 15_000 }).toBe(marks);
  // Every mark has been answered by now: a click returns before its call reaches main.
  const after = Date.now();
  for (const mark of await list()) {
    expect(mark.code).toBe('invitation');
    // Main's offset into the running recording, between the clicks and their answers.
    expect(mark.startMs).toBeGreaterThanOrEqual(before - startedAt - 1500);
    expect(mark.startMs).toBeLessThanOrEqual(after - startedAt + 500);
  }
  // The interviewer's page records on, undisturbed.
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeEnabled();
  expect((await getHearing(host, hearing.id)).recordings[0]?.status).toBe('recording');
});
