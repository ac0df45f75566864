import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_CSV_HEADER } from '../../domain/indicators';
import { createTestContext, json, type TestContext } from '../test/context';
import { call, countRows, DEMO, Multipart } from '../test/factories';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
});
afterAll(async () => ctx.close());

const sample = readFileSync('fixtures/dossiers/sample.csv');
const Q1 = 'from=2025-01-01&to=2025-03-31&asOf=2025-03-31';
const TL = DEMO.communes.tienLang;

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
    const first = await upload('daumoi', TL, 'ho-so.csv', sample);
    expect(first.statusCode, first.body).toBe(200);
    const result = json<Ingest>(first);
    expect(result).toMatchObject({ rows: 17, inserted: 11, updated: 0, unchanged: 0 });
    expect(result.rejected.map((r) => r.line)).toEqual([12, 13, 14, 15, 18, 19]);
    expect(await countRows(ctx, 'audit_log', "entity = 'dossiers' AND action = 'import' AND (after->>'inserted')::int = 11")).toBe(1);
    const digest = await dossiersDigest();
    const again = json<Ingest>(await upload('daumoi', TL, 'ho-so.csv', sample));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 11 });
    expect(await dossiersDigest()).toBe(digest);
  });

  it('updates a dossier whose status changed in a later export (upsert by code)', async () => {
    const csv = `${TEMPLATE_CSV_HEADER}\nHS007,2.001,Cấp giấy phép xây dựng,Xây dựng,Bộ phận Một cửa,Trực tuyến một phần,10/03/2025 14:00,25/03/2025 17:00,24/03/2025 09:00,Đã giải quyết,Không,,Không,Có,Hài lòng\n`;
    expect(json<Ingest>(await upload('daumoi', TL, 'cap-nhat.csv', Buffer.from(csv)))).toMatchObject({ inserted: 0, updated: 1 });
    const figures = json<Array<{ indicators: Record<string, unknown> }>>(await call(ctx, 'daumoi', 'GET', `/api/communes/${TL}/indicators?${Q1}`));
    expect(figures[0].indicators).toMatchObject({ finished: 7, on_time: 5, overdue_open: 1 });
    // put it back as the sample has it
    await upload('daumoi', TL, 'ho-so.csv', sample);
  });

  it('refuses a file-level error and leaves the database as it was', async () => {
    const before = await dossiersDigest();
    const audits = await countRows(ctx, 'audit_log');
    const missing = await upload('daumoi', TL, 'thieu-cot.csv', Buffer.from('Mã hồ sơ,Trạng thái\nX1,Đang xử lý\n'));
    expect(missing.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(missing).error.message).toMatch(/^Thiếu cột bắt buộc: Hình thức nộp/);
    const tcvn3 = await upload('daumoi', TL, 'tcvn3.csv', Buffer.from([0x4d, 0xb8, 0x20, 0x68, 0xe5, 0x2c, 0x41, 0x0a, 0x31, 0x2c, 0x32]));
    expect(json<{ error: { message: string } }>(tcvn3).error.message).toMatch(/không phải UTF-8/);
    const broken = await upload('daumoi', TL, 'vo.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(broken.statusCode).toBe(400);
    expect(await dossiersDigest()).toBe(before);
    expect(await countRows(ctx, 'audit_log')).toBe(audits);
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
    const result = json<Ingest>(await upload('daumoi.cg', DEMO.communes.camGiang, 'ho-so.xlsx', data));
    expect(result).toMatchObject({ inserted: 1 });
    expect(result.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(result.rejected[1].reason).toMatch(/công thức/);
  });
});

