import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { ZId, zIdParam, zKeyedName, zText } from '../http/schemas';
import { addAlias, createUnit, listUnits, removeAlias, updateUnit } from './service';

const ZCommuneParams = z.object({ communeId: zIdParam() });

const ZUnitInput = z.object({
  name: zKeyedName(300, { min: 1, minMessage: 'Vui lòng nhập tên đơn vị' }),
  shortName: zText(100).nullable().optional(),
  kind: z.enum(['internal', 'catch_all', 'outside']).optional(),
  isCoordinator: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const unitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/communes/:communeId/units',
    { schema: { tags: ['units'], summary: 'Đơn vị của xã/phường và tên gọi khác', params: ZCommuneParams } },
    async (request) => listUnits(db, actorOf(request), request.params.communeId),
  );
  app.post(
    '/api/communes/:communeId/units',
    { schema: { tags: ['units'], summary: 'Thêm đơn vị', params: ZCommuneParams, body: ZUnitInput } },
    async (request, reply) => reply.status(201).send(await createUnit(db, actorOf(request), request.params.communeId, request.body)),
  );
  app.patch('/api/units/:id', { schema: { tags: ['units'], summary: 'Sửa đơn vị', params: ZId, body: ZUnitInput.partial() } }, async (request) =>
    updateUnit(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/units/:id/aliases',
    { schema: { tags: ['units'], summary: 'Thêm tên gọi khác', params: ZId, body: z.object({ alias: zKeyedName(300, { min: 1 }) }) } },
    async (request, reply) => reply.status(201).send(await addAlias(db, actorOf(request), request.params.id, request.body.alias)),
  );
  app.delete('/api/aliases/:id', { schema: { tags: ['units'], summary: 'Xóa tên gọi khác', params: ZId } }, async (request, reply) => {
    await removeAlias(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
};
