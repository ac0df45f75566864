import type { Occurrence, TaskDetail } from '../app/api-types';

/** The per-deadline statuses of a task, whichever name the server uses for them. */
export function occurrencesOf(task: TaskDetail): Occurrence[] {
  return task.occurrences ?? task.checkpoints ?? [];
}
