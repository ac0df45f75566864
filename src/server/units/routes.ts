import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAliasInput, ZCommuneIdParams, ZId, ZNoContent, ZUnit, ZUnitAlias, ZUnitInput, ZUnitList, ZUnitUpdate } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { addAlias, createUnit, listUnits, removeAlias, updateUnit } from './service';

export const unitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/communes/:communeId/units',
    { schema: { tags: ['units'], summary: 'Đơn vị của xã/phường và tên gọi khác', params: ZCommuneIdParams, response: { 200: ZUnitList } } },
    async (request) => listUnits(db, actorOf(request), request.params.communeId),
  );
  app.post(
    '/api/communes/:communeId/units',
    { schema: { tags: ['units'], summary: 'Thêm đơn vị', params: ZCommuneIdParams, body: ZUnitInput, response: { 201: ZUnit } } },
    async (request, reply) => reply.status(201).send(await createUnit(db, actorOf(request), request.params.communeId, request.body)),
  );
  app.patch('/api/units/:id', { schema: { tags: ['units'], summary: 'Sửa đơn vị', params: ZId, body: ZUnitUpdate, response: { 200: ZUnit } } }, async (request) =>
    updateUnit(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/units/:id/aliases',
    { schema: { tags: ['units'], summary: 'Thêm tên gọi khác', params: ZId, body: ZAliasInput, response: { 201: ZUnitAlias } } },
    async (request, reply) => reply.status(201).send(await addAlias(db, actorOf(request), request.params.id, request.body.alias)),
  );
  app.delete('/api/aliases/:id', { schema: { tags: ['units'], summary: 'Xóa tên gọi khác', params: ZId, response: { 204: ZNoContent } } }, async (request, reply) => {
    await removeAlias(db, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
};