describe('column mappings per source', () => {
  it('reads an export with unknown headers once its mapping is saved, and offers the template', async () => {
    const csv = Buffer.from('So bien nhan;Kenh;Nhan luc;Hen luc;Xong luc;Tinh hinh\nM-1;Trực tuyến toàn trình;03/03/2025 08:00;06/03/2025 17:00;05/03/2025 09:00;Đã giải quyết\n');
    const refused = await call(ctx, 'daumoi', 'POST', `/api/communes/${TL}/dossiers/import?source=motcua-cu`, new Multipart('cu.csv', csv));
    expect(refused.statusCode).toBe(400);
    const mapping = { 'So bien nhan': 'code', Kenh: 'channel', 'Nhan luc': 'received', 'Hen luc': 'appointment', 'Xong luc': 'ended', 'Tinh hinh': 'status' };
    expect((await call(ctx, 'canbovp', 'PUT', `/api/communes/${TL}/dossiers/mappings/motcua-cu`, { mapping })).statusCode).toBe(403);
    expect((await call(ctx, 'daumoi', 'PUT', `/api/communes/${TL}/dossiers/mappings/motcua-cu`, { mapping })).statusCode).toBe(200);
    expect(json<{ mapping: unknown }>(await call(ctx, 'daumoi', 'GET', `/api/communes/${TL}/dossiers/mappings/motcua-cu`)).mapping).toEqual(mapping);
    const loaded = await call(ctx, 'daumoi', 'POST', `/api/communes/${TL}/dossiers/import?source=motcua-cu`, new Multipart('cu.csv', csv));
    expect(json<Ingest>(loaded)).toMatchObject({ inserted: 1, rejected: [] });
    await ctx.db.execute(sql`DELETE FROM dossiers WHERE code = 'M-1'`);
    const template = await call(ctx, 'canbovp', 'GET', '/api/dossiers/template.csv');
    expect(template.headers['content-type']).toMatch(/text\/csv/);
    expect(template.body).toBe(`\ufeff${TEMPLATE_CSV_HEADER}\r\n`);
  });
});

describe('who reads and writes dossiers', () => {
  it('lets the commune’s own people and the city reviewer read its indicators, no one else', async () => {
    for (const username of ['daumoi', 'canbovp', 'chutich', 'sonoivu', 'admin']) {
      const response = await call(ctx, username, 'GET', `/api/communes/${TL}/indicators?${Q1}`);
      expect(response.statusCode, username).toBe(200);
    }
    expect((await call(ctx, 'daumoi.ap', 'GET', `/api/communes/${TL}/indicators?${Q1}`)).statusCode).toBe(404);
    expect((await call(ctx, null, 'GET', `/api/communes/${TL}/indicators?${Q1}`)).statusCode).toBe(401);
  });

  it('gives the same figures as the CLI on the sample, and breaks them down by field', async () => {
    const [all] = json<Array<{ indicators: Record<string, unknown> }>>(await call(ctx, 'sonoivu', 'GET', `/api/communes/${TL}/indicators?${Q1}`));
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
    const byField = json<Array<{ key: string; indicators: { received: number } }>>(await call(ctx, 'daumoi', 'GET', `/api/communes/${TL}/indicators?${Q1}&groupBy=field`));
    expect(Object.fromEntries(byField.map((g) => [g.key, g.indicators.received]))).toEqual({ 'Chứng thực': 2, 'Hộ tịch': 3, 'Xây dựng': 1, 'Đất đai': 2 });
  });

  it('shows the city reviewer every commune, a commune’s coordinator only its own', async () => {
    const city = json<Array<{ key: string }>>(await call(ctx, 'sonoivu', 'GET', `/api/indicators/communes?${Q1}`));
    expect(city.map((c) => c.key)).toContain(String(TL));
    const own = json<Array<{ key: string }>>(await call(ctx, 'daumoi.ap', 'GET', `/api/indicators/communes?${Q1}`));
    expect(own.every((c) => c.key === String(DEMO.communes.anPhong))).toBe(true);
  });

  it('refuses uploads from staff and reviewers, and foreign communes', async () => {
    expect((await upload('canbovp', TL, 'ho-so.csv', sample)).statusCode).toBe(403);
    expect((await upload('sonoivu', TL, 'ho-so.csv', sample)).statusCode).toBe(403);
    expect((await upload('daumoi.ap', TL, 'ho-so.csv', sample)).statusCode).toBe(404);
  });

  it('lets a sync token write only its own commune, and a rotated token stop working', async () => {
    expect((await call(ctx, 'daumoi', 'POST', `/api/communes/${TL}/dossiers/sync-token`)).statusCode).toBe(403);
    const rotated = await call(ctx, 'admin', 'POST', `/api/communes/${DEMO.communes.anPhong}/dossiers/sync-token`);
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
    expect(owners.rows).toEqual([{ commune_id: DEMO.communes.anPhong }]);
    const [ap] = json<Array<{ indicators: { on_time: number } }>>(
      await call(ctx, 'daumoi.ap', 'GET', `/api/communes/${DEMO.communes.anPhong}/indicators?from=2025-06-01&to=2025-06-30`),
    );
    expect(ap.indicators.on_time).toBe(1);
    await call(ctx, 'admin', 'POST', `/api/communes/${DEMO.communes.anPhong}/dossiers/sync-token`);
    expect((await sync(token, [record])).statusCode).toBe(401);
    expect((await sync('nonsense', [record])).statusCode).toBe(401);
  });
});
