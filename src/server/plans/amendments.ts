/**
 * Amendments to an issued plan (seeds 000, 001, 004: units propose changes, the UBND decides via
 * Phòng VH-XH). A unit proposes; the coordinator gathers proposals into an amendment; the leader
 * decides it citing the deciding document. Each decision makes a new version in force from the
 * decision's date: added tasks count from that day, dropped ones until the day before.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { TAmendment, TAmendmentInput, TDecideAmendment, TPlanAmendments, TProposal, TProposalInput, TVersionDiff } from '../../contract';
import { inForceOn } from '../../domain/status';
import { parseTimeframe } from '../../domain/timeframe';
import { translate } from '../../i18n';
import type { PlanMessageKey } from '../../i18n/plans';
import type { Actor } from '../access/actor';
import { ensure, planRights } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Clock } from '../clock';
import type { Db, DbOrTx } from '../db';
import { amendmentProposals, type ProposedChange, planAmendments, plans, planVersions, tasks, taskUnits, units, users } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';
import { insertTask, writeUnits } from '../tasks/commands';
import { assertUnitsOfCommune } from '../units/service';
import { requirePlan } from './service';

type PlanRow = typeof plans.$inferSelect;
type ProposalRow = typeof amendmentProposals.$inferSelect;

const message = (key: PlanMessageKey, params: Record<string, string | number> = {}) => translate('vi', key, params);
const wrongState = (key: PlanMessageKey) => new AppError('conflict', {}, { code: key }, message(key));

/** What each kind of proposal must say. */
function checkChange(input: TProposalInput) {
  const c = input.change;
  const missing: string[] = [];
  if (input.kind === 'add_task') {
    if (!c.content) missing.push('nội dung nhiệm vụ');
    if (!c.area) missing.push('lĩnh vực');
    if (!c.leadUnitIds?.length) missing.push('cơ quan chủ trì');
    if (!c.timeframeText) missing.push('thời gian thực hiện');
  } else if (!input.taskId) missing.push('nhiệm vụ cần điều chỉnh');
  if (input.kind === 'reschedule' && !c.timeframeText) missing.push('thời gian thực hiện mới');
  if (input.kind === 'change_lead' && !c.leadUnitIds?.length) missing.push('cơ quan chủ trì mới');
  if (input.kind === 'change_product' && !c.product) missing.push('sản phẩm mới');
  if (missing.length) throw invalid(message('plan.error.proposalChange', { what: missing.join(', ') }));
}

/** The task a proposal is about: of this plan and in force today. */
async function requirePlanTask(db: DbOrTx, plan: PlanRow, taskId: number, today: string) {
  const [task] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.communeId, plan.communeId), eq(tasks.planId, plan.id), eq(tasks.id, taskId)));
  if (!task || !inForceOn(task, today)) throw invalid(message('plan.error.taskOfPlan'));
  return task;
}

export async function proposeChange(db: Db, clock: Clock, actor: Actor, planId: number, input: TProposalInput): Promise<TProposal> {
  const { plan, commune } = await requirePlan(db, actor, planId);
  ensure(planRights(actor, commune, { status: 'issued' }).canPropose);
  if (plan.status !== 'issued') throw wrongState('plan.error.notIssued');
  checkChange(input);
  const taskId = input.kind === 'add_task' ? null : (input.taskId ?? null);
  if (taskId !== null) await requirePlanTask(db, plan, taskId, clock.today());
  await assertUnitsOfCommune(db, plan.communeId, [...(input.change.leadUnitIds ?? []), ...(input.change.coordinatorUnitIds ?? []), ...(input.unitId ? [input.unitId] : [])]);
  // A unit's people propose for their own unit, whatever the request says.
  const unitId = actor.unitId ?? input.unitId ?? null;
  const [created] = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(amendmentProposals)
      .values({ communeId: plan.communeId, planId: plan.id, unitId, kind: input.kind, taskId, change: input.change, reason: input.reason, proposedBy: actor.id })
      .returning();
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: plan.communeId,
      entity: 'plan',
      entityId: plan.id,
      action: 'propose',
      after: { proposalId: rows[0].id, ...input },
    });
    return rows;
  });
  const [presented] = await presentProposals(db, plan.communeId, [created]);
  return presented;
}

