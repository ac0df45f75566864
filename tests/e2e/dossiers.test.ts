/**
 * Dossiers in the browser: an export whose headers the system partly does not know is
 * uploaded, its columns mapped by hand (the mapping is saved for the source), the bad
 * row is reported with its line, and the plan's satisfaction target on the dashboard
 * goes from "no data" to a figure.
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
const getJson = <T>(page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), `${base()}${url}`) as Promise<T>;

interface Card {
  asOf: string;
  period: { start: string; end: string };
  targets: Array<{ id: number; indicatorKey: string | null; actual: number | null; status: string }>;
}

/** dd/mm/yyyy HH:mm of a yyyy-mm-dd day shifted by `days`. */
function vnDate(iso: string, days: number, time: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${time}`;
}

async function chooseField(page: Page, header: string, field: string) {
  const row = page.getByTestId('dossier-mapping').locator('tr', { hasText: header });
  await row.locator('.ant-select').click();
  await page.keyboard.type(field);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${field}"]`).click();
}

it('upload a CSV, map its columns, see the scorecard change', async () => {
  const page = await signIn(browser, 'daumoi');
  const before = await getJson<Card>(page, '/api/plans/1/scorecard');
  const target = before.targets.find((t) => t.indicatorKey === 'satisfaction_pct');
  if (!target) throw new Error('the demo plan needs a satisfaction target');
  expect(target.status).toBe('no_data');
  // The plan's own page: the dashboard opens on whichever plan is in force, and another test may issue a second one.
  await page.goto(new URL('/plans/1', page.url()).toString());
  const row = page.getByTestId(`target-${target.id}`);
  await expect.poll(() => row.getByTestId('target-status').textContent(), { timeout: 20_000 }).toBe('Không có dữ liệu');

  // Dossiers of the last few days, so they fall in the plan's period as of today.
  const day = before.asOf;
  const csv = [
    'Số hồ sơ,Kênh tiếp nhận,Ngày nhận,Hạn trả,Ngày kết thúc,Trạng thái,Ý kiến người dân',
    `E2E-1,Trực tuyến toàn trình,${vnDate(day, -5, '08:00')},${vnDate(day, -2, '17:00')},${vnDate(day, -3, '10:00')},Đã giải quyết,Rất hài lòng`,
    `E2E-2,Trực tiếp,${vnDate(day, -5, '09:00')},${vnDate(day, -2, '17:00')},${vnDate(day, -2, '16:00')},Đã giải quyết,Hài lòng`,
    `E2E-3,Trực tiếp,${vnDate(day, -4, '09:00')},${vnDate(day, -2, '17:00')},${vnDate(day, -1, '08:00')},Đã giải quyết,Không hài lòng`,
    `E2E-4,Trực tiếp,31/02/2026 09:00,${vnDate(day, -2, '17:00')},,Đang xử lý,`,
  ].join('\r\n');

  await page.getByTestId('nav-menu').getByText('Hồ sơ TTHC và chỉ số').click();
  await page.getByTestId('dossier-source').fill('mot-cua-e2e');
  await page.locator('input[type=file]').setInputFiles({ name: 'xuat-mot-cua.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`) });
  await page.getByTestId('dossier-mapping').waitFor();
  // Known variants are recognised; the three unknown headers are missing until mapped.
  await page.getByTestId('mapping-missing').getByText('Hình thức nộp, Ngày hẹn trả').waitFor();
  await chooseField(page, 'Kênh tiếp nhận', 'Hình thức nộp');
  await chooseField(page, 'Hạn trả', 'Ngày hẹn trả');
  await chooseField(page, 'Ý kiến người dân', 'Đánh giá');
  await expect.poll(() => page.getByTestId('mapping-missing').count()).toBe(0);
  await page.getByTestId('dossier-load').click();

  const summary = page.getByTestId('ingest-summary');
  await summary.waitFor();
  expect(await summary.textContent()).toContain('thêm mới 3');
  const rejected = page.getByTestId('rejected-rows').locator('tr', { hasText: '31/02/2026' });
  expect(await rejected.locator('td').first().textContent()).toBe('5');

  const saved = await getJson<{ mapping: Record<string, string> }>(page, '/api/communes/1/dossiers/mappings/mot-cua-e2e');
  expect(saved.mapping).toMatchObject({ 'Kênh tiếp nhận': 'channel', 'Hạn trả': 'appointment', 'Ý kiến người dân': 'rating' });

  await page.goto(new URL('/plans/1', page.url()).toString());
  // 2 of 3 rated dossiers satisfied: 66.7 %.
  await expect.poll(() => row.getByTestId('target-actual').textContent(), { timeout: 20_000 }).toBe('66,7');
  // 66.7 % against "tối thiểu 90 %".
  expect(await row.getByTestId('target-status').textContent()).toBe('Chưa đạt');
  await page.screenshot({ path: 'test-results/e2e-dossiers-scorecard.png', fullPage: true });
});
