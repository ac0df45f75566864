import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_LIMITS } from '../../importer';
import { createParsePool } from '../../importer/parse-pool';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { AppError } from '../errors';
import { zId, zIdParam, zInt, zKeyedName, zText } from '../http/schemas';
import { ZPlanInput } from '../plans/schema';
import { analyseDocument, authorizeImport, saveReviewedPlan } from './service';

const ZCommuneParams = z.object({ communeId: zIdParam() });

const ZUnitChoice = z.object({
  name: zKeyedName(300, { min: 1 }),
  unitId: zId().nullable().optional(),
  addAlias: z.boolean().optional(),
  newUnitKind: z.enum(['internal', 'catch_all', 'outside']).optional(),
});

const ZReviewedPlan = z.object({
  plan: ZPlanInput.omit({ communeId: true }),
  tasks: z
    .array(
      z.object({
        area: zInt(1, 7, 'Lĩnh vực từ I đến VII'),
        number: zInt(1, 10_000).nullable().optional(),
        content: zText(5000, { min: 1, minMessage: 'Nội dung nhiệm vụ không được để trống' }),
        lead: z.array(ZUnitChoice).max(20),
        coordinators: z.array(ZUnitChoice).max(40),
        timeframeText: zText(1000),
        product: zText(3000).optional(),
      }),
    )
    .min(1, 'Kế hoạch cần ít nhất một nhiệm vụ')
    .max(500),
});

export const importRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const parsePool = createParsePool();
  // A listening server starts its first parse worker now, so the first document does not wait for it.
  app.addHook('onListen', async () => parsePool.warm());
  app.addHook('onClose', async () => parsePool.destroy());
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
      // Rights first: the multipart body is not parsed, let alone buffered, for someone who may not import here.
      await authorizeImport(db, actor, request.params.communeId);
      const part = await request.file({ limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1 } });
      if (!part) throw new AppError('file_empty');
      const data = await part.toBuffer();
      return analyseDocument(db, actor, parsePool, request.params.communeId, { fileName: part.filename, data, mimeType: part.mimetype });
    },
  );
  app.post(
    '/api/communes/:communeId/imports/save',
    { schema: { tags: ['imports'], summary: 'Lưu kế hoạch đã rà soát: kế hoạch, nhiệm vụ, đơn vị và tên gọi mới', params: ZCommuneParams, body: ZReviewedPlan } },
    async (request, reply) => reply.status(201).send(await saveReviewedPlan(db, actorOf(request), request.params.communeId, request.body)),
  );
};
