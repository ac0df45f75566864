/**
 * The commune's picture at a glance: the current plan's tasks (and the tasks the
 * city assigned in its period) judged for one date, counted by area and by unit.
 */

import { desc, eq, sql } from 'drizzle-orm';
import { AREAS, DASHBOARD_CARD_FILTERS, filterTasks, type TDashboardQuery, type TTaskFilter } from '../../contract';
import { type DueSoonThreshold, inForceOn, type Status, summarise } from '../../domain/status';
import type { Actor } from '../access/actor';
import { canReadCommune, planRights } from '../access/policy';
import { loadCalendar } from '../calendar/service';
import type { Db } from '../db';
import { communes, communeVersions, plans } from '../db/schema';
import { invalid, notFound } from '../errors';
import { figuresFrom, loadInspectionData } from '../inspections/coverage';
import { pickCurrentPlan, planLinks, presentPlanSummary, targetsOf } from '../plans/service';
import { judge, type LoadedTask, loadPlanAndCityTasks, type PresentedTask, preparedFor, presentTask, readContext } from '../tasks/read-model';
import { communeEntry, type JudgedTask, type PlanData, planData } from './cache';

type PlanRow = typeof plans.$inferSelect;

const byDue = (a: PresentedTask, b: PresentedTask) => (a.due ?? a.nextDue ?? '').localeCompare(b.due ?? b.nextDue ?? '');

function countBy<K>(list: PresentedTask[], keysOf: (task: PresentedTask) => K[]) {
  const groups = new Map<K, Status[]>();
  for (const task of list) for (const key of keysOf(task)) groups.set(key, [...(groups.get(key) ?? []), task.status]);
  return groups;
}

/** The city tasks a plan's dashboard counts: due in the plan's period, or with no deadline yet (the city overview counts the same). */
export const inPlanPeriod =
  (plan: { periodStart: string; periodEnd: string }) =>
  (task: { due: string | null }): boolean =>
    task.due === null || (task.due >= plan.periodStart && task.due <= plan.periodEnd);

/** The contract's query, with the date every task is judged at settled by the route (the request's, or the clock's today). */
export type DashboardQuery = TDashboardQuery & { asOf: string };

/**
 * The commune a request names (directly, or through one of its plans) with its version, in one prepared
 * statement: the version says whether the cached judged tasks still hold (see ./cache).
 */
const communeWithVersion = (db: Db) =>
  preparedFor(db, 'dashboard_commune', () =>
    db
      .select({ commune: communes, version: sql<number>`coalesce(${communeVersions.version}, 0)` })
      .from(communes)
      .leftJoin(communeVersions, eq(communeVersions.communeId, communes.id))
      .where(sql`${communes.id} = coalesce(${sql.placeholder('communeId')}::int, (select p.commune_id from ${plans} p where p.id = ${sql.placeholder('planId')}::int))`)
      .prepare('dashboard_commune'),
  );

const plansOfCommune = (db: Db) =>
  preparedFor(db, 'plans_of_commune', () =>
    db
      .select()
      .from(plans)
      .where(eq(plans.communeId, sql.placeholder('communeId')))
      .orderBy(desc(plans.periodStart), desc(plans.id))
      .prepare('plans_of_commune'),
  );

/** A plan's tasks of the version in force on asOf and the city's tasks in its period, judged, with its targets and links: actor-free, so cached. */
async function loadPlanData(db: Db, plan: PlanRow, asOf: string, dueSoon: DueSoonThreshold): Promise<PlanData> {
  const [loaded, targets, links] = await Promise.all([loadPlanAndCityTasks(db, plan.communeId, plan.id), targetsOf(db, plan), planLinks(db, plan)]);
  const judged = (task: LoadedTask): JudgedTask => ({ task, judgement: judge(task, asOf, dueSoon) });
  return {
    // Amendments add and drop tasks from a day on: the plan's tasks are those of the version in force on asOf.
    planTasks: loaded.filter((task) => task.row.planId === plan.id && inForceOn(task.row, asOf)).map(judged),
    cityTasks: loaded
      .filter((task) => task.row.origin === 'city_assigned')
      .map(judged)
      .filter((j) => inPlanPeriod(plan)(j.judgement)),
    targets,
    links,
  };
}

/**
 * The tasks the dashboard counts: the plan's, and the city's with a deadline in the plan's period
 * (or none), each judged once for `asOf`. The dashboard's figures and `GET /api/dashboard/tasks`
 * both start here, so a card and the list it opens cannot disagree. One statement when the commune
 * has not changed since the last request for this date (in any process); the judging is cached.
 */
