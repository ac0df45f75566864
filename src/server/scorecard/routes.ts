import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INDICATOR_KEYS } from '../../domain/indicators';
import { isIsoDate } from '../../domain/calendar/dates';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { enterFigure, linkTarget, planScorecard } from './service';

const ZPlanParams = z.object({ planId: z.coerce.number().int().positive() });
const ZTargetParams = ZPlanParams.extend({ targetId: z.coerce.number().int().positive() });

export const scorecardRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.get(
    '/api/plans/:planId/scorecard',
    {
      schema: {
        tags: ['scorecard'],
        summary: 'Bảng theo dõi chỉ tiêu của kế hoạch: thực tế so với chỉ tiêu (đạt / chưa đạt / không có dữ liệu) và xu hướng theo tháng',
        params: ZPlanParams,
        querystring: z.object({ asOf: z.string().refine(isIsoDate, 'Ngày phải có dạng YYYY-MM-DD').optional() }),
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
        body: z.object({ indicatorKey: z.enum(INDICATOR_KEYS).nullable() }),
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
        body: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng có dạng YYYY-MM'), value: z.number().finite() }),
      },
    },
    async (request) => enterFigure(db, actorOf(request), request.params.planId, request.params.targetId, request.body.month, request.body.value),
  );
};
