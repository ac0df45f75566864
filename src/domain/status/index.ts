export { judgeTask, quarterEndCheckpoints } from './judge-task';
export { summarise, isDone } from './summarise';
export type { StatusSummary } from './summarise';
export { STATUSES } from './types';
export type { Status, Checkpoint, JudgeTaskInput, OccurrenceCompletion, TaskJudgement } from './types';
