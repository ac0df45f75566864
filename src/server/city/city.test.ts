import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCityOverview, TDashboardFull, TScorecard } from '../../contract';
import { buildApp } from '../app';
import { connectDatabase } from '../db';
import { dossiers } from '../db/schema';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call, fingerprint } from '../test/factories';

let ctx: TestContext;
let reviewer: BuiltUser;
let cityAdmin: BuiltUser;
let coordinator: BuiltUser;
let communes: Awaited<ReturnType<typeof buildCommune>>[];

/** Three communes that stand differently on TEST_TODAY (2026-11-23): late work, finished work, no plan. */
beforeAll(async () => {
  ctx = await createTestContext();
  const first = await buildCommune(ctx, { name: 'Xã Bắc Thử' });
  const city = { id: first.cityId };
  communes = [first, await buildCommune(ctx, { name: 'Phường Nam Thử', city, kind: 'phuong', dueSoonDays: 14 }), await buildCommune(ctx, { name: 'Xã Không Kế Hoạch', city })];
  await buildCommune(ctx, { name: 'Xã của thành phố khác' });
  reviewer = await buildUser(ctx, { role: 'city_reviewer', city });
  cityAdmin = await buildUser(ctx, { role: 'admin', city });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune: first });
  const [a, b, none] = communes;
  const unit = await buildUnit(ctx, a);
  await buildPlan(ctx, a, { period: { start: '2025-01-01', end: '2025-12-31' } });
  const planA = await buildPlan(ctx, a);
  for (const timeframeText of ['Quý III/2026', 'Tháng 10/2026', 'Trước ngày 30/11/2026', 'Hằng quý', 'Theo chỉ đạo'])
    await buildTask(ctx, { plan: planA }, { lead: [unit], timeframeText });
  await buildTask(ctx, { plan: planA }, { lead: [unit], timeframeText: 'Quý II/2026', doneAt: '2026-07-10' });
  await buildTask(ctx, { commune: a }, { lead: [unit], timeframeText: 'Tháng 9/2026' });
  await buildTask(ctx, { commune: a }, { lead: [unit], timeframeText: 'Tháng 9/2026', doneAt: '2026-10-05' });
  await buildTask(ctx, { commune: a, year: 2025 }, { lead: [unit], timeframeText: 'Quý IV/2025' });
  const planB = await buildPlan(ctx, b);
  await buildPlan(ctx, b, { kind: 'thematic', status: 'draft' });
  await buildTask(ctx, { plan: planB }, { timeframeText: 'Quý I/2026', doneAt: '2026-03-20' });
  await buildTask(ctx, { plan: planB }, { timeframeText: 'Trước ngày 5/12/2026' });
  await buildTask(ctx, { commune: b }, { timeframeText: 'Tháng 12/2026', progress: 50 });
  await buildTask(ctx, { commune: none }, { timeframeText: 'Tháng 6/2026' });
});
afterAll(async () => ctx?.close());

