/**
 * Task commands: create, update, report progress (and complete), comment. Each checks
 * access first, then changes the task in one transaction with its history and audit
 * entries, and answers with the task as the read model presents it.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { TCityTaskInput, TConfirmInput, TProgressInput, TReturnInput, TTaskInput, TTaskOrigin, TTaskUpdate } from '../../contract';
import { parseTimeframe } from '../../domain/timeframe';
import { formatVietnameseDate } from '../../domain/timeframe/dates';
import { translate } from '../../i18n';
import type { Actor } from '../access/actor';
import { canBackdateCompletion, canCommentOnTask, canConfirmCompletion, canManageCommune, canReportOnTask, ensure } from '../access/policy';
import { recordAudit } from '../audit/service';
import { loadCalendar } from '../calendar/service';
import type { Clock } from '../clock';
import { requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { files, plans, taskAssignees, taskHistory, taskOccurrenceCompletions, tasks, taskUnits, users } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';
import { assertDraft } from '../plans/service';
import { sendImmediateNotice } from '../reminders/notices';
import { assertUnitsOfCommune } from '../units/service';
import { getTaskDetail, judge, type LoadedTask, loadTasks, presentTask, type ReadContext, readContext, requireTask, taskRef } from './read-model';

export type TaskInput = TTaskInput;
export type CityTaskInput = TCityTaskInput;

export async function writeUnits(tx: DbOrTx, communeId: number, taskId: number, input: Pick<TaskInput, 'leadUnitIds' | 'coordinatorUnitIds'>) {
  await tx.delete(taskUnits).where(and(eq(taskUnits.communeId, communeId), eq(taskUnits.taskId, taskId)));
  const rows = [
    ...input.leadUnitIds.map((unitId, position) => ({ communeId, taskId, unitId, role: 'lead' as const, position })),
    ...input.coordinatorUnitIds.map((unitId, position) => ({ communeId, taskId, unitId, role: 'coordinator' as const, position })),
  ];
  if (rows.length) await tx.insert(taskUnits).values(rows).onConflictDoNothing();
}

async function writeAssignees(tx: DbOrTx, communeId: number, taskId: number, assigneeIds: number[]) {
  await tx.delete(taskAssignees).where(and(eq(taskAssignees.communeId, communeId), eq(taskAssignees.taskId, taskId)));
  if (assigneeIds.length) await tx.insert(taskAssignees).values(assigneeIds.map((userId) => ({ communeId, taskId, userId })));
}

async function assertAssignees(db: Db, communeId: number, ids: number[]) {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.communeId, communeId), inArray(users.id, ids)));
  if (found.length !== new Set(ids).size) throw invalid('Có người được giao không thuộc xã/phường này.');
}

interface NewTask {
  communeId: number;
  planId: number | null;
  origin: TTaskOrigin;
  sourceDocument: string | null;
  period: { start: string; end: string };
  position: number;
  /** The day it joined (a task the city assigns mid-year, one an amendment adds): earlier checkpoints were never owed. */
  activeFrom?: string | null;
  /** Added to an issued plan by an amendment in force from this day. */
  addedOn?: string | null;
  carriedFromTaskId?: number | null;
}

/** Inserts a task with its units; used by the API, the demo loader, plan import and test factories. */
export async function insertTask(tx: DbOrTx, actor: Actor | null, base: NewTask, input: TaskInput, cityId: number) {
  const schedule = parseTimeframe(input.timeframeText, base.period);
  const [created] = await tx
    .insert(tasks)
    .values({
      communeId: base.communeId,
      planId: base.planId,
      origin: base.origin,
      sourceDocument: base.sourceDocument,
      area: input.area,
      number: input.number ?? null,
      position: base.position,
      content: input.content,
      timeframeText: input.timeframeText,
      schedule,
      periodStart: base.period.start,
      periodEnd: base.period.end,
      dueOverride: input.dueOverride ?? null,
      product: input.product ?? '',
      activeFrom: base.activeFrom ?? null,
      addedOn: base.addedOn ?? null,
      carriedFromTaskId: base.carriedFromTaskId ?? null,
    })
    .returning();
  await writeUnits(tx, base.communeId, created.id, input);
  await writeAssignees(tx, base.communeId, created.id, input.assigneeIds ?? []);
  if (actor) {
    await tx.insert(taskHistory).values({ communeId: base.communeId, taskId: created.id, userId: actor.id, kind: 'created' });
  }
  await recordAudit(tx, actor, { cityId, communeId: base.communeId, entity: 'task', entityId: created.id, action: 'create', after: { ...input, schedule } });
  return created;
}

