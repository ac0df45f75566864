/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd). Pure integer maths, no Date objects:
 * a deadline is a calendar day, so time zones must never shift it, and Date.UTC would
 * also misread years 0–99 as 19xx.
 */
import type { IsoDate, Period } from './types';

/** Years a plan can plausibly mention; anything else in a time-frame cell is a typo. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export interface YearMonth {
  year: number;
  month: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

export function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

export function isValidMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return isValidYear(year) && isValidMonth(month) && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

export function toIso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads a strict yyyy-mm-dd that names a real day; null otherwise. */
export function parseIso(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

export function monthStart(year: number, month: number): IsoDate {
  return toIso(year, month, 1);
}

export function monthEnd(year: number, month: number): IsoDate {
  return toIso(year, month, daysInMonth(year, month));
}

/** The given day of a month, pulled back to the month's last day ("ngày 31 hằng tháng" in April is 30/4). */
export function dayOfMonthClipped(year: number, month: number, day: number): IsoDate {
  return toIso(year, month, Math.min(day, daysInMonth(year, month)));
}

export function quarterStart(year: number, quarter: number): IsoDate {
  return monthStart(year, quarter * 3 - 2);
}

export function quarterEnd(year: number, quarter: number): IsoDate {
  return monthEnd(year, quarter * 3);
}

/** dd/mm/yyyy, the way Vietnamese documents write dates. */
export function formatVietnameseDate(iso: IsoDate): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** ISO strings of the same length compare correctly as text. */
export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function isWithin(iso: IsoDate, period: Period): boolean {
  return iso >= period.start && iso <= period.end;
}

export function overlaps(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Every calendar month the period touches, in order. */
export function monthsOf(period: Period): YearMonth[] {
  const months: YearMonth[] = [];
  let year = yearOf(period.start);
  let month = Number(period.start.slice(5, 7));
  const lastKey = period.end.slice(0, 7);
  while (toIso(year, month, 1).slice(0, 7) <= lastKey) {
    months.push({ year, month });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
