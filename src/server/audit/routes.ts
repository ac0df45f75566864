import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
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
          entityId: z.coerce.number().int().positive().optional(),
          communeId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
      },
    },
    async (request) => listAudit(db, actorOf(request), request.query),
  );
};
