import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../test/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
});
afterAll(async () => ctx.close());

describe('login', () => {
  it('signs a demo user in with an httpOnly, SameSite session cookie', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'daumoi', password: 'Demo@2026' } });
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/cchc_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie.split(';')[0] } });
    expect(json<{ user: { role: string; communeName: string } }>(me).user).toMatchObject({ role: 'coordinator', communeName: 'Tiên Lãng' });
  });

  it('refuses a wrong password with a Vietnamese message', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'daumoi', password: 'sai-mat-khau' } });
    expect(response.statusCode).toBe(401);
    expect(json<{ error: { code: string; message: string } }>(response).error).toEqual({ code: 'invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
  });

  it('answers 401 without a session and 401 after logout', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/plans' })).statusCode).toBe(401);
    const cookie = await ctx.login('chutich');
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

  it('rate-limits repeated failures for one username and address', async () => {
    const attempt = () => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kiemtra', password: 'wrong-password' } });
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await attempt()).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(blocked).error.message).toMatch(/quá nhiều lần/);
  });
});
