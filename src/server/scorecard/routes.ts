import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPlanIdParams, ZScorecard, ZScorecardQuery, ZTargetFigure, ZTargetFigureInput, ZTargetLink, ZTargetLinkInput, ZTargetParams } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { enterFigure, linkTarget, planScorecard } from './service';

export const scorecardRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.get(
    '/api/plans/:planId/scorecard',
    {
      schema: {
        tags: ['scorecard'],
        summary: 'Bảng theo dõi chỉ tiêu của kế hoạch: thực tế so với chỉ tiêu (đạt / chưa đạt / không có dữ liệu) và xu hướng theo tháng',
        params: ZPlanIdParams,
        querystring: ZScorecardQuery,
        response: { 200: ZScorecard },
      },
    },
    async (request) => planScorecard(db, actorOf(request), request.params.planId, request.query.asOf ?? clock.today()),
  );
  app.put(
    '/api/plans/:planId/targets/:targetId/link',
    {
      schema: {
        tags: ['scorecard'],
        summary: 'Gắn chỉ tiêu với một chỉ số tính từ hồ sơ, hoặc (null) với số liệu nhập tay',
        params: ZTargetParams,
        body: ZTargetLinkInput,
        response: { 200: ZTargetLink },
      },
    },
    async (request) => linkTarget(db, actorOf(request), request.params.planId, request.params.targetId, request.body.indicatorKey),
  );
  app.put(
    '/api/plans/:planId/targets/:targetId/figures',
    {
      schema: {
        tags: ['scorecard'],
        summary: 'Nhập số liệu thực tế theo tháng cho chỉ tiêu đo bằng tay (thu ngân sách, giải ngân …)',
        params: ZTargetParams,
        body: ZTargetFigureInput,
        response: { 200: ZTargetFigure },
      },
    },
    async (request) => enterFigure(db, actorOf(request), request.params.planId, request.params.targetId, request.body.month, request.body.value),
  );
};
