/**
 * Tasks: plan tasks and tasks the city assigns outside any plan. Statuses are
 * never stored: they are judged from the schedule and the reported progress
 * for the date asked about, by the pure rules in src/domain/status.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { judgeTask, type Status } from '../../domain/status';
import { matchesSearch, searchWords } from '../../domain/text/normalize';
import { parseTimeframe } from '../../domain/timeframe';
import type { Actor } from '../access/actor';
import { canBackdateCompletion, canCommentOnTask, canManageCommune, canReportOnTask, ensure, type CommuneRef } from '../access/policy';
import { recordAudit } from '../audit/service';
import { todayInVietnam } from '../clock';
import { requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { files, plans, taskAssignees, taskHistory, taskOccurrenceCompletions, tasks, taskUnits, units, users } from '../db/schema';
import { AppError, notFound, invalid } from '../errors';
import { assertUnitsOfCommune } from '../units/service';

export interface TaskInput {
  area: number;
  number?: number | null;
  content: string;
  leadUnitIds: number[];
  coordinatorUnitIds: number[];
  timeframeText: string;
  product?: string;
  assigneeIds?: number[];
  dueOverride?: string | null;
}

export interface CityTaskInput extends TaskInput {
  communeId: number;
  sourceDocument: string;
  /** The year the task belongs to; its time frame is read against that year. */
  year?: number;
}

interface UnitRefRow {
  taskId: number;
  unitId: number;
  name: string;
  role: 'lead' | 'coordinator';
  position: number;
}

export interface LoadedTask {
  row: typeof tasks.$inferSelect;
  lead: { id: number; name: string }[];
  coordinators: { id: number; name: string }[];
  assignees: { id: number; fullName: string }[];
  completions: { due: string; doneAt: string }[];
}

interface Scope {
  communeId: number;
  planId?: number;
  origin?: 'plan' | 'city_assigned';
  taskIds?: number[];
}

export async function loadTasks(db: DbOrTx, scope: Scope): Promise<LoadedTask[]> {
  const filters: SQL[] = [eq(tasks.communeId, scope.communeId)];
  if (scope.planId !== undefined) filters.push(eq(tasks.planId, scope.planId));
  if (scope.origin) filters.push(eq(tasks.origin, scope.origin));
  if (scope.taskIds) filters.push(inArray(tasks.id, scope.taskIds.length ? scope.taskIds : [-1]));
  const rows = await db.select().from(tasks).where(and(...filters)).orderBy(asc(tasks.area), asc(tasks.position), asc(tasks.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [unitRows, assigneeRows, completionRows] = await Promise.all([
    db
      .select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, name: units.name, role: taskUnits.role, position: taskUnits.position })
      .from(taskUnits)
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(and(eq(taskUnits.communeId, scope.communeId), inArray(taskUnits.taskId, ids)))
      .orderBy(asc(taskUnits.position)),
    db
      .select({ taskId: taskAssignees.taskId, id: users.id, fullName: users.fullName })
      .from(taskAssignees)
      .innerJoin(users, eq(users.id, taskAssignees.userId))
      .where(and(eq(taskAssignees.communeId, scope.communeId), inArray(taskAssignees.taskId, ids))),
    db
      .select({ taskId: taskOccurrenceCompletions.taskId, due: taskOccurrenceCompletions.due, doneAt: taskOccurrenceCompletions.doneAt })
      .from(taskOccurrenceCompletions)
      .where(and(eq(taskOccurrenceCompletions.communeId, scope.communeId), inArray(taskOccurrenceCompletions.taskId, ids))),
  ]);
  const byTask = <T extends { taskId: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const item of list) map.set(item.taskId, [...(map.get(item.taskId) ?? []), item]);
    return map;
  };
  const unitsOf = byTask<UnitRefRow>(unitRows);
  const assigneesOf = byTask(assigneeRows);
  const completionsOf = byTask(completionRows);
  return rows.map((row) => {
    const refs = unitsOf.get(row.id) ?? [];
    return {
      row,
      lead: refs.filter((r) => r.role === 'lead').map((r) => ({ id: r.unitId, name: r.name })),
      coordinators: refs.filter((r) => r.role === 'coordinator').map((r) => ({ id: r.unitId, name: r.name })),
      assignees: (assigneesOf.get(row.id) ?? []).map(({ id, fullName }) => ({ id, fullName })),
      completions: (completionsOf.get(row.id) ?? []).map(({ due, doneAt }) => ({ due, doneAt })),
    };
  });
}

export interface JudgeContext {
  asOf: string;
  dueSoonDays: number;
  actor: Actor;
  commune: CommuneRef;
}

