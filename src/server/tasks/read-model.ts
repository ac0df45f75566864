/**
 * The task read model: load → judge → present, always for one `asOf` date.
 * Statuses are never stored; they are judged from the schedule and the reported
 * progress by the pure rules in src/domain/status. Plans, the dashboard, the Excel
 * export, files and (next) reports read tasks here; nothing here writes.
 */
import { and, asc, desc, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { filterTasks, type TConfirmationState, type TTaskFilter, type TTaskOrigin } from '../../contract';
import type { WorkingCalendar } from '../../domain/calendar';
import {
  type DueSoonThreshold,
  inForceOn,
  isDone,
  judgeTask,
  MY_WORK_SECTIONS,
  myWorkSections,
  STALE_REPORT_DAYS,
  type Status,
  settledStatus,
  thisMonthEnd,
  weekEnd,
} from '../../domain/status';
import type { Actor } from '../access/actor';
import { type CommuneRef, canBackdateCompletion, canConfirmCompletion, canManageCommune, canReportOnTask, type TaskRef } from '../access/policy';
import { loadCalendar } from '../calendar/service';
import { dateInVietnam } from '../clock';
import { requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { files, plans, taskAssignees, taskHistory, taskOccurrenceCompletions, tasks, taskUnits, units, users } from '../db/schema';
import { invalid, notFound } from '../errors';

// ---------------------------------------------------------------- load

type TaskRow = typeof tasks.$inferSelect;

export interface LoadedTask {
  row: TaskRow;
  lead: { id: number; name: string }[];
  coordinators: { id: number; name: string }[];
  assignees: { id: number; fullName: string }[];
  completions: Completion[];
  /** Who returned the completion in `row.returnReason`, when there is one. */
  returnedBy: { id: number; fullName: string } | null;
}

/** A closed (or reported) checkpoint of a recurring or continuous task. */
export interface Completion {
  due: string;
  doneAt: string;
  confirmation: TConfirmationState;
  evidenceFileId: number | null;
  evidenceLink: string | null;
}

export interface TaskScope {
  communeId: number;
  planId?: number;
  origin?: TTaskOrigin;
  taskIds?: number[];
  /** Only the tasks of the plan version in force that day (amendments add and drop tasks from a day on). */
  inForceAt?: string;
}

/**
 * `column = any($1)`: one array parameter, so the statement text is the same whatever the count
 * (an IN list of n parameters costs Drizzle and PostgreSQL a new text and plan for each n).
 */
export const anyOf = (column: AnyPgColumn, values: number[]): SQL => sql`${column} = any(${sql.param(values)})`;

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
  if (scope.taskIds) filters.push(anyOf(tasks.id, scope.taskIds));
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
      .where(and(eq(taskUnits.communeId, scope.communeId), anyOf(taskUnits.taskId, ids)))
      .orderBy(asc(taskUnits.position)),
    db
      .select({ taskId: taskAssignees.taskId, id: users.id, fullName: users.fullName })
      .from(taskAssignees)
      .innerJoin(users, eq(users.id, taskAssignees.userId))
      .where(and(eq(taskAssignees.communeId, scope.communeId), anyOf(taskAssignees.taskId, ids))),
    loadCompletions(db, [scope.communeId], ids),
  ]);
  const returners = await returnerNames(db, rows);
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
      completions: (completionsOf.get(row.id) ?? []).map(({ taskId: _t, ...completion }) => completion),
      returnedBy: row.returnedBy === null ? null : (returners.get(row.returnedBy) ?? null),
    };
  });
}

/** Names of the coordinators who returned completions, only when some task carries a return. */
async function returnerNames(db: DbOrTx, rows: TaskRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.returnedBy === null || r.returnReason === null ? [] : [r.returnedBy])))];
  if (ids.length === 0) return new Map<number, { id: number; fullName: string }>();
  const found = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u]));
}

function loadCompletions(db: DbOrTx, communeIds: number[], taskIds: number[]) {
  return db
    .select({
      taskId: taskOccurrenceCompletions.taskId,
      due: taskOccurrenceCompletions.due,
      doneAt: taskOccurrenceCompletions.doneAt,
      confirmation: taskOccurrenceCompletions.confirmation,
      evidenceFileId: taskOccurrenceCompletions.evidenceFileId,
      evidenceLink: taskOccurrenceCompletions.evidenceLink,
    })
    .from(taskOccurrenceCompletions)
    .where(and(anyOf(taskOccurrenceCompletions.communeId, communeIds), anyOf(taskOccurrenceCompletions.taskId, taskIds)));
}

// ---------------------------------------------------------------- judge

