/**
 * Task tables: each column's header stands over its cells (they drifted up to hundreds of pixels on a
 * wide screen when group rows spanned more columns than the table has), and the city's tasks are numbered.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { columnEdges, launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

for (const width of [1366, 1920]) {
  it(`headers align with their columns on the plan and city-task tables at ${width} px`, async () => {
    const page = await signIn(browser, 'daumoi', { width, height: 900 });
    mkdirSync('test-results', { recursive: true });
    // The issued plan's table has a last column for proposing a change (the row menu); city tasks have none.
    for (const [path, columns] of [
      ['/plans/1', 9],
      ['/city-tasks', 8],
    ] as const) {
      await page.goto(new URL(path, page.url()).toString());
      await page.getByTestId('task-table').locator('tbody tr.ant-table-row').nth(1).waitFor();
      const edges = await columnEdges(page);
      expect(edges.length).toBe(columns);
      for (const edge of edges) expect(Math.abs(edge.headerX - edge.cellX), `${path} ${edge.header}`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: `test-results/e2e-table-${path.replace(/\W+/g, '-')}-${width}.png` });
    }
  });
}

it('the city-task table numbers its rows in "TT" and keeps the status tag inside its cell', async () => {
  const page = await signIn(browser, 'daumoi');
  await page.goto(new URL('/city-tasks', page.url()).toString());
  const rows = page.getByTestId('task-table').locator('tbody tr.ant-table-row:not(.task-group-row)');
  await rows.first().waitFor();
  for (const text of await rows.locator('td:first-child').allInnerTexts()) expect(text.trim()).toMatch(/^\d+$/);
  const overflow = await page.getByTestId('task-table').evaluate((table) =>
    [...table.querySelectorAll('[data-testid="status-tag"]')].map((tag) => {
      const cell = (tag.closest('td') as HTMLElement).getBoundingClientRect();
      const box = tag.getBoundingClientRect();
      return Math.max(0, box.right - cell.right, cell.left - box.left);
    }),
  );
  expect(overflow.length).toBeGreaterThan(0);
  expect(Math.max(...overflow)).toBe(0);
});
