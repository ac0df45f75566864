/**
 * One quarter in the browser: the unit submits, the coordinator returns it, the unit resubmits,
 * it is accepted and consolidated, the leader approves and sends, the city sees it on time and
 * in the comparison table, and the report is exported.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const base = () => inject('baseUrl');
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
const statusOf = (page: Page) => page.getByTestId('report-status').first().innerText();
const fetchJson = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ({ method, url, body }) => {
      const response = await fetch(url, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
      return { status: response.status, type: response.headers.get('content-type'), data: response.headers.get('content-type')?.includes('json') ? await response.json() : null };
    },
    { method, url: `${base()}${url}`, body },
  );

// About 4 minutes on a loaded 2-core machine (load average 18): more than the suite's 90 s default.
it('one quarter from the unit to the city', { timeout: 300_000 }, async () => {
  const coordinator = await signIn(browser, 'daumoi');
  await coordinator.goto(`${base()}/reports`);
  await coordinator.getByTestId('make-periods').click();
  await coordinator.getByText('Quý III năm 2026').waitFor();
  // The deadlines are edited on screen; far ahead, so "on time" does not depend on the day the test runs.
  await coordinator.getByTestId('edit-period-2026-Q3').click();
  for (const [testId, date] of [
    ['period-unit-deadline', '05/12/2099'],
    ['period-commune-deadline', '10/12/2099'],
  ]) {
    const input = coordinator.getByTestId(testId).locator('xpath=descendant-or-self::input');
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }
  await coordinator.getByTestId('period-save').click();
  await coordinator.locator('tr', { hasText: 'Quý III năm 2026' }).getByText('10/12/2099').waitFor();

  const unit = await signIn(browser, 'truongvp');
  await unit.goto(`${base()}/reports`);
  await unit.getByTestId('open-unit-2026-Q3').click();
  await unit.waitForURL(/\/reports\/\d+$/);
  const unitReportUrl = unit.url();
  await unit.getByTestId('figure-A3.hs_tiep_nhan').locator('xpath=descendant-or-self::input').fill('10');
  await unit.getByTestId('narrative-A1.ket_qua').fill('Tham mưu ban hành kế hoạch CCHC');
  await unit.getByTestId('report-save').click();
  await unit.getByText('Đã lưu.').waitFor();
  await unit.getByTestId('report-submit').click();
  await expect.poll(() => statusOf(unit)).toBe('Đã gửi');

  await coordinator.goto(unitReportUrl);
  await coordinator.getByTestId('report-return').click();
  await coordinator.getByTestId('return-comment').fill('Bổ sung số hồ sơ giải quyết');
  await coordinator.getByTestId('return-ok').click();
  await expect.poll(() => statusOf(coordinator)).toBe('Bị trả lại');

  await unit.reload();
  await unit.getByText('Bổ sung số hồ sơ giải quyết').waitFor();
  await unit.getByTestId('figure-A3.hs_giai_quyet').locator('xpath=descendant-or-self::input').fill('9');
  await unit.getByTestId('report-save').click();
  await unit.getByText('Đã lưu.').waitFor();
  await unit.getByTestId('report-submit').click();
  await expect.poll(() => statusOf(unit)).toBe('Đã gửi');

  await coordinator.reload();
  await coordinator.getByTestId('report-accept').click();
  await expect.poll(() => statusOf(coordinator)).toBe('Đã chấp nhận');
  await coordinator.goto(`${base()}/reports`);
  await coordinator.getByTestId('consolidate-2026-Q3').click();
  await coordinator.waitForURL(/\/reports\/\d+$/);
  const communeReportUrl = coordinator.url();
  expect(await coordinator.getByTestId('narrative-A1.ket_qua').inputValue()).toBe('Văn phòng HĐND và UBND: Tham mưu ban hành kế hoạch CCHC');

  const leader = await signIn(browser, 'chutich');
  await leader.goto(communeReportUrl);
  await leader.getByTestId('report-approve').click();
  await expect.poll(() => statusOf(leader)).toBe('Đã phê duyệt');
  await leader.getByTestId('report-send').click();
  await expect.poll(() => statusOf(leader)).toBe('Đã gửi thành phố');

  const city = await signIn(browser, 'sonoivu');
  await city.goto(`${base()}/reports?code=2026-Q3`);
  const row = city.getByTestId('city-communes').locator('tr', { hasText: 'Tiên Lãng' });
  await row.getByText('Đúng hạn').waitFor();
  const compare = city.getByTestId('city-compare');
  await compare.locator('tr', { hasText: 'Tổng số hồ sơ TTHC tiếp nhận' }).getByText('10').waitFor();
  await city.screenshot({ path: 'test-results/e2e-reports-city.png', fullPage: true });

  const id = communeReportUrl.split('/').pop();
  const docx = await fetchJson(city, 'GET', `/api/reports/${id}/export.docx`);
  expect(docx.status).toBe(200);
  expect(docx.type).toContain('wordprocessingml');
});
