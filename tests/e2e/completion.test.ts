/**
 * The daily loop of issue 9, end to end: a staff member is reminded of a task (the reminder sweep
 * run at a fixed date, as the job does), opens it from the bell, reports it done with its product;
 * it waits for confirmation and is not counted; the coordinator confirms it and the dashboard counts it.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/dates';
import { dateInVietnam } from '../../src/server/clock';
import { connectDatabase, type Database } from '../../src/server/db';
import { createMailer } from '../../src/server/mail/mailer';
import { runReminders } from '../../src/server/reminders/service';
import { chooseOption, cspViolations, kpi, launchBrowser, signIn } from './browser';

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

const rows = async <T>(query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows as T[];

it('staff reminded → opens the task from the bell → reports done with its product → coordinator confirms → the dashboard counts it', async () => {
  const today = dateInVietnam(new Date());
  const staff = await signIn(browser, 'canbovp');
  const dashboard = (await (await staff.request.get(`${inject('baseUrl')}/api/dashboard`)).json()) as { plan: { id: number } };

  // A task of the staff member's unit in the plan the dashboard shows, open and never reported on: due in two days,
  // with a named product, assigned to them (the coordinator's everyday edit, written straight to the database).
  const [task] = await rows<{ id: number; content: string }>(sql`
    SELECT t.id, t.content FROM tasks t
    JOIN task_units tu ON tu.commune_id = t.commune_id AND tu.task_id = t.id AND tu.role = 'lead'
    JOIN units u ON u.id = tu.unit_id AND u.name = 'Văn phòng HĐND và UBND'
    WHERE t.plan_id = ${dashboard.plan.id} AND t.done_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM task_occurrence_completions c WHERE c.task_id = t.id)
    ORDER BY t.id LIMIT 1`);
  expect(task).toBeDefined();
  const [staffUser] = await rows<{ id: number; commune_id: number }>(sql`SELECT id, commune_id FROM users WHERE username = 'canbovp'`);
  await database.db.execute(sql`UPDATE tasks SET due_override = ${addDays(today, 2)}, product = 'Báo cáo kết quả thực hiện', progress = 0 WHERE id = ${task.id}`);
  await database.db.execute(sql`INSERT INTO task_assignees (commune_id, task_id, user_id) VALUES (${staffUser.commune_id}, ${task.id}, ${staffUser.id}) ON CONFLICT DO NOTHING`);

  const mailer = createMailer({ smtpUrl: null, mailFrom: 'CCHC <cchc@test.local>', outboxDir: mkdtempSync(path.join(tmpdir(), 'cchc-e2e-outbox-')) });
  const sent = await runReminders(database.db, { asOf: today, mailer, publicUrl: inject('baseUrl') });
  mailer.close();
  expect(sent.filter((s) => s.taskId === task.id && s.recipient === 'canbovp' && s.channel === 'in_app').map((s) => s.rule)).toEqual(['before_due']);

  // The staff member sees it in the bell and opens the task from it.
  await staff.reload();
  await staff.getByTestId('notification-bell').click();
  const notice = staff.getByTestId('notification-item').filter({ hasText: task.content.slice(0, 40) });
  await notice.first().click();
  const drawer = staff.getByTestId('task-drawer');
  await expect.poll(() => drawer.getByTestId('task-content').textContent(), { timeout: 15_000 }).toBe(task.content);

  // Done without the product is refused in the form; with the uploaded file it is reported and waits.
  await drawer.getByTestId('progress-done').click();
  await drawer.getByText('Nhiệm vụ yêu cầu sản phẩm: chọn tệp đã tải lên hoặc nhập đường dẫn.').waitFor();
  const chooser = staff.waitForEvent('filechooser');
  await drawer.getByTestId('file-upload').click();
  await (await chooser).setFiles({ name: 'bao-cao-ket-qua-thuc-hien.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% báo cáo kết quả\n%%EOF\n') });
  await expect.poll(() => drawer.getByTestId('file-link').filter({ hasText: 'bao-cao-ket-qua-thuc-hien.pdf' }).count(), { timeout: 15_000 }).toBe(1);
  await chooseOption(staff, drawer.getByTestId('progress-evidence-file'), 'bao-cao-ket-qua-thuc-hien.pdf');
  await drawer.getByTestId('progress-done').click();
  await expect.poll(() => drawer.getByTestId('status-tag').first().textContent(), { timeout: 15_000 }).toBe('Chờ xác nhận');
  expect(await drawer.getByTestId('confirm-done').count()).toBe(0); // a unit never confirms its own work
  mkdirSync('test-results', { recursive: true });
  await staff.screenshot({ path: 'test-results/e2e-completion-staff.png' });

  // The coordinator finds it waiting on the dashboard, not yet counted, checks the product and confirms.
  const coordinator = await signIn(browser, 'daumoi');
  const doneBefore = await kpi(coordinator, 'done');
  const waiting = coordinator
    .getByTestId('list-awaiting-confirmation')
    .getByTestId('task-open')
    .filter({ hasText: task.content.slice(0, 40) });
  await waiting.first().click();
  const panel = coordinator.getByTestId('task-drawer').getByTestId('confirmation-panel');
  await expect.poll(() => panel.getByTestId('evidence-file').textContent(), { timeout: 15_000 }).toBe('bao-cao-ket-qua-thuc-hien.pdf');
  await panel.getByTestId('confirm-done').click();
  await expect.poll(() => coordinator.getByTestId('task-drawer').getByTestId('status-tag').first().textContent(), { timeout: 15_000 }).toMatch(/^Hoàn thành/);
  await coordinator.keyboard.press('Escape');
  await expect.poll(() => kpi(coordinator, 'done'), { timeout: 15_000 }).toBe(doneBefore + 1);
  expect(
    await coordinator
      .getByTestId('list-awaiting-confirmation')
      .getByTestId('task-open')
      .filter({ hasText: task.content.slice(0, 40) })
      .count(),
  ).toBe(0);
  await coordinator.screenshot({ path: 'test-results/e2e-completion-dashboard.png', fullPage: true });
  expect(cspViolations(staff)).toEqual([]);
  expect(cspViolations(coordinator)).toEqual([]);
});
