/**
 * Figures of the inspection cycle: the year's coverage (units inspected against the goal), open and
 * overdue findings — for the plan screens, the dashboard, the city overview and the reminders' sweep.
 * Every count is taken over the inspections the reader may see.
 */
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { TFindingStatus, TInspectionCoverage, TInspectionFigures } from '../../contract';
import type { FindingDeadline } from '../../domain/inspection';
import type { Actor } from '../access/actor';
import type { CommuneRef } from '../access/policy';
import type { DbOrTx } from '../db';
import { communes, inspectionFindings, inspectionPlans, inspections, inspectionTeam, units } from '../db/schema';
import { canSeeInspection } from './access';
import { type LoadedInspection, loadInspections } from './load';

const DEFAULT_GOAL_PERCENT = 30;
const VISITED: ReadonlySet<string> = new Set(['visited', 'concluded', 'closed']);

/** The visit took place (it may since have been concluded or closed). */
export const isVisited = (status: string) => VISITED.has(status);

/** A finding as the figures count it. */
export interface FindingFigureRow {
  inspectionId: number;
  status: TFindingStatus;
  deadline: string;
}

/**
 * The commune's inspection rows, before the reader and the day are known: the active internal units, the
 * plans' coverage goals, the inspections (all of them, or one year's) and their findings. Actor-free, so the
 * dashboard keeps it in its per-commune cache (the inspection tables bump the commune's version, migration
 * inspection_versions) and applies the secrecy per request (`coverageFrom`, `findingCountsFrom`).
 */
export interface InspectionData {
  units: { id: number; name: string }[];
  goals: { year: number; goal: number }[];
  inspections: LoadedInspection[];
  findings: FindingFigureRow[];
}

export async function loadInspectionData(db: DbOrTx, communeId: number, year?: number): Promise<InspectionData> {
  const inYear = year === undefined ? undefined : and(gte(inspections.visitDate, `${year}-01-01`), lte(inspections.visitDate, `${year}-12-31`));
  const [unitRows, goals, loaded, findings] = await Promise.all([
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.communeId, communeId), eq(units.kind, 'internal'), eq(units.active, true))),
    db
      .select({ year: inspectionPlans.year, goal: inspectionPlans.coverageGoalPercent })
      .from(inspectionPlans)
      .where(and(eq(inspectionPlans.communeId, communeId), year === undefined ? undefined : eq(inspectionPlans.year, year))),
    loadInspections(db, communeId, inYear),
    year === undefined
      ? db
          .select({ inspectionId: inspectionFindings.inspectionId, status: inspectionFindings.status, deadline: inspectionFindings.deadline })
          .from(inspectionFindings)
          .where(eq(inspectionFindings.communeId, communeId))
      : Promise.resolve([]),
  ]);
  return { units: unitRows, goals, inspections: loaded, findings };
}

function coverageFrom(data: InspectionData, actor: Actor, commune: CommuneRef, year: number, today: string): TInspectionCoverage {
  const { units: unitRows } = data;
  const ofYear = data.inspections.filter((i) => i.row.kind === 'inspection' && i.row.visitDate.startsWith(`${year}-`));
  const visible = ofYear.filter((i) => canSeeInspection(actor, commune, i.ref, today));
  const names = new Map(unitRows.map((u) => [u.id, u.name]));
  const inspected = new Set(visible.filter((i) => isVisited(i.row.status) && i.row.visitDate <= today && names.has(i.row.unitId)).map((i) => i.row.unitId));
  const planned = new Set(visible.filter((i) => !inspected.has(i.row.unitId) && !isVisited(i.row.status) && names.has(i.row.unitId)).map((i) => i.row.unitId));
  const goals = data.goals.filter((g) => g.year === year).map((g) => g.goal);
  const goalPercent = goals.length ? Math.max(...goals) : DEFAULT_GOAL_PERCENT;
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

export const isOpenFinding = (f: Pick<FindingFigureRow, 'status'>) => f.status !== 'accepted';
export const isOverdueFinding = (f: Pick<FindingFigureRow, 'status' | 'deadline'>, today: string) => (f.status === 'open' || f.status === 'reopened') && f.deadline < today;

/** Open findings (not accepted) and those past their deadline, over the inspections the reader may see. */
function findingCountsFrom(data: InspectionData, actor: Actor, commune: CommuneRef, today: string) {
  const visible = new Set(data.inspections.filter((i) => canSeeInspection(actor, commune, i.ref, today)).map((i) => i.row.id));
  const findings = data.findings.filter((f) => visible.has(f.inspectionId));
  return { findingsOpen: findings.filter(isOpenFinding).length, findingsOverdue: findings.filter((f) => isOverdueFinding(f, today)).length };
}

export async function coverageOf(db: DbOrTx, actor: Actor, commune: CommuneRef, year: number, today: string): Promise<TInspectionCoverage> {
  return coverageFrom(await loadInspectionData(db, commune.id, year), actor, commune, year, today);
}

/** The dashboard's inspection figures for a year, as the actor may see them today, from the commune's rows. */
export function figuresFrom(data: InspectionData, actor: Actor, commune: CommuneRef, today: string, year = Number(today.slice(0, 4))): TInspectionFigures {
  return { coverage: coverageFrom(data, actor, commune, year, today), ...findingCountsFrom(data, actor, commune, today) };
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
