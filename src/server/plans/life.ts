/**
 * A plan's life (issue 8): draft → submitted → issued (numbered, dated, signed; version 1) → closed
 * (tasks not done settled as "không hoàn thành", the final result kept), with carry-over of chosen
 * tasks into the next plan. Drafts may be deleted; every step is audited.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { TCarryOver, TDuplicatePlan, TIssuePlan, TPlanDetail } from '../../contract';
import { buildPlanDocument, planExportFromImport } from '../../documents';
import { sameDocument } from '../../domain/plans/identity';
import { isDone, STATUSES, type Status, summarise } from '../../domain/status';
import { translate } from '../../i18n';
import type { PlanMessageKey } from '../../i18n/plans';
import type { ImportResult } from '../../importer';
import type { Actor } from '../access/actor';
import { canManageCommune, ensure, planRights } from '../access/policy';
import { recordAudit } from '../audit/service';
import { loadCalendar } from '../calendar/service';
import type { Clock } from '../clock';
import type { Db, DbOrTx } from '../db';
import { plans, planVersions, tasks } from '../db/schema';
import { AppError, invalid } from '../errors';
import { detectFileType } from '../files/file-types';
import { safeName } from '../files/service';
import { insertTask } from '../tasks/commands';
import { dueSoonOf, judge, loadTasks } from '../tasks/read-model';
import { getPlan, requirePlan } from './service';

type PlanRow = typeof plans.$inferSelect;

const message = (key: PlanMessageKey, params: Record<string, string | number> = {}) => translate('vi', key, params);
/** A step the plan's state does not allow now (409, with a code the web app may test). */
const wrongState = (key: PlanMessageKey, params: Record<string, string | number> = {}) => new AppError('conflict', {}, { code: key }, message(key, params));

async function setStatus(tx: DbOrTx, clock: Clock, plan: PlanRow, fields: Partial<PlanRow>) {
  await tx
    .update(plans)
    .set({ ...fields, updatedAt: clock.now() })
    .where(and(eq(plans.communeId, plan.communeId), eq(plans.id, plan.id)));
}

/** One status step of a plan with its audit entry, then the plan as it now reads. */
async function stepPlan(db: Db, clock: Clock, actor: Actor, found: Awaited<ReturnType<typeof requirePlan>>, status: 'submitted' | 'draft', action: 'submit' | 'return') {
  const { plan, commune } = found;
  await db.transaction(async (tx) => {
    await setStatus(tx, clock, plan, { status });
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: plan.communeId,
      entity: 'plan',
      entityId: plan.id,
      action,
      before: { status: plan.status },
      after: { status },
    });
  });
  return getPlan(db, actor, plan.id, clock.today());
}

/** The coordinator sends the finished draft to the leader. */
export async function submitPlan(db: Db, clock: Clock, actor: Actor, planId: number): Promise<TPlanDetail> {
  const found = await requirePlan(db, actor, planId);
  ensure(canManageCommune(actor, found.commune));
  if (!planRights(actor, found.commune, found.plan).canSubmit) throw wrongState('plan.error.notDraft');
  return stepPlan(db, clock, actor, found, 'submitted', 'submit');
}

/** The leader sends a submitted plan back to draft for more work. */
export async function returnPlan(db: Db, clock: Clock, actor: Actor, planId: number): Promise<TPlanDetail> {
  const found = await requirePlan(db, actor, planId);
  ensure(planRights(actor, found.commune, { status: 'submitted' }).canIssue);
  if (found.plan.status !== 'submitted') throw wrongState('plan.error.notSubmitted');
  return stepPlan(db, clock, actor, found, 'draft', 'return');
}

