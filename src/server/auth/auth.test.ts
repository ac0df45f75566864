import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createTestContext, json, type TestContext } from '../test/context';
import { type ApiError, type BuiltUser, buildCity, buildCommune, buildTask, buildUser, call, FACTORY_PASSWORD as PASSWORD } from '../test/factories';

let ctx: TestContext;
/** The throttle's clock: moved forward instead of sleeping through a delay. */
let clock = Date.parse('2026-11-30T02:00:00Z');
let city: Awaited<ReturnType<typeof buildCity>>;
let tienLang: Awaited<ReturnType<typeof buildCommune>>;
let anPhong: Awaited<ReturnType<typeof buildCommune>>;
let admin: BuiltUser;
beforeAll(async () => {
  ctx = await createTestContext({ now: () => new Date(clock) });
  city = await buildCity(ctx);
  tienLang = await buildCommune(ctx, { city, name: 'Tiên Lãng' });
  anPhong = await buildCommune(ctx, { city, name: 'An Phong', kind: 'phuong' });
  admin = await buildUser(ctx, { role: 'admin', city });
});
afterAll(async () => ctx.close());

interface Attempt {
  username: string;
  password: string;
  headers?: Record<string, string>;
  remoteAddress?: string;
  app?: FastifyInstance;
}
const attempt = ({ username, password, headers = {}, remoteAddress, app = ctx.app }: Attempt) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers, ...(remoteAddress ? { remoteAddress } : {}) });
const cookieOf = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie']).split(';')[0];
const failuresOf = async (scope: string, key: string) => {
  const result = await ctx.db.execute(sql`SELECT failures FROM login_throttle WHERE scope = ${scope} AND key = ${key}`);
  return Number((result.rows[0] as { failures?: number } | undefined)?.failures ?? 0);
};
const messageOf = (response: { body: string }) => json<ApiError>(response as never).error.message;

describe('login', () => {
  it('signs a user in with an httpOnly, SameSite session cookie', async () => {
    const coordinator = await buildUser(ctx, { role: 'coordinator', commune: tienLang });
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: coordinator.username, password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/cchc_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie.split(';')[0] } });
    expect(json<{ user: { role: string; communeName: string } }>(me).user).toMatchObject({ role: 'coordinator', communeName: 'Tiên Lãng' });
  });

  it('refuses a wrong password with a Vietnamese message', async () => {
    const coordinator = await buildUser(ctx, { role: 'coordinator', commune: tienLang });
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: coordinator.username, password: 'sai-mat-khau' } });
    expect(response.statusCode).toBe(401);
    expect(json<{ error: { code: string; message: string } }>(response).error).toEqual({ code: 'invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
  });

  it('answers 401 without a session and 401 after logout', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/plans' })).statusCode).toBe(401);
    const cookie = await ctx.login((await buildUser(ctx, { role: 'leader', commune: tienLang })).username);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie } })).statusCode).toBe(401);
  });

  it('serves the OpenAPI description to anyone at /api/docs', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const spec = json<{ openapi: string; paths: Record<string, unknown> }>(response);
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/dashboard', '/api/tasks/{id}/progress', '/api/communes/{communeId}/imports']));
    expect((await ctx.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });
});

