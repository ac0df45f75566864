/**
 * Settings and records of issue 9 on screen: the coordinator changes and saves the commune's reminder rules
 * (the city reviewer only reads them); the change log names the units and people a change refers to.
 */
import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { connectDatabase, type Database } from '../../src/server/db';
import { chooseOption, launchBrowser, signIn } from './browser';

let browser: Browser;
let database: Database;
beforeAll(async () => {
  browser = await launchBrowser();
  database = connectDatabase(inject('databaseUrl'));
});
afterAll(async () => {
  await browser?.close();
  await database?.close();
});

interface Settings {
  beforeDueWorkingDays: number;
  weeklyDay: number;
  weeklySummary: boolean;
  canEdit: boolean;
}

it('the coordinator changes the reminder rules and sees them saved; the city reviewer reads them only', async () => {
  const page = await signIn(browser, 'daumoi');
  const me = (await (await page.request.get(`${inject('baseUrl')}/api/auth/me`)).json()) as { user: { communeId: number } };
  const url = `${inject('baseUrl')}/api/communes/${me.user.communeId}/reminder-settings`;
  const original = (await (await page.request.get(url)).json()) as Settings;

  await page.getByTestId('nav-menu').getByText('Quy tắc nhắc việc').click();
  const form = page.getByTestId('reminder-settings-form');
  await form.waitFor();
  expect(await page.getByTestId('reminder-due-soon').textContent()).toMatch(/\d+ ngày làm việc/);
  expect(await page.getByTestId('reminder-read-only').count()).toBe(0);
  await page.getByTestId('reminder-beforeDueWorkingDays').fill(String(original.beforeDueWorkingDays + 2));
  await chooseOption(page, page.getByTestId('reminder-weeklyDay'), 'Thứ Tư');
  await page.getByTestId('reminder-weeklySummary').click();
  await page.getByTestId('reminder-save').click();
  await page.getByText('Đã lưu quy tắc nhắc việc.', { exact: false }).waitFor();
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/e2e-reminder-settings.png', fullPage: true });
  const saved = (await (await page.request.get(url)).json()) as Settings;
  expect(saved).toMatchObject({ beforeDueWorkingDays: original.beforeDueWorkingDays + 2, weeklyDay: 3, weeklySummary: !original.weeklySummary });
  await page.reload();
  await expect.poll(() => page.getByTestId('reminder-beforeDueWorkingDays').inputValue(), { timeout: 15_000 }).toBe(String(original.beforeDueWorkingDays + 2));
  // Leave the demo commune's rules as they were for the other end-to-end tests.
  const { canEdit: _canEdit, ...input } = original;
  expect((await page.request.put(url, { data: input })).status()).toBe(200);

  const reviewer = await signIn(browser, 'sonoivu');
  await reviewer.goto(`${inject('baseUrl')}/reminder-settings`);
  await reviewer.getByTestId('reminder-read-only').waitFor();
  expect(await reviewer.getByTestId('reminder-save').count()).toBe(0);
  expect(await reviewer.getByTestId('reminder-beforeDueWorkingDays').isDisabled()).toBe(true);
});

it('the change log shows unit and person names in a change’s details, not ids', async () => {
  // A lead-unit change with an assignee, as the task edit writes it (straight to the log: the demo plans are issued).
  const [ids] = (
    await database.db.execute(sql`
      SELECT t.id AS task, t.commune_id AS commune, c.city_id AS city, vp.id AS vp, hcc.id AS hcc, u.id AS staff
      FROM tasks t JOIN communes c ON c.id = t.commune_id
      JOIN units vp ON vp.commune_id = c.id AND vp.name = 'Văn phòng HĐND và UBND'
      JOIN units hcc ON hcc.commune_id = c.id AND hcc.name = 'Trung tâm Phục vụ hành chính công'
      JOIN users u ON u.username = 'canbovp' AND u.commune_id = c.id
      ORDER BY t.id LIMIT 1`)
  ).rows as { task: number; commune: number; city: number; vp: number; hcc: number; staff: number }[];
  await database.db.execute(sql`
    INSERT INTO audit_log (city_id, commune_id, entity, entity_id, action, before, after)
    VALUES (${ids.city}, ${ids.commune}, 'task', ${ids.task}, 'update',
      ${JSON.stringify({ leadUnitIds: [ids.vp], assigneeIds: [] })}::jsonb, ${JSON.stringify({ leadUnitIds: [ids.hcc], assigneeIds: [ids.staff] })}::jsonb)`);

  const page = await signIn(browser, 'chutich');
  await page.goto(`${inject('baseUrl')}/admin/audit`);
  const table = page.getByTestId('audit-table');
  await table.locator('.ant-table-row-expand-icon').first().click();
  const diff = page.getByTestId('audit-diff').first();
  await diff.waitFor();
  const text = await diff.textContent();
  expect(text).toContain('Cơ quan chủ trì');
  expect(text).toContain('Văn phòng HĐND và UBND');
  expect(text).toContain('Trung tâm Phục vụ hành chính công');
  expect(text).toContain('Đỗ Thị Cán');
  expect(text).not.toContain('(mã)');
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/e2e-audit-names.png' });
  expect(text).not.toMatch(new RegExp(`\\b${ids.hcc}\\b`));
});
