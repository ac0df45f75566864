/**
 * The schedule screen's warnings: a visit date that breaks a rule of seed 003 is saved (the plan's
 * people decide) but flagged. Pure: the caller gives today (UTC+7), the calendar and the plan.
 */
import type { WorkingCalendar } from '../calendar';
import type { IsoDate } from '../timeframe/types';
import { inspectionDeadlines } from './dates';

export type ScheduleWarningCode =
  | 'notice_late'
  | 'self_report_late'
  | 'plan_deadline_after_rule'
  | 'visit_day_off'
  | 'visit_outside_month'
  | 'visit_before_window'
  | 'visit_past'
  | 'surprise_not_allowed';

export interface ScheduleWarning {
  code: ScheduleWarningCode;
  /** The date the rule asks for, when there is one. */
  date: IsoDate | null;
}

export interface SchedulePlan {
  reviewFrom: IsoDate;
  /** yyyy-mm */
  visitMonth: string | null;
  selfReportDeadline: IsoDate | null;
  allowsSurprise: boolean;
}

export interface ScheduleCheck {
  today: IsoDate;
  visit: IsoDate;
  surprise: boolean;
  /** The self-report deadline asked for (null: none set). */
  selfReportDue: IsoDate | null;
  /** The notice has already gone out: its deadline no longer matters. */
  notified: boolean;
  plan: SchedulePlan;
}

/** The unit's self-report deadline when none is given: the earlier of the plan's and the 3-working-day rule. */
export function defaultSelfReportDue(calendar: WorkingCalendar, visit: IsoDate, surprise: boolean, planDeadline: IsoDate | null): IsoDate | null {
  const rule = inspectionDeadlines(calendar, visit, surprise).self_report_by;
  if (rule === null) return null;
  return planDeadline !== null && planDeadline < rule && planDeadline < visit ? planDeadline : rule;
}

export function scheduleWarnings(calendar: WorkingCalendar, check: ScheduleCheck): ScheduleWarning[] {
  const { today, visit, surprise, plan } = check;
  const rules = inspectionDeadlines(calendar, visit, surprise);
  const out: ScheduleWarning[] = [];
  if (surprise && !plan.allowsSurprise) out.push({ code: 'surprise_not_allowed', date: null });
  if (!calendar.isWorkingDay(visit)) out.push({ code: 'visit_day_off', date: null });
  if (plan.visitMonth && visit.slice(0, 7) !== plan.visitMonth) out.push({ code: 'visit_outside_month', date: null });
  if (visit < plan.reviewFrom) out.push({ code: 'visit_before_window', date: plan.reviewFrom });
  if (visit < today && !check.notified) out.push({ code: 'visit_past', date: null });
  if (rules.notice_by !== null && !check.notified && today > rules.notice_by) out.push({ code: 'notice_late', date: rules.notice_by });
  if (rules.self_report_by !== null) {
    const due = check.selfReportDue ?? rules.self_report_by;
    if (due > rules.self_report_by || (!check.notified && due < today)) out.push({ code: 'self_report_late', date: rules.self_report_by });
    if (plan.selfReportDeadline !== null && plan.selfReportDeadline > rules.self_report_by && plan.selfReportDeadline < visit) {
      out.push({ code: 'plan_deadline_after_rule', date: rules.self_report_by });
    }
  }
  return out;
}
