import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAsOfQuery,
  ZCityTaskInput,
  ZCommentInput,
  ZConfirmInput,
  ZHistoryEntry,
  ZId,
  ZMyWork,
  ZMyWorkQuery,
  ZProgressInput,
  ZReturnInput,
  ZTask,
  ZTaskDetail,
  ZTaskList,
  ZTaskQuery,
  ZTaskUpdate,
} from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { addComment, confirmCompletion, createCityTask, reportProgress, returnCompletion, updateTask } from './commands';
import { getMyWork, getTaskDetail, listTasks } from './read-model';

export const taskRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.get(
    '/api/tasks',
    { schema: { tags: ['tasks'], summary: 'Nhiệm vụ của xã/phường (cả nhiệm vụ UBND thành phố giao)', querystring: ZTaskQuery, response: { 200: ZTaskList } } },
    async (request) => {
      const { communeId, origin, asOf, ...filter } = request.query;
      return listTasks(db, actorOf(request), { communeId, origin }, filter, asOf ?? clock.today());
    },
  );
  app.get(
    '/api/tasks/mine',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Việc của tôi: nhiệm vụ của đơn vị mình (quá hạn, đến hạn tuần này, tháng này, chờ cập nhật)',
        querystring: ZMyWorkQuery,
        response: { 200: ZMyWork },
      },
    },
    async (request) => getMyWork(db, actorOf(request), request.query.asOf ?? clock.today()),
  );
  app.post(
    '/api/tasks',
    { schema: { tags: ['tasks'], summary: 'Thêm nhiệm vụ UBND thành phố giao', body: ZCityTaskInput, response: { 201: ZTaskDetail } } },
    async (request, reply) => reply.status(201).send(await createCityTask(db, clock, actorOf(request), request.body)),
  );
  app.get(
    '/api/tasks/:id',
    { schema: { tags: ['tasks'], summary: 'Chi tiết nhiệm vụ, lịch sử, tệp sản phẩm', params: ZId, querystring: ZAsOfQuery, response: { 200: ZTaskDetail } } },
    async (request) => getTaskDetail(db, actorOf(request), request.params.id, request.query.asOf ?? clock.today()),
  );
  app.patch(
    '/api/tasks/:id',
    { schema: { tags: ['tasks'], summary: 'Sửa nhiệm vụ (đầu mối CCHC, lãnh đạo)', params: ZId, body: ZTaskUpdate, response: { 200: ZTaskDetail } } },
    async (request) => updateTask(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/tasks/:id/progress',
    { schema: { tags: ['tasks'], summary: 'Cập nhật tiến độ / hoàn thành', params: ZId, body: ZProgressInput, response: { 200: ZTask } } },
    async (request) => reportProgress(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/tasks/:id/confirm',
    { schema: { tags: ['tasks'], summary: 'Xác nhận hoàn thành (đầu mối CCHC)', params: ZId, body: ZConfirmInput, response: { 200: ZTask } } },
    async (request) => confirmCompletion(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/tasks/:id/return',
    { schema: { tags: ['tasks'], summary: 'Trả lại báo cáo hoàn thành, nêu lý do (đầu mối CCHC)', params: ZId, body: ZReturnInput, response: { 200: ZTask } } },
    async (request) => returnCompletion(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/tasks/:id/comments',
    { schema: { tags: ['tasks'], summary: 'Thêm ý kiến', params: ZId, body: ZCommentInput, response: { 201: ZHistoryEntry } } },
    async (request, reply) => reply.status(201).send(await addComment(db, actorOf(request), request.params.id, request.body.text)),
  );
};