type Judged = {
  row: Pick<TaskRow, 'schedule' | 'dueOverride' | 'progress' | 'doneAt' | 'confirmation' | 'periodStart' | 'periodEnd' | 'activeFrom' | 'notDoneOn'>;
  completions: Pick<Completion, 'due' | 'doneAt' | 'confirmation'>[];
};

/** The commune's one "sắp đến hạn" threshold: its setting, in working days on the calendar. */
export const dueSoonOf = (commune: { dueSoonDays: number }, calendar: WorkingCalendar): DueSoonThreshold => ({ workingDays: commune.dueSoonDays, calendar });

export function judge(task: Judged, asOf: string, dueSoon: DueSoonThreshold) {
  const { row } = task;
  const judgement = judgeTask({
    schedule: row.schedule,
    dueOverride: row.dueOverride,
    progress: row.progress,
    doneAt: row.doneAt,
    doneConfirmed: row.confirmation !== 'pending',
    occurrenceCompletions: task.completions.map(({ due, doneAt, confirmation }) => ({ due, doneAt, confirmed: confirmation !== 'pending' })),
    period: { start: row.periodStart, end: row.periodEnd },
    asOf,
    dueSoon,
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
        anyOf(tasks.communeId, communeIds),
        anyOf(
          tasks.planId,
          plansToJudge.map((p) => p.id),
        ),
      ),
    );
  if (rows.length === 0) return result;
  const calendar = await loadCalendar(db);
  const completionsOf = groupByTask(
    await loadCompletions(
      db,
      communeIds,
      rows.map((r) => r.id),
    ),
  );
  for (const row of rows) {
    if (!inForceOn(row, asOf)) continue;
    const completions = (completionsOf.get(row.id) ?? []).map(({ taskId: _t, ...completion }) => completion);
    result.get(row.planId as number)?.push(judge({ row, completions }, asOf, { workingDays: dueSoonDaysOf(row.communeId), calendar }).status);
  }
  return result;
}

// ---------------------------------------------------------------- present

/** What presenting needs besides the task: the date judged at and who is looking. */
export interface ReadContext {
  asOf: string;
  dueSoon: DueSoonThreshold;
  actor: Actor;
  commune: CommuneRef;
}

export const readContext = (actor: Actor, commune: CommuneRef & { dueSoonDays: number }, asOf: string, calendar: WorkingCalendar): ReadContext => ({
  asOf,
  dueSoon: dueSoonOf(commune, calendar),
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

export type TaskJudged = ReturnType<typeof judge>;

/** The API shape of a task: the database shape never leaks. A caller that judged the task already (the dashboard's cache) passes its judgement. */
export function presentTask(task: LoadedTask, context: ReadContext, judgement: TaskJudged = judge(task, context.asOf, context.dueSoon)) {
  const { row } = task;
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
    awaitingConfirmation: pendingCompletions(task),
    returned: returnNote(task),
    canConfirm: canConfirmCompletion(context.actor, context.commune),
  };
}

/** The completions a unit reported that the coordinator has not confirmed yet, the whole task's first. */
export function pendingCompletions({ row, completions }: Pick<LoadedTask, 'row' | 'completions'>) {
  const whole =
    row.doneAt !== null && row.confirmation === 'pending' ? [{ occurrence: null, doneAt: row.doneAt, evidenceFileId: row.evidenceFileId, evidenceLink: row.evidenceLink }] : [];
  const occurrences = completions
    .filter((c) => c.confirmation === 'pending')
    .map((c) => ({ occurrence: c.due, doneAt: c.doneAt, evidenceFileId: c.evidenceFileId, evidenceLink: c.evidenceLink }));
  return [...whole, ...occurrences];
}

function returnNote({ row, returnedBy }: LoadedTask) {
  if (row.returnReason === null || row.returnedAt === null) return null;
  return { reason: row.returnReason, occurrence: row.returnedOccurrence, at: row.returnedAt.toISOString(), by: returnedBy };
}

export type PresentedTask = ReturnType<typeof presentTask>;

export type TaskFilter = TTaskFilter;

// ---------------------------------------------------------------- reads an actor asks for

export async function listTasks(db: Db, actor: Actor, scope: TaskScope, filter: TaskFilter, asOf: string) {
  const commune = await requireCommune(db, actor, scope.communeId);
  const [loaded, calendar] = await Promise.all([loadTasks(db, { inForceAt: asOf, ...scope }), loadCalendar(db)]);
  const context = readContext(actor, commune, asOf, calendar);
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
  const [history, fileRows, calendar] = await Promise.all([
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
    loadCalendar(db),
  ]);
  return {
    ...presentTask(task, readContext(actor, commune, asOf, calendar)),
    history: history.map(({ userId, fullName, at, ...entry }) => ({ ...entry, at: at.toISOString(), user: { id: userId, fullName } })),
    files: fileRows.map(({ userId, fullName, uploadedAt, ...file }) => ({ ...file, uploadedAt: uploadedAt.toISOString(), uploadedBy: { id: userId, fullName } })),
  };
}

// ---------------------------------------------------------------- my work

/** The day of each task's last progress or completion report. */
async function lastReports(db: Db, communeId: number, taskIds: number[]): Promise<Map<number, string>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .select({ taskId: taskHistory.taskId, at: max(taskHistory.at) })
    .from(taskHistory)
    .where(and(eq(taskHistory.communeId, communeId), inArray(taskHistory.taskId, taskIds), inArray(taskHistory.kind, ['progress', 'done'])))
    .groupBy(taskHistory.taskId);
  return new Map(rows.flatMap((r) => (r.at ? [[r.taskId, dateInVietnam(r.at)] as const] : [])));
}

