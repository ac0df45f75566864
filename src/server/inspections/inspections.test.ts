import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TAuditEntry,
  TCityOverview,
  TDashboardFull,
  TFinding,
  TFindingList,
  TInspection,
  TInspectionCoverage,
  TInspectionList,
  TInspectionPlan,
  TInspectionPlanList,
  TNotificationList,
  TReport,
} from '../../contract';
import type { Clock } from '../clock';
import { createMailer } from '../mail/mailer';
import { runReminders } from '../reminders/service';
import { createTestContext, json, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildPlan, buildUnit, buildUser, call } from '../test/factories';

// A clock the test moves: the visit days come and go.
let today = '2026-11-23';
const clock: Clock = { today: () => today, now: () => new Date(`${today}T09:00:00+07:00`) };

let ctx: TestContext;
let commune: Awaited<ReturnType<typeof buildCommune>>;
let coordinator: BuiltUser;
let leader: BuiltUser;
let inspector: BuiltUser;
let teamLeader: BuiltUser;
let teamMember: BuiltUser;
let headA: BuiltUser;
let staffA: BuiltUser;
let headB: BuiltUser;
let staffB: BuiltUser;
let reviewer: BuiltUser;
let neighbour: BuiltUser;
let unitA: Awaited<ReturnType<typeof buildUnit>>;
let unitB: Awaited<ReturnType<typeof buildUnit>>;
let reviewedPlanId: number;

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  commune = await buildCommune(ctx, { name: 'Xã Kiểm Tra' });
  const city = { id: commune.cityId };
  unitA = await buildUnit(ctx, commune, { name: 'Phòng Kinh tế' });
  unitB = await buildUnit(ctx, commune, { name: 'Trung tâm Phục vụ hành chính công' });
  const unitC = await buildUnit(ctx, commune, { name: 'Phòng Văn hóa - Xã hội' });
  await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune, unit: unitC });
  leader = await buildUser(ctx, { role: 'leader', commune });
  inspector = await buildUser(ctx, { role: 'inspector', commune });
  teamLeader = await buildUser(ctx, { role: 'unit_head', commune, unit: unitC });
  teamMember = await buildUser(ctx, { role: 'unit_staff', commune, unit: unitC });
  headA = await buildUser(ctx, { role: 'unit_head', commune, unit: unitA });
  staffA = await buildUser(ctx, { role: 'unit_staff', commune, unit: unitA });
  headB = await buildUser(ctx, { role: 'unit_head', commune, unit: unitB });
  staffB = await buildUser(ctx, { role: 'unit_staff', commune, unit: unitB });
  reviewer = await buildUser(ctx, { role: 'city_reviewer', city });
  neighbour = await buildUser(ctx, { role: 'coordinator', commune: await buildCommune(ctx, { city }) });
  reviewedPlanId = (await buildPlan(ctx, commune, { title: 'Kế hoạch CCHC năm 2026' })).id;
});
afterAll(async () => ctx?.close());

const get = async <T>(user: BuiltUser, url: string) => {
  const response = await call(ctx, user.username, 'GET', url);
  expect(response.statusCode, `${user.username} GET ${url}: ${response.body}`).toBe(200);
  return json<T>(response);
};

let plan: TInspectionPlan;
let scheduled: TInspection;
let surprise: TInspection;