export function judge(task: LoadedTask, asOf: string, dueSoonDays: number) {
  const { row } = task;
  return judgeTask({
    schedule: row.schedule,
    dueOverride: row.dueOverride,
    progress: row.progress,
    doneAt: row.doneAt,
    occurrenceCompletions: task.completions,
    period: { start: row.periodStart, end: row.periodEnd },
    asOf,
    dueSoonDays,
  });
}

const taskRef = (task: LoadedTask) => ({
  communeId: task.row.communeId,
  leadUnitIds: task.lead.map((u) => u.id),
  coordinatorUnitIds: task.coordinators.map((u) => u.id),
  assigneeIds: task.assignees.map((a) => a.id),
});

/** The API shape of a task: the database shape never leaks. */
export function presentTask(task: LoadedTask, context: JudgeContext) {
  const { row } = task;
  const judgement = judge(task, context.asOf, context.dueSoonDays);
  return {
    id: row.id,
    communeId: row.communeId,
    planId: row.planId,
    origin: row.origin,
    sourceDocument: row.sourceDocument,
    area: row.area,
    number: row.number,
    content: row.content,
    leadUnits: task.lead,
    coordinatorUnits: task.coordinators,
    timeframeText: row.timeframeText,
    schedule: row.schedule,
    dueOverride: row.dueOverride,
    due: judgement.due,
    nextDue: judgement.nextDue,
    daysLate: judgement.daysLate,
    product: row.product,
    progress: row.progress,
    doneAt: row.doneAt,
    status: judgement.status,
    checkpoints: judgement.checkpoints,
    assignees: task.assignees,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    canEdit: canReportOnTask(context.actor, context.commune, taskRef(task)),
    canManage: canManageCommune(context.actor, context.commune),
    canBackdate: canBackdateCompletion(context.actor, context.commune),
  };
}

export type PresentedTask = ReturnType<typeof presentTask>;

export interface TaskFilter {
  unitId?: number;
  area?: number;
  status?: Status;
  q?: string;
}

/** Filters on what a person sees in the table: unit, area, judged status, and words keyed like names (no marks, case or invisible characters). */
export function filterTasks(list: PresentedTask[], filter: TaskFilter): PresentedTask[] {
  const words = filter.q ? searchWords(filter.q) : [];
  return list.filter((task) => {
    if (filter.area !== undefined && task.area !== filter.area) return false;
    if (filter.status && task.status !== filter.status) return false;
    if (filter.unitId !== undefined && ![...task.leadUnits, ...task.coordinatorUnits].some((u) => u.id === filter.unitId)) return false;
    const text = [task.content, task.product, task.timeframeText, task.sourceDocument ?? '', ...task.leadUnits.map((u) => u.name), ...task.coordinatorUnits.map((u) => u.name)].join(' ');
    return matchesSearch(text, words);
  });
}

export async function judgeContext(db: Db, actor: Actor, communeId: number, asOf?: string): Promise<JudgeContext> {
  const commune = await requireCommune(db, actor, communeId);
  return { asOf: asOf ?? todayInVietnam(), dueSoonDays: commune.dueSoonDays, actor, commune };
}

export async function listTasks(db: Db, actor: Actor, scope: Scope, filter: TaskFilter, asOf?: string) {
  const context = await judgeContext(db, actor, scope.communeId, asOf);
  const loaded = await loadTasks(db, scope);
  return filterTasks(
    loaded.map((task) => presentTask(task, context)),
    filter,
  );
}

async function requireTask(db: Db, actor: Actor, taskId: number) {
  const [row] = await db.select({ communeId: tasks.communeId }).from(tasks).where(eq(tasks.id, taskId));
  if (!row) throw notFound();
  const context = await judgeContext(db, actor, row.communeId);
  const [task] = await loadTasks(db, { communeId: row.communeId, taskIds: [taskId] });
  return { task, context };
}

export async function getTaskDetail(db: Db, actor: Actor, taskId: number) {
  const { task, context } = await requireTask(db, actor, taskId);
  const history = await db
    .select({
      id: taskHistory.id,
      at: taskHistory.at,
      userId: users.id,
      fullName: users.fullName,
      kind: taskHistory.kind,
      progress: taskHistory.progress,
      note: taskHistory.note,
      fileId: taskHistory.fileId,
      occurrence: taskHistory.occurrence,
      backdatedTo: taskHistory.backdatedTo,
      reason: taskHistory.reason,
    })
    .from(taskHistory)
    .innerJoin(users, eq(users.id, taskHistory.userId))
    .where(and(eq(taskHistory.communeId, task.row.communeId), eq(taskHistory.taskId, taskId)))
    .orderBy(desc(taskHistory.at), desc(taskHistory.id));
  const fileRows = await db
    .select({ id: files.id, name: files.originalName, size: files.size, mimeType: files.mimeType, uploadedAt: files.uploadedAt, userId: users.id, fullName: users.fullName })
    .from(files)
    .innerJoin(users, eq(users.id, files.uploadedBy))
    .where(and(eq(files.communeId, task.row.communeId), eq(files.taskId, taskId)))
    .orderBy(desc(files.uploadedAt));
  return {
    ...presentTask(task, context),
    history: history.map(({ userId, fullName, at, ...entry }) => ({ ...entry, at: at.toISOString(), user: { id: userId, fullName } })),
    files: fileRows.map(({ userId, fullName, uploadedAt, ...file }) => ({ ...file, uploadedAt: uploadedAt.toISOString(), uploadedBy: { id: userId, fullName } })),
  };
}

