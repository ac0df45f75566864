/**
 * The demo, tested once, as the demo: what `npm start` shows a visitor on the day it is loaded.
 * Other API tests build their own data with the factories; the demo's numbers live only here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../domain/status';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { call, DEMO } from '../test/factories';
import { DEMO_USERS } from './communes';
import { loadDemoData } from './load-demo';

interface Task {
  id: number;
  planId: number | null;
  origin: string;
  area: number;
  number: number | null;
  status: string;
  due: string | null;
  leadUnits: { id: number; name: string }[];
}
interface Plan {
  id: number;
  communeName: string;
  kind: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  taskCount: number;
  doneCount: number;
  overdueCount: number;
  reportingRegime: string | null;
  targets: { text: string; comparator: string | null; value: number | null; unit: string | null }[];
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
});
afterAll(async () => ctx?.close());

const get = async <T>(user: string, url: string): Promise<T> => {
  const response = await call(ctx, user, 'GET', url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return json<T>(response);
};

describe('the demo as loaded on its day', () => {
  it('every demo login works, with its role', async () => {
    for (const user of DEMO_USERS) {
      const me = await get<{ user: { username: string; role: string } }>(user.username, '/api/auth/me');
      expect(me.user).toMatchObject({ username: user.username, role: user.role });
    }
  });

  it('has inspections: Cẩm Giàng’s H2-2025 plan of seed 003 concluded, and a coverage figure for Tiên Lãng’s year with kiemtra leading the team', async () => {
    const communesList = json<{ id: number; code: string }[]>(await call(ctx, 'kiemtra', 'GET', '/api/communes'));
    const tienLang = communesList.find((c) => c.code === 'tien-lang')?.id;
    const coverage = json<{ unitsInspected: number; unitsTotal: number; percent: number; unitsPlanned: number }>(
      await call(ctx, 'kiemtra', 'GET', `/api/communes/${tienLang}/inspection-coverage`),
    );
    expect(coverage).toMatchObject({ unitsInspected: 1, unitsPlanned: 1 });
    const list = json<{ inspections: { status: string; findingsOpen: number }[] }>(await call(ctx, 'kiemtra', 'GET', `/api/communes/${tienLang}/inspections`));
    expect(list.inspections.map((i) => i.status)).toEqual(['concluded', 'planned']);
    const cg = json<{ inspections: { status: string; findingsOpen: number; findingsTotal: number }[] }>(
      await call(ctx, 'daumoi.cg', 'GET', `/api/communes/${await cgId()}/inspections?year=2025`),
    );
    expect(cg.inspections.map((i) => [i.status, i.findingsTotal, i.findingsOpen])).toEqual([
      ['closed', 1, 0],
      ['closed', 0, 0],
      ['concluded', 2, 1],
      ['concluded', 1, 1],
    ]);
  });

  it('loads once: a second load leaves the database as it is', async () => {
    expect(await loadDemoData(ctx.db, TEST_TODAY)).toBeNull();
  });

  it('Tiên Lãng’s 2026 plan: 38 tasks of the seed’s appendix, its reporting regime and six targets', async () => {
    const plan = await get<Plan>('daumoi', `/api/plans/${DEMO.plans.tienLang}?asOf=${TEST_TODAY}`);
    expect(plan).toMatchObject({ communeName: 'Tiên Lãng', kind: 'annual', periodStart: '2026-01-01', periodEnd: '2026-12-31', status: 'issued', taskCount: 38 });
    expect(plan.reportingRegime).toContain('trước ngày 05');
    expect(plan.targets).toHaveLength(6);
    expect(plan.targets[0]).toMatchObject({ comparator: '=', value: 100, unit: '%' });
    expect(plan.targets[0].text).toContain('nhiệm vụ được Ủy ban nhân dân thành phố giao');
    expect(plan.doneCount).toBeGreaterThan(0);
    expect(plan.overdueCount).toBeGreaterThan(0);

    const tasks = await get<Task[]>('daumoi', `/api/plans/${DEMO.plans.tienLang}/tasks?asOf=${TEST_TODAY}`);
    expect(tasks).toHaveLength(38);
    // Area II (institutions) is Văn phòng's: tasks 9–18.
    const areaTwo = tasks.filter((t) => t.area === 2);
    expect(areaTwo.map((t) => t.number)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(areaTwo.every((t) => t.leadUnits.some((u) => u.name === 'Văn phòng HĐND và UBND'))).toBe(true);
  });

  it('the city reviewer sees the communes’ plans: the seeds’ 2025 plans closed with their result, a 2026 plan in force in each; a coordinator only its own', async () => {
    const all = await get<(Plan & { closedOn: string | null; finalResult: Record<string, number> | null })[]>('sonoivu', `/api/plans?asOf=${TEST_TODAY}`);
    expect(all.map((p) => `${p.communeName} ${p.periodStart} ${p.status}`).sort()).toEqual([
      'An Phong 2025-07-01 closed',
      'An Phong 2026-01-01 issued',
      'Cẩm Giàng 2025-07-01 closed',
      'Cẩm Giàng 2026-01-01 issued',
      'Tiên Lãng 2026-01-01 issued',
    ]);
    const anPhong2025 = all.find((p) => p.communeName === 'An Phong' && p.status === 'closed');
    expect(anPhong2025).toMatchObject({ taskCount: 33, closedOn: '2026-01-10', overdueCount: 0 });
    // The final result: every task done or settled as not done, nothing left "overdue" for ever.
    const result = anPhong2025?.finalResult ?? {};
    expect(Object.values(result).reduce((a, b) => a + b, 0)).toBe(33);
    expect(result.qua_han).toBe(0);
    expect(result.khong_hoan_thanh).toBeGreaterThan(0);
    expect((await get<Plan[]>('daumoi', '/api/plans')).map((p) => p.communeName)).toEqual(['Tiên Lãng']);
  });

  it('every plan in force has its report periods, from its reporting regime: the reports screen has periods to show', async () => {
    const all = await get<Plan[]>('sonoivu', `/api/plans?asOf=${TEST_TODAY}`);
    for (const plan of all) {
      const periods = await get<{ code: string; unitDeadline: string }[]>('sonoivu', `/api/plans/${plan.id}/report-periods`);
      if (plan.status === 'closed') expect(periods).toEqual([]);
      else
        expect(periods.map((p) => [p.code, p.unitDeadline])).toEqual([
          ['2026-Q1', '2026-03-05'],
          ['2026-H1', '2026-06-05'],
          ['2026-Q3', '2026-09-05'],
          ['2026-Y', '2026-12-05'],
        ]);
    }
  });

  it('Tiên Lãng’s plan was amended once: version 2 adds a monthly report, moves a task and drops one', async () => {
    const story = await get<{ versions: { version: number }[] }>('daumoi', `/api/plans/${DEMO.plans.tienLang}/amendments`);
    expect(story.versions.map((v) => v.version)).toEqual([1, 2]);
    const diff = await get<{ added: unknown[]; removed: unknown[]; rescheduled: { from: string; to: string }[] }>(
      'daumoi',
      `/api/plans/${DEMO.plans.tienLang}/versions/diff?from=1&to=2`,
    );
    expect([diff.added.length, diff.removed.length]).toEqual([1, 1]);
    expect(diff.rescheduled).toEqual([expect.objectContaining({ from: 'Tháng 10/2026', to: 'Tháng 12/2026' })]);
  });

  it('the city reviewer’s directives page: one Sở Nội vụ directive to the three communes, one on time, one late, one overdue; each coordinator was told', async () => {
    const list = await get<{ items: { id: number; number: string; counts: Record<string, number>; onTimeRate: number }[] }>('sonoivu', `/api/city/directives?asOf=${TEST_TODAY}`);
    expect(list.items).toHaveLength(1);
    expect(list.items[0].number).toMatch(/\/SNV-CCHC$/);
    expect(list.items[0].counts).toEqual({ total: 3, onTime: 1, late: 1, overdue: 1, open: 0 });
    const detail = await get<{ communes: { communeName: string; status: string }[] }>('sonoivu', `/api/city/directives/${list.items[0].id}?asOf=${TEST_TODAY}`);
    expect(Object.fromEntries(detail.communes.map((r) => [r.communeName, r.status]))).toEqual({
      'Tiên Lãng': 'hoan_thanh_dung_han',
      'Cẩm Giàng': 'hoan_thanh_qua_han',
      'An Phong': 'qua_han',
    });
    const bell = await get<{ items: { rule: string; taskId: number | null }[] }>('daumoi', '/api/notifications');
    expect(bell.items.filter((n) => n.rule === 'city_directive')).toHaveLength(1);
  });

  it('on its day Tiên Lãng shows every status: 38 plan tasks and 5 from the city (one by the city’s directive)', async () => {
    const list = await get<Task[]>('daumoi', `/api/tasks?communeId=${DEMO.communes.tienLang}&asOf=${TEST_TODAY}`);
    expect(list).toHaveLength(43);
    expect(list.filter((t) => t.origin === 'city_assigned')).toHaveLength(5);
    // Every status but "không hoàn thành", which only a closed plan's tasks get.
    expect(new Set(list.map((t) => t.status))).toEqual(new Set(STATUSES.filter((s) => s !== 'khong_hoan_thanh')));
    const count = (s: string) => list.filter((t) => t.status === s).length;
    expect([count('qua_han'), count('sap_den_han'), count('chua_xac_dinh_han'), count('hoan_thanh_qua_han')]).toEqual([4, 1, 2, 1]);
  });

  it('the coordinator’s dashboard: the annual plan and the city’s tasks, every status counted', async () => {
    const d = await get<{ plan: { id: number }; totals: Record<string, number>; cityAssigned: { total: number } }>('daumoi', `/api/dashboard?asOf=${TEST_TODAY}`);
    expect(d.plan.id).toBe(DEMO.plans.tienLang);
    // Two tasks the units reported done yesterday wait for the coordinator's confirmation: not counted as done.
    expect(d.totals).toMatchObject({ total: 43, done: 6, overdue: 4, undetermined: 2, completionRate: 14 });
    expect((d.totals as unknown as { byStatus: Record<string, number> }).byStatus.cho_xac_nhan).toBe(2);
    expect(d.cityAssigned.total).toBe(5);
  });
});

async function cgId() {
  const list = json<{ id: number; code: string }[]>(await call(ctx, 'daumoi.cg', 'GET', '/api/communes'));
  return list.find((c) => c.code === 'cam-giang')?.id;
}
