/**
 * Probes for a process supervisor or load balancer: liveness never touches the database (a database
 * outage must not get the app restarted); readiness pings it, so traffic can be held back meanwhile.
 */
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHealth, ZReady } from '../../contract';
import type { Db } from '../db';
import { AppError } from '../errors';

const probe = { public: true, sessionless: true } as const;

export const healthRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/health', { schema: { tags: ['health'], summary: 'Tiến trình còn sống (không hỏi cơ sở dữ liệu)', response: { 200: ZHealth } }, config: probe }, async () => ({
    status: 'ok' as const,
  }));
  app.get('/api/ready', { schema: { tags: ['health'], summary: 'Sẵn sàng phục vụ: cơ sở dữ liệu trả lời', response: { 200: ZReady } }, config: probe }, async (request) => {
    try {
      await db.execute(sql`select 1`);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness: database ping failed');
      throw new AppError('unavailable');
    }
    return { status: 'ready' as const };
  });
};
