/**
 * Decides a task's status from its schedule, its progress and the day of judgement.
 * Pure: the same input always gives the same answer, so lists, dashboards and
 * reports can recompute statuses at any `asOf` instead of storing stale ones.
 */
import { diffDays, isoDate, toDayNumber } from '../calendar/dates';
import type { IsoDate, Period, ScheduleKind } from '../timeframe/types';
import { type DueSoonThreshold, isDueSoon } from './due-soon';
import type { Checkpoint, JudgeTaskInput, Status, TaskJudgement } from './types';

/** Kinds with a single deadline. */
const ONE_OFF_KINDS: ReadonlySet<ScheduleKind> = new Set(['date', 'month', 'quarter', 'range', 'whole_period']);

export function judgeTask(input: JudgeTaskInput): TaskJudgement {
  validate(input);
  const { schedule, dueOverride } = input;
  // The coordinator's settled date replaces the parsed schedule entirely, even for recurring tasks.
  if (dueOverride !== null) return judgeOneOff(input, dueOverride);
  if (ONE_OFF_KINDS.has(schedule.kind)) {
    return schedule.due ? judgeOneOff(input, schedule.due) : judgeUndetermined(input);
  }
  if (schedule.kind === 'recurring') {
    const dues = owed(input, uniqueSorted(schedule.occurrences.length > 0 ? schedule.occurrences : compact([schedule.due])));
    return dues.length > 0 ? judgePeriodic(input, dues) : judgeUndetermined(input);
  }
  if (schedule.kind === 'continuous') {
    const dues = owed(input, quarterEndCheckpoints(input.period));
    return dues.length > 0 ? judgePeriodic(input, dues) : judgeUndetermined(input);
  }
  return judgeUndetermined(input);
}

/**
 * A task added in November owes nothing for March: checkpoints before activeFrom are dropped,
 * unless work was recorded against one anyway (that record stays visible).
 */
function owed({ activeFrom, occurrenceCompletions }: JudgeTaskInput, dues: IsoDate[]): IsoDate[] {
  if (activeFrom === undefined || activeFrom === null) return dues;
  return dues.filter((due) => diffDays(activeFrom, due) >= 0 || occurrenceCompletions.some((c) => c.due === due));
}

function validate({ asOf, doneAt, dueSoon, period, activeFrom }: JudgeTaskInput): void {
  toDayNumber(asOf);
  if (doneAt !== null) toDayNumber(doneAt);
  if (activeFrom !== undefined && activeFrom !== null) toDayNumber(activeFrom);
  if (!Number.isInteger(dueSoon.workingDays) || dueSoon.workingDays < 0) {
    throw new RangeError(`Số ngày làm việc "sắp đến hạn" phải là số nguyên không âm: ${dueSoon.workingDays}`);
  }
  if (diffDays(period.start, period.end) < 0) {
    throw new RangeError(`Kỳ kế hoạch không hợp lệ: ${period.start} > ${period.end}`);
  }
}

/** Status of a not-yet-done deadline on `asOf`: overdue, due soon, or null when neither. */
function openDeadlineStatus(due: IsoDate, asOf: IsoDate, dueSoon: DueSoonThreshold): Status | null {
  if (diffDays(asOf, due) < 0) return 'qua_han';
  if (isDueSoon(due, asOf, dueSoon)) return 'sap_den_han';
  return null;
}

function doneStatus(due: IsoDate, doneAt: IsoDate): Status {
  return diffDays(due, doneAt) <= 0 ? 'hoan_thanh_dung_han' : 'hoan_thanh_qua_han';
}

function judgeOneOff(input: JudgeTaskInput, due: IsoDate): TaskJudgement {
  const { doneAt, asOf, dueSoon, progress } = input;
  if (doneAt !== null && input.doneConfirmed === false) {
    return { status: 'cho_xac_nhan', due, nextDue: null, daysLate: null, checkpoints: [{ due, doneAt, status: 'cho_xac_nhan' }] };
  }
  if (doneAt !== null) {
    const status = doneStatus(due, doneAt);
    const daysLate = status === 'hoan_thanh_qua_han' ? diffDays(due, doneAt) : null;
    return { status, due, nextDue: null, daysLate, checkpoints: [{ due, doneAt, status }] };
  }
  const status = openDeadlineStatus(due, asOf, dueSoon) ?? (progress > 0 ? 'dang_thuc_hien' : 'chua_thuc_hien');
  const daysLate = status === 'qua_han' ? diffDays(due, asOf) : null;
  return { status, due, nextDue: due, daysLate, checkpoints: [{ due, doneAt: null, status }] };
}

/**
 * Recurring and continuous tasks: each checkpoint is judged on its own, then the
 * task takes the most urgent state (a missed checkpoint outweighs later good work).
 * Marking the whole task done closes every checkpoint still open on that date.
 */
