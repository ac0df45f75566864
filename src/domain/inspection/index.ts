export {
  inspectionDeadlines,
  lastWorkingDayOnOrBefore,
  noticeDeadline,
  selfReportDeadline,
  NOTICE_CALENDAR_DAYS,
  SELF_REPORT_WORKING_DAYS,
} from './dates';
export type { InspectionDeadlines } from './dates';
