import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIsoDate } from '../../contract';
import { ZReportingRegimeFields } from '../../domain/reports';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { invalid } from '../errors';
import { buildReportDocx, buildReportWorkbook } from './export';
import { cityOverview, consolidateCommuneReport, generatePeriods, getReport, listPeriods, openUnitReport, transitionReport, updatePeriod, updateReport } from './service';
import { createTemplate, createTemplateFromExcel, listTemplates } from './templates';

const ZFigureValue = z.number().finite().nullable();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/report-templates', { schema: { tags: ['reports'], summary: 'Các mẫu báo cáo (mọi phiên bản)' } }, async (request) => listTemplates(db, actorOf(request)));

  app.post(
    '/api/report-templates',
    { schema: { tags: ['reports'], summary: 'Nạp phiên bản mẫu báo cáo mới (JSON; quản trị thành phố)', body: z.object({}).passthrough() } },
    async (request, reply) => reply.status(201).send(await createTemplate(db, actorOf(request), request.body)),
  );

  app.post(
    '/api/report-templates/excel',
    {
      schema: {
        tags: ['reports'],
        summary: 'Nạp mẫu báo cáo từ đề cương Excel (cột level, code, title, kind, key, unit, partOf, area)',
        consumes: ['multipart/form-data'],
        querystring: z.object({ key: z.string().min(1).max(60), name: z.string().min(1).max(1000) }),
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
      if (!part) throw invalid('Chưa chọn tệp Excel.');
      const data = await part.toBuffer();
      return reply.status(201).send(await createTemplateFromExcel(db, actorOf(request), data, request.query));
    },
  );

  app.get('/api/plans/:id/report-periods', { schema: { tags: ['reports'], summary: 'Các kỳ báo cáo của kế hoạch và báo cáo trong từng kỳ', params: ZId } }, async (request) =>
    listPeriods(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/plans/:id/report-periods',
    {
      schema: {
        tags: ['reports'],
        summary: 'Lập các kỳ báo cáo từ chế độ báo cáo của kế hoạch (đọc từ văn bản, mặc định ngày 05/10 tháng cuối quý, 05/12 và 10/12)',
        params: ZId,
        body: z.object({ templateKey: z.string().min(1).max(60), regime: ZReportingRegimeFields.partial().optional() }),
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
        body: z.object({ unitDeadline: ZIsoDate.optional(), communeDeadline: ZIsoDate.optional(), templateId: z.number().int().positive().optional() }),
      },
    },
    async (request) => updatePeriod(db, actorOf(request), request.params.id, request.body),
  );

  app.post('/api/report-periods/:id/unit-report', { schema: { tags: ['reports'], summary: 'Mở (hoặc lấy) báo cáo của đơn vị mình trong kỳ', params: ZId } }, async (request) =>
    openUnitReport(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/report-periods/:id/consolidate',
    { schema: { tags: ['reports'], summary: 'Tổng hợp báo cáo của xã từ các báo cáo đơn vị đã chấp nhận', params: ZId } },
    async (request) => consolidateCommuneReport(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/reports/city',
    {
      schema: {
        tags: ['reports'],
        summary: 'Thành phố: báo cáo của mọi xã trong một kỳ (đúng hạn, trễ, chưa gửi) và bảng so sánh số liệu',
        querystring: z.object({ code: z.string().regex(/^\d{4}-(Q[1-4]|H1|Y)$/, 'Mã kỳ dạng 2025-Q3, 2026-H1, 2026-Y') }),
      },
    },
    async (request) => cityOverview(db, actorOf(request), request.query.code),
  );

  app.get(
    '/api/reports/:id',
    { schema: { tags: ['reports'], summary: 'Một báo cáo: mẫu, số liệu (tự tính: đã chốt và hiện tại), nội dung, quyền thao tác', params: ZId } },
    async (request) => getReport(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Nhập số liệu, nội dung, ngày lấy số liệu (khi báo cáo còn là dự thảo hoặc bị trả lại)',
        params: ZId,
        body: z.object({
          version: z.number().int().positive(),
          asOf: ZIsoDate.optional(),
          values: z.record(z.string(), ZFigureValue).optional(),
          narratives: z.record(z.string(), z.string().max(20000)).optional(),
        }),
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
        params: z.object({ id: z.coerce.number().int().positive(), action: z.enum(['submit', 'return', 'accept', 'approve', 'send', 'city_return']) }),
        body: z.object({ comment: z.string().max(5000).optional() }).optional(),
      },
    },
    async (request) => transitionReport(db, actorOf(request), request.params.id, request.params.action, request.body?.comment),
  );

  app.get('/api/reports/:id/export.docx', { schema: { tags: ['reports'], summary: 'Báo cáo theo thể thức Nghị định 30/2020 (.docx)', params: ZId } }, async (request, reply) => {
    const report = await getReport(db, actorOf(request), request.params.id);
    return reply
      .header('content-type', DOCX)
      .header('content-disposition', `attachment; filename="bao-cao-${report.id}.docx"`)
      .send(await buildReportDocx(report));
  });

  app.get('/api/reports/:id/export.xlsx', { schema: { tags: ['reports'], summary: 'Số liệu của báo cáo (.xlsx)', params: ZId } }, async (request, reply) => {
    const report = await getReport(db, actorOf(request), request.params.id);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="so-lieu-bao-cao-${report.id}.xlsx"`)
      .send(await buildReportWorkbook(report));
  });
};
