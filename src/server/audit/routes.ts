import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { zIdParam, zIntParam } from '../http/schemas';
import { listAudit } from './service';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi (quản trị, lãnh đạo)',
        querystring: z.object({
          entity: z.enum(['plan', 'task', 'user', 'unit', 'commune', 'calendar']).optional(),
          entityId: zIdParam().optional(),
          communeId: zIdParam().optional(),
          limit: zIntParam(1, 1000).default(200),
        }),
      },
    },
    async (request) => listAudit(db, actorOf(request), request.query),
  );
};