/**
 * A unit's open tasks (led or coordinated by the person's unit, or assigned to the person) in issued
 * plans and from the city, sorted into overdue / this week / this month / waiting for an update,
 * with the person's own assignments first.
 */
export async function getMyWork(db: Db, actor: Actor, asOf: string) {
  if (actor.communeId === null) throw invalid('Trang "Việc của tôi" dành cho cán bộ của xã/phường.');
  const commune = await requireCommune(db, actor, actor.communeId);
  const [loaded, issued, calendar, unitRows] = await Promise.all([
    loadTasks(db, { communeId: commune.id }),
    db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.communeId, commune.id), eq(plans.status, 'issued'))),
    loadCalendar(db),
    actor.unitId === null
      ? Promise.resolve([])
      : db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.communeId, commune.id), eq(units.id, actor.unitId))),
  ]);
  const live = new Set(issued.map((p) => p.id));
  const ours = (task: LoadedTask) =>
    task.assignees.some((a) => a.id === actor.id) || (actor.unitId !== null && [...task.lead, ...task.coordinators].some((u) => u.id === actor.unitId));
  const context = readContext(actor, commune, asOf, calendar);
  const open = loaded
    .filter((task) => (task.row.planId === null ? task.row.origin === 'city_assigned' : live.has(task.row.planId)) && ours(task))
    .map((task) => presentTask(task, context))
    .filter((task) => !isDone(task.status));
  const reported = await lastReports(
    db,
    commune.id,
    open.map((t) => t.id),
  );
  const sections = myWorkSections(
    open.map((t) => ({
      id: t.id,
      status: t.status,
      nextDue: t.nextDue,
      assigneeIds: t.assignees.map((a) => a.id),
      lastReportOn: reported.get(t.id) ?? null,
      returned: t.returned !== null,
    })),
    asOf,
    actor.id,
  );
  return {
    asOf,
    communeId: commune.id,
    unit: unitRows[0] ?? null,
    weekEnd: weekEnd(asOf),
    monthEnd: thisMonthEnd(asOf),
    staleReportDays: STALE_REPORT_DAYS,
    tasks: open,
    sections: MY_WORK_SECTIONS.map((key) => ({ key, taskIds: sections[key] })),
  };
}

// ---------------------------------------------------------------- many communes at once

/**
 * What judging needs of a task, with its closed checkpoints folded in (one statement, no second round trip).
 * The subqueries name the outer table (`"tasks".id`): Drizzle leaves a lone table's columns unqualified,
 * and an unqualified `commune_id` would mean the subquery's own column.
 */
const judgingColumns = {
  id: tasks.id,
  communeId: tasks.communeId,
  planId: tasks.planId,
  origin: tasks.origin,
  schedule: tasks.schedule,
  dueOverride: tasks.dueOverride,
  progress: tasks.progress,
  doneAt: tasks.doneAt,
  confirmation: tasks.confirmation,
  periodStart: tasks.periodStart,
  periodEnd: tasks.periodEnd,
  activeFrom: tasks.activeFrom,
  notDoneOn: tasks.notDoneOn,
  addedOn: tasks.addedOn,
  removedOn: tasks.removedOn,
  // Unconfirmed completions travel too: judging shows them as "chờ xác nhận", never as done.
  completions: sql<
    Completion[]
  >`coalesce((select json_agg(json_build_object('due', c.due, 'doneAt', c.done_at, 'confirmation', c.confirmation, 'evidenceFileId', c.evidence_file_id, 'evidenceLink', c.evidence_link)) from ${taskOccurrenceCompletions} c where c.commune_id = ${tasks}.commune_id and c.task_id = ${tasks}.id), '[]'::json)`,
};

