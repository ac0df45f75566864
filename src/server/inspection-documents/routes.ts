import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { binaryResponse, ZCommuneIdParams, ZId, ZInspectionPlanImport } from '../../contract';
import type { ParsePool } from '../../importer/parse-pool';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { authorizeImport } from '../imports/service';
import { readImportUpload } from '../imports/upload';
import { conclusionDocx, importInspectionPlan, minutesDocx } from './service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const tags = ['inspections'];

export const inspectionDocumentRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock; parsePool: ParsePool }> = async (app, { db, clock, parsePool }) => {
  app.get(
    '/api/inspections/:id/minutes.docx',
    {
      schema: {
        tags,
        summary: 'Biên bản kiểm tra theo thể thức Nghị định 30/2020 (.docx), từ kết quả đã ghi',
        params: ZId,
        response: { 200: binaryResponse(DOCX, 'Biên bản .docx') },
      },
    },
    async (request, reply) => {
      const { inspection, bytes } = await minutesDocx(db, clock, actorOf(request), request.params.id);
      return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="bien-ban-kiem-tra-${inspection.id}.docx"`).send(bytes);
    },
  );

  app.get(
    '/api/inspections/:id/conclusion.docx',
    {
      schema: {
        tags,
        summary: 'Thông báo kết luận kiểm tra theo thể thức Nghị định 30/2020 (.docx)',
        params: ZId,
        response: { 200: binaryResponse(DOCX, 'Thông báo kết luận .docx') },
      },
    },
    async (request, reply) => {
      const { inspection, bytes } = await conclusionDocx(db, clock, actorOf(request), request.params.id);
      return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="thong-bao-ket-luan-${inspection.id}.docx"`).send(bytes);
    },
  );

  app.post(
    '/api/communes/:communeId/inspection-plans/import',
    {
      schema: {
        tags,
        summary: 'Đọc kế hoạch kiểm tra CCHC từ tệp Word/PDF/văn bản thành bản nháp để rà soát (không lưu gì)',
        params: ZCommuneIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: ZInspectionPlanImport },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // Rights first: the upload is not read for someone who may not create plans here.
      await authorizeImport(db, actor, request.params.communeId);
      return importInspectionPlan(db, clock, actor, parsePool, request.params.communeId, await readImportUpload(request));
    },
  );
};