export async function createPlanTask(db: Db, clock: Clock, actor: Actor, planId: number, input: TaskInput) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound();
  const commune = await requireCommune(db, actor, plan.communeId);
  ensure(canManageCommune(actor, commune));
  assertDraft(plan);
  await assertUnitsOfCommune(db, plan.communeId, [...input.leadUnitIds, ...input.coordinatorUnitIds]);
  await assertAssignees(db, plan.communeId, input.assigneeIds ?? []);
  const created = await db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: tasks.position })
      .from(tasks)
      .where(and(eq(tasks.communeId, plan.communeId), eq(tasks.planId, planId)))
      .orderBy(desc(tasks.position))
      .limit(1);
    const next = last ? last.position + 1 : 0;
    const base = { communeId: plan.communeId, planId, origin: 'plan' as const, sourceDocument: null, period: { start: plan.periodStart, end: plan.periodEnd }, position: next };
    return insertTask(tx, actor, base, input, commune.cityId);
  });
  return getTaskDetail(db, actor, created.id, clock.today());
}

export async function createCityTask(db: Db, clock: Clock, actor: Actor, input: CityTaskInput) {
  const commune = await requireCommune(db, actor, input.communeId);
  ensure(canManageCommune(actor, commune));
  await assertUnitsOfCommune(db, input.communeId, [...input.leadUnitIds, ...input.coordinatorUnitIds]);
  await assertAssignees(db, input.communeId, input.assigneeIds ?? []);
  const year = input.year ?? Number(clock.today().slice(0, 4));
  const base = {
    communeId: input.communeId,
    planId: null,
    origin: 'city_assigned' as const,
    sourceDocument: input.sourceDocument,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    position: 0,
    // Given today in the middle of its year: the months before were never owed.
    activeFrom: clock.today() > `${year}-01-01` && clock.today() <= `${year}-12-31` ? clock.today() : null,
  };
  const created = await db.transaction((tx) => insertTask(tx, actor, base, input, commune.cityId));
  return getTaskDetail(db, actor, created.id, clock.today());
}

const snapshot = (task: LoadedTask) => ({
  area: task.row.area,
  number: task.row.number,
  content: task.row.content,
  timeframeText: task.row.timeframeText,
  product: task.row.product,
  dueOverride: task.row.dueOverride,
  progress: task.row.progress,
  doneAt: task.row.doneAt,
  leadUnitIds: task.lead.map((u) => u.id),
  coordinatorUnitIds: task.coordinators.map((u) => u.id),
});

function assertVersion(task: LoadedTask, version: number) {
  if (task.row.version !== version) throw new AppError('conflict');
}

/** What an issued plan fixes: a task's wording, time frame, units and product change only through an amendment. */
function changesDefinition(task: LoadedTask, input: TTaskUpdate): boolean {
  const { row } = task;
  const sameIds = (a: number[] | undefined, b: { id: number }[]) => a === undefined || a.join() === b.map((u) => u.id).join();
  const differs = (value: unknown, current: unknown) => value !== undefined && value !== current;
  return (
    differs(input.area, row.area) ||
    differs(input.number, row.number) ||
    differs(input.content, row.content) ||
    differs(input.timeframeText, row.timeframeText) ||
    differs(input.product, row.product) ||
    !sameIds(input.leadUnitIds, task.lead) ||
    !sameIds(input.coordinatorUnitIds, task.coordinators)
  );
}

async function assertDefinitionEditable(db: Db, task: LoadedTask, input: TTaskUpdate) {
  if (task.row.planId === null || !changesDefinition(task, input)) return;
  const [plan] = await db
    .select({ status: plans.status })
    .from(plans)
    .where(and(eq(plans.communeId, task.row.communeId), eq(plans.id, task.row.planId)));
  if (plan) assertDraft(plan);
}

/** A task the city gave by a directive: its wording, area, time frame and product change only on the directive (for every commune). */
function assertNotDirectiveDefinition(task: LoadedTask, input: TTaskUpdate) {
  const { row } = task;
  if (row.directiveId === null) return;
  const differs = (value: unknown, current: unknown) => value !== undefined && value !== current;
  if (differs(input.area, row.area) || differs(input.content, row.content) || differs(input.timeframeText, row.timeframeText) || differs(input.product, row.product)) {
    throw new AppError('forbidden', {}, undefined, translate('vi', 'directive.error.taskDefinition'));
  }
}

