import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { TPlanCreate, TPlanDetail, TPlanInput, TPlanSummary, TPlanUpdate, TTarget, TTargetInput } from '../../contract';
import { type Status, summarise } from '../../domain/status';
import { translate } from '../../i18n';
import type { Actor } from '../access/actor';
import { canManageCommune, ensure, planRights } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Clock } from '../clock';
import { listCommunes, requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { plans, planTargets } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';
import { judgePlanTasks } from '../tasks/read-model';

export type PlanInput = TPlanInput;
export type TargetInput = TTargetInput;

type PlanRow = typeof plans.$inferSelect;

/** The list shape of a plan, from its tasks' statuses already judged, with what the actor may do with it. */
export function presentPlanSummary(plan: PlanRow, communeName: string, statuses: Status[], rights: ReturnType<typeof planRights>): TPlanSummary {
  const totals = summarise(statuses);
  return {
    id: plan.id,
    communeId: plan.communeId,
    communeName,
    kind: plan.kind,
    title: plan.title,
    number: plan.number,
    issuer: plan.issuer,
    issueDate: plan.issueDate,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    status: plan.status,
    taskCount: totals.total,
    doneCount: totals.done,
    overdueCount: totals.overdue,
    signer: plan.signer,
    version: plan.version,
    closedOn: plan.closedOn,
    finalResult: plan.finalResult ?? null,
    hasDocument: plan.documentPath !== null,
    ...rights,
  };
}

export type PlanSummary = TPlanSummary;

interface CommuneOfPlan {
  id: number;
  cityId: number;
  name: string;
  dueSoonDays: number;
}

async function summaryOf(db: Db, actor: Actor, plan: PlanRow, commune: CommuneOfPlan, asOf: string): Promise<PlanSummary> {
  const statuses = await judgePlanTasks(db, [plan], asOf, () => commune.dueSoonDays);
  return presentPlanSummary(plan, commune.name, statuses.get(plan.id) ?? [], planRights(actor, commune, plan));
}

export async function targetsOf(db: Db, plan: PlanRow): Promise<TTarget[]> {
  return db
    .select({ id: planTargets.id, text: planTargets.text, comparator: planTargets.comparator, value: planTargets.value, unit: planTargets.unit })
    .from(planTargets)
    .where(and(eq(planTargets.communeId, plan.communeId), eq(planTargets.planId, plan.id)))
    .orderBy(asc(planTargets.position));
}

/** Every plan the actor may read, judged at `asOf`: four queries however many communes and plans. */
export async function listPlans(db: Db, actor: Actor, asOf: string, communeId?: number): Promise<PlanSummary[]> {
  const visible = (await listCommunes(db, actor)).filter((c) => communeId === undefined || c.id === communeId);
  if (visible.length === 0) return [];
  const communeOf = new Map(visible.map((c) => [c.id, c]));
  const rows = await db
    .select()
    .from(plans)
    .where(inArray(plans.communeId, [...communeOf.keys()]))
    .orderBy(asc(plans.communeId), desc(plans.periodStart), desc(plans.id));
  const statuses = await judgePlanTasks(db, rows, asOf, (id) => communeOf.get(id)?.dueSoonDays ?? 7);
  // Communes in the order listCommunes gives (by name), each commune's plans newest first.
  const order = new Map(visible.map((c, i) => [c.id, i]));
  return rows
    .sort((a, b) => (order.get(a.communeId) ?? 0) - (order.get(b.communeId) ?? 0))
    .map((plan) => {
      const commune = communeOf.get(plan.communeId);
      if (!commune) throw new Error(`plan ${plan.id}: commune ${plan.communeId} not visible`);
      return presentPlanSummary(plan, commune.name, statuses.get(plan.id) ?? [], planRights(actor, commune, plan));
    });
}

export async function requirePlan(db: Db, actor: Actor, planId: number) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound();
  const commune = await requireCommune(db, actor, plan.communeId);
  return { plan, commune };
}

export async function getPlan(db: Db, actor: Actor, planId: number, asOf: string): Promise<TPlanDetail> {
  const { plan, commune } = await requirePlan(db, actor, planId);
  const [targets, links] = await Promise.all([targetsOf(db, plan), planLinks(db, plan)]);
  return {
    ...(await summaryOf(db, actor, plan, commune, asOf)),
    reportingRegime: plan.reportingRegime,
    targets,
    ...links,
  };
}

