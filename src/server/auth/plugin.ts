/**
 * Reads the session cookie on every request and exposes `request.actor`.
 * Routes opt out of the login requirement with `config: { public: true }`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db';
import { AppError } from '../errors';
import { type SessionUser, sessionUser } from './service';

export const SESSION_COOKIE = 'cchc_session';

declare module 'fastify' {
  interface FastifyRequest {
    sessionUser: SessionUser | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
    /** Reachable by a user who must change their password first (me, change password). */
    beforePasswordChange?: boolean;
    /** Never reads the session (health probes), so it answers even while the database is down. */
    sessionless?: boolean;
  }
}

export const sessionPlugin = fp(async (app: FastifyInstance, options: { db: Db }) => {
  app.decorateRequest('sessionUser', null);
  app.addHook('onRequest', async (request) => {
    // The API description is public: integrators read it before they have an account.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || request.routeOptions.config.sessionless) return;
    const token = request.cookies[SESSION_COOKIE];
    request.sessionUser = token ? await sessionUser(options.db, token) : null;
    const config = request.routeOptions.config;
    if (!request.sessionUser && !config.public) throw new AppError('unauthenticated');
    if (request.sessionUser?.mustChangePassword && !config.public && !config.beforePasswordChange) throw new AppError('password_change_required');
  });
});

/** The signed-in user; routes behind the session hook always have one. */
export function actorOf(request: FastifyRequest): SessionUser {
  if (!request.sessionUser) throw new AppError('unauthenticated');
  return request.sessionUser;
}