function judgePeriodic(input: JudgeTaskInput, dues: IsoDate[]): TaskJudgement {
  const checkpoints = dues.map((due) => judgeCheckpoint(input, due));
  const open = checkpoints.filter((c) => c.doneAt === null);
  const { asOf } = input;

  const missed = open.filter((c) => diffDays(c.due, asOf) > 0);
  if (missed.length > 0) {
    const oldest = missed[0].due;
    return { status: 'qua_han', due: oldest, nextDue: oldest, daysLate: diffDays(oldest, asOf), checkpoints };
  }
  if (open.length === 0) return checkpoints.some((c) => c.status === 'cho_xac_nhan') ? awaitingConfirmation(checkpoints) : allDone(checkpoints);

  const next = open[0].due;
  const anyDone = open.length < checkpoints.length;
  const status = openDeadlineStatus(next, asOf, input.dueSoon) ?? (input.progress > 0 || anyDone ? 'dang_thuc_hien' : 'chua_thuc_hien');
  return { status, due: next, nextDue: next, daysLate: null, checkpoints };
}

function judgeCheckpoint(input: JudgeTaskInput, due: IsoDate): Checkpoint {
  const completion = completionFor(input, due);
  if (completion !== null) {
    return { due, doneAt: completion.doneAt, status: completion.confirmed ? doneStatus(due, completion.doneAt) : 'cho_xac_nhan' };
  }
  // A single checkpoint has no progress of its own, so an open one far from its date is "not started".
  const status = openDeadlineStatus(due, input.asOf, input.dueSoon) ?? 'chua_thuc_hien';
  return { due, doneAt: null, status };
}

/** The earliest completion recorded for this checkpoint, else the whole task's completion. */
function completionFor({ occurrenceCompletions, doneAt, doneConfirmed }: JudgeTaskInput, due: IsoDate): { doneAt: IsoDate; confirmed: boolean } | null {
  const matches = occurrenceCompletions.filter((c) => c.due === due).sort((a, b) => toDayNumber(a.doneAt) - toDayNumber(b.doneAt));
  if (matches.length > 0) return { doneAt: matches[0].doneAt, confirmed: matches[0].confirmed !== false };
  return doneAt === null ? null : { doneAt, confirmed: doneConfirmed !== false };
}

/** Every checkpoint reported, some not yet confirmed: the task waits for the coordinator. */
function awaitingConfirmation(checkpoints: Checkpoint[]): TaskJudgement {
  return { status: 'cho_xac_nhan', due: checkpoints[checkpoints.length - 1].due, nextDue: null, daysLate: null, checkpoints };
}

function allDone(checkpoints: Checkpoint[]): TaskJudgement {
  const worstLateness = Math.max(...checkpoints.map((c) => (c.doneAt === null ? 0 : diffDays(c.due, c.doneAt))));
  const last = checkpoints[checkpoints.length - 1].due;
  if (worstLateness > 0) {
    return { status: 'hoan_thanh_qua_han', due: last, nextDue: null, daysLate: worstLateness, checkpoints };
  }
  return { status: 'hoan_thanh_dung_han', due: last, nextDue: null, daysLate: null, checkpoints };
}

/** No deadline exists yet, so nothing can be late: done counts as on time, anything else is undetermined. */
function judgeUndetermined({ doneAt, doneConfirmed }: JudgeTaskInput): TaskJudgement {
  const reported: Status = doneConfirmed === false ? 'cho_xac_nhan' : 'hoan_thanh_dung_han';
  const status: Status = doneAt !== null ? reported : 'chua_xac_dinh_han';
  return { status, due: null, nextDue: null, daysLate: null, checkpoints: [] };
}

/**
 * "Thường xuyên" work is reported quarterly (units report before day 05 and the
 * commune before day 10 of the quarter's last month), so it is checked at the end
 * of every quarter that overlaps the plan period, the last one cut at the period end.
 */
export function quarterEndCheckpoints(period: Period): IsoDate[] {
  const out: IsoDate[] = [];
  const [startYear, startMonth] = period.start.split('-').map(Number);
  let year = startYear;
  let quarterEndMonth = Math.ceil(startMonth / 3) * 3;
  for (;;) {
    // Day 0 of the next month is the quarter's last day; Date.UTC rolls month 13 into January.
    const quarterEnd = isoDate(year, quarterEndMonth + 1, 0);
    if (diffDays(quarterEnd, period.end) <= 0) {
      out.push(period.end);
      return out;
    }
    out.push(quarterEnd);
    quarterEndMonth += 3;
    if (quarterEndMonth > 12) {
      quarterEndMonth -= 12;
      year++;
    }
  }
}

function uniqueSorted(dates: IsoDate[]): IsoDate[] {
  return [...new Set(dates)].sort((a, b) => toDayNumber(a) - toDayNumber(b));
}

function compact(dates: (IsoDate | null)[]): IsoDate[] {
  return dates.filter((d): d is IsoDate => d !== null);
}
