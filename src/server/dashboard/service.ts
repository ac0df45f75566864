/**
 * The commune's picture at a glance: the current plan's tasks (and the tasks the
 * city assigned in its period) judged for one date, counted by area and by unit.
 */

import { desc, eq, sql } from 'drizzle-orm';
import { AREAS, type TDashboardQuery } from '../../contract';
import { addDays } from '../../domain/calendar';
import { isDone, type Status, summarise } from '../../domain/status';
import type { Actor } from '../access/actor';
import { planRights } from '../access/policy';
import { requireCommune } from '../communes/service';
import type { Db } from '../db';
import { plans } from '../db/schema';
import { invalid } from '../errors';
import { pickCurrentPlan, presentPlanSummary, requirePlan, targetsOf } from '../plans/service';
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

export async function getDashboard(db: Db, actor: Actor, query: DashboardQuery) {
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
  if (planRow === undefined) return { plan: null, asOf };
  // One load of the plan's and the city's tasks, judged once: the plan summary is counted from the same tasks the lists show.
  const context = readContext(actor, commune, asOf);
  const [loaded, targets] = await Promise.all([loadPlanAndCityTasks(db, planRow.communeId, planRow.id), targetsOf(db, planRow)]);
  const planLoaded = loaded.filter((task) => task.row.planId === planRow.id);
  const cityLoaded = loaded.filter((task) => task.row.origin === 'city_assigned');
  const planTasks = planLoaded.map((task) => presentTask(task, context));
  const cityTasks = cityLoaded.map((task) => presentTask(task, context)).filter(inPlanPeriod(planRow));
  const rights = planRights(actor, commune);
  const plan = {
    ...presentPlanSummary(
      planRow,
      commune.name,
      planTasks.map((t) => t.status),
      rights,
    ),
    reportingRegime: planRow.reportingRegime,
    targets,
  };
  const all = [...planTasks, ...cityTasks];
  const totals = summarise(all.map((t) => t.status));
  const horizon = addDays(asOf, query.horizonDays);
  const open = (task: PresentedTask) => !isDone(task.status);
  const nextDeadline = (task: PresentedTask) => task.nextDue ?? task.due;
  const areaGroups = countBy(all, (t) => [t.area]);
  const unitGroups = countBy(all, (t) => t.leadUnits.map((u) => u.id));
  const unitNames = new Map(all.flatMap((t) => t.leadUnits.map((u) => [u.id, u.name] as const)));
  return {
    plan,
    asOf,
    dueSoonDays: context.dueSoonDays,
    horizonDays: query.horizonDays,
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
    overdue: all.filter((t) => t.status === 'qua_han').sort(byDue),
    dueSoon: all
      .filter((t) => open(t) && t.status !== 'qua_han' && nextDeadline(t) !== null && (nextDeadline(t) as string) >= asOf && (nextDeadline(t) as string) <= horizon)
      .sort(byDue),
    undetermined: all.filter((t) => t.status === 'chua_xac_dinh_han'),
  };
}
