import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { openReadyHearing } from '../helpers/hearing-page';
import { bornYearsAgo, today, typedDate } from '../helpers/procedure';
import { callHost } from '../helpers/web-host-process';

// The browser runs on New York time in American English: what the page shows must still be
// Brussels time, written the Belgian (here British) way, and never mm/dd/yyyy or AM/PM.
test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

interface Instrumented {
  cameraCalls: number;
  cameraStreams: MediaStream[];
  lastRecorder: MediaRecorder | null;
}

/**
 * Counts the page's requests for the camera and keeps the streams it got, and keeps the last
 * MediaRecorder paused or resumed: what a person cannot see from the page, asserted directly.
 */
async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Instrumented;
    w.cameraCalls = 0;
    w.cameraStreams = [];
    w.lastRecorder = null;
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      w.cameraCalls += 1;
      const stream = await original(constraints);
      w.cameraStreams.push(stream);
      return stream;
    };
    const { pause, resume } = MediaRecorder.prototype;
    MediaRecorder.prototype.pause = function (this: MediaRecorder) {
      w.lastRecorder = this;
      pause.call(this);
    };
    MediaRecorder.prototype.resume = function (this: MediaRecorder) {
      w.lastRecorder = this;
      resume.call(this);
    };
  });
}

const cameraCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as Instrumented).cameraCalls);
const recorderState = (page: Page) =>
  page.evaluate(() => (window as unknown as Instrumented).lastRecorder?.state ?? 'none');
const trackStates = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as Instrumented).cameraStreams
      .flatMap((s) => s.getTracks())
      .map((t) => t.readyState),
  );

const eventLog = (page: Page) => page.getByRole('table', { name: /Events of this hearing/ });
const bar = (page: Page) => page.getByRole('region', { name: 'Recording in progress' });

test('Alt+P in the label field pauses at once, the reason follows, and Escape leaves a text area', async ({
  page,
  host,
}) => {
  await instrument(page);
  await openReadyHearing(page, host, 'MOMENT/PAUSE');
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(bar(page)).toBeVisible();
  await page.waitForTimeout(1500);

  // A mark from inside the label field; the focus stays there and the shortcuts keep working.
  const label = page.getByLabel('Label (optional)');
  await label.fill('Before the break');
  await label.press('Alt+m');
  await expect(eventLog(page).getByRole('row', { name: /Mark.*Before the break/ })).toBeVisible();
  await expect(label).toHaveValue('');
  await expect(label).toBeFocused();

  await label.press('Alt+p');
  await expect(eventLog(page).getByRole('rowheader', { name: 'Paused' })).toBeVisible({
    timeout: 1000,
  });
  await expect.poll(() => recorderState(page), { timeout: 1000 }).toBe('paused');
  await expect(bar(page)).toContainText('Paused · segment 1');
  await expect(
    eventLog(page).getByRole('row', { name: /Paused.*Reason not given yet/ }),
  ).toBeVisible();

  // The reason follows, in the form that opened with the pause.
  const reason = page.getByRole('form', {
    name: /Why was the recording paused at \d\d:\d\d:\d\d\?/,
  });
  await expect(reason.getByLabel('Reason')).toBeFocused();
  await reason.getByLabel('Reason').fill('The child asks for a drink');
  await reason.getByRole('button', { name: 'Log the reason' }).click();
  await expect(
    eventLog(page).getByRole('row', {
      name: /Paused.*The child asks for a drink \(decided by Insp\. L\. Peeters; reason given at \d\d:\d\d:\d\d\)/,
    }),
  ).toBeVisible();
  await expect(eventLog(page).getByRole('rowheader', { name: 'Reason for a pause' })).toHaveCount(
    0,
  );

  // After the form, the focus is back in the label field, and Alt+P resumes from there.
  await expect(label).toBeFocused();
  await label.press('Alt+p');
  await expect.poll(() => recorderState(page), { timeout: 1000 }).toBe('recording');
  await expect(eventLog(page).getByRole('rowheader', { name: 'Resumed' })).toBeVisible();

  // In a text area the keys belong to the text; Escape leaves it, then Alt+M marks again.
  await page.getByRole('button', { name: 'Technical incident' }).click();
  const description = page.getByLabel('What happened');
  await expect(description).toBeFocused();
  await description.press('Alt+m');
  await expect(eventLog(page).getByRole('rowheader', { name: 'Mark' })).toHaveCount(1);
  await description.press('Escape');
  await expect(description).toHaveCount(0);
  await page.keyboard.press('Alt+m');
  await expect(eventLog(page).getByRole('rowheader', { name: 'Mark' })).toHaveCount(2);

  await bar(page).getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByTestId('recording-sha256').first()).toHaveText(/^[0-9a-f]{64}$/, {
    timeout: 30_000,
  });
  await expect(bar(page)).toHaveCount(0);
});

