import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { ZId, ZIsoDate, zIdParam } from '../http/schemas';
import { createPlanTask } from '../tasks/commands';
import { listTasks } from '../tasks/read-model';
import { ZTaskFilter, ZTaskInput } from '../tasks/schema';
import { buildPlanWorkbook } from './export';
import { ZPlanInput, ZPlanUpdate } from './schema';
import { createPlan, getPlan, listPlans, requirePlan, updatePlan } from './service';

const ZAsOf = z.object({ asOf: ZIsoDate.optional() });

export const planRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.get(
    '/api/plans',
    { schema: { tags: ['plans'], summary: 'Danh sách kế hoạch', querystring: ZAsOf.extend({ communeId: zIdParam().optional() }) } },
    async (request) => listPlans(db, actorOf(request), request.query.asOf ?? clock.today(), request.query.communeId),
  );
  app.post('/api/plans', { schema: { tags: ['plans'], summary: 'Tạo kế hoạch', body: ZPlanInput } }, async (request, reply) =>
    reply.status(201).send(await createPlan(db, clock, actorOf(request), request.body)),
  );
  app.get('/api/plans/:id', { schema: { tags: ['plans'], summary: 'Chi tiết kế hoạch và chỉ tiêu', params: ZId, querystring: ZAsOf } }, async (request) =>
    getPlan(db, actorOf(request), request.params.id, request.query.asOf ?? clock.today()),
  );
  app.patch('/api/plans/:id', { schema: { tags: ['plans'], summary: 'Sửa kế hoạch', params: ZId, body: ZPlanUpdate } }, async (request) =>
    updatePlan(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/plans/:id/tasks',
    { schema: { tags: ['plans'], summary: 'Nhiệm vụ của kế hoạch (lọc theo đơn vị, lĩnh vực, trạng thái, từ khóa không dấu)', params: ZId, querystring: ZTaskFilter } },
    async (request) => {
      const actor = actorOf(request);
      const { plan } = await requirePlan(db, actor, request.params.id);
      const { asOf, ...filter } = request.query;
      return listTasks(db, actor, { communeId: plan.communeId, planId: plan.id }, filter, asOf ?? clock.today());
    },
  );
  app.post(
    '/api/plans/:id/tasks',
    { schema: { tags: ['plans'], summary: 'Thêm nhiệm vụ vào kế hoạch', params: ZId, body: ZTaskInput } },
    async (request, reply) => reply.status(201).send(await createPlanTask(db, clock, actorOf(request), request.params.id, request.body)),
  );
  app.get('/api/plans/:id/export.xlsx', { schema: { tags: ['plans'], summary: 'Xuất Excel danh mục nhiệm vụ', params: ZId, querystring: ZAsOf } }, async (request, reply) => {
    const actor = actorOf(request);
    const asOf = request.query.asOf ?? clock.today();
    const plan = await getPlan(db, actor, request.params.id, asOf);
    const list = await listTasks(db, actor, { communeId: plan.communeId, planId: plan.id }, {}, asOf);
    const file = await buildPlanWorkbook(plan, list, asOf);
    const name = `danh-muc-nhiem-vu-ke-hoach-${plan.id}.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(file);
  });
};
