/**
 * Reading the inspection tables for one commune: inspections with their teams and finding counts,
 * then filtered by what the reader may see (access.ts) before anything is counted or presented.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TInspectionStatus, TInspectionSummary, TTeamMember, TTeamRole } from '../../contract';
import type { DbOrTx } from '../db';
import { inspectionFindings, inspectionPlans, inspections, inspectionTeam, reports, units, users } from '../db/schema';
import type { InspectionRef } from './access';

export type InspectionRow = typeof inspections.$inferSelect;
export type PlanRow = typeof inspectionPlans.$inferSelect;
export type FindingRow = typeof inspectionFindings.$inferSelect;

export interface LoadedInspection {
  row: InspectionRow;
  planTitle: string;
  unitName: string;
  team: TTeamMember[];
  ref: InspectionRef;
  findingsOpen: number;
  findingsTotal: number;
  selfReportSubmitted: boolean;
}

export async function teamOf(db: DbOrTx, communeId: number, where: SQL): Promise<(TTeamMember & { planId: number | null; inspectionId: number | null })[]> {
  const rows = await db
    .select({
      planId: inspectionTeam.planId,
      inspectionId: inspectionTeam.inspectionId,
      userId: inspectionTeam.userId,
      role: inspectionTeam.role,
      fullName: users.fullName,
      unitId: users.unitId,
      unitName: units.name,
    })
    .from(inspectionTeam)
    .innerJoin(users, eq(users.id, inspectionTeam.userId))
    .leftJoin(units, and(eq(units.communeId, inspectionTeam.communeId), eq(units.id, users.unitId)))
    .where(and(eq(inspectionTeam.communeId, communeId), where))
    .orderBy(sql`${inspectionTeam.role} = 'member'`, asc(users.fullName));
  return rows.map((r) => ({ ...r, unitName: r.unitName ?? null }));
}

/** A stored `notified` is presented as `self_reported` once the unit's self-report was submitted. */
export function presentedStatus(row: InspectionRow, selfReportSubmitted: boolean): TInspectionStatus {
  return row.status === 'notified' && selfReportSubmitted ? 'self_reported' : row.status;
}

export async function loadInspections(db: DbOrTx, communeId: number, where?: SQL): Promise<LoadedInspection[]> {
  const rows = await db
    .select({ row: inspections, planTitle: inspectionPlans.title, unitName: units.name })
    .from(inspections)
    .innerJoin(inspectionPlans, and(eq(inspectionPlans.communeId, inspections.communeId), eq(inspectionPlans.id, inspections.planId)))
    .innerJoin(units, and(eq(units.communeId, inspections.communeId), eq(units.id, inspections.unitId)))
    .where(and(eq(inspections.communeId, communeId), where))
    .orderBy(asc(inspections.visitDate), asc(inspections.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.row.id);
  const reportIds = rows.flatMap((r) => (r.row.selfReportId ? [r.row.selfReportId] : []));
  const [team, counts, submitted] = await Promise.all([
    teamOf(db, communeId, inArray(inspectionTeam.inspectionId, ids)),
    db
      .select({
        inspectionId: inspectionFindings.inspectionId,
        total: sql<number>`count(*)::int`,
        open: sql<number>`count(*) filter (where ${inspectionFindings.status} <> 'accepted')::int`,
      })
      .from(inspectionFindings)
      .where(and(eq(inspectionFindings.communeId, communeId), inArray(inspectionFindings.inspectionId, ids)))
      .groupBy(inspectionFindings.inspectionId),
    reportIds.length
      ? db
          .select({ id: reports.id })
          .from(reports)
          .where(and(eq(reports.communeId, communeId), inArray(reports.id, reportIds), sql`${reports.submittedOn} is not null`))
      : Promise.resolve([]),
  ]);
  const submittedIds = new Set(submitted.map((r) => r.id));
  return rows.map(({ row, planTitle, unitName }) => {
    const members = team.filter((m) => m.inspectionId === row.id).map(({ planId: _p, inspectionId: _i, ...m }) => m);
    const count = counts.find((c) => c.inspectionId === row.id);
    const selfReportSubmitted = row.selfReportId !== null && submittedIds.has(row.selfReportId);
    return {
      row,
      planTitle,
      unitName,
      team: members,
      ref: {
        unitId: row.unitId,
        visitDate: row.visitDate,
        surprise: row.surprise,
        status: row.status,
        team: new Map<number, TTeamRole>(members.map((m) => [m.userId, m.role])),
      },
      findingsOpen: count?.open ?? 0,
      findingsTotal: count?.total ?? 0,
      selfReportSubmitted,
    };
  });
}

export function presentSummary(i: LoadedInspection): TInspectionSummary {
  const r = i.row;
  return {
    id: r.id,
    communeId: r.communeId,
    planId: r.planId,
    planTitle: i.planTitle,
    kind: r.kind,
    reInspectionOf: r.reInspectionOf,
    unit: { id: r.unitId, name: i.unitName },
    visitDate: r.visitDate,
    surprise: r.surprise,
    status: presentedStatus(r, i.selfReportSubmitted),
    noticeSentAt: r.noticeSentAt?.toISOString() ?? null,
    selfReportDue: r.selfReportDue,
    selfReportId: r.selfReportId,
    findingsOpen: i.findingsOpen,
    findingsTotal: i.findingsTotal,
    version: r.version,
  };
}
