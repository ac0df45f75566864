import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { zIdParam, zIntParam, ZIsoDate } from '../http/schemas';
import { getDashboard } from './service';

export const dashboardRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Tổng quan kế hoạch hiện hành: tỷ lệ hoàn thành theo lĩnh vực, đơn vị; quá hạn; sắp đến hạn',
        querystring: z.object({
          communeId: zIdParam().optional(),
          planId: zIdParam().optional(),
          asOf: ZIsoDate.optional(),
          horizonDays: zIntParam(1, 90).default(14),
        }),
      },
    },
    async (request) => getDashboard(db, actorOf(request), request.query),
  );
};
