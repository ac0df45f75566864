/**
 * The import review on a laptop and a phone: every column in view at 1440 px, no page wider than a
 * 390 px phone; n / p walk the flagged cells, Enter edits one, Esc leaves it as it was.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** The table cell that has the keyboard focus, as "rowKey:field". */
const focusedCell = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell ?? null);
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const flaggedCount = (page: Page) => page.locator('.review-cell.is-flagged').count();

it('review screen: columns fit, n/p walk flagged cells, Enter edits, Esc cancels, a phone gets cards', async () => {
  const page = await signIn(browser, 'daumoi', { width: 1440, height: 900 });
  await page.goto(`${inject('baseUrl')}/plans/import`);
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(resolve('fixtures/import/004.docx'));
  await page.getByTestId('import-review').waitFor({ timeout: 60_000 });
  const rows = page.getByTestId('import-row');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(38);

  // Every column in view, the page no wider than the window, and no editor until one is asked for.
  expect(await pageWidth(page)).toBeLessThanOrEqual(1440);
  const edges = await page.locator('.review-table th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
  expect(edges).toHaveLength(8);
  for (const edge of edges) expect(edge.right).toBeLessThanOrEqual(1440);
  expect(await page.getByTestId('import-editor').count()).toBe(0);
  expect(await page.locator('.review-table textarea, .review-table input').count()).toBe(0);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  expect(await page.getByTestId('import-keys-hint').innerText()).toMatch(/n \/ p/);

  // The reader flagged the tasks cut by a page break: n goes to the first, n again to the next, p back.
  const flagged = await flaggedCount(page);
  expect(flagged).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('n');
  await expect.poll(() => focusedCell(page)).not.toBeNull();
  const first = await focusedCell(page);
  expect(await page.locator(`[data-cell="${first}"]`).getAttribute('class')).toMatch(/is-flagged/);
  await page.keyboard.press('n');
  await expect.poll(() => focusedCell(page)).not.toBe(first);
  const second = await focusedCell(page);
  expect(await page.locator(`[data-cell="${second}"]`).getAttribute('class')).toMatch(/is-flagged/);
  await page.keyboard.press('p');
  await expect.poll(() => focusedCell(page)).toBe(first);

  // The selected task's original appendix rows are shown beside it, with why it is flagged.
  const source = page.getByTestId('import-row-source');
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  const number = (await page.locator(`[data-cell="${(first ?? '').replace(/:.*/, ':number')}"]`).innerText()).trim();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  expect(await source.innerText()).toContain(`TT ${number}`);
  expect(await source.getByTestId('import-source-cells').count()).toBeGreaterThanOrEqual(2);

  // Enter edits the cell; Enter again keeps the change, clears the flag and gives the focus back to the cell.
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('import-editor');
  await editor.waitFor();
  await editor.press('Control+End');
  await editor.pressSequentially(' (đã xem)');
  await editor.press('Enter');
  await expect.poll(() => page.getByTestId('import-editor').count()).toBe(0);
  const firstCell = page.locator(`[data-cell="${first}"]`);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  expect(await firstCell.innerText()).toContain('(đã xem)');
  expect(await firstCell.getAttribute('class')).not.toMatch(/is-flagged/);
  expect(await flaggedCount(page)).toBe(flagged - 1);
  await expect.poll(() => focusedCell(page)).toBe(first);
  // n from the edited cell goes on to the next one still flagged.
  await page.keyboard.press('n');
  await expect.poll(() => focusedCell(page)).toBe(second);

  // A click edits any cell; Esc leaves it as it was; arrows move between cells.
  const product = rows.nth(2).getByTestId('import-cell-product');
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  const before = await product.innerText();
  await product.click();
  await editor.waitFor();
  await editor.fill('xyz');
  await editor.press('Escape');
  await expect.poll(() => page.getByTestId('import-editor').count()).toBe(0);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  expect(await product.innerText()).toBe(before);
  const productCell = await focusedCell(page);
  expect(productCell).toMatch(/:product$/);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => focusedCell(page)).toBe((productCell ?? '').replace(/:product$/, ':timeframe'));
  await page.keyboard.press('Escape');

  // A warning in the list above selects its task's flagged cell.
  await page.getByTestId('import-warnings').getByRole('button').first().click();
  await expect.poll(async () => (await focusedCell(page)) ?? '').toMatch(/:content$/);

  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/import-review-1440.png' });

  // A phone: the tasks become cards and the page stays as wide as the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => pageWidth(page)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/import-review-390.png' });
});
