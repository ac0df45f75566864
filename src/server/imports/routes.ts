import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCommuneIdParams, ZImportResult, ZPlanDetail, ZReviewedPlan } from '../../contract';
import { IMPORT_LIMITS } from '../../importer';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { AppError } from '../errors';
import { analyseDocument, saveReviewedPlan } from './service';

export const importRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/communes/:communeId/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Đọc kế hoạch từ tệp Word/PDF/văn bản thành bản nháp để rà soát (không lưu gì)',
        params: ZCommuneIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const part = await request.file({ limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1 } });
      if (!part) throw new AppError('file_empty');
      const data = await part.toBuffer();
      return analyseDocument(db, actor, request.params.communeId, { fileName: part.filename, data, mimeType: part.mimetype });
    },
  );
  app.post(
    '/api/communes/:communeId/imports/save',
    { schema: { tags: ['imports'], summary: 'Lưu kế hoạch đã rà soát: kế hoạch, nhiệm vụ, đơn vị và tên gọi mới', params: ZCommuneIdParams, body: ZReviewedPlan, response: { 201: ZPlanDetail } } },
    async (request, reply) => reply.status(201).send(await saveReviewedPlan(db, actorOf(request), request.params.communeId, request.body)),
  );
};
