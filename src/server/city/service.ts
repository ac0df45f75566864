/**
 * The city's view of its communes: every commune's plan in force, its tasks and the city's
 * tasks judged at one date (the same counts as the commune's dashboard), its reports by
 * period, and the city's totals. Six statements in three waves (a fourth, the dossiers, only for
 * targets that read an indicator), whatever the number of communes; one when no commune changed since
 * the last read (see rowCache): the plans are read only for the communes whose rows are rebuilt.
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { TCityAssignedCounts, TCityOverview, TCityOverviewRow, TFindingCounts, TReportCounts, TTargetCounts } from '../../contract';
import type { WorkingCalendar } from '../../domain/calendar';
import { INDICATOR_KEYS, type IndicatorSet } from '../../domain/indicators';
import { inForceOn, STATUSES, type Status, summarise, summariseCounts } from '../../domain/status';
import type { Actor } from '../access/actor';
import { canSeeCityOverview, ensure } from '../access/policy';
import { loadCalendar } from '../calendar/service';
import { inPlanPeriod } from '../dashboard/service';
import type { Db } from '../db';
import { communes, communeVersions, inspectionFindings, plans, planTargets, reportPeriods, reports, targetFigures, targetLinks } from '../db/schema';
import { queryIndicators } from '../dossiers/store';
import { pickCurrentPlan } from '../plans/service';
import { readsIndicators, scoreTarget } from '../scorecard/service';
import { dueSoonOf, judge, loadForJudging, preparedFor } from '../tasks/read-model';

type CommuneRow = { id: number; name: string; kind: TCityOverviewRow['communeKind']; code: string; dueSoonDays: number };
type PlanRow = {
  id: number;
  communeId: number;
  title: string;
  number: string | null;
  kind: typeof plans.$inferSelect.kind;
  status: typeof plans.$inferSelect.status;
  start: string;
  end: string;
};
type PeriodRow = { communeId: number; planId: number; communeDeadline: string; submittedOn: string | null; daysLate: number | null };

/** The city's communes with their version (commune_versions, bumped by triggers with every write that changes a row). */
const communesOfCity = (db: Db) =>
  preparedFor(db, 'city_communes', () =>
    db
      .select({
        id: communes.id,
        name: communes.name,
        kind: communes.kind,
        code: communes.code,
        dueSoonDays: communes.dueSoonDays,
        version: sql<number>`coalesce(${communeVersions.version}, 0)`,
        // Findings exist only after a visit, so counting them all gives no surprise inspection away.
        findings: sql<TFindingCounts>`(select json_build_object('open', count(*) filter (where f.status <> 'accepted'), 'overdue', count(*) filter (where f.status in ('open', 'reopened') and f.deadline < ${sql.placeholder('asOf')}::date)) from ${inspectionFindings} f where f.commune_id = ${communes.id})`,
      })
      .from(communes)
      .leftJoin(communeVersions, eq(communeVersions.communeId, communes.id))
      .where(eq(communes.cityId, sql.placeholder('cityId')))
      .orderBy(asc(communes.name))
      .prepare('city_communes'),
  );

/** The plans of the given communes (those whose rows are rebuilt): none read when every row is still fresh. */
const plansOfCommunes = (db: Db) =>
  preparedFor(db, 'city_plans', () =>
    db
      .select({
        id: plans.id,
        communeId: plans.communeId,
        title: plans.title,
        number: plans.number,
        kind: plans.kind,
        status: plans.status,
        start: plans.periodStart,
        end: plans.periodEnd,
      })
      .from(plans)
      .where(sql`${plans.communeId} = any(${sql.placeholder('communeIds')})`)
      .orderBy(desc(plans.periodStart), desc(plans.id))
      .prepare('city_plans'),
  );

