/** A commune's picture at a glance for one date. */
import { z } from 'zod';
import { ZDate, ZIsoDate, zIdParam, zIntParam } from './common';
import { ZPlanDetail } from './plans';
import { ZTask } from './tasks';
import { ZArea, ZTaskStatus } from './vocabulary';

export const ZDashboardQuery = z.object({
  communeId: zIdParam().optional(),
  planId: zIdParam().optional(),
  asOf: ZIsoDate.optional(),
  /** How far ahead the "due soon" list looks. */
  horizonDays: zIntParam(1, 90).default(14),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

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
  dueSoonDays: z.number(),
  horizonDays: z.number(),
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
});
export type TDashboardFull = z.infer<typeof ZDashboardFull>;

export const ZDashboard = z.union([ZDashboardFull, ZDashboardEmpty]);
export type TDashboard = z.infer<typeof ZDashboard>;
