import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db';
import { ZChangePasswordBody, ZLoginBody, ZUserEnvelope } from './schema';
import { actorOf, SESSION_COOKIE } from './plugin';
import { changeOwnPassword, login, logout } from './service';
import type { Now } from './throttle';

interface Options {
  db: Db;
  sessionDays: number;
  secureCookies: boolean;
  /** The throttle's clock; tests pass one they can move. */
  now: Now;
}

export const authRoutes: FastifyPluginAsyncZod<Options> = async (app, { db, sessionDays, secureCookies, now }) => {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: ZLoginBody, response: { 200: ZUserEnvelope } },
      // Guessing is slowed per account and per client address in the service (growing delays kept in PostgreSQL).
      config: { public: true },
    },
    async (request, reply) => {
      const { token, user } = await login(db, request.body.username, request.body.password, sessionDays, { address: request.ip, now: now() });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
        maxAge: sessionDays * 86_400,
      });
      return { user };
    },
  );
  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất' }, config: { public: true } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'Người dùng đang đăng nhập', response: { 200: ZUserEnvelope } }, config: { beforePasswordChange: true } },
    async (request) => ({ user: actorOf(request) }),
  );
  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], summary: 'Đổi mật khẩu của chính mình (các phiên khác kết thúc)', body: ZChangePasswordBody },
      config: { beforePasswordChange: true },
    },
    async (request, reply) => {
      await changeOwnPassword(db, actorOf(request), request.cookies[SESSION_COOKIE] ?? '', request.body, { address: request.ip, now: now() });
      return reply.status(204).send();
    },
  );
};
