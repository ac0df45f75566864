/**
 * A unit head lands on their unit's work, finds an overdue task of their unit there, uploads the
 * product, reports it done with it, and sees the commune's dashboard change: no longer overdue,
 * waiting for the coordinator's confirmation (not yet counted as done).
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chooseOption, cspViolations, kpi, launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const OUR_OVERDUE = 'rà soát văn bản';

it('a unit head lands on their unit’s work, not on the commune’s dashboard', async () => {
  const page = await signIn(browser, 'truongvp');
  await expect.poll(() => page.getByTestId('my-work-title').textContent(), { timeout: 15_000 }).toMatch(/Văn phòng HĐND và UBND/);
  expect(await page.getByTestId('dashboard-title').count()).toBe(0);
  for (const section of ['overdue', 'dueThisWeek', 'dueThisMonth', 'waitingUpdate']) await page.getByTestId(`my-work-${section}`).waitFor();
  // The unit's overdue task is there; another unit's (Phòng Văn hóa - Xã hội leads most of the plan) is not.
  const overdue = page.getByTestId('my-work-overdue').getByTestId('task-open');
  expect(await overdue.filter({ hasText: OUR_OVERDUE }).count()).toBe(1);
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/e2e-unit-head-my-work.png', fullPage: true });
  // The commune's dashboard is one click away; a leader still lands on it.
  await page.getByTestId('my-work-commune').click();
  await page.getByTestId('dashboard-title').waitFor();
  const leader = await signIn(browser, 'chutich');
  await leader.getByTestId('dashboard-title').waitFor();
  expect(await leader.getByTestId('my-work-title').count()).toBe(0);
});

it('unit head closes an overdue task of their unit with evidence', async () => {
  const page = await signIn(browser, 'truongvp');
  await page.getByTestId('nav-menu').getByText('Tổng quan').click();
  await page.getByTestId('dashboard-title').waitFor();
  const overdueBefore = await kpi(page, 'overdue');
  const doneBefore = await kpi(page, 'done');
  expect(overdueBefore).toBeGreaterThan(0);

  // The demo's one-off overdue task of this unit: a report the city asked for, 12 days late — found on "my work".
  await page.getByTestId('nav-menu').getByText('Việc của tôi').click();
  const ours = page.getByTestId('my-work-overdue').getByTestId('task-open').filter({ hasText: 'Văn phòng HĐND và UBND' }).filter({ hasText: OUR_OVERDUE });
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
  await chooseOption(page, drawer.getByTestId('progress-evidence-file'), 'bao-cao-ket-qua.pdf');
  await drawer.getByTestId('progress-done').click();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  await expect.poll(() => drawer.getByTestId('status-tag').first().innerText(), { timeout: 15_000 }).toBe('Chờ xác nhận');
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/e2e-unit-head-drawer.png' });

  await page.keyboard.press('Escape');
  // Done work leaves "my work"; the dashboard counts it.
  await expect.poll(() => page.getByTestId('my-work-overdue').getByTestId('task-open').filter({ hasText: OUR_OVERDUE }).count(), { timeout: 15_000 }).toBe(0);
  await page.getByTestId('nav-menu').getByText('Tổng quan').click();
  await expect.poll(() => kpi(page, 'overdue'), { timeout: 15_000 }).toBe(overdueBefore - 1);
  // Done only once the coordinator confirms it (tests/e2e/completion.test.ts).
  expect(await kpi(page, 'done')).toBe(doneBefore);
  await page.screenshot({ path: 'test-results/e2e-unit-head-dashboard.png', fullPage: true });
  // Ant Design's run-time styles, ECharts and the bundles all work under the server's CSP.
  expect(cspViolations(page)).toEqual([]);
});

it('each dashboard card opens the list of exactly the tasks it counted', async () => {
  const page = await signIn(browser, 'daumoi');
  for (const card of ['overdue', 'dueSoon', 'done', 'total']) {
    await page.goto(new URL('/', page.url()).toString());
    const counted = await kpi(page, card);
    await page.getByTestId(`kpi-${card}`).click();
    await page.waitForURL(/\/tasks\?/);
    await expect.poll(() => page.getByTestId('task-count').textContent(), { timeout: 15_000 }).toBe(`(${counted})`);
    expect(await page.getByTestId('task-table').getByTestId('task-open').count()).toBe(counted);
  }
});
