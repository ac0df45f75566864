import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hungKingsDay, lunarNewYear } from './holidays';
import { canChiOfYear, lunarToSolar, solarToLunar } from './lunar';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it('Tết 2030 is 2030-02-02 in Vietnam, a day before the Chinese 2030-02-03', () => {
    // The new moon of 2 Feb 2030 falls at about 16:07 UTC: 23:07 in Hà Nội, already 3 Feb in Beijing.
    expect(lunarNewYear(2030)).toBe('2030-02-02');
    expect(lunarToSolar({ day: 1, month: 1, year: 2030, leap: false }, 8)).toEqual({ day: 3, month: 2, year: 2030 });
  });

  it('differs from the Chinese (UTC+8) calendar where history says it does', () => {
    // Tết 1985: 21/01 in Vietnam, 20/02 in China (a whole month apart); Tết 2007: 17/02 vs 18/02.
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarToSolar({ day: 1, month: 1, year: 1985, leap: false }, 8)).toEqual({ day: 20, month: 2, year: 1985 });
    expect(lunarNewYear(2007)).toBe('2007-02-17');
    expect(lunarToSolar({ day: 1, month: 1, year: 2007, leap: false }, 8)).toEqual({ day: 18, month: 2, year: 2007 });
  });

  it.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2024, '2024-04-18'],
  ])('Giỗ Tổ Hùng Vương %i is %s', (year, date) => {
    expect(hungKingsDay(year)).toBe(date);
  });

  it('knows the leap sixth month of Ất Tỵ 2025 and the length of tháng Chạp', () => {
    expect(solarToLunar({ day: 25, month: 7, year: 2025 })).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toEqual({ day: 25, month: 7, year: 2025 });
    expect(lunarToSolar({ day: 1, month: 7, year: 2025, leap: true })).toBeNull();
    // 2026 has no "30 Tết": the day before mùng 1 is 29 tháng Chạp.
    expect(solarToLunar({ day: 16, month: 2, year: 2026 })).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar({ day: 9, month: 2, year: 2024 })).toEqual({ day: 30, month: 12, year: 2023, leap: false });
  });

  it('names years in the sexagenary cycle', () => {
    expect(canChiOfYear(2024)).toBe('Giáp Thìn');
    expect(canChiOfYear(2025)).toBe('Ất Tỵ');
    expect(canChiOfYear(2026)).toBe('Bính Ngọ');
  });

  it('round-trips every solar date 1950–2100 through the lunar calendar', () => {
    const day = fc.integer({ min: Date.UTC(1950, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 });
    fc.assert(
      fc.property(day, (n) => {
        const d = new Date(n * 86_400_000);
        const solar = { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
        const lunar = solarToLunar(solar);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(lunarToSolar(lunar)).toEqual(solar);
      }),
      { numRuns: 500 },
    );
  });
});
