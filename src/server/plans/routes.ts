import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  binaryResponse,
  fileDownloadResponse,
  type TPlanDetail,
  ZAmendment,
  ZAmendmentInput,
  ZAsOfQuery,
  ZCarryOver,
  ZCarryOverResult,
  ZDecideAmendment,
  ZId,
  ZIssuePlan,
  ZNoContent,
  ZPlanAmendments,
  ZPlanCreate,
  ZPlanDetail,
  ZPlanQuery,
  ZPlanSummaryList,
  ZPlanTaskQuery,
  ZPlanUpdate,
  ZProposal,
  ZProposalInput,
  ZTaskDetail,
  ZTaskInput,
  ZTaskList,
  ZVersionDiff,
  ZVersionDiffQuery,
} from '../../contract';
import type { Actor } from '../access/actor';
import { canManageCommune, ensure } from '../access/policy';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { AppError } from '../errors';
import { createPlanTask } from '../tasks/commands';
import { listTasks } from '../tasks/read-model';
import { decideAmendment, gatherAmendment, getPlanAmendments, proposeChange, versionDiff } from './amendments';
import { buildPlanWorkbook } from './export';
import { attachDocument, carryOver, closePlan, deletePlan, issuePlan, openDocument, returnPlan, submitPlan } from './life';
import { createPlan, getPlan, listPlans, requirePlan, updatePlan } from './service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const planRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock; uploadDir: string }> = async (app, { db, clock, uploadDir }) => {
  app.get('/api/plans', { schema: { tags: ['plans'], summary: 'Danh sách kế hoạch', querystring: ZPlanQuery, response: { 200: ZPlanSummaryList } } }, async (request) =>
    listPlans(db, actorOf(request), request.query.asOf ?? clock.today(), request.query.communeId),
  );
  app.post('/api/plans', { schema: { tags: ['plans'], summary: 'Tạo kế hoạch (dự thảo)', body: ZPlanCreate, response: { 201: ZPlanDetail } } }, async (request, reply) =>
    reply.status(201).send(await createPlan(db, clock, actorOf(request), request.body)),
  );
  app.get(
    '/api/plans/:id',
    { schema: { tags: ['plans'], summary: 'Chi tiết kế hoạch và chỉ tiêu', params: ZId, querystring: ZAsOfQuery, response: { 200: ZPlanDetail } } },
    async (request) => getPlan(db, actorOf(request), request.params.id, request.query.asOf ?? clock.today()),
  );
  app.patch('/api/plans/:id', { schema: { tags: ['plans'], summary: 'Sửa kế hoạch', params: ZId, body: ZPlanUpdate, response: { 200: ZPlanDetail } } }, async (request) =>
    updatePlan(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/plans/:id/tasks',
    {
      schema: {
        tags: ['plans'],
        summary: 'Nhiệm vụ của kế hoạch (lọc theo đơn vị, lĩnh vực, trạng thái, từ khóa không dấu)',
        params: ZId,
        querystring: ZPlanTaskQuery,
        response: { 200: ZTaskList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { plan } = await requirePlan(db, actor, request.params.id);
      const { asOf, ...filter } = request.query;
      return listTasks(db, actor, { communeId: plan.communeId, planId: plan.id }, filter, asOf ?? clock.today());
    },
  );
  app.post(
    '/api/plans/:id/tasks',
    { schema: { tags: ['plans'], summary: 'Thêm nhiệm vụ vào kế hoạch', params: ZId, body: ZTaskInput, response: { 201: ZTaskDetail } } },
    async (request, reply) => reply.status(201).send(await createPlanTask(db, clock, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/plans/:id/export.xlsx',
    {
      schema: {
        tags: ['plans'],
        summary: 'Xuất Excel danh mục nhiệm vụ',
        params: ZId,
        querystring: ZAsOfQuery,
        response: { 200: binaryResponse(XLSX, 'Tệp Excel (.xlsx)') },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const asOf = request.query.asOf ?? clock.today();
      const plan = await getPlan(db, actor, request.params.id, asOf);
      const list = await listTasks(db, actor, { communeId: plan.communeId, planId: plan.id }, {}, asOf);
      const file = await buildPlanWorkbook(plan, list, asOf);
      const name = `danh-muc-nhiem-vu-ke-hoach-${plan.id}.xlsx`;
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${name}"`).send(file);
    },
  );

  // ---------------------------------------------------------------- life
  /** A step of the plan's life with no body: the plan as it is after it. */
  const step = (url: string, summary: string, run: (actor: Actor, id: number) => Promise<TPlanDetail>) =>
    app.post(url, { schema: { tags: ['plans'], summary, params: ZId, response: { 200: ZPlanDetail } } }, async (request) => run(actorOf(request), request.params.id));
  step('/api/plans/:id/submit', 'Trình kế hoạch dự thảo để ban hành', (actor, id) => submitPlan(db, clock, actor, id));
  step('/api/plans/:id/return', 'Trả lại kế hoạch đã trình về dự thảo', (actor, id) => returnPlan(db, clock, actor, id));
  step('/api/plans/:id/close', 'Kết thúc kế hoạch khi hết kỳ (nhiệm vụ chưa xong: không hoàn thành)', (actor, id) => closePlan(db, clock, actor, id));
  app.post(
    '/api/plans/:id/issue',
    { schema: { tags: ['plans'], summary: 'Ban hành kế hoạch: số, ngày ban hành, người ký', params: ZId, body: ZIssuePlan, response: { 200: ZPlanDetail } } },
    async (request) => issuePlan(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.delete('/api/plans/:id', { schema: { tags: ['plans'], summary: 'Xóa kế hoạch dự thảo', params: ZId, response: { 204: ZNoContent } } }, async (request, reply) => {
    await deletePlan(db, clock, actorOf(request), uploadDir, request.params.id);
    return reply.status(204).send(null);
  });
  app.post(
    '/api/plans/:id/carry-over',
    { schema: { tags: ['plans'], summary: 'Chuyển nhiệm vụ chưa hoàn thành sang kế hoạch kỳ sau', params: ZId, body: ZCarryOver, response: { 200: ZCarryOverResult } } },
    async (request) => carryOver(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/plans/:id/document',
    {
      schema: {
        tags: ['plans'],
        summary: 'Lưu văn bản kế hoạch (tệp gốc hoặc bản đã ký) kèm kế hoạch',
        params: ZId,
        consumes: ['multipart/form-data'],
        response: { 200: ZPlanDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // Rights first: the upload is not read for someone who may not change the plan.
      const { commune } = await requirePlan(db, actor, request.params.id);
      ensure(canManageCommune(actor, commune));
      const part = await request.file({ limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
      if (!part) throw new AppError('file_empty');
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('file_too_large', { max: '20 MB' });
      return attachDocument(db, clock, actor, uploadDir, request.params.id, { fileName: part.filename, data });
    },
  );
  app.get(
    '/api/plans/:id/document',
    { schema: { tags: ['plans'], summary: 'Tải văn bản kế hoạch (bản lưu, hoặc bản tạo theo NĐ 30)', params: ZId, response: { 200: fileDownloadResponse } } },
    async (request, reply) => {
      const file = await openDocument(db, clock, actorOf(request), uploadDir, request.params.id);
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  );

  // ---------------------------------------------------------------- amendments
  app.get(
    '/api/plans/:id/amendments',
    { schema: { tags: ['plans'], summary: 'Đề xuất, điều chỉnh và các phiên bản của kế hoạch', params: ZId, response: { 200: ZPlanAmendments } } },
    async (request) => getPlanAmendments(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/plans/:id/proposals',
    { schema: { tags: ['plans'], summary: 'Đơn vị đề xuất điều chỉnh nhiệm vụ (kèm lý do)', params: ZId, body: ZProposalInput, response: { 201: ZProposal } } },
    async (request, reply) => reply.status(201).send(await proposeChange(db, clock, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/plans/:id/amendments',
    { schema: { tags: ['plans'], summary: 'Tổng hợp đề xuất thành một điều chỉnh kế hoạch', params: ZId, body: ZAmendmentInput, response: { 201: ZAmendment } } },
    async (request, reply) => reply.status(201).send(await gatherAmendment(db, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/amendments/:id/decide',
    {
      schema: { tags: ['plans'], summary: 'Lãnh đạo quyết định điều chỉnh (số, ngày văn bản): phiên bản mới', params: ZId, body: ZDecideAmendment, response: { 200: ZAmendment } },
    },
    async (request) => decideAmendment(db, clock, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/plans/:id/versions/diff',
    { schema: { tags: ['plans'], summary: 'Khác nhau giữa hai phiên bản kế hoạch', params: ZId, querystring: ZVersionDiffQuery, response: { 200: ZVersionDiff } } },
    async (request) => versionDiff(db, actorOf(request), request.params.id, request.query.from, request.query.to),
  );
};
