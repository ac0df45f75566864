/**
 * One reporting cycle on a commune built for this file: periods from the plan's regime, unit reports
 * with figures checked, returned and resubmitted, accepted, consolidated, approved, sent; the city
 * reads, compares and returns; every role kept to its part; exports carry the dashboard's figures.
 * People are built with the demo's usernames so the steps read as the roles they play.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type ApiError, buildCity, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call, Multipart } from '../test/factories';

interface Period {
  id: number;
  code: string;
  kind: string;
  windowStart: string;
  windowEnd: string;
  unitDeadline: string;
  communeDeadline: string;
  templateId: number;
  reports: { id: number; level: string; unitId: number | null; status: string }[];
}
interface Report {
  id: number;
  level: string;
  unitId: number | null;
  status: string;
  asOf: string;
  version: number;
  values: Record<string, number | null>;
  narratives: Record<string, string>;
  computed: { code: string; key: string; value: number; frozen: number | null; live: number; differs: boolean }[];
  template: { id: number; version: number };
  submittedOn: string | null;
  daysLate: number | null;
  returnComment: string | null;
  frozenAt: string | null;
  can: Record<string, boolean>;
}
interface City {
  communes: { communeId: number; communeName: string; reportId: number | null; state: string; daysLate: number | null }[];
  figures: { code: string; unit: string; values: Record<string, number | null> }[];
}

let ctx: TestContext;
let periods: Period[];
let plan: number;
let planTaskCount: number;
const ids = { commune: 0, otherCommune: 0, vanPhong: 0 };

beforeAll(async () => {
  ctx = await createTestContext();
  const city = await buildCity(ctx);
  const commune = await buildCommune(ctx, { city, name: 'Xã Tiên Lãng' });
  const other = await buildCommune(ctx, { city, name: 'Xã An Phong' });
  const vanPhong = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  const hcc = await buildUnit(ctx, commune, { name: 'Trung tâm Phục vụ hành chính công' });
  Object.assign(ids, { commune: commune.id, otherCommune: other.id, vanPhong: vanPhong.id });
  await buildUser(ctx, { role: 'coordinator', commune, username: 'daumoi' });
  await buildUser(ctx, { role: 'leader', commune, username: 'chutich' });
  await buildUser(ctx, { role: 'unit_head', commune, unit: vanPhong, username: 'truongvp' });
  await buildUser(ctx, { role: 'unit_staff', commune, unit: vanPhong, username: 'canbovp' });
  await buildUser(ctx, { role: 'unit_head', commune, unit: hcc, username: 'giamdochcc' });
  await buildUser(ctx, { role: 'city_reviewer', city, username: 'sonoivu' });
  await buildUser(ctx, { role: 'admin', city, username: 'admin' });
  const built = await buildPlan(ctx, commune, {
    reportingRegime: 'Các cơ quan, đơn vị gửi báo cáo trước ngày 05 của tháng cuối quý; báo cáo năm trước ngày 05/12.',
  });
  plan = built.id;
  // Judged at TEST_TODAY (23/11/2026): done on time, overdue, in progress, done late, not started.
  const planTasks = [
    { lead: [vanPhong], timeframeText: 'Tháng 3/2026', doneAt: '2026-03-20' },
    { lead: [vanPhong], timeframeText: 'Tháng 6/2026' },
    { lead: [vanPhong], timeframeText: 'Tháng 12/2026', progress: 40 },
    { lead: [hcc], timeframeText: 'Quý II/2026', doneAt: '2026-07-10' },
    { lead: [hcc], timeframeText: 'Tháng 12/2026' },
  ];
  for (const fields of planTasks) await buildTask(ctx, { plan: built }, fields);
  planTaskCount = planTasks.length;
  // The city's tasks: done on time, done late, overdue.
  await buildTask(ctx, { commune }, { lead: [hcc], timeframeText: 'Trước ngày 15/05/2026', doneAt: '2026-05-10' });
  await buildTask(ctx, { commune }, { lead: [vanPhong], timeframeText: 'Trước ngày 30/06/2026', doneAt: '2026-07-05' });
  await buildTask(ctx, { commune }, { lead: [vanPhong], timeframeText: 'Trước ngày 30/09/2026' });
});
afterAll(async () => ctx?.close());

const ok = async <T>(user: string, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, status = 200) => {
  const response = await call(ctx, user, method, url, body);
  expect(response.statusCode, response.body.slice(0, 400)).toBe(status);
  return json<T>(response);
};
const refused = async (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, body: unknown, status: number) => {
  const response = await call(ctx, user, method, url, body);
  expect(response.statusCode, response.body.slice(0, 400)).toBe(status);
  return json<ApiError>(response).error;
};
const period = (code: string) => periods.find((p) => p.code === code) as Period;

describe('report periods from the plan’s regime', () => {
  it('only the commune’s managers make them; the regime text gives the units’ dates', async () => {
    await refused('truongvp', 'POST', `/api/plans/${plan}/report-periods`, { templateKey: 'bao-cao-cchc-dinh-ky' }, 403);
    const made = await ok<{ regimeFromText: boolean; regime: Record<string, unknown>; periods: Period[] }>(
      'daumoi',
      'POST',
      `/api/plans/${plan}/report-periods`,
      { templateKey: 'bao-cao-cchc-dinh-ky' },
      201,
    );
    expect(made.regimeFromText).toBe(true);
    expect(made.regime).toMatchObject({ quarterUnitDay: 5, quarterCommuneDay: 10, annualUnit: '12-05', annualCommune: '12-10' });
    periods = made.periods;
    expect(periods.map((p) => [p.code, p.unitDeadline, p.communeDeadline])).toEqual([
      ['2026-Q1', '2026-03-05', '2026-03-10'],
      ['2026-H1', '2026-06-05', '2026-06-10'],
      ['2026-Q3', '2026-09-05', '2026-09-10'],
      ['2026-Y', '2026-12-05', '2026-12-10'],
    ]);
    // Made again: nothing doubles.
    const again = await ok<{ periods: Period[] }>('daumoi', 'POST', `/api/plans/${plan}/report-periods`, { templateKey: 'bao-cao-cchc-dinh-ky' }, 201);
    expect(again.periods).toHaveLength(4);
  });

  it('deadlines are editable per plan, never units after the commune', async () => {
    const q3 = period('2026-Q3');
    await refused('daumoi', 'PATCH', `/api/report-periods/${q3.id}`, { unitDeadline: '2099-12-20', communeDeadline: '2099-12-10' }, 400);
    await refused('truongvp', 'PATCH', `/api/report-periods/${q3.id}`, { unitDeadline: '2099-12-05' }, 403);
    // Far ahead so "on time" does not depend on the day the test runs.
    const edited = await ok<Period>('daumoi', 'PATCH', `/api/report-periods/${q3.id}`, { unitDeadline: '2099-12-05', communeDeadline: '2099-12-10' });
    expect(edited.communeDeadline).toBe('2099-12-10');
    await ok('daumoi', 'PATCH', `/api/report-periods/${period('2026-Q1').id}`, { unitDeadline: '2000-03-05', communeDeadline: '2000-03-10' });
  });
});

describe('one quarter, unit to city', () => {
  let unitReport: Report;
  let hccReport: Report;
  let communeReport: Report;

  it('a unit opens its own report; another unit cannot see it', async () => {
    const q3 = period('2026-Q3');
    unitReport = await ok<Report>('truongvp', 'POST', `/api/report-periods/${q3.id}/unit-report`);
    expect(unitReport).toMatchObject({ level: 'unit', unitId: ids.vanPhong, status: 'draft' });
    expect(unitReport.can).toMatchObject({ edit: true, submit: true, accept: false });
    expect((await ok<Report>('canbovp', 'GET', `/api/reports/${unitReport.id}`)).can).toMatchObject({ edit: true, submit: false });
    await refused('giamdochcc', 'GET', `/api/reports/${unitReport.id}`, undefined, 404);
    await refused('sonoivu', 'GET', `/api/reports/${unitReport.id}`, undefined, 404);
    await refused('daumoi', 'POST', `/api/report-periods/${q3.id}/unit-report`, undefined, 403);
    hccReport = await ok<Report>('giamdochcc', 'POST', `/api/report-periods/${q3.id}/unit-report`);
    const list = await ok<Period[]>('giamdochcc', 'GET', `/api/plans/${plan}/report-periods`);
    expect(list.find((p) => p.code === '2026-Q3')?.reports.map((r) => r.id)).toEqual([hccReport.id]);
  });

  it('figures are checked: percentages 0–100, a part never above its whole', async () => {
    const url = `/api/reports/${unitReport.id}`;
    const pct = await refused('truongvp', 'PATCH', url, { version: unitReport.version, values: { 'A3.hai_long_pct': 120 } }, 400);
    expect(pct.message).toMatch(/0 đến 100/);
    const part = await refused('truongvp', 'PATCH', url, { version: unitReport.version, values: { 'A3.hs_tiep_nhan': 10, 'A3.hs_giai_quyet': 12 } }, 400);
    expect(part.message).toMatch(/không được lớn hơn/);
    await refused('truongvp', 'PATCH', url, { version: unitReport.version, narratives: { 'khong.co': 'x' } }, 400);
    unitReport = await ok<Report>('truongvp', 'PATCH', url, {
      version: unitReport.version,
      values: { 'A3.hs_tiep_nhan': 10, 'A3.hs_giai_quyet': 9, 'A3.hai_long_pct': 96.5 },
      narratives: { 'A1.ket_qua': 'Tham mưu ban hành kế hoạch CCHC năm 2026', 'II.ton_tai': 'Cập nhật tiến độ chưa kịp thời' },
    });
    expect(unitReport.values['A3.hs_tiep_nhan']).toBe(10);
    await refused('truongvp', 'PATCH', url, { version: 1, values: {} }, 409);
  });

  it('only the unit head submits; figures freeze; the report is on time', async () => {
    await refused('canbovp', 'POST', `/api/reports/${unitReport.id}/submit`, {}, 403);
    unitReport = await ok<Report>('truongvp', 'POST', `/api/reports/${unitReport.id}/submit`, {});
    expect(unitReport).toMatchObject({ status: 'submitted', daysLate: 0 });
    expect(unitReport.frozenAt).not.toBeNull();
    expect(unitReport.computed.every((c) => c.frozen === c.live && !c.differs)).toBe(true);
    await refused('truongvp', 'PATCH', `/api/reports/${unitReport.id}`, { version: unitReport.version, values: {} }, 403);
  });

  it('the coordinator returns it with a comment; the unit resubmits; it is accepted', async () => {
    await refused('daumoi', 'POST', `/api/reports/${unitReport.id}/return`, {}, 400);
    await refused('truongvp', 'POST', `/api/reports/${unitReport.id}/accept`, {}, 403);
    unitReport = await ok<Report>('daumoi', 'POST', `/api/reports/${unitReport.id}/return`, { comment: 'Bổ sung số hồ sơ giải quyết' });
    expect(unitReport).toMatchObject({ status: 'returned', returnComment: 'Bổ sung số hồ sơ giải quyết' });
    unitReport = await ok<Report>('truongvp', 'PATCH', `/api/reports/${unitReport.id}`, { version: unitReport.version, values: { 'A3.hs_giai_quyet': 10 } });
    unitReport = await ok<Report>('truongvp', 'POST', `/api/reports/${unitReport.id}/submit`, {});
    unitReport = await ok<Report>('daumoi', 'POST', `/api/reports/${unitReport.id}/accept`, {});
    expect(unitReport.status).toBe('accepted');
    hccReport = await ok<Report>('giamdochcc', 'PATCH', `/api/reports/${hccReport.id}`, {
      version: hccReport.version,
      values: { 'A3.hs_tiep_nhan': 32, 'A3.hai_long_pct': 98 },
      narratives: { 'A1.ket_qua': 'Một cửa vận hành thông suốt' },
    });
    await ok('giamdochcc', 'POST', `/api/reports/${hccReport.id}/submit`, {});
    await ok('daumoi', 'POST', `/api/reports/${hccReport.id}/accept`, {});
  });

  it('the coordinator consolidates: counts summed, percentages left, narratives under unit names', async () => {
    await refused('truongvp', 'POST', `/api/report-periods/${period('2026-Q3').id}/consolidate`, {}, 403);
    communeReport = await ok<Report>('daumoi', 'POST', `/api/report-periods/${period('2026-Q3').id}/consolidate`, {});
    expect(communeReport).toMatchObject({ level: 'commune', status: 'draft' });
    expect(communeReport.values['A3.hs_tiep_nhan']).toBe(42);
    expect(communeReport.values['A3.hai_long_pct']).toBeUndefined();
    expect(communeReport.narratives['A1.ket_qua']).toBe(
      'Văn phòng HĐND và UBND: Tham mưu ban hành kế hoạch CCHC năm 2026\nTrung tâm Phục vụ hành chính công: Một cửa vận hành thông suốt',
    );
    communeReport = await ok<Report>('daumoi', 'PATCH', `/api/reports/${communeReport.id}`, { version: communeReport.version, values: { 'A3.hai_long_pct': 97 } });
    await refused('sonoivu', 'GET', `/api/reports/${communeReport.id}`, undefined, 404);
  });

  it('the leader approves (figures frozen), it is sent; the city reads, compares, returns, never edits', async () => {
    await refused('daumoi', 'POST', `/api/reports/${communeReport.id}/approve`, {}, 403);
    communeReport = await ok<Report>('chutich', 'POST', `/api/reports/${communeReport.id}/approve`, {});
    expect(communeReport.status).toBe('approved');
    expect(communeReport.computed.find((c) => c.key === 'tasks.total')?.frozen).toBe(planTaskCount);
    communeReport = await ok<Report>('daumoi', 'POST', `/api/reports/${communeReport.id}/send`, {});
    expect(communeReport).toMatchObject({ status: 'sent', daysLate: 0 });

    const read = await ok<Report>('sonoivu', 'GET', `/api/reports/${communeReport.id}`);
    expect(read.can).toMatchObject({ edit: false, approve: false, cityReturn: true });
    await refused('sonoivu', 'PATCH', `/api/reports/${communeReport.id}`, { version: read.version, values: { 'A3.hs_tiep_nhan': 1 } }, 403);
    await refused('sonoivu', 'POST', `/api/reports/${communeReport.id}/approve`, {}, 403);
    await refused('daumoi', 'GET', '/api/reports/city?code=2026-Q3', undefined, 403);

    const city = await ok<City>('sonoivu', 'GET', '/api/reports/city?code=2026-Q3');
    expect(city.communes.find((c) => c.communeId === ids.commune)).toMatchObject({ state: 'on_time', reportId: communeReport.id, daysLate: 0 });
    expect(city.communes.find((c) => c.communeId === ids.otherCommune)?.state).toBe('missing');
    expect(city.figures.find((f) => f.code === 'A3.hs_tiep_nhan')?.values[ids.commune]).toBe(42);
    expect(city.figures.find((f) => f.code === 'tasks.total')?.values[ids.commune]).toBe(planTaskCount);

    communeReport = await ok<Report>('sonoivu', 'POST', `/api/reports/${communeReport.id}/city_return`, { comment: 'Bổ sung đánh giá lĩnh vực VI' });
    expect(communeReport).toMatchObject({ status: 'returned', returnComment: 'Bổ sung đánh giá lĩnh vực VI' });
    const firstSent = communeReport.submittedOn;
    communeReport = await ok<Report>('daumoi', 'PATCH', `/api/reports/${communeReport.id}`, {
      version: communeReport.version,
      narratives: { 'A6.ton_tai': 'Tự chủ tài chính còn chậm' },
    });
    await ok('chutich', 'POST', `/api/reports/${communeReport.id}/approve`, {});
    communeReport = await ok<Report>('chutich', 'POST', `/api/reports/${communeReport.id}/send`, {});
    expect(communeReport).toMatchObject({ status: 'sent', submittedOn: firstSent });
  });

  it('exports the commune report as an official .docx and its figures as .xlsx', async () => {
    const docx = await call(ctx, 'sonoivu', 'GET', `/api/reports/${communeReport.id}/export.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string');
    for (const text of ['BÁO CÁO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '/BC-UBND', 'quý III năm 2026', 'Văn phòng HĐND và UBND: Tham mưu']) expect(xml).toContain(text);
    const unitDocx = await call(ctx, 'truongvp', 'GET', `/api/reports/${unitReport.id}/export.docx`);
    expect(unitDocx.statusCode).toBe(200);
    const unitXml = (await (await JSZip.loadAsync(unitDocx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(unitXml).toContain('VĂN PHÒNG HĐND VÀ UBND');
    expect(unitXml).not.toContain('TM.');
  });

  it('a report sent after its deadline is recorded late', async () => {
    const q1 = period('2026-Q1');
    const report = await ok<Report>('giamdochcc', 'POST', `/api/report-periods/${q1.id}/unit-report`);
    const submitted = await ok<Report>('giamdochcc', 'POST', `/api/reports/${report.id}/submit`, {});
    expect(submitted.daysLate).toBeGreaterThan(9000);
  });
});

describe('figures equal the dashboard’s at the same as-of date', () => {
  it('the annual commune report, its export and the dashboard agree', async () => {
    const y = period('2026-Y');
    await ok('daumoi', 'PATCH', `/api/report-periods/${y.id}`, { unitDeadline: '2099-12-05', communeDeadline: '2099-12-10' });
    const unit = await ok<Report>('truongvp', 'POST', `/api/report-periods/${y.id}/unit-report`);
    await ok('truongvp', 'POST', `/api/reports/${unit.id}/submit`, {});
    await ok('daumoi', 'POST', `/api/reports/${unit.id}/accept`, {});
    let report = await ok<Report>('daumoi', 'POST', `/api/report-periods/${y.id}/consolidate`, {});
    report = await ok<Report>('daumoi', 'PATCH', `/api/reports/${report.id}`, { version: report.version, asOf: TEST_TODAY });
    report = await ok<Report>('chutich', 'POST', `/api/reports/${report.id}/approve`, {});
    const dash = await ok<{ plan: { taskCount: number; doneCount: number; overdueCount: number }; cityAssigned: { total: number; byStatus: Record<string, number> } }>(
      'daumoi',
      'GET',
      `/api/dashboard?planId=${plan}&asOf=${TEST_TODAY}`,
    );
    const expected = {
      'tasks.total': dash.plan.taskCount,
      'tasks.done': dash.plan.doneCount,
      'tasks.overdue': dash.plan.overdueCount,
      'city_tasks.total': dash.cityAssigned.total,
      'city_tasks.done_on_time': dash.cityAssigned.byStatus.hoan_thanh_dung_han,
      'city_tasks.done_late': dash.cityAssigned.byStatus.hoan_thanh_qua_han,
      'city_tasks.overdue_not_done': dash.cityAssigned.byStatus.qua_han,
    };
    const frozen = Object.fromEntries(report.computed.filter((c) => c.key in expected).map((c) => [c.key, c.frozen]));
    expect(frozen).toEqual(expected);
    expect(dash.plan.doneCount).toBeGreaterThan(0);

    const xlsx = await call(ctx, 'daumoi', 'GET', `/api/reports/${report.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const exported: Record<string, number> = {};
    workbook.worksheets[0].eachRow((row) => {
      const key = String(row.getCell(5).value ?? '');
      if (key in expected) exported[key] = Number(row.getCell(4).value);
    });
    expect(exported).toEqual(expected);
  });

  it('a live figure that later moves is flagged against the frozen one', async () => {
    const y = period('2026-Y');
    const list = await ok<Period[]>('daumoi', 'GET', `/api/plans/${plan}/report-periods`);
    const communeId = list.find((p) => p.id === y.id)?.reports.find((r) => r.level === 'commune')?.id as number;
    const tasks = await ok<{ id: number; status: string; version: number }[]>('daumoi', 'GET', `/api/tasks?communeId=${ids.commune}&planId=${plan}&asOf=${TEST_TODAY}`);
    // The task due in June, still open: completed now (backdated, with a reason), it moves tasks.done.
    const open = tasks.find((t) => t.status === 'qua_han') as { id: number; version: number };
    await ok(
      'daumoi',
      'POST',
      `/api/tasks/${open.id}/progress`,
      { progress: 100, done: true, doneAt: '2026-11-01', doneAtReason: 'Biên bản nghiệm thu ngày 01/11', version: open.version, evidenceLink: 'https://xa.example/bien-ban.pdf' },
      200,
    );
    const report = await ok<Report>('daumoi', 'GET', `/api/reports/${communeId}`);
    const done = report.computed.find((c) => c.key === 'tasks.done') as Report['computed'][number];
    expect(done.differs).toBe(true);
    expect(done.live).toBe((done.frozen as number) + 1);
    expect(done.value).toBe(done.frozen);
  });
});

describe('templates are data, versioned per city', () => {
  const minimal = (name: string) => ({
    key: 'bao-cao-cchc-dinh-ky',
    name,
    sections: [{ code: 'I', title: 'Kết quả', items: [{ kind: 'computed', code: 'I.t', title: 'Tổng số nhiệm vụ', key: 'tasks.total', unit: 'count' }] }],
  });

  it('the city administrator loads a new version; reports keep the one they were made with', async () => {
    await refused('daumoi', 'POST', '/api/report-templates', minimal('Mẫu 2027'), 403);
    const bad = await refused(
      'admin',
      'POST',
      '/api/report-templates',
      { ...minimal('x'), sections: [{ code: 'I', title: 'I', items: [{ kind: 'computed', code: 'a', title: 'a', key: 'tasks.khong_co', unit: 'count' }] }] },
      400,
    );
    expect(bad.message).toMatch(/tasks.khong_co/);
    const created = await ok<{ id: number; version: number }>('admin', 'POST', '/api/report-templates', minimal('Mẫu báo cáo 2027'), 201);
    expect(created.version).toBe(2);
    const q3 = (await ok<Period[]>('daumoi', 'GET', `/api/plans/${plan}/report-periods`)).find((p) => p.code === '2026-Q3') as Period;
    const report = await ok<Report>('daumoi', 'GET', `/api/reports/${q3.reports[0].id}`);
    expect(report.template.version).toBe(1);
  });

  it('loads an Excel outline', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đề cương');
    sheet.addRow(['level', 'code', 'title', 'kind', 'key', 'unit', 'partOf']);
    sheet.addRow([1, 'I', 'Chỉ đạo điều hành', 'section']);
    sheet.addRow([null, 'I.t', 'Tổng số nhiệm vụ', 'computed', 'tasks.total', 'count']);
    sheet.addRow([null, 'I.a', 'Hồ sơ tiếp nhận', 'figure', null, 'count']);
    sheet.addRow([null, 'I.b', 'Hồ sơ đã giải quyết', 'figure', null, 'count', 'I.a']);
    sheet.addRow([null, 'I.n', 'Đánh giá', 'narrative']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const created = await ok<{ key: string; version: number; body: { sections: { items: unknown[] }[] } }>(
      'admin',
      'POST',
      '/api/report-templates/excel?key=mau-excel&name=M%E1%BA%ABu%20Excel',
      new Multipart('de-cuong.xlsx', data),
      201,
    );
    expect(created).toMatchObject({ key: 'mau-excel', version: 1 });
    expect(created.body.sections[0].items).toHaveLength(4);
    await refused('admin', 'POST', '/api/report-templates/excel?key=mau-excel&name=x', new Multipart('x.xlsx', Buffer.from('not excel')), 400);
  });
});
