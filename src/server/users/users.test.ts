import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../test/context';
import { type ApiError, type BuiltUser, buildCity, buildCommune, buildTask, buildUnit, buildUser, call, countRows, expectAdminRefused, FACTORY_PASSWORD } from '../test/factories';

interface User {
  id: number;
  username: string;
  fullName: string;
  title: string | null;
  role: string;
  cityId: number;
  communeId: number | null;
  unitId: number | null;
  active: boolean;
}
interface AuditEntry {
  action: string;
  entityId: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

let ctx: TestContext;
let city: Awaited<ReturnType<typeof buildCity>>;
let commune: Awaited<ReturnType<typeof buildCommune>>;
let other: Awaited<ReturnType<typeof buildCommune>>;
let hcc: Awaited<ReturnType<typeof buildUnit>>;
let vanPhong: Awaited<ReturnType<typeof buildUnit>>;
let otherUnit: Awaited<ReturnType<typeof buildUnit>>;
/** The city administrator every write here goes through. */
let admin: BuiltUser;
beforeAll(async () => {
  ctx = await createTestContext();
  city = await buildCity(ctx);
  commune = await buildCommune(ctx, { city, name: 'Tiên Thử' });
  other = await buildCommune(ctx, { city, name: 'An Thử' });
  hcc = await buildUnit(ctx, commune, { name: 'Trung tâm Phục vụ hành chính công' });
  vanPhong = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  otherUnit = await buildUnit(ctx, other, { name: 'Văn phòng HĐND và UBND' });
  admin = await buildUser(ctx, { role: 'admin', city });
});
afterAll(async () => ctx?.close());

/** A fresh sign-in (not the cached one), so ending sessions can be observed. */
async function signIn(username: string, password: string) {
  const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  return { status: response.statusCode, cookie: response.statusCode === 200 ? String(response.headers['set-cookie']).split(';')[0] : '' };
}
const me = async (cookie: string) => (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode;
const auditOf = async (userId: number) => json<AuditEntry[]>(await call(ctx, admin.username, 'GET', `/api/audit?entity=user&entityId=${userId}`));

/** The body of a new unit staff member of the commune's service centre (ids filled once built). */
const staff = () => ({
  username: 'canbo.moi',
  fullName: 'Nguyễn Thị Mới',
  title: 'Chuyên viên',
  role: 'unit_staff',
  communeId: commune.id,
  unitId: hcc.id,
  password: 'MatKhau@2026',
});

async function expectRefused(body: Record<string, unknown>, status: number, message: string | RegExp, method: 'POST' | 'PATCH' = 'POST', url = '/api/users') {
  await expectAdminRefused(ctx, method, url, body, status, message, admin.username);
}

describe('listing users', () => {
  it('the city administrator lists everyone in the city, or one commune’s people', async () => {
    // A city of its own, so users built by other tests do not show.
    const here = await buildCity(ctx);
    const [tien, an] = [await buildCommune(ctx, { city: here }), await buildCommune(ctx, { city: here })];
    const cityAdmin = await buildUser(ctx, { role: 'admin', city: here, username: 'ds.quantri' });
    await buildUser(ctx, { role: 'coordinator', commune: tien, username: 'ds.daumoi' });
    await buildUser(ctx, { role: 'leader', commune: tien, username: 'ds.chutich' });
    await buildUser(ctx, { role: 'coordinator', commune: an, username: 'ds.daumoi.ap' });
    await buildUser(ctx, { role: 'city_reviewer', city: here, username: 'ds.sonoivu' });
    await buildUser(ctx, { role: 'coordinator', username: 'ds.thanhphokhac' });
    const all = json<User[]>(await call(ctx, cityAdmin.username, 'GET', '/api/users'));
    expect(all.map((u) => u.username)).toEqual(['ds.chutich', 'ds.daumoi', 'ds.daumoi.ap', 'ds.quantri', 'ds.sonoivu']);
    expect(all[0]).not.toHaveProperty('passwordHash');
    const anOnly = json<User[]>(await call(ctx, cityAdmin.username, 'GET', `/api/users?communeId=${an.id}`));
    expect(anOnly.map((u) => u.username)).toEqual(['ds.daumoi.ap']);
  });

  it('nobody else lists users', async () => {
    const people = [
      await buildUser(ctx, { role: 'leader', commune }),
      await buildUser(ctx, { role: 'coordinator', commune }),
      await buildUser(ctx, { role: 'city_reviewer', city }),
    ];
    for (const user of people) expect((await call(ctx, user.username, 'GET', '/api/users')).statusCode).toBe(403);
  });
});

describe('creating users', () => {
  beforeAll(async () => {
    await buildUser(ctx, { role: 'coordinator', commune, username: 'daumoi' });
    await buildUser(ctx, { role: 'coordinator', commune: other, username: 'daumoi.ap' });
  });

  it('creates a unit staff member who can then sign in; the audit log never holds the password', async () => {
    const response = await call(ctx, admin.username, 'POST', '/api/users', staff());
    expect(response.statusCode, response.body).toBe(201);
    const created = json<User>(response);
    expect(created).toMatchObject({ username: 'canbo.moi', role: 'unit_staff', communeId: commune.id, unitId: hcc.id, active: true, cityId: city.id });
    expect(created).not.toHaveProperty('passwordHash');
    const login = await signIn('canbo.moi', 'MatKhau@2026');
    expect(login.status).toBe(200);
    const [entry] = await auditOf(created.id);
    expect(entry.action).toBe('create');
    expect(entry.after).toMatchObject({ username: 'canbo.moi', unitId: hcc.id });
    expect(JSON.stringify(entry)).not.toMatch(/argon2|passwordHash|MatKhau/);
  });

  it('usernames are unique regardless of case: 409 in Vietnamese', async () => {
    await expectRefused({ ...staff(), username: 'DaumoI' }, 409, 'Tên đăng nhập "daumoi" đã có người dùng.');
    await buildUser(ctx, { role: 'unit_staff', commune, unit: hcc, username: 'trung.ten' });
    await expectRefused({ ...staff(), username: 'trung.ten' }, 409, 'Tên đăng nhập "trung.ten" đã có người dùng.');
  });

  it('usernames differing only by punctuation are one key: "daumoi-ap" clashes with "daumoi.ap"', async () => {
    await expectRefused({ ...staff(), username: 'DAUMOI-AP' }, 409, 'Tên đăng nhập "daumoi-ap" đã có người dùng.');
  });

  it('two creates of one username at once: one 201, the others 409 — never 500', async () => {
    const names = ['dong.thoi', 'DONG.THOI', 'dong-thoi'];
    const responses = await Promise.all(names.map((username) => call(ctx, admin.username, 'POST', '/api/users', { ...staff(), username })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await countRows(ctx, 'users', `username_key = 'dong thoi'`)).toBe(1);
  });

  it('a password under the policy → 400 with the reason, nobody created', async () => {
    await expectRefused({ ...staff(), username: 'matkhau.ngan', password: 'Ab@1234xy' }, 400, 'Mật khẩu phải có ít nhất 10 ký tự.');
    await expectRefused({ ...staff(), username: 'nguyen.moi', password: 'Nguyen.Moi#2026' }, 400, 'Mật khẩu không được chứa tên đăng nhập.');
    await expectRefused({ ...staff(), username: 'pho.bien', password: 'Password123!' }, 400, /^Mật khẩu quá dễ đoán: mật khẩu gần giống một mật khẩu phổ biến/);
    await expectRefused({ ...staff(), username: 'day.so', password: '1234567890' }, 400, /^Mật khẩu quá dễ đoán/);
    await expectRefused({ ...staff(), username: 'ban.phim', password: 'qwertyuiopasdf' }, 400, /^Mật khẩu quá dễ đoán/);
  });

  it('unit staff and unit heads must belong to a unit → 400', async () => {
    await expectRefused({ ...staff(), username: 'khong.donvi', unitId: null }, 400, 'Trưởng đơn vị và cán bộ đơn vị phải thuộc một đơn vị.');
    await expectRefused({ ...staff(), username: 'khong.donvi', role: 'unit_head', unitId: undefined }, 400, 'Trưởng đơn vị và cán bộ đơn vị phải thuộc một đơn vị.');
  });

  it('the unit must be in the chosen commune → 400', async () => {
    await expectRefused({ ...staff(), username: 'sai.donvi', unitId: otherUnit.id }, 400, 'Đơn vị không thuộc xã/phường đã chọn.');
  });

  it('commune roles need a commune, city reviewers must not have one → 400', async () => {
    await expectRefused({ ...staff(), username: 'lanhdao.moi', role: 'leader', communeId: null, unitId: null }, 400, 'Người dùng vai trò này phải thuộc một xã/phường.');
    await expectRefused({ ...staff(), username: 'snv.moi', role: 'city_reviewer', unitId: null }, 400, 'Cán bộ Sở Nội vụ không thuộc xã/phường.');
  });

  it('a username with diacritics or spaces → 400', async () => {
    await expectRefused({ ...staff(), username: 'nguyễn văn' }, 400, /Tên đăng nhập chỉ gồm chữ không dấu/);
  });

  it('a city reviewer is created without a commune', async () => {
    const response = await call(ctx, admin.username, 'POST', '/api/users', { username: 'snv.hai', fullName: 'Lý Văn Hai', role: 'city_reviewer', password: 'MatKhau@2026' });
    expect(response.statusCode).toBe(201);
    expect(json<User>(response)).toMatchObject({ communeId: null, unitId: null, role: 'city_reviewer', cityId: city.id });
  });

  it('updates a user; the audit log keeps before and after (without the password)', async () => {
    const created = await buildUser(ctx, { role: 'unit_staff', commune, unit: hcc, title: 'Chuyên viên' });
    const response = await call(ctx, admin.username, 'PATCH', `/api/users/${created.id}`, { title: 'Phó Giám đốc Trung tâm', role: 'unit_head' });
    expect(response.statusCode).toBe(200);
    expect(json<User>(response)).toMatchObject({ title: 'Phó Giám đốc Trung tâm', role: 'unit_head', unitId: hcc.id });
    const [entry] = await auditOf(created.id);
    expect(entry.action).toBe('update');
    expect(entry.before).toMatchObject({ title: 'Chuyên viên', role: 'unit_staff' });
    expect(entry.after).toMatchObject({ title: 'Phó Giám đốc Trung tâm', role: 'unit_head' });
    expect(entry.before).not.toHaveProperty('passwordHash');
    expect(entry.after).not.toHaveProperty('passwordHash');
  });

  it('refuses to take a unit head out of every unit', async () => {
    const head = await buildUser(ctx, { role: 'unit_head', commune, unit: hcc });
    await expectRefused({ unitId: null }, 400, 'Trưởng đơn vị và cán bộ đơn vị phải thuộc một đơn vị.', 'PATCH', `/api/users/${head.id}`);
  });
});

describe('deactivating and resetting passwords', () => {
  /** A unit staff member of the commune office, signed in with FACTORY_PASSWORD. */
  const staffMember = () => buildUser(ctx, { role: 'unit_staff', commune, unit: vanPhong });

  it('a deactivated user loses open sessions and cannot sign in; reactivated, can again', async () => {
    const user = await staffMember();
    const task = await buildTask(ctx, { commune }, { lead: [vanPhong] });
    const first = await signIn(user.username, FACTORY_PASSWORD);
    expect(first.status).toBe(200);
    expect(await me(first.cookie)).toBe(200);

    const off = await call(ctx, admin.username, 'PATCH', `/api/users/${user.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(json<User>(off).active).toBe(false);
    expect(await me(first.cookie)).toBe(401);
    expect((await signIn(user.username, FACTORY_PASSWORD)).status).toBe(401);
    // The progress form is closed to them too.
    expect((await ctx.app.inject({ method: 'POST', url: `/api/tasks/${task.id}/progress`, headers: { cookie: first.cookie }, payload: { progress: 5 } })).statusCode).toBe(401);

    expect((await call(ctx, admin.username, 'PATCH', `/api/users/${user.id}`, { active: true })).statusCode).toBe(200);
    expect((await signIn(user.username, FACTORY_PASSWORD)).status).toBe(200);
  });

  it('resetting a password ends the user’s sessions; only the new password works', async () => {
    const user = await staffMember();
    const session = await signIn(user.username, FACTORY_PASSWORD);
    expect(await me(session.cookie)).toBe(200);
    const response = await call(ctx, admin.username, 'POST', `/api/users/${user.id}/password`, { password: 'MatKhauMoi#2026' });
    expect(response.statusCode).toBe(204);
    expect(await me(session.cookie)).toBe(401);
    expect((await signIn(user.username, FACTORY_PASSWORD)).status).toBe(401);
    expect((await signIn(user.username, 'MatKhauMoi#2026')).status).toBe(200);
    const [entry] = await auditOf(user.id);
    expect(entry.action).toBe('reset_password');
    expect(JSON.stringify(entry)).not.toMatch(/MatKhauMoi|argon2/);
  });

  it('a too-short or guessable new password is refused and the old one still works', async () => {
    const user = await staffMember();
    const response = await call(ctx, admin.username, 'POST', `/api/users/${user.id}/password`, { password: 'ngan' });
    expect(response.statusCode).toBe(400);
    expect(json<ApiError>(response).error.message).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    const common = await call(ctx, admin.username, 'POST', `/api/users/${user.id}/password`, { password: 'iloveyou2026' });
    expect(common.statusCode).toBe(400);
    expect(json<ApiError>(common).error.message).toMatch(/^Mật khẩu quá dễ đoán/);
    expect((await signIn(user.username, FACTORY_PASSWORD)).status).toBe(200);
  });

  it('administrators cannot lock themselves out', async () => {
    await expectRefused({ active: false }, 400, 'Bạn không thể tự khóa tài khoản của mình.', 'PATCH', `/api/users/${admin.id}`);
  });

  it('an unknown user → 404', async () => {
    expect((await call(ctx, admin.username, 'PATCH', '/api/users/99999', { title: 'x' })).statusCode).toBe(404);
    expect((await call(ctx, admin.username, 'POST', '/api/users/99999/password', { password: 'MatKhau@2026' })).statusCode).toBe(404);
  });
});
