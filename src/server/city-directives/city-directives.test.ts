import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCityDirectiveDetail, TCityDirectiveList, TCityOverview, TTask, TTaskDetail } from '../../contract';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildUnit, buildUser, call, countRows } from '../test/factories';

type Commune = Awaited<ReturnType<typeof buildCommune>>;

let ctx: TestContext;
let reviewer: BuiltUser;
let cityAdmin: BuiltUser;
let otherReviewer: BuiltUser;
let a: Commune;
let b: Commune;
let c: Commune;
let coordinatorA: BuiltUser;
let coordinatorB: BuiltUser;
let coordinatorC: BuiltUser;
let staffA: BuiltUser;
let vhxhA: Awaited<ReturnType<typeof buildUnit>>;
let otherUnitA: Awaited<ReturnType<typeof buildUnit>>;

beforeAll(async () => {
  ctx = await createTestContext();
  a = await buildCommune(ctx, { name: 'Xã An Chỉ Đạo' });
  const city = { id: a.cityId };
  b = await buildCommune(ctx, { name: 'Xã Bình Chỉ Đạo', city });
  c = await buildCommune(ctx, { name: 'Xã Cẩm Chỉ Đạo', city });
  vhxhA = await buildUnit(ctx, a, { name: 'Phòng Văn hóa - Xã hội', isCoordinator: true });
  otherUnitA = await buildUnit(ctx, a, { name: 'Văn phòng HĐND và UBND' });
  await buildUnit(ctx, b, { name: 'Phòng Văn hóa - Xã hội', isCoordinator: true });
  reviewer = await buildUser(ctx, { role: 'city_reviewer', city });
  cityAdmin = await buildUser(ctx, { role: 'admin', city });
  otherReviewer = await buildUser(ctx, { role: 'city_reviewer' });
  coordinatorA = await buildUser(ctx, { role: 'coordinator', commune: a });
  coordinatorB = await buildUser(ctx, { role: 'coordinator', commune: b });
  coordinatorC = await buildUser(ctx, { role: 'coordinator', commune: c });
  staffA = await buildUser(ctx, { role: 'unit_staff', commune: a, unit: vhxhA });
});
afterAll(async () => ctx?.close());

const directive = (overrides: Record<string, unknown> = {}) => ({
  number: '125/UBND-NV',
  issuedOn: '2026-11-02',
  area: 3,
  content: 'Rà soát, công khai thủ tục hành chính trên Cổng dịch vụ công',
  deadline: '2026-11-20',
  product: 'Báo cáo kết quả rà soát',
  communes: [a.id, b.id],
  ...overrides,
});

const cityTasks = async (user: BuiltUser, commune: Commune) => json<TTask[]>(await call(ctx, user.username, 'GET', `/api/tasks?communeId=${commune.id}&origin=city_assigned`));
const detail = async (id: number) => json<TCityDirectiveDetail>(await call(ctx, reviewer.username, 'GET', `/api/city/directives/${id}`));
const overviewRow = async (commune: Commune) =>
  json<TCityOverview>(await call(ctx, reviewer.username, 'GET', '/api/city/overview')).communes.find((r) => r.communeId === commune.id);

