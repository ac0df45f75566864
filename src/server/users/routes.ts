import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZId, ZNoContent, ZPasswordInput, ZUser, ZUserCreate, ZUserList, ZUserQuery, ZUserUpdate } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { createUser, listUsers, setPassword, updateUser } from './service';

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/users', { schema: { tags: ['users'], summary: 'Người dùng (quản trị)', querystring: ZUserQuery, response: { 200: ZUserList } } }, async (request) =>
    listUsers(db, actorOf(request), request.query.communeId),
  );
  app.post('/api/users', { schema: { tags: ['users'], summary: 'Thêm người dùng', body: ZUserCreate, response: { 201: ZUser } } }, async (request, reply) =>
    reply.status(201).send(await createUser(db, actorOf(request), request.body)),
  );
  app.patch('/api/users/:id', { schema: { tags: ['users'], summary: 'Sửa người dùng', params: ZId, body: ZUserUpdate, response: { 200: ZUser } } }, async (request) =>
    updateUser(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/password',
    { schema: { tags: ['users'], summary: 'Đặt lại mật khẩu', params: ZId, body: ZPasswordInput, response: { 204: ZNoContent } } },
    async (request, reply) => {
      await setPassword(db, actorOf(request), request.params.id, request.body.password, { mustChangePassword: request.body.mustChangePassword });
      return reply.status(204).send(null);
    },
  );
};
