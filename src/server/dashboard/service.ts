/**
 * The commune's picture at a glance: the current plan's tasks (and the tasks the
 * city assigned in its period) judged for one date, counted by area and by unit.
 */

import { desc, eq, sql } from 'drizzle-orm';
import { AREAS, DASHBOARD_CARD_FILTERS, filterTasks, type TDashboardQuery, type TTaskFilter } from '../../contract';
import { inForceOn, type Status, summarise } from '../../domain/status';
import type { Actor } from '../access/actor';
import { planRights } from '../access/policy';
import { loadCalendar } from '../calendar/service';
import { requireCommune } from '../communes/service';
import type { Db } from '../db';
import { plans } from '../db/schema';
import { invalid } from '../errors';
import { inspectionFigures } from '../inspections/coverage';
import { pickCurrentPlan, planLinks, presentPlanSummary, requirePlan, targetsOf } from '../plans/service';
import { loadPlanAndCityTasks, type PresentedTask, preparedFor, presentTask, readContext } from '../tasks/read-model';

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

/** The commune and its plans in one wave (two statements side by side), the commune checked before its plans are used. */
async function communeAndPlans(db: Db, actor: Actor, communeId: number) {
  const [commune, planRows] = await Promise.all([
    requireCommune(db, actor, communeId),
    preparedFor(db, 'plans_of_commune', () =>
      db
        .select()
        .from(plans)
        .where(eq(plans.communeId, sql.placeholder('communeId')))
        .orderBy(desc(plans.periodStart), desc(plans.id))
        .prepare('plans_of_commune'),
    ).execute({ communeId }),
  ]);
  return { commune, planRows };
}

/**
 * The tasks the dashboard counts: the plan's, and the city's with a deadline in the plan's period
 * (or none), each judged once for `asOf`. The dashboard's figures and `GET /api/dashboard/tasks`
 * both start here, so a card and the list it opens cannot disagree.
 */
async function dashboardTasks(db: Db, actor: Actor, query: DashboardQuery) {
  const { asOf } = query;
  let planRow: typeof plans.$inferSelect | undefined;
  let commune: Awaited<ReturnType<typeof requireCommune>>;
  if (query.planId !== undefined) {
    ({ plan: planRow, commune } = await requirePlan(db, actor, query.planId));
  } else {
    const communeId = query.communeId ?? actor.communeId;
    if (communeId === null) throw invalid('Vui lòng chọn xã/phường.');
    const found = await communeAndPlans(db, actor, communeId);
    commune = found.commune;
    planRow = pickCurrentPlan(
      found.planRows.map((p) => ({ ...p, start: p.periodStart, end: p.periodEnd })),
      asOf,
    );
  }
  if (planRow === undefined) return null;
  const plan = planRow;
  // One load of the plan's and the city's tasks (one prepared statement), judged once.
  const [loaded, calendar] = await Promise.all([loadPlanAndCityTasks(db, plan.communeId, plan.id), loadCalendar(db)]);
  const context = readContext(actor, commune, asOf, calendar);
  // The plan's tasks of the version in force on asOf (amendments add and drop tasks from a day on).
  const planTasks = loaded.filter((task) => task.row.planId === plan.id && inForceOn(task.row, asOf)).map((task) => presentTask(task, context));
  const cityTasks = loaded
    .filter((task) => task.row.origin === 'city_assigned')
    .map((task) => presentTask(task, context))
    .filter(inPlanPeriod(plan));
  return { planRow: plan, commune, context, planTasks, cityTasks, all: [...planTasks, ...cityTasks] };
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
  const { planRow, commune, context, planTasks, cityTasks, all } = found;
  const rights = planRights(actor, commune, planRow);
  const [targets, links] = await Promise.all([targetsOf(db, planRow), planLinks(db, planRow)]);
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
    inspections: await inspectionFigures(db, actor, commune, today, Number(asOf.slice(0, 4))),
  };
}