const overview = async (user: string, asOf = TEST_TODAY) => {
  const response = await call(ctx, user, 'GET', `/api/city/overview?asOf=${asOf}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return json<TCityOverview>(response);
};

describe('the city overview', () => {
  it('lists every commune of the city, and no other city’s', async () => {
    const o = await overview(reviewer.username);
    expect(o.communes.map((c) => c.communeName)).toEqual(['Phường Nam Thử', 'Xã Bắc Thử', 'Xã Không Kế Hoạch']);
    expect(o.totals).toMatchObject({ communes: 3, withPlan: 2 });
  });

  it('gives each commune the figures of its own dashboard at the same date', async () => {
    for (const asOf of [TEST_TODAY, '2026-08-01']) {
      const o = await overview(reviewer.username, asOf);
      for (const row of o.communes.filter((c) => c.plan)) {
        const d = json<TDashboardFull>(await call(ctx, reviewer.username, 'GET', `/api/dashboard?communeId=${row.communeId}&asOf=${asOf}`));
        expect(row.plan).toMatchObject({ id: d.plan.id, taskCount: d.plan.taskCount, doneCount: d.plan.doneCount, overdueCount: d.plan.overdueCount });
        expect(row.totals).toEqual(d.totals);
        expect(row.cityAssigned.total).toBe(d.cityAssigned.total);
        expect(row.cityAssigned.overdue).toBe(d.cityAssigned.overdue);
        expect(row.cityAssigned.onTime + row.cityAssigned.late).toBe(d.cityAssigned.done);
      }
    }
  });

  it('counts late work and the city’s tasks as they stand', async () => {
    const o = await overview(reviewer.username);
    const north = o.communes.find((c) => c.communeName === 'Xã Bắc Thử');
    // Q3 and October passed; the quarterly report's Q3 checkpoint is open; last year's city task is outside the plan's period.
    expect(north?.totals).toMatchObject({ total: 8, done: 2, overdue: 4, undetermined: 1 });
    expect(north?.cityAssigned).toEqual({ total: 2, onTime: 0, late: 1, overdue: 1, open: 0 });
    expect(north?.plan?.overdueCount).toBe(3);
    const none = o.communes.find((c) => c.communeName === 'Xã Không Kế Hoạch');
    expect(none?.plan).toBeNull();
    expect(none?.cityAssigned).toMatchObject({ total: 1, overdue: 1 });
    expect(o.totals.tasks.total).toBe(o.communes.reduce((n, c) => n + c.totals.total, 0));
    expect(o.totals.cityAssigned.overdue).toBe(o.communes.reduce((n, c) => n + c.cityAssigned.overdue, 0));
  });

  it('sends the same few statements for a city of three communes as for one of eight, fewer when nothing changed', async () => {
    const count = async (asOf: string) => {
      let n = 0;
      const original = ctx.pool.query;
      ctx.pool.query = function (this: unknown, ...args: unknown[]) {
        n++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof ctx.pool.query;
      try {
        await overview(reviewer.username, asOf);
      } finally {
        ctx.pool.query = original;
      }
      return n;
    };
    // A new date each time: every commune is judged afresh (the cache keeps one date per commune).
    const before = await count('2026-10-01');
    for (let i = 0; i < 5; i++) {
      const extra = await buildCommune(ctx, { city: { id: communes[0].cityId } });
      await buildTask(ctx, { plan: await buildPlan(ctx, extra) }, { timeframeText: 'Quý IV/2026' });
    }
    expect(await count('2026-10-02')).toBe(before);
    // Session; communes; their plans; tasks, report periods, calendar, the plans' targets (dossiers only for targets that read them).
    expect(before).toBeLessThanOrEqual(7);
    // Nothing written since: the session, the communes with their versions (no plan is read).
    expect(await count('2026-10-02')).toBe(2);
  });
});

describe('who sees it', () => {
  it('the city’s reviewer and administrator read it; a commune’s people never', async () => {
    expect((await call(ctx, cityAdmin.username, 'GET', '/api/city/overview')).statusCode).toBe(200);
    const before = await fingerprint(ctx);
    const refused = await call(ctx, coordinator.username, 'GET', '/api/city/overview');
    expect(refused.statusCode).toBe(403);
    expect((await call(ctx, null, 'GET', '/api/city/overview')).statusCode).toBe(401);
    expect(await fingerprint(ctx)).toEqual(before);
  });

  it('a reviewer reads every commune’s dashboard but cannot change a task', async () => {
    const o = await overview(reviewer.username);
    const north = o.communes.find((c) => c.communeName === 'Xã Bắc Thử');
    const tasks = json<{ id: number; version: number; canEdit: boolean }[]>(await call(ctx, reviewer.username, 'GET', `/api/tasks?communeId=${north?.communeId}`));
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => !t.canEdit)).toBe(true);
    const before = await fingerprint(ctx);
    const refused = await call(ctx, reviewer.username, 'POST', `/api/tasks/${tasks[0].id}/progress`, { progress: 50, version: tasks[0].version });
    expect(refused.statusCode).toBe(403);
    expect(await fingerprint(ctx)).toEqual(before);
  });
});

describe('the overview’s cache across processes', () => {
  it('a change of the working-day calendar makes every commune’s cached row stale', async () => {
    const versions = async () => (await ctx.pool.query<{ v: number[] }>('SELECT array_agg(version ORDER BY commune_id) AS v FROM commune_versions')).rows[0].v;
    const before = await versions();
    const added = await call(ctx, cityAdmin.username, 'POST', '/api/calendar/overrides', { date: '2026-12-28', kind: 'day_off', note: 'Nghỉ bù (thử)' });
    expect(added.statusCode, added.body).toBe(201);
    const after = await versions();
    expect(after).toHaveLength(before.length);
    after.forEach((v, i) => {
      expect(v).toBe(before[i] + 1);
    });
    const removed = await call(ctx, cityAdmin.username, 'DELETE', `/api/calendar/overrides/${json<{ id: number }>(added).id}`);
    expect(removed.statusCode).toBe(204);
    expect((await versions())[0]).toBe(before[0] + 2);
  });

  it('a write by another app instance, or straight to the database, shows at the next read', async () => {
    // A second app on its own pool: another process as far as any in-memory cache can tell.
    const second = connectDatabase(ctx.url);
    const other = await buildApp({
      db: second.db,
      clock: ctx.clock,
      config: { uploadDir: ctx.uploadDir, sessionDays: 1, secureCookies: false, logLevel: 'silent' },
      logger: false,
    });
    try {
      const cookie = await ctx.login(reviewer.username);
      const read = async () => json<TCityOverview>(await other.inject({ method: 'GET', url: `/api/city/overview?asOf=${TEST_TODAY}`, headers: { cookie } }));
      const row = (o: TCityOverview) => o.communes.find((c) => c.communeName === 'Phường Nam Thử');
      const before = row(await read());
      expect(row(await read())).toEqual(before); // served from the cache, unchanged
      // The first app (its own pool) reports a task of the commune done.
      const tasks = json<{ id: number; version: number; status: string }[]>(
        await call(ctx, reviewer.username, 'GET', `/api/tasks?communeId=${before?.communeId}&asOf=${TEST_TODAY}`),
      );
      const open = tasks.find((t) => t.status === 'sap_den_han');
      const coordinatorB = await buildUser(ctx, { role: 'coordinator', commune: communes[1] });
      const done = await call(ctx, coordinatorB.username, 'POST', `/api/tasks/${open?.id}/progress`, {
        progress: 100,
        done: true,
        version: open?.version,
        evidenceLink: 'https://xa.example/bao-cao.pdf',
      });
      expect(done.statusCode, done.body).toBe(200);
      const after = row(await read());
      expect(after?.totals.done).toBe((before?.totals.done ?? 0) + 1);
      // A plain SQL write from another connection: reopened.
      const client = new pg.Client({ connectionString: ctx.url });
      await client.connect();
      await client.query('UPDATE tasks SET done_at = NULL, progress = 10 WHERE id = $1', [open?.id]);
      await client.end();
      expect(row(await read())?.totals).toEqual(before?.totals);
    } finally {
      await other.close();
      await second.close();
    }
  });
});

describe('chỉ tiêu đạt: the plan in force’s key targets in the overview', () => {
  it('counts what the commune’s scorecard says, and follows a figure entered and dossiers arriving', async () => {
    const commune = await buildCommune(ctx, { name: 'Xã Chỉ Tiêu' });
    const city = { id: commune.cityId };
    const ownReviewer = await buildUser(ctx, { role: 'city_reviewer', city });
    const ownCoordinator = await buildUser(ctx, { role: 'coordinator', commune });
    const plan = await buildPlan(ctx, commune, {
      targets: [
        { text: 'Thu ngân sách nhà nước trên địa bàn đạt 100% dự toán', comparator: '>=', value: 100, unit: '%' },
        { text: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt từ 95% trở lên', comparator: '>=', value: 95, unit: '%' },
        { text: 'Không có cán bộ, công chức vi phạm kỷ luật', comparator: null, value: null, unit: null },
      ],
    });
    const rowOf = async () => json<TCityOverview>(await call(ctx, ownReviewer.username, 'GET', `/api/city/overview?asOf=${TEST_TODAY}`)).communes[0];
    const scorecard = async () => json<TScorecard>(await call(ctx, ownReviewer.username, 'GET', `/api/plans/${plan.id}/scorecard?asOf=${TEST_TODAY}`));
    const countsOf = (card: TScorecard) => ({
      total: card.targets.length,
      met: card.targets.filter((t) => t.status === 'met').length,
      notMet: card.targets.filter((t) => t.status === 'not_met').length,
      noData: card.targets.filter((t) => t.status === 'no_data').length,
    });

    expect((await rowOf()).targets).toEqual({ total: 3, met: 0, notMet: 0, noData: 3 });
    expect((await rowOf()).targets).toEqual(countsOf(await scorecard()));

    // A budget figure entered by hand: the commune's cached row moves with it.
    const budget = (await scorecard()).targets[0];
    const entered = await call(ctx, ownCoordinator.username, 'PUT', `/api/plans/${plan.id}/targets/${budget.id}/figures`, { month: '2026-10', value: 96 });
    expect(entered.statusCode, entered.body).toBeLessThan(300);
    expect((await rowOf()).targets).toEqual({ total: 3, met: 0, notMet: 1, noData: 2 });

    // Dossiers resolved on time: the indicator target is met, as on the scorecard.
    await ctx.db.insert(dossiers).values(
      ['HS-1', 'HS-2'].map((code) => ({
        communeId: commune.id,
        code,
        channel: 'direct',
        receivedAt: '2026-03-02 08:00:00',
        appointmentStart: '2026-03-09 00:00:00',
        appointmentEnd: '2026-03-09 23:59:59.999',
        endedAt: '2026-03-05 10:00:00',
        status: 'resolved',
      })),
    );
    const row = await rowOf();
    expect(row.targets).toEqual({ total: 3, met: 1, notMet: 1, noData: 1 });
    expect(row.targets).toEqual(countsOf(await scorecard()));
    const totals = json<TCityOverview>(await call(ctx, ownReviewer.username, 'GET', `/api/city/overview?asOf=${TEST_TODAY}`)).totals.targets;
    expect(totals).toEqual(row.targets);
  });
});
