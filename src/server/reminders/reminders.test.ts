import { execFile } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../db';
import { createMailer, type Mailer } from '../mail/mailer';
import { createTestContext, json, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildTask, buildUnit, buildUser, call, countRows } from '../test/factories';
import { type SmtpCatcher, startSmtpCatcher } from '../test/smtp-catcher';
import { runReminders, type SentReminder } from './service';

let ctx: TestContext;
let smtp: SmtpCatcher;
let taskId: number;
let commune: Awaited<ReturnType<typeof buildCommune>>;
/** The coordinator who files the task, the head of its lead unit (giamdochcc) and the head of another unit (truongvp). */
let coordinator: BuiltUser;
let hccHead: BuiltUser;
let officeHead: BuiltUser;

let mailer: Mailer;

const run = (asOf: string, db = ctx.db) => runReminders(db, { asOf, mailer, publicUrl: 'http://cchc.test' });
const key = (s: SentReminder) => `${s.rule}|${s.taskId}|${s.occurrenceDue}|${s.recipient}|${s.channel}`;

beforeAll(async () => {
  ctx = await createTestContext();
  smtp = await startSmtpCatcher();
  mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'CCHC <cchc@test.local>', outboxDir: '/nonexistent' });
  commune = await buildCommune(ctx, { name: 'Tiên Thử' });
  const hcc = await buildUnit(ctx, commune, { name: 'Trung tâm Phục vụ hành chính công' });
  const vanPhong = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  hccHead = await buildUser(ctx, { role: 'unit_head', commune, unit: hcc, username: 'giamdochcc', email: 'giamdochcc@xa.test' });
  officeHead = await buildUser(ctx, { role: 'unit_head', commune, unit: vanPhong, username: 'truongvp', email: 'truongvp@xa.test' });
  // Tasks due on Thursdays and a Friday, so that three working days before each falls on a day the timeline below runs:
  // 4/12 → Tuesday 1/12, 10/12 (another unit) → Monday 7/12, 17/12 → Monday 14/12, 24/12 → Monday 21/12.
  for (const [due, lead] of [
    ['04/12/2026', hcc],
    ['10/12/2026', vanPhong],
    ['17/12/2026', hcc],
    ['24/12/2026', hcc],
  ] as const) {
    await buildTask(ctx, { commune }, { timeframeText: `Trước ngày ${due}`, lead: [lead] });
  }
  // Due Thursday 26/11/2026: three working days before it is Monday 23/11.
  const created = await call(ctx, coordinator.username, 'POST', '/api/tasks', {
    communeId: commune.id,
    sourceDocument: 'Công văn số 1/UBND-TEST',
    area: 3,
    content: 'Báo cáo số liệu hồ sơ thủ tục hành chính tháng 11',
    leadUnitIds: [hcc.id],
    coordinatorUnitIds: [],
    timeframeText: 'Trước ngày 26/11/2026',
  });
  expect(created.statusCode, created.body).toBe(201);
  taskId = json<{ id: number }>(created).id;
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
  await ctx.close();
});

describe('reminders', () => {
  it('reminds the lead unit head in the app and by e-mail, then sends nothing more for the same day', async () => {
    const first = await run('2026-11-23');
    const mine = first.filter((s) => s.taskId === taskId);
    expect(mine.map((s) => [s.rule, s.recipient, s.channel]).sort()).toEqual([
      ['before_due', 'giamdochcc', 'email'],
      ['before_due', 'giamdochcc', 'in_app'],
    ]);
    expect(mine.every((s) => s.occurrenceDue === '2026-11-26')).toBe(true);
    const mails = first.filter((s) => s.channel === 'email');
    expect(smtp.mails).toHaveLength(mails.length);
    expect(smtp.mails.some((m) => m.to.includes('giamdochcc@xa.test') && m.raw.includes(`?task=3D${taskId}`))).toBe(true);
    expect(await run('2026-11-23')).toEqual([]);
    expect(smtp.mails).toHaveLength(mails.length);
  });

  it('sends the overdue notice the day after the deadline, once', async () => {
    const sent = (await run('2026-11-27')).filter((s) => s.taskId === taskId);
    expect(sent.map((s) => `${s.rule}|${s.channel}`).sort()).toEqual(['overdue|email', 'overdue|in_app']);
    expect((await run('2026-11-28')).filter((s) => s.taskId === taskId)).toEqual([]);
  });

  it('sends each reminder once when two processes run the rules at the same time', async () => {
    const second = connectDatabase(ctx.url);
    const mailsBefore = smtp.mails.length;
    try {
      const [a, b] = await Promise.all([run('2026-12-01'), run('2026-12-01', second.db)]);
      const keys = [...a, ...b].map(key);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size).toBe(keys.length);
      expect(smtp.mails.length - mailsBefore).toBe([...a, ...b].filter((s) => s.channel === 'email').length);
      const rows = await countRows(ctx, 'reminder_deliveries', `occurrence_due >= '2026-11-30'`);
      expect(rows).toBeGreaterThanOrEqual(keys.length);
    } finally {
      await second.close();
    }
  });

  it('sends nothing again after a restart: the claims are in the database', async () => {
    const restarted = connectDatabase(ctx.url);
    try {
      expect(await run('2026-12-01', restarted.db)).toEqual([]);
    } finally {
      await restarted.close();
    }
  });

  it('retries an e-mail the SMTP server refused, and only that one', async () => {
    await ctx.db.execute(sql`UPDATE users SET email = 'no-such-host' WHERE id = ${officeHead.id}`);
    const refusing = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'x@test.local', outboxDir: '/nonexistent' });
    const sent = await runReminders(ctx.db, { asOf: '2026-12-07', mailer: refusing, publicUrl: 'http://cchc.test' });
    refusing.close();
    expect(sent.every((s) => s.channel === 'in_app')).toBe(true);
    const pending = await countRows(ctx, 'reminder_deliveries', `channel = 'email' AND sent_at IS NULL AND attempts = 1`);
    expect(pending).toBeGreaterThan(0);
    const retried = await run('2026-12-07');
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.every((s) => s.channel === 'email')).toBe(true);
    await ctx.db.execute(sql`UPDATE users SET email = 'truongvp@xa.test' WHERE id = ${officeHead.id}`);
  });

  // Asynchronous on purpose: the SMTP catcher answers the CLI from this very process.
  it('prints what it sent from the CLI contract, and [] the second time', { timeout: 180_000 }, async () => {
    const cli = (asOf: string) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        const args = ['--import', 'tsx', 'src/cli/main.ts', 'reminders', 'run', '--as-of', asOf, '--json'];
        execFile(process.execPath, args, { env: { ...process.env, DATABASE_URL: ctx.url, SMTP_URL: smtp.url }, encoding: 'utf8' }, (error, stdout, stderr) =>
          resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    const first = await cli('2026-12-14');
    expect(first.status, first.stderr).toBe(0);
    const sent = JSON.parse(first.stdout) as Record<string, unknown>[];
    expect(sent.length).toBeGreaterThan(0);
    for (const entry of sent) expect(Object.keys(entry).sort()).toEqual(['channel', 'occurrenceDue', 'recipient', 'rule', 'taskId']);
    expect(JSON.parse((await cli('2026-12-14')).stdout)).toEqual([]);
    const bad = await cli('2026-02-31');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('không hợp lệ');
  });
});

