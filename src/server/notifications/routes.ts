import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZId, ZMailPreferences, ZMailPreferencesInput, ZMarkedRead, ZNoContent, ZNotificationList, ZNotificationQuery } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { getPreferences, listNotifications, markAllRead, markRead, setPreferences } from './service';

export const notificationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo của tôi (chuông): số chưa đọc và danh sách mới nhất',
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationList },
      },
    },
    async (request) => listNotifications(db, actorOf(request), { limit: request.query.limit, unreadOnly: request.query.unread === 'true' }),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags: ['notifications'], summary: 'Đánh dấu đã đọc', params: ZId, response: { 204: ZNoContent } } },
    async (request, reply) => {
      await markRead(db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post('/api/notifications/read-all', { schema: { tags: ['notifications'], summary: 'Đánh dấu tất cả đã đọc', response: { 200: ZMarkedRead } } }, async (request) => ({
    marked: await markAllRead(db, actorOf(request)),
  }));
  app.get(
    '/api/notifications/preferences',
    { schema: { tags: ['notifications'], summary: 'Nhận nhắc việc qua thư điện tử', response: { 200: ZMailPreferences } } },
    async (request) => getPreferences(db, actorOf(request)),
  );
  app.put(
    '/api/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Bật/tắt nhận nhắc việc qua thư điện tử (của chính mình)',
        body: ZMailPreferencesInput,
        response: { 200: ZMailPreferences },
      },
    },
    async (request) => setPreferences(db, actorOf(request), request.body),
  );
};
