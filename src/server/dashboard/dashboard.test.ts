import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_CARD_FILTERS, type TTaskFilter } from '../../contract';
import { STATUSES } from '../../domain/status';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type ApiError, type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call } from '../test/factories';

interface Task {
  id: number;
  planId: number | null;
  origin: string;
  area: number;
  status: string;
  due: string | null;
  nextDue: string | null;
  leadUnits: { id: number; name: string }[];
}
interface Counts {
  total: number;
  done: number;
  overdue: number;
  byStatus: Record<string, number>;
}
interface Dashboard {
  plan: { id: number; communeId: number; communeName: string; taskCount: number };
  asOf: string;
  dueSoonDays: number;
  totals: Counts & { dueSoon: number; undetermined: number; completionRate: number };
  completionRate: number;
  cityAssigned: Counts;
  byArea: (Counts & { area: number })[];
  byUnit: (Counts & { unitId: number; unitName: string })[];
  overdue: Task[];
  dueSoon: Task[];
  undetermined: Task[];
}

let ctx: TestContext;
let commune: Awaited<ReturnType<typeof buildCommune>>;
let other: Awaited<ReturnType<typeof buildCommune>>;
let unitA: Awaited<ReturnType<typeof buildUnit>>;
let unitB: Awaited<ReturnType<typeof buildUnit>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let otherPlan: Awaited<ReturnType<typeof buildPlan>>;
let coordinator: BuiltUser;
let unitStaff: BuiltUser;
let reviewer: BuiltUser;
/** The tasks the dashboard counts, by what they are on TEST_TODAY (2026-11-23). */
const t = {} as Record<'overdueQ3' | 'overdueOct' | 'dueSoon' | 'dueIn22Days' | 'undetermined' | 'doneOnTime' | 'cityDueSoon' | 'cityLastYear', { id: number }>;

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await buildCommune(ctx, { name: 'Tiên Thử' });
  other = await buildCommune(ctx, { name: 'An Thử', city: { id: commune.cityId } });
  unitA = await buildUnit(ctx, commune, { name: 'Phòng Văn hóa - Xã hội' });
  unitB = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  unitStaff = await buildUser(ctx, { role: 'unit_staff', commune, unit: unitB });
  reviewer = await buildUser(ctx, { role: 'city_reviewer', city: { id: commune.cityId } });
  // Plans the dashboard must not pick by default: last year's, and a fresh draft of this year.
  await buildPlan(ctx, commune, { period: { start: '2025-01-01', end: '2025-12-31' } });
  plan = await buildPlan(ctx, commune, { title: 'Kế hoạch cải cách hành chính năm 2026' });
  await buildPlan(ctx, commune, { status: 'draft', kind: 'thematic' });
  t.overdueQ3 = await buildTask(ctx, { plan }, { area: 3, lead: [unitA], timeframeText: 'Quý III/2026' });
  t.overdueOct = await buildTask(ctx, { plan }, { area: 3, lead: [unitB], timeframeText: 'Tháng 10/2026' });
  t.dueSoon = await buildTask(ctx, { plan }, { area: 1, lead: [unitA], timeframeText: 'Trước ngày 30/11/2026' });
  t.dueIn22Days = await buildTask(ctx, { plan }, { area: 1, lead: [unitA], timeframeText: 'Trước ngày 15/12/2026' });
  t.undetermined = await buildTask(ctx, { plan }, { area: 7, lead: [unitA], timeframeText: 'Theo chỉ đạo của UBND xã' });
  t.doneOnTime = await buildTask(ctx, { plan }, { area: 2, lead: [unitA], timeframeText: 'Quý III/2026', doneAt: '2026-09-15' });
  t.cityDueSoon = await buildTask(ctx, { commune }, { area: 3, lead: [unitB], timeframeText: 'Trước ngày 27/11/2026' });
  t.cityLastYear = await buildTask(ctx, { commune, year: 2025 }, { area: 3, lead: [unitB], timeframeText: 'Quý IV/2025' });
  otherPlan = await buildPlan(ctx, other);
  await buildTask(ctx, { plan: otherPlan }, { timeframeText: 'Quý III/2026' });
});
afterAll(async () => ctx?.close());

