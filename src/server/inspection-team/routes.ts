import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCommuneIdParams, ZTeamCandidateList } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { listTeamCandidates } from './service';

export const inspectionTeamRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/communes/:communeId/inspection-team-candidates',
    {
      schema: {
        tags: ['inspections'],
        summary: 'Người của xã/phường có thể cử vào Đoàn kiểm tra (kèm đơn vị)',
        params: ZCommuneIdParams,
        response: { 200: ZTeamCandidateList },
      },
    },
    async (request) => listTeamCandidates(db, actorOf(request), request.params.communeId),
  );
};
