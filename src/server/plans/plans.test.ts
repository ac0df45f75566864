import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../test/context';
import { call, DEMO, fingerprint, type ApiError } from '../test/factories';

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
beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
});
afterAll(async () => ctx?.close());

const getPlan = async (id: number, user = 'daumoi') => {
  const response = await call(ctx, user, 'GET', `/api/plans/${id}`);
  expect(response.statusCode).toBe(200);
  return json<Plan>(response);
};

const newPlan = {
  communeId: DEMO.communes.tienLang,
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
};

describe('the demo plan', () => {
  it('GET /api/plans/:id gives the summary, the reporting regime and the six targets', async () => {
    const plan = await getPlan(DEMO.plans.tienLang);
    expect(plan).toMatchObject({ id: 1, communeId: 1, communeName: 'Tiên Lãng', kind: 'annual', periodStart: '2026-01-01', periodEnd: '2026-12-31', status: 'issued', taskCount: 38 });
    expect(plan.reportingRegime).toContain('trước ngày 05');
    expect(plan.targets).toHaveLength(6);
    expect(plan.targets[0]).toMatchObject({ comparator: '=', value: 100, unit: '%' });
    expect(plan.targets[0].text).toContain('nhiệm vụ được Ủy ban nhân dân thành phố giao');
    // The counts agree with the tasks judged today.
    const tasks = json<Task[]>(await call(ctx, 'daumoi', 'GET', '/api/plans/1/tasks'));
    expect(plan.doneCount).toBe(tasks.filter((t) => t.status.startsWith('hoan_thanh')).length);
    expect(plan.overdueCount).toBe(tasks.filter((t) => t.status === 'qua_han').length);
    expect(plan.doneCount).toBeGreaterThan(0);
    expect(plan.overdueCount).toBeGreaterThan(0);
  });

  it('the city reviewer lists every commune’s plan; a coordinator only its own', async () => {
    const all = json<Plan[]>(await call(ctx, 'sonoivu', 'GET', '/api/plans'));
    expect(all.map((p) => p.communeName).sort()).toEqual(['An Phong', 'Cẩm Giàng', 'Tiên Lãng']);
    expect(all.find((p) => p.communeName === 'An Phong')?.taskCount).toBe(33);
    const own = json<Plan[]>(await call(ctx, 'daumoi', 'GET', '/api/plans'));
    expect(own.map((p) => p.id)).toEqual([1]);
  });
});