describe('notifications', () => {
  it('shows a person their own notifications, marks them read, and never another person’s', async () => {
    const list = await call(ctx, hccHead.username, 'GET', '/api/notifications');
    expect(list.statusCode).toBe(200);
    const body = json<{ unread: number; items: { id: number; taskId: number | null; title: string }[] }>(list);
    expect(body.unread).toBeGreaterThan(0);
    const note = body.items.find((n) => n.taskId === taskId);
    expect(note?.title).toContain('Báo cáo số liệu hồ sơ');
    expect((await call(ctx, coordinator.username, 'POST', `/api/notifications/${note?.id}/read`)).statusCode).toBe(404);
    expect((await call(ctx, hccHead.username, 'POST', `/api/notifications/${note?.id}/read`)).statusCode).toBe(204);
    const after = json<{ unread: number }>(await call(ctx, hccHead.username, 'GET', '/api/notifications'));
    expect(after.unread).toBe(body.unread - 1);
    const all = json<{ marked: number }>(await call(ctx, hccHead.username, 'POST', '/api/notifications/read-all'));
    expect(all.marked).toBe(after.unread);
    expect(json<{ unread: number }>(await call(ctx, hccHead.username, 'GET', '/api/notifications')).unread).toBe(0);
  });

  it('lets a person turn e-mail off for themselves: in-app notices go on', async () => {
    const off = await call(ctx, hccHead.username, 'PUT', '/api/notifications/preferences', { emailNotifications: false });
    expect(json<{ emailNotifications: boolean }>(off).emailNotifications).toBe(false);
    const sent = (await run('2026-12-21')).filter((s) => s.recipient === 'giamdochcc');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((s) => s.channel === 'in_app')).toBe(true);
  });
});

describe('reminder settings', () => {
  const settings = { beforeDueWorkingDays: 5, onOverdue: true, weeklyDigest: false, weeklySummary: true, doneNotice: true, weeklyDay: 2 };
  /** A commune of its own (its settings would move the reminders above), with the people who read and edit them. */
  const settingsCommune = async () => {
    const here = await buildCommune(ctx);
    const unitHead = await buildUser(ctx, { role: 'unit_head', commune: here });
    const editor = await buildUser(ctx, { role: 'coordinator', commune: here });
    const leader = await buildUser(ctx, { role: 'leader', commune: here });
    return { here, url: `/api/communes/${here.id}/reminder-settings`, unitHead, editor, leader };
  };

  it('are read by the commune and edited by its coordinator, with an audit entry', async () => {
    const { here, url, unitHead, editor, leader } = await settingsCommune();
    expect(json<{ beforeDueWorkingDays: number; canEdit: boolean }>(await call(ctx, unitHead.username, 'GET', url))).toMatchObject({ beforeDueWorkingDays: 3, canEdit: false });
    const saved = await call(ctx, editor.username, 'PUT', url, settings);
    expect(saved.statusCode, saved.body).toBe(200);
    // Report reminder rules left out of the request keep their defaults.
    expect(json(await call(ctx, leader.username, 'GET', url))).toEqual({ ...settings, reportBeforeDueWorkingDays: 3, reportOnLate: true, canEdit: true });
    expect(await countRows(ctx, 'audit_log', `action = 'reminder_settings' AND commune_id = ${here.id}`)).toBe(1);
  });

  it('are refused to a unit head, to another commune and for values out of range', async () => {
    const { url, unitHead, editor } = await settingsCommune();
    const outsider = await buildUser(ctx, { role: 'coordinator', commune });
    expect((await call(ctx, unitHead.username, 'PUT', url, settings)).statusCode).toBe(403);
    expect((await call(ctx, outsider.username, 'GET', url)).statusCode).toBe(404);
    const bad = await call(ctx, editor.username, 'PUT', url, { ...settings, weeklyDay: 7 });
    expect(bad.statusCode).toBe(400);
  });
});
