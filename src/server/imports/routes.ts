import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCommuneIdParams, ZImportResult, ZPlanDetail, ZReviewedPlan } from '../../contract';
import type { ParsePool } from '../../importer/parse-pool';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { analyseDocument, authorizeImport, saveReviewedPlan } from './service';
import { readImportUpload } from './upload';

export const importRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock; parsePool: ParsePool }> = async (app, { db, clock, parsePool }) => {
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
      // Rights first: the multipart body is not parsed, let alone buffered, for someone who may not import here.
      await authorizeImport(db, actor, request.params.communeId);
      return analyseDocument(db, clock, actor, parsePool, request.params.communeId, await readImportUpload(request));
    },
  );
  app.post(
    '/api/communes/:communeId/imports/save',
    {
      schema: {
        tags: ['imports'],
        summary: 'Lưu kế hoạch đã rà soát: kế hoạch, nhiệm vụ, đơn vị và tên gọi mới',
        params: ZCommuneIdParams,
        body: ZReviewedPlan,
        response: { 201: ZPlanDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await saveReviewedPlan(db, clock, actorOf(request), request.params.communeId, request.body)),
  );
};