describe('creating and updating a plan', () => {
  let created: Plan;

  it('creates a plan with its targets (draft by default)', async () => {
    const response = await call(ctx, 'daumoi', 'POST', '/api/plans', newPlan);
    expect(response.statusCode, response.body).toBe(201);
    created = json<Plan>(response);
    expect(created).toMatchObject({ communeName: 'Tiên Lãng', status: 'draft', taskCount: 0, number: '15/KH-UBND', issueDate: '2026-12-20', periodEnd: '2027-06-30' });
    expect(created.targets.map(({ id: _id, ...t }) => t)).toEqual(newPlan.targets);
    expect(await getPlan(created.id)).toEqual(created);
    const audit = json<{ action: string; entityId: number }[]>(await call(ctx, 'chutich', 'GET', `/api/audit?entity=plan&entityId=${created.id}`));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  const refusals: { name: string; body: () => Record<string, unknown>; message: RegExp | string }[] = [
    { name: 'a period ending before it starts', body: () => ({ ...newPlan, periodStart: '2027-06-30', periodEnd: '2027-01-01' }), message: 'Ngày bắt đầu kỳ kế hoạch phải trước ngày kết thúc.' },
    { name: 'an empty title', body: () => ({ ...newPlan, title: '   ' }), message: /Vui lòng nhập tên kế hoạch/ },
    { name: 'an impossible date', body: () => ({ ...newPlan, issueDate: '2026-02-30' }), message: /Ngày không tồn tại/ },
    { name: 'an unknown kind', body: () => ({ ...newPlan, kind: 'monthly' }), message: /kind/ },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name}: 400 in Vietnamese, nothing saved`, async () => {
      const before = await fingerprint(ctx);
      const response = await call(ctx, 'daumoi', 'POST', '/api/plans', refusal.body());
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
    const targets = [
      { text: 'Giải quyết hồ sơ đúng hạn từ 95% trở lên.', comparator: '>=', value: 95, unit: '%' },
      { text: 'Không để xảy ra vi phạm kỷ luật, kỷ cương hành chính.', comparator: null, value: null, unit: null },
      { text: 'Thanh toán trực tuyến đạt trên 80% giao dịch.', comparator: '>', value: 80, unit: '%' },
    ];
    const response = await call(ctx, 'chutich', 'PATCH', `/api/plans/${created.id}`, { status: 'issued', title: 'Kế hoạch CCHC 6 tháng đầu năm 2027 (sửa)', targets });
    expect(response.statusCode, response.body).toBe(200);
    const plan = await getPlan(created.id);
    expect(plan).toMatchObject({ status: 'issued', title: 'Kế hoạch CCHC 6 tháng đầu năm 2027 (sửa)', number: '15/KH-UBND' });
    expect(plan.targets.map(({ id: _id, ...t }) => t)).toEqual(targets);

    const [entry] = json<{ action: string; before: Plan; after: Partial<Plan> }[]>(await call(ctx, 'chutich', 'GET', `/api/audit?entity=plan&entityId=${created.id}`));
    expect(entry.action).toBe('update');
    expect(entry.before).toMatchObject({ status: 'draft', title: newPlan.title });
    expect(entry.before.targets).toHaveLength(2);
    expect(entry.after).toMatchObject({ status: 'issued', title: 'Kế hoạch CCHC 6 tháng đầu năm 2027 (sửa)' });
  });

  it('an update without targets keeps them', async () => {
    const response = await call(ctx, 'daumoi', 'PATCH', `/api/plans/${created.id}`, { reportingRegime: 'Báo cáo 6 tháng trước ngày 10/6.' });
    expect(response.statusCode).toBe(200);
    const plan = await getPlan(created.id);
    expect(plan.reportingRegime).toBe('Báo cáo 6 tháng trước ngày 10/6.');
    expect(plan.targets).toHaveLength(3);
  });

  it('refuses an update whose new end falls before the existing start, saving nothing', async () => {
    const before = await fingerprint(ctx);
    const response = await call(ctx, 'daumoi', 'PATCH', `/api/plans/${created.id}`, { periodEnd: '2026-12-31' });
    expect(response.statusCode).toBe(400);
    expect(json<ApiError>(response).error.message).toBe('Ngày bắt đầu kỳ kế hoạch phải trước ngày kết thúc.');
    expect(await fingerprint(ctx)).toEqual(before);
    expect((await getPlan(created.id)).periodEnd).toBe('2027-06-30');
  });

  it('the new plan does not displace the running annual plan on the dashboard', async () => {
    const dashboard = json<{ plan: { id: number } }>(await call(ctx, 'daumoi', 'GET', '/api/dashboard?asOf=2026-11-23'));
    expect(dashboard.plan.id).toBe(DEMO.plans.tienLang);
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
  const text = (value: ExcelJS.CellValue) => (value === null || value === undefined ? '' : String(value));

  it('is the appendix table: official headers, area headings I–VII, 38 task rows with their status', async () => {
    const response = await call(ctx, 'kiemtra', 'GET', `/api/plans/${DEMO.plans.tienLang}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="danh-muc-nhiem-vu-ke-hoach-1.xlsx"');
    expect(response.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= 10; c++) values.push(text(row.getCell(c).value));
      rows.push(values);
    });

    const headerIndex = rows.findIndex((r) => r[0] === 'TT');
    expect(headerIndex).toBeGreaterThan(0);
    const header = rows[headerIndex];
    expect(header.slice(0, 6)).toEqual(HEADERS);
    expect(header).toContain('Trạng thái');
    const statusColumn = header.indexOf('Trạng thái');
    const plan = await getPlan(DEMO.plans.tienLang, 'kiemtra');
    expect(rows[0][0]).toBe(`DANH MỤC NHIỆM VỤ CỤ THỂ — ${plan.title.toUpperCase()}`);

    const body = rows.slice(headerIndex + 1);
    const headings = body.filter((r) => /^[IVX]+\. /.test(r[0]) && r[1] === r[0]); // merged across the row
    expect(headings.map((r) => r[0])).toEqual(ROMAN.map((n, i) => `${n}. ${AREAS[i]}`));
    const taskRows = body.filter((r) => !headings.includes(r));
    expect(taskRows).toHaveLength(38);

    const tasks = json<Task[]>(await call(ctx, 'kiemtra', 'GET', '/api/plans/1/tasks'));
    expect(taskRows.map((r) => r[1])).toEqual(tasks.map((t) => t.content));
    expect(taskRows.map((r) => r[0])).toEqual(tasks.map((t) => String(t.number)));
    expect(taskRows.map((r) => r[statusColumn])).toEqual(tasks.map((t) => STATUS_LABEL[t.status]));
    // Area II (institutions) sits between its heading and area III's: tasks 9–18.
    const start = body.findIndex((r) => r[0].startsWith('II. '));
    const end = body.findIndex((r) => r[0].startsWith('III. '));
    expect(body.slice(start + 1, end).map((r) => r[0])).toEqual(['9', '10', '11', '12', '13', '14', '15', '16', '17', '18']);
    expect(body[start + 1][2]).toBe('Văn phòng HĐND và UBND');
  });

  it('another commune’s coordinator cannot export Tiên Lãng’s plan', async () => {
    expect((await call(ctx, 'daumoi.ap', 'GET', `/api/plans/${DEMO.plans.tienLang}/export.xlsx`)).statusCode).toBe(404);
  });
});