describe('a city directive issued once to many communes', () => {
  let issued: TCityDirectiveDetail;

  it('the reviewer enters it once; each chosen commune gets its task, led by its CCHC coordinating unit', async () => {
    const response = await call(ctx, reviewer.username, 'POST', '/api/city/directives', directive());
    expect(response.statusCode, response.body).toBe(201);
    issued = json<TCityDirectiveDetail>(response);
    expect(issued).toMatchObject({ number: '125/UBND-NV', timeframeText: 'Trước ngày 20/11/2026', year: 2026, canEdit: true });
    expect(issued.communes.map((r) => r.communeId)).toEqual([a.id, b.id]);

    const [taskA] = await cityTasks(coordinatorA, a);
    expect(taskA).toMatchObject({ origin: 'city_assigned', planId: null, content: directive().content, due: '2026-11-20', product: 'Báo cáo kết quả rà soát' });
    expect(taskA.sourceDocument).toContain('125/UBND-NV ngày 02/11/2026');
    expect(taskA.leadUnits.map((u) => u.id)).toEqual([vhxhA.id]);
    expect(taskA.id).toBe(issued.communes[0].taskId);
    expect(await cityTasks(coordinatorC, c)).toEqual([]);
  });

  it('a commune user cannot create, read or change directives; a commune sees only its own task', async () => {
    const before = await countRows(ctx, 'city_directives');
    for (const user of [coordinatorA, staffA]) {
      expect((await call(ctx, user.username, 'POST', '/api/city/directives', directive({ number: '1/X' }))).statusCode).toBe(403);
      expect((await call(ctx, user.username, 'GET', '/api/city/directives')).statusCode).toBe(403);
      expect((await call(ctx, user.username, 'GET', `/api/city/directives/${issued.id}`)).statusCode).toBe(403);
      expect((await call(ctx, user.username, 'POST', `/api/city/directives/${issued.id}/communes`, { communes: 'all' })).statusCode).toBe(403);
    }
    expect(await countRows(ctx, 'city_directives')).toBe(before);
    // Another city's reviewer finds neither the directive nor a commune to give it to.
    expect((await call(ctx, otherReviewer.username, 'GET', `/api/city/directives/${issued.id}`)).statusCode).toBe(404);
    expect((await call(ctx, otherReviewer.username, 'POST', '/api/city/directives', directive({ number: '2/X' }))).statusCode).toBe(404);

    const taskB = issued.communes.find((r) => r.communeId === b.id)?.taskId;
    expect((await cityTasks(coordinatorA, a)).map((t) => t.id)).toEqual([issued.communes[0].taskId]);
    expect((await call(ctx, coordinatorA.username, 'GET', `/api/tasks/${taskB}`)).statusCode).toBe(404);
    expect((await call(ctx, coordinatorA.username, 'GET', `/api/tasks?communeId=${b.id}`)).statusCode).toBe(404);
  });

  it('the roll-up counts what the communes’ own tasks say, by the same rules', async () => {
    // A reports done today with its product; B does nothing. The deadline (20/11) has passed on TEST_TODAY.
    const [taskA] = await cityTasks(coordinatorA, a);
    const done = await call(ctx, coordinatorA.username, 'POST', `/api/tasks/${taskA.id}/progress`, {
      progress: 100,
      done: true,
      version: taskA.version,
      evidenceLink: 'https://dichvucong.example.gov.vn/bao-cao-ra-soat',
    });
    expect(done.statusCode, done.body).toBe(200);

    const page = await detail(issued.id);
    for (const row of page.communes) {
      const own = json<TTaskDetail>(await call(ctx, row.communeId === a.id ? coordinatorA.username : coordinatorB.username, 'GET', `/api/tasks/${row.taskId}`));
      expect(row).toMatchObject({ status: own.status, due: own.due, daysLate: own.daysLate, doneAt: own.doneAt });
    }
    const rowA = page.communes.find((r) => r.communeId === a.id);
    const rowB = page.communes.find((r) => r.communeId === b.id);
    expect(rowA).toMatchObject({ status: 'hoan_thanh_qua_han', doneAt: TEST_TODAY, late: true, evidenceLink: 'https://dichvucong.example.gov.vn/bao-cao-ra-soat' });
    expect(rowB).toMatchObject({ status: 'qua_han', late: true, doneAt: null });
    expect(page.counts).toEqual({ total: 2, onTime: 0, late: 1, overdue: 1, open: 0 });
    expect(page.onTimeRate).toBe(0);
    // The city overview counts the same tasks among each commune's city-assigned ones.
    expect((await overviewRow(a))?.cityAssigned).toMatchObject({ late: 1, overdue: 0 });
    expect((await overviewRow(b))?.cityAssigned).toMatchObject({ late: 0, overdue: 1 });
    const list = json<TCityDirectiveList>(await call(ctx, cityAdmin.username, 'GET', '/api/city/directives'));
    expect(list.items.find((d) => d.id === issued.id)?.counts).toEqual(page.counts);
  });

  it('a new deadline reaches every commune’s task at once, and the statuses follow it', async () => {
    const current = await detail(issued.id);
    const response = await call(ctx, reviewer.username, 'PATCH', `/api/city/directives/${issued.id}`, { deadline: '2026-11-30', version: current.version });
    expect(response.statusCode, response.body).toBe(200);
    const page = json<TCityDirectiveDetail>(response);
    expect(page.timeframeText).toBe('Trước ngày 30/11/2026');
    for (const [user, commune] of [
      [coordinatorA, a],
      [coordinatorB, b],
    ] as const) {
      const [task] = await cityTasks(user, commune);
      expect(task).toMatchObject({ timeframeText: 'Trước ngày 30/11/2026', due: '2026-11-30' });
    }
    expect(page.communes.find((r) => r.communeId === a.id)).toMatchObject({ status: 'hoan_thanh_dung_han', late: false });
    expect(page.communes.find((r) => r.communeId === b.id)?.late).toBe(false);
    expect(page.counts).toMatchObject({ total: 2, onTime: 1, late: 0, overdue: 0, open: 1 });
    expect(page.onTimeRate).toBe(50);
    // A stale version is refused and changes nothing.
    expect((await call(ctx, reviewer.username, 'PATCH', `/api/city/directives/${issued.id}`, { deadline: '2026-12-31', version: current.version })).statusCode).toBe(409);
    expect((await detail(issued.id)).timeframeText).toBe('Trước ngày 30/11/2026');
  });

  it('the commune hands its task to another unit, but the wording and deadline stay the city’s', async () => {
    const [task] = await cityTasks(coordinatorA, a);
    const reworded = await call(ctx, coordinatorA.username, 'PATCH', `/api/tasks/${task.id}`, { content: 'Việc khác', version: task.version });
    expect(reworded.statusCode).toBe(403);
    expect(reworded.body).toContain('do thành phố sửa');
    const handed = await call(ctx, coordinatorA.username, 'PATCH', `/api/tasks/${task.id}`, { leadUnitIds: [otherUnitA.id], version: task.version });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(json<TTask>(handed).leadUnits.map((u) => u.id)).toEqual([otherUnitA.id]);
  });

  it('a commune added later gets the task once; “all” gives it to the rest of the city only', async () => {
    const added = await call(ctx, reviewer.username, 'POST', `/api/city/directives/${issued.id}/communes`, { communes: [c.id, a.id] });
    expect(added.statusCode, added.body).toBe(200);
    expect(json<TCityDirectiveDetail>(added).communes.map((r) => r.communeId)).toEqual([a.id, b.id, c.id]);
    const [taskC] = await cityTasks(coordinatorC, c);
    expect(taskC).toMatchObject({ content: directive().content, due: '2026-11-30', leadUnits: [] });
    expect(await cityTasks(coordinatorA, a)).toHaveLength(1);

    const later = await buildCommune(ctx, { name: 'Xã Đông Chỉ Đạo', city: { id: a.cityId } });
    const all = json<TCityDirectiveDetail>(await call(ctx, cityAdmin.username, 'POST', `/api/city/directives/${issued.id}/communes`, { communes: 'all' }));
    expect(all.communes.map((r) => r.communeId)).toEqual([a.id, b.id, c.id, later.id]);
    expect(all.counts.total).toBe(4);
    expect(await countRows(ctx, 'tasks', `directive_id = ${issued.id}`)).toBe(4);
  });

  it('refuses a directive with both a deadline and a time frame, or with neither, in Vietnamese', async () => {
    const both = await call(ctx, reviewer.username, 'POST', '/api/city/directives', directive({ number: '3/X', timeframeText: 'Quý IV/2026' }));
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('một trong hai');
    const { deadline: _d, ...none } = directive({ number: '4/X' });
    expect((await call(ctx, reviewer.username, 'POST', '/api/city/directives', none)).statusCode).toBe(400);
    // Words instead of a day are read by the time-frame parser, in the year of the document.
    const words = json<TCityDirectiveDetail>(
      await call(ctx, reviewer.username, 'POST', '/api/city/directives', { ...none, number: '5/X', timeframeText: 'Trước ngày 15 của tháng cuối quý', communes: [b.id] }),
    );
    expect(words).toMatchObject({ timeframeText: 'Trước ngày 15 của tháng cuối quý', year: 2026 });
    expect(words.communes[0].due).toBe('2026-12-15');
  });
});
