/** Who may read or attach a task's evidence files: the task's access rules, read through the task read model. */
import type { Actor } from '../access/actor';
import { canReportOnTask, ensure } from '../access/policy';
import type { Db } from '../db';
import { requireTask, taskRef } from '../tasks/read-model';

/** The task, once the actor may attach evidence to it. */
export async function requireReportableTask(db: Db, actor: Actor, taskId: number) {
  const { task, commune } = await requireTask(db, actor, taskId);
  ensure(canReportOnTask(actor, commune, taskRef(task)));
  return { task: task.row, commune };
}

/** The task, once the actor may read it (and so its files). */
export async function requireReadableTask(db: Db, actor: Actor, taskId: number) {
  return (await requireTask(db, actor, taskId)).task.row;
}
