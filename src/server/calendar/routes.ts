import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCalendarOverride, ZCalendarYear, ZId, ZNoContent, ZOverrideInput, ZWorkingDays, ZWorkingDaysQuery, ZYearParams } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { addOverride, getYear, loadCalendar, removeOverride } from './service';

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/calendar/:year',
    { schema: { tags: ['calendar'], summary: 'Ngày nghỉ lễ, ngày nghỉ bù, ngày làm bù của một năm', params: ZYearParams, response: { 200: ZCalendarYear } } },
    async (request) => getYear(db, request.params.year),
  );
  app.post(
    '/api/calendar/overrides',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Thêm ngày nghỉ / ngày làm bù theo thông báo của Chính phủ (quản trị)',
        body: ZOverrideInput,
        response: { 201: ZCalendarOverride },
      },
    },
    async (request, reply) => reply.status(201).send(await addOverride(db, actorOf(request), request.body)),
  );
  app.delete(
    '/api/calendar/overrides/:id',
    { schema: { tags: ['calendar'], summary: 'Xóa ngày điều chỉnh', params: ZId, response: { 204: ZNoContent } } },
    async (request, reply) => {
      await removeOverride(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/calendar/working-days',
    { schema: { tags: ['calendar'], summary: 'Cộng/trừ N ngày làm việc từ một ngày', querystring: ZWorkingDaysQuery, response: { 200: ZWorkingDays } } },
    async (request) => {
      const calendar = await loadCalendar(db);
      return { from: request.query.from, days: request.query.days, date: calendar.addWorkingDays(request.query.from, request.query.days) };
    },
  );
};
