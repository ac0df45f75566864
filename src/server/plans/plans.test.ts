import { drizzle } from 'drizzle-orm/node-postgres';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../db/schema';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type ApiError, type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call, fingerprint } from '../test/factories';
import { listPlans } from './service';

interface Target {
  id?: number;
  text: string;
  comparator: string | null;
  value: number | null;
  unit: string | null;
}
interface Plan {
  id: number;
  communeId: number;
  communeName: string;
  kind: string;
  title: string;
  number: string | null;
  issuer: string | null;
  issueDate: string | null;
  periodStart: string;
  periodEnd: string;
  status: string;
  taskCount: number;
  doneCount: number;
  overdueCount: number;
  reportingRegime: string | null;
  targets: Target[];
}
interface Task {
  id: number;
  area: number;
  number: number | null;
  content: string;
  status: string;
}

let ctx: TestContext;
let commune: Awaited<ReturnType<typeof buildCommune>>;
let other: Awaited<ReturnType<typeof buildCommune>>;
let vanPhong: Awaited<ReturnType<typeof buildUnit>>;
/** The commune's running annual plan. */
let running: Awaited<ReturnType<typeof buildPlan>>;
let otherPlan: Awaited<ReturnType<typeof buildPlan>>;
const who = {} as Record<'coordinator' | 'leader' | 'inspector' | 'reviewer' | 'otherCoordinator', BuiltUser>;
beforeAll(async () => {
  ctx = await createTestContext();
  commune = await buildCommune(ctx, { name: 'Tiên Thử' });
  other = await buildCommune(ctx, { name: 'An Thử', city: { id: commune.cityId } });
  vanPhong = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  who.coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  who.leader = await buildUser(ctx, { role: 'leader', commune });
  who.inspector = await buildUser(ctx, { role: 'inspector', commune });
  who.reviewer = await buildUser(ctx, { role: 'city_reviewer', city: { id: commune.cityId } });
  who.otherCoordinator = await buildUser(ctx, { role: 'coordinator', commune: other });
  running = await buildPlan(ctx, commune, {
    title: 'Kế hoạch cải cách hành chính năm 2026',
    reportingRegime: 'Các cơ quan, đơn vị gửi báo cáo trước ngày 05 của tháng cuối quý.',
    targets: [
      { text: 'Hoàn thành 100% nhiệm vụ được Ủy ban nhân dân thành phố giao.', comparator: '=', value: 100, unit: '%' },
      { text: 'Tỷ lệ hài lòng đạt trên 90%.', comparator: '>', value: 90, unit: '%' },
    ],
  });
  await buildTask(ctx, { plan: running }, { timeframeText: 'Quý III/2026', doneAt: '2026-09-20' });
  await buildTask(ctx, { plan: running }, { timeframeText: 'Quý III/2026' });
  await buildTask(ctx, { plan: running }, { timeframeText: 'Tháng 12/2026' });
  otherPlan = await buildPlan(ctx, other);
  await buildTask(ctx, { plan: otherPlan });
});
afterAll(async () => ctx?.close());

const getPlan = async (id: number, user = who.coordinator.username, query = '') => {
  const response = await call(ctx, user, 'GET', `/api/plans/${id}${query}`);
  expect(response.statusCode).toBe(200);
  return json<Plan>(response);
};

const newPlan = () => ({
  communeId: commune.id,
  kind: 'half_year',
  title: 'Kế hoạch cải cách hành chính 6 tháng đầu năm 2027',
  number: '15/KH-UBND',
  issuer: 'UBND xã Tiên Lãng',
  issueDate: '2026-12-20',
  periodStart: '2027-01-01',
  periodEnd: '2027-06-30',
  reportingRegime: 'Báo cáo quý trước ngày 10 của tháng cuối quý.',
  targets: [
    { text: 'Tỷ lệ hài lòng của người dân đạt từ 90% trở lên.', comparator: '>=', value: 90, unit: '%' },
    { text: 'Hoàn thành 100% nhiệm vụ của kế hoạch.', comparator: '=', value: 100, unit: '%' },
  ],
});