async function writeUnits(tx: DbOrTx, communeId: number, taskId: number, input: Pick<TaskInput, 'leadUnitIds' | 'coordinatorUnitIds'>) {
  await tx.delete(taskUnits).where(eq(taskUnits.taskId, taskId));
  const rows = [
    ...input.leadUnitIds.map((unitId, position) => ({ communeId, taskId, unitId, role: 'lead' as const, position })),
    ...input.coordinatorUnitIds.map((unitId, position) => ({ communeId, taskId, unitId, role: 'coordinator' as const, position })),
  ];
  if (rows.length) await tx.insert(taskUnits).values(rows).onConflictDoNothing();
}

async function writeAssignees(tx: DbOrTx, communeId: number, taskId: number, assigneeIds: number[]) {
  await tx.delete(taskAssignees).where(eq(taskAssignees.taskId, taskId));
  if (assigneeIds.length) await tx.insert(taskAssignees).values(assigneeIds.map((userId) => ({ communeId, taskId, userId })));
}

async function assertAssignees(db: Db, communeId: number, ids: number[]) {
  if (ids.length === 0) return;
  const found = await db.select({ id: users.id }).from(users).where(and(eq(users.communeId, communeId), inArray(users.id, ids)));
  if (found.length !== new Set(ids).size) throw invalid('Có người được giao không thuộc xã/phường này.');
}

interface NewTask {
  communeId: number;
  planId: number | null;
  origin: 'plan' | 'city_assigned';
  sourceDocument: string | null;
  period: { start: string; end: string };
  position: number;
}

/** Inserts a task with its units; used by the API, the demo loader and plan import. */
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

export async function createPlanTask(db: Db, actor: Actor, planId: number, input: TaskInput) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound();
  const context = await judgeContext(db, actor, plan.communeId);
  ensure(canManageCommune(actor, context.commune));
  await assertUnitsOfCommune(db, plan.communeId, [...input.leadUnitIds, ...input.coordinatorUnitIds]);
  await assertAssignees(db, plan.communeId, input.assigneeIds ?? []);
  const created = await db.transaction(async (tx) => {
    const [last] = await tx.select({ position: tasks.position }).from(tasks).where(eq(tasks.planId, planId)).orderBy(desc(tasks.position)).limit(1);
    const next = last ? last.position + 1 : 0;
    return insertTask(tx, actor, { communeId: plan.communeId, planId, origin: 'plan', sourceDocument: null, period: { start: plan.periodStart, end: plan.periodEnd }, position: next }, input, context.commune.cityId);
  });
  return getTaskDetail(db, actor, created.id);
}

export async function createCityTask(db: Db, actor: Actor, input: CityTaskInput) {
  const context = await judgeContext(db, actor, input.communeId);
  ensure(canManageCommune(actor, context.commune));
  await assertUnitsOfCommune(db, input.communeId, [...input.leadUnitIds, ...input.coordinatorUnitIds]);
  await assertAssignees(db, input.communeId, input.assigneeIds ?? []);
  const year = input.year ?? Number(context.asOf.slice(0, 4));
  const created = await db.transaction((tx) =>
    insertTask(
      tx,
      actor,
      { communeId: input.communeId, planId: null, origin: 'city_assigned', sourceDocument: input.sourceDocument, period: { start: `${year}-01-01`, end: `${year}-12-31` }, position: 0 },
      input,
      context.commune.cityId,
    ),
  );
  return getTaskDetail(db, actor, created.id);
}

function assertVersion(task: LoadedTask, version: number) {
  if (task.row.version !== version) throw new AppError('conflict');
}

