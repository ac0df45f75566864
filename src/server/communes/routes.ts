import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCommune, ZCommuneInput, ZCommuneList, ZCommuneUpdate, ZId } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { createCommune, listCommunes, updateCommune } from './service';

export const communeRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/communes', { schema: { tags: ['communes'], summary: 'Các xã/phường người dùng được xem', response: { 200: ZCommuneList } } }, async (request) =>
    listCommunes(db, actorOf(request)),
  );
  app.post(
    '/api/communes',
    { schema: { tags: ['communes'], summary: 'Thêm xã/phường (quản trị thành phố)', body: ZCommuneInput, response: { 201: ZCommune } } },
    async (request, reply) => reply.status(201).send(await createCommune(db, actorOf(request), request.body)),
  );
  app.patch('/api/communes/:id', { schema: { tags: ['communes'], summary: 'Sửa xã/phường', params: ZId, body: ZCommuneUpdate, response: { 200: ZCommune } } }, async (request) =>
    updateCommune(db, actorOf(request), request.params.id, request.body),
  );
};