describe('an inspection plan and its schedule', () => {
  it('is created by the coordinator, refused to units, invisible to another commune', async () => {
    const body = {
      year: 2026,
      period: 'H2',
      title: 'Kế hoạch kiểm tra công tác CCHC 6 tháng cuối năm 2026',
      reviewFrom: '2026-07-01',
      reviewedPlanId,
      coverageGoalPercent: 30,
      visitMonth: '2026-12',
      team: [
        { userId: teamLeader.id, role: 'leader' },
        { userId: teamMember.id, role: 'member' },
      ],
    };
    expect((await call(ctx, headA.username, 'POST', `/api/communes/${commune.id}/inspection-plans`, body)).statusCode).toBe(403);
    expect((await call(ctx, neighbour.username, 'POST', `/api/communes/${commune.id}/inspection-plans`, body)).statusCode).toBe(404);
    const twoLeaders = { ...body, team: body.team.map((m) => ({ ...m, role: 'leader' })) };
    expect((await call(ctx, coordinator.username, 'POST', `/api/communes/${commune.id}/inspection-plans`, twoLeaders)).statusCode).toBe(400);
    const response = await call(ctx, coordinator.username, 'POST', `/api/communes/${commune.id}/inspection-plans`, body);
    expect(response.statusCode, response.body).toBe(201);
    plan = json<TInspectionPlan>(response);
    expect(plan).toMatchObject({ status: 'draft', areas: [1, 2, 3, 4, 5, 6, 7], forms: ['scheduled', 'surprise'], reviewedPlan: { id: reviewedPlanId } });
    expect(plan.team.map((m) => m.role)).toEqual(['leader', 'member']);
    expect(plan.coverage).toMatchObject({ year: 2026, goalPercent: 30, unitsTotal: 4, unitsInspected: 0, unitsNeeded: 2, met: false });
  });

  it('schedules a visit with the date rules, and warns when a date breaks one', async () => {
    const late = await call(ctx, coordinator.username, 'GET', `/api/inspections/date-check?planId=${plan.id}&visitDate=2026-11-25`);
    expect(json<{ warnings: { code: string }[] }>(late).warnings.map((w) => w.code)).toEqual(['visit_outside_month', 'notice_late', 'self_report_late']);
    const response = await call(ctx, coordinator.username, 'POST', `/api/inspection-plans/${plan.id}/inspections`, { unitId: unitA.id, visitDate: '2026-12-03' });
    expect(response.statusCode, response.body).toBe(201);
    scheduled = json<TInspection>(response);
    // Thursday 3/12: notice by Friday 27/11 (28/11 is a Saturday), self-report 3 working days before: Monday 30/11.
    expect(scheduled.rules).toEqual({ visit: '2026-12-03', noticeBy: '2026-11-27', selfReportBy: '2026-11-30' });
    expect(scheduled).toMatchObject({ status: 'planned', selfReportDue: '2026-11-30', warnings: [], windowFrom: '2026-07-01', windowTo: '2026-12-03' });
    expect(scheduled.team.map((m) => m.userId).sort()).toEqual([teamLeader.id, teamMember.id].sort());
    expect(new Set(scheduled.checklist.map((i) => i.areaCode))).toEqual(new Set(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'KH']));
  });

  it('schedules a surprise visit: no notice, no self-report', async () => {
    const response = await call(ctx, coordinator.username, 'POST', `/api/inspection-plans/${plan.id}/inspections`, { unitId: unitB.id, visitDate: '2026-12-10', surprise: true });
    expect(response.statusCode, response.body).toBe(201);
    surprise = json<TInspection>(response);
    expect(surprise).toMatchObject({ surprise: true, selfReportDue: null, rules: { noticeBy: null, selfReportBy: null }, can: { canNotify: false } });
  });
});