export async function updateTask(db: Db, clock: Clock, actor: Actor, taskId: number, input: TTaskUpdate) {
  const { task, commune } = await requireTask(db, actor, taskId);
  ensure(canManageCommune(actor, commune));
  assertVersion(task, input.version);
  await assertDefinitionEditable(db, task, input);
  assertNotDirectiveDefinition(task, input);
  const communeId = task.row.communeId;
  await assertUnitsOfCommune(db, communeId, [...(input.leadUnitIds ?? []), ...(input.coordinatorUnitIds ?? [])]);
  await assertAssignees(db, communeId, input.assigneeIds ?? []);
  const period = { start: task.row.periodStart, end: task.row.periodEnd };
  const schedule = input.timeframeText === undefined ? task.row.schedule : parseTimeframe(input.timeframeText, period);
  await db.transaction(async (tx) => {
    const { version: _v, leadUnitIds, coordinatorUnitIds, assigneeIds, ...fields } = input;
    const updated = await tx
      .update(tasks)
      .set({ ...fields, schedule, version: task.row.version + 1, updatedAt: clock.now() })
      .where(and(eq(tasks.communeId, communeId), eq(tasks.id, taskId), eq(tasks.version, input.version)))
      .returning({ id: tasks.id });
    if (updated.length === 0) throw new AppError('conflict');
    if (leadUnitIds || coordinatorUnitIds) {
      await writeUnits(tx, communeId, taskId, {
        leadUnitIds: leadUnitIds ?? task.lead.map((u) => u.id),
        coordinatorUnitIds: coordinatorUnitIds ?? task.coordinators.map((u) => u.id),
      });
    }
    if (assigneeIds) await writeAssignees(tx, communeId, taskId, assigneeIds);
    await tx.insert(taskHistory).values({ communeId, taskId, userId: actor.id, kind: 'edited' });
    const before = snapshot(task);
    await recordAudit(tx, actor, { cityId: commune.cityId, communeId, entity: 'task', entityId: taskId, action: 'update', before, after: { ...before, ...input, schedule } });
  });
  return getTaskDetail(db, actor, taskId, clock.today());
}

export type ProgressInput = TProgressInput;

