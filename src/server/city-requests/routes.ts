import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCityRequest, ZCityRequestAnswerInput, ZCityRequestInput, ZCityRequestList, ZCityRequestParams, ZCityRequestQuery, ZCommuneIdParams } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { answerCityRequest, listCityRequests, sendCityRequest } from './service';

export const cityRequestRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.post(
    '/api/city/requests',
    {
      schema: {
        tags: ['city'],
        summary: 'Đôn đốc xã/phường về một nhiệm vụ trễ hạn, một kỳ báo cáo, hoặc việc chung (thông báo đến đầu mối CCHC và lãnh đạo xã)',
        body: ZCityRequestInput,
        response: { 201: ZCityRequest },
      },
    },
    async (request, reply) => reply.code(201).send(await sendCityRequest(db, clock, actorOf(request), request.body)),
  );
  app.get(
    '/api/communes/:communeId/city-requests',
    {
      schema: {
        tags: ['city'],
        summary: 'Các lần thành phố đôn đốc xã/phường (theo nhiệm vụ, kỳ báo cáo, hoặc chưa trả lời)',
        params: ZCommuneIdParams,
        querystring: ZCityRequestQuery,
        response: { 200: ZCityRequestList },
      },
    },
    async (request) => ({
      items: await listCityRequests(db, actorOf(request), request.params.communeId, {
        taskId: request.query.taskId,
        periodId: request.query.periodId,
        open: request.query.open === 'true',
      }),
    }),
  );
  app.post(
    '/api/communes/:communeId/city-requests/:id/answer',
    {
      schema: {
        tags: ['city'],
        summary: 'Xã/phường trả lời yêu cầu đôn đốc của thành phố (đầu mối CCHC hoặc lãnh đạo)',
        params: ZCityRequestParams,
        body: ZCityRequestAnswerInput,
        response: { 200: ZCityRequest },
      },
    },
    async (request) => answerCityRequest(db, clock, actorOf(request), request.params.communeId, request.params.id, request.body),
  );
};