/** The leader issues the plan: its number, date and signer; version 1 is in force from the issue date. */
export async function issuePlan(db: Db, clock: Clock, actor: Actor, planId: number, input: TIssuePlan): Promise<TPlanDetail> {
  const { plan, commune } = await requirePlan(db, actor, planId);
  ensure(planRights(actor, commune, { status: 'submitted' }).canIssue);
  if (plan.status !== 'submitted') throw wrongState('plan.error.notSubmitted');
  if (!/^\d+\s*\/\s*\S+/u.test(input.number)) throw invalid(message('plan.error.numberRequired'));
  if (input.issueDate > clock.today()) throw invalid('Ngày ban hành không được sau ngày hôm nay.');
  await db.transaction(async (tx) => {
    await setStatus(tx, clock, plan, { status: 'issued', number: input.number, issueDate: input.issueDate, signer: input.signer, version: 1 });
    await tx.insert(planVersions).values({
      communeId: plan.communeId,
      planId: plan.id,
      version: 1,
      inForceFrom: input.issueDate,
      documentNumber: input.number,
      documentDate: input.issueDate,
      createdBy: actor.id,
    });
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: plan.communeId,
      entity: 'plan',
      entityId: plan.id,
      action: 'issue',
      before: { status: plan.status, number: plan.number, issueDate: plan.issueDate },
      after: { status: 'issued', ...input },
    });
  });
  return getPlan(db, actor, planId, clock.today());
}

/** Deletes a draft (the web app asks first); the audit keeps what it was. */
export async function deletePlan(db: Db, clock: Clock, actor: Actor, uploadDir: string, planId: number): Promise<void> {
  const { plan, commune } = await requirePlan(db, actor, planId);
  ensure(canManageCommune(actor, commune));
  if (plan.status !== 'draft') throw wrongState('plan.error.onlyDraftDeleted');
  const before = await getPlan(db, actor, planId, clock.today());
  await db.transaction((tx) => removeDraft(tx, actor, commune.cityId, plan, before));
  if (plan.documentPath) await rm(path.join(uploadDir, plan.documentPath), { force: true });
}

/** The delete itself, shared with an import that replaces its duplicate draft. */
export async function removeDraft(tx: DbOrTx, actor: Actor, cityId: number, plan: PlanRow, before: unknown) {
  await tx.delete(plans).where(and(eq(plans.communeId, plan.communeId), eq(plans.id, plan.id), eq(plans.status, 'draft')));
  await recordAudit(tx, actor, { cityId, communeId: plan.communeId, entity: 'plan', entityId: plan.id, action: 'delete', before });
}

/**
 * Closes an issued plan once its period is over: each task in force and not done is recorded
 * "không hoàn thành" on the closing day, and the counts by status become the plan's final result.
 */
export async function closePlan(db: Db, clock: Clock, actor: Actor, planId: number): Promise<TPlanDetail> {
  const { plan, commune } = await requirePlan(db, actor, planId);
  ensure(canManageCommune(actor, commune));
  if (plan.status !== 'issued') throw wrongState('plan.error.notIssued');
  const closedOn = clock.today();
  if (closedOn < plan.periodEnd) throw wrongState('plan.error.closeTooEarly', { end: plan.periodEnd.split('-').reverse().join('/') });
  await db.transaction((tx) => settleAndClose(tx, actor, commune, plan, closedOn, clock.now()));
  return getPlan(db, actor, planId, closedOn);
}