/** Progress and completion, validated against the clock's today: nobody finishes work tomorrow. */
export async function reportProgress(db: Db, clock: Clock, actor: Actor, taskId: number, input: ProgressInput) {
  const { task, commune } = await requireTask(db, actor, taskId);
  ensure(canReportOnTask(actor, commune, taskRef(task)));
  assertVersion(task, input.version);
  const context = readContext(actor, commune, clock.today(), await loadCalendar(db));
  const doneAt = input.doneAt ?? context.asOf;
  const backdated = input.done === true && doneAt < context.asOf ? checkBackdate(task, context, doneAt, input.doneAtReason) : null;
  if (input.done && doneAt > context.asOf) throw invalid('Ngày hoàn thành không được sau ngày hôm nay.');
  const checkpoints = judge(task, context.asOf, context.dueSoon).checkpoints;
  if (input.occurrence && !checkpoints.some((c) => c.due === input.occurrence)) {
    throw invalid('Kỳ thực hiện đã chọn không có trong lịch của nhiệm vụ.');
  }
  const communeId = task.row.communeId;
  const evidence = input.done ? await checkEvidence(db, task, input) : null;
  // A unit's report waits for the coordinator; the coordinator's own report needs no second look.
  const confirmation = canConfirmCompletion(actor, commune) ? ('confirmed' as const) : ('pending' as const);
  const confirmedBy = confirmation === 'confirmed' ? { confirmedBy: actor.id, confirmedAt: clock.now() } : { confirmedBy: null, confirmedAt: null };
  await db.transaction(async (tx) => {
    const changes = occurrenceChanges(task, input, doneAt);
    const wholeDone = input.done === true && !input.occurrence;
    const reopened = changes.kind === 'reopened';
    const completionFields = wholeDone
      ? { confirmation, evidenceFileId: evidence?.fileId ?? null, evidenceLink: evidence?.link ?? null, ...confirmedBy }
      : reopened
        ? { confirmation: null, evidenceFileId: null, evidenceLink: null, confirmedBy: null, confirmedAt: null }
        : {};
    // Reporting done again answers the last return: its reason no longer sits on top of the task.
    const returnFields = input.done ? { returnReason: null, returnedOccurrence: null, returnedBy: null, returnedAt: null } : {};
    // The version test in the UPDATE itself: two reports that both read version n cannot both land.
    const updated = await tx
      .update(tasks)
      .set({ progress: changes.progress, doneAt: changes.doneAt, ...completionFields, ...returnFields, version: input.version + 1, updatedAt: clock.now() })
      .where(and(eq(tasks.communeId, communeId), eq(tasks.id, taskId), eq(tasks.version, input.version)))
      .returning({ id: tasks.id });
    if (updated.length === 0) throw new AppError('conflict');
    if (input.occurrence && input.done) {
      await tx
        .insert(taskOccurrenceCompletions)
        .values({
          communeId,
          taskId,
          due: input.occurrence,
          doneAt,
          userId: actor.id,
          confirmation,
          evidenceFileId: evidence?.fileId ?? null,
          evidenceLink: evidence?.link ?? null,
          ...confirmedBy,
        })
        .onConflictDoUpdate({
          target: [taskOccurrenceCompletions.communeId, taskOccurrenceCompletions.taskId, taskOccurrenceCompletions.due],
          set: { doneAt, userId: actor.id, confirmation, evidenceFileId: evidence?.fileId ?? null, evidenceLink: evidence?.link ?? null, ...confirmedBy },
        });
    }
    if (input.occurrence && input.done === false) {
      await tx
        .delete(taskOccurrenceCompletions)
        .where(and(eq(taskOccurrenceCompletions.communeId, communeId), eq(taskOccurrenceCompletions.taskId, taskId), eq(taskOccurrenceCompletions.due, input.occurrence)));
    }
    await tx.insert(taskHistory).values({
      communeId,
      taskId,
      userId: actor.id,
      kind: changes.kind,
      progress: changes.progress,
      note: input.note ?? null,
      fileId: evidence?.fileId ?? null,
      occurrence: input.occurrence ?? null,
      backdatedTo: backdated?.doneAt ?? null,
      reason: backdated?.reason ?? null,
    });
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId,
      entity: 'task',
      entityId: taskId,
      action: 'progress',
      before: { progress: task.row.progress, doneAt: task.row.doneAt },
      after: {
        progress: changes.progress,
        doneAt: changes.doneAt,
        occurrence: input.occurrence ?? null,
        note: input.note ?? null,
        ...(input.done ? { confirmation, evidenceFileId: evidence?.fileId ?? null, evidenceLink: evidence?.link ?? null } : {}),
        ...(backdated ? { backdatedTo: backdated.doneAt, reportedOn: context.asOf, reason: backdated.reason } : {}),
      },
    });
  });
  const [updated] = await loadTasks(db, { communeId, taskIds: [taskId] });
  return presentTask(updated, context);
}

/**
 * The product of a completion: required when the task names one, and a file must be one of this
 * task's own (the id alone could point at another commune's upload).
 */
async function checkEvidence(db: Db, task: LoadedTask, input: ProgressInput) {
  const fileId = input.evidenceFileId ?? null;
  const link = input.evidenceLink ?? null;
  if (fileId === null && link === null) {
    if (task.row.product.trim() !== '')
      throw invalid(`Nhiệm vụ yêu cầu sản phẩm (${task.row.product.trim()}): vui lòng đính kèm tệp hoặc đường dẫn sản phẩm khi báo cáo hoàn thành.`);
    return null;
  }
  if (fileId !== null) {
    const [file] = await db
      .select({ id: files.id })
      .from(files)
      .where(and(eq(files.communeId, task.row.communeId), eq(files.taskId, task.row.id), eq(files.id, fileId)));
    if (!file) throw invalid('Tệp sản phẩm đã chọn không thuộc nhiệm vụ này.');
  }
  return { fileId, link };
}

export type ConfirmInput = TConfirmInput;
export type ReturnInput = TReturnInput;

/** The reported completion a confirmation or a return is about; none waiting is a clear error. */
function pendingTarget(task: LoadedTask, occurrence: string | undefined) {
  if (occurrence) {
    const completion = task.completions.find((c) => c.due === occurrence && c.confirmation === 'pending');
    if (!completion) throw invalid(`Kỳ hạn ${formatDate(occurrence)} không có báo cáo hoàn thành nào đang chờ xác nhận.`);
    return { occurrence, reportedOn: completion.doneAt };
  }
  if (task.row.doneAt === null || task.row.confirmation !== 'pending') throw invalid('Nhiệm vụ không có báo cáo hoàn thành nào đang chờ xác nhận.');
  return { occurrence: null, reportedOn: task.row.doneAt };
}