describe('a surprise visit stays secret from the unit until its day starts', () => {
  const ids = (list: { id: number }[]) => list.map((i) => i.id);

  it('is in no list, count, detail, coverage, audit entry or notice the unit (or the commune’s other people) receive', async () => {
    for (const user of [headB, staffB, inspector, reviewer]) {
      const list = await get<TInspectionList>(user, `/api/communes/${commune.id}/inspections`);
      expect(ids(list.inspections)).not.toContain(surprise.id);
      expect((await call(ctx, user.username, 'GET', `/api/inspections/${surprise.id}`)).statusCode).toBe(404);
      expect((await call(ctx, user.username, 'GET', `/api/inspections/${surprise.id}/self-report`)).statusCode).toBe(404);
      const detail = await get<TInspectionPlan>(user, `/api/inspection-plans/${plan.id}`);
      expect(ids(detail.inspections)).not.toContain(surprise.id);
      const plans = await get<TInspectionPlanList>(user, `/api/communes/${commune.id}/inspection-plans?year=2026`);
      const count = plans.plans.find((p) => p.id === plan.id)?.inspectionCount;
      expect(count).toBe(user === headB || user === staffB ? 0 : 1);
      const coverage = await get<TInspectionCoverage>(user, `/api/communes/${commune.id}/inspection-coverage?year=2026`);
      expect(coverage.unitsPlanned).toBe(user === headB || user === staffB ? 0 : 1);
      // Not on the dashboard either, whatever day it is asked about.
      const dashboard = await get<TDashboardFull>(user, `/api/dashboard?communeId=${commune.id}&asOf=2026-12-20`);
      expect(dashboard.inspections?.coverage.unitsPlanned).toBe(user === headB || user === staffB ? 0 : 1);
      const notices = await get<TNotificationList>(user, '/api/notifications');
      expect(notices.items.map((n) => n.body).join('\n')).not.toContain('12/2026');
    }
    const audit = await get<TAuditEntry[] | { items: TAuditEntry[] }>(inspector, '/api/audit?entity=inspection');
    const entries = Array.isArray(audit) ? audit : audit.items;
    expect(entries.map((e) => e.entityId)).toContain(scheduled.id);
    expect(entries.map((e) => e.entityId)).not.toContain(surprise.id);
    // A unit's people do not see another unit's scheduled inspection either.
    expect(ids((await get<TInspectionList>(headB, `/api/communes/${commune.id}/inspections`)).inspections)).toEqual([]);
  });

  it('is known to the managers and the team before', async () => {
    for (const user of [coordinator, leader, teamLeader, teamMember]) {
      expect(ids((await get<TInspectionList>(user, `/api/communes/${commune.id}/inspections`)).inspections)).toContain(surprise.id);
    }
  });

  it('shows to the unit from the visit day (UTC+7), not the day before', async () => {
    today = '2026-12-09';
    expect((await call(ctx, headB.username, 'GET', `/api/inspections/${surprise.id}`)).statusCode).toBe(404);
    today = '2026-12-10';
    const seen = await get<TInspection>(headB, `/api/inspections/${surprise.id}`);
    expect(seen).toMatchObject({ id: surprise.id, unit: { id: unitB.id } });
    expect(ids((await get<TInspectionList>(staffB, `/api/communes/${commune.id}/inspections`)).inspections)).toEqual([surprise.id]);
    today = '2026-11-23';
  });
});

