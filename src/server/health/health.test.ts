/**
 * Probes and the 503 a lost database answers. The "down" app is built on a pool whose server refuses
 * connections (a port nobody listens on), which is what the app sees while PostgreSQL is restarting.
 */
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { systemClock } from '../clock';
import { connectDatabase, type Database } from '../db';
import { createTestContext, json, type TestContext } from '../test/context';

const UNAVAILABLE = 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Dữ liệu đã lưu không bị mất; vui lòng thử lại sau ít phút.';

/** A loopback port that was free a moment ago: connecting to it is refused. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let ctx: TestContext;
let down: { app: FastifyInstance; database: Database };
beforeAll(async () => {
  // No data: the probes and the 503s need none (the down app cannot read any).
  ctx = await createTestContext();
  const database = connectDatabase(`postgres://postgres:x@127.0.0.1:${await closedPort()}/cchc`, { onConnectionError: () => undefined });
  const app = await buildApp({
    db: database.db,
    clock: systemClock,
    config: { uploadDir: ctx.uploadDir, sessionDays: 1, secureCookies: false, logLevel: 'silent' },
    logger: false,
  });
  down = { app, database };
});
afterAll(async () => {
  await down.app.close();
  await down.database.close();
  await ctx.close();
});

describe('health probes', () => {
  it('liveness and readiness answer without a session while the database is up', async () => {
    expect(json(await ctx.app.inject({ method: 'GET', url: '/api/health' }))).toEqual({ status: 'ok' });
    expect(json(await ctx.app.inject({ method: 'GET', url: '/api/ready' }))).toEqual({ status: 'ready' });
  });

  it('liveness never reads the session, so a stale cookie does not make it fail', async () => {
    const response = await down.app.inject({ method: 'GET', url: '/api/health', headers: { cookie: 'cchc_session=cu-roi' } });
    expect(response.statusCode).toBe(200);
  });
});

describe('database out of reach', () => {
  it('answers 503 with a Vietnamese message and Retry-After on readiness, sign-in and any signed-in request', async () => {
    const requests = [
      { method: 'GET' as const, url: '/api/ready' },
      { method: 'POST' as const, url: '/api/auth/login', payload: { username: 'daumoi', password: 'CaiCach#HanhChinh2026' } },
      { method: 'GET' as const, url: '/api/auth/me', headers: { cookie: 'cchc_session=abc' } },
      { method: 'POST' as const, url: '/api/tasks/1/comments', headers: { cookie: 'cchc_session=abc' }, payload: { text: 'ghi chú' } },
    ];
    for (const request of requests) {
      const response = await down.app.inject(request);
      expect(response.statusCode, request.url).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(json<{ error: unknown }>(response).error).toEqual({ code: 'unavailable', message: UNAVAILABLE });
    }
  });

  it('speaks English when asked', async () => {
    const response = await down.app.inject({ method: 'GET', url: '/api/ready', headers: { 'accept-language': 'en' } });
    expect(json<{ error: { message: string } }>(response).error.message).toMatch(/database cannot be reached/);
  });

  it('still refuses a request without a session with 401: nothing to ask the database', async () => {
    expect((await down.app.inject({ method: 'GET', url: '/api/plans' })).statusCode).toBe(401);
  });
});
