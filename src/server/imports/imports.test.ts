import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../test/context';
import { buildCommune, buildUnit, buildUser, lazyMultipart, Multipart } from '../test/factories';

let ctx: TestContext;
let communeId: number;
beforeAll(async () => {
  ctx = await createTestContext();
  const commune = await buildCommune(ctx);
  communeId = commune.id;
  const vhxh = await buildUnit(ctx, commune, { name: 'Phòng Văn hóa - Xã hội' });
  await buildUser(ctx, { username: 'daumoi', role: 'coordinator', commune, unit: vhxh });
  await buildUser(ctx, { username: 'canbovp', role: 'unit_staff', commune });
  await buildUser(ctx, { username: 'kiemtra', role: 'inspector', commune });
  await buildUser(ctx, { username: 'sonoivu', role: 'city_reviewer', city: { id: commune.cityId } });
  await buildUser(ctx, { username: 'daumoi.ap', role: 'coordinator', commune: await buildCommune(ctx, { city: { id: commune.cityId } }) });
});
afterAll(async () => ctx.close());

function multipart(fileName: string, data: Buffer) {
  const body = new Multipart(fileName, data);
  return { payload: body.body, headers: { 'content-type': body.contentType } };
}

interface Draft {
  meta: { title: string; period: { start: string; end: string }; kind: string };
  tasks: { area: number; number: number; content: string; lead: string[]; coordinators: string[]; timeframe: { text: string }; product: string }[];
  mapping: { name: string; unitId: number | null; kind: string }[];
}

const seed004 = readFileSync('fixtures/seeds/004_1d5604367f6cf446.txt');