describe('sign-in throttle (per account and per address, in PostgreSQL)', () => {
  it('300 wrong passwords with a new X-Forwarded-For each: only 5 are checked, then the account waits', async () => {
    await buildUser(ctx, { role: 'inspector', commune: tienLang, username: 'kiemtra' });
    const officeMate = await buildUser(ctx, { role: 'unit_head', commune: tienLang });
    const addressBefore = await failuresOf('address', '127.0.0.1');
    const codes: number[] = [];
    let last = '';
    for (let i = 0; i < 300; i++) {
      const response = await attempt({ username: 'kiemtra', password: `sai-${i}`, headers: { 'x-forwarded-for': `203.0.113.${i % 250}, 10.0.${i}.1` } });
      codes.push(response.statusCode);
      last = messageOf(response);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5).every((code) => code === 429)).toBe(true);
    expect(last).toBe('Đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau 30 giây.');
    // X-Forwarded-For was ignored (TRUST_PROXY unset): every attempt counted against the socket address.
    expect(await failuresOf('account', 'kiemtra')).toBe(5);
    expect((await failuresOf('address', '127.0.0.1')) - addressBefore).toBe(5);
    const spoofed = await ctx.db.execute(sql`SELECT count(*)::int AS n FROM login_throttle WHERE key LIKE '203.0.113.%'`);
    expect(spoofed.rows[0]).toEqual({ n: 0 });

    // The right password is refused too while the delay runs — not even checked.
    const right = await attempt({ username: 'KiemTra ', password: PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBe('30');

    // Another account from the same office address signs in normally.
    expect((await attempt({ username: officeMate.username, password: PASSWORD })).statusCode).toBe(200);

    clock += 29_000;
    expect((await attempt({ username: 'kiemtra', password: PASSWORD })).statusCode).toBe(429);
    clock += 2_000;
    const after = await attempt({ username: 'kiemtra', password: PASSWORD });
    expect(after.statusCode).toBe(200);
    expect(await failuresOf('account', 'kiemtra')).toBe(0);
  });

  it('delays grow: 30 s, then 60 s, then 2 min after further failures', async () => {
    const { username } = await buildUser(ctx, { role: 'unit_head', commune: tienLang });
    const fail = () => attempt({ username, password: 'khong-dung-mat-khau', remoteAddress: '198.51.100.7' });
    for (let i = 0; i < 5; i++) expect((await fail()).statusCode).toBe(401);
    expect(messageOf(await fail())).toMatch(/sau 30 giây/);
    clock += 31_000;
    expect((await fail()).statusCode).toBe(401);
    expect(messageOf(await fail())).toMatch(/sau 60 giây/);
    clock += 61_000;
    expect((await fail()).statusCode).toBe(401);
    expect(messageOf(await fail())).toBe('Đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau 2 phút.');
    clock += 121_000;
    expect((await attempt({ username, password: PASSWORD, remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
  });

  it('one address spraying many accounts is slowed; the same people from another address are not', async () => {
    const { username } = await buildUser(ctx, { role: 'unit_staff', commune: tienLang });
    for (let i = 0; i < 30; i++) {
      expect((await attempt({ username: `khong-co-${i}`, password: 'Password123!', remoteAddress: '192.0.2.50' })).statusCode).toBe(401);
    }
    const blocked = await attempt({ username, password: PASSWORD, remoteAddress: '192.0.2.50' });
    expect(blocked.statusCode).toBe(429);
    expect(messageOf(blocked)).toMatch(/sau 10 giây/);
    expect((await attempt({ username, password: PASSWORD, remoteAddress: '192.0.2.51' })).statusCode).toBe(200);
  });

  it('with TRUST_PROXY naming the proxy, X-Forwarded-For is the client address', async () => {
    const behindProxy = await buildApp({
      clock: ctx.clock,
      db: ctx.db,
      config: { uploadDir: ctx.uploadDir, sessionDays: 1, secureCookies: false, logLevel: 'silent', trustProxy: ['127.0.0.1'] },
      logger: false,
      now: () => new Date(clock),
    });
    const { username } = await buildUser(ctx, { role: 'city_reviewer', city });
    try {
      for (let i = 0; i < 30; i++) {
        await attempt({ app: behindProxy, username: `phun-${i}`, password: 'sai-mat-khau-1', headers: { 'x-forwarded-for': '203.0.113.77' } });
      }
      expect(await failuresOf('address', '203.0.113.77')).toBe(30);
      expect((await attempt({ app: behindProxy, username, password: PASSWORD, headers: { 'x-forwarded-for': '203.0.113.77' } })).statusCode).toBe(429);
      expect((await attempt({ app: behindProxy, username, password: PASSWORD, headers: { 'x-forwarded-for': '203.0.113.78' } })).statusCode).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });
});

describe('changing one’s own password', () => {
  const NEW_PASSWORD = 'Hoa-Sen-Ven-Ho-2027';
  const change = (cookie: string, body: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: body });
  /** A unit staff member of their own, so no test sees another's password change. */
  const staffMember = (fields: { username?: string; fullName?: string } = {}) => buildUser(ctx, { role: 'unit_staff', commune: tienLang, ...fields });

  it('a wrong current password → 400, nothing changes', async () => {
    const { username } = await staffMember();
    const cookie = cookieOf(await attempt({ username, password: PASSWORD, remoteAddress: '10.9.0.1' }));
    const response = await change(cookie, { currentPassword: 'khong-phai-mat-khau', newPassword: NEW_PASSWORD });
    expect(response.statusCode).toBe(400);
    expect(messageOf(response)).toBe('Mật khẩu hiện tại không đúng.');
    expect((await attempt({ username, password: NEW_PASSWORD, remoteAddress: '10.9.0.1' })).statusCode).toBe(401);
  });

  it('a new password under the policy → 400 with the reason', async () => {
    const { username } = await staffMember({ username: 'canbovp' });
    const cookie = cookieOf(await attempt({ username, password: PASSWORD, remoteAddress: '10.9.0.1' }));
    const cases: [string, string | RegExp][] = [
      ['Ngan#2026', 'Mật khẩu phải có ít nhất 10 ký tự.'],
      ['canbovp-2026-xyz', 'Mật khẩu không được chứa tên đăng nhập.'],
      ['Password123!', /^Mật khẩu quá dễ đoán: mật khẩu gần giống một mật khẩu phổ biến/],
      ['qwertyuiop12', /^Mật khẩu quá dễ đoán/],
      [PASSWORD, 'Mật khẩu mới phải khác mật khẩu hiện tại.'],
    ];
    for (const [newPassword, message] of cases) {
      const response = await change(cookie, { currentPassword: PASSWORD, newPassword });
      expect(response.statusCode, newPassword).toBe(400);
      if (typeof message === 'string') expect(messageOf(response)).toBe(message);
      else expect(messageOf(response)).toMatch(message);
    }
  });

  it('the right current password and a strong new one: 204, other sessions end, this one stays', async () => {
    const { username } = await staffMember({ fullName: 'Đỗ Thị Cán' });
    const other = cookieOf(await attempt({ username, password: PASSWORD, remoteAddress: '10.9.0.2' }));
    const cookie = cookieOf(await attempt({ username, password: PASSWORD, remoteAddress: '10.9.0.1' }));
    const response = await change(cookie, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.statusCode, response.body).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await attempt({ username, password: PASSWORD, remoteAddress: '10.9.0.3' })).statusCode).toBe(401);
    expect((await attempt({ username, password: NEW_PASSWORD, remoteAddress: '10.9.0.3' })).statusCode).toBe(200);
    const audit = json<{ action: string; actor: { fullName: string } }[]>(await call(ctx, admin.username, 'GET', '/api/audit?entity=user'));
    expect(audit[0]).toMatchObject({ action: 'change_password', actor: { fullName: 'Đỗ Thị Cán' } });
    expect(JSON.stringify(audit[0])).not.toMatch(/Hoa-Sen|argon2/);
  });

  it('without a session → 401', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'a', newPassword: 'b' } })).statusCode).toBe(401);
  });
});

