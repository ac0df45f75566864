/**
 * Report deadlines go through the reminder mechanism: claimed once per (rule, period, deadline,
 * recipient, channel), written to the bell and mailed, and printed as the CLI prints them
 * (taskId null: a report reminder is about a report period, not a task).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../mail/mailer';
import { createTestContext, json, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call, countRows } from '../test/factories';
import { type SmtpCatcher, startSmtpCatcher } from '../test/smtp-catcher';
import { runReminders } from './service';

let ctx: TestContext;
let smtp: SmtpCatcher;
let mailer: Mailer;
let people: Record<'coordinator' | 'leader' | 'headA' | 'headB' | 'headIdle', BuiltUser>;
let q3Id: number;
let unitAName: string;
let settingsUrl: string;
const SETTINGS = { beforeDueWorkingDays: 3, onOverdue: true, weeklyDigest: false, weeklySummary: false, doneNotice: true, weeklyDay: 1 };

const run = (asOf: string) => runReminders(ctx.db, { asOf, mailer, publicUrl: 'http://cchc.test' });
const lines = (sent: Awaited<ReturnType<typeof run>>) => sent.map((s) => `${s.rule}|${s.recipient}|${s.occurrenceDue}|${s.channel}`).sort();

beforeAll(async () => {
  ctx = await createTestContext();
  smtp = await startSmtpCatcher();
  mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'CCHC <cchc@test.local>', outboxDir: '/nonexistent' });
  const commune = await buildCommune(ctx);
  const [unitA, unitB, idle] = [await buildUnit(ctx, commune), await buildUnit(ctx, commune), await buildUnit(ctx, commune)];
  people = {
    coordinator: await buildUser(ctx, { role: 'coordinator', commune }),
    leader: await buildUser(ctx, { role: 'leader', commune }),
    headA: await buildUser(ctx, { role: 'unit_head', commune, unit: unitA }),
    headB: await buildUser(ctx, { role: 'unit_head', commune, unit: unitB }),
    // Heads a unit the plan gives no work: owes no report.
    headIdle: await buildUser(ctx, { role: 'unit_head', commune, unit: idle }),
  };
  unitAName = unitA.name;
  await ctx.db.execute(sql`UPDATE users SET email = username || '@test.local' WHERE commune_id = ${commune.id}`);
  // The weekly mails would go out too; this test is about the reports' deadlines.
  settingsUrl = `/api/communes/${commune.id}/reminder-settings`;
  const quiet = await call(ctx, people.coordinator.username, 'PUT', settingsUrl, SETTINGS);
  expect(quiet.statusCode, quiet.body).toBe(200);
  const plan = await buildPlan(ctx, commune, {
    reportingRegime: 'Các cơ quan, đơn vị báo cáo trước ngày 05 của tháng cuối quý; UBND xã báo cáo trước ngày 10 của tháng cuối quý.',
  });
  // A task that is done and far from due: only the report deadlines can remind anyone.
  await buildTask(ctx, { plan }, { lead: [unitA], timeframeText: 'Tháng 12/2026', doneAt: '2026-02-01' });
  await buildTask(ctx, { plan }, { lead: [unitB], timeframeText: 'Tháng 12/2026', doneAt: '2026-02-01' });
  const made = await call(ctx, people.coordinator.username, 'POST', `/api/plans/${plan.id}/report-periods`, { templateKey: 'bao-cao-cchc-dinh-ky' });
  expect(made.statusCode, made.body).toBe(201);
  const periods = json<{ periods: { id: number; code: string; unitDeadline: string; communeDeadline: string }[] }>(made).periods;
  const q3 = periods.find((p) => p.code === '2026-Q3');
  expect(q3).toMatchObject({ unitDeadline: '2026-09-05', communeDeadline: '2026-09-10' });
  q3Id = q3?.id as number;
});

afterAll(async () => {
  mailer.close();
  await smtp.close();
  await ctx?.close();
});

describe('report reminders', () => {
  it('remind the units that owe the report before their deadline, in the bell and by mail, once', async () => {
    const { headA, headB } = people;
    const first = await run('2026-09-03');
    expect(lines(first)).toEqual([headA, headB].flatMap((h) => [`report_before_due|${h.username}|2026-09-05|email`, `report_before_due|${h.username}|2026-09-05|in_app`]).sort());
    expect(first.every((s) => s.taskId === null)).toBe(true);
    expect(smtp.mails.some((m) => m.to.includes(`${headA.username}@test.local`) && m.raw.includes('/reports'))).toBe(true);
    const bell = json<{ items: { rule: string; periodId: number | null; title: string }[] }>(await call(ctx, headA.username, 'GET', '/api/notifications'));
    expect(bell.items).toEqual([expect.objectContaining({ rule: 'report_before_due', periodId: q3Id, title: expect.stringContaining('báo cáo quý III năm 2026') })]);
    expect(await run('2026-09-03')).toEqual([]);
    expect(await run('2026-09-04')).toEqual([]);
  });

  it('tell a late unit and the coordinator (once, naming it), not the unit that submitted', async () => {
    const { coordinator, leader, headA, headB } = people;
    const report = json<{ id: number }>(await call(ctx, headB.username, 'POST', `/api/report-periods/${q3Id}/unit-report`));
    await ctx.db.execute(sql`UPDATE reports SET submitted_on = '2026-09-04', status = 'submitted' WHERE id = ${report.id}`);
    const sent = (await run('2026-09-07')).filter((s) => s.channel === 'in_app');
    expect(lines(sent)).toEqual(
      [
        `commune_report_due|${coordinator.username}|2026-09-10|in_app`,
        `commune_report_due|${leader.username}|2026-09-10|in_app`,
        `report_late|${coordinator.username}|2026-09-05|in_app`,
        `report_late|${headA.username}|2026-09-05|in_app`,
      ].sort(),
    );
    const bell = json<{ items: { rule: string; body: string }[] }>(await call(ctx, coordinator.username, 'GET', '/api/notifications'));
    const late = bell.items.find((n) => n.rule === 'report_late');
    expect(late?.body).toContain(unitAName);
    expect(late?.body).not.toContain(',');
    expect(await run('2026-09-08')).toEqual([]);
  });

  it('follow the commune’s settings: lateness notices can be turned off', async () => {
    const saved = await call(ctx, people.coordinator.username, 'PUT', settingsUrl, { ...SETTINGS, reportBeforeDueWorkingDays: 5, reportOnLate: false });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(await call(ctx, people.leader.username, 'GET', settingsUrl))).toMatchObject({ reportBeforeDueWorkingDays: 5, reportOnLate: false });
    expect(await run('2026-09-11')).toEqual([]);
    const before = await countRows(ctx, 'reminder_deliveries');
    expect(before).toBeGreaterThan(0);
    expect(await countRows(ctx, 'reminder_deliveries', `period_id = ${q3Id} AND task_id = 0`)).toBe(before);
  });
});
