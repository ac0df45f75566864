import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type ApiError, type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call } from '../test/factories';

interface MyWork {
  asOf: string;
  unit: { id: number; name: string } | null;
  weekEnd: string;
  monthEnd: string;
  tasks: { id: number; status: string }[];
  sections: { key: string; taskIds: number[] }[];
}

let ctx: TestContext;
let head: BuiltUser;
let staff: BuiltUser;
let leader: BuiltUser;
let reviewer: BuiltUser;
let here: Awaited<ReturnType<typeof buildCommune>>;
const t = {} as Record<'overdue' | 'thisWeek' | 'thisMonth' | 'december' | 'coordinated' | 'assigned' | 'done' | 'otherUnit' | 'draft' | 'city', { id: number }>;

beforeAll(async () => {
  ctx = await createTestContext();
  const commune = await buildCommune(ctx, { name: 'Xã Việc Mình' });
  here = commune;
  const mine = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  const other = await buildUnit(ctx, commune, { name: 'Phòng Kinh tế' });
  head = await buildUser(ctx, { role: 'unit_head', commune, unit: mine });
  staff = await buildUser(ctx, { role: 'unit_staff', commune, unit: mine });
  leader = await buildUser(ctx, { role: 'leader', commune });
  reviewer = await buildUser(ctx, { role: 'city_reviewer', city: { id: commune.cityId } });
  const plan = await buildPlan(ctx, commune);
  const draft = await buildPlan(ctx, commune, { status: 'draft' });
  // TEST_TODAY is Monday 23/11/2026: the week ends 29/11, the month 30/11.
  t.overdue = await buildTask(ctx, { plan }, { lead: [mine], timeframeText: 'Tháng 10/2026' });
  t.thisWeek = await buildTask(ctx, { plan }, { lead: [mine], timeframeText: 'Trước ngày 27/11/2026', progress: 40 });
  t.thisMonth = await buildTask(ctx, { plan }, { lead: [mine], timeframeText: 'Trước ngày 30/11/2026' });
  t.december = await buildTask(ctx, { plan }, { lead: [mine], timeframeText: 'Tháng 12/2026' });
  t.coordinated = await buildTask(ctx, { plan }, { lead: [other], coordinators: [mine], timeframeText: 'Tháng 12/2026' });
  t.assigned = await buildTask(ctx, { plan }, { lead: [other], assignees: [staff], timeframeText: 'Trước ngày 25/11/2026' });
  t.done = await buildTask(ctx, { plan }, { lead: [mine], timeframeText: 'Quý III/2026', doneAt: '2026-09-20' });
  t.otherUnit = await buildTask(ctx, { plan }, { lead: [other], timeframeText: 'Tháng 10/2026' });
  t.draft = await buildTask(ctx, { plan: draft }, { lead: [mine], timeframeText: 'Tháng 10/2026' });
  t.city = await buildTask(ctx, { commune }, { lead: [mine], timeframeText: 'Trước ngày 26/11/2026' });
  // A report this month on the task due this week: it no longer waits for an update.
  const version = (await ctx.pool.query('SELECT version FROM tasks WHERE id = $1', [t.thisWeek.id])).rows[0].version;
  expect((await call(ctx, head.username, 'POST', `/api/tasks/${t.thisWeek.id}/progress`, { progress: 60, version })).statusCode).toBe(200);
});
afterAll(async () => ctx?.close());

const myWork = async (user: string) => {
  const response = await call(ctx, user, 'GET', `/api/tasks/mine?asOf=${TEST_TODAY}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return json<MyWork>(response);
};
const section = (work: MyWork, key: string) => work.sections.find((s) => s.key === key)?.taskIds ?? [];
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('my work (GET /api/tasks/mine)', () => {
  it('a unit head gets the unit’s open tasks of issued plans and from the city, nobody else’s', async () => {
    const work = await myWork(head.username);
    expect(work).toMatchObject({ asOf: TEST_TODAY, weekEnd: '2026-11-29', monthEnd: '2026-11-30', unit: { name: 'Văn phòng HĐND và UBND' } });
    expect(sorted(work.tasks.map((x) => x.id))).toEqual(sorted([t.overdue.id, t.thisWeek.id, t.thisMonth.id, t.december.id, t.coordinated.id, t.city.id]));
  });

  it('sorts them into overdue, due this week, due this month and waiting for an update', async () => {
    const work = await myWork(head.username);
    expect(work.sections.map((s) => s.key)).toEqual(['assignedToMe', 'returned', 'overdue', 'dueThisWeek', 'dueThisMonth', 'waitingUpdate']);
    expect(section(work, 'assignedToMe')).toEqual([]);
    expect(section(work, 'returned')).toEqual([]);
    expect(section(work, 'overdue')).toEqual([t.overdue.id]);
    expect(sorted(section(work, 'dueThisWeek'))).toEqual(sorted([t.thisWeek.id, t.city.id]));
    expect(section(work, 'dueThisMonth')).toEqual([t.thisMonth.id]);
    expect(sorted(section(work, 'waitingUpdate'))).toEqual(sorted([t.overdue.id, t.thisMonth.id, t.december.id, t.coordinated.id, t.city.id]));
  });

  it('a staff member sees what is assigned to them first, even another unit’s task', async () => {
    const work = await myWork(staff.username);
    expect(work.sections[0]).toEqual({ key: 'assignedToMe', taskIds: [t.assigned.id] });
    expect(section(work, 'dueThisWeek')).toContain(t.assigned.id);
  });

  it('a leader outside any unit sees only what is assigned to them; the city reviewer is refused', async () => {
    const work = await myWork(leader.username);
    expect(work.unit).toBeNull();
    expect(work.tasks).toEqual([]);
    const response = await call(ctx, reviewer.username, 'GET', `/api/tasks/mine?asOf=${TEST_TODAY}`);
    expect(response.statusCode).toBe(400);
    expect(json<ApiError>(response).error.message).toMatch(/Việc của tôi/);
  });

  it('a completion the coordinator returns comes back under "returned", with the task still open', async () => {
    const coordinator = await buildUser(ctx, { role: 'coordinator', commune: here });
    const version = async () => (await ctx.pool.query('SELECT version FROM tasks WHERE id = $1', [t.thisMonth.id])).rows[0].version as number;
    const reported = await call(ctx, head.username, 'POST', `/api/tasks/${t.thisMonth.id}/progress`, {
      progress: 100,
      done: true,
      version: await version(),
      evidenceLink: 'https://xa.example/bao-cao.pdf',
    });
    expect(reported.statusCode, reported.body.slice(0, 300)).toBe(200);
    expect(section(await myWork(head.username), 'returned')).toEqual([]);
    const returned = await call(ctx, coordinator.username, 'POST', `/api/tasks/${t.thisMonth.id}/return`, { version: await version(), reason: 'Thiếu biên bản kèm theo' });
    expect(returned.statusCode, returned.body.slice(0, 300)).toBe(200);
    const work = await myWork(head.username);
    expect(section(work, 'returned')).toEqual([t.thisMonth.id]);
    expect(section(work, 'dueThisMonth')).toEqual([t.thisMonth.id]);
  });
});
