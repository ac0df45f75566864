/**
 * What a plan's life does to its tasks' figures: an amendment adds or drops a task from a day on,
 * and closing the plan settles every task not done as "không hoàn thành" instead of leaving it
 * overdue for ever.
 */
import { isDone } from './summarise';
import type { Status } from './types';

export interface TaskLife {
  /** In the plan from this day (added by an amendment); null: issued with the plan. */
  addedOn: string | null;
  /** Dropped by an amendment from this day; null: never dropped. */
  removedOn: string | null;
}

/** Whether the task belongs to the version of its plan in force on `asOf` (ISO dates compare as text). */
export function inForceOn(task: TaskLife, asOf: string): boolean {
  return (task.addedOn === null || task.addedOn <= asOf) && (task.removedOn === null || asOf < task.removedOn);
}

/** The status once the plan is closed: a task not done by the closing day is "không hoàn thành" from that day on. */
export function settledStatus(status: Status, notDoneOn: string | null, asOf: string): Status {
  if (notDoneOn === null || asOf < notDoneOn || isDone(status)) return status;
  return 'khong_hoan_thanh';
}
