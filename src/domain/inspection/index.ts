export type { InspectionDeadlines } from './dates';
export {
  inspectionDeadlines,
  lastWorkingDayOnOrBefore,
  NOTICE_CALENDAR_DAYS,
  noticeDeadline,
  SELF_REPORT_WORKING_DAYS,
  selfReportDeadline,
} from './dates';
