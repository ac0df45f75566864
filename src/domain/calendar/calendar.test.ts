import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isWeekend } from './dates';
import { createCalendar, holidaysOfYear, OFFICIAL_OVERRIDES } from './index';

const calendar = createCalendar(OFFICIAL_OVERRIDES);

/** Inclusive range of ISO dates. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('official days off 2025', () => {
  const off = [
    '2025-01-01',
    ...range('2025-01-25', '2025-02-02'), // Tết Ất Tỵ
    '2025-04-07', // Giỗ Tổ (Monday)
    ...range('2025-04-30', '2025-05-04'), // 30/4–1/5 with 2/5 swapped
    ...range('2025-08-30', '2025-09-02'), // Quốc khánh
  ];
  it.each(off)('%s is a day off', (d) => expect(calendar.isWorkingDay(d)).toBe(false));

  it.each([
    ['2025-04-26', 'the Saturday worked for 2/5'],
    ['2025-02-03', 'the Monday after Tết (the five Tết days were 27–31/01, so no compensation)'],
    ['2025-01-24', 'the Friday before Tết'],
    ['2025-09-03', 'the day after Quốc khánh'],
  ])('%s is a working day: %s', (d) => expect(calendar.isWorkingDay(d)).toBe(true));

  it('has exactly these weekday days off', () => {
    expect(calendar.daysOff(2025).filter((d) => !isWeekend(d))).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
  });
});

describe('official days off 2026', () => {
  const off = [
    ...range('2026-01-01', '2026-01-04'),
    ...range('2026-02-14', '2026-02-22'), // Tết Bính Ngọ
    ...range('2026-04-25', '2026-04-27'), // Giỗ Tổ on Sunday 26/4, compensated on Monday 27/4
    ...range('2026-04-30', '2026-05-03'),
    ...range('2026-08-29', '2026-09-02'), // Quốc khánh with Monday 31/8 swapped
  ];
  it.each(off)('%s is a day off', (d) => expect(calendar.isWorkingDay(d)).toBe(false));

  it.each(['2026-01-10', '2026-08-22'])('Saturday %s is a make-up working day', (d) => {
    expect(isWeekend(d)).toBe(true);
    expect(calendar.isWorkingDay(d)).toBe(true);
  });

  it('has exactly these weekday days off, and 115 days off in all', () => {
    const daysOff = calendar.daysOff(2026);
    expect(daysOff.filter((d) => !isWeekend(d))).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ]);
    // 104 weekend days − 2 make-up Saturdays + 13 weekday days off.
    expect(daysOff).toHaveLength(115);
  });
});

describe('weekends', () => {
  it('Saturday and Sunday are off, Monday to Friday work', () => {
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    for (const d of range('2026-03-09', '2026-03-13')) expect(calendar.isWorkingDay(d)).toBe(true);
  });
});

describe('holidaysOfYear', () => {
  it('lists the 2026 legal holidays and compensation days with Vietnamese names', () => {
    expect(holidaysOfYear(2026)).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-02-16', name: 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)' },
      { date: '2026-02-17', name: 'Tết Nguyên đán Bính Ngọ (mùng 1 tháng Giêng)' },
      { date: '2026-02-18', name: 'Tết Nguyên đán Bính Ngọ (mùng 2 tháng Giêng)' },
      { date: '2026-02-19', name: 'Tết Nguyên đán Bính Ngọ (mùng 3 tháng Giêng)' },
      { date: '2026-02-20', name: 'Tết Nguyên đán Bính Ngọ (mùng 4 tháng Giêng)' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)' },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)' },
      { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề trước 2/9)' },
      { date: '2026-09-02', name: 'Quốc khánh (2/9)' },
    ]);
  });

  it('compensates weekend Tết days after the last Tết day (2024: Tết on Saturday)', () => {
    const dates = holidaysOfYear(2024).map((h) => h.date);
    // 9/2 (30 Tết) … 13/2 (mùng 4); Saturday 10/2 and Sunday 11/2 are made up on 14/2 and 15/2.
    expect(dates).toEqual(expect.arrayContaining(['2024-02-09', '2024-02-13', '2024-02-14', '2024-02-15']));
    expect(dates).not.toContain('2024-02-16');
  });

  it('chains compensation past other holidays (2018: 1/9 Saturday, 2/9 Sunday → 3/9 and 4/9)', () => {
    const september = holidaysOfYear(2018).filter((h) => h.date.startsWith('2018-09'));
    expect(september.map((h) => h.date)).toEqual(['2018-09-01', '2018-09-02', '2018-09-03', '2018-09-04']);
  });

  it('without overrides uses the default Tết split (1+4) and its compensation, as in 2025', () => {
    const bare = createCalendar([]);
    expect(bare.isWorkingDay('2025-01-27')).toBe(true);
    expect(bare.isWorkingDay('2025-02-03')).toBe(false); // compensation for Saturday 1/2 (mùng 4)
  });
});

describe('counting working days', () => {
  it('"3 ngày làm việc trước" a visit skips weekends and holidays', () => {
    // Visit Tuesday 28/4/2026: Monday 27/4 is the Giỗ Tổ compensation day.
    expect(calendar.addWorkingDays('2026-04-28', -3)).toBe('2026-04-22');
    // Visit Monday 4/5/2026: back over 30/4–3/5 and over 27/4 again.
    expect(calendar.addWorkingDays('2026-05-04', -3)).toBe('2026-04-24');
    // Visit Monday 23/2/2026, the first working day after Tết.
    expect(calendar.addWorkingDays('2026-02-23', -3)).toBe('2026-02-11');
  });

  it('adds working days across Tết 2026', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26'); // 13/2, then 23–26/2
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(calendar.workingDaysBetween('2026-02-01', '2026-02-28')).toBe(15);
    expect(calendar.workingDaysBetween('2026-02-23', '2026-02-13')).toBe(-1);
    // Backwards from a day off: Friday 13/2 is one working day before Saturday 14/2.
    expect(calendar.workingDaysBetween('2026-02-14', '2026-02-13')).toBe(-1);
    expect(calendar.workingDaysBetween('2026-02-14', '2026-02-14')).toBe(0);
  });

  it('counts make-up Saturdays as working days', () => {
    expect(calendar.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
  });

  it('adds nothing for n = 0 and starts from a day off as from any other day', () => {
    expect(calendar.addWorkingDays('2026-02-14', 0)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-14', -1)).toBe('2026-02-13');
  });

  it('nextWorkingDay keeps a working day and moves a day off forward', () => {
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-13');
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-23');
    expect(calendar.nextWorkingDay('2026-08-29')).toBe('2026-09-03');
  });

  it('PAKN: 15 working days to handle feedback received on 24/4/2026', () => {
    // 28–29/4, then 4/5 onwards: 27/4, 30/4–3/5 and weekends do not count.
    expect(calendar.addWorkingDays('2026-04-24', 15)).toBe('2026-05-20');
  });
});

describe('overrides', () => {
  it('a later override wins over an earlier one for the same date', () => {
    const cal = createCalendar([...OFFICIAL_OVERRIDES, { date: '2026-01-10', kind: 'day_off', note: 'hủy làm bù' }]);
    expect(cal.isWorkingDay('2026-01-10')).toBe(false);
  });

  it('rejects malformed dates', () => {
    expect(() => createCalendar([{ date: '2026-02-30', kind: 'day_off' }])).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('10/01/2026')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-1-1', 0)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2024-06-01', n));
  const steps = fc.integer({ min: -40, max: 40 });

  it('workingDaysBetween undoes addWorkingDays, and the result is a working day', () => {
    fc.assert(
      fc.property(day, steps, (d, n) => {
        const target = calendar.addWorkingDays(d, n);
        expect(calendar.workingDaysBetween(d, target)).toBe(n);
        if (n !== 0) expect(calendar.isWorkingDay(target)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('nextWorkingDay is a working day no earlier than the date', () => {
    fc.assert(
      fc.property(day, (d) => {
        const next = calendar.nextWorkingDay(d);
        expect(next >= d).toBe(true);
        expect(calendar.isWorkingDay(next)).toBe(true);
        expect(calendar.workingDaysBetween(d, next)).toBe(calendar.isWorkingDay(d) ? 0 : 1);
      }),
      { numRuns: 300 },
    );
  });
});
