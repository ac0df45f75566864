import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  binaryResponse,
  ZAsOfQuery,
  ZId,
  ZPlanDetail,
  ZPlanInput,
  ZPlanQuery,
  ZPlanSummaryList,
  ZPlanTaskQuery,
  ZPlanUpdate,
  ZTaskDetail,
  ZTaskInput,
  ZTaskList,
} from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { createPlanTask } from '../tasks/commands';
import { listTasks } from '../tasks/read-model';
import { buildPlanWorkbook } from './export';
import { createPlan, getPlan, listPlans, requirePlan, updatePlan } from './service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const planRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.get('/api/plans', { schema: { tags: ['plans'], summary: 'Danh sách kế hoạch', querystring: ZPlanQuery, response: { 200: ZPlanSummaryList } } }, async (request) =>
    listPlans(db, actorOf(request), request.query.asOf ?? clock.today(), request.query.communeId),
  );
  app.post('/api/plans', { schema: { tags: ['plans'], summary: 'Tạo kế hoạch', body: ZPlanInput, response: { 201: ZPlanDetail } } }, async (request, reply) =>
    reply.status(201).send(await createPlan(db, clock, actorOf(request), request.body)),
  );
  app.get(
    '/api/plans/:id',
    { schema: { tags: ['plans'], summary: 'Chi tiết kế hoạch và chỉ tiêu', params: ZId, querystring: ZAsOfQuery, response: { 200: ZPlanDetail } } },
    async (request) => getPlan(db, actorOf(request), request.params.id, request.query.asOf ?? clock.today()),
  );
  app.patch('/api/plans/:id', { schema: { tags: ['plans'], summary: 'Sửa kế hoạch', params: ZId, body: ZPlanUpdate, response: { 200: ZPlanDetail } } }, async (request) =>
    updatePlan(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/plans/:id/tasks',
    {
      schema: {
        tags: ['plans'],
        summary: 'Nhiệm vụ của kế hoạch (lọc theo đơn vị, lĩnh vực, trạng thái, từ khóa không dấu)',
        params: ZId,
        querystring: ZPlanTaskQuery,
        response: { 200: ZTaskList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { plan } = await requirePlan(db, actor, request.params.id);
      const { asOf, ...filter } = request.query;
      return listTasks(db, actor, { communeId: plan.communeId, planId: plan.id }, filter, asOf ?? clock.today());
    },
  );
  app.post(
    '/api/plans/:id/tasks',
    { schema: { tags: ['plans'], summary: 'Thêm nhiệm vụ vào kế hoạch', params: ZId, body: ZTaskInput, response: { 201: ZTaskDetail } } },
    async (request, reply) => reply.status(201).send(await createPlanTask(db, clock, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/plans/:id/export.xlsx',
    {
      schema: {
        tags: ['plans'],
        summary: 'Xuất Excel danh mục nhiệm vụ',
        params: ZId,
        querystring: ZAsOfQuery,
        response: { 200: binaryResponse(XLSX, 'Tệp Excel (.xlsx)') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const asOf = request.query.asOf ?? clock.today();
      const plan = await getPlan(db, actor, request.params.id, asOf);
      const list = await listTasks(db, actor, { communeId: plan.communeId, planId: plan.id }, {}, asOf);
      const file = await buildPlanWorkbook(plan, list, asOf);
      const name = `danh-muc-nhiem-vu-ke-hoach-${plan.id}.xlsx`;
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${name}"`).send(file);
    },
  );
};