export type JudgingRow = {
  row: Pick<
    TaskRow,
    | 'id'
    | 'communeId'
    | 'planId'
    | 'origin'
    | 'schedule'
    | 'dueOverride'
    | 'progress'
    | 'doneAt'
    | 'confirmation'
    | 'periodStart'
    | 'periodEnd'
    | 'activeFrom'
    | 'notDoneOn'
    | 'addedOn'
    | 'removedOn'
  >;
  completions: Completion[];
};

/**
 * The tasks of the given plans and the city-assigned tasks of the given communes, ready to judge,
 * in one prepared statement whatever the number of communes (`= any($1)`, no list of parameters).
 */
export async function loadForJudging(db: Db, communeIds: number[], planIds: number[]): Promise<JudgingRow[]> {
  if (communeIds.length === 0) return [];
  const rows = await preparedFor(db, 'tasks_for_judging', () =>
    db
      .select(judgingColumns)
      .from(tasks)
      .where(and(sql`${tasks.communeId} = any(${sql.placeholder('communeIds')})`, sql`(${tasks.origin} = 'city_assigned' or ${tasks.planId} = any(${sql.placeholder('planIds')}))`))
      .prepare('tasks_for_judging'),
  ).execute({ communeIds, planIds });
  return rows.map(({ completions, ...row }) => ({ row, completions }));
}

const preparedCache = new WeakMap<object, Map<string, unknown>>();
/** A statement prepared once per database handle (PostgreSQL then plans it once per connection). */
export function preparedFor<T>(db: Db, name: string, build: () => T): T {
  const own = preparedCache.get(db) ?? new Map<string, unknown>();
  preparedCache.set(db, own);
  if (!own.has(name)) own.set(name, build());
  return own.get(name) as T;
}

const { completions: completionsColumn } = judgingColumns;
/**
 * A plan's tasks and the commune's city-assigned tasks with their units, assignees and closed
 * checkpoints folded in as JSON: one prepared statement instead of four in two waves (the dashboard's load).
 */
export async function loadPlanAndCityTasks(db: Db, communeId: number, planId: number): Promise<LoadedTask[]> {
  const rows = await preparedFor(db, 'tasks_of_dashboard', () =>
    db
      .select({
        row: tasks,
        units: sql<
          { id: number; name: string; role: 'lead' | 'coordinator' }[]
        >`coalesce((select json_agg(json_build_object('id', tu.unit_id, 'name', u.name, 'role', tu.role) order by tu.position) from ${taskUnits} tu join ${units} u on u.commune_id = tu.commune_id and u.id = tu.unit_id where tu.commune_id = ${tasks}.commune_id and tu.task_id = ${tasks}.id), '[]'::json)`,
        assignees: sql<
          { id: number; fullName: string }[]
        >`coalesce((select json_agg(json_build_object('id', p.id, 'fullName', p.full_name)) from ${taskAssignees} ta join ${users} p on p.id = ta.user_id where ta.commune_id = ${tasks}.commune_id and ta.task_id = ${tasks}.id), '[]'::json)`,
        completions: completionsColumn,
      })
      .from(tasks)
      .where(and(eq(tasks.communeId, sql.placeholder('communeId')), sql`(${tasks.planId} = ${sql.placeholder('planId')} or ${tasks.origin} = 'city_assigned')`))
      .orderBy(asc(tasks.area), asc(tasks.position), asc(tasks.id))
      .prepare('tasks_of_dashboard'),
  ).execute({ communeId, planId });
  const returners = await returnerNames(
    db,
    rows.map((r) => r.row),
  );
  return rows.map(({ row, units: refs, assignees, completions }) => ({
    row,
    lead: refs.filter((r) => r.role === 'lead').map(({ id, name }) => ({ id, name })),
    coordinators: refs.filter((r) => r.role === 'coordinator').map(({ id, name }) => ({ id, name })),
    assignees,
    completions,
    returnedBy: row.returnedBy === null ? null : (returners.get(row.returnedBy) ?? null),
  }));
}

/**
 * The communes' tasks of the given city directives, ready to judge, with their completion's evidence
 * (the directive's page: every commune, one statement).
 */
export async function loadDirectiveTasks(db: Db, directiveIds: number[]) {
  if (directiveIds.length === 0) return [];
  const rows = await db
    .select({ ...judgingColumns, directiveId: tasks.directiveId, evidenceFileId: tasks.evidenceFileId, evidenceLink: tasks.evidenceLink })
    .from(tasks)
    .where(anyOf(tasks.directiveId, directiveIds));
  return rows.map(({ completions, directiveId, evidenceFileId, evidenceLink, ...row }) => ({
    row,
    completions,
    directiveId: directiveId ?? 0,
    evidence: { fileId: evidenceFileId, link: evidenceLink },
  }));
}
