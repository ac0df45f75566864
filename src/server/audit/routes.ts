import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditList, ZAuditQuery } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { listAudit } from './service';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Nhật ký thay đổi (quản trị, lãnh đạo)', querystring: ZAuditQuery, response: { 200: ZAuditList } } },
    async (request) => listAudit(db, actorOf(request), request.query),
  );
};
