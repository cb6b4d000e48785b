import { expect, test } from './fixtures';

test('when the first question of who is signed in gets no answer, the page says so in its language, and Try again opens the app', async ({
  page,
  host,
}) => {
  // The question is asked as the page starts, before its language is loaded; a question that
  // only reads is asked twice when the connection is lost. Both attempts fail here.
  let asked = 0;
  await page.route('**/api/session.status', async (route) => {
    asked += 1;
    if (asked <= 2) await route.abort('connectionrefused');
    else await route.continue();
  });
  await page.goto(`${host.openUrl}&lang=en`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Hearing Room could not tell who is signed in.');
  await expect(alert).toContainText('Cannot reach Hearing Room.');
  expect(asked).toBe(2);

  await alert.getByRole('button', { name: 'Try again' }).click();
  // Signed in as the interviewer: the hearing list, after one more question.
  await expect(page.getByRole('button', { name: 'New hearing' })).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(asked).toBe(3);
});
