import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCityDirectiveDetail, ZCityDirectiveInput, ZCityDirectiveList, ZCityDirectiveUpdate, ZDirectiveCommunesInput, ZDirectiveParams, ZDirectiveQuery } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { addDirectiveCommunes, createDirective, getDirective, listDirectives, updateDirective } from './service';

export const cityDirectiveRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.get(
    '/api/city/directives',
    {
      schema: {
        tags: ['city'],
        summary: 'Văn bản UBND thành phố giao nhiệm vụ cho các xã/phường, với kết quả chung (đúng hạn, trễ hạn, quá hạn)',
        querystring: ZDirectiveQuery,
        response: { 200: ZCityDirectiveList },
      },
    },
    async (request) => listDirectives(db, actorOf(request), request.query.asOf ?? clock.today()),
  );
  app.post(
    '/api/city/directives',
    {
      schema: {
        tags: ['city'],
        summary: 'Nhập một lần văn bản giao nhiệm vụ: mỗi xã/phường được chọn (hoặc tất cả) nhận nhiệm vụ của mình',
        body: ZCityDirectiveInput,
        response: { 201: ZCityDirectiveDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await createDirective(db, clock, actorOf(request), request.body)),
  );
  app.get(
    '/api/city/directives/:id',
    {
      schema: {
        tags: ['city'],
        summary: 'Một văn bản giao nhiệm vụ: tình trạng của từng xã/phường, sản phẩm, xã/phường chậm, kết quả chung',
        params: ZDirectiveParams,
        querystring: ZDirectiveQuery,
        response: { 200: ZCityDirectiveDetail },
      },
    },
    async (request) => getDirective(db, actorOf(request), request.params.id, request.query.asOf ?? clock.today()),
  );
  app.patch(
    '/api/city/directives/:id',
    {
      schema: {
        tags: ['city'],
        summary: 'Sửa văn bản giao nhiệm vụ (nội dung, thời hạn, sản phẩm): nhiệm vụ của mọi xã/phường được cập nhật theo',
        params: ZDirectiveParams,
        body: ZCityDirectiveUpdate,
        response: { 200: ZCityDirectiveDetail },
      },
    },
    async (request) => updateDirective(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/city/directives/:id/communes',
    {
      schema: {
        tags: ['city'],
        summary: 'Giao thêm văn bản cho xã/phường khác (tất cả, hoặc được chọn)',
        params: ZDirectiveParams,
        body: ZDirectiveCommunesInput,
        response: { 200: ZCityDirectiveDetail },
      },
    },
    async (request) => addDirectiveCommunes(db, clock, actorOf(request), request.params.id, request.body.communes),
  );
};