/** The coordinator gathers waiting proposals into one amendment for the leader. */
export async function gatherAmendment(db: Db, actor: Actor, planId: number, input: TAmendmentInput): Promise<TAmendment> {
  const { plan, commune } = await requirePlan(db, actor, planId);
  ensure(planRights(actor, commune, { status: 'issued' }).canGather);
  if (plan.status !== 'issued') throw wrongState('plan.error.notIssued');
  const ids = [...new Set(input.proposalIds)];
  const waiting = await db
    .select({ id: amendmentProposals.id })
    .from(amendmentProposals)
    .where(
      and(eq(amendmentProposals.communeId, plan.communeId), eq(amendmentProposals.planId, plan.id), eq(amendmentProposals.status, 'proposed'), inArray(amendmentProposals.id, ids)),
    );
  if (waiting.length !== ids.length) throw wrongState('plan.error.proposalTaken');
  const amendmentId = await db.transaction(async (tx) => {
    const [amendment] = await tx.insert(planAmendments).values({ communeId: plan.communeId, planId: plan.id, title: input.title, createdBy: actor.id }).returning();
    await tx
      .update(amendmentProposals)
      .set({ amendmentId: amendment.id, status: 'gathered' })
      .where(and(eq(amendmentProposals.communeId, plan.communeId), inArray(amendmentProposals.id, ids)));
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: plan.communeId,
      entity: 'plan_amendment',
      entityId: amendment.id,
      action: 'create',
      after: { planId: plan.id, ...input },
    });
    return amendment.id;
  });
  return getAmendment(db, plan, amendmentId);
}

async function requireAmendment(db: Db, actor: Actor, amendmentId: number) {
  const [amendment] = await db.select().from(planAmendments).where(eq(planAmendments.id, amendmentId));
  if (!amendment) throw notFound();
  const { plan, commune } = await requirePlan(db, actor, amendment.planId);
  return { amendment, plan, commune };
}

/** Applies one accepted proposal to the plan's tasks, from the decision's date; returns the task as it was. */
async function applyProposal(
  tx: DbOrTx,
  actor: Actor,
  cityId: number,
  plan: PlanRow,
  proposal: ProposalRow,
  inForceFrom: string,
  position: number,
): Promise<{ before: ProposedChange | null; taskId: number | null }> {
  const where = (taskId: number) => and(eq(tasks.communeId, plan.communeId), eq(tasks.id, taskId));
  const change = proposal.change;
  const period = { start: plan.periodStart, end: plan.periodEnd };
  if (proposal.kind === 'add_task') {
    const created = await insertTask(
      tx,
      actor,
      { communeId: plan.communeId, planId: plan.id, origin: 'plan', sourceDocument: null, period, position, activeFrom: inForceFrom, addedOn: inForceFrom },
      {
        area: (change.area ?? 1) as 1,
        number: null,
        content: change.content ?? '',
        leadUnitIds: change.leadUnitIds ?? [],
        coordinatorUnitIds: (change.coordinatorUnitIds ?? []).filter((id) => !(change.leadUnitIds ?? []).includes(id)),
        timeframeText: change.timeframeText ?? '',
        product: change.product ?? '',
      },
      cityId,
    );
    return { before: null, taskId: created.id };
  }
  const taskId = proposal.taskId as number;
  const [task] = await tx.select().from(tasks).where(where(taskId));
  if (!task) return { before: null, taskId };
  if (proposal.kind === 'drop_task') {
    await tx.update(tasks).set({ removedOn: inForceFrom }).where(where(taskId));
    return { before: { content: task.content }, taskId };
  }
  if (proposal.kind === 'reschedule') {
    const timeframeText = change.timeframeText ?? task.timeframeText;
    await tx
      .update(tasks)
      .set({ timeframeText, schedule: parseTimeframe(timeframeText, { start: task.periodStart, end: task.periodEnd }), version: task.version + 1, updatedAt: new Date() })
      .where(where(taskId));
    return { before: { timeframeText: task.timeframeText }, taskId };
  }
  if (proposal.kind === 'change_product') {
    await tx
      .update(tasks)
      .set({ product: change.product ?? task.product, version: task.version + 1, updatedAt: new Date() })
      .where(where(taskId));
    return { before: { product: task.product }, taskId };
  }
  // change_lead: the new lead units; the coordinating units stay, minus any now leading.
  const current = await tx
    .select({ unitId: taskUnits.unitId, role: taskUnits.role })
    .from(taskUnits)
    .where(and(eq(taskUnits.communeId, plan.communeId), eq(taskUnits.taskId, taskId)))
    .orderBy(asc(taskUnits.position));
  const lead = change.leadUnitIds ?? [];
  const coordinators = current.filter((u) => u.role === 'coordinator' && !lead.includes(u.unitId)).map((u) => u.unitId);
  await writeUnits(tx, plan.communeId, taskId, { leadUnitIds: lead, coordinatorUnitIds: coordinators });
  await tx
    .update(tasks)
    .set({ version: task.version + 1, updatedAt: new Date() })
    .where(where(taskId));
  return { before: { leadUnitIds: current.filter((u) => u.role === 'lead').map((u) => u.unitId) }, taskId };
}

