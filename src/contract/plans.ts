/** Plans (kế hoạch) and their key targets (chỉ tiêu). */
import { z } from 'zod';
import { ZCommuneIdQuery, ZDate, ZIsoDate } from './common';
import { ZComparator, ZPlanKind, ZPlanStatus } from './vocabulary';

export const ZTargetInput = z.object({
  text: z.string().trim().min(1).max(2000),
  comparator: ZComparator.nullable(),
  value: z.number().nullable(),
  unit: z.string().max(30).nullable(),
});
export type TTargetInput = z.infer<typeof ZTargetInput>;

export const ZPlanInput = z.object({
  communeId: z.number().int().positive(),
  kind: ZPlanKind,
  title: z.string().trim().min(1, 'Vui lòng nhập tên kế hoạch').max(500, 'Tên kế hoạch tối đa 500 ký tự'),
  number: z.string().trim().max(60).nullable().optional(),
  issuer: z.string().trim().max(300).nullable().optional(),
  issueDate: ZIsoDate.nullable().optional(),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  status: ZPlanStatus.optional(),
  reportingRegime: z.string().max(5000).nullable().optional(),
  targets: z.array(ZTargetInput).max(100).optional(),
});
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZPlanUpdate = ZPlanInput.omit({ communeId: true }).partial();
export type TPlanUpdate = z.infer<typeof ZPlanUpdate>;

export const ZPlanQuery = ZCommuneIdQuery;

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
