/**
 * The task read model: load → judge → present, always for one `asOf` date.
 * Statuses are never stored; they are judged from the schedule and the reported
 * progress by the pure rules in src/domain/status. Plans, the dashboard, the Excel
 * export, files and (next) reports read tasks here; nothing here writes.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { filterTasks, type TTaskFilter, type TTaskOrigin } from '../../contract';
import { inForceOn, judgeTask, type Status, settledStatus } from '../../domain/status';
import type { Actor } from '../access/actor';
import { type CommuneRef, canBackdateCompletion, canManageCommune, canReportOnTask, type TaskRef } from '../access/policy';
import { requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { files, taskAssignees, taskHistory, taskOccurrenceCompletions, tasks, taskUnits, units, users } from '../db/schema';
import { notFound } from '../errors';

// ---------------------------------------------------------------- load

type TaskRow = typeof tasks.$inferSelect;

export interface LoadedTask {
  row: TaskRow;
  lead: { id: number; name: string }[];
  coordinators: { id: number; name: string }[];
  assignees: { id: number; fullName: string }[];
  completions: { due: string; doneAt: string }[];
}

export interface TaskScope {
  communeId: number;
  planId?: number;
  origin?: TTaskOrigin;
  taskIds?: number[];
  /** Only the tasks of the plan version in force that day (amendments add and drop tasks from a day on). */
  inForceAt?: string;
}

const groupByTask = <T extends { taskId: number }>(list: T[]) => {
  const map = new Map<number, T[]>();
  for (const item of list) map.set(item.taskId, [...(map.get(item.taskId) ?? []), item]);
  return map;
};

/** One commune's tasks in table order, with their units, assignees and closed checkpoints: four queries whatever the count. */
export async function loadTasks(db: DbOrTx, scope: TaskScope): Promise<LoadedTask[]> {
  const filters: SQL[] = [eq(tasks.communeId, scope.communeId)];
  if (scope.planId !== undefined) filters.push(eq(tasks.planId, scope.planId));
  if (scope.origin) filters.push(eq(tasks.origin, scope.origin));
  if (scope.taskIds) filters.push(inArray(tasks.id, scope.taskIds.length ? scope.taskIds : [-1]));
  const rows = await db
    .select()
    .from(tasks)
    .where(and(...filters))
    .orderBy(asc(tasks.area), asc(tasks.position), asc(tasks.id))
    .then((all) => (scope.inForceAt === undefined ? all : all.filter((row) => inForceOn(row, scope.inForceAt as string))));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [unitRows, assigneeRows, completionRows] = await Promise.all([
    db
      .select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, name: units.name, role: taskUnits.role })
      .from(taskUnits)
      .innerJoin(units, and(eq(units.communeId, taskUnits.communeId), eq(units.id, taskUnits.unitId)))
      .where(and(eq(taskUnits.communeId, scope.communeId), inArray(taskUnits.taskId, ids)))
      .orderBy(asc(taskUnits.position)),
    db
      .select({ taskId: taskAssignees.taskId, id: users.id, fullName: users.fullName })
      .from(taskAssignees)
      .innerJoin(users, eq(users.id, taskAssignees.userId))
      .where(and(eq(taskAssignees.communeId, scope.communeId), inArray(taskAssignees.taskId, ids))),
    loadCompletions(db, [scope.communeId], ids),
  ]);
  const unitsOf = groupByTask(unitRows);
  const assigneesOf = groupByTask(assigneeRows);
  const completionsOf = groupByTask(completionRows);
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

function loadCompletions(db: DbOrTx, communeIds: number[], taskIds: number[]) {
  return db
    .select({ taskId: taskOccurrenceCompletions.taskId, due: taskOccurrenceCompletions.due, doneAt: taskOccurrenceCompletions.doneAt })
    .from(taskOccurrenceCompletions)
    .where(and(inArray(taskOccurrenceCompletions.communeId, communeIds), inArray(taskOccurrenceCompletions.taskId, taskIds)));
}

// ---------------------------------------------------------------- judge

type Judged = Pick<LoadedTask, 'row' | 'completions'>;

export function judge(task: Judged, asOf: string, dueSoonDays: number) {
  const { row } = task;
  const judgement = judgeTask({
    schedule: row.schedule,
    dueOverride: row.dueOverride,
    progress: row.progress,
    doneAt: row.doneAt,
    occurrenceCompletions: task.completions,
    period: { start: row.periodStart, end: row.periodEnd },
    asOf,
    dueSoonDays,
    activeFrom: row.activeFrom,
  });
  // A closed plan's tasks not done are settled for good: "không hoàn thành", no longer counting days late.
  const status = settledStatus(judgement.status, row.notDoneOn, asOf);
  return status === judgement.status ? judgement : { ...judgement, status, daysLate: null };
}