/** The coordinator confirms a reported completion: from now on it counts as done, on the day it was reported. */
export async function confirmCompletion(db: Db, clock: Clock, actor: Actor, taskId: number, input: ConfirmInput) {
  const { task, commune } = await requireTask(db, actor, taskId);
  ensure(canConfirmCompletion(actor, commune));
  assertVersion(task, input.version);
  const target = pendingTarget(task, input.occurrence);
  const communeId = task.row.communeId;
  const confirmed = { confirmation: 'confirmed' as const, confirmedBy: actor.id, confirmedAt: clock.now() };
  await db.transaction(async (tx) => {
    await bumpVersion(tx, clock, task, input.version, target.occurrence === null ? confirmed : {});
    if (target.occurrence !== null) {
      await tx
        .update(taskOccurrenceCompletions)
        .set(confirmed)
        .where(occurrenceRow(communeId, taskId, target.occurrence));
    }
    await tx.insert(taskHistory).values({ communeId, taskId, userId: actor.id, kind: 'confirmed', occurrence: target.occurrence });
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId,
      entity: 'task',
      entityId: taskId,
      action: 'confirm',
      before: { occurrence: target.occurrence, doneAt: target.reportedOn, confirmation: 'pending' },
      after: { occurrence: target.occurrence, doneAt: target.reportedOn, confirmation: 'confirmed' },
    });
  });
  return presentOne(db, actor, commune, communeId, taskId, clock.today());
}

/**
 * The coordinator returns a reported completion with a reason: the completion is undone, the reason
 * sits on top of the task until the unit reports again, and the unit is told at once.
 */
export async function returnCompletion(db: Db, clock: Clock, actor: Actor, taskId: number, input: ReturnInput) {
  const { task, commune } = await requireTask(db, actor, taskId);
  ensure(canConfirmCompletion(actor, commune));
  assertVersion(task, input.version);
  const target = pendingTarget(task, input.occurrence);
  const communeId = task.row.communeId;
  const returned = { returnReason: input.reason, returnedOccurrence: target.occurrence, returnedBy: actor.id, returnedAt: clock.now() };
  const undone = target.occurrence === null ? { doneAt: null, confirmation: null, evidenceFileId: null, evidenceLink: null, confirmedBy: null, confirmedAt: null } : {};
  await db.transaction(async (tx) => {
    const reporter = await reporterOf(tx, task, target.occurrence);
    await bumpVersion(tx, clock, task, input.version, { ...returned, ...undone });
    if (target.occurrence !== null) await tx.delete(taskOccurrenceCompletions).where(occurrenceRow(communeId, taskId, target.occurrence));
    await tx.insert(taskHistory).values({ communeId, taskId, userId: actor.id, kind: 'returned', occurrence: target.occurrence, reason: input.reason });
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId,
      entity: 'task',
      entityId: taskId,
      action: 'return',
      before: { occurrence: target.occurrence, doneAt: target.reportedOn, confirmation: 'pending' },
      after: { occurrence: target.occurrence, doneAt: null, reason: input.reason },
    });
    await sendImmediateNotice(tx, {
      communeId,
      rule: 'done_returned',
      taskId,
      occurrenceDue: clock.today(),
      recipientIds: [...(reporter === null ? [] : [reporter]), ...(await unitPeopleOf(tx, task))],
      ...returnNotice(task, target.occurrence, input.reason),
    });
  });
  return presentOne(db, actor, commune, communeId, taskId, clock.today());
}

function returnNotice(task: LoadedTask, occurrence: string | null, reason: string) {
  const label = task.row.number ? `${task.row.number}. ${task.row.content}` : task.row.content;
  const short = label.length > 120 ? `${label.slice(0, 117)}…` : label;
  const occurrenceText = occurrence === null ? '' : translate('vi', 'notify.done_returned.occurrence', { due: formatVietnameseDate(occurrence) });
  return {
    title: translate('vi', 'notify.done_returned.title', { task: short }),
    body: translate('vi', 'notify.done_returned.body', { task: short, occurrence: occurrenceText, reason }),
  };
}