/** The leader decides: accepted proposals change the tasks from the decision's date, as a new version. */
export async function decideAmendment(db: Db, clock: Clock, actor: Actor, amendmentId: number, input: TDecideAmendment): Promise<TAmendment> {
  const { amendment, plan, commune } = await requireAmendment(db, actor, amendmentId);
  ensure(planRights(actor, commune, { status: 'issued' }).canDecide);
  if (plan.status !== 'issued') throw wrongState('plan.error.notIssued');
  if (amendment.status !== 'open') throw wrongState('plan.error.amendmentDecided');
  if ((plan.issueDate && input.decisionDate < plan.issueDate) || input.decisionDate > clock.today()) throw invalid(message('plan.error.decisionDate'));
  const proposals = await db
    .select()
    .from(amendmentProposals)
    .where(and(eq(amendmentProposals.communeId, plan.communeId), eq(amendmentProposals.amendmentId, amendment.id)))
    .orderBy(asc(amendmentProposals.id));
  const rejected = new Set(input.rejectedProposalIds ?? []);
  const version = plan.version + 1;
  await db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: tasks.position })
      .from(tasks)
      .where(and(eq(tasks.communeId, plan.communeId), eq(tasks.planId, plan.id)))
      .orderBy(desc(tasks.position))
      .limit(1);
    let position = (last?.position ?? 0) + 1;
    for (const proposal of proposals) {
      if (rejected.has(proposal.id)) {
        await tx
          .update(amendmentProposals)
          .set({ status: 'rejected' })
          .where(and(eq(amendmentProposals.communeId, plan.communeId), eq(amendmentProposals.id, proposal.id)));
        continue;
      }
      const applied = await applyProposal(tx, actor, commune.cityId, plan, proposal, input.decisionDate, position++);
      await tx
        .update(amendmentProposals)
        .set({ status: 'accepted', before: applied.before, taskId: applied.taskId })
        .where(and(eq(amendmentProposals.communeId, plan.communeId), eq(amendmentProposals.id, proposal.id)));
    }
    await tx.insert(planVersions).values({
      communeId: plan.communeId,
      planId: plan.id,
      version,
      inForceFrom: input.decisionDate,
      documentNumber: input.decisionNumber,
      documentDate: input.decisionDate,
      amendmentId: amendment.id,
      createdBy: actor.id,
    });
    await tx
      .update(plans)
      .set({ version, updatedAt: clock.now() })
      .where(and(eq(plans.communeId, plan.communeId), eq(plans.id, plan.id)));
    await tx
      .update(planAmendments)
      .set({ status: 'decided', decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, version, decidedBy: actor.id })
      .where(and(eq(planAmendments.communeId, plan.communeId), eq(planAmendments.id, amendment.id)));
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: plan.communeId,
      entity: 'plan_amendment',
      entityId: amendment.id,
      action: 'decide',
      after: { ...input, version },
    });
  });
  return getAmendment(db, plan, amendment.id);
}

