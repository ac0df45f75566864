import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZChecklistItem,
  ZChecklistItemParams,
  ZChecklistItemUpdate,
  ZCommuneIdParams,
  ZConcludeInput,
  ZCoverageQuery,
  ZDateCheck,
  ZFileMeta,
  ZFinding,
  ZFindingList,
  ZFindingListQuery,
  ZFindingReviewInput,
  ZFindingUpdate,
  ZFixReportInput,
  ZId,
  ZInspection,
  ZInspectionCoverage,
  ZInspectionDateCheckQuery,
  ZInspectionInput,
  ZInspectionList,
  ZInspectionListQuery,
  ZInspectionPlan,
  ZInspectionPlanInput,
  ZInspectionPlanList,
  ZInspectionPlanListQuery,
  ZInspectionPlanStatusInput,
  ZInspectionPlanUpdate,
  ZInspectionUpdate,
  ZInspectionVersionInput,
  ZNoContent,
  ZReInspectionInput,
  ZReport,
  ZSignedDocumentParams,
  ZTeamInput,
} from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import { requireCommune } from '../communes/service';
import type { Db } from '../db';
import { AppError } from '../errors';
import { MAX_FILE_BYTES } from '../files/file-types';
import type { Upload } from '../files/service';
import { coverageOf } from './coverage';
import { attachInspectionFile, requireInspectionUploader, requireSignedUploader, uploadSigned } from './files';
import { getFinding, listFindings, reportFix, reviewFinding, updateFinding } from './findings';
import {
  checkInspectionDate,
  closeInspection,
  concludeInspection,
  createInspectionPlan,
  deleteInspection,
  deleteInspectionPlan,
  getInspection,
  getInspectionPlan,
  getSelfReport,
  listInspectionPlans,
  listInspections,
  markVisited,
  notifyInspection,
  planReInspection,
  scheduleInspection,
  setInspectionPlanStatus,
  setInspectionTeam,
  updateChecklistItem,
  updateInspection,
  updateInspectionPlan,
} from './service';

const tags = ['inspections'];