/** The commune-level report of each period of the given plans (none yet: submittedOn null). */
const periodsOfPlans = (db: Db) =>
  preparedFor(db, 'city_report_periods', () =>
    db
      .select({
        communeId: reportPeriods.communeId,
        planId: reportPeriods.planId,
        communeDeadline: reportPeriods.communeDeadline,
        submittedOn: reports.submittedOn,
        daysLate: reports.daysLate,
      })
      .from(reportPeriods)
      .leftJoin(reports, sql`${reports.communeId} = ${reportPeriods.communeId} and ${reports.periodId} = ${reportPeriods.id} and ${reports.level} = 'commune'`)
      // A period owed by one unit (an inspection's self-report) has no commune report to count.
      .where(
        sql`${reportPeriods.communeId} = any(${sql.placeholder('communeIds')}) and ${reportPeriods.planId} = any(${sql.placeholder('planIds')}) and ${reportPeriods.unitId} is null`,
      )
      .prepare('city_report_periods'),
  );

/** The key targets of the given plans with their links and hand-entered figures (the scorecard's inputs), one row per plan. */
const targetsOfPlans = (db: Db) =>
  preparedFor(db, 'city_plan_targets', () =>
    db
      .select({
        communeId: plans.communeId,
        planId: plans.id,
        targets: sql<
          { text: string; comparator: string | null; value: number | null }[]
        >`coalesce((select json_agg(json_build_object('text', t.text, 'comparator', t.comparator, 'value', t.value) order by t.position) from ${planTargets} t where t.commune_id = ${plans}.commune_id and t.plan_id = ${plans}.id), '[]'::json)`,
        links: sql<
          { key: string; indicator: string | null }[]
        >`coalesce((select json_agg(json_build_object('key', l.target_key, 'indicator', l.indicator_key)) from ${targetLinks} l where l.commune_id = ${plans}.commune_id and l.plan_id = ${plans}.id), '[]'::json)`,
        figures: sql<
          { targetKey: string; month: string; value: number }[]
        >`coalesce((select json_agg(json_build_object('targetKey', f.target_key, 'month', f.month, 'value', f.value) order by f.month) from ${targetFigures} f where f.commune_id = ${plans}.commune_id and f.plan_id = ${plans}.id), '[]'::json)`,
      })
      .from(plans)
      .where(sql`${plans}.commune_id = any(${sql.placeholder('communeIds')}) and ${plans}.id = any(${sql.placeholder('planIds')})`)
      .prepare('city_plan_targets'),
  );

type PlanTargets = Awaited<ReturnType<ReturnType<typeof targetsOfPlans>['execute']>>[number];

const NO_DOSSIERS = Object.fromEntries(INDICATOR_KEYS.map((key) => [key, key.endsWith('_pct') ? null : 0])) as unknown as IndicatorSet;

const noTargets = (): TTargetCounts => ({ total: 0, met: 0, notMet: 0, noData: 0 });

/** The day a plan's scorecard reads up to: the day asked, or the plan's end when it is over. */
const scoreEnd = (plan: PlanRow, asOf: string) => (asOf < plan.end ? asOf : plan.end);

/**
 * Each plan's dossier indicators over its period up to asOf, for the plans whose targets read one:
 * one statement per distinct period (grouped by commune), so a city whose plans share their period —
 * a year's annual plans — costs one, whatever the number of communes.
 */
async function indicatorsOf(db: Db, wanted: { communeId: number; plan: PlanRow }[], asOf: string): Promise<Map<number, IndicatorSet>> {
  const windows = groupBy(wanted, (w) => `${w.plan.start}|${scoreEnd(w.plan, asOf)}`);
  const pool = (db as Db & { $client: pg.Pool }).$client;
  const out = new Map<number, IndicatorSet>();
  await Promise.all(
    [...windows.values()].map(async (group) => {
      const end = scoreEnd(group[0].plan, asOf);
      const sets = await queryIndicators(
        pool,
        group.map((w) => w.communeId),
        { from: group[0].plan.start, to: end, asOf: end },
        'commune',
      );
      const byCommune = new Map(sets.map((set) => [set.key, set.indicators]));
      // A commune without a dossier in the window has no row: nothing counted, no percentage — as its scorecard reads it.
      for (const w of group) out.set(w.communeId, byCommune.get(String(w.communeId)) ?? NO_DOSSIERS);
    }),
  );
  return out;
}

