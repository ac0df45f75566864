export type { AreaCode, ChecklistAreaCode, ChecklistDraftItem, ChecklistScope, FindingToRecheck } from './checklist';
export { AREA_CODES, AREA_TITLES, areaCodeOf, generateChecklist, reInspectionChecklist } from './checklist';
export type { InspectionDeadlines } from './dates';
export {
  inspectionDeadlines,
  lastWorkingDayOnOrBefore,
  NOTICE_CALENDAR_DAYS,
  noticeDeadline,
  SELF_REPORT_WORKING_DAYS,
  selfReportDeadline,
} from './dates';
export type { FindingDeadline, FindingReminderInput } from './reminders';
export { findingRemindersDue } from './reminders';
export type { ScheduleCheck, SchedulePlan, ScheduleWarning, ScheduleWarningCode } from './schedule';
export { defaultSelfReportDue, scheduleWarnings } from './schedule';