describe('a change required by an administrator', () => {
  it('the session reaches only me, logout and change-password until the password is changed', async () => {
    const daumoiAp = await buildUser(ctx, { role: 'coordinator', commune: anPhong });
    const task = await buildTask(ctx, { commune: anPhong });
    const flag = await call(ctx, admin.username, 'PATCH', `/api/users/${daumoiAp.id}`, { mustChangePassword: true });
    expect(flag.statusCode, flag.body).toBe(200);

    const login = await attempt({ username: daumoiAp.username, password: PASSWORD, remoteAddress: '10.9.1.1' });
    expect(login.statusCode).toBe(200);
    expect(json<{ user: { mustChangePassword: boolean } }>(login).user.mustChangePassword).toBe(true);
    const cookie = cookieOf(login);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(json<{ user: { mustChangePassword: boolean } }>(me).user.mustChangePassword).toBe(true);

    for (const [method, url] of [
      ['GET', `/api/plans?communeId=${anPhong.id}`],
      ['GET', '/api/dashboard'],
      ['POST', `/api/tasks/${task.id}/comments`],
    ] as const) {
      const response = await ctx.app.inject({ method, url, headers: { cookie }, ...(method === 'POST' ? { payload: { text: 'x' } } : {}) });
      expect(response.statusCode, url).toBe(403);
      expect(json<ApiError>(response).error).toEqual({ code: 'password_change_required', message: 'Bạn cần đổi mật khẩu trước khi tiếp tục làm việc.' });
    }

    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: PASSWORD, newPassword: 'Phuong-An-Phong-Mua-Thu' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const after = await ctx.app.inject({ method: 'GET', url: `/api/plans?communeId=${anPhong.id}`, headers: { cookie } });
    expect(after.statusCode).toBe(200);
    expect(json<{ user: { mustChangePassword: boolean } }>(await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).user.mustChangePassword).toBe(false);
  });

  it('an administrator’s reset can require the change too', async () => {
    const target = await buildUser(ctx, { role: 'coordinator', commune: await buildCommune(ctx, { city }) });
    const reset = await call(ctx, admin.username, 'POST', `/api/users/${target.id}/password`, { password: 'Tam-Thoi-Cam-Giang-01', mustChangePassword: true });
    expect(reset.statusCode, reset.body).toBe(204);
    const login = await attempt({ username: target.username, password: 'Tam-Thoi-Cam-Giang-01', remoteAddress: '10.9.1.2' });
    expect(json<{ user: { mustChangePassword: boolean } }>(login).user.mustChangePassword).toBe(true);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/dashboard', headers: { cookie: cookieOf(login) } })).statusCode).toBe(403);
  });
});
