import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { call, DEMO, expectAdminRefused } from '../test/factories';

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
beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
});
afterAll(async () => ctx?.close());

const communes = async (user = 'admin') => json<Commune[]>(await call(ctx, user, 'GET', '/api/communes'));

async function expectRefused(method: 'POST' | 'PATCH', url: string, body: unknown, status: number, message: string | RegExp) {
  await expectAdminRefused(ctx, method, url, body, status, message);
}

describe('communes', () => {
  it('the city sees its three communes by name; a commune’s people see only theirs', async () => {
    const list = await communes();
    expect(list.map((c) => c.name)).toEqual(['An Phong', 'Cẩm Giàng', 'Tiên Lãng']);
    expect(list.find((c) => c.name === 'An Phong')).toMatchObject({ kind: 'phuong', code: 'an-phong', cityName: 'Thành phố Hải Phòng', dueSoonDays: 7 });
    expect((await communes('sonoivu')).map((c) => c.id)).toEqual(list.map((c) => c.id));
    expect((await communes('chutich')).map((c) => c.name)).toEqual(['Tiên Lãng']);
    expect((await communes('daumoi.cg')).map((c) => c.name)).toEqual(['Cẩm Giàng']);
  });

  it('the city administrator adds a commune; it is audited and ready for units', async () => {
    const response = await call(ctx, 'admin', 'POST', '/api/communes', { name: 'Vĩnh Bảo', kind: 'xa', code: 'vinh-bao' });
    expect(response.statusCode, response.body).toBe(201);
    const created = json<Commune>(response);
    expect(created).toMatchObject({ name: 'Vĩnh Bảo', kind: 'xa', code: 'vinh-bao', dueSoonDays: 7, cityId: 1 });
    expect((await communes()).map((c) => c.name)).toContain('Vĩnh Bảo');
    expect(json<unknown[]>(await call(ctx, 'admin', 'GET', `/api/communes/${created.id}/units`))).toEqual([]);
    const audit = json<{ action: string; after: { code: string } }[]>(await call(ctx, 'admin', 'GET', `/api/audit?entity=commune&entityId=${created.id}`));
    expect(audit[0]).toMatchObject({ action: 'create', after: { code: 'vinh-bao' } });
    const unit = await call(ctx, 'admin', 'POST', `/api/communes/${created.id}/units`, { name: 'Phòng Văn hóa - Xã hội', isCoordinator: true });
    expect(unit.statusCode).toBe(201);
    // Its people do not exist yet, and Tiên Lãng’s do not see it.
    expect((await communes('daumoi')).map((c) => c.name)).not.toContain('Vĩnh Bảo');
  });

  it('a code already used → 409 in Vietnamese, nothing saved', async () => {
    await expectRefused('POST', '/api/communes', { name: 'Tiên Lãng 2', kind: 'xa', code: 'tien-lang' }, 409, 'Mã xã/phường "tien-lang" đã được dùng.');
  });

  it('an empty name, an unknown kind or an out-of-range reminder window → 400', async () => {
    await expectRefused('POST', '/api/communes', { name: '', kind: 'xa', code: 'rong' }, 400, /Vui lòng nhập tên xã\/phường/);
    await expectRefused('POST', '/api/communes', { name: 'Thị trấn', kind: 'thi_tran', code: 'tt' }, 400, /kind/);
    await expectRefused('PATCH', `/api/communes/${DEMO.communes.tienLang}`, { dueSoonDays: 0 }, 400, /dueSoonDays/);
    await expectRefused('PATCH', `/api/communes/${DEMO.communes.tienLang}`, { dueSoonDays: 61 }, 400, /dueSoonDays/);
  });

  it('changing the code to another commune’s → 409, nothing saved', async () => {
    await expectRefused('PATCH', `/api/communes/${DEMO.communes.tienLang}`, { code: 'an-phong' }, 409, 'Mã xã/phường "an-phong" đã được dùng.');
  });

  it('the reminder window (dueSoonDays) changes which tasks are "due soon"', async () => {
    const statusOf2 = async () =>
      json<{ id: number; status: string }[]>(await call(ctx, 'daumoi', 'GET', `/api/tasks?communeId=1&asOf=${TEST_TODAY}`)).find((t) => t.id === 2)?.status;
    expect(await statusOf2()).toBe('dang_thuc_hien'); // next report due 10/12, 17 days away
    const response = await call(ctx, 'admin', 'PATCH', `/api/communes/${DEMO.communes.tienLang}`, { dueSoonDays: 20 });
    expect(response.statusCode).toBe(200);
    expect(json<Commune>(response).dueSoonDays).toBe(20);
    expect(await statusOf2()).toBe('sap_den_han');
    const audit = json<{ action: string; before: Commune; after: Commune }[]>(await call(ctx, 'admin', 'GET', `/api/audit?entity=commune&entityId=1`));
    expect(audit[0]).toMatchObject({ action: 'update', before: { dueSoonDays: 7 }, after: { dueSoonDays: 20 } });
    await call(ctx, 'admin', 'PATCH', `/api/communes/${DEMO.communes.tienLang}`, { dueSoonDays: 7 });
    expect(await statusOf2()).toBe('dang_thuc_hien');
  });

  it('an unknown commune → 404', async () => {
    expect((await call(ctx, 'admin', 'PATCH', '/api/communes/99999', { dueSoonDays: 10 })).statusCode).toBe(404);
    expect((await call(ctx, 'admin', 'GET', '/api/communes/99999/units')).statusCode).toBe(404);
  });

  it('codes and names compare by their key: "tu-phap" and "tu-phap\u200b" are one code; "Tiên Lãng" and "tiên lãng" one xã', async () => {
    expect((await call(ctx, 'admin', 'POST', '/api/communes', { name: 'Tư Pháp', kind: 'xa', code: 'tu-phap' })).statusCode).toBe(201);
    await expectRefused('POST', '/api/communes', { name: 'Tư Pháp 2', kind: 'xa', code: 'tu-phap\u200b' }, 409, 'Mã xã/phường "tu-phap\u200b" đã được dùng.');
    await expectRefused('POST', '/api/communes', { name: 'Tư Pháp 3', kind: 'xa', code: 'TU-PHAP' }, 409, 'Mã xã/phường "TU-PHAP" đã được dùng.');
    await expectRefused('POST', '/api/communes', { name: 'tiên lãng\u200b', kind: 'xa', code: 'tl-2' }, 409, 'Xã/phường "tiên lãng\u200b" đã tồn tại.');
    await expectRefused('PATCH', `/api/communes/${DEMO.communes.anPhong}`, { code: 'Tien-Lang' }, 409, 'Mã xã/phường "Tien-Lang" đã được dùng.');
  });

  it('two creates of one commune at once: one 201, the other 409 — never 500', async () => {
    const bodies = [
      { name: 'Đồng Thái', kind: 'xa', code: 'dong-thai' },
      { name: 'Đồng Thái'.normalize('NFD'), kind: 'xa', code: 'dong-thai\u200b' },
      { name: 'đồng thái', kind: 'xa', code: 'DONG-THAI' },
    ];
    const responses = await Promise.all(bodies.map((body) => call(ctx, 'admin', 'POST', '/api/communes', body)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await communes()).filter((c) => c.code.toLowerCase().startsWith('dong-thai'))).toHaveLength(1);
  });
});