export async function updateTask(db: Db, actor: Actor, taskId: number, input: Partial<TaskInput> & { version: number }) {
  const { task, context } = await requireTask(db, actor, taskId);
  ensure(canManageCommune(actor, context.commune));
  assertVersion(task, input.version);
  const communeId = task.row.communeId;
  await assertUnitsOfCommune(db, communeId, [...(input.leadUnitIds ?? []), ...(input.coordinatorUnitIds ?? [])]);
  await assertAssignees(db, communeId, input.assigneeIds ?? []);
  const period = { start: task.row.periodStart, end: task.row.periodEnd };
  const schedule = input.timeframeText === undefined ? task.row.schedule : parseTimeframe(input.timeframeText, period);
  await db.transaction(async (tx) => {
    const { version: _v, leadUnitIds, coordinatorUnitIds, assigneeIds, ...fields } = input;
    const updated = await tx
      .update(tasks)
      .set({ ...fields, schedule, version: task.row.version + 1, updatedAt: new Date() })
      .where(and(eq(tasks.id, taskId), eq(tasks.version, input.version)))
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
    await recordAudit(tx, actor, { cityId: context.commune.cityId, communeId, entity: 'task', entityId: taskId, action: 'update', before: snapshot(task), after: { ...snapshot(task), ...input, schedule } });
  });
  return getTaskDetail(db, actor, taskId);
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

export interface ProgressInput {
  progress: number;
  /** The task version the reporter saw: a report on a task changed since is refused (409), not merged. */
  version: number;
  note?: string;
  done?: boolean;
  doneAt?: string;
  /** Why the completion is recorded for an earlier day than today. */
  doneAtReason?: string;
  /** For recurring and continuous tasks: the checkpoint (its deadline) this report closes. */
  occurrence?: string;
}

export async function reportProgress(db: Db, actor: Actor, taskId: number, input: ProgressInput) {
  const { task, context } = await requireTask(db, actor, taskId);
  ensure(canReportOnTask(actor, context.commune, taskRef(task)));
  assertVersion(task, input.version);
  const doneAt = input.doneAt ?? context.asOf;
  const backdated = input.done === true && doneAt < context.asOf ? checkBackdate(task, context, doneAt, input.doneAtReason) : null;
  if (input.done && doneAt > context.asOf) throw invalid('Ngày hoàn thành không được sau ngày hôm nay.');
  const checkpoints = judge(task, context.asOf, context.dueSoonDays).checkpoints;
  if (input.occurrence && !checkpoints.some((c) => c.due === input.occurrence)) {
    throw invalid('Kỳ thực hiện đã chọn không có trong lịch của nhiệm vụ.');
  }
  const communeId = task.row.communeId;
  await db.transaction(async (tx) => {
    const changes = occurrenceChanges(task, input, doneAt);
    // The version test in the UPDATE itself: two reports that both read version n cannot both land.
    const updated = await tx
      .update(tasks)
      .set({ progress: changes.progress, doneAt: changes.doneAt, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(tasks.id, taskId), eq(tasks.version, input.version)))
      .returning({ id: tasks.id });
    if (updated.length === 0) throw new AppError('conflict');
    if (input.occurrence && input.done) {
      await tx
        .insert(taskOccurrenceCompletions)
        .values({ communeId, taskId, due: input.occurrence, doneAt, userId: actor.id })
        .onConflictDoUpdate({ target: [taskOccurrenceCompletions.taskId, taskOccurrenceCompletions.due], set: { doneAt, userId: actor.id } });
    }
    if (input.occurrence && input.done === false) {
      await tx.delete(taskOccurrenceCompletions).where(and(eq(taskOccurrenceCompletions.taskId, taskId), eq(taskOccurrenceCompletions.due, input.occurrence)));
    }
    await tx.insert(taskHistory).values({
      communeId,
      taskId,
      userId: actor.id,
      kind: changes.kind,
      progress: changes.progress,
      note: input.note ?? null,
      occurrence: input.occurrence ?? null,
      backdatedTo: backdated?.doneAt ?? null,
      reason: backdated?.reason ?? null,
    });
    await recordAudit(tx, actor, {
      cityId: context.commune.cityId,
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
        ...(backdated ? { backdatedTo: backdated.doneAt, reportedOn: context.asOf, reason: backdated.reason } : {}),
      },
    });
  });
  const [updated] = await loadTasks(db, { communeId, taskIds: [taskId] });
  return presentTask(updated, context);
}

const formatDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * A completion is dated the day it is reported (server clock, UTC+7). An earlier day is the
 * coordinator's or leader's call, with a reason, and never before the task could start.
 */
function checkBackdate(task: LoadedTask, context: JudgeContext, doneAt: string, reason: string | undefined) {
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
  const { task, context } = await requireTask(db, actor, taskId);
  ensure(canCommentOnTask(actor, context.commune, taskRef(task)));
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

/** For the files capability: the task, once the actor may attach evidence to it. */
export async function requireReportableTask(db: Db, actor: Actor, taskId: number) {
  const { task, context } = await requireTask(db, actor, taskId);
  ensure(canReportOnTask(actor, context.commune, taskRef(task)));
  return { task: task.row, commune: context.commune };
}

/** For the files capability: may the actor read this task's files? */
export async function requireReadableTask(db: Db, actor: Actor, taskId: number) {
  return (await requireTask(db, actor, taskId)).task.row;
}
