import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_CSV_HEADER } from '../../domain/indicators';
import { createTestContext, json, type TestContext } from '../test/context';
import { type BuiltUser, buildCity, buildCommune, buildUser, call, countRows, Multipart } from '../test/factories';

let ctx: TestContext;
/** Tiên Lãng's people, the city's reviewer and administrator, and the coordinators of two other communes of the city. */
const who = {} as Record<'coordinator' | 'staff' | 'leader' | 'reviewer' | 'admin' | 'apCoordinator' | 'cgCoordinator' | 'otherReviewer', BuiltUser>;
let TL: number;
let AP: number;
let CG: number;
beforeAll(async () => {
  ctx = await createTestContext();
  const city = await buildCity(ctx);
  const [tl, ap, cg] = [await buildCommune(ctx, { city }), await buildCommune(ctx, { city }), await buildCommune(ctx, { city })];
  [TL, AP, CG] = [tl.id, ap.id, cg.id];
  who.coordinator = await buildUser(ctx, { role: 'coordinator', commune: tl });
  who.staff = await buildUser(ctx, { role: 'unit_staff', commune: tl });
  who.leader = await buildUser(ctx, { role: 'leader', commune: tl });
  who.reviewer = await buildUser(ctx, { role: 'city_reviewer', city });
  who.admin = await buildUser(ctx, { role: 'admin', city });
  who.apCoordinator = await buildUser(ctx, { role: 'coordinator', commune: ap });
  who.cgCoordinator = await buildUser(ctx, { role: 'coordinator', commune: cg });
  // Another city's reviewer sees none of this city's communes.
  who.otherReviewer = await buildUser(ctx, { role: 'city_reviewer', city: await buildCity(ctx) });
});
afterAll(async () => ctx.close());

const sample = readFileSync('fixtures/dossiers/sample.csv');
const Q1 = 'from=2025-01-01&to=2025-03-31&asOf=2025-03-31';

interface Ingest {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number; reason: string }>;
}

async function dossiersDigest(): Promise<string> {
  const result = await ctx.db.execute(sql`SELECT count(*) || ':' || md5(coalesce(string_agg(d::text, '|' ORDER BY d::text), '')) AS digest FROM dossiers d`);
  return String((result.rows[0] as { digest: string }).digest);
}

const upload = (username: string, communeId: number, fileName: string, data: Buffer) =>
  call(ctx, username, 'POST', `/api/communes/${communeId}/dossiers/import`, new Multipart(fileName, data));

