/** Tasks (nhiệm vụ): a plan's, or assigned by the city outside any plan. Statuses are judged for a date. */
import { z } from 'zod';
import { ZDate, ZIsoDate, ZPersonRef, ZSchedule, ZTimestamp, ZUnitRef, zId, zIdParam, zInt, zText } from './common';
import { ZArea, ZHistoryKind, ZTaskOrigin, ZTaskStatus } from './vocabulary';

const ZUnitIds = z.array(zId()).max(50);

const ZEvidenceLink = zText(2000, { min: 1, maxMessage: 'Đường dẫn tối đa 2000 ký tự' }).refine((value) => /^https?:\/\/\S+$/i.test(value), {
  message: 'Đường dẫn sản phẩm phải bắt đầu bằng http:// hoặc https://',
});

/** A task's fields as sent, with no defaults: an update must leave out what it does not change. */
const ZTaskFields = z.object({
  area: ZArea,
  number: zInt(1, 10_000).nullable().optional(),
  content: zText(5000, { min: 1, minMessage: 'Vui lòng nhập nội dung nhiệm vụ', maxMessage: 'Nội dung nhiệm vụ tối đa 5000 ký tự' }),
  leadUnitIds: ZUnitIds.min(1, 'Chọn ít nhất một cơ quan chủ trì'),
  coordinatorUnitIds: ZUnitIds,
  timeframeText: zText(1000, { maxMessage: 'Thời gian thực hiện tối đa 1000 ký tự' }),
  product: zText(3000, { maxMessage: 'Sản phẩm tối đa 3000 ký tự' }).optional(),
  assigneeIds: z.array(zId()).max(50).optional(),
  dueOverride: ZIsoDate.nullable().optional(),
});

export const ZTaskInput = ZTaskFields.extend({
  coordinatorUnitIds: ZTaskFields.shape.coordinatorUnitIds.default([]),
  timeframeText: ZTaskFields.shape.timeframeText.default(''),
});
/** A task's fields once parsed (defaults filled in). */
export type TTaskInput = z.infer<typeof ZTaskInput>;

/** Only the fields sent change: a partial of the defaults-free fields, so nothing left out is reset. */
export const ZTaskUpdate = ZTaskFields.partial().extend({ version: zId() });
export type TTaskUpdate = z.infer<typeof ZTaskUpdate>;

export const ZCityTaskInput = ZTaskInput.extend({
  communeId: zId(),
  origin: z.literal('city_assigned').default('city_assigned'),
  sourceDocument: zText(500, { min: 1, minMessage: 'Vui lòng nhập văn bản giao nhiệm vụ' }),
  /** The year the task belongs to; its time frame is read against that year. */
  year: zInt(2000, 2100).optional(),
});
export type TCityTaskInput = z.infer<typeof ZCityTaskInput>;

/**
 * What a person filters the task table on; the search ignores diacritics. The dashboard's cards
 * and chart segments are filters too (see DASHBOARD_CARD_FILTERS), so each opens exactly what it counted.
 */
export const ZTaskFilter = z.object({
  /** Tasks the unit leads or coordinates on. */
  unitId: zIdParam().optional(),
  /** Tasks the unit leads (the dashboard counts units by the tasks they lead). */
  leadUnitId: zIdParam().optional(),
  area: z.coerce.number().pipe(ZArea).optional(),
  status: ZTaskStatus.optional(),
  /** true: done (on time or late); false: not done yet. */
  done: z.stringbool().optional(),
  origin: ZTaskOrigin.optional(),
  q: zText(200, { trim: false }).optional(),
});
export type TTaskFilter = z.infer<typeof ZTaskFilter>;

/** `GET /api/plans/:id/tasks`: the filter, judged as of a date (today by default). */
export const ZPlanTaskQuery = ZTaskFilter.extend({ asOf: ZIsoDate.optional() });

/** `GET /api/tasks`: a commune's tasks, plan tasks and city-assigned ones. */
export const ZTaskQuery = ZPlanTaskQuery.extend({ communeId: zIdParam(), origin: ZTaskOrigin.optional() });
export type TTaskQuery = z.infer<typeof ZTaskQuery>;

export const ZProgressInput = z.object({
  progress: z.number().int().min(0, 'Tiến độ từ 0 đến 100').max(100, 'Tiến độ từ 0 đến 100'),
  /** The version the reporter saw: a stale one is refused (409). */
  version: zId(),
  note: zText(5000).optional(),
  done: z.boolean().optional(),
  /** Omitted: the day of the report. An earlier day needs a coordinator or leader and `doneAtReason`. */
  doneAt: ZIsoDate.optional(),
  doneAtReason: zText(1000, { maxMessage: 'Lý do tối đa 1000 ký tự' }).optional(),
  /** For recurring and continuous tasks: the checkpoint (its deadline) this report closes. */
  occurrence: ZIsoDate.optional(),
  /** The product of a completion: a file attached to this task … */
  evidenceFileId: zId().optional(),
  /** … or a link to it. One of the two is required when the task names a product. */
  evidenceLink: ZEvidenceLink.optional(),
});
export type TProgressInput = z.infer<typeof ZProgressInput>;

