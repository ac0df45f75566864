/**
 * The date rules of a CCHC inspection (seed 003, DOMAIN.md "Inspection"):
 *  - the notice reaches the unit at least 5 days before the visit: it must go out
 *    on a working day no later than the visit minus 5 calendar days, so when that
 *    day is a day off the office sends it on the last working day before;
 *  - the unit's self-report is due "ít nhất 03 ngày làm việc trước ngày kiểm tra":
 *    the 3rd working day counting back from the day before the visit (visit on a
 *    Monday → due the previous Wednesday), on the official working-day calendar;
 *  - a surprise inspection (không báo trước) has neither.
 */
import type { WorkingCalendar } from '../calendar';
import { addDays } from '../calendar';
import type { IsoDate } from '../timeframe/types';

/** Calendar days between the notice and the visit (the notice may come earlier, never later). */
export const NOTICE_CALENDAR_DAYS = 5;
/** Working days between the self-report and the visit, the visit day not counted. */
export const SELF_REPORT_WORKING_DAYS = 3;

export interface InspectionDeadlines {
  visit: IsoDate;
  notice_by: IsoDate | null;
  self_report_by: IsoDate | null;
}

/** `date` when it is a working day, otherwise the nearest working day before it. */
export function lastWorkingDayOnOrBefore(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  return calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, -1);
}

/** Latest day the notice of a scheduled visit may be sent. */
export function noticeDeadline(calendar: WorkingCalendar, visit: IsoDate): IsoDate {
  return lastWorkingDayOnOrBefore(calendar, addDays(visit, -NOTICE_CALENDAR_DAYS));
}

/** Latest day the inspected unit's self-report may arrive. */
export function selfReportDeadline(calendar: WorkingCalendar, visit: IsoDate): IsoDate {
  return calendar.addWorkingDays(visit, -SELF_REPORT_WORKING_DAYS);
}

export function inspectionDeadlines(calendar: WorkingCalendar, visit: IsoDate, surprise: boolean): InspectionDeadlines {
  if (surprise) {
    addDays(visit, 0); // still reject a malformed date
    return { visit, notice_by: null, self_report_by: null };
  }
  return { visit, notice_by: noticeDeadline(calendar, visit), self_report_by: selfReportDeadline(calendar, visit) };
}