describe('dossier ingest', () => {
  it('loads the good rows, reports the bad ones by line, and changes nothing when the same file comes again', async () => {
    const first = await upload(who.coordinator.username, TL, 'ho-so.csv', sample);
    expect(first.statusCode, first.body).toBe(200);
    const result = json<Ingest>(first);
    expect(result).toMatchObject({ rows: 17, inserted: 11, updated: 0, unchanged: 0 });
    expect(result.rejected.map((r) => r.line)).toEqual([12, 13, 14, 15, 18, 19]);
    expect(await countRows(ctx, 'audit_log', "entity = 'dossiers' AND action = 'import' AND (after->>'inserted')::int = 11")).toBe(1);
    const digest = await dossiersDigest();
    const again = json<Ingest>(await upload(who.coordinator.username, TL, 'ho-so.csv', sample));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 11 });
    expect(await dossiersDigest()).toBe(digest);
  });

  it('updates a dossier whose status changed in a later export (upsert by code)', async () => {
    const csv = `${TEMPLATE_CSV_HEADER}\nHS007,2.001,Cấp giấy phép xây dựng,Xây dựng,Bộ phận Một cửa,Trực tuyến một phần,10/03/2025 14:00,25/03/2025 17:00,24/03/2025 09:00,Đã giải quyết,Không,,Không,Có,Hài lòng\n`;
    expect(json<Ingest>(await upload(who.coordinator.username, TL, 'cap-nhat.csv', Buffer.from(csv)))).toMatchObject({ inserted: 0, updated: 1 });
    const figures = json<Array<{ indicators: Record<string, unknown> }>>(await call(ctx, who.coordinator.username, 'GET', `/api/communes/${TL}/indicators?${Q1}`));
    expect(figures[0].indicators).toMatchObject({ finished: 7, on_time: 5, overdue_open: 1 });
    // put it back as the sample has it
    await upload(who.coordinator.username, TL, 'ho-so.csv', sample);
  });

  it('refuses a file-level error and leaves the database as it was', async () => {
    const before = await dossiersDigest();
    const audits = await countRows(ctx, 'audit_log');
    const missing = await upload(who.coordinator.username, TL, 'thieu-cot.csv', Buffer.from('Mã hồ sơ,Trạng thái\nX1,Đang xử lý\n'));
    expect(missing.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(missing).error.message).toMatch(/^Thiếu cột bắt buộc: Hình thức nộp/);
    const tcvn3 = await upload(who.coordinator.username, TL, 'tcvn3.csv', Buffer.from([0x4d, 0xb8, 0x20, 0x68, 0xe5, 0x2c, 0x41, 0x0a, 0x31, 0x2c, 0x32]));
    expect(json<{ error: { message: string } }>(tcvn3).error.message).toMatch(/không phải UTF-8/);
    const broken = await upload(who.coordinator.username, TL, 'vo.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(broken.statusCode).toBe(400);
    expect(await dossiersDigest()).toBe(before);
    expect(await countRows(ctx, 'audit_log')).toBe(audits);
  });

  it('refuses an unclosed quote found far into a large first load, after rows were already written, and keeps nothing', async () => {
    const commune = await buildCommune(ctx);
    const coordinator = await buildUser(ctx, { role: 'coordinator', commune });
    const good = Array.from(
      { length: 8000 },
      (_, i) =>
        `L-${i},1.1,Chứng thực bản sao từ bản chính,Chứng thực,Bộ phận Một cửa,Trực tuyến toàn trình,02/01/2025 08:00,10/01/2025 17:00,09/01/2025 10:00,Đã giải quyết,Có,Có,Có,Có,Hài lòng`,
    );
    const before = await dossiersDigest();
    const response = await upload(coordinator.username, commune.id, 'lon.csv', Buffer.from([TEMPLATE_CSV_HEADER, ...good, 'L-x,"chưa đóng ngoặc'].join('\r\n')));
    expect(response.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(response).error.message).toContain('8002');
    expect(await dossiersDigest()).toBe(before);
  });

  it('reads an XLSX export through the same checks', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hồ sơ');
    sheet.addRow(TEMPLATE_CSV_HEADER.split(','));
    sheet.addRow([
      'X-001',
      '1.1',
      'Chứng thực',
      'Chứng thực',
      'Một cửa',
      'Trực tiếp',
      new Date(Date.UTC(2025, 4, 5, 8, 30)),
      new Date(Date.UTC(2025, 4, 6)),
      '06/05/2025 16:00',
      'Đã giải quyết',
      'Có',
      'Có',
      'Có',
      'Có',
      'Rất hài lòng',
    ]);
    sheet.addRow(['X-002', '1.1', 'Chứng thực', 'Chứng thực', 'Một cửa', 'Trực tiếp', '31/02/2025', '06/05/2025', '', 'Đang xử lý', '', '', '', '', '']);
    sheet.addRow([
      'X-003',
      '1.1',
      { formula: 'A1&"x"', result: 'Mã hồ sơx' },
      'Chứng thực',
      'Một cửa',
      'Trực tiếp',
      '05/05/2025',
      '06/05/2025',
      '',
      'Đang xử lý',
      '',
      '',
      '',
      '',
      '',
    ]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = json<Ingest>(await upload(who.cgCoordinator.username, CG, 'ho-so.xlsx', data));
    expect(result).toMatchObject({ inserted: 1 });
    expect(result.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(result.rejected[1].reason).toMatch(/công thức/);
  });
});

