/**
 * The dashboard's judged tasks are cached per commune and day (./cache): every way a status can change
 * must show at the next request — a write from another app instance (another process as far as memory
 * goes), plain SQL, the next day, the working-day calendar, a unit's new name.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Clock } from '../clock';
import { connectDatabase } from '../db';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call } from '../test/factories';

interface Task {
  id: number;
  status: string;
  version: number;
}
interface Dashboard {
  asOf: string;
  totals: { total: number; done: number; overdue: number; dueSoon: number; byStatus: Record<string, number> };
  byUnit: { unitId: number; unitName: string }[];
  overdue: Task[];
  dueSoon: Task[];
}

/** A clock the test moves: the next day must be judged afresh, not served from yesterday's cache. */
let today = TEST_TODAY;
const clock: Clock = { today: () => today, now: () => new Date(`${today}T09:00:00+07:00`) };

let ctx: TestContext;
let coordinator: BuiltUser;
let cityAdmin: BuiltUser;
let unitId: number;
const t = {} as Record<'dueToday' | 'dueIn8WorkingDays' | 'open', { id: number }>;

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const commune = await buildCommune(ctx, { name: 'Xã Bộ Nhớ' });
  const unit = await buildUnit(ctx, commune, { name: 'Phòng Kinh tế' });
  unitId = unit.id;
  coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  cityAdmin = await buildUser(ctx, { role: 'admin', city: { id: commune.cityId } });
  const plan = await buildPlan(ctx, commune, { status: 'issued' });
  // TEST_TODAY is Monday 2026-11-23; seven working days on (the commune's "sắp đến hạn") reach Wednesday 2 December.
  t.dueToday = await buildTask(ctx, { plan }, { dueOverride: '2026-11-23', lead: [unit] });
  t.dueIn8WorkingDays = await buildTask(ctx, { plan }, { dueOverride: '2026-12-03', lead: [unit] });
  t.open = await buildTask(ctx, { plan }, { dueOverride: '2026-12-31', lead: [unit] });
});

afterAll(async () => {
  today = TEST_TODAY;
  await ctx.close();
});

const dashboard = async (app = ctx.app) => json<Dashboard>(await app.inject({ method: 'GET', url: '/api/dashboard', headers: { cookie: await ctx.login(coordinator.username) } }));
const statusOf = async (taskId: number, app = ctx.app) => {
  const d = await dashboard(app);
  return [...d.overdue, ...d.dueSoon].find((task) => task.id === taskId)?.status ?? 'neither';
};
const tasksOf = async () => json<Task[]>(await call(ctx, coordinator.username, 'GET', '/api/dashboard/tasks'));

describe('the dashboard’s cache of judged tasks', () => {
  it('serves the same figures twice, and shows a write from another app instance at the next request', async () => {
    const before = await dashboard();
    expect(await dashboard()).toEqual(before);
    // A second app on its own pool: another process as far as any in-memory cache can tell.
    const second = connectDatabase(ctx.url);
    const other = await buildApp({
      db: second.db,
      clock,
      config: { uploadDir: ctx.uploadDir, sessionDays: 1, secureCookies: false, logLevel: 'silent' },
      logger: false,
    });
    try {
      // The other instance reads (and caches) too, then the first one writes.
      expect((await dashboard(other)).totals).toEqual(before.totals);
      const open = (await tasksOf()).find((task) => task.id === t.open.id) as Task;
      const done = await call(ctx, coordinator.username, 'POST', `/api/tasks/${open.id}/progress`, {
        progress: 100,
        done: true,
        version: open.version,
        evidenceLink: 'https://xa.example/bao-cao.pdf',
      });
      expect(done.statusCode, done.body).toBe(200);
      expect((await dashboard(other)).totals.done).toBe(before.totals.done + 1);
      expect((await dashboard()).totals.done).toBe(before.totals.done + 1);
      // And the other way round: the second instance writes, the first one sees it.
      const reopened = (await tasksOf()).find((task) => task.id === t.open.id) as Task;
      const back = await other.inject({
        method: 'POST',
        url: `/api/tasks/${reopened.id}/progress`,
        headers: { cookie: await ctx.login(coordinator.username) },
        payload: { progress: 40, done: false, version: reopened.version },
      });
      expect(back.statusCode, back.body).toBe(200);
      expect((await dashboard()).totals.done).toBe(before.totals.done);
    } finally {
      await other.close();
      await second.close();
    }
  });

  it('shows a plain SQL write, and a unit renamed in SQL, at the next request', async () => {
    const before = await dashboard();
    const client = new pg.Client({ connectionString: ctx.url });
    await client.connect();
    try {
      await client.query("UPDATE tasks SET due_override = '2026-11-20' WHERE id = $1", [t.open.id]);
      expect(await statusOf(t.open.id)).toBe('qua_han');
      expect((await dashboard()).totals.overdue).toBe(before.totals.overdue + 1);
      await client.query("UPDATE tasks SET due_override = '2026-12-31' WHERE id = $1", [t.open.id]);
      expect((await dashboard()).totals).toEqual(before.totals);
      await client.query("UPDATE units SET name = 'Phòng Kinh tế - Hạ tầng' WHERE id = $1", [unitId]);
      expect((await dashboard()).byUnit.find((u) => u.unitId === unitId)?.unitName).toBe('Phòng Kinh tế - Hạ tầng');
    } finally {
      await client.end();
    }
  });

  it('judges afresh when the day changes', async () => {
    expect(await statusOf(t.dueToday.id)).toBe('sap_den_han');
    today = '2026-11-24';
    try {
      const next = await dashboard();
      expect(next.asOf).toBe('2026-11-24');
      expect(await statusOf(t.dueToday.id)).toBe('qua_han');
    } finally {
      today = TEST_TODAY;
    }
    expect(await statusOf(t.dueToday.id)).toBe('sap_den_han');
  });

  it('judges afresh when the working-day calendar changes', async () => {
    // Eight working days away: not yet "sắp đến hạn"; a day off in between brings it within seven.
    expect(await statusOf(t.dueIn8WorkingDays.id)).toBe('neither');
    const added = await call(ctx, cityAdmin.username, 'POST', '/api/calendar/overrides', { date: '2026-11-25', kind: 'day_off', note: 'Nghỉ (thử)' });
    expect(added.statusCode, added.body).toBe(201);
    expect(await statusOf(t.dueIn8WorkingDays.id)).toBe('sap_den_han');
    const removed = await call(ctx, cityAdmin.username, 'DELETE', `/api/calendar/overrides/${json<{ id: number }>(added).id}`);
    expect(removed.statusCode).toBe(204);
    expect(await statusOf(t.dueIn8WorkingDays.id)).toBe('neither');
  });
});
