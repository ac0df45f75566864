import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_LIMITS } from '../../importer';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { AppError } from '../errors';
import { ZPlanInput } from '../plans/schema';
import { analyseDocument, saveReviewedPlan } from './service';

const ZCommuneParams = z.object({ communeId: z.coerce.number().int().positive() });

const ZUnitChoice = z.object({
  name: z.string().trim().min(1).max(300),
  unitId: z.number().int().positive().nullable().optional(),
  addAlias: z.boolean().optional(),
  newUnitKind: z.enum(['internal', 'catch_all', 'outside']).optional(),
});

const ZReviewedPlan = z.object({
  plan: ZPlanInput.omit({ communeId: true }),
  tasks: z
    .array(
      z.object({
        area: z.number().int().min(1, 'Lĩnh vực từ I đến VII').max(7, 'Lĩnh vực từ I đến VII'),
        number: z.number().int().min(1).max(10_000).nullable().optional(),
        content: z.string().trim().min(1, 'Nội dung nhiệm vụ không được để trống').max(5000),
        lead: z.array(ZUnitChoice).max(20),
        coordinators: z.array(ZUnitChoice).max(40),
        timeframeText: z.string().trim().max(1000),
        product: z.string().trim().max(3000).optional(),
      }),
    )
    .min(1, 'Kế hoạch cần ít nhất một nhiệm vụ')
    .max(500),
});

export const importRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.post(
    '/api/communes/:communeId/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Đọc kế hoạch từ tệp Word/PDF/văn bản thành bản nháp để rà soát (không lưu gì)',
        params: ZCommuneParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const part = await request.file({ limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1 } });
      if (!part) throw new AppError('file_empty');
      const data = await part.toBuffer();
      return analyseDocument(db, clock, actor, request.params.communeId, { fileName: part.filename, data, mimeType: part.mimetype });
    },
  );
  app.post(
    '/api/communes/:communeId/imports/save',
    { schema: { tags: ['imports'], summary: 'Lưu kế hoạch đã rà soát: kế hoạch, nhiệm vụ, đơn vị và tên gọi mới', params: ZCommuneParams, body: ZReviewedPlan } },
    async (request, reply) => reply.status(201).send(await saveReviewedPlan(db, clock, actorOf(request), request.params.communeId, request.body)),
  );
};
