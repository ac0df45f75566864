/** The commune's reminder rules on screen: the coordinator changes and saves them; the city reviewer only reads them. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

interface Settings {
  beforeDueWorkingDays: number;
  weeklyDay: number;
  weeklySummary: boolean;
  canEdit: boolean;
}

it('the coordinator changes the reminder rules and sees them saved; the city reviewer reads them only', async () => {
  const page = await signIn(browser, 'daumoi');
  const me = (await (await page.request.get(`${inject('baseUrl')}/api/auth/me`)).json()) as { user: { communeId: number } };
  const url = `${inject('baseUrl')}/api/communes/${me.user.communeId}/reminder-settings`;
  const original = (await (await page.request.get(url)).json()) as Settings;

  await page.getByTestId('nav-menu').getByText('Quy tắc nhắc việc').click();
  const form = page.getByTestId('reminder-settings-form');
  await form.waitFor();
  expect(await page.getByTestId('reminder-due-soon').textContent()).toMatch(/\d+ ngày làm việc/);
  expect(await page.getByTestId('reminder-read-only').count()).toBe(0);
  await page.getByTestId('reminder-beforeDueWorkingDays').fill(String(original.beforeDueWorkingDays + 2));
  await page.getByTestId('reminder-weeklyDay').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'Thứ Tư' }).click();
  await page.getByTestId('reminder-weeklySummary').click();
  await page.getByTestId('reminder-save').click();
  await page.getByText('Đã lưu quy tắc nhắc việc.', { exact: false }).waitFor();
  const saved = (await (await page.request.get(url)).json()) as Settings;
  expect(saved).toMatchObject({ beforeDueWorkingDays: original.beforeDueWorkingDays + 2, weeklyDay: 3, weeklySummary: !original.weeklySummary });
  await page.reload();
  await expect.poll(() => page.getByTestId('reminder-beforeDueWorkingDays').inputValue(), { timeout: 15_000 }).toBe(String(original.beforeDueWorkingDays + 2));
  // Leave the demo commune's rules as they were for the other end-to-end tests.
  const { canEdit: _canEdit, ...input } = original;
  expect((await page.request.put(url, { data: input })).status()).toBe(200);

  const reviewer = await signIn(browser, 'sonoivu');
  await reviewer.goto(`${inject('baseUrl')}/reminder-settings`);
  await reviewer.getByTestId('reminder-read-only').waitFor();
  expect(await reviewer.getByTestId('reminder-save').count()).toBe(0);
  expect(await reviewer.getByTestId('reminder-beforeDueWorkingDays').isDisabled()).toBe(true);
});
