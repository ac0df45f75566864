import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { ZId, zIntParam, ZIsoDate, zText } from '../http/schemas';
import { addOverride, getYear, loadCalendar, removeOverride } from './service';

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/calendar/:year',
    { schema: { tags: ['calendar'], summary: 'Ngày nghỉ lễ, ngày nghỉ bù, ngày làm bù của một năm', params: z.object({ year: zIntParam(2000, 2100) }) } },
    async (request) => getYear(db, request.params.year),
  );
  app.post(
    '/api/calendar/overrides',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Thêm ngày nghỉ / ngày làm bù theo thông báo của Chính phủ (quản trị)',
        body: z.object({ date: ZIsoDate, kind: z.enum(['day_off', 'working_day']), note: zText(300).optional() }),
      },
    },
    async (request, reply) => reply.status(201).send(await addOverride(db, actorOf(request), request.body)),
  );
  app.delete('/api/calendar/overrides/:id', { schema: { tags: ['calendar'], summary: 'Xóa ngày điều chỉnh', params: ZId } }, async (request, reply) => {
    await removeOverride(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  app.get(
    '/api/calendar/working-days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Cộng/trừ N ngày làm việc từ một ngày',
        querystring: z.object({ from: ZIsoDate, days: zIntParam(-365, 365) }),
      },
    },
    async (request) => {
      const calendar = await loadCalendar(db);
      return { from: request.query.from, days: request.query.days, date: calendar.addWorkingDays(request.query.from, request.query.days) };
    },
  );
};
