import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../domain/status';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { call, DEMO, type ApiError } from '../test/factories';

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
  horizonDays: number;
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
beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
});
afterAll(async () => ctx?.close());

const dashboard = async (user: string, query: string) => {
  const response = await call(ctx, user, 'GET', `/api/dashboard?${query}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return json<Dashboard>(response);
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ids = (list: { id: number }[]) => list.map((t) => t.id).sort((a, b) => a - b);

describe('a coordinator’s dashboard on the demo’s day', () => {
  let d: Dashboard;
  let tasks: Task[];
  beforeAll(async () => {
    d = await dashboard('daumoi', `asOf=${TEST_TODAY}`);
    tasks = json<Task[]>(await call(ctx, 'daumoi', 'GET', `/api/tasks?communeId=1&asOf=${TEST_TODAY}`));
  });

  it('shows the commune’s current plan with the city’s tasks of its period', () => {
    expect(d.plan).toMatchObject({ id: DEMO.plans.tienLang, communeName: 'Tiên Lãng', taskCount: 38 });
    expect(d.asOf).toBe(TEST_TODAY);
    expect(d.horizonDays).toBe(14);
    expect(d.totals.total).toBe(42);
    expect(d.cityAssigned.total).toBe(4);
  });

  it('totals are consistent: by status, by area and the headline numbers', () => {
    expect(Object.keys(d.totals.byStatus).sort()).toEqual([...STATUSES].sort());
    expect(sum(Object.values(d.totals.byStatus))).toBe(d.totals.total);
    expect(sum(d.byArea.map((a) => a.total))).toBe(d.totals.total);
    expect(sum(d.byArea.map((a) => a.done))).toBe(d.totals.done);
    expect(sum(d.byArea.map((a) => a.overdue))).toBe(d.totals.overdue);
    expect(d.byArea.map((a) => a.area)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const area of d.byArea) expect(sum(Object.values(area.byStatus))).toBe(area.total);
    expect(d.totals.done).toBe(d.totals.byStatus.hoan_thanh_dung_han + d.totals.byStatus.hoan_thanh_qua_han);
    expect(d.totals.overdue).toBe(d.totals.byStatus.qua_han);
    expect(d.totals.undetermined).toBe(d.totals.byStatus.chua_xac_dinh_han);
    expect(d.completionRate).toBe(Math.round((d.totals.done * 1000) / d.totals.total) / 10);
    // The same numbers as judging the task list on that day.
    for (const status of STATUSES) expect(d.totals.byStatus[status]).toBe(tasks.filter((t) => t.status === status).length);
    expect(d.totals).toMatchObject({ total: 42, done: 7, overdue: 4, undetermined: 2, completionRate: 16.7 });
    expect(d.byArea[1]).toMatchObject({ area: 2, total: 11 }); // ten plan tasks and one from the city
  });

  it('counts each unit’s led tasks', () => {
    const vanPhong = d.byUnit.find((u) => u.unitId === DEMO.units.vanPhong);
    expect(vanPhong?.unitName).toBe('Văn phòng HĐND và UBND');
    expect(vanPhong?.total).toBe(tasks.filter((t) => t.leadUnits.some((u) => u.id === DEMO.units.vanPhong)).length);
    for (const unit of d.byUnit) expect(sum(Object.values(unit.byStatus))).toBe(unit.total);
    expect(d.byUnit.map((u) => u.total)).toEqual([...d.byUnit.map((u) => u.total)].sort((a, b) => b - a));
  });

  it('the overdue list holds exactly the overdue tasks, oldest deadline first', () => {
    expect(d.overdue).toHaveLength(d.totals.overdue);
    expect(d.overdue.every((t) => t.status === 'qua_han')).toBe(true);
    expect(ids(d.overdue)).toEqual(ids(tasks.filter((t) => t.status === 'qua_han')));
    const dues = d.overdue.map((t) => t.due as string);
    expect(dues).toEqual([...dues].sort());
    expect(dues.every((due) => due < TEST_TODAY)).toBe(true);
  });

  it('the due-soon list holds open tasks whose next deadline is within 14 days', () => {
    const horizon = addDays(TEST_TODAY, 14);
    expect(d.dueSoon.length).toBeGreaterThan(0);
    for (const task of d.dueSoon) {
      const next = (task.nextDue ?? task.due) as string;
      expect(next >= TEST_TODAY && next <= horizon).toBe(true);
      expect(['qua_han', 'hoan_thanh_dung_han', 'hoan_thanh_qua_han']).not.toContain(task.status);
    }
    const expected = tasks.filter((t) => {
      const next = t.nextDue ?? t.due;
      return next !== null && next >= TEST_TODAY && next <= horizon && !['qua_han', 'hoan_thanh_dung_han', 'hoan_thanh_qua_han'].includes(t.status);
    });
    expect(ids(d.dueSoon)).toEqual(ids(expected));
    expect(ids(d.dueSoon)).toContain(96); // the city's report due 27/11
  });

  it('a longer horizon brings later deadlines in', async () => {
    const wide = await dashboard('daumoi', `asOf=${TEST_TODAY}&horizonDays=30`);
    expect(wide.dueSoon.length).toBeGreaterThan(d.dueSoon.length);
    expect(ids(wide.dueSoon)).toEqual(expect.arrayContaining(ids(d.dueSoon)));
    expect(ids(wide.dueSoon)).toContain(2); // quarterly report due 10/12
  });

  it('the undetermined list holds the tasks whose date an outside body sets', () => {
    expect(d.undetermined).toHaveLength(2);
    expect(d.undetermined.every((t) => t.status === 'chua_xac_dinh_han' && t.due === null)).toBe(true);
    expect(ids(d.undetermined)).toEqual([26, 99]);
  });

  it('judges at the date asked: in June the overdue list is different', async () => {
    const june = await dashboard('daumoi', 'asOf=2026-06-01');
    expect(june.asOf).toBe('2026-06-01');
    expect(june.plan.id).toBe(1);
    expect(ids(june.overdue)).not.toEqual(ids(d.overdue));
    expect(june.overdue.every((t) => (t.due as string) < '2026-06-01')).toBe(true);
  });
});

describe('whose dashboard', () => {
  it('the city reviewer sees An Phong’s with communeId=2', async () => {
    const d = await dashboard('sonoivu', `communeId=${DEMO.communes.anPhong}&asOf=${TEST_TODAY}`);
    expect(d.plan).toMatchObject({ communeId: DEMO.communes.anPhong, communeName: 'An Phong', taskCount: 33 });
    expect(d.totals.total).toBe(33);
    expect(d.cityAssigned.total).toBe(0);
  });

  it('a city-level user must name a commune', async () => {
    const response = await call(ctx, 'sonoivu', 'GET', `/api/dashboard?asOf=${TEST_TODAY}`);
    expect(response.statusCode).toBe(400);
    expect(json<ApiError>(response).error.message).toBe('Vui lòng chọn xã/phường.');
  });

  it('Tiên Lãng’s coordinator gets 404 for An Phong, by commune or by plan', async () => {
    for (const query of [`communeId=${DEMO.communes.anPhong}`, `planId=${DEMO.plans.anPhong}`]) {
      const response = await call(ctx, 'daumoi', 'GET', `/api/dashboard?${query}&asOf=${TEST_TODAY}`);
      expect(response.statusCode).toBe(404);
      expect(json<ApiError>(response).error.code).toBe('not_found');
    }
  });

  it('a unit head sees the whole commune’s dashboard', async () => {
    const d = await dashboard('canbovp', `asOf=${TEST_TODAY}`);
    expect(d.plan.id).toBe(1);
    expect(d.totals.total).toBe(42);
  });
});
