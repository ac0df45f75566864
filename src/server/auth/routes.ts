import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZLoginBody, ZNoContent, ZUserEnvelope } from '../../contract';
import { userRights } from '../access/policy';
import type { Db } from '../db';
import { AppError } from '../errors';
import { actorOf, SESSION_COOKIE } from './plugin';
import { login, logout } from './service';

interface Options {
  db: Db;
  sessionDays: number;
  secureCookies: boolean;
}

export const authRoutes: FastifyPluginAsyncZod<Options> = async (app, { db, sessionDays, secureCookies }) => {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: ZLoginBody, response: { 200: ZUserEnvelope } },
      config: {
        public: true,
        // Per address and username: slows guessing without locking a whole office behind one NAT out.
        rateLimit: {
          max: 10,
          timeWindow: '5 minutes',
          keyGenerator: (request) => `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
          errorResponseBuilder: () => new AppError('too_many_attempts'),
        },
      },
    },
    async (request, reply) => {
      const { token, user } = await login(db, request.body.username, request.body.password, sessionDays);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
        maxAge: sessionDays * 86_400,
      });
      return { user, can: userRights(user) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: ZNoContent } }, config: { public: true } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'Người dùng đang đăng nhập', response: { 200: ZUserEnvelope } } }, async (request) => {
    const user = actorOf(request);
    return { user, can: userRights(user) };
  });
};
