/**
 * Working days for a commune's deadlines: Monday–Friday, minus legal holidays and
 * their compensation days, adjusted by the year's overrides (swaps announced by
 * the government, or edited by an administrator). Deadlines such as "gửi báo cáo
 * trước 3 ngày làm việc" and the PAKN time limits are counted on this calendar.
 */
import type { IsoDate } from '../timeframe/types';
import { addDays, datesOfYear, fromDayNumber, isWeekend, toDayNumber, yearOf } from './dates';
import { holidaysOfYear } from './holidays';
import type { CalendarOverrides } from './official-overrides';

export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** Every date of the year that is not a working day: weekends, holidays, compensation and override days off. */
  daysOff(year: number): IsoDate[];
  /**
   * The date n working days after `date` (n > 0) or before it (n < 0), not counting
   * `date` itself: "3 ngày làm việc trước ngày kiểm tra" is addWorkingDays(visit, -3).
   * n = 0 returns `date` unchanged, even when it is a day off.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Working days from `a` (excluded) to `b` (included), negative when b is before a,
   * so that workingDaysBetween(a, addWorkingDays(a, n)) === n for every n.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /**
   * `date` itself when it is a working day, otherwise the first working day after it:
   * a time limit ending on a day off ends on the next working day (Bộ luật Dân sự
   * 2015, Điều 148). For "the working day strictly after", use addWorkingDays(date, 1).
   */
  nextWorkingDay(date: IsoDate): IsoDate;
}

/** No real calendar has this many days off in a row; reaching it means the overrides are broken. */
const MAX_DAYS_OFF_IN_A_ROW = 60;

export function createCalendar(overrides: CalendarOverrides): WorkingCalendar {
  const overrideByDate = indexOverrides(overrides);
  const holidayCache = new Map<number, Set<IsoDate>>();

  function holidaySet(year: number): Set<IsoDate> {
    let set = holidayCache.get(year);
    if (!set) {
      set = new Set(holidaysOfYear(year).map((h) => h.date));
      holidayCache.set(year, set);
    }
    return set;
  }

  function isWorkingDay(date: IsoDate): boolean {
    const override = overrideByDate.get(date);
    if (override) return override === 'working_day';
    return !isWeekend(date) && !holidaySet(yearOf(date)).has(date);
  }

  /** The nearest working day strictly after (step 1) or before (step −1) `date`. */
  function step(date: IsoDate, direction: 1 | -1): IsoDate {
    let d = date;
    for (let i = 0; i < MAX_DAYS_OFF_IN_A_ROW; i++) {
      d = addDays(d, direction);
      if (isWorkingDay(d)) return d;
    }
    throw new RangeError(`Không tìm thấy ngày làm việc gần ${date}: kiểm tra danh sách ngày nghỉ bổ sung`);
  }

  function addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Số ngày làm việc phải là số nguyên: ${n}`);
    toDayNumber(date); // validate even when n = 0
    const direction = n < 0 ? -1 : 1;
    let d = date;
    for (let i = 0; i < Math.abs(n); i++) d = step(d, direction);
    return d;
  }

  function workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    // `a` is never counted and `b` always is, in either direction, so the count
    // mirrors addWorkingDays even when a or b is a day off.
    const [lo, hi] = to >= from ? [from + 1, to] : [to, from - 1];
    let count = 0;
    for (let n = lo; n <= hi; n++) {
      if (isWorkingDay(fromDayNumber(n))) count++;
    }
    return to >= from ? count : 0 - count;
  }

  function nextWorkingDay(date: IsoDate): IsoDate {
    return isWorkingDay(date) ? date : step(date, 1);
  }

  function daysOff(year: number): IsoDate[] {
    return datesOfYear(year).filter((d) => !isWorkingDay(d));
  }

  return { isWorkingDay, daysOff, addWorkingDays, workingDaysBetween, nextWorkingDay };
}

/** Later entries win, so an administrator's correction appended to the official list takes effect. */
function indexOverrides(overrides: CalendarOverrides): Map<IsoDate, 'day_off' | 'working_day'> {
  const map = new Map<IsoDate, 'day_off' | 'working_day'>();
  for (const o of overrides) {
    toDayNumber(o.date); // reject malformed dates up front rather than never matching them
    map.set(o.date, o.kind);
  }
  return map;
}
