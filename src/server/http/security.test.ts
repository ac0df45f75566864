import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { systemClock } from '../clock';
import { createTestContext, json, type TestContext } from '../test/context';
import { type ApiError, buildCommune, buildTask, buildUser, countRows, fingerprint, listUploads, Multipart, tinyPdf } from '../test/factories';

let ctx: TestContext;
let cookie: string;
let username: string;
/** A task of the coordinator's commune: what the writes below comment on and attach files to. */
let taskId: number;
beforeAll(async () => {
  ctx = await createTestContext({ publicOrigins: ['https://cchc.example.gov.vn'] });
  const commune = await buildCommune(ctx);
  ({ username } = await buildUser(ctx, { role: 'coordinator', commune }));
  taskId = (await buildTask(ctx, { commune })).id;
  cookie = await ctx.login(username);
});
afterAll(async () => ctx?.close());

const APP = '127.0.0.1:3300';
const CROSS_ORIGIN = 'Yêu cầu bị từ chối vì được gửi từ một trang web khác. Vui lòng thao tác trực tiếp trên ứng dụng CCHC.';
const comment = (headers: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/comments`, headers: { cookie, host: APP, ...headers }, payload: { text: 'Ý kiến thử nghiệm' } });

async function expectRefused(headers: Record<string, string>) {
  const before = await fingerprint(ctx);
  const response = await comment(headers);
  expect(response.statusCode, JSON.stringify(headers)).toBe(403);
  expect(json<ApiError>(response).error).toEqual({ code: 'cross_origin', message: CROSS_ORIGIN });
  expect(await fingerprint(ctx)).toEqual(before);
}

describe('writes must come from the app’s own origin', () => {
  it('another origin of the same site (another port) → 403 in Vietnamese, nothing saved', async () => {
    await expectRefused({ origin: 'http://127.0.0.1:3399' });
    await expectRefused({ origin: 'https://127.0.0.1:3300' });
    await expectRefused({ origin: 'http://evil.example' });
    await expectRefused({ origin: 'null' });
  });

  it('a browser request without Origin but marked cross-site or same-site → 403', async () => {
    await expectRefused({ 'sec-fetch-site': 'cross-site' });
    await expectRefused({ 'sec-fetch-site': 'same-site' });
  });

  it('the app’s own origin, a configured PUBLIC_ORIGIN, same-origin fetch metadata, or no browser headers at all → accepted', async () => {
    expect((await comment({ origin: `http://${APP}` })).statusCode).toBe(201);
    expect((await comment({ origin: 'https://cchc.example.gov.vn' })).statusCode).toBe(201);
    expect((await comment({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect((await comment({ 'sec-fetch-site': 'none' })).statusCode).toBe(201);
    expect((await comment({})).statusCode).toBe(201);
  });

  it('a multipart upload from another origin is refused before the body is read: no file stored', async () => {
    const before = await fingerprint(ctx);
    const filesBefore = await countRows(ctx, 'files');
    const form = new Multipart('bang-chung.pdf', tinyPdf('Gia mao'), 'file', 'application/pdf');
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/files`,
      headers: { cookie, host: APP, origin: 'http://127.0.0.1:3399', 'content-type': form.contentType },
      payload: form.body,
    });
    expect(response.statusCode).toBe(403);
    expect(json<ApiError>(response).error.code).toBe('cross_origin');
    expect(await countRows(ctx, 'files')).toBe(filesBefore);
    expect(listUploads(ctx.uploadDir)).toEqual(before.uploads ? before.uploads.split('\n') : []);
    expect(await fingerprint(ctx)).toEqual(before);
  });

  it('signing in from another origin is refused too (login CSRF)', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: APP, origin: 'http://127.0.0.1:3399' },
      payload: { username, password: 'x' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('reads are not checked: a GET with a foreign Origin still answers', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie, host: APP, origin: 'http://127.0.0.1:3399' } });
    expect(response.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('every answer carries a CSP the web app works with, no framing, no HSTS over plain HTTP', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('HSTS when COOKIE_SECURE=true', async () => {
    const secure = await buildApp({ db: ctx.db, clock: systemClock, config: { uploadDir: ctx.uploadDir, sessionDays: 1, secureCookies: true, logLevel: 'silent' }, logger: false });
    try {
      const response = await secure.inject({ method: 'GET', url: '/api/docs/json' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('a downloaded evidence file is not cached: Cache-Control private, no-store', async () => {
    const form = new Multipart('ket-qua.pdf', tinyPdf('Ket qua'), 'file', 'application/pdf');
    const upload = await ctx.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/files`, headers: { cookie, 'content-type': form.contentType }, payload: form.body });
    expect(upload.statusCode, upload.body).toBe(201);
    const download = await ctx.app.inject({ method: 'GET', url: `/api/files/${json<{ id: number }>(upload).id}`, headers: { cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['cache-control']).toBe('private, no-store');
  });
});
