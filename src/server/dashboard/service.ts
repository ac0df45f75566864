/**
 * The commune's picture at a glance: the current plan's tasks (and the tasks the
 * city assigned in its period) judged for one date, counted by area and by unit.
 */

import { AREAS, type TDashboardQuery } from '../../contract';
import { addDays } from '../../domain/calendar';
import { isDone, type Status, summarise } from '../../domain/status';
import type { Actor } from '../access/actor';
import { planRights } from '../access/policy';
import type { Db } from '../db';
import { invalid } from '../errors';
import { currentPlanId, planLinks, presentPlanSummary, requirePlan, targetsOf } from '../plans/service';
import { loadTasks, type PresentedTask, presentTask, readContext } from '../tasks/read-model';

const byDue = (a: PresentedTask, b: PresentedTask) => (a.due ?? a.nextDue ?? '').localeCompare(b.due ?? b.nextDue ?? '');

function countBy<K>(list: PresentedTask[], keysOf: (task: PresentedTask) => K[]) {
  const groups = new Map<K, Status[]>();
  for (const task of list) for (const key of keysOf(task)) groups.set(key, [...(groups.get(key) ?? []), task.status]);
  return groups;
}

/** The contract's query, with the date every task is judged at settled by the route (the request's, or the clock's today). */
export type DashboardQuery = TDashboardQuery & { asOf: string };

export async function getDashboard(db: Db, actor: Actor, query: DashboardQuery) {
  const { asOf } = query;
  const communeId = query.communeId ?? actor.communeId;
  let planId = query.planId;
  if (planId === undefined) {
    if (communeId === null) throw invalid('Vui lòng chọn xã/phường.');
    planId = (await currentPlanId(db, actor, communeId, asOf)) ?? undefined;
  }
  if (planId === undefined) return { plan: null, asOf };
  // One load of each task list, judged once: the plan summary is counted from the same tasks the lists show.
  const { plan: planRow, commune } = await requirePlan(db, actor, planId);
  const context = readContext(actor, commune, asOf);
  const [planLoaded, cityLoaded, targets, links] = await Promise.all([
    loadTasks(db, { communeId: planRow.communeId, planId: planRow.id, inForceAt: asOf }),
    loadTasks(db, { communeId: planRow.communeId, origin: 'city_assigned' }),
    targetsOf(db, planRow),
    planLinks(db, planRow),
  ]);
  const planTasks = planLoaded.map((task) => presentTask(task, context));
  const cityTasks = cityLoaded.map((task) => presentTask(task, context)).filter((task) => task.due === null || (task.due >= planRow.periodStart && task.due <= planRow.periodEnd));
  const rights = planRights(actor, commune, planRow);
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