describe('plan import', () => {
  it('reads a document into a draft and stores nothing', async () => {
    const cookie = await ctx.login('daumoi');
    const plansBefore = json<unknown[]>(await ctx.app.inject({ method: 'GET', url: `/api/plans?communeId=${communeId}`, headers: { cookie } })).length;
    const { payload, headers } = multipart('ke-hoach-2026.txt', seed004);
    const response = await ctx.app.inject({ method: 'POST', url: `/api/communes/${communeId}/imports`, payload, headers: { ...headers, cookie } });
    expect(response.statusCode).toBe(200);
    const draft = json<Draft>(response);
    expect(draft.tasks).toHaveLength(38);
    expect(draft.mapping.find((m) => m.name === 'Phòng Văn hóa - Xã hội')?.unitId).toBeTypeOf('number');
    const plansAfter = json<unknown[]>(await ctx.app.inject({ method: 'GET', url: `/api/plans?communeId=${communeId}`, headers: { cookie } })).length;
    expect(plansAfter).toBe(plansBefore);
  });

  it('saves the reviewed draft as a plan with its tasks, twice-imported documents giving the same draft', async () => {
    const cookie = await ctx.login('daumoi');
    const upload = () => {
      const { payload, headers } = multipart('ke-hoach-2026.txt', seed004);
      return ctx.app.inject({ method: 'POST', url: `/api/communes/${communeId}/imports`, payload, headers: { ...headers, cookie } });
    };
    const draft = json<Draft>(await upload());
    expect(json<Draft>(await upload()).tasks).toEqual(draft.tasks);
    const byName = new Map(draft.mapping.map((m) => [m.name, m.unitId]));
    const choice = (name: string) => ({ name, unitId: byName.get(name) ?? null });
    const body = {
      plan: { kind: 'annual', title: `${draft.meta.title} (nhập từ tệp)`, periodStart: draft.meta.period.start, periodEnd: draft.meta.period.end, status: 'draft' },
      tasks: draft.tasks.map((t) => ({
        area: t.area,
        number: t.number,
        content: t.content,
        lead: t.lead.map(choice),
        coordinators: t.coordinators.map(choice),
        timeframeText: t.timeframe.text,
        product: t.product,
      })),
    };
    body.tasks[0].content = 'Ban hành Kế hoạch cải cách hành chính năm 2026 (đã sửa khi rà soát).';
    const saved = await ctx.app.inject({ method: 'POST', url: `/api/communes/${communeId}/imports/save`, payload: body, headers: { cookie } });
    expect(saved.statusCode).toBe(201);
    const plan = json<{ id: number; taskCount: number }>(saved);
    expect(plan.taskCount).toBe(38);
    const tasks = json<{ content: string }[]>(await ctx.app.inject({ method: 'GET', url: `/api/plans/${plan.id}/tasks`, headers: { cookie } }));
    expect(tasks[0].content).toContain('đã sửa khi rà soát');
  });

  it('reads a document that names no period in the year of the app’s clock', async () => {
    const cookie = await ctx.login('daumoi');
    const text = [
      'KẾ HOẠCH',
      'Cải cách hành chính',
      'TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\tSản phẩm',
      'I. Chỉ đạo điều hành\t\t\t\t\t',
      '1\tBáo cáo kết quả\tPhòng Văn hóa - Xã hội\t\tQuý III\tBáo cáo',
    ].join('\n');
    const { payload, headers } = multipart('khong-ghi-nam.txt', Buffer.from(text, 'utf8'));
    const response = await ctx.app.inject({ method: 'POST', url: `/api/communes/${communeId}/imports`, payload, headers: { ...headers, cookie } });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const draft = json<Draft & { period: { start: string; end: string }; tasks: { timeframe: { due: string | null } }[] }>(response);
    const year = ctx.clock.today().slice(0, 4);
    expect(draft.meta.period).toBeNull();
    expect(draft.period).toEqual({ start: `${year}-01-01`, end: `${year}-12-31` });
    expect(draft.tasks[0].timeframe.due).toBe(`${year}-09-30`);
  });

  it('refuses a corrupt .docx with a Vietnamese message and saves nothing', async () => {
    const cookie = await ctx.login('daumoi');
    const { payload, headers } = multipart('hong.docx', Buffer.from('PK\u0003\u0004 this is not really a zip file at all'));
    const response = await ctx.app.inject({ method: 'POST', url: `/api/communes/${communeId}/imports`, payload, headers: { ...headers, cookie } });
    expect(response.statusCode).toBe(422);
    expect(json<{ error: { message: string } }>(response).error.message).toMatch(/hỏng|không đọc được/);
  });

  it('refuses a 50 MB upload with 413', async () => {
    const cookie = await ctx.login('daumoi');
    const { payload, headers } = multipart('qua-lon.pdf', Buffer.alloc(50 * 1024 * 1024, 0x41));
    const response = await ctx.app.inject({ method: 'POST', url: `/api/communes/${communeId}/imports`, payload, headers: { ...headers, cookie } });
    expect(response.statusCode).toBe(413);
    expect(json<{ error: { message: string } }>(response).error.message).toMatch(/quá lớn/);
  });

  it('lets only the commune managers import', async () => {
    for (const username of ['canbovp', 'sonoivu', 'kiemtra']) {
      const cookie = await ctx.login(username);
      const { payload, headers } = multipart('ke-hoach.txt', seed004);
      const response = await ctx.app.inject({ method: 'POST', url: `/api/communes/${communeId}/imports`, payload, headers: { ...headers, cookie } });
      expect(response.statusCode, username).toBe(403);
    }
    const foreign = await ctx.login('daumoi.ap');
    const { payload, headers } = multipart('ke-hoach.txt', seed004);
    expect((await ctx.app.inject({ method: 'POST', url: `/api/communes/${communeId}/imports`, payload, headers: { ...headers, cookie: foreign } })).statusCode).toBe(404);
  });

  it('checks rights before reading the upload: a refused 19 MB import is not pulled', async () => {
    const cookie = await ctx.login('canbovp');
    const upload = lazyMultipart('ke-hoach.docx', 19 * 1024 * 1024);
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/communes/${communeId}/imports`,
      payload: upload.stream,
      headers: { cookie, 'content-type': upload.contentType },
    });
    expect(response.statusCode).toBe(403);
    expect(upload.pulled()).toBeLessThan(1024 * 1024);
  });
});

describe('saving a reviewed plan stores names under the one key', () => {
  const plan = { kind: 'thematic', title: 'Kế hoạch thử tên đơn vị', periodStart: '2026-01-01', periodEnd: '2026-12-31' };
  const save = async (lead: unknown[]) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/communes/${communeId}/imports/save`,
      headers: { cookie: await ctx.login('daumoi') },
      // The same plan saved again replaces its draft (a duplicate is otherwise refused): only the units are under test here.
      payload: { plan, onDuplicate: 'replace', tasks: [{ area: 1, content: 'Nhiệm vụ thử', lead, coordinators: [], timeframeText: 'Quý IV/2026' }] },
    });
  const keyCount = async (table: string, column: string, key: string) =>
    Number((await ctx.db.execute<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE commune_id = ${communeId} AND ${column} = '${key}'`)).rows[0].n);

  it('a new unit named 99 × "KT" (which the importer expands to 791 characters) is saved: 201, not 500', async () => {
    const name = Array.from({ length: 99 }, () => 'KT').join(' ');
    const response = await save([{ name, newUnitKind: 'internal' }]);
    expect(response.statusCode, response.body).toBe(201);
    expect(await keyCount('units', 'name_key', name.toLowerCase())).toBe(1);
    expect(await keyCount('unit_aliases', 'alias_key', name.toLowerCase())).toBe(1);
  });

  it('a new unit written like an existing one (NFD, zero-width space, case) is that unit, not a second one', async () => {
    expect((await save([{ name: 'Ban Tiếp công dân', newUnitKind: 'internal' }])).statusCode).toBe(201);
    for (const name of ['Ban Tiếp công dân'.normalize('NFD'), 'ban tiếp\u200b công dân']) {
      expect((await save([{ name, newUnitKind: 'internal' }])).statusCode).toBe(201);
    }
    expect(await keyCount('units', 'name_key', 'ban tiep cong dan')).toBe(1);
  });
});