/** The close itself, shared with the demo (which closes the seeds' 2025 plans on today's date). */
export async function settleAndClose(tx: DbOrTx, actor: Actor | null, commune: { id: number; cityId: number; dueSoonDays: number }, plan: PlanRow, closedOn: string, now: Date) {
  const [loaded, calendar] = await Promise.all([loadTasks(tx, { communeId: plan.communeId, planId: plan.id, inForceAt: closedOn }), loadCalendar(tx)]);
  const statuses: Status[] = [];
  const notDone: number[] = [];
  for (const task of loaded) {
    const status = judge(task, closedOn, dueSoonOf(commune, calendar)).status;
    if (isDone(status)) statuses.push(status);
    else {
      notDone.push(task.row.id);
      statuses.push('khong_hoan_thanh');
    }
  }
  if (notDone.length) {
    await tx
      .update(tasks)
      .set({ notDoneOn: closedOn })
      .where(and(eq(tasks.communeId, plan.communeId), inArray(tasks.id, notDone)));
  }
  const byStatus = summarise(statuses).byStatus;
  const finalResult = Object.fromEntries(STATUSES.map((s) => [s, byStatus[s]]));
  await tx
    .update(plans)
    .set({ status: 'closed', closedOn, finalResult, updatedAt: now })
    .where(and(eq(plans.communeId, plan.communeId), eq(plans.id, plan.id)));
  await recordAudit(tx, actor, {
    cityId: commune.cityId,
    communeId: plan.communeId,
    entity: 'plan',
    entityId: plan.id,
    action: 'close',
    before: { status: plan.status },
    after: { status: 'closed', closedOn, finalResult, notDoneTaskIds: notDone },
  });
}

/**
 * Copies chosen tasks not done into a later draft of the same commune, each linked to the task it
 * continues; the draft is linked to this plan (the way back is the reverse lookup).
 */
export async function carryOver(db: Db, clock: Clock, actor: Actor, planId: number, input: TCarryOver) {
  const { plan, commune } = await requirePlan(db, actor, planId);
  ensure(planRights(actor, commune, plan).canCarryOver);
  const { plan: target } = await requirePlan(db, actor, input.targetPlanId);
  if (target.communeId !== plan.communeId || target.status !== 'draft' || target.periodStart <= plan.periodStart) throw invalid(message('plan.error.carryTarget'));
  const asOf = plan.closedOn ?? clock.today();
  const [loaded, calendar] = await Promise.all([loadTasks(db, { communeId: plan.communeId, planId: plan.id, taskIds: input.taskIds, inForceAt: asOf }), loadCalendar(db)]);
  const chosen = loaded.filter((task) => !isDone(judge(task, asOf, dueSoonOf(commune, calendar)).status));
  if (chosen.length !== new Set(input.taskIds).size) throw invalid(message('plan.error.carryTask'));
  const existing = await db
    .select({ position: tasks.position })
    .from(tasks)
    .where(and(eq(tasks.communeId, target.communeId), eq(tasks.planId, target.id)));
  let position = existing.reduce((max, t) => Math.max(max, t.position + 1), 0);
  await db.transaction(async (tx) => {
    for (const task of chosen) {
      const { row } = task;
      await insertTask(
        tx,
        actor,
        {
          communeId: target.communeId,
          planId: target.id,
          origin: 'plan',
          sourceDocument: null,
          period: { start: target.periodStart, end: target.periodEnd },
          position: position++,
          carriedFromTaskId: row.id,
        },
        {
          area: row.area,
          number: null,
          content: row.content,
          leadUnitIds: task.lead.map((u) => u.id),
          coordinatorUnitIds: task.coordinators.map((u) => u.id),
          timeframeText: row.timeframeText,
          product: row.product,
        },
        commune.cityId,
      );
    }
    await tx
      .update(plans)
      .set({ previousPlanId: plan.id, updatedAt: clock.now() })
      .where(and(eq(plans.communeId, target.communeId), eq(plans.id, target.id)));
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: plan.communeId,
      entity: 'plan',
      entityId: plan.id,
      action: 'carry_over',
      after: { targetPlanId: target.id, taskIds: input.taskIds },
    });
  });
  return { targetPlanId: target.id, carried: chosen.length };
}

/** Plans of the commune the same document as this one (same number, or same title and period). */
export async function findDuplicates(
  db: DbOrTx,
  communeId: number,
  candidate: { number?: string | null; title: string; periodStart: string; periodEnd: string },
): Promise<TDuplicatePlan[]> {
  const rows = await db
    .select({ id: plans.id, title: plans.title, number: plans.number, status: plans.status, periodStart: plans.periodStart, periodEnd: plans.periodEnd })
    .from(plans)
    .where(eq(plans.communeId, communeId));
  return rows.flatMap((row) => {
    const reason = sameDocument({ ...candidate, number: candidate.number ?? null }, row);
    return reason ? [{ id: row.id, title: row.title, number: row.number, status: row.status, reason }] : [];
  });
}

