/** A commune's picture at a glance for one date. */
import { z } from 'zod';
import { ZDate, ZIsoDate, zIdParam } from './common';
import { ZInspectionFigures } from './inspections';
import { ZPlanDetail } from './plans';
import { ZTask, ZTaskFilter } from './tasks';
import { ZArea, ZTaskStatus } from './vocabulary';

export const ZDashboardQuery = z.object({
  communeId: zIdParam().optional(),
  planId: zIdParam().optional(),
  asOf: ZIsoDate.optional(),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

/** `GET /api/dashboard/tasks`: the tasks the dashboard counts (the plan's and the city's of its period), filtered like a card or a chart segment. */
export const ZDashboardTasksQuery = ZDashboardQuery.extend(ZTaskFilter.shape);
export type TDashboardTasksQuery = z.infer<typeof ZDashboardTasksQuery>;

/** Tasks counted by status: every status is present, 0 when none. */
export const ZStatusCounts = z.record(ZTaskStatus, z.number());
export type TStatusCounts = z.infer<typeof ZStatusCounts>;

export const ZStatusSummary = z.object({
  byStatus: ZStatusCounts,
  total: z.number(),
  /** Done on time plus done late. */
  done: z.number(),
  overdue: z.number(),
  dueSoon: z.number(),
  /** Reported done, waiting for the coordinator: not counted in `done`. */
  awaitingConfirmation: z.number(),
  undetermined: z.number(),
  /** done / total × 100, one decimal. */
  completionRate: z.number(),
});
export type TStatusSummary = z.infer<typeof ZStatusSummary>;

const ZGroupCount = z.object({ total: z.number(), done: z.number(), overdue: z.number(), byStatus: ZStatusCounts });

/** The commune has no plan yet. */
export const ZDashboardEmpty = z.object({ plan: z.null(), asOf: ZDate });
export type TDashboardEmpty = z.infer<typeof ZDashboardEmpty>;

export const ZDashboardFull = z.object({
  plan: ZPlanDetail,
  asOf: ZDate,
  /** The commune's "sắp đến hạn" threshold, in working days: the due-soon card and list both use it. */
  dueSoonDays: z.number(),
  totals: ZStatusSummary,
  completionRate: z.number(),
  /** Tasks the city assigned with a deadline in the plan's period. */
  cityAssigned: ZStatusSummary,
  byArea: z.array(ZGroupCount.extend({ area: ZArea })),
  byUnit: z.array(ZGroupCount.extend({ unitId: z.number(), unitName: z.string() })),
  overdue: z.array(ZTask),
  dueSoon: z.array(ZTask),
  undetermined: z.array(ZTask),
  /** Tasks with a completion waiting for the coordinator's confirmation (whole task or an occurrence). */
  awaitingConfirmation: z.array(ZTask),
  /** Inspections (issue 13): the year's coverage, open findings, overdue remediations — over what the reader may see. */
  inspections: ZInspectionFigures.optional(),
});
export type TDashboardFull = z.infer<typeof ZDashboardFull>;

export const ZDashboard = z.union([ZDashboardFull, ZDashboardEmpty]);
export type TDashboard = z.infer<typeof ZDashboard>;