test('the recording bar stays in view at the bottom of the page and on the preparation tab', async ({
  page,
  host,
}) => {
  await openReadyHearing(page, host, 'MOMENT/BAR');
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(bar(page)).toBeVisible();
  await expect(bar(page).getByRole('button', { name: 'Stop recording' })).toBeFocused();
  await expect(bar(page).getByRole('timer')).toHaveText(/00:0[2-9]/, { timeout: 15_000 });
  await expect(bar(page)).toContainText('Recording · segment 1');

  // Scrolled to the end: the bar is there, below the last section rather than over it.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(bar(page)).toBeInViewport();
  // The last panel of the page, whichever it is.
  const seal = page.locator('section.panel:visible').last();
  await expect(seal).toBeInViewport();
  const sealBox = await seal.boundingBox();
  const barBox = await bar(page).boundingBox();
  expect(barBox!.y).toBeGreaterThanOrEqual(sealBox!.y + sealBox!.height);

  // Scrolled back up, it stays at the bottom of the window.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(bar(page)).toBeInViewport();
  const axe = await new AxeBuilder({ page }).include('section.recording-bar').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // On the preparation tab too, and its buttons work there.
  await page.getByRole('tab', { name: /Preparation/ }).click();
  await expect(bar(page)).toBeInViewport();
  await bar(page)
    .getByRole('button', { name: /^Pause/ })
    .click();
  await expect(bar(page)).toContainText('Paused · segment 1');
  await bar(page).getByRole('button', { name: 'Give the reason for the pause' }).click();
  await expect(page.getByRole('tab', { name: /Hearing/ })).toHaveAttribute('aria-selected', 'true');
  await expect(
    page.getByRole('form', { name: /Why was the recording paused/ }).getByLabel('Reason'),
  ).toBeFocused();
  await bar(page).getByRole('button', { name: 'Stop recording' }).click();
  await expect(bar(page)).toHaveCount(0);
});

