import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type BuiltUser, buildCity, buildCommune, buildTask, buildUser, call, expectAdminRefused } from '../test/factories';

interface Commune {
  id: number;
  cityId: number;
  cityName: string;
  name: string;
  kind: 'xa' | 'phuong';
  code: string;
  dueSoonDays: number;
}

let ctx: TestContext;
let city: Awaited<ReturnType<typeof buildCity>>;
let tienLang: Awaited<ReturnType<typeof buildCommune>>;
let anPhong: Awaited<ReturnType<typeof buildCommune>>;
let admin: BuiltUser;
beforeAll(async () => {
  ctx = await createTestContext();
  city = await buildCity(ctx);
  tienLang = await buildCommune(ctx, { city, name: 'Tiên Lãng', code: 'tien-lang' });
  anPhong = await buildCommune(ctx, { city, name: 'An Phong', code: 'an-phong', kind: 'phuong' });
  admin = await buildUser(ctx, { role: 'admin', city });
});
afterAll(async () => ctx?.close());

const communes = async (user = admin.username) => json<Commune[]>(await call(ctx, user, 'GET', '/api/communes'));

async function expectRefused(method: 'POST' | 'PATCH', url: string, body: unknown, status: number, message: string | RegExp) {
  await expectAdminRefused(ctx, method, url, body, status, message, admin.username);
}

