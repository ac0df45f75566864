export type { DueSoonThreshold } from './due-soon';
export { dueSoonUntil, isDueSoon } from './due-soon';
export { judgeTask, quarterEndCheckpoints } from './judge-task';
export type { MyWorkSection, MyWorkTask } from './my-work';
export { MY_WORK_SECTIONS, monthEnd, myWorkSections, STALE_REPORT_DAYS, thisMonthEnd, weekEnd } from './my-work';
export type { StatusSummary } from './summarise';
export { isDone, summarise } from './summarise';
export type { Checkpoint, JudgeTaskInput, OccurrenceCompletion, Status, TaskJudgement } from './types';
export { STATUSES } from './types';