describe('a plan’s summary, judged at a date', () => {
  it('GET /api/plans/:id gives the counts, the reporting regime and the targets', async () => {
    const plan = await getPlan(running.id, who.coordinator.username, `?asOf=${TEST_TODAY}`);
    expect(plan).toMatchObject({ id: running.id, communeId: commune.id, communeName: 'Tiên Thử', kind: 'annual', status: 'issued', taskCount: 3, doneCount: 1, overdueCount: 1 });
    expect(plan.reportingRegime).toContain('trước ngày 05');
    expect(plan.targets).toHaveLength(2);
    expect(plan.targets[0]).toMatchObject({ comparator: '=', value: 100, unit: '%' });
    // The counts agree with the tasks judged that day.
    const tasks = json<Task[]>(await call(ctx, who.coordinator.username, 'GET', `/api/plans/${running.id}/tasks?asOf=${TEST_TODAY}`));
    expect(plan.doneCount).toBe(tasks.filter((t) => t.status.startsWith('hoan_thanh')).length);
    expect(plan.overdueCount).toBe(tasks.filter((t) => t.status === 'qua_han').length);
  });

  it('honours asOf: on 1 June nothing was late yet; without it the clock’s today', async () => {
    expect(await getPlan(running.id, who.coordinator.username, '?asOf=2026-06-01')).toMatchObject({ taskCount: 3, overdueCount: 0 });
    expect(await getPlan(running.id)).toMatchObject({ doneCount: 1, overdueCount: 1 });
    const listed = json<Plan[]>(await call(ctx, who.coordinator.username, 'GET', '/api/plans?asOf=2026-06-01'));
    expect(listed.find((p) => p.id === running.id)).toMatchObject({ overdueCount: 0 });
  });

  it('the city reviewer lists every commune’s plans, by commune name; a coordinator only its own', async () => {
    const all = json<Plan[]>(await call(ctx, who.reviewer.username, 'GET', '/api/plans'));
    expect(all.filter((p) => [running.id, otherPlan.id].includes(p.id)).map((p) => p.communeName)).toEqual(['An Thử', 'Tiên Thử']);
    expect(all.find((p) => p.id === otherPlan.id)?.taskCount).toBe(1);
    const own = json<Plan[]>(await call(ctx, who.coordinator.username, 'GET', '/api/plans'));
    expect(own.every((p) => p.communeId === commune.id)).toBe(true);
    expect(own.map((p) => p.id)).toContain(running.id);
    const filtered = json<Plan[]>(await call(ctx, who.reviewer.username, 'GET', `/api/plans?communeId=${other.id}`));
    expect(filtered.map((p) => p.id)).toEqual([otherPlan.id]);
  });
});

/** A plan created through the API, as the update tests start from. */
async function createdPlan(): Promise<Plan> {
  const response = await call(ctx, who.coordinator.username, 'POST', '/api/plans', newPlan());
  expect(response.statusCode, response.body).toBe(201);
  return json<Plan>(response);
}

describe('listing plans costs a fixed number of queries', () => {
  it('the same for one commune with one plan as for four communes with three plans each', async () => {
    const { city } = { city: { id: commune.cityId } };
    const queries: string[] = [];
    // The same pool, with a logger that counts what listPlans sends.
    const counted = drizzle(ctx.pool, { schema, logger: { logQuery: (query) => queries.push(query) } });
    const reviewer = { id: 0, username: 'x', fullName: 'x', role: 'city_reviewer' as const, cityId: city.id, communeId: null, unitId: null };
    const costOf = async (communeId?: number) => {
      queries.length = 0;
      const list = await listPlans(counted, reviewer, TEST_TODAY, communeId);
      return { plans: list.length, queries: queries.length };
    };
    const single = await buildCommune(ctx, { city });
    await buildTask(ctx, { plan: await buildPlan(ctx, single) });
    const one = await costOf(single.id);
    expect(one.plans).toBe(1);
    for (let c = 0; c < 3; c++) {
      const more = await buildCommune(ctx, { city });
      for (let p = 0; p < 3; p++) {
        const plan = await buildPlan(ctx, more);
        await buildTask(ctx, { plan });
        await buildTask(ctx, { plan }, { timeframeText: 'Trước ngày 10 của tháng cuối quý' });
      }
    }
    const many = await costOf();
    expect(many.plans).toBeGreaterThanOrEqual(10);
    expect(many.queries).toBe(one.queries);
    // Plans, communes, tasks, closed checkpoints, and the working calendar the "due soon" threshold is counted on.
    expect(many.queries).toBeLessThanOrEqual(5);
  });
});