// ---------------------------------------------------------------- the document kept with the plan

const DOCUMENT_TYPES = new Set(['docx', 'pdf', 'doc', 'odt']);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Keeps the source (or signed) document with a plan, replacing any earlier one. */
export async function attachDocument(db: Db, clock: Clock, actor: Actor, uploadDir: string, planId: number, upload: { fileName: string; data: Buffer }) {
  const { plan, commune } = await requirePlan(db, actor, planId);
  ensure(canManageCommune(actor, commune));
  if (upload.data.length === 0) throw new AppError('file_empty');
  const name = safeName(upload.fileName);
  const type = detectFileType(name, upload.data.subarray(0, 8));
  const isText = /\.(txt|md)$/i.test(name);
  if (!isText && (!type || !DOCUMENT_TYPES.has(name.split('.').pop()?.toLowerCase() ?? ''))) throw new AppError('file_type', { types: 'PDF, Word (doc, docx), ODT, TXT' });
  const relative = path.join(String(plan.communeId), 'plans', String(plan.id), randomUUID());
  const target = path.join(uploadDir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(`${target}.part`, upload.data);
  await rename(`${target}.part`, target);
  await db.transaction(async (tx) => {
    await setStatus(tx, clock, plan, { documentName: name, documentMime: type?.mimeType ?? 'text/plain; charset=utf-8', documentPath: relative });
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: plan.communeId,
      entity: 'plan',
      entityId: plan.id,
      action: 'attach_document',
      after: { name, size: upload.data.length },
    });
  });
  if (plan.documentPath) await rm(path.join(uploadDir, plan.documentPath), { force: true });
  return getPlan(db, actor, planId, clock.today());
}

/** The kept document, or else the plan as an NĐ30 document generated from what is stored. */
export async function openDocument(db: Db, clock: Clock, actor: Actor, uploadDir: string, planId: number): Promise<{ name: string; mime: string; data: Buffer }> {
  const { plan } = await requirePlan(db, actor, planId);
  if (plan.documentPath && plan.documentName) {
    return { name: plan.documentName, mime: plan.documentMime ?? 'application/octet-stream', data: await readFile(path.join(uploadDir, plan.documentPath)) };
  }
  const detail = await getPlan(db, actor, planId, clock.today());
  const loaded = await loadTasks(db, { communeId: plan.communeId, planId: plan.id, inForceAt: clock.today() });
  const result: ImportResult = {
    meta: {
      title: plan.title,
      number: plan.number,
      issuer: plan.issuer,
      place: null,
      date: plan.issueDate,
      kind: plan.kind,
      period: { start: plan.periodStart, end: plan.periodEnd },
    },
    targets: detail.targets.map(({ text, comparator, value, unit }) => ({ text, comparator, value, unit })),
    tasks: loaded.map(({ row, lead, coordinators }) => ({
      area: row.area,
      number: row.number,
      content: row.content,
      lead: lead.map((u) => u.name),
      coordinators: coordinators.map((u) => u.name),
      timeframe: { text: row.timeframeText, kind: row.schedule.kind, start: null, due: null, occurrences: [] },
      product: row.product,
    })),
    responsibilities: [],
    warnings: [],
    period: { start: plan.periodStart, end: plan.periodEnd },
    source: { format: 'text', text: '', rows: [] },
  } as unknown as ImportResult;
  const { document } = planExportFromImport(result);
  if (plan.signer) document.signature = { ...document.signature, name: plan.signer };
  return { name: `ke-hoach-${plan.id}.docx`, mime: DOCX, data: await buildPlanDocument(document) };
}