/** The carry-over links both ways: the plan this one continues, and the plans continuing it. */
export async function planLinks(db: DbOrTx, plan: PlanRow) {
  const columns = { id: plans.id, title: plans.title, periodStart: plans.periodStart, periodEnd: plans.periodEnd };
  const [previous, next] = await Promise.all([
    plan.previousPlanId === null
      ? Promise.resolve([])
      : db
          .select(columns)
          .from(plans)
          .where(and(eq(plans.communeId, plan.communeId), eq(plans.id, plan.previousPlanId))),
    db
      .select(columns)
      .from(plans)
      .where(and(eq(plans.communeId, plan.communeId), eq(plans.previousPlanId, plan.id)))
      .orderBy(asc(plans.periodStart)),
  ]);
  return { previousPlan: previous[0] ?? null, nextPlans: next };
}

/** An issued plan is read-only: it changes only through an amendment the leader decides. */
export function assertDraft(plan: { status: string }) {
  if (plan.status !== 'draft') throw new AppError('conflict', {}, { code: 'plan_not_draft' }, translate('vi', 'plan.error.notDraft'));
}

function checkPeriod(start: string, end: string) {
  if (start > end) throw invalid('Ngày bắt đầu kỳ kế hoạch phải trước ngày kết thúc.');
}

async function writeTargets(tx: DbOrTx, communeId: number, planId: number, targets: TargetInput[]) {
  await tx.delete(planTargets).where(and(eq(planTargets.communeId, communeId), eq(planTargets.planId, planId)));
  if (targets.length) await tx.insert(planTargets).values(targets.map((t, position) => ({ ...t, communeId, planId, position })));
}

/** Inserts a plan and its targets; the API, the demo loader and plan import share it. */
export async function insertPlan(tx: DbOrTx, actor: Actor | null, cityId: number, input: PlanInput) {
  const { targets = [], ...fields } = input;
  const [created] = await tx
    .insert(plans)
    .values({ ...fields, createdBy: actor?.id ?? null })
    .returning();
  await writeTargets(tx, input.communeId, created.id, targets);
  await recordAudit(tx, actor, { cityId, communeId: input.communeId, entity: 'plan', entityId: created.id, action: 'create', after: input });
  return created;
}

export async function createPlan(db: Db, clock: Clock, actor: Actor, input: TPlanCreate) {
  const commune = await requireCommune(db, actor, input.communeId);
  ensure(canManageCommune(actor, commune));
  checkPeriod(input.periodStart, input.periodEnd);
  const created = await db.transaction((tx) => insertPlan(tx, actor, commune.cityId, { ...input, status: 'draft' }));
  return getPlan(db, actor, created.id, clock.today());
}

export async function updatePlan(db: Db, clock: Clock, actor: Actor, planId: number, input: TPlanUpdate) {
  const { plan, commune } = await requirePlan(db, actor, planId);
  ensure(canManageCommune(actor, commune));
  assertDraft(plan);
  checkPeriod(input.periodStart ?? plan.periodStart, input.periodEnd ?? plan.periodEnd);
  const before = await getPlan(db, actor, planId, clock.today());
  await db.transaction(async (tx) => {
    const { targets, ...fields } = input;
    await tx
      .update(plans)
      .set({ ...fields, updatedAt: clock.now() })
      .where(and(eq(plans.communeId, plan.communeId), eq(plans.id, planId)));
    if (targets) await writeTargets(tx, plan.communeId, planId, targets);
    await recordAudit(tx, actor, { cityId: commune.cityId, communeId: plan.communeId, entity: 'plan', entityId: planId, action: 'update', before, after: input });
  });
  return getPlan(db, actor, planId, clock.today());
}

/**
 * The plan a dashboard shows by default: an issued plan whose period holds today (an annual or
 * half-year one before a thematic one), else the latest issued, else the latest draft.
 */
export async function currentPlanId(db: Db, actor: Actor, communeId: number, asOf: string): Promise<number | null> {
  await requireCommune(db, actor, communeId);
  const rows = await db
    .select({ id: plans.id, start: plans.periodStart, end: plans.periodEnd, kind: plans.kind, status: plans.status })
    .from(plans)
    .where(eq(plans.communeId, communeId))
    .orderBy(desc(plans.periodStart), desc(plans.id));
  return pickCurrentPlan(rows, asOf)?.id ?? null;
}

type PlanChoice = Pick<PlanRow, 'id' | 'kind' | 'status'> & { start: string; end: string };

/** The dashboard's rule on one commune's plans, newest period first (the city overview applies it to every commune). */
export function pickCurrentPlan<P extends PlanChoice>(rows: P[], asOf: string): P | undefined {
  const issued = rows.filter((p) => p.status !== 'draft' && p.kind !== 'inspection');
  const running = issued.filter((p) => p.start <= asOf && asOf <= p.end);
  return running.find((p) => p.kind === 'annual' || p.kind === 'half_year') ?? running[0] ?? issued[0] ?? rows[0];
}
