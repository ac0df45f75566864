import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { ZId, zInt, zKeyedName } from '../http/schemas';
import { createCommune, listCommunes, updateCommune } from './service';

const ZCommuneInput = z.object({
  name: zKeyedName(200, { min: 1, minMessage: 'Vui lòng nhập tên xã/phường' }),
  kind: z.enum(['xa', 'phuong']),
  code: zKeyedName(20, { min: 1 }),
  dueSoonDays: zInt(1, 60).optional(),
});

export const communeRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/communes', { schema: { tags: ['communes'], summary: 'Các xã/phường người dùng được xem' } }, async (request) =>
    listCommunes(db, actorOf(request)),
  );
  app.post('/api/communes', { schema: { tags: ['communes'], summary: 'Thêm xã/phường (quản trị thành phố)', body: ZCommuneInput } }, async (request, reply) =>
    reply.status(201).send(await createCommune(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/communes/:id',
    { schema: { tags: ['communes'], summary: 'Sửa xã/phường', params: ZId, body: ZCommuneInput.partial() } },
    async (request) => updateCommune(db, actorOf(request), request.params.id, request.body),
  );
};
