import { expect, type Page } from '@playwright/test';
import type { Hearing } from '../../shared/domain/hearing';
import { createReadyHearing } from './procedure';
import { callHost, type HostProcess } from './web-host-process';

/** The hearing page's recording part: on its own tab where the page has tabs. */
export async function showRecordingPart(page: Page): Promise<void> {
  const camera = page.getByLabel('Camera', { exact: true });
  const tab = page.getByRole('tab', { name: /Hearing/ });
  await expect(camera.or(tab).first()).toBeVisible();
  if ((await tab.count()) > 0) await tab.click();
  await expect(camera).toBeEnabled();
}

/** A hearing whose procedural record is complete (made through the API), open in the page. */
export async function openReadyHearing(
  page: Page,
  host: HostProcess,
  caseReference: string,
): Promise<Hearing> {
  const hearing = await createReadyHearing<Hearing>(
    (name, input) => callHost(host, name, input),
    13,
    caseReference,
  );
  await page.goto(`${host.openUrl}&lang=en#/hearings/${hearing.id}`);
  await showRecordingPart(page);
  return hearing;
}

export function getHearing(host: HostProcess, hearingId: string): Promise<Hearing> {
  return callHost<Hearing>(host, 'hearings.get', { hearingId });
}