test('withdrawn consent releases the camera and microphone; a reload does not ask for them', async ({
  page,
  host,
}) => {
  await instrument(page);
  await openReadyHearing(page, host, 'MOMENT/WITHDRAW');
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(bar(page).getByRole('timer')).toHaveText(/00:0[2-9]/, { timeout: 15_000 });
  expect((await trackStates(page)).length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Consent withdrawn…' }).click();
  await page
    .getByRole('dialog', { name: 'Consent withdrawn' })
    .getByRole('button', { name: 'Record the withdrawal and stop' })
    .click();
  await expect(page.locator('.phase')).toHaveText('Not recording');
  await expect
    .poll(() => trackStates(page), { timeout: 5000 })
    .toEqual(expect.arrayContaining(['ended']));
  expect(new Set(await trackStates(page))).toEqual(new Set(['ended']));
  expect(
    await page.locator('video.preview').evaluate((v: HTMLVideoElement) => v.srcObject),
  ).toBeNull();
  await expect(
    page.getByText('The camera and microphone are off: consent was withdrawn'),
  ).toBeVisible();

  await page.reload();
  await expect(
    page.getByText('The camera and microphone are off: consent was withdrawn'),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Turn on the camera for another segment' }),
  ).toHaveCount(0);
  expect(await cameraCalls(page)).toBe(0);
});

test('a recorded hearing waits to be asked for the camera; sealed, it opens read-only without it', async ({
  page,
  host,
}) => {
  await instrument(page);
  const hearing = await openReadyHearing(page, host, 'MOMENT/SEALED');
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(bar(page).getByRole('timer')).toHaveText(/00:0[2-9]/, { timeout: 15_000 });
  await bar(page).getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByTestId('recording-sha256').first()).toHaveText(/^[0-9a-f]{64}$/, {
    timeout: 30_000,
  });

  // Open again: the recording is there, the camera is not until asked for.
  await page.reload();
  await expect(page.getByRole('article', { name: 'Segment 1' })).toBeVisible();
  const turnOn = page.getByRole('button', { name: 'Turn on the camera for another segment' });
  await expect(turnOn).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeDisabled();
  expect(await cameraCalls(page)).toBe(0);
  await turnOn.click();
  await expect(page.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  expect(await cameraCalls(page)).toBe(1);

  await callHost(host, 'hearings.seal', { hearingId: hearing.id });
  await page.reload();
  const panel = page.getByRole('tabpanel', { name: /Hearing/ });
  await expect(panel.getByText('This hearing is sealed.')).toBeVisible();
  await expect(panel.getByTestId('recording-player')).toHaveCount(1);
  await expect(eventLog(page).getByRole('rowheader', { name: 'Recording started' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Seal and export' })).toContainText(
    'Manifest SHA-256',
  );
  await expect(page.getByRole('button', { name: 'Start recording' })).toHaveCount(0);
  await expect(page.locator('video.preview')).toHaveCount(0);
  await expect(page.getByLabel('Label (optional)')).toHaveCount(0);
  expect(await cameraCalls(page)).toBe(0);
  const review = await new AxeBuilder({ page }).include('#tabpanel-hearing').analyze();
  expect(review.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // One clock: the recording's start, its event and the seal are all in Brussels time.
  const started = eventLog(page)
    .getByRole('row', { name: /Recording started/ })
    .locator('time');
  const startedAt = (await started.textContent()) ?? 'missing';
  expect(startedAt).toMatch(/^\d\d:\d\d:\d\d$/);
  const segment = page.getByRole('article', { name: 'Segment 1' });
  await expect(segment).toContainText(new RegExp(`${startedAt} \\(UTC\\+[12]\\)`));
  const sealedAt = page.getByRole('region', { name: 'Seal and export' }).locator('dd').first();
  await expect(sealedAt).toHaveText(/^\d{1,2} \w{3} \d{4}, \d\d:\d\d:\d\d \(UTC\+[12]\)$/);
  const brusselsHour = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
  expect([brusselsHour, String((Number(brusselsHour) + 23) % 24).padStart(2, '0')]).toContain(
    startedAt.slice(0, 2),
  );
});

test('date fields follow the language, not the browser: day first, and a wrong date says how to write it', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'New hearing' }).click();
  // By id: the labels change with the language below.
  const hearingDate = page.locator('#hearingDate');
  await expect(hearingDate).toHaveAccessibleName('Hearing date');
  await expect(hearingDate).toHaveValue(typedDate(today()));
  await expect(hearingDate).toHaveAccessibleDescription(/dd\/mm\/yyyy/);
  const born = page.locator('#dateOfBirth');
  await born.fill('31/02/2014');
  await born.blur();
  await expect(born).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#dateOfBirth-error')).toHaveText(
    'Enter a real date as dd/mm/yyyy, for example 28/11/2026.',
  );

  await page.locator('#language').selectOption({ label: 'Deutsch' });
  await expect(hearingDate).toHaveValue(typedDate(today(), '.'));
  await expect(page.locator('#dateOfBirth-error')).toHaveText(
    'Geben Sie ein existierendes Datum als TT.MM.JJJJ ein, zum Beispiel 28.11.2026.',
  );
  await page.locator('#language').selectOption({ label: 'English' });

  await page.getByLabel('Case reference').fill('MOMENT/DATES');
  await page.getByLabel('Name of the minor').fill('Mira K.');
  await born.fill(typedDate(bornYearsAgo(13)));
  await page.getByRole('button', { name: 'Create hearing' }).click();
  await expect(page).toHaveURL(/#\/hearings\/[0-9a-f-]{36}/);
  const hearingId = /#\/hearings\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? 'missing';
  const order = page.getByRole('region', { name: 'Order to record', exact: true });
  await order.getByLabel('Date of the order').fill('5.1.2026');
  await order.getByLabel('Date of the order').blur();
  await expect(order.getByLabel('Date of the order')).toHaveValue('05/01/2026');
  await expect
    .poll(
      async () =>
        (
          await callHost<{ draft: { order?: { date?: string } } }>(host, 'procedure.get', {
            hearingId,
          })
        ).draft.order?.date,
    )
    .toBe('2026-01-05');

  // A moment typed in the record is Brussels time on the 24-hour clock.
  const room = page.getByRole('region', { name: 'The room', exact: true });
  const checkedAt = room.getByRole('textbox', { name: 'Checked at' });
  await expect(checkedAt).toHaveAccessibleDescription(
    /Belgian time, 24-hour clock: dd\/mm\/yyyy hh:mm/,
  );
  await checkedAt.fill('29/03/2026 14:05');
  await checkedAt.blur();
  await expect
    .poll(
      async () =>
        (
          await callHost<{ draft: { roomChecklist?: { confirmedAt?: string } } }>(
            host,
            'procedure.get',
            { hearingId },
          )
        ).draft.roomChecklist?.confirmedAt,
    )
    .toBe('2026-03-29T14:05:00+02:00');
});
