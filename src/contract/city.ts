/** The city's view of its communes: one row per commune, the city's totals (issue 11). */
import { z } from 'zod';
import { ZDate, ZIsoDate } from './common';
import { ZStatusSummary } from './dashboard';
import { ZCommuneKind } from './vocabulary';

export const ZCityOverviewQuery = z.object({ asOf: ZIsoDate.optional() });
export type TCityOverviewQuery = z.infer<typeof ZCityOverviewQuery>;

/** Reports of the commune (level commune) by period of its plan in force, as the city receives them. */
export const ZReportCounts = z.object({
  onTime: z.number(),
  late: z.number(),
  /** Deadline passed, nothing sent. */
  missing: z.number(),
  /** Deadline still ahead, nothing sent yet. */
  notDue: z.number(),
});
export type TReportCounts = z.infer<typeof ZReportCounts>;

export const ZCityAssignedCounts = z.object({
  total: z.number(),
  /** Done by the deadline. */
  onTime: z.number(),
  /** Done after the deadline. */
  late: z.number(),
  /** Not done, deadline passed. */
  overdue: z.number(),
  /** Not done, deadline ahead or none. */
  open: z.number(),
});
export type TCityAssignedCounts = z.infer<typeof ZCityAssignedCounts>;

/** The key targets of the plan in force against their figures (the plan's scorecard): met, not met, no figure yet. */
export const ZTargetCounts = z.object({ total: z.number(), met: z.number(), notMet: z.number(), noData: z.number() });
export type TTargetCounts = z.infer<typeof ZTargetCounts>;

/** Kiến nghị sau kiểm tra: findings not yet accepted, and those still waiting on their unit past their deadline (as of the day asked). */
export const ZFindingCounts = z.object({ open: z.number(), overdue: z.number() });
export type TFindingCounts = z.infer<typeof ZFindingCounts>;

export const ZCityOverviewRow = z.object({
  communeId: z.number(),
  communeName: z.string(),
  communeKind: ZCommuneKind,
  code: z.string(),
  /** The plan in force (the one the commune's dashboard shows), null when the commune has none. */
  plan: z
    .object({
      id: z.number(),
      title: z.string(),
      number: z.string().nullable(),
      periodStart: ZDate,
      periodEnd: ZDate,
      taskCount: z.number(),
      doneCount: z.number(),
      overdueCount: z.number(),
    })
    .nullable(),
  /** The plan's tasks and the city's tasks due in its period: the dashboard's totals. */
  totals: ZStatusSummary,
  /** The city-assigned tasks the dashboard counts, by how they stand. */
  cityAssigned: ZCityAssignedCounts,
  reports: ZReportCounts,
  /** Chỉ tiêu đạt: the scorecard of the plan in force, as of the day asked. */
  targets: ZTargetCounts,
  /** The inspections' findings (they exist only after a visit: no surprise inspection shows through). */
  findings: ZFindingCounts,
});
export type TCityOverviewRow = z.infer<typeof ZCityOverviewRow>;

export const ZCityOverview = z.object({
  asOf: ZDate,
  communes: z.array(ZCityOverviewRow),
  totals: z.object({
    communes: z.number(),
    withPlan: z.number(),
    tasks: ZStatusSummary,
    cityAssigned: ZCityAssignedCounts,
    reports: ZReportCounts,
    targets: ZTargetCounts,
    findings: ZFindingCounts,
  }),
});
export type TCityOverview = z.infer<typeof ZCityOverview>;