describe('communes', () => {
  it('the city sees its three communes by name; a commune’s people see only theirs', async () => {
    // A city of its own, so communes other tests add do not show.
    const haiPhong = await buildCity(ctx, { name: 'Thành phố Hải Phòng' });
    const tien = await buildCommune(ctx, { city: haiPhong, name: 'Tiên Lãng', code: 'ds-tien-lang' });
    const cam = await buildCommune(ctx, { city: haiPhong, name: 'Cẩm Giàng', code: 'ds-cam-giang' });
    await buildCommune(ctx, { city: haiPhong, name: 'An Phong', code: 'ds-an-phong', kind: 'phuong', dueSoonDays: 7 });
    const cityAdmin = await buildUser(ctx, { role: 'admin', city: haiPhong });
    const list = await communes(cityAdmin.username);
    expect(list.map((c) => c.name)).toEqual(['An Phong', 'Cẩm Giàng', 'Tiên Lãng']);
    expect(list.find((c) => c.name === 'An Phong')).toMatchObject({ kind: 'phuong', code: 'ds-an-phong', cityName: 'Thành phố Hải Phòng', dueSoonDays: 7 });
    const reviewer = await buildUser(ctx, { role: 'city_reviewer', city: haiPhong });
    expect((await communes(reviewer.username)).map((c) => c.id)).toEqual(list.map((c) => c.id));
    const leader = await buildUser(ctx, { role: 'leader', commune: tien });
    expect((await communes(leader.username)).map((c) => c.name)).toEqual(['Tiên Lãng']);
    const coordinator = await buildUser(ctx, { role: 'coordinator', commune: cam });
    expect((await communes(coordinator.username)).map((c) => c.name)).toEqual(['Cẩm Giàng']);
  });

  it('the city administrator adds a commune; it is audited and ready for units', async () => {
    const response = await call(ctx, admin.username, 'POST', '/api/communes', { name: 'Vĩnh Bảo', kind: 'xa', code: 'vinh-bao' });
    expect(response.statusCode, response.body).toBe(201);
    const created = json<Commune>(response);
    expect(created).toMatchObject({ name: 'Vĩnh Bảo', kind: 'xa', code: 'vinh-bao', dueSoonDays: 7, cityId: city.id });
    expect((await communes()).map((c) => c.name)).toContain('Vĩnh Bảo');
    expect(json<unknown[]>(await call(ctx, admin.username, 'GET', `/api/communes/${created.id}/units`))).toEqual([]);
    const audit = json<{ action: string; after: { code: string } }[]>(await call(ctx, admin.username, 'GET', `/api/audit?entity=commune&entityId=${created.id}`));
    expect(audit[0]).toMatchObject({ action: 'create', after: { code: 'vinh-bao' } });
    const unit = await call(ctx, admin.username, 'POST', `/api/communes/${created.id}/units`, { name: 'Phòng Văn hóa - Xã hội', isCoordinator: true });
    expect(unit.statusCode).toBe(201);
    // Its people do not exist yet, and Tiên Lãng’s do not see it.
    const coordinator = await buildUser(ctx, { role: 'coordinator', commune: tienLang });
    expect((await communes(coordinator.username)).map((c) => c.name)).not.toContain('Vĩnh Bảo');
  });

  it('a code already used → 409 in Vietnamese, nothing saved', async () => {
    await expectRefused('POST', '/api/communes', { name: 'Tiên Lãng 2', kind: 'xa', code: 'tien-lang' }, 409, 'Mã xã/phường "tien-lang" đã được dùng.');
  });

  it('an empty name, an unknown kind or an out-of-range reminder window → 400', async () => {
    await expectRefused('POST', '/api/communes', { name: '', kind: 'xa', code: 'rong' }, 400, /Vui lòng nhập tên xã\/phường/);
    await expectRefused('POST', '/api/communes', { name: 'Thị trấn', kind: 'thi_tran', code: 'tt' }, 400, /kind/);
    await expectRefused('PATCH', `/api/communes/${tienLang.id}`, { dueSoonDays: 0 }, 400, /dueSoonDays/);
    await expectRefused('PATCH', `/api/communes/${tienLang.id}`, { dueSoonDays: 61 }, 400, /dueSoonDays/);
  });

  it('changing the code to another commune’s → 409, nothing saved', async () => {
    await expectRefused('PATCH', `/api/communes/${tienLang.id}`, { code: 'an-phong' }, 409, 'Mã xã/phường "an-phong" đã được dùng.');
  });

  it('the reminder window (dueSoonDays) changes which tasks are "due soon"', async () => {
    const here = await buildCommune(ctx, { city, dueSoonDays: 7 });
    const coordinator = await buildUser(ctx, { role: 'coordinator', commune: here });
    // Under way, due 10/12: 17 days after TEST_TODAY.
    const task = await buildTask(ctx, { commune: here }, { dueOverride: '2026-12-10', progress: 40 });
    const statusOfTask = async () =>
      json<{ id: number; status: string }[]>(await call(ctx, coordinator.username, 'GET', `/api/tasks?communeId=${here.id}&asOf=${TEST_TODAY}`)).find((t) => t.id === task.id)
        ?.status;
    expect(await statusOfTask()).toBe('dang_thuc_hien');
    const response = await call(ctx, admin.username, 'PATCH', `/api/communes/${here.id}`, { dueSoonDays: 20 });
    expect(response.statusCode).toBe(200);
    expect(json<Commune>(response).dueSoonDays).toBe(20);
    expect(await statusOfTask()).toBe('sap_den_han');
    const audit = json<{ action: string; before: Commune; after: Commune }[]>(await call(ctx, admin.username, 'GET', `/api/audit?entity=commune&entityId=${here.id}`));
    expect(audit[0]).toMatchObject({ action: 'update', before: { dueSoonDays: 7 }, after: { dueSoonDays: 20 } });
    await call(ctx, admin.username, 'PATCH', `/api/communes/${here.id}`, { dueSoonDays: 7 });
    expect(await statusOfTask()).toBe('dang_thuc_hien');
  });

  it('an unknown commune → 404', async () => {
    expect((await call(ctx, admin.username, 'PATCH', '/api/communes/99999', { dueSoonDays: 10 })).statusCode).toBe(404);
    expect((await call(ctx, admin.username, 'GET', '/api/communes/99999/units')).statusCode).toBe(404);
  });

  it('codes and names compare by their key: "tu-phap" and "tu-phap\u200b" are one code; "Tiên Lãng" and "tiên lãng" one xã', async () => {
    expect((await call(ctx, admin.username, 'POST', '/api/communes', { name: 'Tư Pháp', kind: 'xa', code: 'tu-phap' })).statusCode).toBe(201);
    await expectRefused('POST', '/api/communes', { name: 'Tư Pháp 2', kind: 'xa', code: 'tu-phap\u200b' }, 409, 'Mã xã/phường "tu-phap\u200b" đã được dùng.');
    await expectRefused('POST', '/api/communes', { name: 'Tư Pháp 3', kind: 'xa', code: 'TU-PHAP' }, 409, 'Mã xã/phường "TU-PHAP" đã được dùng.');
    await expectRefused('POST', '/api/communes', { name: 'tiên lãng\u200b', kind: 'xa', code: 'tl-2' }, 409, 'Xã/phường "tiên lãng\u200b" đã tồn tại.');
    await expectRefused('PATCH', `/api/communes/${anPhong.id}`, { code: 'Tien-Lang' }, 409, 'Mã xã/phường "Tien-Lang" đã được dùng.');
  });

  it('two creates of one commune at once: one 201, the other 409 — never 500', async () => {
    const bodies = [
      { name: 'Đồng Thái', kind: 'xa', code: 'dong-thai' },
      { name: 'Đồng Thái'.normalize('NFD'), kind: 'xa', code: 'dong-thai\u200b' },
      { name: 'đồng thái', kind: 'xa', code: 'DONG-THAI' },
    ];
    const responses = await Promise.all(bodies.map((body) => call(ctx, admin.username, 'POST', '/api/communes', body)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await communes()).filter((c) => c.code.toLowerCase().startsWith('dong-thai'))).toHaveLength(1);
  });
});