describe('creating and updating a plan', () => {
  it('creates a plan with its targets (draft by default)', async () => {
    const created = await createdPlan();
    expect(created).toMatchObject({ communeName: 'Tiên Thử', status: 'draft', taskCount: 0, number: '15/KH-UBND', issueDate: '2026-12-20', periodEnd: '2027-06-30' });
    expect(created.targets.map(({ id: _id, ...t }) => t)).toEqual(newPlan().targets);
    expect(await getPlan(created.id)).toEqual(created);
    const audit = json<{ action: string; entityId: number }[]>(await call(ctx, who.leader.username, 'GET', `/api/audit?entity=plan&entityId=${created.id}`));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  const refusals: { name: string; body: () => Record<string, unknown>; message: RegExp | string }[] = [
    {
      name: 'a period ending before it starts',
      body: () => ({ ...newPlan(), periodStart: '2027-06-30', periodEnd: '2027-01-01' }),
      message: 'Ngày bắt đầu kỳ kế hoạch phải trước ngày kết thúc.',
    },
    { name: 'an empty title', body: () => ({ ...newPlan(), title: '   ' }), message: /Vui lòng nhập tên kế hoạch/ },
    { name: 'an impossible date', body: () => ({ ...newPlan(), issueDate: '2026-02-30' }), message: /Ngày không tồn tại/ },
    { name: 'an unknown kind', body: () => ({ ...newPlan(), kind: 'monthly' }), message: /kind/ },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name}: 400 in Vietnamese, nothing saved`, async () => {
      const before = await fingerprint(ctx);
      const response = await call(ctx, who.coordinator.username, 'POST', '/api/plans', refusal.body());
      expect(response.statusCode).toBe(400);
      const error = json<ApiError>(response).error;
      expect(error.code).toBe('validation');
      if (typeof refusal.message === 'string') expect(error.message).toBe(refusal.message);
      else expect(error.message).toMatch(refusal.message);
      expect(error.message).toMatch(/không|Vui lòng|hợp lệ|Ngày/);
      expect(await fingerprint(ctx)).toEqual(before);
    });
  }

  it('updates fields and replaces the targets; the audit log keeps before and after', async () => {
    const created = await createdPlan();
    const targets = [
      { text: 'Giải quyết hồ sơ đúng hạn từ 95% trở lên.', comparator: '>=', value: 95, unit: '%' },
      { text: 'Không để xảy ra vi phạm kỷ luật, kỷ cương hành chính.', comparator: null, value: null, unit: null },
      { text: 'Thanh toán trực tuyến đạt trên 80% giao dịch.', comparator: '>', value: 80, unit: '%' },
    ];
    const response = await call(ctx, who.leader.username, 'PATCH', `/api/plans/${created.id}`, { title: 'Kế hoạch CCHC 6 tháng đầu năm 2027 (sửa)', targets });
    expect(response.statusCode, response.body).toBe(200);
    const plan = await getPlan(created.id);
    expect(plan).toMatchObject({ status: 'draft', title: 'Kế hoạch CCHC 6 tháng đầu năm 2027 (sửa)', number: '15/KH-UBND' });
    expect(plan.targets.map(({ id: _id, ...t }) => t)).toEqual(targets);

    const [entry] = json<{ action: string; before: Plan; after: Partial<Plan> }[]>(await call(ctx, who.leader.username, 'GET', `/api/audit?entity=plan&entityId=${created.id}`));
    expect(entry.action).toBe('update');
    expect(entry.before).toMatchObject({ status: 'draft', title: newPlan().title });
    expect(entry.before.targets).toHaveLength(2);
    expect(entry.after).toMatchObject({ title: 'Kế hoạch CCHC 6 tháng đầu năm 2027 (sửa)' });
  });

  it('an update without targets keeps them', async () => {
    const created = await createdPlan();
    const response = await call(ctx, who.coordinator.username, 'PATCH', `/api/plans/${created.id}`, { reportingRegime: 'Báo cáo 6 tháng trước ngày 10/6.' });
    expect(response.statusCode).toBe(200);
    const plan = await getPlan(created.id);
    expect(plan.reportingRegime).toBe('Báo cáo 6 tháng trước ngày 10/6.');
    expect(plan.targets.map((t) => t.text)).toEqual(newPlan().targets.map((t) => t.text));
  });

  it('refuses an update whose new end falls before the existing start, saving nothing', async () => {
    const created = await createdPlan();
    const before = await fingerprint(ctx);
    const response = await call(ctx, who.coordinator.username, 'PATCH', `/api/plans/${created.id}`, { periodEnd: '2026-12-31' });
    expect(response.statusCode).toBe(400);
    expect(json<ApiError>(response).error.message).toBe('Ngày bắt đầu kỳ kế hoạch phải trước ngày kết thúc.');
    expect(await fingerprint(ctx)).toEqual(before);
    expect((await getPlan(created.id)).periodEnd).toBe('2027-06-30');
  });

  it('a new plan does not displace the running annual plan on the dashboard', async () => {
    await createdPlan();
    const dashboard = json<{ plan: { id: number } }>(await call(ctx, who.coordinator.username, 'GET', `/api/dashboard?asOf=${TEST_TODAY}`));
    expect(dashboard.plan.id).toBe(running.id);
  });
});

describe('Excel export', () => {
  const HEADERS = ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện/hoàn thành', 'Sản phẩm'];
  const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
  const AREAS = [
    'Chỉ đạo, điều hành',
    'Cải cách thể chế',
    'Cải cách thủ tục hành chính',
    'Cải cách tổ chức bộ máy',
    'Cải cách chế độ công vụ',
    'Cải cách tài chính công',
    'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
  ];
  const STATUS_LABEL: Record<string, string> = {
    chua_thuc_hien: 'Chưa thực hiện',
    dang_thuc_hien: 'Đang thực hiện',
    sap_den_han: 'Sắp đến hạn',
    qua_han: 'Quá hạn',
    hoan_thanh_dung_han: 'Hoàn thành đúng hạn',
    hoan_thanh_qua_han: 'Hoàn thành quá hạn',
    chua_xac_dinh_han: 'Chưa xác định hạn',
  };
  it('is the appendix table: official headers, area headings I–VII, one row per task with its status at asOf', async () => {
    const plan = await buildPlan(ctx, commune, { title: 'Kế hoạch cải cách hành chính năm 2026 (xuất Excel)' });
    const hcc = await buildUnit(ctx, commune, { name: 'Trung tâm Phục vụ hành chính công' });
    for (const area of [1, 3, 4, 5, 6, 7] as const) await buildTask(ctx, { plan }, { area, lead: [hcc], number: area * 10, timeframeText: 'Quý III/2026' });
    await buildTask(ctx, { plan }, { area: 2, lead: [vanPhong], number: 20, timeframeText: 'Quý III/2026', doneAt: '2026-09-01' });
    await buildTask(ctx, { plan }, { area: 2, lead: [vanPhong], number: 21, timeframeText: 'Tháng 12/2026' });

    const response = await call(ctx, who.inspector.username, 'GET', `/api/plans/${plan.id}/export.xlsx?asOf=${TEST_TODAY}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="danh-muc-nhiem-vu-ke-hoach-${plan.id}.xlsx"`);
    expect(response.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const rows = await sheetRows(response.rawPayload);

    const headerIndex = rows.findIndex((r) => r[0] === 'TT');
    expect(headerIndex).toBeGreaterThan(0);
    const header = rows[headerIndex];
    expect(header.slice(0, 6)).toEqual(HEADERS);
    const statusColumn = header.indexOf('Trạng thái');
    expect(statusColumn).toBeGreaterThan(5);
    expect(rows[0][0]).toBe(`DANH MỤC NHIỆM VỤ CỤ THỂ — ${plan.title.toUpperCase()}`);
    expect(rows[1][0]).toContain('Tình hình đến ngày 23/11/2026');

    const body = rows.slice(headerIndex + 1);
    const headings = body.filter((r) => /^[IVX]+\. /.test(r[0]) && r[1] === r[0]); // merged across the row
    expect(headings.map((r) => r[0])).toEqual(ROMAN.map((n, i) => `${n}. ${AREAS[i]}`));
    const taskRows = body.filter((r) => !headings.includes(r));
    const tasks = json<Task[]>(await call(ctx, who.inspector.username, 'GET', `/api/plans/${plan.id}/tasks?asOf=${TEST_TODAY}`));
    expect(taskRows).toHaveLength(8);
    expect(taskRows.map((r) => r[1])).toEqual(tasks.map((t) => t.content));
    expect(taskRows.map((r) => r[0])).toEqual(tasks.map((t) => String(t.number)));
    expect(taskRows.map((r) => r[statusColumn])).toEqual(tasks.map((t) => STATUS_LABEL[t.status]));
    // Area II sits between its heading and area III's, led by Văn phòng.
    const start = body.findIndex((r) => r[0].startsWith('II. '));
    const end = body.findIndex((r) => r[0].startsWith('III. '));
    expect(body.slice(start + 1, end).map((r) => [r[0], r[2], r[statusColumn]])).toEqual([
      ['20', 'Văn phòng HĐND và UBND', 'Hoàn thành đúng hạn'],
      ['21', 'Văn phòng HĐND và UBND', 'Chưa thực hiện'],
    ]);

    // At another date the same plan reads differently: on 1 June the Q3 tasks were not started.
    const june = await sheetRows((await call(ctx, who.inspector.username, 'GET', `/api/plans/${plan.id}/export.xlsx?asOf=2026-06-01`)).rawPayload);
    expect(june[1][0]).toContain('Tình hình đến ngày 01/06/2026');
    expect(june.filter((r) => r[statusColumn] === 'Quá hạn')).toHaveLength(0);
    expect(taskRows.filter((r) => r[statusColumn] === 'Quá hạn')).toHaveLength(6);
  });

  it('another commune’s coordinator cannot export the plan', async () => {
    expect((await call(ctx, who.otherCoordinator.username, 'GET', `/api/plans/${running.id}/export.xlsx`)).statusCode).toBe(404);
  });
});

async function sheetRows(payload: Buffer): Promise<string[][]> {
  const text = (value: ExcelJS.CellValue) => (value === null || value === undefined ? '' : String(value));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= 10; c++) values.push(text(row.getCell(c).value));
    rows.push(values);
  });
  return rows;
}
