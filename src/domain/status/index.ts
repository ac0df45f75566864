export { judgeTask, quarterEndCheckpoints } from './judge-task';
export { inForceOn, settledStatus, type TaskLife } from './plan-life';
export type { StatusSummary } from './summarise';
export { isDone, summarise } from './summarise';
export type { Checkpoint, JudgeTaskInput, OccurrenceCompletion, Status, TaskJudgement } from './types';
export { STATUSES } from './types';
