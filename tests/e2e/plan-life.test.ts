/**
 * A plan's life in the browser (issue 8): the coordinator imports a plan document, edits it (a key
 * target as comparator, value and unit) and submits it; the leader issues it with number, date and
 * signer; a unit proposes moving one of its tasks and another proposal drops one; the coordinator
 * gathers them into an amendment; the leader decides it; version 2 shows what changed.
 * Screenshots at 1440 px go to /tmp/plan-screens.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { chooseOption, launchBrowser, signIn } from './browser';

const SHOTS = '/tmp/plan-screens';
const WIDE = { width: 1440, height: 900 };

/** A small plan as a commune writes it: header, targets, and a task table (tab-separated, as text exports are). */
const DOCUMENT = [
  'ỦY BAN NHÂN DÂN XÃ TIÊN LÃNG',
  'Số: /KH-UBND',
  'Tiên Lãng, ngày 20 tháng 11 năm 2026',
  'KẾ HOẠCH',
  'Tuyên truyền cải cách hành chính trên địa bàn xã Tiên Lãng năm 2026',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Nâng cao nhận thức của cán bộ, công chức và Nhân dân về cải cách hành chính.',
  'II. NHIỆM VỤ',
  '(Danh mục nhiệm vụ tại Phụ lục kèm theo Kế hoạch này).',
  'Phụ lục',
  'DANH MỤC NHIỆM VỤ',
  'TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện/ hoàn thành\tSản phẩm',
  'I. Chỉ đạo điều hành, kiểm tra và tuyên truyền\t\t\t\t\t',
  '1\tCập nhật tin bài về cải cách hành chính trên Cổng thông tin điện tử của xã.\tVăn phòng HĐND và UBND\tCác cơ quan, đơn vị liên quan\tQuý IV/2026\tTin bài',
  '2\tTổ chức hội nghị tuyên truyền cải cách hành chính cho cán bộ thôn.\tPhòng Văn hóa - Xã hội\tCác cơ quan, đơn vị liên quan\tTháng 12/2026\tHội nghị, báo cáo',
  '3\tPhát thanh chuyên đề cải cách hành chính trên hệ thống truyền thanh cơ sở.\tPhòng Văn hóa - Xã hội\tCác cơ quan, đơn vị liên quan\tTháng 12/2026\tChuyên đề phát thanh',
].join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const today = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

