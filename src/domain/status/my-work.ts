/**
 * A unit's daily view ("Việc của tôi"): its open tasks sorted into what needs doing now.
 * Pure: the read model hands in the judged tasks and the date of each one's last report.
 */
import { addDays, dayOfWeek, diffDays } from '../calendar/dates';
import type { IsoDate } from '../timeframe/types';
import { isDone } from './summarise';
import type { Status } from './types';

/** A report older than this many days leaves the task waiting for the unit's update. */
export const STALE_REPORT_DAYS = 30;

/** In the order the page shows them; "assigned to me" leads for the people named on tasks, then what the coordinator sent back. */
export const MY_WORK_SECTIONS = ['assignedToMe', 'returned', 'overdue', 'dueThisWeek', 'dueThisMonth', 'waitingUpdate'] as const;
export type MyWorkSection = (typeof MY_WORK_SECTIONS)[number];

export interface MyWorkTask {
  id: number;
  status: Status;
  /** The next open deadline (the earliest open checkpoint of a periodic task). */
  nextDue: IsoDate | null;
  assigneeIds: number[];
  /** The day of the last progress or completion report, null when none was made. */
  lastReportOn: IsoDate | null;
  /** The coordinator returned the unit's completion report and the unit has not reported again. */
  returned: boolean;
}

/** Sunday of the (Monday-first) week holding `date`. */
export function weekEnd(date: IsoDate): IsoDate {
  const dow = dayOfWeek(date);
  return addDays(date, dow === 0 ? 0 : 7 - dow);
}

/** The last day of the month holding `date`. */
export function monthEnd(date: IsoDate): IsoDate {
  const [year, month] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * Where "this month" ends: the end of the month the days after this week fall in. Usually the current
 * month; in a week that reaches the month's end (Monday 30/11), the next one, so the section never
 * goes empty just because the month is nearly over.
 */
export function thisMonthEnd(asOf: IsoDate): IsoDate {
  return monthEnd(addDays(weekEnd(asOf), 1));
}

/**
 * Which sections each open task belongs to. Overdue, this week and this month do not overlap
 * (this month means after this week); "assigned to me", "returned" and "waiting for an update" cut across them.
 */
export function myWorkSections(tasks: MyWorkTask[], asOf: IsoDate, personId: number): Record<MyWorkSection, number[]> {
  const week = weekEnd(asOf);
  const month = thisMonthEnd(asOf);
  const open = tasks.filter((task) => !isDone(task.status));
  const upcoming = (task: MyWorkTask) => task.status !== 'qua_han' && task.nextDue !== null && task.nextDue >= asOf;
  const ids = (list: MyWorkTask[]) => list.map((task) => task.id);
  return {
    assignedToMe: ids(open.filter((task) => task.assigneeIds.includes(personId))),
    returned: ids(open.filter((task) => task.returned)),
    overdue: ids(open.filter((task) => task.status === 'qua_han')),
    dueThisWeek: ids(open.filter((task) => upcoming(task) && (task.nextDue as IsoDate) <= week)),
    dueThisMonth: ids(open.filter((task) => upcoming(task) && (task.nextDue as IsoDate) > week && (task.nextDue as IsoDate) <= month)),
    waitingUpdate: ids(open.filter((task) => task.lastReportOn === null || diffDays(task.lastReportOn, asOf) > STALE_REPORT_DAYS)),
  };
}