/**
 * The judged statuses of the tasks of many plans (of many communes) in two queries,
 * for plan lists: a status needs the task row and its closed checkpoints, nothing else.
 */
export async function judgePlanTasks(
  db: DbOrTx,
  plansToJudge: { id: number; communeId: number }[],
  asOf: string,
  dueSoonDaysOf: (communeId: number) => number,
): Promise<Map<number, Status[]>> {
  const result = new Map<number, Status[]>(plansToJudge.map((p) => [p.id, []]));
  if (plansToJudge.length === 0) return result;
  const communeIds = [...new Set(plansToJudge.map((p) => p.communeId))];
  const rows = await db
    .select()
    .from(tasks)
    .where(
      and(
        inArray(tasks.communeId, communeIds),
        inArray(
          tasks.planId,
          plansToJudge.map((p) => p.id),
        ),
      ),
    );
  if (rows.length === 0) return result;
  const completionsOf = groupByTask(
    await loadCompletions(
      db,
      communeIds,
      rows.map((r) => r.id),
    ),
  );
  for (const row of rows) {
    if (!inForceOn(row, asOf)) continue;
    const completions = (completionsOf.get(row.id) ?? []).map(({ due, doneAt }) => ({ due, doneAt }));
    result.get(row.planId as number)?.push(judge({ row, completions }, asOf, dueSoonDaysOf(row.communeId)).status);
  }
  return result;
}

// ---------------------------------------------------------------- present

/** What presenting needs besides the task: the date judged at and who is looking. */
export interface ReadContext {
  asOf: string;
  dueSoonDays: number;
  actor: Actor;
  commune: CommuneRef;
}

export const readContext = (actor: Actor, commune: CommuneRef & { dueSoonDays: number }, asOf: string): ReadContext => ({
  asOf,
  dueSoonDays: commune.dueSoonDays,
  actor,
  commune,
});

/** The task as the access policy sees it. */
export const taskRef = (task: LoadedTask): TaskRef => ({
  communeId: task.row.communeId,
  leadUnitIds: task.lead.map((u) => u.id),
  coordinatorUnitIds: task.coordinators.map((u) => u.id),
  assigneeIds: task.assignees.map((a) => a.id),
});

/** The API shape of a task: the database shape never leaks. */
export function presentTask(task: LoadedTask, context: ReadContext) {
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

export type TaskFilter = TTaskFilter;

// ---------------------------------------------------------------- reads an actor asks for

export async function listTasks(db: Db, actor: Actor, scope: TaskScope, filter: TaskFilter, asOf: string) {
  const commune = await requireCommune(db, actor, scope.communeId);
  const context = readContext(actor, commune, asOf);
  const loaded = await loadTasks(db, { inForceAt: asOf, ...scope });
  return filterTasks(
    loaded.map((task) => presentTask(task, context)),
    filter,
  );
}

/** A task the actor may read, loaded, with its commune; another commune's task is a 404. */
export async function requireTask(db: Db, actor: Actor, taskId: number) {
  const [found] = await db.select({ communeId: tasks.communeId }).from(tasks).where(eq(tasks.id, taskId));
  if (!found) throw notFound();
  const commune = await requireCommune(db, actor, found.communeId);
  const [task] = await loadTasks(db, { communeId: found.communeId, taskIds: [taskId] });
  return { task, commune };
}

export async function getTaskDetail(db: Db, actor: Actor, taskId: number, asOf: string) {
  const { task, commune } = await requireTask(db, actor, taskId);
  const communeId = task.row.communeId;
  const [history, fileRows] = await Promise.all([
    db
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
      .where(and(eq(taskHistory.communeId, communeId), eq(taskHistory.taskId, taskId)))
      .orderBy(desc(taskHistory.at), desc(taskHistory.id)),
    db
      .select({ id: files.id, name: files.originalName, size: files.size, mimeType: files.mimeType, uploadedAt: files.uploadedAt, userId: users.id, fullName: users.fullName })
      .from(files)
      .innerJoin(users, eq(users.id, files.uploadedBy))
      .where(and(eq(files.communeId, communeId), eq(files.taskId, taskId)))
      .orderBy(desc(files.uploadedAt)),
  ]);
  return {
    ...presentTask(task, readContext(actor, commune, asOf)),
    history: history.map(({ userId, fullName, at, ...entry }) => ({ ...entry, at: at.toISOString(), user: { id: userId, fullName } })),
    files: fileRows.map(({ userId, fullName, uploadedAt, ...file }) => ({ ...file, uploadedAt: uploadedAt.toISOString(), uploadedBy: { id: userId, fullName } })),
  };
}
