/** How a time frame meets the plan period: the year a text leaves out, and deadlines that repeat. */
import { dayOfMonthClipped, monthEnd, monthsOf, parseIso, yearOf } from './dates';
import type { IsoDate, Period } from './types';

export function isValidPeriod(period: Period): boolean {
  return parseIso(period.start) !== null && parseIso(period.end) !== null && period.start <= period.end;
}

/**
 * The year a text means when it gives none: the period's year, or, for a period across two
 * years (07/2025–06/2026), the first year that puts the thing inside the period.
 * Falls back to the first year so an out-of-period text still gets a date (and a warning).
 */
export function pickYear(period: Period, fits: (year: number) => boolean): number {
  const first = yearOf(period.start);
  for (let year = first; year <= yearOf(period.end); year += 1) {
    if (fits(year)) return year;
  }
  return first;
}

/** Which day of a month a repeating deadline falls on. */
export type DayOfMonth = number | 'last';

/**
 * Deadlines that repeat on given months of every year (quarterly = 3, 6, 9, 12), limited to the period.
 * A day past the month's end is taken as its last day.
 */
export function repeatingDeadlines(period: Period, months: readonly number[], day: DayOfMonth): IsoDate[] {
  return monthsOf(period)
    .filter(({ month }) => months.includes(month))
    .map(({ year, month }) => (day === 'last' ? monthEnd(year, month) : dayOfMonthClipped(year, month, day)))
    .filter((iso) => iso >= period.start && iso <= period.end);
}

export const EVERY_MONTH = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const QUARTER_END_MONTHS = [3, 6, 9, 12] as const;
export const HALF_YEAR_END_MONTHS = [6, 12] as const;
export const YEAR_END_MONTHS = [12] as const;
