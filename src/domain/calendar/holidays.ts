/**
 * Public holidays fixed by law (Bộ luật Lao động 2019, Điều 112 khoản 1), computed
 * for any year, plus the compensation days the law gives when one falls on a weekend.
 *
 * Two dates are left by the law to the Prime Minister (Điều 112 khoản 3: "Thủ tướng
 * Chính phủ quyết định cụ thể ngày nghỉ quy định tại điểm b và điểm đ"), so the
 * defaults below are conventions, and each year's actual decision goes into the
 * overrides (see official-overrides.ts):
 *  - Tết Âm lịch, 05 ngày: the law gives only the count. The default is the last
 *    day of the old lunar year plus days 1–4 of the new one ("1 ngày cuối năm và
 *    4 ngày đầu năm"), the first of the three splits the labour ministry offers
 *    employers every year (1+4, 2+3, 3+2) and the one the government chose for 2026.
 *    In 2025 it chose 2+3 (27–31/01), which the 2025 overrides encode.
 *  - Quốc khánh, 02 ngày: 2/9 "và 01 ngày liền kề trước hoặc sau". Default: the day
 *    before (1/9), as decided for 2023, 2025 and 2026 (2024 took the day after, 3/9;
 *    a year like that needs a 'day_off' override for 3/9 and a 'working_day' for 1/9).
 *
 * Ngày Văn hóa Việt Nam (24/11) is not included: decided politically but not yet
 * in the Labour Code in early 2026; add it as an override when it becomes law.
 */
import type { IsoDate } from '../timeframe/types';
import { addDays, isoDate, isWeekend, toDayNumber } from './dates';
import { canChiOfYear, lunarToSolar, solarToLunar } from './lunar';

export interface Holiday {
  date: IsoDate;
  /** Vietnamese name shown to users. */
  name: string;
}

const LUNAR_NEW_YEAR_DAYS_AFTER = 4; // days 1..4 of the new lunar year

function lunarDateToIso(day: number, month: number, lunarYear: number): IsoDate {
  const solar = lunarToSolar({ day, month, year: lunarYear, leap: false });
  // A non-leap month always exists, so null here would mean a bug in lunar.ts.
  if (!solar) throw new Error(`Không đổi được ngày âm lịch ${day}/${month}/${lunarYear}`);
  return isoDate(solar.year, solar.month, solar.day);
}

/** Mùng 1 Tết of the lunar year that starts in solar year `year`. */
export function lunarNewYear(year: number): IsoDate {
  return lunarDateToIso(1, 1, year);
}

/** Giỗ Tổ Hùng Vương, 10/3 âm lịch. */
export function hungKingsDay(year: number): IsoDate {
  return lunarDateToIso(10, 3, year);
}

function tetHolidays(year: number): Holiday[] {
  const tet = lunarNewYear(year);
  const eve = addDays(tet, -1);
  const [y, m, d] = eve.split('-').map(Number);
  const lastDay = solarToLunar({ year: y, month: m, day: d }).day; // 29 or 30 tháng Chạp
  const yearName = canChiOfYear(year);
  const out: Holiday[] = [{ date: eve, name: `Tết Nguyên đán ${yearName} (${lastDay} tháng Chạp)` }];
  for (let i = 0; i < LUNAR_NEW_YEAR_DAYS_AFTER; i++) {
    out.push({ date: addDays(tet, i), name: `Tết Nguyên đán ${yearName} (mùng ${i + 1} tháng Giêng)` });
  }
  return out;
}

/** The legal holidays themselves, before compensation. */
export function legalHolidays(year: number): Holiday[] {
  return [
    { date: isoDate(year, 1, 1), name: 'Tết Dương lịch' },
    ...tetHolidays(year),
    { date: hungKingsDay(year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: isoDate(year, 4, 30), name: 'Ngày Chiến thắng (30/4)' },
    { date: isoDate(year, 5, 1), name: 'Ngày Quốc tế Lao động (1/5)' },
    { date: isoDate(year, 9, 1), name: 'Quốc khánh (ngày liền kề trước 2/9)' },
    { date: isoDate(year, 9, 2), name: 'Quốc khánh (2/9)' },
  ].sort(byDate);
}

function byDate(a: Holiday, b: Holiday): number {
  return toDayNumber(a.date) - toDayNumber(b.date);
}

/**
 * Compensation days: a holiday on Saturday or Sunday gives the next working day
 * off (Bộ luật Lao động 2019, Điều 111 khoản 3: "nghỉ bù … vào ngày làm việc kế
 * tiếp"). The next working day skips other holidays and earlier compensation days,
 * so a Tết that spans a weekend pushes its compensation past the last Tết day.
 */
function compensationDays(holidays: Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((h) => h.date));
  const out: Holiday[] = [];
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    out.push({ date: d, name: `Nghỉ bù ${h.name}` });
  }
  return out;
}

/** Legal holidays and their compensation days for a solar year, by date. */
export function holidaysOfYear(year: number): Holiday[] {
  const legal = legalHolidays(year);
  return [...legal, ...compensationDays(legal)].sort(byDate);
}
