import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin';
import { todayInVietnam } from '../clock';
import type { Db } from '../db';
import { ZId, zIdParam } from '../http/schemas';
import { createPlanTask, listTasks } from '../tasks/service';
import { buildPlanWorkbook } from './export';
import { ZTaskFilter, ZTaskInput } from '../tasks/schema';
import { ZPlanInput, ZPlanUpdate } from './schema';
import { createPlan, getPlan, listPlans, requirePlan, updatePlan } from './service';

export const planRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/plans',
    { schema: { tags: ['plans'], summary: 'Danh sách kế hoạch', querystring: z.object({ communeId: zIdParam().optional() }) } },
    async (request) => listPlans(db, actorOf(request), request.query.communeId),
  );
  app.post('/api/plans', { schema: { tags: ['plans'], summary: 'Tạo kế hoạch', body: ZPlanInput } }, async (request, reply) =>
    reply.status(201).send(await createPlan(db, actorOf(request), request.body)),
  );
  app.get('/api/plans/:id', { schema: { tags: ['plans'], summary: 'Chi tiết kế hoạch và chỉ tiêu', params: ZId } }, async (request) =>
    getPlan(db, actorOf(request), request.params.id),
  );
  app.patch('/api/plans/:id', { schema: { tags: ['plans'], summary: 'Sửa kế hoạch', params: ZId, body: ZPlanUpdate } }, async (request) =>
    updatePlan(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/plans/:id/tasks',
    { schema: { tags: ['plans'], summary: 'Nhiệm vụ của kế hoạch (lọc theo đơn vị, lĩnh vực, trạng thái, từ khóa không dấu)', params: ZId, querystring: ZTaskFilter } },
    async (request) => {
      const actor = actorOf(request);
      const { plan } = await requirePlan(db, actor, request.params.id);
      const { asOf, ...filter } = request.query;
      return listTasks(db, actor, { communeId: plan.communeId, planId: plan.id }, filter, asOf);
    },
  );
  app.post(
    '/api/plans/:id/tasks',
    { schema: { tags: ['plans'], summary: 'Thêm nhiệm vụ vào kế hoạch', params: ZId, body: ZTaskInput } },
    async (request, reply) => reply.status(201).send(await createPlanTask(db, actorOf(request), request.params.id, request.body)),
  );
  app.get('/api/plans/:id/export.xlsx', { schema: { tags: ['plans'], summary: 'Xuất Excel danh mục nhiệm vụ', params: ZId } }, async (request, reply) => {
    const actor = actorOf(request);
    const plan = await getPlan(db, actor, request.params.id);
    const asOf = todayInVietnam();
    const list = await listTasks(db, actor, { communeId: plan.communeId, planId: plan.id }, {}, asOf);
    const file = await buildPlanWorkbook(plan, list, asOf);
    const name = `danh-muc-nhiem-vu-ke-hoach-${plan.id}.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(file);
  });
};
