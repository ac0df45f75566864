import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseTimeframe } from '../../domain/timeframe';
import { invalid } from '../errors';
import { ZIsoDate, zText } from '../http/schemas';

/** Lets the task form show how a time-frame text will be understood before it is saved. */
export const timeframeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/timeframe/parse',
    {
      schema: {
        tags: ['timeframe'],
        summary: 'Phân tích thời gian thực hiện viết bằng lời thành lịch hạn',
        body: z.object({ text: zText(1000, { trim: false }), periodStart: ZIsoDate, periodEnd: ZIsoDate }),
      },
    },
    async (request) => {
      const { text, periodStart, periodEnd } = request.body;
      if (periodStart > periodEnd) throw invalid('Ngày bắt đầu kỳ phải trước ngày kết thúc.');
      return parseTimeframe(text, { start: periodStart, end: periodEnd });
    },
  );
};