/** The scorecard's counts for one plan (the same rule, target by target). */
function countTargets(plan: PlanRow, bundle: PlanTargets | undefined, whole: IndicatorSet | null, asOf: string): TTargetCounts {
  const counts = noTargets();
  if (!bundle) return counts;
  const links = new Map(bundle.links.map((l) => [l.key, l.indicator]));
  const end = scoreEnd(plan, asOf);
  for (const target of bundle.targets) {
    const { status } = scoreTarget(target, links, bundle.figures, end, plan.start <= end ? whole : null);
    counts.total++;
    counts[status === 'met' ? 'met' : status === 'not_met' ? 'notMet' : 'noData']++;
  }
  return counts;
}

const groupBy = <T, K>(list: T[], key: (item: T) => K) => {
  const map = new Map<K, T[]>();
  for (const item of list) {
    const group = map.get(key(item));
    if (group) group.push(item);
    else map.set(key(item), [item]);
  }
  return map;
};

const noReports = (): TReportCounts => ({ onTime: 0, late: 0, missing: 0, notDue: 0 });

function countReports(periods: PeriodRow[], asOf: string): TReportCounts {
  const counts = noReports();
  for (const p of periods) {
    if (p.submittedOn !== null) counts[(p.daysLate ?? 0) > 0 ? 'late' : 'onTime']++;
    else counts[asOf <= p.communeDeadline ? 'notDue' : 'missing']++;
  }
  return counts;
}

export function countCityAssigned(statuses: Status[]): TCityAssignedCounts {
  const s = summarise(statuses);
  const onTime = s.byStatus.hoan_thanh_dung_han;
  const late = s.byStatus.hoan_thanh_qua_han;
  return { total: s.total, onTime, late, overdue: s.overdue, open: s.total - onTime - late - s.overdue };
}

const addCounts = <T extends Record<string, number>>(a: T, b: T): T => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] + b[k]])) as T;

/** One commune's row: the dashboard's counting rules on the rows already loaded for the whole city. */
function communeRow(
  commune: CommuneRow,
  plan: PlanRow | undefined,
  loaded: ReturnType<typeof groupBy<Awaited<ReturnType<typeof loadForJudging>>[number], number>>,
  periods: PeriodRow[],
  targets: TTargetCounts,
  asOf: string,
  calendar: WorkingCalendar,
): Omit<TCityOverviewRow, 'findings'> {
  // City-assigned tasks, and the plan's tasks of the version in force on asOf.
  const own = (loaded.get(commune.id) ?? []).filter((task) => task.row.origin === 'city_assigned' || inForceOn(task.row, asOf));
  const dueSoon = dueSoonOf(commune, calendar);
  const judged = own.map((task) => ({ task: task.row, ...judge(task, asOf, dueSoon) }));
  const planJudged = plan ? judged.filter((j) => j.task.planId === plan.id) : [];
  const period = plan ? { periodStart: plan.start, periodEnd: plan.end } : { periodStart: `${asOf.slice(0, 4)}-01-01`, periodEnd: `${asOf.slice(0, 4)}-12-31` };
  const cityJudged = judged.filter((j) => j.task.origin === 'city_assigned').filter(inPlanPeriod(period));
  const planSummary = summarise(planJudged.map((j) => j.status));
  return {
    communeId: commune.id,
    communeName: commune.name,
    communeKind: commune.kind,
    code: commune.code,
    plan: plan
      ? {
          id: plan.id,
          title: plan.title,
          number: plan.number,
          periodStart: plan.start,
          periodEnd: plan.end,
          taskCount: planSummary.total,
          doneCount: planSummary.done,
          overdueCount: planSummary.overdue,
        }
      : null,
    totals: summarise([...planJudged, ...cityJudged].map((j) => j.status)),
    cityAssigned: countCityAssigned(cityJudged.map((j) => j.status)),
    reports: countReports(periods, asOf),
    targets,
  };
}

