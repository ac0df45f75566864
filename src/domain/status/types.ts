import type { IsoDate, Period, Schedule } from '../timeframe/types';
import type { DueSoonThreshold } from './due-soon';

/**
 * Task-tracking statuses. The four "done/not done × on time/late" outcomes follow the
 * Government Office's tracking system (QĐ 42/2014, amended by QĐ 23/2018); "due soon"
 * drives reminders, and "no clear deadline" keeps tasks whose date an outside body
 * sets out of the on-time figures instead of guessing a date for them. "Waiting for
 * confirmation" is a completion the unit reported and the coordinator has not yet confirmed:
 * it is not done (no done figure counts it) and no longer open against the unit.
 */
export const STATUSES = [
  'chua_thuc_hien',
  'dang_thuc_hien',
  'sap_den_han',
  'qua_han',
  'cho_xac_nhan',
  'hoan_thanh_dung_han',
  'hoan_thanh_qua_han',
  'chua_xac_dinh_han',
  /** Recorded when the plan was closed with the task not done: final, never "overdue" for ever. */
  'khong_hoan_thanh',
] as const;

export type Status = (typeof STATUSES)[number];

export interface OccurrenceCompletion {
  /** The checkpoint this completion answers, matched exactly. */
  due: IsoDate;
  doneAt: IsoDate;
  /** false while the coordinator has not confirmed the unit's report; absent = confirmed. */
  confirmed?: boolean;
}

export interface JudgeTaskInput {
  schedule: Schedule;
  /** A deadline settled by the coordinator; it wins over whatever the time-frame text said. */
  dueOverride: IsoDate | null;
  /** 0–100, as reported by the unit. */
  progress: number;
  /** When the whole task was finished (the day the unit reported it). */
  doneAt: IsoDate | null;
  /**
   * false while the coordinator has not confirmed that completion: the task is "chờ xác nhận",
   * neither open (its deadline no longer runs against the unit) nor done (it counts in no done figure).
   * Absent = confirmed.
   */
  doneConfirmed?: boolean;
  /** Checkpoints of recurring and continuous tasks that were done. */
  occurrenceCompletions: OccurrenceCompletion[];
  /** The plan's period: continuous tasks are checked at each quarter end inside it. */
  period: Period;
  asOf: IsoDate;
  /** A task not done whose deadline falls within this many working days is "due soon" (see due-soon.ts). */
  dueSoon: DueSoonThreshold;
  /**
   * The day the task joined the plan (its creation, or the amendment that added it). Checkpoints of
   * recurring and continuous tasks falling before it were never owed: they are neither judged nor
   * counted. Absent or null: every checkpoint of the period is owed (tasks issued with the plan).
   */
  activeFrom?: IsoDate | null;
}

export interface Checkpoint {
  due: IsoDate;
  /** The day reported done, confirmed or not (status tells which). */
  doneAt: IsoDate | null;
  status: Status;
}

export interface TaskJudgement {
  status: Status;
  /** The effective deadline: the one-off due date, or for periodic tasks the next open checkpoint (the last one once all are done). */
  due: IsoDate | null;
  /** The earliest checkpoint still open, or null when nothing is open. */
  nextDue: IsoDate | null;
  /** Calendar days past due, for overdue and done-late tasks only. */
  daysLate: number | null;
  checkpoints: Checkpoint[];
}