/** The coordinator confirms a reported completion: the whole task's, or one occurrence's. */
export const ZConfirmInput = z.object({ version: zId(), occurrence: ZIsoDate.optional() });
export type TConfirmInput = z.infer<typeof ZConfirmInput>;

/** … or returns it to the unit, saying why. */
export const ZReturnInput = ZConfirmInput.extend({
  reason: zText(2000, { min: 1, minMessage: 'Vui lòng nêu lý do trả lại', maxMessage: 'Lý do tối đa 2000 ký tự' }),
});
export type TReturnInput = z.infer<typeof ZReturnInput>;

/** A completion reported and waiting for the coordinator, with its evidence. */
export const ZPendingCompletion = z.object({
  /** null: the whole task. */
  occurrence: ZDate.nullable(),
  doneAt: ZDate,
  evidenceFileId: z.number().nullable(),
  evidenceLink: z.string().nullable(),
});
export type TPendingCompletion = z.infer<typeof ZPendingCompletion>;

/** The coordinator's last return, shown on top of the task until the unit reports again. */
export const ZReturnNote = z.object({ reason: z.string(), occurrence: ZDate.nullable(), at: ZTimestamp, by: ZPersonRef.nullable() });

export const ZCommentInput = z.object({ text: zText(5000, { min: 1, minMessage: 'Vui lòng nhập nội dung' }) });
export type TCommentInput = z.infer<typeof ZCommentInput>;

/** One deadline of a recurring or continuous task, with its own status. */
export const ZCheckpoint = z.object({ due: ZDate, doneAt: ZDate.nullable(), status: ZTaskStatus });
export type TCheckpoint = z.infer<typeof ZCheckpoint>;

export const ZTask = z.object({
  id: z.number(),
  communeId: z.number(),
  planId: z.number().nullable(),
  origin: ZTaskOrigin,
  sourceDocument: z.string().nullable(),
  area: ZArea,
  number: z.number().nullable(),
  content: z.string(),
  leadUnits: z.array(ZUnitRef),
  coordinatorUnits: z.array(ZUnitRef),
  timeframeText: z.string(),
  schedule: ZSchedule,
  dueOverride: ZDate.nullable(),
  /** The effective deadline: the one-off due date, or the next open checkpoint. */
  due: ZDate.nullable(),
  /** The earliest checkpoint still open. */
  nextDue: ZDate.nullable(),
  daysLate: z.number().nullable(),
  product: z.string(),
  progress: z.number(),
  doneAt: ZDate.nullable(),
  status: ZTaskStatus,
  checkpoints: z.array(ZCheckpoint),
  assignees: z.array(ZPersonRef),
  updatedAt: ZTimestamp,
  /** Sent back with an edit: a stale version is refused (409). */
  version: z.number(),
  /** May report progress, attach files, comment. */
  canEdit: z.boolean(),
  /** May change the task itself (content, units, deadline). */
  canManage: z.boolean(),
  /** May record a completion for an earlier day than today (coordinator, leader), with a reason. */
  canBackdate: z.boolean(),
  /** Completions reported and not yet confirmed ("chờ xác nhận"); empty when none waits. */
  awaitingConfirmation: z.array(ZPendingCompletion),
  /** Set while a returned completion has not been reported again. */
  returned: ZReturnNote.nullable(),
  /** May confirm or return reported completions (the commune's CCHC coordinator). */
  canConfirm: z.boolean(),
});
export type TTask = z.infer<typeof ZTask>;

export const ZTaskList = z.array(ZTask);

export const ZHistoryEntry = z.object({
  id: z.number(),
  at: ZTimestamp,
  user: ZPersonRef,
  kind: ZHistoryKind,
  progress: z.number().nullable(),
  note: z.string().nullable(),
  fileId: z.number().nullable(),
  occurrence: ZDate.nullable(),
  /** A completion recorded for an earlier day than the report, and why. */
  backdatedTo: ZDate.nullable(),
  reason: z.string().nullable(),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;

export const ZFileMeta = z.object({
  id: z.number(),
  name: z.string(),
  size: z.number(),
  mimeType: z.string(),
  uploadedAt: ZTimestamp,
  uploadedBy: ZPersonRef,
});
export type TFileMeta = z.infer<typeof ZFileMeta>;

export const ZTaskDetail = ZTask.extend({ history: z.array(ZHistoryEntry), files: z.array(ZFileMeta) });
export type TTaskDetail = z.infer<typeof ZTaskDetail>;
