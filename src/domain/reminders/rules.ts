/**
 * Which reminders are due on a given day. Pure: the caller loads tasks, people and
 * the commune's settings; these rules say who should hear about what, and the
 * delivery key (rule, task, occurrence, recipient) makes each one go out once,
 * however often and from however many processes the rules are run.
 */
import type { WorkingCalendar } from '../calendar';
import { addDays, dayOfWeek, diffDays } from '../calendar/dates';
import { dueSoonUntil } from '../status/due-soon';
import type { IsoDate } from '../timeframe/types';

/**
 * done_returned: the coordinator sent a reported completion back; city_request: the city asks the
 * commune about a late task or report (đôn đốc); city_directive: a city directive reached the commune
 * as its task, or its content or deadline changed. All told at once, not by the scheduled run.
 */
export const TASK_REMINDER_RULES = ['before_due', 'overdue', 'weekly_digest', 'weekly_summary', 'done_reported', 'done_returned', 'city_request', 'city_directive'] as const;
/** Periodic reports' deadlines (report-rules.ts). */
export const REPORT_REMINDER_RULES = ['report_before_due', 'report_late', 'commune_report_due', 'commune_report_late'] as const;
/**
 * Inspections (issue 13): the notice of a scheduled visit to the inspected unit's heads (told at once),
 * and a finding's deadline coming (finding_due) or passed (finding_overdue) to its owner unit (src/domain/inspection/reminders.ts).
 */
export const INSPECTION_REMINDER_RULES = ['inspection_notice', 'finding_due', 'finding_overdue'] as const;
export const REMINDER_RULES = [...TASK_REMINDER_RULES, ...REPORT_REMINDER_RULES, ...INSPECTION_REMINDER_RULES] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];

export interface ReminderSettings {
  /** "N ngày làm việc trước hạn": the first day a deadline reminder may go out. */
  beforeDueWorkingDays: number;
  onOverdue: boolean;
  weeklyDigest: boolean;
  weeklySummary: boolean;
  doneNotice: boolean;
  /** 1 = Monday … 5 = Friday: from this day of the week the weekly mails go out. */
  weeklyDay: number;
  /** Periodic reports: the first reminder N working days before a report's deadline. */
  reportBeforeDueWorkingDays: number;
  /** Periodic reports: tell the late unit (and the coordinator), or the commune, when a deadline passes. */
  reportOnLate: boolean;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  beforeDueWorkingDays: 3,
  onOverdue: true,
  weeklyDigest: true,
  weeklySummary: true,
  doneNotice: true,
  weeklyDay: 1,
  reportBeforeDueWorkingDays: 3,
  reportOnLate: true,
};

/**
 * A missed run (a holiday, a stopped server) still sends the overdue notice for this
 * many days after the deadline; older overdue work is left to the weekly digest so
 * that starting the system on an old plan does not flood anyone.
 */
export const OVERDUE_CATCH_UP_DAYS = 7;
/** Likewise, a "reported done" notice is not sent for reports older than this. */
export const DONE_NOTICE_CATCH_UP_DAYS = 7;

export interface ReminderCheckpoint {
  due: IsoDate;
  doneAt: IsoDate | null;
}

export interface DoneReport {
  /** The checkpoint the report closed, or null for the whole task. */
  occurrence: IsoDate | null;
  reportedOn: IsoDate;
  reportedBy: number;
  /** The completion still waits for the coordinator ("chờ xác nhận"); once confirmed or returned nobody needs telling. */
  awaitingConfirmation: boolean;
}

export interface ReminderTask {
  taskId: number;
  /** The day the task entered the system: a periodic task's checkpoints before it are not owed. */
  createdOn: IsoDate;
  leadUnitIds: number[];
  assigneeIds: number[];
  checkpoints: ReminderCheckpoint[];
  doneReports: DoneReport[];
}

export interface CommuneDirectory {
  /** Active unit heads by unit. */
  unitHeads: ReadonlyMap<number, number[]>;
  coordinators: number[];
  leaders: number[];
}

export interface ReminderIntent {
  rule: ReminderRule;
  /** null for the weekly mails, which cover many tasks, and for reports. */
  taskId: number | null;
  /** A report reminder's subject: the report period (absent for task reminders). */
  periodId?: number;
  /** For report reminders: the units whose report it is about. */
  unitIds?: number[];
  /** The checkpoint's deadline; for weekly mails the Monday of the week. */
  occurrenceDue: IsoDate;
  recipientId: number;
  /** For weekly mails: the tasks they list. */
  taskIds?: number[];
  /** For inspection findings' reminders: the findings they list. */
  findingIds?: number[];
}

export interface ReminderInput {
  asOf: IsoDate;
  settings: ReminderSettings;
  /** "Sắp đến hạn" for the digest: the commune's one threshold, in working days (see domain/status/due-soon.ts). */
  dueSoonDays: number;
  calendar: WorkingCalendar;
  tasks: ReminderTask[];
  directory: CommuneDirectory;
}