describe('column mappings per source', () => {
  it('reads an export with unknown headers once its mapping is saved, and offers the template', async () => {
    const csv = Buffer.from('So bien nhan;Kenh;Nhan luc;Hen luc;Xong luc;Tinh hinh\nM-1;Trực tuyến toàn trình;03/03/2025 08:00;06/03/2025 17:00;05/03/2025 09:00;Đã giải quyết\n');
    const refused = await call(ctx, who.coordinator.username, 'POST', `/api/communes/${TL}/dossiers/import?source=motcua-cu`, new Multipart('cu.csv', csv));
    expect(refused.statusCode).toBe(400);
    const mapping = { 'So bien nhan': 'code', Kenh: 'channel', 'Nhan luc': 'received', 'Hen luc': 'appointment', 'Xong luc': 'ended', 'Tinh hinh': 'status' };
    expect((await call(ctx, who.staff.username, 'PUT', `/api/communes/${TL}/dossiers/mappings/motcua-cu`, { mapping })).statusCode).toBe(403);
    expect((await call(ctx, who.coordinator.username, 'PUT', `/api/communes/${TL}/dossiers/mappings/motcua-cu`, { mapping })).statusCode).toBe(200);
    expect(json<{ mapping: unknown }>(await call(ctx, who.coordinator.username, 'GET', `/api/communes/${TL}/dossiers/mappings/motcua-cu`)).mapping).toEqual(mapping);
    const loaded = await call(ctx, who.coordinator.username, 'POST', `/api/communes/${TL}/dossiers/import?source=motcua-cu`, new Multipart('cu.csv', csv));
    expect(json<Ingest>(loaded)).toMatchObject({ inserted: 1, rejected: [] });
    await ctx.db.execute(sql`DELETE FROM dossiers WHERE code = 'M-1'`);
    const template = await call(ctx, who.staff.username, 'GET', '/api/dossiers/template.csv');
    expect(template.headers['content-type']).toMatch(/text\/csv/);
    expect(template.body).toBe(`\ufeff${TEMPLATE_CSV_HEADER}\r\n`);
  });
});

describe('the mapping screen and the progress bar', () => {
  it('reads the header from the first bytes of a CSV and says which field each column maps to', async () => {
    const csv = Buffer.from('Số hồ sơ,Kênh tiếp nhận,Ngày nhận,Hạn trả,Ngày kết thúc,Trạng thái,Ghi chú\nH-1,Trực tiếp,01/03/2025,05/03/2025,,Đang xử lý,Đã nhận đủ giấy tờ\n');
    // Cut inside "Đã": a split letter must not make the file look non-UTF-8.
    const head = csv.subarray(0, csv.indexOf('Đã') + 1);
    const url = `/api/communes/${TL}/dossiers/headers?source=mot-cua-moi`;
    const response = await call(ctx, who.coordinator.username, 'POST', url, new Multipart('xuat.csv', head));
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toEqual({
      headers: [
        { header: 'Số hồ sơ', field: 'code' },
        { header: 'Kênh tiếp nhận', field: null },
        { header: 'Ngày nhận', field: 'received' },
        { header: 'Hạn trả', field: null },
        { header: 'Ngày kết thúc', field: 'ended' },
        { header: 'Trạng thái', field: 'status' },
        { header: 'Ghi chú', field: null },
      ],
      missing: ['Hình thức nộp', 'Ngày hẹn trả'],
    });
    // Once saved for the source, the mapping is what the screen shows next time.
    await call(ctx, who.coordinator.username, 'PUT', `/api/communes/${TL}/dossiers/mappings/mot-cua-moi`, { mapping: { 'Kênh tiếp nhận': 'channel', 'Hạn trả': 'appointment' } });
    const again = json<{ headers: Array<{ field: string | null }>; missing: string[] }>(await call(ctx, who.coordinator.username, 'POST', url, new Multipart('xuat.csv', head)));
    expect(again.headers.map((h) => h.field)).toEqual(['code', 'channel', 'received', 'appointment', 'ended', 'status', null]);
    expect(again.missing).toEqual([]);
    expect((await call(ctx, who.staff.username, 'POST', url, new Multipart('xuat.csv', head))).statusCode).toBe(403);
  });

  it('tells the uploader how far the server got, and no one outside the commune', async () => {
    const progress = (username: string, communeId = TL) => call(ctx, username, 'GET', `/api/communes/${communeId}/dossiers/import-progress/upload0001`);
    expect(json(await progress(who.coordinator.username))).toEqual({ phase: 'waiting', done: 0, total: 0 });
    const loaded = await call(ctx, who.coordinator.username, 'POST', `/api/communes/${TL}/dossiers/import?uploadId=upload0001`, new Multipart('ho-so.csv', sample));
    expect(loaded.statusCode).toBe(200);
    expect(json(await progress(who.coordinator.username))).toMatchObject({ phase: 'done' });
    // Kept in the database, a row per upload: any server process answers the polls.
    const stored = await ctx.db.execute(sql`SELECT phase FROM dossier_uploads WHERE commune_id = ${TL} AND upload_id = 'upload0001'`);
    expect(stored.rows).toEqual([{ phase: 'done' }]);
    expect((await progress(who.apCoordinator.username)).statusCode).toBe(404);
    expect((await call(ctx, who.coordinator.username, 'GET', `/api/communes/${TL}/dossiers/import-progress/x`)).statusCode).toBe(400);
  });
});

