import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { ZId, zIdParam, zText } from '../http/schemas';
import { ZCityTaskInput, ZProgressInput, ZTaskFilter, ZTaskUpdate } from './schema';
import { addComment, createCityTask, getTaskDetail, listTasks, reportProgress, updateTask } from './service';

export const taskRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Nhiệm vụ của xã/phường (cả nhiệm vụ UBND thành phố giao)',
        querystring: ZTaskFilter.extend({ communeId: zIdParam(), origin: z.enum(['plan', 'city_assigned']).optional() }),
      },
    },
    async (request) => {
      const { communeId, origin, asOf, ...filter } = request.query;
      return listTasks(db, actorOf(request), { communeId, origin }, filter, asOf);
    },
  );
  app.post('/api/tasks', { schema: { tags: ['tasks'], summary: 'Thêm nhiệm vụ UBND thành phố giao', body: ZCityTaskInput } }, async (request, reply) =>
    reply.status(201).send(await createCityTask(db, actorOf(request), request.body)),
  );
  app.get('/api/tasks/:id', { schema: { tags: ['tasks'], summary: 'Chi tiết nhiệm vụ, lịch sử, tệp sản phẩm', params: ZId } }, async (request) =>
    getTaskDetail(db, actorOf(request), request.params.id),
  );
  app.patch('/api/tasks/:id', { schema: { tags: ['tasks'], summary: 'Sửa nhiệm vụ (đầu mối CCHC, lãnh đạo)', params: ZId, body: ZTaskUpdate } }, async (request) =>
    updateTask(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/tasks/:id/progress',
    { schema: { tags: ['tasks'], summary: 'Cập nhật tiến độ / hoàn thành', params: ZId, body: ZProgressInput } },
    async (request) => reportProgress(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/tasks/:id/comments',
    { schema: { tags: ['tasks'], summary: 'Thêm ý kiến', params: ZId, body: z.object({ text: zText(5000, { min: 1, minMessage: 'Vui lòng nhập nội dung' }) }) } },
    async (request, reply) => reply.status(201).send(await addComment(db, actorOf(request), request.params.id, request.body.text)),
  );
};
