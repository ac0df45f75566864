/**
 * What one matched pattern means, before it is checked against the plan period.
 * Builders validate every number they are given: a wrong date becomes a Problem with a
 * Vietnamese message, never a guess.
 */
import { isValidDate, isValidMonth, isValidYear, isWithin, maxIso, minIso, monthEnd, monthStart, overlaps, quarterEnd, quarterStart, toIso } from './dates';
import { type DayOfMonth, pickYear, repeatingDeadlines } from './plan-period';
import type { IsoDate, Period, ScheduleKind } from './types';
import { parseQuarterList } from './vietnamese-numbers';
import { warn } from './warnings';

export interface Reading {
  kind: ScheduleKind;
  start: IsoDate | null;
  /** Deadlines in date order: one for one-off kinds, each occurrence for recurring, none otherwise. */
  deadlines: IsoDate[];
}

export interface Problem {
  problem: string;
}

export type Attempt = Reading | Problem;

export function isProblem(attempt: Attempt): attempt is Problem {
  return 'problem' in attempt;
}

export function noDeadline(kind: 'continuous' | 'external'): Reading {
  return { kind, start: null, deadlines: [] };
}

/** A captured year, or null when the text left it out. */
export function optionalYear(captured: string | undefined): number | null {
  return captured === undefined ? null : Number(captured);
}

/** A year the text gave, checked; or the period's year when it gave none. */
function explicitOrPicked(year: number | null, period: Period, fits: (y: number) => boolean): number | Problem {
  if (year === null) return pickYear(period, fits);
  return isValidYear(year) ? year : { problem: warn.invalidYear(year) };
}

export function resolveDate(day: number, month: number, year: number | null, period: Period): IsoDate | Problem {
  if (!isValidMonth(month)) return { problem: warn.invalidMonth(month) };
  const y = explicitOrPicked(year, period, (c) => isValidDate(c, month, day) && isWithin(toIso(c, month, day), period));
  if (typeof y !== 'number') return y;
  if (!isValidDate(y, month, day)) return { problem: warn.invalidDate(day, month, year) };
  return toIso(y, month, day);
}

function resolveMonth(month: number, year: number | null, period: Period): number | Problem {
  if (!isValidMonth(month)) return { problem: warn.invalidMonth(month) };
  return explicitOrPicked(year, period, (c) => overlaps({ start: monthStart(c, month), end: monthEnd(c, month) }, period));
}

/**
 * "Trước ngày 13/01/2026" → due 13/01/2026, not the day before: the document names the
 * deadline day, and the portal counts work finished on or before the due date as on time.
 */
export function dateReading(day: number, month: number, year: number | null, period: Period): Attempt {
  const iso = resolveDate(day, month, year, period);
  if (typeof iso !== 'string') return iso;
  return { kind: 'date', start: null, deadlines: [iso] };
}

export function monthReading(month: number, year: number | null, period: Period): Attempt {
  const y = resolveMonth(month, year, period);
  if (typeof y !== 'number') return y;
  return { kind: 'month', start: monthStart(y, month), deadlines: [monthEnd(y, month)] };
}

function spanReading(kind: 'range' | 'quarter', start: IsoDate, end: IsoDate, text: string): Attempt {
  if (start > end) return { problem: warn.reversed(text) };
  return { kind, start, deadlines: [end] };
}

/** "Từ tháng 3 đến tháng 6/2026": a year given only at the end also dates the start. */
export function monthRangeReading(from: { month: number; year: number | null }, to: { month: number; year: number | null }, period: Period, text: string): Attempt {
  if (!isValidMonth(from.month)) return { problem: warn.invalidMonth(from.month) };
  if (!isValidMonth(to.month)) return { problem: warn.invalidMonth(to.month) };
  const fromYear = from.year ?? (to.year === null ? null : to.year - (from.month > to.month ? 1 : 0));
  const startYear = resolveMonth(from.month, fromYear, period);
  if (typeof startYear !== 'number') return startYear;
  const endYear = to.year ?? startYear + (to.month < from.month ? 1 : 0);
  if (!isValidYear(endYear)) return { problem: warn.invalidYear(endYear) };
  return spanReading('range', monthStart(startYear, from.month), monthEnd(endYear, to.month), text);
}

interface DayMonthYear {
  day: number;
  month: number;
  year: number | null;
}