async function presentProposals(db: DbOrTx, communeId: number, rows: ProposalRow[]): Promise<TProposal[]> {
  if (rows.length === 0) return [];
  const unitIds = [...new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : [])))];
  const taskIds = [...new Set(rows.flatMap((r) => (r.taskId ? [r.taskId] : [])))];
  const userIds = [...new Set(rows.flatMap((r) => (r.proposedBy ? [r.proposedBy] : [])))];
  const [unitRows, taskRows, userRows] = await Promise.all([
    unitIds.length
      ? db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.communeId, communeId), inArray(units.id, unitIds)))
      : [],
    taskIds.length
      ? db
          .select({ id: tasks.id, content: tasks.content })
          .from(tasks)
          .where(and(eq(tasks.communeId, communeId), inArray(tasks.id, taskIds)))
      : [],
    userIds.length ? db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, userIds)) : [],
  ]);
  const unitOf = new Map(unitRows.map((u) => [u.id, u]));
  const taskOf = new Map(taskRows.map((t) => [t.id, t.content]));
  const userOf = new Map(userRows.map((u) => [u.id, u.fullName]));
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    amendmentId: r.amendmentId,
    unit: r.unitId ? (unitOf.get(r.unitId) ?? null) : null,
    kind: r.kind,
    taskId: r.taskId,
    taskContent: r.taskId ? (taskOf.get(r.taskId) ?? null) : (r.change.content ?? null),
    change: r.change,
    before: r.before,
    reason: r.reason,
    status: r.status,
    proposedBy: r.proposedBy ? (userOf.get(r.proposedBy) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

async function getAmendment(db: Db, plan: PlanRow, amendmentId: number): Promise<TAmendment> {
  const story = await amendmentStory(db, plan);
  const found = story.amendments.find((a) => a.id === amendmentId);
  if (!found) throw notFound();
  return found;
}

async function amendmentStory(db: Db, plan: PlanRow): Promise<TPlanAmendments> {
  const scope = (table: typeof planAmendments | typeof amendmentProposals | typeof planVersions) => and(eq(table.communeId, plan.communeId), eq(table.planId, plan.id));
  const [versionRows, amendmentRows, proposalRows, taskRows] = await Promise.all([
    db.select().from(planVersions).where(scope(planVersions)).orderBy(asc(planVersions.version)),
    db.select().from(planAmendments).where(scope(planAmendments)).orderBy(asc(planAmendments.id)),
    db.select().from(amendmentProposals).where(scope(amendmentProposals)).orderBy(asc(amendmentProposals.id)),
    db
      .select({ addedOn: tasks.addedOn })
      .from(tasks)
      .where(and(eq(tasks.communeId, plan.communeId), eq(tasks.planId, plan.id))),
  ]);
  const proposals = await presentProposals(db, plan.communeId, proposalRows);
  // Counted by version, not by date: a decision the same day as the issue still leaves version 1 whole.
  const versionOf = new Map(amendmentRows.map((a) => [a.id, a.version]));
  const accepted = (version: number, kind: TProposal['kind']) =>
    proposals.filter((p) => p.status === 'accepted' && p.kind === kind && p.amendmentId !== null && versionOf.get(p.amendmentId) === version).length;
  const counts = new Map<number, number>();
  let count = taskRows.filter((t) => t.addedOn === null).length;
  for (const v of versionRows) {
    if (v.version > 1) count += accepted(v.version, 'add_task') - accepted(v.version, 'drop_task');
    counts.set(v.version, count);
  }
  return {
    versions: versionRows.map((v) => ({
      version: v.version,
      inForceFrom: v.inForceFrom,
      documentNumber: v.documentNumber,
      documentDate: v.documentDate,
      amendmentId: v.amendmentId,
      taskCount: counts.get(v.version) ?? 0,
    })),
    amendments: amendmentRows.map((a) => ({
      id: a.id,
      planId: a.planId,
      title: a.title,
      status: a.status,
      decisionNumber: a.decisionNumber,
      decisionDate: a.decisionDate,
      version: a.version,
      proposals: proposals.filter((p) => p.amendmentId === a.id),
    })),
    pending: proposals.filter((p) => p.status === 'proposed'),
  };
}

export async function getPlanAmendments(db: Db, actor: Actor, planId: number): Promise<TPlanAmendments> {
  const { plan } = await requirePlan(db, actor, planId);
  return amendmentStory(db, plan);
}

/** What changed between two versions: every proposal accepted by the decisions in between. */
export async function versionDiff(db: Db, actor: Actor, planId: number, a: number, b: number): Promise<TVersionDiff> {
  const { plan } = await requirePlan(db, actor, planId);
  const [from, to] = a <= b ? [a, b] : [b, a];
  if (to > plan.version) throw notFound();
  const inRange = (
    await db
      .select({ id: planAmendments.id, version: planAmendments.version })
      .from(planAmendments)
      .where(and(eq(planAmendments.communeId, plan.communeId), eq(planAmendments.planId, plan.id), eq(planAmendments.status, 'decided')))
  )
    .filter((d) => d.version !== null && d.version > from && d.version <= to)
    .map((d) => d.id);
  const rows = inRange.length
    ? await db
        .select()
        .from(amendmentProposals)
        .where(and(eq(amendmentProposals.communeId, plan.communeId), inArray(amendmentProposals.amendmentId, inRange), eq(amendmentProposals.status, 'accepted')))
        .orderBy(asc(amendmentProposals.id))
    : [];
  const proposals = await presentProposals(db, plan.communeId, rows);
  const unitIds = [...new Set(proposals.flatMap((p) => [...(p.change.leadUnitIds ?? []), ...(p.before?.leadUnitIds ?? [])]))];
  const names = new Map(
    (unitIds.length
      ? await db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.communeId, plan.communeId), inArray(units.id, unitIds)))
      : []
    ).map((u) => [u.id, u.name]),
  );
  const unitNames = (ids?: number[]) => (ids ? ids.map((id) => names.get(id) ?? `#${id}`).join('; ') : null);
  const entry = (p: TProposal, from: string | null, to: string | null) => ({ taskId: p.taskId ?? 0, content: p.taskContent ?? '', from, to });
  const of = (kind: TProposal['kind']) => proposals.filter((p) => p.kind === kind);
  return {
    from,
    to,
    added: of('add_task').map((p) => entry(p, null, p.change.timeframeText ?? null)),
    removed: of('drop_task').map((p) => entry(p, null, null)),
    rescheduled: of('reschedule').map((p) => entry(p, p.before?.timeframeText ?? null, p.change.timeframeText ?? null)),
    leadChanged: of('change_lead').map((p) => entry(p, unitNames(p.before?.leadUnitIds), unitNames(p.change.leadUnitIds))),
    productChanged: of('change_product').map((p) => entry(p, p.before?.product ?? null, p.change.product ?? null)),
  };
}