export const inspectionRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock; uploadDir: string }> = async (app, { db, clock, uploadDir }) => {
  // ---------- plans ----------
  app.get(
    '/api/communes/:communeId/inspection-plans',
    {
      schema: {
        tags,
        summary: 'Kế hoạch kiểm tra CCHC của xã/phường trong năm, với độ bao phủ so với chỉ tiêu',
        params: ZCommuneIdParams,
        querystring: ZInspectionPlanListQuery,
        response: { 200: ZInspectionPlanList },
      },
    },
    async (request) => listInspectionPlans(db, clock, actorOf(request), request.params.communeId, request.query.year),
  );
  app.post(
    '/api/communes/:communeId/inspection-plans',
    { schema: { tags, summary: 'Lập kế hoạch kiểm tra CCHC (đầu mối CCHC, lãnh đạo)', params: ZCommuneIdParams, body: ZInspectionPlanInput, response: { 201: ZInspectionPlan } } },
    async (request, reply) => reply.code(201).send(await createInspectionPlan(db, clock, actorOf(request), request.params.communeId, request.body)),
  );
  app.get(
    '/api/communes/:communeId/inspection-coverage',
    {
      schema: {
        tags,
        summary: 'Số đơn vị đã được kiểm tra trong năm so với chỉ tiêu (≥ 30 % hoặc 100 %)',
        params: ZCommuneIdParams,
        querystring: ZCoverageQuery,
        response: { 200: ZInspectionCoverage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const commune = await requireCommune(db, actor, request.params.communeId);
      const today = clock.today();
      return coverageOf(db, actor, commune, request.query.year ?? Number(today.slice(0, 4)), today);
    },
  );
  app.get(
    '/api/inspection-plans/:id',
    { schema: { tags, summary: 'Một kế hoạch kiểm tra: phạm vi, đoàn, lịch kiểm tra từng đơn vị', params: ZId, response: { 200: ZInspectionPlan } } },
    async (request) => getInspectionPlan(db, clock, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/inspection-plans/:id',
    { schema: { tags, summary: 'Sửa kế hoạch kiểm tra (chỉ các trường gửi lên)', params: ZId, body: ZInspectionPlanUpdate, response: { 200: ZInspectionPlan } } },
    async (request) => updateInspectionPlan(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inspection-plans/:id/status',
    { schema: { tags, summary: 'Ban hành hoặc kết thúc kế hoạch kiểm tra', params: ZId, body: ZInspectionPlanStatusInput, response: { 200: ZInspectionPlan } } },
    async (request) => setInspectionPlanStatus(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/inspection-plans/:id',
    { schema: { tags, summary: 'Xóa kế hoạch kiểm tra dự thảo chưa có cuộc kiểm tra', params: ZId, response: { 204: ZNoContent } } },
    async (request, reply) => {
      await deleteInspectionPlan(db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---------- inspections ----------
  app.get(
    '/api/inspections/date-check',
    { schema: { tags, summary: 'Các hạn theo quy định và cảnh báo của một ngày kiểm tra, trước khi lưu', querystring: ZInspectionDateCheckQuery, response: { 200: ZDateCheck } } },
    async (request) => checkInspectionDate(db, clock, actorOf(request), request.query.planId, request.query.visitDate, request.query.surprise ?? false),
  );
  app.post(
    '/api/inspection-plans/:id/inspections',
    { schema: { tags, summary: 'Lên lịch kiểm tra một đơn vị (cảnh báo khi ngày không đúng quy định)', params: ZId, body: ZInspectionInput, response: { 201: ZInspection } } },
    async (request, reply) => reply.code(201).send(await scheduleInspection(db, clock, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/communes/:communeId/inspections',
    {
      schema: {
        tags,
        summary: 'Các cuộc kiểm tra người dùng được biết (đơn vị: chỉ của mình; đột xuất: từ ngày kiểm tra)',
        params: ZCommuneIdParams,
        querystring: ZInspectionListQuery,
        response: { 200: ZInspectionList },
      },
    },
    async (request) => ({ inspections: await listInspections(db, clock, actorOf(request), request.params.communeId, request.query) }),
  );
  app.get(
    '/api/inspections/:id',
    { schema: { tags, summary: 'Một cuộc kiểm tra: lịch, đoàn, danh mục kiểm tra, kiến nghị', params: ZId, response: { 200: ZInspection } } },
    async (request) => getInspection(db, clock, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/inspections/:id',
    { schema: { tags, summary: 'Đổi ngày, hình thức hoặc hạn báo cáo của cuộc kiểm tra', params: ZId, body: ZInspectionUpdate, response: { 200: ZInspection } } },
    async (request) => updateInspection(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.delete('/api/inspections/:id', { schema: { tags, summary: 'Bỏ một cuộc kiểm tra chưa thông báo', params: ZId, response: { 204: ZNoContent } } }, async (request, reply) => {
    await deleteInspection(db, clock, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
  app.put(
    '/api/inspections/:id/team',
    { schema: { tags, summary: 'Thành phần Đoàn kiểm tra của cuộc kiểm tra (Trưởng đoàn, thành viên)', params: ZId, body: ZTeamInput, response: { 200: ZInspection } } },
    async (request) => setInspectionTeam(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inspections/:id/notify',
    { schema: { tags, summary: 'Gửi thông báo lịch kiểm tra đến đơn vị và mở báo cáo theo đề cương', params: ZId, body: ZInspectionVersionInput, response: { 200: ZInspection } } },
    async (request) => notifyInspection(db, clock, actorOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/inspections/:id/self-report',
    { schema: { tags, summary: 'Báo cáo của đơn vị theo đề cương (Đoàn kiểm tra đọc trước buổi kiểm tra)', params: ZId, response: { 200: ZReport } } },
    async (request) => getSelfReport(db, clock, actorOf(request), request.params.id),
  );
  app.post(
    '/api/inspections/:id/visit',
    { schema: { tags, summary: 'Ghi nhận đã kiểm tra trực tiếp tại đơn vị', params: ZId, body: ZInspectionVersionInput, response: { 200: ZInspection } } },
    async (request) => markVisited(db, clock, actorOf(request), request.params.id, request.body.version),
  );
  app.patch(
    '/api/inspections/:id/checklist/:itemId',
    {
      schema: {
        tags,
        summary: 'Lưu kết quả một nội dung kiểm tra (409 kèm giá trị hiện tại khi phiên bản đã cũ)',
        params: ZChecklistItemParams,
        body: ZChecklistItemUpdate,
        response: { 200: ZChecklistItem },
      },
    },
    async (request) => updateChecklistItem(db, clock, actorOf(request), request.params.id, request.params.itemId, request.body),
  );
  app.post(
    '/api/inspections/:id/conclude',
    {
      schema: {
        tags,
        summary: 'Trưởng đoàn kết luận: các nội dung chưa đạt có yêu cầu thành kiến nghị khắc phục',
        params: ZId,
        body: ZConcludeInput,
        response: { 200: ZInspection },
      },
    },
    async (request) => concludeInspection(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inspections/:id/close',
    { schema: { tags, summary: 'Đóng cuộc kiểm tra khi mọi kiến nghị đã được chấp nhận', params: ZId, body: ZInspectionVersionInput, response: { 200: ZInspection } } },
    async (request) => closeInspection(db, clock, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/inspections/:id/re-inspections',
    { schema: { tags, summary: 'Lên lịch phúc tra các kiến nghị chưa được chấp nhận', params: ZId, body: ZReInspectionInput, response: { 201: ZInspection } } },
    async (request, reply) => reply.code(201).send(await planReInspection(db, clock, actorOf(request), request.params.id, request.body)),
  );

  // ---------- files ----------
  /** The one multipart file of a request, read only after the rights were checked (same limits as task evidence). */
  const readUpload = async (request: FastifyRequest): Promise<Upload> => {
    const part = await request.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
    if (!part) throw new AppError('file_empty');
    const data = await part.toBuffer();
    if (part.file.truncated) throw new AppError('file_too_large', { max: '20 MB' });
    return { fileName: part.filename, data };
  };
  app.post(
    '/api/inspections/:id/files',
    {
      schema: {
        tags,
        summary: 'Tải lên tài liệu kiểm chứng của cuộc kiểm tra (multipart, trường "file", tối đa 20 MB)',
        params: ZId,
        consumes: ['multipart/form-data'],
        response: { 201: ZFileMeta },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const access = await requireInspectionUploader(db, clock, actor, request.params.id);
      return reply.status(201).send(await attachInspectionFile(db, actor, uploadDir, access, await readUpload(request)));
    },
  );
  app.post(
    '/api/inspections/:id/signed/:kind',
    {
      schema: {
        tags,
        summary: 'Tải lên bản đã ký của biên bản hoặc thông báo kết luận kiểm tra (Trưởng đoàn, đầu mối CCHC)',
        params: ZSignedDocumentParams,
        consumes: ['multipart/form-data'],
        response: { 200: ZInspection },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const access = await requireSignedUploader(db, clock, actor, request.params.id);
      return uploadSigned(db, clock, actor, uploadDir, access, request.params.kind, await readUpload(request));
    },
  );

  // ---------- findings ----------
  app.get(
    '/api/communes/:communeId/inspection-findings',
    {
      schema: {
        tags,
        summary: 'Kiến nghị sau kiểm tra (theo đơn vị, trạng thái, quá hạn)',
        params: ZCommuneIdParams,
        querystring: ZFindingListQuery,
        response: { 200: ZFindingList },
      },
    },
    async (request) => ({ findings: await listFindings(db, clock, actorOf(request), request.params.communeId, request.query) }),
  );
  app.get('/api/inspection-findings/:id', { schema: { tags, summary: 'Một kiến nghị và quá trình khắc phục', params: ZId, response: { 200: ZFinding } } }, async (request) =>
    getFinding(db, clock, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/inspection-findings/:id',
    { schema: { tags, summary: 'Đổi hạn hoặc đơn vị chịu trách nhiệm khắc phục', params: ZId, body: ZFindingUpdate, response: { 200: ZFinding } } },
    async (request) => updateFinding(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inspection-findings/:id/fix',
    { schema: { tags, summary: 'Đơn vị báo cáo kết quả khắc phục, kèm tài liệu kiểm chứng', params: ZId, body: ZFixReportInput, response: { 200: ZFinding } } },
    async (request) => reportFix(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inspection-findings/:id/review',
    { schema: { tags, summary: 'Đoàn kiểm tra chấp nhận hoặc yêu cầu khắc phục lại', params: ZId, body: ZFindingReviewInput, response: { 200: ZFinding } } },
    async (request) => reviewFinding(db, clock, actorOf(request), request.params.id, request.body),
  );
};
