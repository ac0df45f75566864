/**
 * One CCHC inspection in the browser (issue 13): the coordinator plans it with a team and a visit,
 * the unit sees the notice and sends its self-report, a team member fills the checklist on a phone —
 * one item chưa đạt with a request, one edit made without a connection and kept across a reload —
 * the team leader concludes, the unit reports the fix, the team accepts it and the finding is closed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { docxToPdf } from '../../src/documents/test-helpers';
import { launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

const SHOTS = '/tmp/insp-e2e';
const base = () => inject('baseUrl');
const UNIT = 'Văn phòng HĐND và UBND';
const REQUEST = 'Ban hành kế hoạch tuyên truyền CCHC 6 tháng cuối năm 2025';
const OFFLINE_COMMENT = 'Hồ sơ lưu đầy đủ tại bộ phận một cửa';

/** A day in Hà Nội (today + `days`) as the date pickers type it. */
const dayVn = (days = 0) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + days * 86_400_000));
const todayVn = () => dayVn(0);

/** A generated .docx as LibreOffice renders it: converted to PDF, its text with the line breaks folded. */
function docxText(bytes: Buffer, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'insp-e2e-'));
  docxToPdf(dir, name, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, `${name}.pdf`), join(SHOTS, name)]);
  return execFileSync('pdftotext', [join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function pickDate(page: Page, testId: string, date: string) {
  const input = page.getByTestId(testId).locator('xpath=descendant-or-self::input');
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Types into a searchable select and takes the first match (the list moves while it opens). */
async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).locator('input').fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().waitFor();
  await page.keyboard.press('Enter');
}

const getJson = (page: Page, url: string) =>
  page.evaluate(async (u) => {
    const response = await fetch(u);
    return { status: response.status, data: response.headers.get('content-type')?.includes('json') ? await response.json() : null };
  }, `${base()}${url}`);

it('from the plan to a closed finding', { timeout: 480_000 }, async () => {
  // 1. The coordinator plans the inspection, with a team from two units and a visit today (the date rules warn).
  const coordinator = await signIn(browser, 'daumoi', { width: 1440, height: 900 });
  await coordinator.goto(`${base()}/inspections`);
  await coordinator.getByTestId('plan-new').click();
  await coordinator.getByTestId('plan-title').fill('Kiểm tra công tác cải cách hành chính nhà nước 6 tháng cuối năm');
  await pickDate(coordinator, 'plan-review-from', '01/07/2026');
  await coordinator.getByTestId('plan-reviewed').click();
  await coordinator.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await choose(coordinator, 'team-leader', 'Bùi Văn Kiểm');
  await choose(coordinator, 'team-members', 'Trung tâm Phục vụ hành chính công');
  await coordinator.keyboard.press('Escape');
  await coordinator.getByTestId('plan-save').click();
  await coordinator.waitForURL(/\/inspections\/plans\/\d+$/);
  await coordinator.getByTestId('plan-team').getByText('Bùi Văn Kiểm').waitFor();
  await choose(coordinator, 'schedule-unit', UNIT);
  await pickDate(coordinator, 'schedule-date', todayVn());
  // A visit today: the notice can no longer go out 5 days before — warned before saving, not refused.
  await coordinator.getByTestId('schedule-warnings').waitFor();
  await coordinator.getByTestId('schedule-save').click();
  const row = coordinator.getByTestId('plan-schedule').locator('tr', { hasText: UNIT });
  await row.waitFor();
  await coordinator.screenshot({ path: `${SHOTS}/plan-1440.png`, fullPage: true });
  await row.getByTestId('inspection-link').click();
  await coordinator.waitForURL(/\/inspections\/\d+$/);
  const inspectionUrl = coordinator.url();
  const inspectionId = Number(inspectionUrl.split('/').pop());
  await coordinator.getByTestId('inspection-notify').click();
  await coordinator.getByTestId('inspection-notice').waitFor();

  // 1b. A surprise visit to the same unit tomorrow: the unit must not learn of it before it starts.
  await coordinator.goBack();
  await coordinator.waitForURL(/\/inspections\/plans\/\d+$/);
  await choose(coordinator, 'schedule-unit', UNIT);
  await pickDate(coordinator, 'schedule-date', dayVn(1));
  await coordinator.getByTestId('schedule-surprise').click();
  await coordinator.getByTestId('schedule-save').click();
  const surpriseRow = coordinator.getByTestId('plan-schedule').locator('tr', { hasText: 'không báo trước' });
  await surpriseRow.waitFor();
  const surpriseId = Number((await surpriseRow.getByTestId('inspection-link').getAttribute('href'))?.split('/').pop());
  expect(surpriseId).toBeGreaterThan(inspectionId);

  // 2. The unit sees the notice and sends its self-report on the outline.
  const unit = await signIn(browser, 'truongvp', { width: 1440, height: 900 });
  await unit.goto(`${base()}/inspections`);
  // The notified inspection is listed; the surprise one of tomorrow is neither listed nor reachable.
  await unit.getByTestId('inspections-table').getByTestId('inspection-link').first().waitFor();
  const unitList = await unit.getByTestId('inspections-table').textContent();
  expect(unitList).toContain(todayVn());
  expect(unitList).not.toContain(dayVn(1));
  expect(unitList).not.toContain('không báo trước');
  expect((await getJson(unit, `/api/inspections/${surpriseId}`)).status).not.toBe(200);
  expect((await getJson(coordinator, `/api/inspections/${surpriseId}`)).data?.surprise).toBe(true);
  await unit.getByTestId('inspections-table').locator('tr', { hasText: todayVn() }).getByTestId('inspection-link').click();
  await unit.getByTestId('inspection-notice').waitFor();
  const selfReport = unit.getByTestId('self-report');
  await selfReport.waitFor();
  await unit.screenshot({ path: `${SHOTS}/unit-inspection-1440.png`, fullPage: true });
  await selfReport.locator('textarea[data-testid^="narrative-"]').first().fill('Đã ban hành kế hoạch CCHC và phân công thực hiện.');
  await selfReport.getByTestId('report-save').click();
  await unit.getByText('Đã lưu.').first().waitFor();
  await selfReport.getByTestId('report-submit').click();
  await expect.poll(async () => (await getJson(unit, `/api/inspections/${inspectionId}`)).data?.status).toBe('self_reported');

  // 3. A team member fills the checklist on a phone; the second item is judged without a connection.
  const memberContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', hasTouch: true, isMobile: true });
  const member = await memberContext.newPage();
  await member.goto(`${base()}/login`);
  await member.getByTestId('login-username').fill('giamdochcc');
  await member.getByTestId('login-password').fill('CaiCach#HanhChinh2026');
  await member.getByTestId('login-submit').click();
  await member.locator('[data-testid="dashboard-title"], [data-testid="my-work-title"]').first().waitFor();
  await member.goto(`${base()}/inspections/${inspectionId}/checklist`);
  const items = member.locator('.checklist-item');
  await items.first().waitFor();
  await member.screenshot({ path: `${SHOTS}/checklist-390-first-screen.png` });
  await items.nth(0).getByText('Chưa đạt', { exact: true }).click();
  await items.nth(0).getByTestId('item-request').fill(REQUEST);
  await expect.poll(() => member.getByTestId('sync-status').textContent()).toBe('Đã lưu');
  // The shell's worker is in place before the connection drops, as it would be after the first visit.
  await member.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => member.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await memberContext.setOffline(true);
  await items.nth(1).getByText('Đạt', { exact: true }).click();
  await items.nth(1).getByTestId('item-comment').fill(OFFLINE_COMMENT);
  await member.getByText('Chưa đồng bộ 1 mục').waitFor();
  await member.screenshot({ path: `${SHOTS}/checklist-phone-offline.png`, fullPage: true });
  await member.reload();
  await member.getByText('Chưa đồng bộ 1 mục').waitFor();
  expect(await member.locator('.checklist-item').nth(1).getByTestId('item-comment').inputValue()).toBe(OFFLINE_COMMENT);
  const beforeSync = await coordinator.evaluate(async (u) => (await (await fetch(u)).json()) as { checklist: { comment: string }[] }, `${base()}/api/inspections/${inspectionId}`);
  expect(beforeSync.checklist.some((i) => i.comment === OFFLINE_COMMENT)).toBe(false);
  await memberContext.setOffline(false);
  await expect.poll(() => member.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toBe('Đã lưu');
  const afterSync = await getJson(coordinator, `/api/inspections/${inspectionId}`);
  expect(afterSync.data.checklist.find((i: { comment: string }) => i.comment === OFFLINE_COMMENT)?.result).toBe('dat');
  expect(afterSync.data.checklist.find((i: { request: string | null }) => i.request === REQUEST)?.result).toBe('chua_dat');
  await member.screenshot({ path: `${SHOTS}/checklist-phone.png`, fullPage: true });

  // 4. The team leader concludes; the chưa đạt item becomes a finding of the unit.
  const leader = await signIn(browser, 'kiemtra', { width: 1440, height: 900 });
  await leader.goto(`${base()}/inspections/${inspectionId}/checklist`);
  await leader.locator('.checklist-item').first().waitFor();
  await leader.screenshot({ path: `${SHOTS}/checklist-1440-first-screen.png` });
  // The conclusion needs every item judged: the leader marks the rest đạt.
  const all = leader.locator('.checklist-item');
  const count = await all.count();
  for (let i = 2; i < count; i++) await all.nth(i).getByText('Đạt', { exact: true }).click();
  await expect.poll(() => leader.getByTestId('sync-status').textContent(), { timeout: 60_000 }).toBe('Đã lưu');
  await leader.screenshot({ path: `${SHOTS}/checklist-1440.png`, fullPage: true });
  await leader.goto(inspectionUrl);
  await leader.getByTestId('inspection-conclude').click();
  await leader.getByTestId('conclude-text').fill('Đơn vị triển khai cơ bản đầy đủ các nhiệm vụ CCHC; còn một nội dung phải khắc phục.');
  await leader.getByTestId('conclude-ok').click();
  await leader.getByTestId('inspection-status').getByText('Đã kết luận').waitFor();
  await leader.getByTestId('findings-table').getByText(REQUEST).waitFor();

  // 4b. The conclusion notice and the minutes as LibreOffice renders them name the unit and the request.
  const conclusion = await leader.request.get(`${base()}/api/inspections/${inspectionId}/conclusion.docx`);
  expect(conclusion.status()).toBe(200);
  const notice = docxText(await conclusion.body(), 'conclusion');
  expect(notice).toContain('THÔNG BÁO');
  // The Nghị định 30 title: "THÔNG BÁO" in capitals, "Kết luận kiểm tra …" under it in sentence case.
  expect(notice).toMatch(/THÔNG BÁO Kết luận kiểm tra/);
  expect(notice).toContain(UNIT);
  expect(notice).toContain(REQUEST);
  const minutes = await leader.request.get(`${base()}/api/inspections/${inspectionId}/minutes.docx`);
  expect(minutes.status()).toBe(200);
  const minutesText = docxText(await minutes.body(), 'minutes');
  expect(minutesText).toContain('BIÊN BẢN');
  expect(minutesText).toContain(UNIT);

  // 5. The unit reports the fix; the team accepts it; the finding is closed.
  await unit.goto(`${base()}/inspections/findings`);
  const finding = unit.getByTestId('findings-table').locator('tr', { hasText: REQUEST });
  await finding.getByTestId('finding-report-fix').click();
  await unit.getByTestId('fix-text').fill('Đã ban hành Kế hoạch tuyên truyền CCHC số 12/KH-VP.');
  await unit.getByTestId('fix-send').click();
  await finding.getByText('Đã báo cáo khắc phục').waitFor();

  await leader.goto(`${base()}/inspections/findings`);
  const reviewed = leader.getByTestId('findings-table').locator('tr', { hasText: REQUEST });
  await reviewed.getByTestId('finding-accept').click();
  await leader.getByTestId('review-ok').click();
  await reviewed.getByText('Đã khắc phục').waitFor();
  const closed = await getJson(leader, `/api/inspections/${inspectionId}`);
  expect(closed.data.findings.map((f: { status: string }) => f.status)).toEqual(['accepted']);
  await leader.screenshot({ path: `${SHOTS}/findings-1440.png`, fullPage: true });
  await memberContext.close();
});

it('imports an inspection plan from its document (seed 003) and saves it', { timeout: 240_000 }, async () => {
  const seed = resolve('fixtures/seeds/003_76d4f97bdc777d45.txt');
  const page = await signIn(browser, 'daumoi', { width: 1440, height: 900 });
  // The plan importer refuses it and points to the inspection-plan import.
  await page.goto(`${base()}/plans/import`);
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(seed);
  await page.getByTestId('import-error').getByText('Nhập kế hoạch kiểm tra').first().waitFor();
  await page.getByTestId('import-to-inspection').click();
  await page.waitForURL(/\/inspections\/plans\/import$/);

  await page.getByTestId('insp-import-upload').locator('input[type=file]').setInputFiles(seed);
  await page.getByTestId('insp-import-save').waitFor();
  // The title and the review window were read from the text; the blank number is flagged, not invented.
  expect(await page.getByTestId('insp-import-title').inputValue()).toContain('Kiểm tra công tác cải cách hành chính');
  expect(await page.getByTestId('read-title').getAttribute('data-confidence')).toBe('found');
  expect(await page.getByTestId('read-number').getAttribute('data-confidence')).not.toBe('found');
  expect(await page.locator('.insp-read-flagged').count()).toBeGreaterThan(0);
  expect(await page.getByTestId('read-reviewWindow').textContent()).toMatch(/01\/0?7\/2025/);
  await page.getByTestId('insp-import-number').fill('45/KH-UBND');
  await page.screenshot({ path: `${SHOTS}/import-review-1440.png` });
  await page.getByTestId('insp-import-save').click();
  await page.waitForURL(/\/inspections\/plans\/\d+$/);
  await page.getByTestId('inspection-plan-title').waitFor();
  const planId = Number(page.url().split('/').pop());
  const saved = await getJson(page, `/api/inspection-plans/${planId}`);
  expect(saved.data.number).toBe('45/KH-UBND');
  expect(saved.data.reviewFrom).toBe('2025-07-01');
  expect(saved.data.year).toBe(2025);
});