describe('who reads and writes dossiers', () => {
  it('lets the commune’s own people and the city reviewer read its indicators, no one else', async () => {
    for (const { username } of [who.coordinator, who.staff, who.leader, who.reviewer, who.admin]) {
      const response = await call(ctx, username, 'GET', `/api/communes/${TL}/indicators?${Q1}`);
      expect(response.statusCode, username).toBe(200);
    }
    expect((await call(ctx, who.apCoordinator.username, 'GET', `/api/communes/${TL}/indicators?${Q1}`)).statusCode).toBe(404);
    expect((await call(ctx, who.otherReviewer.username, 'GET', `/api/communes/${TL}/indicators?${Q1}`)).statusCode).toBe(404);
    expect(json<unknown[]>(await call(ctx, who.otherReviewer.username, 'GET', `/api/indicators/communes?${Q1}`))).toEqual([]);
    expect((await call(ctx, null, 'GET', `/api/communes/${TL}/indicators?${Q1}`)).statusCode).toBe(401);
  });

  it('gives the same figures as the CLI on the sample, and breaks them down by field', async () => {
    const [all] = json<Array<{ indicators: Record<string, unknown> }>>(await call(ctx, who.reviewer.username, 'GET', `/api/communes/${TL}/indicators?${Q1}`));
    expect(all.indicators).toEqual({
      received: 8,
      finished: 6,
      on_time: 4,
      late: 2,
      on_time_pct: 66.7,
      overdue_open: 2,
      online_pct: 50,
      full_online_pct: 37.5,
      online_payment_pct: 66.7,
      digitised_pct: 50,
      e_result_pct: 66.7,
      satisfaction_pct: 60,
    });
    const byField = json<Array<{ key: string; indicators: { received: number } }>>(
      await call(ctx, who.coordinator.username, 'GET', `/api/communes/${TL}/indicators?${Q1}&groupBy=field`),
    );
    expect(Object.fromEntries(byField.map((g) => [g.key, g.indicators.received]))).toEqual({ 'Chứng thực': 2, 'Hộ tịch': 3, 'Xây dựng': 1, 'Đất đai': 2 });
  });

  it('shows the city reviewer every commune, a commune’s coordinator only its own', async () => {
    const city = json<Array<{ key: string }>>(await call(ctx, who.reviewer.username, 'GET', `/api/indicators/communes?${Q1}`));
    expect(city.map((c) => c.key)).toContain(String(TL));
    const own = json<Array<{ key: string }>>(await call(ctx, who.apCoordinator.username, 'GET', `/api/indicators/communes?${Q1}`));
    expect(own.every((c) => c.key === String(AP))).toBe(true);
  });

  it('refuses uploads from staff and reviewers, and foreign communes', async () => {
    expect((await upload(who.staff.username, TL, 'ho-so.csv', sample)).statusCode).toBe(403);
    expect((await upload(who.reviewer.username, TL, 'ho-so.csv', sample)).statusCode).toBe(403);
    expect((await upload(who.apCoordinator.username, TL, 'ho-so.csv', sample)).statusCode).toBe(404);
  });

  it('lets a sync token write only its own commune, and a rotated token stop working', async () => {
    expect((await call(ctx, who.coordinator.username, 'POST', `/api/communes/${TL}/dossiers/sync-token`)).statusCode).toBe(403);
    const rotated = await call(ctx, who.admin.username, 'POST', `/api/communes/${AP}/dossiers/sync-token`);
    expect(rotated.statusCode).toBe(201);
    const { token } = json<{ token: string }>(rotated);
    const record = {
      code: 'AP-1',
      channel: 'Trực tuyến toàn trình',
      received: '02/06/2025 08:00',
      appointment: '05/06/2025 17:00',
      ended: '05/06/2025 17:00',
      status: 'Đã giải quyết',
      rating: 'Hài lòng',
    };
    const sync = (bearer: string, dossiers: unknown[]) =>
      ctx.app.inject({ method: 'POST', url: '/api/sync/dossiers', headers: { authorization: `Bearer ${bearer}` }, payload: { dossiers } });
    const response = await sync(token, [record, { ...record, code: 'AP-2', received: '31/02/2025' }]);
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Ingest>(response)).toMatchObject({ inserted: 1, rejected: [{ line: 2 }] });
    const owners = await ctx.db.execute(sql`SELECT commune_id FROM dossiers WHERE code = 'AP-1'`);
    expect(owners.rows).toEqual([{ commune_id: AP }]);
    const [ap] = json<Array<{ indicators: { on_time: number } }>>(
      await call(ctx, who.apCoordinator.username, 'GET', `/api/communes/${AP}/indicators?from=2025-06-01&to=2025-06-30`),
    );
    expect(ap.indicators.on_time).toBe(1);
    await call(ctx, who.admin.username, 'POST', `/api/communes/${AP}/dossiers/sync-token`);
    expect((await sync(token, [record])).statusCode).toBe(401);
    expect((await sync('nonsense', [record])).statusCode).toBe(401);
  });
});

