/**
 * What the reminder rules need about one commune on one day: its settings, the
 * tasks that are live (issued plans and the city's tasks), the people who can act,
 * and the completions reported lately.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import { addDays } from '../../domain/calendar/dates';
import type { ReportDeadline } from '../../domain/reminders/report-rules';
import { type CommuneDirectory, DEFAULT_REMINDER_SETTINGS, type DoneReport, OVERDUE_CATCH_UP_DAYS, type ReminderSettings, type ReminderTask } from '../../domain/reminders/rules';
import type { DueSoonThreshold } from '../../domain/status';
import { dateInVietnam } from '../clock';
import type { DbOrTx } from '../db';
import { plans, reminderSettings, taskHistory, units, users } from '../db/schema';
import { reportDeadlines } from '../reports/service';
import { judge, type LoadedTask, loadTasks } from '../tasks/read-model';

export interface CommuneReminderData {
  settings: ReminderSettings;
  tasks: ReminderTask[];
  loaded: Map<number, LoadedTask>;
  directory: CommuneDirectory;
  people: Map<number, Person>;
  /** Report periods of issued plans with a deadline near enough to remind of. */
  reportDeadlines: ReportDeadline[];
  /** For the report reminders' texts. */
  periodLabels: Map<number, string>;
  unitNames: Map<number, string>;
}

export interface Person {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  emailNotifications: boolean;
}

export async function communeSettings(db: DbOrTx, communeId: number): Promise<ReminderSettings> {
  const [row] = await db.select().from(reminderSettings).where(eq(reminderSettings.communeId, communeId));
  if (!row) return DEFAULT_REMINDER_SETTINGS;
  const { beforeDueWorkingDays, onOverdue, weeklyDigest, weeklySummary, doneNotice, weeklyDay, reportBeforeDueWorkingDays, reportOnLate } = row;
  return { beforeDueWorkingDays, onOverdue, weeklyDigest, weeklySummary, doneNotice, weeklyDay, reportBeforeDueWorkingDays, reportOnLate };
}

export async function loadCommuneReminderData(db: DbOrTx, communeId: number, asOf: string, dueSoon: DueSoonThreshold): Promise<CommuneReminderData> {
  const [settings, tasks, issuedPlans, staff, reports, periods, unitRows] = await Promise.all([
    communeSettings(db, communeId),
    loadTasks(db, { communeId }),
    db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.communeId, communeId), eq(plans.status, 'issued'))),
    db
      .select({
        id: users.id,
        username: users.username,
        fullName: users.fullName,
        email: users.email,
        emailNotifications: users.emailNotifications,
        role: users.role,
        unitId: users.unitId,
      })
      .from(users)
      .where(and(eq(users.communeId, communeId), eq(users.active, true))),
    recentDoneReports(db, communeId, asOf),
    // A late notice runs for a week after a deadline: older periods are done with.
    reportDeadlines(db, communeId, addDays(asOf, -OVERDUE_CATCH_UP_DAYS - 1)),
    db.select({ id: units.id, name: units.name }).from(units).where(eq(units.communeId, communeId)),
  ]);
  const live = new Set(issuedPlans.map((p) => p.id));
  const liveTasks = tasks.filter((t) => (t.row.planId === null ? t.row.origin === 'city_assigned' : live.has(t.row.planId)));
  return {
    settings,
    tasks: liveTasks.map((task) => toReminderTask(task, asOf, dueSoon, reports.get(task.row.id) ?? [])),
    loaded: new Map(liveTasks.map((t) => [t.row.id, t])),
    directory: directoryOf(staff),
    people: new Map(staff.map((p) => [p.id, p])),
    reportDeadlines: periods
      .filter((p) => live.has(p.planId))
      .map((p) => ({
        periodId: p.periodId,
        unitDeadline: p.unitDeadline,
        communeDeadline: p.communeDeadline,
        // An inspection's self-report is owed by its unit alone.
        unitsOwing: p.unitId !== null ? [p.unitId] : [...new Set(tasks.filter((t) => t.row.planId === p.planId).flatMap((t) => t.lead.map((u) => u.id)))],
        unitsSubmitted: p.unitsSubmitted,
        communeSent: p.communeSent,
      })),
    periodLabels: new Map(periods.map((p) => [p.periodId, p.label])),
    unitNames: new Map(unitRows.map((u) => [u.id, u.name])),
  };
}

function toReminderTask(task: LoadedTask, asOf: string, dueSoon: DueSoonThreshold, doneReports: Omit<DoneReport, 'awaitingConfirmation'>[]): ReminderTask {
  const { checkpoints } = judge(task, asOf, dueSoon);
  return {
    taskId: task.row.id,
    createdOn: dateInVietnam(task.row.createdAt),
    leadUnitIds: task.lead.map((u) => u.id),
    assigneeIds: task.assignees.map((a) => a.id),
    checkpoints: checkpoints.map((c) => ({ due: c.due, doneAt: c.doneAt })),
    doneReports: doneReports.map((report) => ({ ...report, awaitingConfirmation: awaitsConfirmation(task, report.occurrence) })),
  };
}

/** Whether the completion a "done" report made still waits for the coordinator. */
function awaitsConfirmation(task: LoadedTask, occurrence: string | null): boolean {
  if (occurrence === null) return task.row.doneAt !== null && task.row.confirmation === 'pending';
  return task.completions.some((c) => c.due === occurrence && c.confirmation === 'pending');
}

function directoryOf(staff: { id: number; role: string; unitId: number | null }[]): CommuneDirectory {
  const unitHeads = new Map<number, number[]>();
  for (const person of staff) {
    if (person.role !== 'unit_head' || person.unitId === null) continue;
    unitHeads.set(person.unitId, [...(unitHeads.get(person.unitId) ?? []), person.id]);
  }
  return {
    unitHeads,
    coordinators: staff.filter((p) => p.role === 'coordinator').map((p) => p.id),
    leaders: staff.filter((p) => p.role === 'leader').map((p) => p.id),
  };
}

/** "Done" reports of the last week and a day, by task: the rules keep those within their window. */
async function recentDoneReports(db: DbOrTx, communeId: number, asOf: string) {
  const since = addDays(asOf, -8);
  const rows = await db
    .select({
      taskId: taskHistory.taskId,
      userId: taskHistory.userId,
      occurrence: taskHistory.occurrence,
      on: sql<string>`(${taskHistory.at} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text`,
    })
    .from(taskHistory)
    .where(and(eq(taskHistory.communeId, communeId), eq(taskHistory.kind, 'done'), gte(taskHistory.at, sql`${since}::date - interval '1 day'`)));
  const byTask = new Map<number, Omit<DoneReport, 'awaitingConfirmation'>[]>();
  for (const row of rows) {
    byTask.set(row.taskId, [...(byTask.get(row.taskId) ?? []), { occurrence: row.occurrence, reportedOn: row.on, reportedBy: row.userId }]);
  }
  return byTask;
}