async function dashboardTasks(db: Db, actor: Actor, query: DashboardQuery) {
  const { asOf } = query;
  const communeId = query.planId === undefined ? (query.communeId ?? actor.communeId) : null;
  if (query.planId === undefined && communeId === null) throw invalid('Vui lòng chọn xã/phường.');
  const [found] = await communeWithVersion(db).execute({ communeId, planId: query.planId ?? null });
  if (!found || !canReadCommune(actor, found.commune)) throw notFound();
  const { commune, version } = found;
  const entry = communeEntry(db, commune.id, version, asOf, async () => {
    const [planRows, calendar, inspections] = await Promise.all([plansOfCommune(db).execute({ communeId: commune.id }), loadCalendar(db), loadInspectionData(db, commune.id)]);
    return { plans: planRows, calendar, inspections };
  });
  const base = await entry.base;
  const plan =
    query.planId !== undefined
      ? base.plans.find((p) => p.id === query.planId)
      : pickCurrentPlan(
          base.plans.map((p) => ({ ...p, start: p.periodStart, end: p.periodEnd })),
          asOf,
        );
  if (plan === undefined) {
    // A plan id the commune lookup matched is one of its plans, unless it went in between: then it is gone.
    if (query.planId !== undefined) throw notFound();
    return null;
  }
  const context = readContext(actor, commune, asOf, base.calendar);
  const data = await planData(entry, plan.id, () => loadPlanData(db, plan, asOf, context.dueSoon));
  const present = ({ task, judgement }: JudgedTask) => presentTask(task, context, judgement);
  const planTasks = data.planTasks.map(present);
  const cityTasks = data.cityTasks.map(present);
  return { planRow: plan, commune, context, data, inspectionData: base.inspections, planTasks, cityTasks, all: [...planTasks, ...cityTasks] };
}

/** What a card or a chart segment counted, as a list: the same tasks, the same filter (filterTasks). */
export async function listDashboardTasks(db: Db, actor: Actor, query: DashboardQuery, filter: TTaskFilter) {
  const found = await dashboardTasks(db, actor, query);
  return found === null ? [] : filterTasks(found.all, filter);
}

/** `today`: the clock's day, which decides what a surprise inspection may show (never the asked asOf). */
export async function getDashboard(db: Db, actor: Actor, query: DashboardQuery, today: string = query.asOf) {
  const { asOf } = query;
  const found = await dashboardTasks(db, actor, query);
  if (found === null) return { plan: null, asOf };
  const { planRow, commune, context, data, inspectionData, planTasks, cityTasks, all } = found;
  const rights = planRights(actor, commune, planRow);
  const { targets, links } = data;
  const plan = {
    ...presentPlanSummary(
      planRow,
      commune.name,
      planTasks.map((t) => t.status),
      rights,
    ),
    reportingRegime: planRow.reportingRegime,
    targets,
    ...links,
  };
  const totals = summarise(all.map((t) => t.status));
  const areaGroups = countBy(all, (t) => [t.area]);
  const unitGroups = countBy(all, (t) => t.leadUnits.map((u) => u.id));
  const unitNames = new Map(all.flatMap((t) => t.leadUnits.map((u) => [u.id, u.name] as const)));
  return {
    plan,
    asOf,
    dueSoonDays: context.dueSoon.workingDays,
    totals,
    completionRate: totals.completionRate,
    cityAssigned: summarise(cityTasks.map((t) => t.status)),
    byArea: AREAS.map((area) => {
      const summary = summarise(areaGroups.get(area) ?? []);
      return { area, total: summary.total, done: summary.done, overdue: summary.overdue, byStatus: summary.byStatus };
    }),
    byUnit: [...unitGroups.entries()]
      .map(([unitId, statuses]) => {
        const summary = summarise(statuses);
        return { unitId, unitName: unitNames.get(unitId) ?? '', total: summary.total, done: summary.done, overdue: summary.overdue, byStatus: summary.byStatus };
      })
      .sort((a, b) => b.total - a.total),
    // The lists under the cards are the cards' own filters: one threshold, one rule.
    overdue: filterTasks(all, DASHBOARD_CARD_FILTERS.overdue).sort(byDue),
    dueSoon: filterTasks(all, DASHBOARD_CARD_FILTERS.dueSoon).sort(byDue),
    undetermined: filterTasks(all, DASHBOARD_CARD_FILTERS.undetermined),
    awaitingConfirmation: all.filter((t) => t.awaitingConfirmation.length > 0),
    // From the cached rows: the secrecy of a surprise visit is the reader's and the clock's, so applied here.
    inspections: figuresFrom(inspectionData, actor, commune, today, Number(asOf.slice(0, 4))),
  };
}
