import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCityOverview, ZCityOverviewQuery } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { getCityOverview } from './service';

export const cityRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.get(
    '/api/city/overview',
    {
      schema: {
        tags: ['city'],
        summary: 'Toàn thành phố: từng xã/phường — kế hoạch hiện hành, nhiệm vụ quá hạn, nhiệm vụ thành phố giao, báo cáo theo kỳ; tổng của thành phố',
        querystring: ZCityOverviewQuery,
        response: { 200: ZCityOverview },
      },
    },
    async (request) => getCityOverview(db, actorOf(request), request.query.asOf ?? clock.today()),
  );
};
