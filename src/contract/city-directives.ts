/**
 * City directives (issue 11): a document of the city's People's Committee entered once and given to
 * many communes; each commune gets its own city-assigned task, judged by the usual rules.
 */
import { z } from 'zod';
import { ZCityAssignedCounts } from './city';
import { ZDate, ZIsoDate, ZTimestamp, zId, zIdParam, zText } from './common';
import { ZArea, ZTaskStatus } from './vocabulary';

/** Every commune of the city, or the chosen ones. */
export const ZDirectiveTargets = z.union([z.literal('all'), z.array(zId()).min(1, 'Chọn ít nhất một xã/phường').max(10_000)]);
export type TDirectiveTargets = z.infer<typeof ZDirectiveTargets>;

const ZDirectiveFields = z.object({
  number: zText(60, { min: 1, minMessage: 'Vui lòng nhập số văn bản (ví dụ 125/UBND-NV)', maxMessage: 'Số văn bản tối đa 60 ký tự' }),
  issuedOn: ZIsoDate,
  area: ZArea,
  content: zText(5000, { min: 1, minMessage: 'Vui lòng nhập nội dung nhiệm vụ', maxMessage: 'Nội dung nhiệm vụ tối đa 5000 ký tự' }),
  /** A deadline as a day … */
  deadline: ZIsoDate.optional(),
  /** … or as the document words it ("Trước ngày 15 của tháng cuối quý", "Quý II/2026"): one of the two. */
  timeframeText: zText(1000, { min: 1, maxMessage: 'Thời gian thực hiện tối đa 1000 ký tự' }).optional(),
  product: zText(3000, { maxMessage: 'Sản phẩm tối đa 3000 ký tự' }).optional(),
});

const oneDeadline = (value: { deadline?: string; timeframeText?: string }) => value.deadline === undefined || value.timeframeText === undefined;
const deadlineMessage = { message: 'Nhập hạn hoàn thành hoặc thời gian thực hiện (một trong hai)', path: ['deadline'] };

export const ZCityDirectiveInput = ZDirectiveFields.extend({ communes: ZDirectiveTargets })
  .refine(oneDeadline, deadlineMessage)
  .refine((value) => value.deadline !== undefined || value.timeframeText !== undefined, deadlineMessage);
export type TCityDirectiveInput = z.infer<typeof ZCityDirectiveInput>;

/** Only the fields sent change; every commune's task follows. */
export const ZCityDirectiveUpdate = ZDirectiveFields.partial().extend({ version: zId() }).refine(oneDeadline, deadlineMessage);
export type TCityDirectiveUpdate = z.infer<typeof ZCityDirectiveUpdate>;

export const ZDirectiveCommunesInput = z.object({ communes: ZDirectiveTargets });
export type TDirectiveCommunesInput = z.infer<typeof ZDirectiveCommunesInput>;

export const ZDirectiveParams = z.object({ id: zIdParam() });
export const ZDirectiveQuery = z.object({ asOf: ZIsoDate.optional() });

/** A directive with its roll-up over the communes it was given to. */
export const ZCityDirective = z.object({
  id: z.number(),
  number: z.string(),
  issuedOn: ZDate,
  area: ZArea,
  content: z.string(),
  timeframeText: z.string(),
  product: z.string(),
  year: z.number(),
  version: z.number(),
  createdAt: ZTimestamp,
  /** The communes' tasks by how they stand (the city overview's city-assigned counts). */
  counts: ZCityAssignedCounts,
  /** Done by the deadline, in % of the communes given it (one decimal). */
  onTimeRate: z.number(),
  /** May edit it and give it to more communes. */
  canEdit: z.boolean(),
});
export type TCityDirective = z.infer<typeof ZCityDirective>;

/** One commune's task of the directive, judged as of the day asked. */
export const ZDirectiveCommune = z.object({
  communeId: z.number(),
  communeName: z.string(),
  taskId: z.number(),
  status: ZTaskStatus,
  due: ZDate.nullable(),
  daysLate: z.number().nullable(),
  progress: z.number(),
  doneAt: ZDate.nullable(),
  /** The completion's product: a file of the task (GET /api/files/:id) or a link. */
  evidenceFileId: z.number().nullable(),
  evidenceLink: z.string().nullable(),
  /** Overdue, or done after the deadline. */
  late: z.boolean(),
});
export type TDirectiveCommune = z.infer<typeof ZDirectiveCommune>;

export const ZCityDirectiveDetail = ZCityDirective.extend({ asOf: ZDate, communes: z.array(ZDirectiveCommune) });
export type TCityDirectiveDetail = z.infer<typeof ZCityDirectiveDetail>;

export const ZCityDirectiveList = z.object({ asOf: ZDate, items: z.array(ZCityDirective) });
export type TCityDirectiveList = z.infer<typeof ZCityDirectiveList>;
