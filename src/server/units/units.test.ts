import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../test/context';
import { type BuiltUser, buildCity, buildCommune, buildUnit, buildUser, call, countRows, expectAdminRefused } from '../test/factories';

interface Unit {
  id: number;
  communeId: number;
  name: string;
  shortName: string | null;
  kind: string;
  isCoordinator: boolean;
  active: boolean;
  aliases: { id: number; alias: string }[];
}
interface AuditEntry {
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

type CommuneRow = Awaited<ReturnType<typeof buildCommune>>;
type UnitRow = Awaited<ReturnType<typeof buildUnit>>;

let ctx: TestContext;
let city: Awaited<ReturnType<typeof buildCity>>;
/** The commune most tests work in, and a neighbour with units of the same names. */
let commune: CommuneRow;
let neighbour: CommuneRow;
let admin: BuiltUser;
let coordinator: BuiltUser;
/** The commune's units, by the role they play in the tests. */
const named = {} as Record<'vhxh' | 'vanPhong' | 'kinhTe' | 'hcc' | 'snc' | 'congAn' | 'tramYTe', UnitRow>;
beforeAll(async () => {
  ctx = await createTestContext();
  city = await buildCity(ctx);
  commune = await buildCommune(ctx, { city, name: 'Tiên Thử' });
  neighbour = await buildCommune(ctx, { city, name: 'An Thử', kind: 'phuong' });
  admin = await buildUser(ctx, { role: 'admin', city });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  named.vhxh = await buildUnit(ctx, commune, { name: 'Phòng Văn hóa - Xã hội', shortName: 'VH-XH', isCoordinator: true, aliases: ['VH-XH', 'VHXH', 'Phòng VH-XH'] });
  named.vanPhong = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  named.kinhTe = await buildUnit(ctx, commune, { name: 'Phòng Kinh tế', shortName: 'KT', aliases: ['Phòng KT'] });
  named.hcc = await buildUnit(ctx, commune, { name: 'Trung tâm Phục vụ hành chính công', aliases: ['Bộ phận một cửa'] });
  named.snc = await buildUnit(ctx, commune, { name: 'Trung tâm Dịch vụ sự nghiệp công' });
  named.congAn = await buildUnit(ctx, commune, { name: 'Công an xã', aliases: ['Công an'] });
  named.tramYTe = await buildUnit(ctx, commune, { name: 'Trạm Y tế', aliases: ['Trạm Y tế xã'] });
  await buildUnit(ctx, commune, { name: 'Các cơ quan, đơn vị liên quan', kind: 'catch_all' });
  await buildUnit(ctx, commune, { name: 'Mặt trận Tổ quốc Việt Nam', kind: 'outside' });
  await buildUnit(ctx, neighbour, { name: 'Phòng Kinh tế, Hạ tầng và Đô thị', shortName: 'KT,HT&ĐT', aliases: ['KT,HT&ĐT'] });
});
afterAll(async () => ctx?.close());

const units = async (communeId: number = commune.id, user = admin.username) => json<Unit[]>(await call(ctx, user, 'GET', `/api/communes/${communeId}/units`));
const unitAudit = async (unitId: number) => json<AuditEntry[]>(await call(ctx, admin.username, 'GET', `/api/audit?entity=unit&entityId=${unitId}`));

async function expectRefused(method: 'POST' | 'PATCH' | 'DELETE', url: string, body: unknown, status: number, message: string | RegExp) {
  await expectAdminRefused(ctx, method, url, body, status, message, admin.username);
}

describe('units of a commune', () => {
  it('lists the commune’s units with their name variants', async () => {
    const list = await units();
    const vhxh = list.find((u) => u.id === named.vhxh.id) as Unit;
    expect(vhxh).toMatchObject({ name: 'Phòng Văn hóa - Xã hội', shortName: 'VH-XH', isCoordinator: true, kind: 'internal', active: true });
    expect(vhxh.aliases.map((a) => a.alias)).toEqual(expect.arrayContaining(['VH-XH', 'VHXH', 'Phòng VH-XH']));
    expect(list.find((u) => u.name === 'Các cơ quan, đơn vị liên quan')?.kind).toBe('catch_all');
    expect(list.find((u) => u.name === 'Mặt trận Tổ quốc Việt Nam')?.kind).toBe('outside');
    expect(list.every((u) => u.communeId === commune.id)).toBe(true);
    // A coordinator reads them too.
    expect((await units(commune.id, coordinator.username)).map((u) => u.id)).toEqual(list.map((u) => u.id));
  });

  it('creates a unit; its name is unique within the commune (409) but may repeat in another', async () => {
    const response = await call(ctx, admin.username, 'POST', `/api/communes/${commune.id}/units`, { name: 'Phòng Tư pháp', shortName: 'TP' });
    expect(response.statusCode, response.body).toBe(201);
    const unit = json<Unit>(response);
    expect(unit).toMatchObject({ communeId: commune.id, name: 'Phòng Tư pháp', kind: 'internal', isCoordinator: false, active: true });
    expect((await units()).map((u) => u.name)).toContain('Phòng Tư pháp');
    expect((await unitAudit(unit.id))[0]).toMatchObject({ action: 'create', after: { name: 'Phòng Tư pháp' } });

    await expectRefused('POST', `/api/communes/${commune.id}/units`, { name: 'Phòng Tư pháp' }, 409, 'Đơn vị "Phòng Tư pháp" đã có.');
    const elsewhere = await call(ctx, admin.username, 'POST', `/api/communes/${neighbour.id}/units`, { name: 'Phòng Tư pháp' });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('refuses an empty name or an unknown kind with 400', async () => {
    await expectRefused('POST', `/api/communes/${commune.id}/units`, { name: '  ' }, 400, /Vui lòng nhập tên đơn vị/);
    await expectRefused('POST', `/api/communes/${commune.id}/units`, { name: 'Tổ mới', kind: 'department' }, 400, /kind/);
  });

  it('updates a unit (deactivate, rename); the audit log keeps before and after', async () => {
    const response = await call(ctx, admin.username, 'PATCH', `/api/units/${named.tramYTe.id}`, { name: 'Trạm Y tế xã Tiên Lãng', active: false });
    expect(response.statusCode).toBe(200);
    const unit = (await units()).find((u) => u.id === named.tramYTe.id) as Unit;
    expect(unit).toMatchObject({ name: 'Trạm Y tế xã Tiên Lãng', active: false });
    const [entry] = await unitAudit(named.tramYTe.id);
    expect(entry).toMatchObject({ action: 'update', before: { name: 'Trạm Y tế', active: true }, after: { name: 'Trạm Y tế xã Tiên Lãng', active: false } });
  });

  it('renaming a unit to another unit’s name → 409, nothing changed', async () => {
    await expectRefused('PATCH', `/api/units/${named.tramYTe.id}`, { name: 'Công an xã' }, 409, 'Đơn vị "Công an xã" đã có.');
  });

  it('an unknown unit → 404', async () => {
    expect((await call(ctx, admin.username, 'PATCH', '/api/units/99999', { shortName: 'x' })).statusCode).toBe(404);
    expect((await call(ctx, admin.username, 'POST', '/api/units/99999/aliases', { alias: 'x' })).statusCode).toBe(404);
  });
});

describe('name variants (aliases)', () => {
  it('adds a variant; it shows on the unit and in the audit log', async () => {
    const response = await call(ctx, admin.username, 'POST', `/api/units/${named.kinhTe.id}/aliases`, { alias: 'Phòng Kinh tế xã' });
    expect(response.statusCode, response.body).toBe(201);
    const alias = json<{ id: number; alias: string }>(response);
    expect(alias.alias).toBe('Phòng Kinh tế xã');
    expect((await units()).find((u) => u.id === named.kinhTe.id)?.aliases).toContainEqual(alias);
    expect((await unitAudit(named.kinhTe.id))[0]).toMatchObject({ action: 'add_alias', after: { alias: 'Phòng Kinh tế xã' } });
  });

  it('matches by key: "vh-xh", "Vh Xh" or "VH–XH" when "VH-XH" exists → 409, to any unit', async () => {
    for (const variant of ['vh-xh', 'Vh Xh', 'VH–XH']) {
      await expectRefused('POST', `/api/units/${named.vhxh.id}/aliases`, { alias: variant }, 409, `Tên gọi "${variant}" đã được gán cho một đơn vị khác hoặc đã có.`);
      await expectRefused('POST', `/api/units/${named.vanPhong.id}/aliases`, { alias: variant }, 409, `Tên gọi "${variant}" đã được gán cho một đơn vị khác hoặc đã có.`);
    }
    // Diacritics and case fold too.
    await expectRefused('POST', `/api/units/${named.hcc.id}/aliases`, { alias: 'bộ phận một cửa' }, 409, /đã được gán/);
    await expectRefused('POST', `/api/units/${named.hcc.id}/aliases`, { alias: 'BO PHAN MOT CUA' }, 409, /đã được gán/);
  });

  it('another commune’s variants do not clash', async () => {
    // The neighbour has "KT,HT&ĐT"; this commune does not.
    const response = await call(ctx, admin.username, 'POST', `/api/units/${named.kinhTe.id}/aliases`, { alias: 'KT,HT&ĐT' });
    expect(response.statusCode).toBe(201);
  });

  it('refuses a variant with no letters or digits', async () => {
    await expectRefused('POST', `/api/units/${named.kinhTe.id}/aliases`, { alias: ' -- ' }, 400, /alias: Phải có ít nhất một chữ cái hoặc chữ số/);
    // Invisible characters only are no name either.
    await expectRefused('POST', `/api/units/${named.kinhTe.id}/aliases`, { alias: '\u200b\u00ad' }, 400, /alias: Phải có ít nhất một chữ cái hoặc chữ số/);
  });

  it('deletes a variant: 204, gone, audited; deleting again → 404', async () => {
    const added = json<{ id: number }>(await call(ctx, admin.username, 'POST', `/api/units/${named.snc.id}/aliases`, { alias: 'TT Dịch vụ SNC' }));
    const response = await call(ctx, admin.username, 'DELETE', `/api/aliases/${added.id}`);
    expect(response.statusCode).toBe(204);
    expect(await countRows(ctx, 'unit_aliases', `id = ${added.id}`)).toBe(0);
    expect((await units()).find((u) => u.id === named.snc.id)?.aliases.map((a) => a.id)).not.toContain(added.id);
    expect((await unitAudit(named.snc.id))[0]).toMatchObject({ action: 'remove_alias', before: { alias: 'TT Dịch vụ SNC' } });
    expect((await call(ctx, admin.username, 'DELETE', `/api/aliases/${added.id}`)).statusCode).toBe(404);
    // The freed key can be used again.
    expect((await call(ctx, admin.username, 'POST', `/api/units/${named.snc.id}/aliases`, { alias: 'tt dich vu snc' })).statusCode).toBe(201);
  });
});

describe('one unit however its name is typed (NFC, NFD, invisible characters, case)', () => {
  /** A commune of its own per test, so names created elsewhere do not meet. */
  const freshCommune = () => buildCommune(ctx, { city });
  const urlOf = (c: CommuneRow) => `/api/communes/${c.id}/units`;

  it('"Phòng Tư pháp" in NFD, with a zero-width space or lower-cased is the unit already there: 409, nothing saved', async () => {
    const here = await freshCommune();
    const url = urlOf(here);
    expect((await call(ctx, admin.username, 'POST', url, { name: 'Phòng Tư pháp' })).statusCode).toBe(201);
    for (const name of ['Phòng Tư pháp'.normalize('NFD'), 'Phòng Tư\u200b pháp', 'phòng tư pháp', 'PHÒNG TƯ PHÁP\ufeff']) {
      await expectRefused('POST', url, { name }, 409, `Đơn vị "${name.trim()}" đã có.`);
    }
    expect((await units(here.id)).filter((u) => u.name.normalize('NFC').toLowerCase().includes('tư pháp'))).toHaveLength(1);
  });

  it('renaming a unit to another’s name in another spelling → 409; to its own name in another case → 200', async () => {
    const here = await freshCommune();
    const own = await buildUnit(ctx, here, { name: 'Phòng Tư pháp' });
    const other = await buildUnit(ctx, here, { name: 'Phòng Nội vụ' });
    await expectRefused('PATCH', `/api/units/${other.id}`, { name: 'phòng\u200b tư pháp' }, 409, 'Đơn vị "phòng\u200b tư pháp" đã có.');
    expect((await call(ctx, admin.username, 'PATCH', `/api/units/${own.id}`, { name: 'Phòng Tư Pháp' })).statusCode).toBe(200);
  });

  it('an alias that differs only by invisible characters or case from one already there → 409', async () => {
    await expectRefused('POST', `/api/units/${named.vhxh.id}/aliases`, { alias: 'vh\u200b-xh' }, 409, /đã được gán cho một đơn vị khác hoặc đã có/);
  });

  it('an alias of 99 × "KT" is stored under its own key, not the importer’s expansion (which outgrew the column)', async () => {
    const alias = Array.from({ length: 99 }, () => 'KT').join(' ');
    const response = await call(ctx, admin.username, 'POST', `/api/units/${named.kinhTe.id}/aliases`, { alias });
    expect(response.statusCode, response.body).toBe(201);
    expect(await countRows(ctx, 'unit_aliases', `alias_key = '${alias.toLowerCase()}'`)).toBe(1);
  });

  it('two administrators creating the same unit at once: one 201, the others 409 — never 500', async () => {
    const here = await freshCommune();
    const url = urlOf(here);
    const names = ['Phòng Nội vụ', 'Phòng Nội vụ'.normalize('NFD'), 'phòng nội vụ', 'Phòng Nội\u200b vụ', 'Phòng Nội vụ'];
    const responses = await Promise.all(names.map((name) => call(ctx, admin.username, 'POST', url, { name })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of responses.filter((r) => r.statusCode === 409)) expect(json<{ error: { message: string } }>(r).error.message).toMatch(/đã có|đã tồn tại/);
    expect(await countRows(ctx, 'units', `commune_id = ${here.id} AND name_key = 'phong noi vu'`)).toBe(1);
  });
});
