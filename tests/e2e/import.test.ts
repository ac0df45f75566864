/**
 * A commune's coordinator imports a Word plan: reviews the 38 extracted rows, corrects one
 * task's content, saves; the document is Tiên Lãng's, so Cẩm Giàng's coordinator is warned
 * and saves it anyway, then lands on the new plan with every task.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

it('coordinator imports a .docx plan, edits a row and saves it', async () => {
  const page = await signIn(browser, 'daumoi.cg');
  await page.goto(`${inject('baseUrl')}/plans/import`);
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(resolve('fixtures/import/004.docx'));

  const review = page.getByTestId('import-review');
  await review.waitFor({ timeout: 60_000 });
  const rows = page.getByTestId('import-row');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(38);
  expect(await page.getByTestId('import-title').inputValue()).not.toBe('');
  expect(await page.getByTestId('import-mapping').count()).toBe(1);

  // A cell is text until clicked; then it is a text area, and Enter keeps the change.
  const cell = rows.first().getByTestId('import-cell-content');
  await cell.click();
  const editor = rows.first().getByTestId('import-editor');
  const original = await editor.inputValue();
  const edited = `${original} (đã sửa)`;
  await editor.fill(edited);
  await editor.press('Enter');
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  await expect.poll(() => cell.innerText()).toContain('(đã sửa)');
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/e2e-import-review.png', fullPage: true });

  await page.getByTestId('import-save').click();
  // The document names another commune: a warning first, and nothing saved until the officer says so.
  const warning = page.locator('.ant-modal-confirm');
  await warning.waitFor({ timeout: 30_000 });
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  expect(await warning.innerText()).toMatch(/Tiên Lãng/);
  await warning.getByRole('button', { name: 'Vẫn lưu cho xã/phường này' }).click();
  await page.waitForURL(/\/plans\/\d+$/, { timeout: 30_000 });
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  await expect.poll(() => page.getByTestId('task-count').innerText(), { timeout: 15_000 }).toMatch(/38\/38/);
  const marker = edited.replace(/\s+/g, ' ').trim().slice(-40);
  await expect.poll(() => page.getByTestId('task-open').filter({ hasText: '(đã sửa)' }).count(), { timeout: 15_000 }).toBe(1);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  expect((await page.getByTestId('task-open').filter({ hasText: '(đã sửa)' }).innerText()).replace(/\s+/g, ' ')).toContain(marker);
  await page.screenshot({ path: 'test-results/e2e-import-plan.png', fullPage: true });
});
