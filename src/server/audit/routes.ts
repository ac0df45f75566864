import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditList, ZAuditQuery } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { secretInspectionIds } from '../inspections/coverage';
import { listAudit } from './service';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Nhật ký thay đổi (quản trị, lãnh đạo)', querystring: ZAuditQuery, response: { 200: ZAuditList } } },
    async (request) => {
      const actor = actorOf(request);
      return listAudit(db, actor, request.query, await secretInspectionIds(db, actor, clock.today()));
    },
  );
};