const dashboard = async (user: string, query: string) => {
  const response = await call(ctx, user, 'GET', `/api/dashboard?${query}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return json<Dashboard>(response);
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('a coordinator’s dashboard at a date', () => {
  let d: Dashboard;
  let tasks: Task[];
  beforeAll(async () => {
    d = await dashboard(coordinator.username, `asOf=${TEST_TODAY}`);
    tasks = json<Task[]>(await call(ctx, coordinator.username, 'GET', `/api/tasks?communeId=${commune.id}&asOf=${TEST_TODAY}`));
  });

  it('shows the issued plan running today, with the city’s tasks of its period', () => {
    expect(d.plan).toMatchObject({ id: plan.id, communeName: 'Tiên Thử', taskCount: 6 });
    expect(d.asOf).toBe(TEST_TODAY);
    expect(d.dueSoonDays).toBe(7);
    expect(d.totals.total).toBe(7);
    expect(d.cityAssigned.total).toBe(1); // last year's city task falls outside the plan's period
  });

  it('totals are consistent: by status, by area and the headline numbers', () => {
    expect(Object.keys(d.totals.byStatus).sort()).toEqual([...STATUSES].sort());
    expect(sum(Object.values(d.totals.byStatus))).toBe(d.totals.total);
    expect(sum(d.byArea.map((a) => a.total))).toBe(d.totals.total);
    expect(d.byArea.map((a) => a.area)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const area of d.byArea) expect(sum(Object.values(area.byStatus))).toBe(area.total);
    expect(d.totals).toMatchObject({ total: 7, done: 1, overdue: 2, undetermined: 1, completionRate: 14.3 });
    expect(d.totals.byStatus).toMatchObject({ qua_han: 2, sap_den_han: 2, chua_thuc_hien: 1, chua_xac_dinh_han: 1, hoan_thanh_dung_han: 1 });
    expect(d.byArea.map((a) => a.total)).toEqual([2, 1, 3, 0, 0, 0, 1]);
    expect(d.byArea[2]).toMatchObject({ area: 3, overdue: 2 });
    // The same numbers as judging the commune's task list that day (less last year's city task).
    const counted = tasks.filter((x) => x.id !== t.cityLastYear.id);
    for (const status of STATUSES) expect(d.totals.byStatus[status]).toBe(counted.filter((x) => x.status === status).length);
  });

  it('counts each unit’s led tasks, the busiest first', () => {
    expect(d.byUnit.map((u) => [u.unitName, u.total, u.overdue])).toEqual([
      ['Phòng Văn hóa - Xã hội', 5, 1],
      ['Văn phòng HĐND và UBND', 2, 1],
    ]);
    for (const unit of d.byUnit) expect(sum(Object.values(unit.byStatus))).toBe(unit.total);
  });

  it('the overdue list holds exactly the overdue tasks, oldest deadline first', () => {
    expect(d.overdue.map((x) => x.id)).toEqual([t.overdueQ3.id, t.overdueOct.id]);
    expect(d.overdue.map((x) => x.due)).toEqual(['2026-09-30', '2026-10-31']);
  });

  it('the due-soon list is the due-soon card: the commune’s 7 working days, soonest first', () => {
    expect(d.dueSoon.map((x) => x.id)).toEqual([t.cityDueSoon.id, t.dueSoon.id]);
    expect(d.dueSoon.length).toBe(d.totals.dueSoon);
  });

  it('one threshold: the commune’s setting, in working days, moves the card and the list together', async () => {
    // 15/12 is 16 working days after Monday 23/11 (Saturdays and Sundays skipped): 15 is one short.
    for (const [days, expected] of [
      [15, [t.cityDueSoon.id, t.dueSoon.id]],
      [16, [t.cityDueSoon.id, t.dueSoon.id, t.dueIn22Days.id]],
    ] as const) {
      await ctx.pool.query('UPDATE communes SET due_soon_days = $1 WHERE id = $2', [days, commune.id]);
      const wide = await dashboard(coordinator.username, `asOf=${TEST_TODAY}`);
      expect(wide.dueSoonDays).toBe(days);
      expect(wide.dueSoon.map((x) => x.id)).toEqual(expected);
      expect(wide.totals.dueSoon).toBe(expected.length);
    }
    await ctx.pool.query('UPDATE communes SET due_soon_days = 7 WHERE id = $1', [commune.id]);
  });

  it('every card and chart segment opens exactly the tasks it counted (GET /api/dashboard/tasks, same filter)', async () => {
    const list = async (filter: TTaskFilter) => {
      const query = new URLSearchParams(Object.entries({ asOf: TEST_TODAY, ...filter }).map(([k, v]) => [k, String(v)]));
      const response = await call(ctx, coordinator.username, 'GET', `/api/dashboard/tasks?${query}`);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      return json<Task[]>(response);
    };
    const cardCounts: Record<keyof typeof DASHBOARD_CARD_FILTERS, number> = {
      total: d.totals.total,
      done: d.totals.done,
      rate: d.totals.done,
      overdue: d.totals.overdue,
      dueSoon: d.totals.dueSoon,
      undetermined: d.totals.undetermined,
    };
    for (const [card, filter] of Object.entries(DASHBOARD_CARD_FILTERS)) {
      expect((await list(filter)).length, card).toBe(cardCounts[card as keyof typeof cardCounts]);
    }
    expect((await list(DASHBOARD_CARD_FILTERS.overdue)).map((x) => x.id).sort()).toEqual(d.overdue.map((x) => x.id).sort());
    for (const status of STATUSES) {
      expect((await list({ status })).length, status).toBe(d.totals.byStatus[status]);
      expect((await list({ origin: 'city_assigned', status })).length, `city ${status}`).toBe(d.cityAssigned.byStatus[status]);
      for (const area of d.byArea) expect((await list({ area: area.area as TTaskFilter['area'], status })).length, `area ${area.area} ${status}`).toBe(area.byStatus[status]);
      for (const unit of d.byUnit) expect((await list({ leadUnitId: unit.unitId, status })).length, `unit ${unit.unitName} ${status}`).toBe(unit.byStatus[status]);
    }
    for (const unit of d.byUnit) expect((await list({ leadUnitId: unit.unitId })).length).toBe(unit.total);
    expect((await list({ origin: 'city_assigned' })).length).toBe(d.cityAssigned.total);
    // A city-level user names the commune; another commune's coordinator finds nothing of it.
    const response = await call(ctx, reviewer.username, 'GET', `/api/dashboard/tasks?communeId=${commune.id}&asOf=${TEST_TODAY}&status=qua_han`);
    expect(
      json<Task[]>(response)
        .map((x) => x.id)
        .sort(),
    ).toEqual(d.overdue.map((x) => x.id).sort());
  });

  it('the undetermined list holds the tasks whose date an outside body sets', () => {
    expect(d.undetermined.map((x) => x.id)).toEqual([t.undetermined.id]);
    expect(d.undetermined[0].due).toBeNull();
  });

  it('judges at the date asked: on 1 June nothing was late yet and the Q3 task not started', async () => {
    const june = await dashboard(coordinator.username, 'asOf=2026-06-01');
    expect(june).toMatchObject({ asOf: '2026-06-01', plan: { id: plan.id } });
    expect(june.overdue).toEqual([]);
    expect(june.totals).toMatchObject({ overdue: 0, done: 1 });
  });

  it('without asOf, the app’s clock decides “today”', async () => {
    const today = await dashboard(coordinator.username, '');
    expect(today.asOf).toBe(ctx.clock.today());
    expect(today.totals).toEqual(d.totals);
  });
});

describe('whose dashboard', () => {
  it('the city reviewer sees another commune’s by naming it', async () => {
    const d = await dashboard(reviewer.username, `communeId=${other.id}&asOf=${TEST_TODAY}`);
    expect(d.plan).toMatchObject({ id: otherPlan.id, communeId: other.id, communeName: 'An Thử', taskCount: 1 });
    expect(d.totals.total).toBe(1);
    expect(d.cityAssigned.total).toBe(0);
  });

  it('a city-level user must name a commune', async () => {
    const response = await call(ctx, reviewer.username, 'GET', `/api/dashboard?asOf=${TEST_TODAY}`);
    expect(response.statusCode).toBe(400);
    expect(json<ApiError>(response).error.message).toBe('Vui lòng chọn xã/phường.');
  });

  it('a commune’s coordinator gets 404 for another commune, by commune or by plan', async () => {
    for (const query of [`communeId=${other.id}`, `planId=${otherPlan.id}`]) {
      const response = await call(ctx, coordinator.username, 'GET', `/api/dashboard?${query}&asOf=${TEST_TODAY}`);
      expect(response.statusCode).toBe(404);
      expect(json<ApiError>(response).error.code).toBe('not_found');
    }
  });

  it('a unit’s staff sees the whole commune’s dashboard', async () => {
    const d = await dashboard(unitStaff.username, `asOf=${TEST_TODAY}`);
    expect(d.plan.id).toBe(plan.id);
    expect(d.totals.total).toBe(7);
  });
});
