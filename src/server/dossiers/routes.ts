import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  binaryResponse,
  ZCityIndicators,
  ZCommuneIdParams,
  ZCommuneIndicatorsQuery,
  ZDossierHeaders,
  ZDossierImportQuery,
  ZDossierMapping,
  ZDossierMappingInput,
  ZDossierMappingParams,
  ZImportProgress,
  ZImportProgressParams,
  ZIndicatorRows,
  ZIndicatorWindow,
  ZIngestResult,
  ZSyncInput,
  ZSyncToken,
} from '../../contract';
import { DOSSIER_FILE_LIMITS, TEMPLATE_CSV_HEADER } from '../../domain/indicators';
import { actorOf } from '../auth/plugin';
import { requireCommune } from '../communes/service';
import type { Db } from '../db';
import { AppError } from '../errors';
import { readOneUpload } from '../imports/upload';
import { progressOf, progressReporter } from './progress';
import { cityIndicators, cityIndicatorTable, communeIndicators, getMapping, importDossierFile, previewHeaders, rotateSyncToken, saveMapping, syncDossiers } from './service';

/** The one uploaded file of a multipart request, within this route's size limit (an empty file is refused here). */
async function uploadedFile(request: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  const { fileName, data } = await readOneUpload(request, DOSSIER_FILE_LIMITS.maxFileBytes);
  if (data.length === 0) throw new AppError('file_empty');
  return { fileName, data };
}

export const dossierRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/dossiers/template.csv',
    { schema: { tags: ['dossiers'], summary: 'Tệp mẫu CSV hồ sơ TTHC (UTF-8 có BOM, mở được bằng Excel)', response: { 200: binaryResponse('text/csv', 'Tệp mẫu CSV') } } },
    async (_request, reply) =>
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="mau-ho-so-tthc.csv"').send(`\ufeff${TEMPLATE_CSV_HEADER}\r\n`),
  );

  app.post(
    '/api/communes/:communeId/dossiers/import',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Nạp hồ sơ TTHC từ tệp CSV/XLSX: dòng hợp lệ được lưu (cập nhật theo mã hồ sơ), dòng lỗi được báo kèm số dòng',
        params: ZCommuneIdParams,
        querystring: ZDossierImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ZIngestResult },
      },
    },
    async (request) => {
      const { communeId } = request.params;
      const { source, uploadId } = request.query;
      // Only someone who may see the commune leaves a progress row in it.
      await requireCommune(db, actorOf(request), communeId);
      const progress = progressReporter(db, communeId, uploadId);
      progress.report({ phase: 'reading', done: 0, total: 0 });
      try {
        const file = await uploadedFile(request);
        return await importDossierFile(db, actorOf(request), communeId, { ...file, source }, (done, total) => progress.report({ phase: 'writing', done, total }));
      } finally {
        progress.report({ phase: 'done', done: 0, total: 0 });
        await progress.settled();
      }
    },
  );

  app.get(
    '/api/communes/:communeId/dossiers/import-progress/:uploadId',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Tiến độ xử lý một lượt tải tệp hồ sơ (đọc tệp, ghi từng lô) để hiện thanh tiến độ',
        params: ZImportProgressParams,
        response: { 200: ZImportProgress },
      },
    },
    async (request) => {
      // Only someone who may see the commune learns how its uploads go.
      await requireCommune(db, actorOf(request), request.params.communeId);
      return progressOf(db, request.params.communeId, request.params.uploadId);
    },
  );

  app.post(
    '/api/communes/:communeId/dossiers/headers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Đọc dòng tiêu đề của tệp (CSV: chỉ cần phần đầu tệp) và gợi ý trường hồ sơ cho từng cột',
        params: ZCommuneIdParams,
        querystring: ZDossierImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ZDossierHeaders },
      },
    },
    async (request) => previewHeaders(db, actorOf(request), request.params.communeId, { ...(await uploadedFile(request)), source: request.query.source }),
  );

  app.get(
    '/api/communes/:communeId/dossiers/mappings/:source',
    { schema: { tags: ['dossiers'], summary: 'Ánh xạ cột đã lưu của một nguồn xuất dữ liệu', params: ZDossierMappingParams, response: { 200: ZDossierMapping } } },
    async (request) => getMapping(db, actorOf(request), request.params.communeId, request.params.source),
  );
  app.put(
    '/api/communes/:communeId/dossiers/mappings/:source',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Lưu ánh xạ cột (tiêu đề trong tệp → trường hồ sơ) cho một nguồn',
        params: ZDossierMappingParams,
        body: ZDossierMappingInput,
        response: { 200: ZDossierMapping },
      },
    },
    async (request) => saveMapping(db, actorOf(request), request.params.communeId, request.params.source, request.body.mapping),
  );

  app.post(
    '/api/communes/:communeId/dossiers/sync-token',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Cấp lại mã đồng bộ hồ sơ của xã/phường (mã cũ hết hiệu lực; chỉ hiện một lần)',
        params: ZCommuneIdParams,
        response: { 201: ZSyncToken },
      },
    },
    async (request, reply) => reply.status(201).send(await rotateSyncToken(db, actorOf(request), request.params.communeId)),
  );

  app.post(
    '/api/sync/dossiers',
    {
      bodyLimit: 64 * 1024 * 1024,
      config: { public: true },
      schema: {
        tags: ['dossiers'],
        summary: 'Đồng bộ hồ sơ từ hệ thống một cửa (Authorization: Bearer <mã đồng bộ>); ghi vào đúng xã/phường của mã',
        body: ZSyncInput,
        response: { 200: ZIngestResult },
      },
    },
    async (request) => {
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      return syncDossiers(db, token, request.body.dossiers);
    },
  );

  app.get(
    '/api/communes/:communeId/indicators',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Chỉ số hồ sơ TTHC của xã/phường trong kỳ (toàn xã hoặc theo đơn vị / lĩnh vực / thủ tục)',
        params: ZCommuneIdParams,
        querystring: ZCommuneIndicatorsQuery,
        response: { 200: ZIndicatorRows },
      },
    },
    async (request) => {
      const { from, to, asOf, groupBy } = request.query;
      return communeIndicators(db, actorOf(request), request.params.communeId, { from, to, asOf: asOf ?? to }, groupBy);
    },
  );

  app.get(
    '/api/indicators/communes',
    { schema: { tags: ['dossiers'], summary: 'Chỉ số hồ sơ TTHC theo từng xã/phường của thành phố', querystring: ZIndicatorWindow, response: { 200: ZIndicatorRows } } },
    async (request) => {
      const { from, to, asOf } = request.query;
      return cityIndicators(db, actorOf(request), { from, to, asOf: asOf ?? to });
    },
  );

  app.get(
    '/api/indicators/city',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Bảng chỉ số hồ sơ TTHC của mọi xã/phường trong thành phố cho một kỳ, kèm số liệu toàn thành phố (tính từ tổng số hồ sơ)',
        querystring: ZIndicatorWindow,
        response: { 200: ZCityIndicators },
      },
    },
    async (request) => {
      const { from, to, asOf } = request.query;
      return cityIndicatorTable(db, actorOf(request), { from, to, asOf: asOf ?? to });
    },
  );
};