describe('notice, self-report, visit, conclusion and findings to closure', () => {
  let findings: TFinding[];

  it('notifies the unit’s head and opens the self-report on the outline', async () => {
    expect((await call(ctx, headA.username, 'POST', `/api/inspections/${scheduled.id}/notify`, { version: scheduled.version })).statusCode).toBe(403);
    const response = await call(ctx, teamLeader.username, 'POST', `/api/inspections/${scheduled.id}/notify`, { version: scheduled.version });
    expect(response.statusCode, response.body).toBe(200);
    scheduled = json<TInspection>(response);
    expect(scheduled.status).toBe('notified');
    expect(scheduled.selfReportId).not.toBeNull();
    const notices = await get<TNotificationList>(headA, '/api/notifications');
    const notice = notices.items.find((n) => n.rule === 'inspection_notice');
    expect(notice?.title).toContain('03/12/2026');
    expect(notice?.body).toContain('30/11/2026');
    expect((await get<TNotificationList>(staffB, '/api/notifications')).items.filter((n) => n.rule === 'inspection_notice')).toEqual([]);
    // The unit fills it like any unit report; the team reads it (its own unit could not otherwise).
    const own = await get<TReport>(headA, `/api/reports/${scheduled.selfReportId}`);
    expect(own).toMatchObject({
      level: 'unit',
      unitId: unitA.id,
      template: { key: 'de-cuong-kiem-tra-cchc' },
      period: { windowStart: '2026-07-01', windowEnd: '2026-12-03', unitDeadline: '2026-11-30' },
    });
    expect((await get<TReport>(teamMember, `/api/inspections/${scheduled.id}/self-report`)).id).toBe(scheduled.selfReportId);
    expect((await call(ctx, teamMember.username, 'GET', `/api/reports/${scheduled.selfReportId}`)).statusCode).toBe(404);
    expect((await call(ctx, headB.username, 'GET', `/api/inspections/${scheduled.id}/self-report`)).statusCode).toBe(404);
    // The self-report's period stays out of the plan's periods.
    const periods = await get<{ code: string }[]>(coordinator, `/api/plans/${reviewedPlanId}/report-periods`).catch(() => []);
    expect(periods.map((p) => p.code)).not.toContain(`KT${scheduled.id}`);
  });

  it('lets only the team edit the checklist, from the visit day, with stale versions refused (409 with the current item)', async () => {
    const item = scheduled.checklist[0];
    const url = `/api/inspections/${scheduled.id}/checklist/${item.id}`;
    expect((await call(ctx, teamMember.username, 'PATCH', url, { version: item.version, result: 'dat' })).statusCode).toBe(403);
    today = '2026-12-03';
    for (const user of [inspector, coordinator, headA]) expect((await call(ctx, user.username, 'PATCH', url, { version: item.version, result: 'dat' })).statusCode).toBe(403);
    const saved = await call(ctx, teamMember.username, 'PATCH', url, {
      version: item.version,
      result: 'chua_dat',
      comment: 'Chưa có kế hoạch',
      request: 'Ban hành kế hoạch CCHC của đơn vị',
      clientUpdatedAt: '2026-12-03T02:00:00Z',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json<{ version: number; result: string }>(saved)).toMatchObject({ version: item.version + 1, result: 'chua_dat', clientUpdatedAt: '2026-12-03T02:00:00.000Z' });
    const stale = await call(ctx, teamLeader.username, 'PATCH', url, { version: item.version, result: 'dat' });
    expect(stale.statusCode).toBe(409);
    expect(json<{ error: { details: { current: { result: string } } } }>(stale).error.details.current.result).toBe('chua_dat');
  });

  it('has the team leader conclude once every item is judged; chưa đạt items with a request become findings', async () => {
    const current = await get<TInspection>(teamLeader, `/api/inspections/${scheduled.id}`);
    const early = await call(ctx, teamLeader.username, 'POST', `/api/inspections/${scheduled.id}/conclude`, { version: current.version, findingDeadline: '2026-12-31' });
    expect(early.statusCode).toBe(400);
    for (const item of current.checklist.slice(1)) {
      const body = item.position === 2 ? { version: item.version, result: 'chua_dat', request: 'Bố trí kinh phí CCHC' } : { version: item.version, result: 'dat' };
      expect((await call(ctx, teamLeader.username, 'PATCH', `/api/inspections/${scheduled.id}/checklist/${item.id}`, body)).statusCode).toBe(200);
    }
    expect(
      (await call(ctx, teamMember.username, 'POST', `/api/inspections/${scheduled.id}/conclude`, { version: current.version, findingDeadline: '2026-12-31' })).statusCode,
    ).toBe(403);
    const response = await call(ctx, teamLeader.username, 'POST', `/api/inspections/${scheduled.id}/conclude`, {
      version: current.version,
      findingDeadline: '2026-12-31',
      conclusion: 'Đơn vị thực hiện cơ bản tốt.',
    });
    expect(response.statusCode, response.body).toBe(200);
    scheduled = json<TInspection>(response);
    findings = scheduled.findings;
    expect(scheduled.status).toBe('concluded');
    expect(findings.map((f) => [f.request, f.ownerUnit.id, f.deadline, f.status])).toEqual([
      ['Ban hành kế hoạch CCHC của đơn vị', unitA.id, '2026-12-31', 'open'],
      ['Bố trí kinh phí CCHC', unitA.id, '2026-12-31', 'open'],
    ]);
    const coverage = await get<TInspectionCoverage>(inspector, `/api/communes/${commune.id}/inspection-coverage?year=2026`);
    expect(coverage).toMatchObject({ unitsInspected: 1, percent: 25, met: false, inspectedUnits: [{ id: unitA.id }] });
  });

  it('reminds the owner unit of the findings’ deadline through the reminder sweep', async () => {
    const mailer = createMailer({ smtpUrl: null, mailFrom: 'CCHC <cchc@test.local>', outboxDir: mkdtempSync(path.join(tmpdir(), 'cchc-outbox-')) });
    expect((await runReminders(ctx.db, { asOf: '2026-12-24', mailer, publicUrl: 'http://cchc.test' })).filter((s) => s.rule === 'finding_due')).toEqual([]);
    const sent = await runReminders(ctx.db, { asOf: '2026-12-29', mailer, publicUrl: 'http://cchc.test' });
    expect(sent.filter((s) => s.rule === 'finding_due').map((s) => s.recipient)).toEqual([headA.username]);
    const notice = (await get<TNotificationList>(headA, '/api/notifications')).items.find((n) => n.rule === 'finding_due');
    expect(notice?.title).toBe('Sắp đến hạn khắc phục sau kiểm tra (31/12/2026): 2 kiến nghị');
    expect(notice?.body).toContain('Việc bố trí nguồn lực triển khai');
    mailer.close();
  });

  it('takes each finding to closure: the unit reports its fix, the team accepts or reopens', async () => {
    const [first, second] = findings;
    expect((await call(ctx, headB.username, 'POST', `/api/inspection-findings/${first.id}/fix`, { version: first.version, text: 'x' })).statusCode).toBe(404);
    const fixed = await call(ctx, staffA.username, 'POST', `/api/inspection-findings/${first.id}/fix`, { version: first.version, text: 'Đã ban hành Kế hoạch số 12/KH-PKT' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const afterFix = json<TFinding>(fixed);
    expect((await call(ctx, staffA.username, 'POST', `/api/inspection-findings/${first.id}/review`, { version: afterFix.version, decision: 'accept' })).statusCode).toBe(403);
    const accepted = await call(ctx, teamMember.username, 'POST', `/api/inspection-findings/${first.id}/review`, { version: afterFix.version, decision: 'accept' });
    expect(json<TFinding>(accepted)).toMatchObject({ status: 'accepted', closedOn: '2026-12-03' });
    const secondFixed = json<TFinding>(await call(ctx, headA.username, 'POST', `/api/inspection-findings/${second.id}/fix`, { version: second.version, text: 'Đã đề nghị' }));
    const reopened = await call(ctx, teamLeader.username, 'POST', `/api/inspection-findings/${second.id}/review`, {
      version: secondFixed.version,
      decision: 'reopen',
      comment: 'Chưa có quyết định giao kinh phí',
      deadline: '2027-01-15',
    });
    expect(json<TFinding>(reopened)).toMatchObject({ status: 'reopened', deadline: '2027-01-15' });
    expect(json<TFinding>(reopened).history.map((h) => h.action)).toEqual(['created', 'fix_reported', 'reopened']);
    const open = await get<TFindingList>(headA, `/api/communes/${commune.id}/inspection-findings?status=reopened`);
    expect(open.findings.map((f) => f.id)).toEqual([second.id]);
    expect((await get<TFindingList>(headB, `/api/communes/${commune.id}/inspection-findings`)).findings).toEqual([]);
  });

  it('counts the findings on the dashboard from its per-commune cache, which a write from plain SQL invalidates', async () => {
    const second = findings[1];
    const figures = async () => (await get<TDashboardFull>(coordinator, `/api/dashboard?communeId=${commune.id}`)).inspections;
    const before = await figures();
    expect(before).toMatchObject({ findingsOpen: 1, findingsOverdue: 0 });
    expect(await figures()).toEqual(before);
    // The triggers of migration inspection_versions bump the commune's version: no process may keep the old figures.
    await ctx.pool.query(`UPDATE inspection_findings SET deadline = '2026-01-02' WHERE id = $1`, [second.id]);
    expect(await figures()).toMatchObject({ findingsOpen: 1, findingsOverdue: 1 });
    await ctx.pool.query(`UPDATE inspection_findings SET status = 'accepted' WHERE id = $1`, [second.id]);
    expect(await figures()).toMatchObject({ findingsOpen: 0, findingsOverdue: 0 });
    await ctx.pool.query(`UPDATE inspection_findings SET status = 'reopened', deadline = '2027-01-15' WHERE id = $1`, [second.id]);
    expect(await figures()).toEqual(before);
  });

  it('counts the findings in the city overview as the commune’s own findings list shows them', async () => {
    const second = findings[1];
    const check = async () => {
      const overview = await get<TCityOverview>(reviewer, '/api/city/overview');
      const row = overview.communes.find((c) => c.communeId === commune.id);
      const list = (await get<TFindingList>(reviewer, `/api/communes/${commune.id}/inspection-findings`)).findings;
      expect(list.map((f) => f.status).sort()).toEqual(['accepted', 'reopened']);
      const expected = { open: list.filter((f) => f.status !== 'accepted').length, overdue: list.filter((f) => f.overdue).length };
      expect(row?.findings).toEqual(expected);
      expect(overview.totals.findings).toEqual(overview.communes.map((c) => c.findings).reduce((a, b) => ({ open: a.open + b.open, overdue: a.overdue + b.overdue })));
      return expected;
    };
    expect(await check()).toEqual({ open: 1, overdue: 0 });
    await ctx.pool.query(`UPDATE inspection_findings SET deadline = '2026-01-02' WHERE id = $1`, [second.id]);
    expect(await check()).toEqual({ open: 1, overdue: 1 });
    await ctx.pool.query(`UPDATE inspection_findings SET deadline = '2027-01-15' WHERE id = $1`, [second.id]);
  });

  it('plans a re-inspection of the open findings, which closes them when met', async () => {
    const current = await get<TInspection>(teamLeader, `/api/inspections/${scheduled.id}`);
    expect(current.can).toMatchObject({ canClose: false, canReInspect: true });
    const response = await call(ctx, teamLeader.username, 'POST', `/api/inspections/${scheduled.id}/re-inspections`, { visitDate: '2027-01-20' });
    expect(response.statusCode, response.body).toBe(201);
    const recheck = json<TInspection>(response);
    expect(recheck).toMatchObject({ kind: 're_inspection', reInspectionOf: scheduled.id, unit: { id: unitA.id } });
    expect(recheck.checklist.map((i) => [i.areaCode, i.findingId])).toEqual([['PT', findings[1].id]]);
    today = '2027-01-20';
    const [item] = recheck.checklist;
    expect((await call(ctx, teamMember.username, 'PATCH', `/api/inspections/${recheck.id}/checklist/${item.id}`, { version: item.version, result: 'dat' })).statusCode).toBe(200);
    const concluded = await call(ctx, teamLeader.username, 'POST', `/api/inspections/${recheck.id}/conclude`, { version: recheck.version, findingDeadline: '2027-02-28' });
    expect(concluded.statusCode, concluded.body).toBe(200);
    const original = await get<TInspection>(teamLeader, `/api/inspections/${scheduled.id}`);
    expect(original.findings.map((f) => f.status)).toEqual(['accepted', 'accepted']);
    const closed = await call(ctx, teamLeader.username, 'POST', `/api/inspections/${scheduled.id}/close`, { version: original.version });
    expect(json<TInspection>(closed).status).toBe('closed');
    today = '2026-11-23';
  });
});

describe('who reads what', () => {
  it('lets the commune and the city read, and another commune nothing', async () => {
    for (const user of [inspector, reviewer, leader]) await get<TInspectionPlan>(user, `/api/inspection-plans/${plan.id}`);
    expect((await call(ctx, neighbour.username, 'GET', `/api/inspection-plans/${plan.id}`)).statusCode).toBe(404);
    expect((await call(ctx, neighbour.username, 'GET', `/api/inspections/${scheduled.id}`)).statusCode).toBe(404);
    expect((await call(ctx, neighbour.username, 'GET', `/api/communes/${commune.id}/inspections`)).statusCode).toBe(404);
    expect((await call(ctx, headB.username, 'GET', `/api/inspections/${scheduled.id}`)).statusCode).toBe(404);
    expect((await call(ctx, reviewer.username, 'PATCH', `/api/inspection-plans/${plan.id}`, { version: 1, title: 'x' })).statusCode).toBe(403);
  });
});
