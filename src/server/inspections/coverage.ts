/**
 * Figures of the inspection cycle: the year's coverage (units inspected against the goal), open and
 * overdue findings — for the plan screens, the dashboard, the city overview and the reminders' sweep.
 * Every count is taken over the inspections the reader may see.
 */
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { TInspectionCoverage, TInspectionFigures } from '../../contract';
import type { FindingDeadline } from '../../domain/inspection';
import type { Actor } from '../access/actor';
import type { CommuneRef } from '../access/policy';
import type { DbOrTx } from '../db';
import { communes, inspectionFindings, inspectionPlans, inspections, inspectionTeam, units } from '../db/schema';
import { canSeeInspection } from './access';
import { loadInspections } from './load';

const DEFAULT_GOAL_PERCENT = 30;
const VISITED = new Set(['visited', 'concluded', 'closed']);

export async function coverageOf(db: DbOrTx, actor: Actor, commune: CommuneRef, year: number, today: string): Promise<TInspectionCoverage> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [unitRows, plans, loaded] = await Promise.all([
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.communeId, commune.id), eq(units.kind, 'internal'), eq(units.active, true))),
    db
      .select({ goal: inspectionPlans.coverageGoalPercent })
      .from(inspectionPlans)
      .where(and(eq(inspectionPlans.communeId, commune.id), eq(inspectionPlans.year, year))),
    loadInspections(db, commune.id, and(gte(inspections.visitDate, from), lte(inspections.visitDate, to), eq(inspections.kind, 'inspection'))),
  ]);
  const visible = loaded.filter((i) => canSeeInspection(actor, commune, i.ref, today));
  const names = new Map(unitRows.map((u) => [u.id, u.name]));
  const inspected = new Set(visible.filter((i) => VISITED.has(i.row.status) && i.row.visitDate <= today && names.has(i.row.unitId)).map((i) => i.row.unitId));
  const planned = new Set(visible.filter((i) => !inspected.has(i.row.unitId) && !VISITED.has(i.row.status) && names.has(i.row.unitId)).map((i) => i.row.unitId));
  const goalPercent = plans.length ? Math.max(...plans.map((p) => p.goal)) : DEFAULT_GOAL_PERCENT;
  const total = unitRows.length;
  const unitsNeeded = Math.ceil((goalPercent * total) / 100);
  return {
    year,
    goalPercent,
    unitsTotal: total,
    unitsInspected: inspected.size,
    unitsPlanned: planned.size,
    percent: total ? Math.round((inspected.size / total) * 1000) / 10 : 0,
    unitsNeeded,
    met: total > 0 && inspected.size >= unitsNeeded,
    inspectedUnits: [...inspected].map((id) => ({ id, name: names.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}

/** Open findings (not accepted) and those past their deadline, over the inspections the reader may see. */
export async function findingCounts(db: DbOrTx, actor: Actor, commune: CommuneRef, today: string) {
  const loaded = await loadInspections(
    db,
    commune.id,
    sql`exists (select 1 from ${inspectionFindings} f where f.commune_id = ${inspections.communeId} and f.inspection_id = ${inspections.id})`,
  );
  const visible = loaded.filter((i) => canSeeInspection(actor, commune, i.ref, today)).map((i) => i.row.id);
  if (visible.length === 0) return { findingsOpen: 0, findingsOverdue: 0 };
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${inspectionFindings.status} <> 'accepted')::int`,
      overdue: sql<number>`count(*) filter (where ${inspectionFindings.status} in ('open', 'reopened') and ${inspectionFindings.deadline} < ${today})::int`,
    })
    .from(inspectionFindings)
    .where(and(eq(inspectionFindings.communeId, commune.id), inArray(inspectionFindings.inspectionId, visible)));
  return { findingsOpen: row?.open ?? 0, findingsOverdue: row?.overdue ?? 0 };
}

/** The dashboard's inspection figures for the year of `today`. */
export async function inspectionFigures(db: DbOrTx, actor: Actor, commune: CommuneRef, today: string): Promise<TInspectionFigures> {
  const [coverage, counts] = await Promise.all([coverageOf(db, actor, commune, Number(today.slice(0, 4)), today), findingCounts(db, actor, commune, today)]);
  return { coverage, ...counts };
}

/**
 * The hook for reminders (src/server/reminders): findings still waiting on their unit with a deadline
 * on or after `from`. Findings exist only after a visit, so no surprise is given away.
 */
export async function findingDeadlines(db: DbOrTx, communeId: number, from: string): Promise<(FindingDeadline & { title: string })[]> {
  return db
    .select({
      id: inspectionFindings.id,
      ownerUnitId: inspectionFindings.ownerUnitId,
      deadline: inspectionFindings.deadline,
      status: inspectionFindings.status,
      title: inspectionFindings.title,
    })
    .from(inspectionFindings)
    .where(and(eq(inspectionFindings.communeId, communeId), inArray(inspectionFindings.status, ['open', 'reopened']), gte(inspectionFindings.deadline, from)));
}

/**
 * Surprise inspections the actor may not know of yet, in every commune they read: the audit log leaves
 * their entries out (scheduling, team, checklist), as the lists and counts leave out the inspections.
 */
export async function secretInspectionIds(db: DbOrTx, actor: Actor, today: string): Promise<number[]> {
  const rows = await db
    .select({
      id: inspections.id,
      communeId: inspections.communeId,
      unitId: inspections.unitId,
      visitDate: inspections.visitDate,
      status: inspections.status,
      cityId: communes.cityId,
    })
    .from(inspections)
    .innerJoin(communes, eq(communes.id, inspections.communeId))
    .where(
      and(
        eq(inspections.surprise, true),
        sql`${inspections.visitDate} > ${today}`,
        actor.communeId === null ? eq(communes.cityId, actor.cityId) : eq(inspections.communeId, actor.communeId),
      ),
    );
  if (rows.length === 0) return [];
  const team = await db
    .select({ inspectionId: inspectionTeam.inspectionId, role: inspectionTeam.role })
    .from(inspectionTeam)
    .where(
      and(
        eq(inspectionTeam.userId, actor.id),
        inArray(
          inspectionTeam.inspectionId,
          rows.map((r) => r.id),
        ),
      ),
    );
  return rows
    .filter((r) => {
      const members = new Map(team.filter((t) => t.inspectionId === r.id).map((t) => [actor.id, t.role]));
      return !canSeeInspection(actor, { id: r.communeId, cityId: r.cityId }, { unitId: r.unitId, visitDate: r.visitDate, surprise: true, status: r.status, team: members }, today);
    })
    .map((r) => r.id);
}
