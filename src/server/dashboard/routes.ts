import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZDashboard, ZDashboardQuery, ZDashboardTasksQuery, ZTaskList } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { getDashboard, listDashboardTasks } from './service';

export const dashboardRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Tổng quan kế hoạch hiện hành: tỷ lệ hoàn thành theo lĩnh vực, đơn vị; quá hạn; sắp đến hạn',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard },
      },
    },
    async (request) => getDashboard(db, actorOf(request), { ...request.query, asOf: request.query.asOf ?? clock.today() }, clock.today()),
  );
  app.get(
    '/api/dashboard/tasks',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Nhiệm vụ mà một ô số liệu hoặc một cột biểu đồ của trang tổng quan đã đếm (cùng bộ lọc)',
        querystring: ZDashboardTasksQuery,
        response: { 200: ZTaskList },
      },
    },
    async (request) => {
      const { communeId, planId, asOf, ...filter } = request.query;
      return listDashboardTasks(db, actorOf(request), { communeId, planId, asOf: asOf ?? clock.today() }, filter);
    },
  );
};