describe('the city’s indicator table', () => {
  type Table = { communes: Array<{ communeId: number; communeName: string; indicators: Record<string, number | null> }>; total: Record<string, number | null> };

  it('shows each commune as its own indicators show it, and the city’s rates from the summed dossiers', async () => {
    // Cẩm Giàng: two dossiers in the quarter, both on time — beside Tiên Lãng's 4 of 6, an average of rates would read 83.3 %.
    const csv = `${TEMPLATE_CSV_HEADER}\nCG-1,1.001,Chứng thực,Chứng thực,Bộ phận Một cửa,Trực tiếp,03/02/2025 08:00,05/02/2025 17:00,04/02/2025 10:00,Đã giải quyết,Có,Có,Có,Có,Rất hài lòng\nCG-2,1.001,Chứng thực,Chứng thực,Bộ phận Một cửa,Trực tuyến toàn trình,10/02/2025 08:00,12/02/2025 17:00,11/02/2025 10:00,Đã giải quyết,Không,,Có,Có,\n`;
    expect((await upload(who.cgCoordinator.username, CG, 'cg.csv', Buffer.from(csv))).statusCode).toBe(200);

    const table = json<Table>(await call(ctx, who.reviewer.username, 'GET', `/api/indicators/city?${Q1}`));
    expect(table.communes.map((c) => c.communeId)).toEqual(expect.arrayContaining([TL, AP, CG]));
    for (const id of [TL, CG]) {
      const [own] = json<Array<{ indicators: unknown }>>(await call(ctx, who.reviewer.username, 'GET', `/api/communes/${id}/indicators?${Q1}`));
      expect(table.communes.find((c) => c.communeId === id)?.indicators).toEqual(own.indicators);
    }
    const sum = (k: string) => table.communes.reduce((n, c) => n + (c.indicators[k] as number), 0);
    expect(table.total.received).toBe(sum('received'));
    expect(table.total.finished).toBe(sum('finished'));
    expect(table.total.on_time_pct).toBe(Math.round((1000 * sum('on_time')) / sum('finished')) / 10);
    const tl = table.communes.find((c) => c.communeId === TL)?.indicators;
    expect([tl?.on_time_pct, table.total.on_time_pct]).toEqual([66.7, 75]);
  });

  it('shows a commune without dossiers in the window as having no data, never 0 %', async () => {
    const table = json<Table>(await call(ctx, who.admin.username, 'GET', '/api/indicators/city?from=2019-01-01&to=2019-03-31'));
    expect(table.communes.length).toBeGreaterThanOrEqual(3);
    for (const c of table.communes) expect([c.indicators.received, c.indicators.on_time_pct, c.indicators.satisfaction_pct]).toEqual([0, null, null]);
    expect(table.total.online_pct).toBeNull();
  });

  it('is for the city’s reviewers and administrators: a commune’s people read only their own commune, another city’s reviewer none of these', async () => {
    expect((await call(ctx, who.coordinator.username, 'GET', `/api/indicators/city?${Q1}`)).statusCode).toBe(403);
    expect((await call(ctx, who.staff.username, 'GET', `/api/indicators/city?${Q1}`)).statusCode).toBe(403);
    expect((await call(ctx, null, 'GET', `/api/indicators/city?${Q1}`)).statusCode).toBe(401);
    const other = json<Table>(await call(ctx, who.otherReviewer.username, 'GET', `/api/indicators/city?${Q1}`));
    expect(other.communes.map((c) => c.communeId)).not.toContain(TL);
  });
});
