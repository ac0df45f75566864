import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { ZId, zId, zIdParam, zKeyedName, zText } from '../http/schemas';
import { createUser, listUsers, setPassword, updateUser } from './service';

const ZRole = z.enum(['admin', 'leader', 'coordinator', 'unit_head', 'unit_staff', 'inspector', 'city_reviewer']);
// Length, strength and "not the username" are checked by the service's password policy, with Vietnamese reasons.
const ZPassword = zText(200, { trim: false, maxMessage: 'Mật khẩu tối đa 200 ký tự' });

const ZUserCreate = z.object({
  username: zKeyedName(60, { min: 3, minMessage: 'Tên đăng nhập cần ít nhất 3 ký tự' }).regex(
    /^[a-zA-Z0-9._-]+$/,
    'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang',
  ),
  fullName: zText(200, { min: 1, minMessage: 'Vui lòng nhập họ tên' }),
  title: zText(200).nullable().optional(),
  role: ZRole,
  communeId: zId().nullable().optional(),
  unitId: zId().nullable().optional(),
  password: ZPassword,
  mustChangePassword: z.boolean().optional(),
});

const ZUserUpdate = ZUserCreate.omit({ username: true, password: true }).partial().extend({ active: z.boolean().optional() });

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Người dùng (quản trị)', querystring: z.object({ communeId: zIdParam().optional() }) } },
    async (request) => listUsers(db, actorOf(request), request.query.communeId),
  );
  app.post('/api/users', { schema: { tags: ['users'], summary: 'Thêm người dùng', body: ZUserCreate } }, async (request, reply) =>
    reply.status(201).send(await createUser(db, actorOf(request), request.body)),
  );
  app.patch('/api/users/:id', { schema: { tags: ['users'], summary: 'Sửa người dùng', params: ZId, body: ZUserUpdate } }, async (request) =>
    updateUser(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/password',
    { schema: { tags: ['users'], summary: 'Đặt lại mật khẩu', params: ZId, body: z.object({ password: ZPassword, mustChangePassword: z.boolean().optional() }) } },
    async (request, reply) => {
      await setPassword(db, actorOf(request), request.params.id, request.body.password, { mustChangePassword: request.body.mustChangePassword });
      return reply.status(204).send();
    },
  );
};
