/**
 * A unit head finds an overdue task of their unit, uploads the product, reports it
 * done with it, and sees the dashboard change: no longer overdue, waiting for the
 * coordinator's confirmation (not yet counted as done).
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cspViolations, kpi, launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

it('unit head closes an overdue task of their unit with evidence', async () => {
  const page = await signIn(browser, 'truongvp');
  const overdueBefore = await kpi(page, 'overdue');
  const doneBefore = await kpi(page, 'done');
  expect(overdueBefore).toBeGreaterThan(0);

  // The demo's one-off overdue task of this unit: a report the city asked for, 12 days late.
  const ours = page.getByTestId('list-overdue').getByTestId('task-open').filter({ hasText: 'Văn phòng HĐND và UBND' }).filter({ hasText: 'rà soát văn bản' });
  await ours.click();
  const drawer = page.getByTestId('task-drawer');
  await drawer.getByTestId('task-content').waitFor();

  const chooser = page.waitForEvent('filechooser');
  await drawer.getByTestId('file-upload').click();
  await (await chooser).setFiles({ name: 'bao-cao-ket-qua.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% báo cáo kết quả\n%%EOF\n') });
  await expect.poll(() => drawer.getByTestId('file-link').filter({ hasText: 'bao-cao-ket-qua.pdf' }).count(), { timeout: 15_000 }).toBe(1);

  // A unit head cannot pick the completion date: it is the day of the report.
  expect(await drawer.getByTestId('progress-done-date').count()).toBe(0);
  await drawer.getByTestId('progress-done-today').waitFor();
  await drawer.getByTestId('progress-evidence-file').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'bao-cao-ket-qua.pdf' }).click();
  await drawer.getByTestId('progress-done').click();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  await expect.poll(() => drawer.getByTestId('status-tag').first().innerText(), { timeout: 15_000 }).toBe('Chờ xác nhận');
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/e2e-unit-head-drawer.png' });

  await page.keyboard.press('Escape');
  await expect.poll(() => kpi(page, 'overdue'), { timeout: 15_000 }).toBe(overdueBefore - 1);
  // Done only once the coordinator confirms it (tests/e2e/completion.test.ts).
  expect(await kpi(page, 'done')).toBe(doneBefore);
  await page.screenshot({ path: 'test-results/e2e-unit-head-dashboard.png', fullPage: true });
  // Ant Design's run-time styles, ECharts and the bundles all work under the server's CSP.
  expect(cspViolations(page)).toEqual([]);
});
