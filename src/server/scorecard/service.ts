/**
 * The targets scorecard of a plan: each key target against its actual figure
 * (an indicator from the commune's dossiers or a monthly figure entered by hand),
 * over the plan's period up to an "as of" day, with the trend by month.
 */
import { and, asc, eq } from 'drizzle-orm';
import type pg from 'pg';
import { type Comparator, INDICATOR_KEYS, type IndicatorKey, type IndicatorSet, judgeTarget, suggestIndicatorKey } from '../../domain/indicators';
import { matchKey } from '../../domain/text/normalize';
import type { Actor } from '../access/actor';
import { canManageCommune, ensure } from '../access/policy';
import type { Db } from '../db';
import { targetFigures, targetLinks } from '../db/schema';
import { queryIndicators } from '../dossiers/store';
import { invalid, notFound } from '../errors';
import { requirePlan, targetsOf } from '../plans/service';

const poolOf = (db: Db): pg.Pool => (db as Db & { $client: pg.Pool }).$client;

/** The months of [start, end] as [first day, last day] pairs. */
function monthsOf(start: string, end: string): Array<{ month: string; from: string; to: string }> {
  const out: Array<{ month: string; from: string; to: string }> = [];
  let [y, m] = start.split('-').map(Number);
  while (`${y}-${String(m).padStart(2, '0')}` <= end.slice(0, 7)) {
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ month: first.slice(0, 7), from: first < start ? start : first, to: last > end ? end : last });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

type TargetRow = { text: string; comparator: string | null; value: number | null };
type FigureRow = { targetKey: string; month: string; value: number };

/** The indicator a target reads: the one a person linked (null: figures by hand), else the one its wording suggests. */
const indicatorOf = (target: TargetRow, key: string, links: Map<string, string | null>) =>
  (links.has(key) ? links.get(key) : suggestIndicatorKey(target.text)) as IndicatorKey | null;

/** Whether any target reads an indicator: only then are the commune's dossiers counted. */
export const readsIndicators = (targets: TargetRow[], links: Map<string, string | null>) => targets.some((t) => indicatorOf(t, matchKey(t.text), links) !== null);

/**
 * One target over the plan's period up to `end`: its actual figure (the indicator over the period,
 * or the last figure entered by hand) and whether it is met — the rule the scorecard and the city
 * overview share. `figures` in month order.
 */
export function scoreTarget(target: TargetRow, links: Map<string, string | null>, figures: FigureRow[], end: string, whole: IndicatorSet | null) {
  const key = matchKey(target.text);
  const indicatorKey = indicatorOf(target, key, links);
  const own = figures.filter((f) => f.targetKey === key && f.month.slice(0, 7) <= end.slice(0, 7));
  const actual = indicatorKey ? (whole?.[indicatorKey] ?? null) : (own.at(-1)?.value ?? null);
  return { key, indicatorKey, own, actual, status: judgeTarget(target.comparator as Comparator | null, target.value, actual) };
}

export async function planScorecard(db: Db, actor: Actor, planId: number, asOf: string) {
  const { plan } = await requirePlan(db, actor, planId);
  const targets = await targetsOf(db, plan);
  const scope = and(eq(targetLinks.communeId, plan.communeId), eq(targetLinks.planId, planId));
  const links = new Map((await db.select().from(targetLinks).where(scope)).map((l) => [l.targetKey, l.indicatorKey]));
  const figures = await db
    .select()
    .from(targetFigures)
    .where(and(eq(targetFigures.communeId, plan.communeId), eq(targetFigures.planId, planId)))
    .orderBy(asc(targetFigures.month));

  const end = asOf < plan.periodEnd ? asOf : plan.periodEnd;
  const started = plan.periodStart <= end;
  const pool = poolOf(db);
  // Computed once for the plan, shared by every target linked to an indicator.
  let whole: IndicatorSet | null = null;
  let monthly: Array<{ month: string; indicators: IndicatorSet }> = [];
  if (started && readsIndicators(targets, links)) {
    [{ indicators: whole }] = await queryIndicators(pool, [plan.communeId], { from: plan.periodStart, to: end, asOf: end });
    monthly = [];
    for (const m of monthsOf(plan.periodStart, end)) {
      const [{ indicators }] = await queryIndicators(pool, [plan.communeId], { from: m.from, to: m.to, asOf: m.to });
      monthly.push({ month: m.month, indicators });
    }
  }

  return {
    planId,
    asOf,
    period: { start: plan.periodStart, end: plan.periodEnd },
    targets: targets.map((t) => {
      const { key, indicatorKey, own, actual, status } = scoreTarget(t, links, figures, end, whole);
      const saved = links.has(key);
      const trend = indicatorKey ? monthly.map((m) => ({ month: m.month, actual: m.indicators[indicatorKey] })) : own.map((f) => ({ month: f.month.slice(0, 7), actual: f.value }));
      return {
        id: t.id,
        text: t.text,
        comparator: t.comparator,
        value: t.value,
        unit: t.unit,
        source: indicatorKey ? ('indicator' as const) : ('manual' as const),
        indicatorKey,
        linkSaved: saved,
        actual,
        status,
        trend,
      };
    }),
  };
}

async function requireTarget(db: Db, actor: Actor, planId: number, targetId: number) {
  const { plan, commune } = await requirePlan(db, actor, planId);
  ensure(canManageCommune(actor, commune));
  const target = (await targetsOf(db, plan)).find((t) => t.id === targetId);
  if (!target) throw notFound();
  return { plan, key: matchKey(target.text) };
}

/** Links a target to an indicator, or (null) to figures entered by hand. */
export async function linkTarget(db: Db, actor: Actor, planId: number, targetId: number, indicatorKey: string | null) {
  if (indicatorKey !== null && !(INDICATOR_KEYS as readonly string[]).includes(indicatorKey)) throw invalid(`Chỉ số không tồn tại: ${indicatorKey}`);
  const { plan, key } = await requireTarget(db, actor, planId, targetId);
  await db
    .insert(targetLinks)
    .values({ communeId: plan.communeId, planId, targetKey: key, indicatorKey })
    .onConflictDoUpdate({ target: [targetLinks.communeId, targetLinks.planId, targetLinks.targetKey], set: { indicatorKey, updatedAt: new Date() } });
  return { targetId, indicatorKey };
}

/** A month's figure for a target measured by hand. */
export async function enterFigure(db: Db, actor: Actor, planId: number, targetId: number, month: string, value: number) {
  const { plan, key } = await requireTarget(db, actor, planId, targetId);
  const first = `${month}-01`;
  await db
    .insert(targetFigures)
    .values({ communeId: plan.communeId, planId, targetKey: key, month: first, value, enteredBy: actor.id })
    .onConflictDoUpdate({
      target: [targetFigures.communeId, targetFigures.planId, targetFigures.targetKey, targetFigures.month],
      set: { value, enteredBy: actor.id, updatedAt: new Date() },
    });
  return { targetId, month, value };
}