export function remindersDue(input: ReminderInput): ReminderIntent[] {
  const { settings } = input;
  return [
    ...input.tasks.flatMap((task) => deadlineReminders(input, task)),
    ...(settings.doneNotice ? input.tasks.flatMap((task) => doneNotices(input, task)) : []),
    ...(settings.weeklyDigest ? weeklyDigests(input) : []),
    ...(settings.weeklySummary ? weeklySummaries(input) : []),
  ];
}

/** The lead units' heads and the assignees; the coordinator when the task names nobody who can act. */
export function taskRecipients(task: ReminderTask, directory: CommuneDirectory): number[] {
  const heads = task.leadUnitIds.flatMap((id) => directory.unitHeads.get(id) ?? []);
  const people = unique([...heads, ...task.assigneeIds]);
  return people.length > 0 ? people : unique(directory.coordinators);
}

/**
 * Open checkpoints the task owes. A recurring task added in the middle of its period
 * owes nothing for occurrences before it existed; a one-off deadline stays owed.
 */
function openCheckpoints(task: ReminderTask): ReminderCheckpoint[] {
  const periodic = task.checkpoints.length > 1;
  return task.checkpoints.filter((c) => c.doneAt === null && (!periodic || diffDays(task.createdOn, c.due) >= 0));
}

function deadlineReminders(input: ReminderInput, task: ReminderTask): ReminderIntent[] {
  const { asOf, settings, calendar, directory } = input;
  const recipients = taskRecipients(task, directory);
  return openCheckpoints(task).flatMap((checkpoint) => {
    const rule = deadlineRule(checkpoint.due, asOf, settings, calendar);
    if (!rule) return [];
    return recipients.map((recipientId) => ({ rule, taskId: task.taskId, occurrenceDue: checkpoint.due, recipientId }));
  });
}

/** before_due from N working days ahead up to the deadline itself; overdue from the day after, for a week. */
export function deadlineRule(due: IsoDate, asOf: IsoDate, settings: ReminderSettings, calendar: WorkingCalendar): ReminderRule | null {
  const daysLeft = diffDays(asOf, due);
  if (daysLeft >= 0) {
    const firstDay = calendar.addWorkingDays(due, -settings.beforeDueWorkingDays);
    return diffDays(firstDay, asOf) >= 0 ? 'before_due' : null;
  }
  return settings.onOverdue && -daysLeft <= OVERDUE_CATCH_UP_DAYS ? 'overdue' : null;
}

function doneNotices({ asOf, directory }: ReminderInput, task: ReminderTask): ReminderIntent[] {
  return task.doneReports.flatMap((report) => {
    const age = diffDays(report.reportedOn, asOf);
    if (!report.awaitingConfirmation || age < 0 || age > DONE_NOTICE_CATCH_UP_DAYS) return [];
    const occurrenceDue = report.occurrence ?? lastCheckpoint(task) ?? report.reportedOn;
    return directory.coordinators
      .filter((id) => id !== report.reportedBy)
      .map((recipientId) => ({ rule: 'done_reported' as const, taskId: task.taskId, occurrenceDue, recipientId }));
  });
}

function lastCheckpoint(task: ReminderTask): IsoDate | null {
  return task.checkpoints.length > 0 ? task.checkpoints[task.checkpoints.length - 1].due : null;
}

/** Monday of the ISO week holding `date`. */
export function weekStart(date: IsoDate): IsoDate {
  const dow = dayOfWeek(date);
  return addDays(date, dow === 0 ? -6 : 1 - dow);
}

function weeklyMailDue(asOf: IsoDate, settings: ReminderSettings): boolean {
  return diffDays(weekStart(asOf), asOf) >= settings.weeklyDay - 1;
}

/** Tasks with a checkpoint overdue or "sắp đến hạn" on `asOf` (the same threshold as the statuses). */
function needsAttention(task: ReminderTask, { asOf, dueSoonDays, calendar }: ReminderInput): boolean {
  const until = dueSoonUntil(asOf, { workingDays: dueSoonDays, calendar });
  return openCheckpoints(task).some((c) => c.due <= until);
}

function weeklyDigests(input: ReminderInput): ReminderIntent[] {
  const { asOf, settings, directory } = input;
  if (!weeklyMailDue(asOf, settings)) return [];
  const occurrenceDue = weekStart(asOf);
  const urgent = input.tasks.filter((task) => needsAttention(task, input));
  return [...directory.unitHeads].flatMap(([unitId, heads]) => {
    const taskIds = urgent.filter((task) => task.leadUnitIds.includes(unitId)).map((task) => task.taskId);
    if (taskIds.length === 0) return [];
    return heads.map((recipientId) => ({ rule: 'weekly_digest' as const, taskId: null, occurrenceDue, recipientId, taskIds }));
  });
}

function weeklySummaries(input: ReminderInput): ReminderIntent[] {
  const { asOf, settings, directory } = input;
  if (!weeklyMailDue(asOf, settings) || input.tasks.length === 0) return [];
  const occurrenceDue = weekStart(asOf);
  const taskIds = input.tasks.filter((task) => needsAttention(task, input)).map((task) => task.taskId);
  return unique(directory.leaders).map((recipientId) => ({ rule: 'weekly_summary' as const, taskId: null, occurrenceDue, recipientId, taskIds }));
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}
