/** Plans (kế hoạch) and their key targets (chỉ tiêu). */
import { z } from 'zod';
import { ZCommuneIdQuery, ZDate, ZIsoDate, zId, zText } from './common';
import { ZComparator, ZPlanKind, ZPlanStatus } from './vocabulary';

export const ZTargetInput = z.object({
  text: zText(2000, { min: 1 }),
  comparator: ZComparator.nullable(),
  value: z.number().min(-1e12).max(1e12).nullable(),
  unit: zText(30).nullable(),
});
export type TTargetInput = z.infer<typeof ZTargetInput>;

export const ZPlanInput = z.object({
  communeId: zId(),
  kind: ZPlanKind,
  title: zText(500, { min: 1, minMessage: 'Vui lòng nhập tên kế hoạch', maxMessage: 'Tên kế hoạch tối đa 500 ký tự' }),
  number: zText(60).nullable().optional(),
  issuer: zText(300).nullable().optional(),
  issueDate: ZIsoDate.nullable().optional(),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  status: ZPlanStatus.optional(),
  reportingRegime: zText(5000, { trim: false }).nullable().optional(),
  targets: z.array(ZTargetInput).max(100).optional(),
});
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZPlanUpdate = ZPlanInput.omit({ communeId: true }).partial();
export type TPlanUpdate = z.infer<typeof ZPlanUpdate>;

/** The date plans' tasks are judged at: the request's, or the server clock's today. */
export const ZAsOfQuery = z.object({ asOf: ZIsoDate.optional() });
export const ZPlanQuery = ZCommuneIdQuery.extend(ZAsOfQuery.shape);

export const ZTarget = ZTargetInput.extend({ id: z.number(), text: z.string(), unit: z.string().nullable() });
export type TTarget = z.infer<typeof ZTarget>;

/** A plan in a list: its tasks counted by status as of today. */
export const ZPlanSummary = z.object({
  id: z.number(),
  communeId: z.number(),
  communeName: z.string(),
  kind: ZPlanKind,
  title: z.string(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  issueDate: ZDate.nullable(),
  periodStart: ZDate,
  periodEnd: ZDate,
  status: ZPlanStatus,
  taskCount: z.number(),
  doneCount: z.number(),
  overdueCount: z.number(),
  /** May change the plan's title, period, targets … */
  canEdit: z.boolean(),
  /** May add tasks to the plan. */
  canAddTask: z.boolean(),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZPlanSummaryList = z.array(ZPlanSummary);

export const ZPlanDetail = ZPlanSummary.extend({
  reportingRegime: z.string().nullable(),
  targets: z.array(ZTarget),
});
export type TPlanDetail = z.infer<typeof ZPlanDetail>;