/** Who reported the completion being returned: the occurrence's reporter, or the task's last "done". */
async function reporterOf(tx: DbOrTx, task: LoadedTask, occurrence: string | null): Promise<number | null> {
  const communeId = task.row.communeId;
  if (occurrence !== null) {
    const [row] = await tx
      .select({ userId: taskOccurrenceCompletions.userId })
      .from(taskOccurrenceCompletions)
      .where(occurrenceRow(communeId, task.row.id, occurrence));
    return row?.userId ?? null;
  }
  const [last] = await tx
    .select({ userId: taskHistory.userId })
    .from(taskHistory)
    .where(and(eq(taskHistory.communeId, communeId), eq(taskHistory.taskId, task.row.id), eq(taskHistory.kind, 'done')))
    .orderBy(desc(taskHistory.at), desc(taskHistory.id))
    .limit(1);
  return last?.userId ?? null;
}

/** The lead units' heads and the task's assignees: those the return sends the work back to. */
async function unitPeopleOf(tx: DbOrTx, task: LoadedTask): Promise<number[]> {
  const leadIds = task.lead.map((u) => u.id);
  const heads = leadIds.length
    ? await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.communeId, task.row.communeId), eq(users.role, 'unit_head'), inArray(users.unitId, leadIds)))
    : [];
  return [...heads.map((h) => h.id), ...task.assignees.map((a) => a.id)];
}

const occurrenceRow = (communeId: number, taskId: number, due: string) =>
  and(eq(taskOccurrenceCompletions.communeId, communeId), eq(taskOccurrenceCompletions.taskId, taskId), eq(taskOccurrenceCompletions.due, due));

async function bumpVersion(tx: DbOrTx, clock: Clock, task: LoadedTask, version: number, fields: Partial<typeof tasks.$inferInsert>) {
  const updated = await tx
    .update(tasks)
    .set({ ...fields, version: version + 1, updatedAt: clock.now() })
    .where(and(eq(tasks.communeId, task.row.communeId), eq(tasks.id, task.row.id), eq(tasks.version, version)))
    .returning({ id: tasks.id });
  if (updated.length === 0) throw new AppError('conflict');
}

async function presentOne(db: Db, actor: Actor, commune: Parameters<typeof readContext>[1], communeId: number, taskId: number, asOf: string) {
  const [[updated], calendar] = await Promise.all([loadTasks(db, { communeId, taskIds: [taskId] }), loadCalendar(db)]);
  return presentTask(updated, readContext(actor, commune, asOf, calendar));
}

const formatDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * A completion is dated the day it is reported (the clock's today, UTC+7). An earlier day is the
 * coordinator's or leader's call, with a reason, and never before the task could start.
 */
function checkBackdate(task: LoadedTask, context: ReadContext, doneAt: string, reason: string | undefined) {
  if (!canBackdateCompletion(context.actor, context.commune)) {
    throw new AppError('forbidden', {}, undefined, 'Ngày hoàn thành là ngày báo cáo; chỉ đầu mối CCHC hoặc lãnh đạo xã/phường được ghi một ngày hoàn thành trước hôm nay.');
  }
  const start = task.row.schedule.start ?? task.row.periodStart;
  if (doneAt < start) throw invalid(`Ngày hoàn thành không được trước ngày bắt đầu của nhiệm vụ (${formatDate(start)}).`);
  if (!reason) throw invalid('Vui lòng nêu lý do khi ghi ngày hoàn thành trước hôm nay.');
  return { doneAt, reason };
}

/** What a progress report does to the task row: an occurrence report leaves the whole task open. */
function occurrenceChanges(task: LoadedTask, input: ProgressInput, doneAt: string) {
  if (input.occurrence) return { progress: input.progress, doneAt: task.row.doneAt, kind: input.done ? ('done' as const) : ('progress' as const) };
  if (input.done) return { progress: 100, doneAt, kind: 'done' as const };
  const reopened = input.done === false && task.row.doneAt !== null;
  return { progress: input.progress, doneAt: reopened ? null : task.row.doneAt, kind: reopened ? ('reopened' as const) : ('progress' as const) };
}

export async function addComment(db: Db, actor: Actor, taskId: number, text: string) {
  const { task, commune } = await requireTask(db, actor, taskId);
  ensure(canCommentOnTask(actor, commune, taskRef(task)));
  const [entry] = await db.insert(taskHistory).values({ communeId: task.row.communeId, taskId, userId: actor.id, kind: 'comment', note: text }).returning();
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    user: { id: actor.id, fullName: actor.fullName },
    kind: entry.kind,
    progress: null,
    note: entry.note,
    fileId: null,
    occurrence: null,
    backdatedTo: null,
    reason: null,
  };
}
