import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  binaryResponse,
  ZCityReports,
  ZCityReportsQuery,
  ZGeneratedPeriods,
  ZGeneratePeriodsInput,
  ZId,
  ZPeriodUpdate,
  ZPeriodWithReports,
  ZReport,
  ZReportActionInput,
  ZReportActionParams,
  ZReportEdit,
  ZReportPeriod,
  ZReportTemplateVersion,
  ZTemplateExcelQuery,
  ZTemplateInput,
} from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { invalid } from '../errors';
import { buildReportDocx, buildReportWorkbook } from './export';
import { cityOverview, consolidateCommuneReport, generatePeriods, getReport, listPeriods, openUnitReport, transitionReport, updatePeriod, updateReport } from './service';
import { createTemplate, createTemplateFromExcel, listTemplates } from './templates';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock }> = async (app, { db, clock }) => {
  app.get(
    '/api/report-templates',
    { schema: { tags: ['reports'], summary: 'Các mẫu báo cáo (mọi phiên bản)', response: { 200: z.array(ZReportTemplateVersion) } } },
    async (request) => listTemplates(db, actorOf(request)),
  );

  app.post(
    '/api/report-templates',
    { schema: { tags: ['reports'], summary: 'Nạp phiên bản mẫu báo cáo mới (JSON; quản trị thành phố)', body: ZTemplateInput, response: { 201: ZReportTemplateVersion } } },
    async (request, reply) => reply.status(201).send(await createTemplate(db, actorOf(request), request.body)),
  );

  app.post(
    '/api/report-templates/excel',
    {
      schema: {
        tags: ['reports'],
        summary: 'Nạp mẫu báo cáo từ đề cương Excel (cột level, code, title, kind, key, unit, partOf, area)',
        consumes: ['multipart/form-data'],
        querystring: ZTemplateExcelQuery,
        response: { 201: ZReportTemplateVersion },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
      if (!part) throw invalid('Chưa chọn tệp Excel.');
      const data = await part.toBuffer();
      return reply.status(201).send(await createTemplateFromExcel(db, actorOf(request), data, request.query));
    },
  );

  app.get(
    '/api/plans/:id/report-periods',
    { schema: { tags: ['reports'], summary: 'Các kỳ báo cáo của kế hoạch và báo cáo trong từng kỳ', params: ZId, response: { 200: z.array(ZPeriodWithReports) } } },
    async (request) => listPeriods(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/plans/:id/report-periods',
    {
      schema: {
        tags: ['reports'],
        summary: 'Lập các kỳ báo cáo từ chế độ báo cáo của kế hoạch (đọc từ văn bản, mặc định ngày 05/10 tháng cuối quý, 05/12 và 10/12)',
        params: ZId,
        body: ZGeneratePeriodsInput,
        response: { 201: ZGeneratedPeriods },
      },
    },
    async (request, reply) => reply.status(201).send(await generatePeriods(db, actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/report-periods/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Sửa hạn báo cáo hoặc mẫu của một kỳ',
        params: ZId,
        body: ZPeriodUpdate,
        response: { 200: ZReportPeriod },
      },
    },
    async (request) => updatePeriod(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/report-periods/:id/unit-report',
    { schema: { tags: ['reports'], summary: 'Mở (hoặc lấy) báo cáo của đơn vị mình trong kỳ', params: ZId, response: { 200: ZReport } } },
    async (request) => openUnitReport(db, clock, actorOf(request), request.params.id),
  );

  app.post(
    '/api/report-periods/:id/consolidate',
    { schema: { tags: ['reports'], summary: 'Tổng hợp báo cáo của xã từ các báo cáo đơn vị đã chấp nhận', params: ZId, response: { 200: ZReport } } },
    async (request) => consolidateCommuneReport(db, clock, actorOf(request), request.params.id),
  );

  app.get(
    '/api/reports/city',
    {
      schema: {
        tags: ['reports'],
        summary: 'Thành phố: báo cáo của mọi xã trong một kỳ (đúng hạn, trễ, chưa gửi) và bảng so sánh số liệu',
        querystring: ZCityReportsQuery,
        response: { 200: ZCityReports },
      },
    },
    async (request) => cityOverview(db, clock, actorOf(request), request.query.code),
  );

  app.get(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Một báo cáo: mẫu, số liệu (tự tính: đã chốt và hiện tại), nội dung, quyền thao tác',
        params: ZId,
        response: { 200: ZReport },
      },
    },
    async (request) => getReport(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Nhập số liệu, nội dung, ngày lấy số liệu (khi báo cáo còn là dự thảo hoặc bị trả lại)',
        params: ZId,
        body: ZReportEdit,
        response: { 200: ZReport },
      },
    },
    async (request) => updateReport(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/reports/:id/:action',
    {
      schema: {
        tags: ['reports'],
        summary: 'Chuyển bước: submit (đơn vị gửi), return / accept (đầu mối), approve (lãnh đạo), send (gửi thành phố), city_return (Sở Nội vụ trả lại)',
        params: ZReportActionParams,
        body: ZReportActionInput,
        response: { 200: ZReport },
      },
    },
    async (request) => transitionReport(db, clock, actorOf(request), request.params.id, request.params.action, request.body?.comment),
  );

  app.get(
    '/api/reports/:id/export.docx',
    { schema: { tags: ['reports'], summary: 'Báo cáo theo thể thức Nghị định 30/2020 (.docx)', params: ZId, response: { 200: binaryResponse(DOCX, 'Báo cáo .docx') } } },
    async (request, reply) => {
      const report = await getReport(db, actorOf(request), request.params.id);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', `attachment; filename="bao-cao-${report.id}.docx"`)
        .send(await buildReportDocx(report));
    },
  );

  app.get(
    '/api/reports/:id/export.xlsx',
    { schema: { tags: ['reports'], summary: 'Số liệu của báo cáo (.xlsx)', params: ZId, response: { 200: binaryResponse(XLSX, 'Số liệu .xlsx') } } },
    async (request, reply) => {
      const report = await getReport(db, actorOf(request), request.params.id);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="so-lieu-bao-cao-${report.id}.xlsx"`)
        .send(await buildReportWorkbook(report));
    },
  );
};