/** Types a dd/mm/yyyy date into an Ant Design date picker and confirms it. */
async function pickDate(page: Page, testId: string, date: string) {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Signs in at 1440 px; a step that cannot happen fails in 20 s, naming what it waited for. */
async function person(username: string): Promise<Page> {
  const page = await signIn(browser, username, WIDE);
  page.setDefaultTimeout(20_000);
  return page;
}

async function openPlan(page: Page, planUrl: string) {
  await page.goto(planUrl);
  await page.getByTestId('plan-title').waitFor();
}

it('import → edit → submit → issue → a unit proposes → gathered → decided → version 2 with its differences', async () => {
  const file = `${SHOTS}/ke-hoach-tuyen-truyen.txt`;
  writeFileSync(file, DOCUMENT, 'utf8');

  // The coordinator imports the document and saves the draft.
  const coordinator = await person('daumoi');
  await coordinator.goto(`${inject('baseUrl')}/plans/import`);
  await coordinator.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
  await coordinator.getByTestId('import-review').waitFor({ timeout: 60_000 });
  await coordinator.getByTestId('import-save').click();
  await coordinator.waitForURL(/\/plans\/\d+$/, { timeout: 30_000 });
  const planUrl = coordinator.url();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  await expect.poll(() => coordinator.getByTestId('task-count').innerText(), { timeout: 15_000 }).toMatch(/3\/3/);

  // Edits the draft: a key target "≥ 95 %" as a row of its own, not a truncated line.
  await coordinator.getByTestId('plan-edit').click();
  await coordinator.getByTestId('target-add').click();
  const row = coordinator.getByTestId('target-row').last();
  await row.getByTestId('target-text').fill('Tỷ lệ cán bộ, công chức được tuyên truyền về cải cách hành chính');
  await chooseOption(coordinator, row.getByTestId('target-comparator'), '≥');
  await row.getByTestId('target-value').fill('95');
  await row.locator('[data-testid="target-unit"] input, input[data-testid="target-unit"]').first().fill('%');
  await shot(coordinator, '1-edit-targets');
  await coordinator.getByTestId('plan-edit-save').click();
  await expect.poll(() => coordinator.getByTestId('plan-target-measure').allInnerTexts(), { timeout: 15_000 }).toContain('≥ 95 %');

  await coordinator.getByTestId('plan-submit').click();
  await expect.poll(() => coordinator.getByTestId('plan-submit').count(), { timeout: 15_000 }).toBe(0);
  expect(await coordinator.getByTestId('plan-edit').count()).toBe(0);

  // The leader issues it with number, date and signer.
  const leader = await person('chutich');
  await openPlan(leader, planUrl);
  await leader.getByTestId('plan-issue').click();
  await leader.getByTestId('issue-number').fill('131/KH-UBND');
  await pickDate(leader, 'issue-date', today());
  await leader.getByTestId('issue-signer').fill('Phạm Văn Giang');
  await leader.locator('#plan-issue-ok').click();
  await expect.poll(() => leader.getByTestId('plan-version').count(), { timeout: 15_000 }).toBe(1);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  expect(await leader.getByTestId('plan-number').innerText()).toContain('131/KH-UBND');
  expect(await leader.getByTestId('plan-issue').count()).toBe(0);

  // A unit head proposes moving the task his office leads, from the row's menu.
  const unit = await person('truongvp');
  await openPlan(unit, planUrl);
  expect(await unit.getByTestId('amendment-gather').count()).toBe(0);
  const officeTask = unit.getByTestId('task-table').locator('tr', { hasText: 'Cập nhật tin bài' });
  await officeTask.getByTestId('task-propose').click();
  await unit.getByRole('menuitem', { name: 'Đổi thời gian thực hiện' }).click();
  await unit.getByTestId('proposal-timeframe').fill('Tháng 12/2026');
  await unit.getByTestId('proposal-reason').fill('Chờ hoàn thiện giao diện mới của Cổng thông tin điện tử');
  await shot(unit, '2-propose-reschedule');
  await unit.getByTestId('proposal-send').click();
  await expect.poll(() => unit.getByTestId('proposal-form').count(), { timeout: 15_000 }).toBe(0);

  // The coordinator proposes dropping another, then gathers both into an amendment.
  await openPlan(coordinator, planUrl);
  const radioTask = coordinator.getByTestId('task-table').locator('tr', { hasText: 'Phát thanh chuyên đề' });
  await radioTask.getByTestId('task-propose').click();
  await coordinator.getByRole('menuitem', { name: 'Bỏ nhiệm vụ' }).click();
  await coordinator.getByTestId('proposal-reason').fill('Đã lồng ghép vào chuyên đề phát thanh của Trung tâm Dịch vụ sự nghiệp công');
  await coordinator.getByTestId('proposal-send').click();
  await expect.poll(() => coordinator.getByTestId('proposal-form').count(), { timeout: 15_000 }).toBe(0);
  await coordinator.getByRole('tab', { name: 'Điều chỉnh' }).click();
  await expect.poll(() => coordinator.getByTestId('pending-proposal').count(), { timeout: 15_000 }).toBe(2);
  await coordinator.getByTestId('pending-proposals').locator('thead .ant-checkbox-input').check();
  await shot(coordinator, '3-pending-proposals');
  await coordinator.getByTestId('amendment-gather').click();
  await coordinator.getByTestId('gather-title').fill('Điều chỉnh Kế hoạch tuyên truyền lần 1');
  await coordinator.getByTestId('gather-save').click();
  await expect.poll(() => coordinator.getByTestId('amendment').count(), { timeout: 15_000 }).toBe(1);
  expect(await coordinator.getByTestId('amendment-decide').count()).toBe(0);

  // The leader decides it, citing the deciding document.
  await openPlan(leader, planUrl);
  await leader.getByRole('tab', { name: 'Điều chỉnh' }).click();
  await leader.getByTestId('amendment-decide').click();
  await leader.getByTestId('decide-number').fill('245/QĐ-UBND');
  await pickDate(leader, 'decide-date', today());
  await shot(leader, '4-decide');
  await leader.getByTestId('decide-save').click();
  await expect.poll(() => leader.getByTestId('amendment-decided').count(), { timeout: 15_000 }).toBe(1);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  expect(await leader.getByTestId('plan-version').innerText()).toContain('2');

  // Version 2 and what changed since version 1, as anyone of the commune reads it.
  await openPlan(unit, planUrl);
  await unit.getByRole('tab', { name: 'Phiên bản' }).click();
  await unit.getByTestId('versions-table').waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  const versions = await unit.getByTestId('versions-table').innerText();
  expect(versions).toContain('131/KH-UBND');
  expect(versions).toContain('245/QĐ-UBND');
  await unit.getByTestId('version-diff').waitFor({ timeout: 15_000 });
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  const rescheduled = await unit.getByTestId('diff-rescheduled').innerText();
  expect(rescheduled).toContain('Cập nhật tin bài');
  expect(rescheduled).toMatch(/Quý IV\/2026[\s\S]*Tháng 12\/2026/);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  expect(await unit.getByTestId('diff-removed').innerText()).toContain('Phát thanh chuyên đề');
  await shot(unit, '5-versions-diff');

  // The task list now is version 2: two tasks, the moved one with its new time frame.
  await unit.getByRole('tab', { name: 'Nhiệm vụ' }).click();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  await expect.poll(() => unit.getByTestId('task-count').innerText(), { timeout: 15_000 }).toMatch(/2\/2/);
  await shot(unit, '6-tasks-version-2');
  // Nothing overflows the page at 1440 px.
  expect(await unit.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
}, 480_000);