/** "Từ 01/3 đến 30/6/2026": as for months, the end's year dates a start that has none. */
export function dateRangeReading(from: DayMonthYear, to: DayMonthYear, period: Period, text: string): Attempt {
  const end = resolveDate(to.day, to.month, to.year, period);
  if (typeof end !== 'string') return end;
  const endYear = Number(end.slice(0, 4));
  const laterInYear = from.month > to.month || (from.month === to.month && from.day > to.day);
  const start = resolveDate(from.day, from.month, from.year ?? endYear - (laterInYear ? 1 : 0), period);
  if (typeof start !== 'string') return start;
  return spanReading('range', start, end, text);
}

/**
 * A list naming quarters (or months) apart from each other ("Quý II và quý IV", "tháng 3, tháng 9")
 * asks for the work once in each; a run without a gap ("Quý III, IV", "Quý III-IV") is one stretch.
 */
function isSeparateList(items: number[], list: string): boolean {
  if (/-|\bden\b/.test(list)) return false;
  return items.some((n, i) => i > 0 && n > items[i - 1] + 1);
}

export function quarterReading(list: string, year: number | null, period: Period, text: string): Attempt {
  const parsed = parseQuarterList(list);
  if ('badToken' in parsed) return { problem: warn.invalidQuarter(parsed.badToken) };
  // "Quý IV, I" may mean across a year end, or be a typo: ask rather than guess.
  if (parsed.quarters.some((q, i) => i > 0 && q < parsed.quarters[i - 1])) return { problem: warn.reversed(text) };
  const first = parsed.quarters[0];
  const last = parsed.quarters[parsed.quarters.length - 1];
  const y = explicitOrPicked(year, period, (c) => overlaps({ start: quarterStart(c, first), end: quarterEnd(c, last) }, period));
  if (typeof y !== 'number') return y;
  if (isSeparateList(parsed.quarters, list)) {
    return { kind: 'recurring', start: null, deadlines: parsed.quarters.map((q) => quarterEnd(y, q)) };
  }
  return spanReading('quarter', quarterStart(y, first), quarterEnd(y, last), text);
}

/** "Tháng 3 và tháng 9", "tháng 6, tháng 12/2026": each month named apart is an occurrence at its end. */
export function monthListReading(list: string, year: number | null, period: Period, text: string): Attempt {
  const months = (list.match(/\d{1,2}/g) ?? []).map(Number);
  const bad = months.find((m) => !isValidMonth(m));
  if (bad !== undefined) return { problem: warn.invalidMonth(bad) };
  if (months.some((m, i) => i > 0 && m < months[i - 1])) return { problem: warn.reversed(text) };
  const first = months[0];
  const last = months[months.length - 1];
  const y = explicitOrPicked(year, period, (c) => overlaps({ start: monthStart(c, first), end: monthEnd(c, last) }, period));
  if (typeof y !== 'number') return y;
  if (isSeparateList(months, list)) return { kind: 'recurring', start: null, deadlines: months.map((m) => monthEnd(y, m)) };
  return spanReading('range', monthStart(y, first), monthEnd(y, last), text);
}

/** "6 tháng đầu năm" = 01/01–30/06, "6 tháng cuối năm" = 01/07–31/12. */
export function halfYearReading(half: 'dau' | 'cuoi', year: number | null, period: Period): Attempt {
  const [from, to] = half === 'dau' ? [1, 6] : [7, 12];
  const y = explicitOrPicked(year, period, (c) => overlaps({ start: monthStart(c, from), end: monthEnd(c, to) }, period));
  if (typeof y !== 'number') return y;
  return { kind: 'range', start: monthStart(y, from), deadlines: [monthEnd(y, to)] };
}

/**
 * "Cả năm 2025": the year clipped to the plan period, so a half-year plan's task runs 01/07–31/12.
 * "Cả năm" without a year means the whole plan period (the same thing for a one-year plan).
 * A year that misses the period entirely is kept unclipped and later flagged as outside it.
 */
export function wholeYearReading(year: number | null, period: Period): Attempt {
  if (year === null) return { kind: 'whole_period', start: period.start, deadlines: [period.end] };
  if (!isValidYear(year)) return { problem: warn.invalidYear(year) };
  const yearSpan = { start: toIso(year, 1, 1), end: toIso(year, 12, 31) };
  if (!overlaps(yearSpan, period)) return { kind: 'whole_period', start: yearSpan.start, deadlines: [yearSpan.end] };
  return {
    kind: 'whole_period',
    start: maxIso(yearSpan.start, period.start),
    deadlines: [minIso(yearSpan.end, period.end)],
  };
}

export function recurringReading(period: Period, months: readonly number[], day: DayOfMonth): Attempt {
  if (day !== 'last' && (day < 1 || day > 31)) return { problem: warn.invalidDay(day) };
  return { kind: 'recurring', start: null, deadlines: repeatingDeadlines(period, months, day) };
}