/**
 * Each commune's row, kept per database handle for one date and one version of the commune: a later
 * read reuses it while the commune's version (bumped in the writer's transaction, whichever process
 * wrote) is unchanged, so a city whose communes did not move costs two statements and no judging.
 */
const rowCache = new WeakMap<Db, Map<number, { asOf: string; version: number; row: Omit<TCityOverviewRow, 'findings'> }>>();

export async function getCityOverview(db: Db, actor: Actor, asOf: string): Promise<TCityOverview> {
  ensure(canSeeCityOverview(actor));
  const cache = rowCache.get(db) ?? new Map();
  rowCache.set(db, cache);
  const communeRows = await communesOfCity(db).execute({ cityId: actor.cityId, asOf });
  const fresh = (c: (typeof communeRows)[number]) => {
    const hit = cache.get(c.id);
    return hit !== undefined && hit.asOf === asOf && hit.version === c.version ? hit.row : undefined;
  };
  const stale = communeRows.filter((c) => fresh(c) === undefined);
  if (stale.length > 0) {
    const communeIds = stale.map((c) => c.id);
    const plansOf = groupBy(await plansOfCommunes(db).execute({ communeIds }), (p) => p.communeId);
    const current = new Map(stale.map((c) => [c.id, pickCurrentPlan(plansOf.get(c.id) ?? [], asOf)]));
    const planIds = [...current.values()].flatMap((p) => (p ? [p.id] : []));
    const [loaded, periodRows, calendar, targetRows] = await Promise.all([
      loadForJudging(db, communeIds, planIds),
      periodsOfPlans(db).execute({ communeIds, planIds }),
      loadCalendar(db),
      targetsOfPlans(db).execute({ communeIds, planIds }),
    ]);
    const loadedOf = groupBy(loaded, (t) => t.row.communeId);
    const periodsOf = groupBy(periodRows, (p) => p.communeId);
    const targetsOf = new Map(targetRows.map((t) => [t.communeId, t]));
    // Dossiers are counted only for the plans whose targets read an indicator (a third wave, often none).
    const wanted = stale.flatMap((c) => {
      const plan = current.get(c.id);
      const bundle = targetsOf.get(c.id);
      const reads = plan && bundle && plan.start <= scoreEnd(plan, asOf) && readsIndicators(bundle.targets, new Map(bundle.links.map((l) => [l.key, l.indicator])));
      return reads ? [{ communeId: c.id, plan }] : [];
    });
    const indicators = wanted.length > 0 ? await indicatorsOf(db, wanted, asOf) : new Map<number, IndicatorSet>();
    for (const c of stale) {
      const plan = current.get(c.id);
      const targets = plan ? countTargets(plan, targetsOf.get(c.id), indicators.get(c.id) ?? null, asOf) : noTargets();
      cache.set(c.id, { asOf, version: c.version, row: communeRow(c, plan, loadedOf, periodsOf.get(c.id) ?? [], targets, asOf, calendar) });
    }
  }
  // The findings come with the communes' statement, always fresh (the cached row is the judged part).
  const rows = communeRows.map((c) => ({ ...(cache.get(c.id)?.row as Omit<TCityOverviewRow, 'findings'>), findings: c.findings }));
  return {
    asOf,
    communes: rows,
    totals: {
      communes: rows.length,
      withPlan: rows.filter((r) => r.plan !== null).length,
      tasks: summariseCounts(rows.map((r) => r.totals.byStatus).reduce(addCounts, Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>)),
      cityAssigned: rows.map((r) => r.cityAssigned).reduce(addCounts, { total: 0, onTime: 0, late: 0, overdue: 0, open: 0 }),
      reports: rows.map((r) => r.reports).reduce(addCounts, noReports()),
      targets: rows.map((r) => r.targets).reduce(addCounts, noTargets()),
      findings: rows.map((r) => r.findings).reduce(addCounts, { open: 0, overdue: 0 }),
    },
  };
}
