/**
 * One CCHC inspection in the browser (issue 13): the coordinator plans it with a team and a visit,
 * the unit sees the notice and sends its self-report, a team member fills the checklist on a phone —
 * one item chưa đạt with a request, one edit made without a connection and kept across a reload —
 * the team leader concludes, the unit reports the fix, the team accepts it and the finding is closed.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

const SHOTS = '/tmp/insp-web';
const base = () => inject('baseUrl');
const UNIT = 'Văn phòng HĐND và UBND';
const REQUEST = 'Ban hành kế hoạch tuyên truyền CCHC 6 tháng cuối năm 2025';
const OFFLINE_COMMENT = 'Hồ sơ lưu đầy đủ tại bộ phận một cửa';

/** Today in Hà Nội as the date pickers type it. */
const todayVn = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

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

  // 2. The unit sees the notice and sends its self-report on the outline.
  const unit = await signIn(browser, 'truongvp', { width: 1440, height: 900 });
  await unit.goto(`${base()}/inspections`);
  await unit.getByTestId('inspections-table').getByTestId('inspection-link').first().click();
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
