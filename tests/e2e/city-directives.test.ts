/**
 * A city directive given once to two communes: the reviewer enters it, a commune's coordinator finds its
 * task among the city's tasks and reports it done with its product, and the reviewer sees the roll-up move.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => browser?.close());

/** dd/mm/yyyy of the day `days` from now. */
function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

it('the reviewer issues a directive to two communes; Tiên Lãng reports it done with its product; the roll-up changes', async () => {
  const reviewer = await signIn(browser, 'sonoivu');
  // A step that cannot happen fails with its locator, not with the test's own timeout.
  reviewer.setDefaultTimeout(20_000);
  await reviewer.waitForURL(`${inject('baseUrl')}/city`);
  await reviewer.getByTestId('nav-menu').getByText('Văn bản giao nhiệm vụ').click();
  await reviewer.getByTestId('directives-title').waitFor();
  await reviewer.getByTestId('directive-create').click();

  const stamp = Date.now();
  const content = `Tổ chức tuyên truyền thủ tục hành chính trực tuyến toàn trình (${stamp})`;
  const form = reviewer.getByTestId('directive-form');
  await form.getByTestId('directive-number').fill(`${stamp % 100000}/UBND-NV`);
  await form.getByTestId('directive-content').fill(content);
  await form.getByTestId('directive-deadline').click();
  await reviewer.keyboard.type(dayFromNow(30));
  await reviewer.keyboard.press('Enter');
  await form.getByTestId('directive-product').fill('Báo cáo kết quả tuyên truyền');
  const communes = form.getByTestId('directive-communes');
  for (const name of ['Tiên Lãng', 'An Phong']) {
    await communes.click();
    await reviewer.keyboard.type(name);
    await reviewer.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
  }
  await reviewer.keyboard.press('Escape');
  await form.getByTestId('directive-save').click();

  // The directive's page: two communes, nothing done yet.
  const table = reviewer.getByTestId('directive-communes-table');
  await expect.poll(() => table.locator('tbody tr[data-row-key]').count(), { timeout: 15_000 }).toBe(2);
  await expect.poll(() => reviewer.getByTestId('directive-rate').locator('.ant-statistic-content-value').textContent()).toBe('0');
  const directiveUrl = reviewer.url();
  await reviewer.screenshot({ path: 'test-results/e2e-directive-issued.png', fullPage: true });

  // Tiên Lãng's coordinator finds the task among the city's tasks and reports it done with a link to its product.
  const coordinator = await signIn(browser, 'daumoi');
  coordinator.setDefaultTimeout(20_000);
  await coordinator.goto(`${inject('baseUrl')}/city-tasks`);
  // The table dims while it loads; click once it has settled.
  await coordinator.getByTestId('task-table').locator('.ant-spin-spinning').waitFor({ state: 'detached', timeout: 60_000 });
  await coordinator.getByTestId('task-open').filter({ hasText: content }).click({ timeout: 60_000 });
  const drawer = coordinator.getByTestId('task-drawer');
  await expect.poll(() => drawer.getByTestId('task-content').textContent(), { timeout: 15_000 }).toBe(content);
  await drawer.getByTestId('progress-evidence-link').fill('https://tienlang.example.gov.vn/bao-cao-tuyen-truyen');
  await drawer.getByTestId('progress-done').click();
  await expect.poll(() => drawer.getByTestId('status-tag').first().textContent(), { timeout: 15_000 }).toBe('Hoàn thành đúng hạn');

  // The reviewer sees Tiên Lãng done on time with its product, and half the communes done on time.
  await reviewer.goto(directiveUrl);
  const row = table.locator('tbody tr[data-row-key]', { hasText: 'Tiên Lãng' });
  await expect.poll(() => row.getByTestId('status-tag').textContent(), { timeout: 15_000 }).toBe('Hoàn thành đúng hạn');
  expect(await row.locator('a', { hasText: 'bao-cao-tuyen-truyen' }).count()).toBe(1);
  expect(await reviewer.getByTestId('directive-rate').locator('.ant-statistic-content-value').textContent()).toBe('50');
  await reviewer.screenshot({ path: 'test-results/e2e-directive-rollup.png', fullPage: true });
}, 240_000);
