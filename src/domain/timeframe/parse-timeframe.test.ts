import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIso } from './dates';
import { type IsoDate, type Period, parseTimeframe, type Schedule, type ScheduleKind } from './index';

/** Seeds 000 and 002: plans for the last six months of 2025. */
const HALF_2025: Period = { start: '2025-07-01', end: '2025-12-31' };
/** Seed 004: the 2026 plan. */
const YEAR_2026: Period = { start: '2026-01-01', end: '2026-12-31' };
/** A plan across a year end, to check which year a text that names none gets. */
const ACROSS_YEARS: Period = { start: '2025-07-01', end: '2026-06-30' };

type Shape = Pick<Schedule, 'kind' | 'start' | 'due' | 'occurrences'>;

function shape(s: Schedule): Shape {
  return { kind: s.kind, start: s.start, due: s.due, occurrences: s.occurrences };
}

function oneOff(kind: ScheduleKind, start: IsoDate | null, due: IsoDate): Shape {
  return { kind, start, due, occurrences: [due] };
}

function recurring(...occurrences: IsoDate[]): Shape {
  return { kind: 'recurring', start: null, due: occurrences[0] ?? null, occurrences };
}

function noDue(kind: ScheduleKind): Shape {
  return { kind, start: null, due: null, occurrences: [] };
}

type Case = [text: string, expected: Shape];

/** Every case here is fully understood and inside its period: no warning allowed. */
function checkClean(period: Period, cases: Case[]): void {
  it.each(cases)('%j', (text, expected) => {
    const s = parseTimeframe(text, period);
    expect(shape(s)).toEqual(expected);
    expect(s.warnings).toEqual([]);
    expect(s.text).toBe(text);
  });
}

const MONTH_ENDS_2026 = [
  '2026-01-31',
  '2026-02-28',
  '2026-03-31',
  '2026-04-30',
  '2026-05-31',
  '2026-06-30',
  '2026-07-31',
  '2026-08-31',
  '2026-09-30',
  '2026-10-31',
  '2026-11-30',
  '2026-12-31',
];
const TWENTIETHS_2026 = MONTH_ENDS_2026.map((d) => `${d.slice(0, 8)}20`);

const COMPOUND_004 =
  'Báo cáo của UBND xã hoàn thành trước ngày 10 của tháng cuối quý, báo cáo năm trước ngày 10/12 <i>(các cơ quan, đơn vị gửi báo cáo trước ngày 05 của tháng cuối quý, báo cáo năm trước ngày 05/12)</i>';
const COMPOUND_DOMAIN =
  'Báo cáo của UBND xã hoàn thành trước ngày 10 của tháng cuối quý, báo cáo năm trước ngày 10/12 (các cơ quan, đơn vị gửi báo cáo trước ngày 05 của tháng cuối quý, báo cáo năm trước ngày 05/12)';

describe('seed 000 (Cẩm Giàng, 6 tháng cuối năm 2025), cells as the PDF extraction gives them', () => {
  checkClean(HALF_2025, [
    ['Trong tháng 7', oneOff('month', '2025-07-01', '2025-07-31')],
    ['Trước ngày \n\n10 của tháng \n\ncuối quý', recurring('2025-09-10', '2025-12-10')],
    ['Trước ngày 10 của tháng cuối quý', recurring('2025-09-10', '2025-12-10')],
    ['Quý IV', oneOff('quarter', '2025-10-01', '2025-12-31')],
    ['Quý III ', oneOff('quarter', '2025-07-01', '2025-09-30')],
    ['Theo thời \n\ngian đánh giá \n\ncủa Bộ y tế', noDue('external')],
    ['Theo thời gian đánh giá của Bộ y tế', noDue('external')],
    ['Cả năm 2025', oneOff('whole_period', '2025-07-01', '2025-12-31')],
    ['Cả năm', oneOff('whole_period', '2025-07-01', '2025-12-31')],
    ['Tháng 8/2025', oneOff('month', '2025-08-01', '2025-08-31')],
    ['Quý \n\nIII,IV/2025', oneOff('quarter', '2025-07-01', '2025-12-31')],
    ['Quý III/2025', oneOff('quarter', '2025-07-01', '2025-09-30')],
    ['Theo Lộ trình \n\n2025 của \n\nUBDN tp', noDue('external')],
  ]);
});

describe('seed 002 (An Phong, 6 tháng cuối năm 2025)', () => {
  checkClean(HALF_2025, [
    ['Trong tháng 8/2025', oneOff('month', '2025-08-01', '2025-08-31')],
    ['Trước ngày 15 của tháng cuối quý', recurring('2025-09-15', '2025-12-15')],
    ['Quý III,IV/2025', oneOff('quarter', '2025-07-01', '2025-12-31')],
    ['Cả năm 2025', oneOff('whole_period', '2025-07-01', '2025-12-31')],
    ['Theo Văn bản của UBND thành phố', noDue('external')],
    ['Trước ngày 10/12/2025', oneOff('date', null, '2025-12-10')],
    ['Quý III năm 2025', oneOff('quarter', '2025-07-01', '2025-09-30')],
    ['Quý IV/2025', oneOff('quarter', '2025-10-01', '2025-12-31')],
    ['Quý III-IV/2025', oneOff('quarter', '2025-07-01', '2025-12-31')],
    ['Thường xuyên', noDue('continuous')],
    ['Hàng quý', recurring('2025-09-30', '2025-12-31')],
    ['Theo lộ trình năm 2025', noDue('external')],
  ]);

  it('task 3 has a unit name in its time column: unspecified, and the warning says so', () => {
    const s = parseTimeframe('Các phòng, đơn vị có liên quan', HALF_2025);
    expect(shape(s)).toEqual(noDue('unspecified'));
    expect(s.warnings).toEqual(['Ô thời gian "Các phòng, đơn vị có liên quan" giống tên cơ quan, đơn vị chứ không phải thời gian thực hiện: cần nhập hạn cụ thể']);
  });
});

describe('seed 004 (Tiên Lãng, năm 2026)', () => {
  checkClean(YEAR_2026, [
    ['Trước ngày 13/01/2026', oneOff('date', null, '2026-01-13')],
    ['Quý IV/2026', oneOff('quarter', '2026-10-01', '2026-12-31')],
    ['Cả năm 2026', oneOff('whole_period', '2026-01-01', '2026-12-31')],
    ['Tháng 01/2026', oneOff('month', '2026-01-01', '2026-01-31')],
    ['Quý III, IV/2026', oneOff('quarter', '2026-07-01', '2026-12-31')],
    ['Tháng 10/2026', oneOff('month', '2026-10-01', '2026-10-31')],
    ['Quý I năm 2026', oneOff('quarter', '2026-01-01', '2026-03-31')],
    ['Thường xuyên', noDue('continuous')],
    // The 24/11/2025 is the date of the city's plan, not a deadline.
    ['Theo hướng dẫn của Trung ương và Kế hoạch số 310/KH-UBND ngày 24/11/2025 của UBND TP', noDue('external')],
    ['Tháng 01/2026 đến tháng 5/2026', oneOff('range', '2026-01-01', '2026-05-31')],
  ]);

  describe('the compound reporting cell', () => {
    it.each([COMPOUND_004, COMPOUND_DOMAIN])('%j: the commune deadlines, with the annual 10/12 merged in', (text) => {
      const s = parseTimeframe(text, YEAR_2026);
      expect(shape(s)).toEqual(recurring('2026-03-10', '2026-06-10', '2026-09-10', '2026-12-10'));
      expect(s.unitDeadlines).toEqual(['2026-03-05', '2026-06-05', '2026-09-05', '2026-12-05']);
      expect(s.warnings).toEqual([]);
    });

    it('in the half-year 2025 plan only the two quarters inside it count', () => {
      const s = parseTimeframe(COMPOUND_DOMAIN, HALF_2025);
      expect(shape(s)).toEqual(recurring('2025-09-10', '2025-12-10'));
      expect(s.unitDeadlines).toEqual(['2025-09-05', '2025-12-05']);
    });
  });
});

describe('natural variants, 2026 plan', () => {
  checkClean(YEAR_2026, [
    ['6 tháng đầu năm', oneOff('range', '2026-01-01', '2026-06-30')],
    ['6 tháng cuối năm', oneOff('range', '2026-07-01', '2026-12-31')],
    ['6 tháng đầu năm 2026', oneOff('range', '2026-01-01', '2026-06-30')],
    ['Trước ngày 30/6', oneOff('date', null, '2026-06-30')],
    ['Trước ngày 30/6 năm 2026', oneOff('date', null, '2026-06-30')],
    ['Hằng tháng', recurring(...MONTH_ENDS_2026)],
    ['Hàng tháng', recurring(...MONTH_ENDS_2026)],
    ['Trước ngày 20 hằng tháng', recurring(...TWENTIETHS_2026)],
    ['trước ngày 20 hàng tháng', recurring(...TWENTIETHS_2026)],
    ['Từ tháng 3 đến tháng 6/2026', oneOff('range', '2026-03-01', '2026-06-30')],
    ['Định kỳ 6 tháng', recurring('2026-06-30', '2026-12-31')],
    ['Hằng năm', recurring('2026-12-31')],
    ['Hàng năm', recurring('2026-12-31')],
    ['Quý 4/2026', oneOff('quarter', '2026-10-01', '2026-12-31')],
    ['quý iii', oneOff('quarter', '2026-07-01', '2026-09-30')],
    ['trong quý I/2026', oneOff('quarter', '2026-01-01', '2026-03-31')],
    ['Quý II năm 2026', oneOff('quarter', '2026-04-01', '2026-06-30')],
    ['Quý III và quý IV năm 2026', oneOff('quarter', '2026-07-01', '2026-12-31')],
    ['Năm 2026', oneOff('whole_period', '2026-01-01', '2026-12-31')],
    ['Tháng 3 năm 2026', oneOff('month', '2026-03-01', '2026-03-31')],
    ['Tháng 2', oneOff('month', '2026-02-01', '2026-02-28')],
    ['5/3/2026', oneOff('date', null, '2026-03-05')],
    ['05/03/2026', oneOff('date', null, '2026-03-05')],
    ['05-03-2026', oneOff('date', null, '2026-03-05')],
    ['05.03.2026', oneOff('date', null, '2026-03-05')],
    ['Trước ngày 5/3', oneOff('date', null, '2026-03-05')],
    ['ngày 15 tháng 3 năm 2026', oneOff('date', null, '2026-03-15')],
    ['Chậm nhất ngày 15/3/2026', oneOff('date', null, '2026-03-15')],
    ['Hạn chót: 15/3/2026', oneOff('date', null, '2026-03-15')],
    ['Thời hạn: trước ngày 15/3/2026', oneOff('date', null, '2026-03-15')],
    ['Báo cáo trước ngày 20 hằng tháng', recurring(...TWENTIETHS_2026)],
    ['Hoàn thành trước ngày 30/6/2026', oneOff('date', null, '2026-06-30')],
    ['Từ ngày 01/3 đến ngày 30/6/2026', oneOff('range', '2026-03-01', '2026-06-30')],
    ['Trước ngày 31 hằng tháng', recurring(...MONTH_ENDS_2026)],
    ['Thường xuyên, liên tục', noDue('continuous')],
    ['Khi có hướng dẫn của cấp trên', noDue('external')],
  ]);

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))('any month: Tháng %i/2026', (month) => {
    const mm = String(month).padStart(2, '0');
    const end = MONTH_ENDS_2026[month - 1];
    expect(shape(parseTimeframe(`Tháng ${month}/2026`, YEAR_2026))).toEqual(oneOff('month', `2026-${mm}-01`, end));
    expect(shape(parseTimeframe(`Trong tháng ${mm}`, YEAR_2026))).toEqual(oneOff('month', `2026-${mm}-01`, end));
  });

  it.each([
    ['I', '1', '2026-01-01', '2026-03-31'],
    ['II', '2', '2026-04-01', '2026-06-30'],
    ['III', '3', '2026-07-01', '2026-09-30'],
    ['IV', '4', '2026-10-01', '2026-12-31'],
  ])('any quarter: Quý %s = Quý %s', (roman, arabic, start, due) => {
    for (const text of [`Quý ${roman}`, `Quý ${arabic}`, `Quý ${roman}/2026`, `Quý ${arabic} năm 2026`]) {
      expect(shape(parseTimeframe(text, YEAR_2026))).toEqual(oneOff('quarter', start, due));
    }
  });
});

describe('natural variants, half-year 2025 plan', () => {
  checkClean(HALF_2025, [
    ['6 tháng cuối năm', oneOff('range', '2025-07-01', '2025-12-31')],
    ['Đến hết năm 2025', oneOff('whole_period', '2025-07-01', '2025-12-31')],
    ['Trước 31/12/2025', oneOff('date', null, '2025-12-31')],
    ['Định kỳ 6 tháng', recurring('2025-12-31')],
    ['Hằng năm', recurring('2025-12-31')],
  ]);
});

describe('messy spelling', () => {
  const quarterIv = oneOff('quarter', '2026-10-01', '2026-12-31');
  it.each(['QUÝ IV/2026', 'quý iv/2026', '  Quý   IV  /  2026  ', 'Quý\u00a0IV/2026', 'Quý IV/2026'.normalize('NFD'), 'Quý IV năm 2026.', '<b>Quý IV/2026</b>'])('%j', (text) => {
    expect(shape(parseTimeframe(text, YEAR_2026))).toEqual(quarterIv);
  });

  it('mixed NFC/NFD in one cell', () => {
    const text = `${'Trước ngày'.normalize('NFD')} 10 của ${'tháng cuối quý'.normalize('NFC')}`;
    expect(shape(parseTimeframe(text, HALF_2025))).toEqual(recurring('2025-09-10', '2025-12-10'));
  });

  it('Quý III , IV / 2026 with spaces everywhere', () => {
    expect(shape(parseTimeframe('Quý III , IV / 2026', YEAR_2026))).toEqual(oneOff('quarter', '2026-07-01', '2026-12-31'));
  });
});

describe('a plan across a year end takes the year that puts the date inside it', () => {
  checkClean(ACROSS_YEARS, [
    ['Trong tháng 9', oneOff('month', '2025-09-01', '2025-09-30')],
    ['Trong tháng 3', oneOff('month', '2026-03-01', '2026-03-31')],
    ['Trước ngày 30/6', oneOff('date', null, '2026-06-30')],
    ['Quý I', oneOff('quarter', '2026-01-01', '2026-03-31')],
    ['Từ tháng 11 đến tháng 2', oneOff('range', '2025-11-01', '2026-02-28')],
    ['Cả năm', oneOff('whole_period', '2025-07-01', '2026-06-30')],
    ['Hàng quý', recurring('2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30')],
    ['Hằng năm', recurring('2025-12-31')],
  ]);
});

describe('warnings', () => {
  function unspecifiedWith(text: string, period: Period = YEAR_2026): string[] {
    const s = parseTimeframe(text, period);
    expect(shape(s)).toEqual(noDue('unspecified'));
    return s.warnings;
  }

  it.each(['', '   ', '\n', '<i></i>'])('empty cell %j', (text) => {
    expect(unspecifiedWith(text)).toEqual(['Chưa có thời gian thực hiện']);
  });

  it.each([
    ['Trước ngày 31/02/2026', 'Ngày 31/02/2026 không có thật: cần nhập lại hạn'],
    ['Trước ngày 29/02/2026', 'Ngày 29/02/2026 không có thật: cần nhập lại hạn'],
    ['Trước ngày 31/4', 'Ngày 31/04 không có thật: cần nhập lại hạn'],
    ['Trước ngày 0/5/2026', 'Ngày 00/05/2026 không có thật: cần nhập lại hạn'],
    ['Tháng 13/2026', 'Tháng 13 không có thật: cần nhập lại hạn'],
    ['Trong tháng 0', 'Tháng 0 không có thật: cần nhập lại hạn'],
    ['Trước ngày 10/13/2026', 'Tháng 13 không có thật: cần nhập lại hạn'],
    ['Quý V/2026', 'Quý V không có thật (chỉ có quý I–IV): cần nhập lại hạn'],
    ['Quý 5', 'Quý 5 không có thật (chỉ có quý I–IV): cần nhập lại hạn'],
    ['Trước ngày 32 hằng tháng', 'Ngày 32 không có thật: cần nhập lại hạn'],
    ['Trước ngày 31/12/1800', 'Năm 1800 không hợp lệ: cần nhập lại hạn'],
    ['Quý IV, I', 'Thời gian "Quý IV, I" có điểm bắt đầu sau điểm kết thúc: cần nhập lại'],
    ['Tháng 6/2026 đến tháng 3/2026', 'Thời gian "Tháng 6/2026 đến tháng 3/2026" có điểm bắt đầu sau điểm kết thúc: cần nhập lại'],
  ])('invalid %j is never guessed', (text, warning) => {
    expect(unspecifiedWith(text)).toEqual([warning]);
  });

  // The last two: a time outside a "trước …" clause must not be silently dropped from a compound.
  it.each(['Sau khi có kinh phí', 'Trước ngày 30/6/26', 'Quý', 'Tháng 7, 8/2025 đã nêu', 'xyz 12', 'Quý IV, trước ngày 15/12', 'Hằng tháng, trước ngày 20/12'])(
    'text not understood: %j',
    (text) => {
      expect(unspecifiedWith(text)).toEqual([`Không hiểu thời gian "${text}": cần nhập hạn cụ thể`]);
    },
  );

  it.each([
    ['Quý IV/2026', oneOff('quarter', '2026-10-01', '2026-12-31'), 'Hạn 31/12/2026 nằm ngoài kỳ kế hoạch (01/07/2025 – 31/12/2025)'],
    ['Trước ngày 30/6', oneOff('date', null, '2025-06-30'), 'Hạn 30/06/2025 nằm ngoài kỳ kế hoạch (01/07/2025 – 31/12/2025)'],
    ['6 tháng đầu năm', oneOff('range', '2025-01-01', '2025-06-30'), 'Hạn 30/06/2025 nằm ngoài kỳ kế hoạch (01/07/2025 – 31/12/2025)'],
    ['Cả năm 2026', oneOff('whole_period', '2026-01-01', '2026-12-31'), 'Hạn 31/12/2026 nằm ngoài kỳ kế hoạch (01/07/2025 – 31/12/2025)'],
  ])('a deadline outside the plan period is kept and flagged: %j', (text, expected, warning) => {
    const s = parseTimeframe(text, HALF_2025);
    expect(shape(s)).toEqual(expected);
    expect(s.warnings).toEqual([warning]);
  });

  it('a recurrence with no occurrence in the period has no due date', () => {
    const s = parseTimeframe('Định kỳ 6 tháng', { start: '2026-01-01', end: '2026-03-31' });
    expect(shape(s)).toEqual({ kind: 'recurring', start: null, due: null, occurrences: [] });
    expect(s.warnings).toEqual(['Thời gian "Định kỳ 6 tháng" không có hạn nào trong kỳ kế hoạch (01/01/2026 – 31/03/2026)']);
  });

  it("a bracketed time that is not the units' deadline is flagged, not dropped silently", () => {
    const s = parseTimeframe('Quý IV (dự kiến 15/11)', HALF_2025);
    expect(shape(s)).toEqual(oneOff('quarter', '2025-10-01', '2025-12-31'));
    expect(s.warnings).toEqual(['Phần trong ngoặc "(dự kiến 15/11)" chưa được tính vào hạn']);
    expect(s.unitDeadlines).toBeUndefined();
  });

  it('a bracket with no time in it is harmless', () => {
    const s = parseTimeframe('Quý IV (nếu có)', HALF_2025);
    expect(s.warnings).toEqual([]);
    expect(s.due).toBe('2025-12-31');
  });

  it('an invalid plan period gives unspecified instead of throwing', () => {
    const s = parseTimeframe('Quý IV', { start: '2026-12-31', end: '2026-01-01' });
    expect(s.kind).toBe('unspecified');
    expect(s.warnings).toEqual(['Kỳ kế hoạch không hợp lệ (2026-12-31 – 2026-01-01): không tính được hạn']);
  });
});

describe('never throws, and every Schedule is self-consistent (property)', () => {
  const KINDS: ScheduleKind[] = ['date', 'month', 'quarter', 'range', 'recurring', 'whole_period', 'continuous', 'external', 'unspecified'];
  // Fragments of real cells, so random texts reach deep into the grammar, not just "not understood".
  const fragment = fc.constantFrom(
    'Quý',
    'quý',
    'III',
    'IV',
    'v',
    '4',
    ',',
    '-',
    '/',
    '.',
    ' ',
    'năm',
    'tháng',
    'Tháng',
    'ngày',
    'Trước',
    'trước',
    'của',
    'cuối',
    'đầu',
    'hằng',
    'hàng',
    'Cả',
    'Theo',
    'đến',
    'từ',
    'Thường xuyên',
    '(',
    ')',
    '<i>',
    'đơn vị',
    '6',
    '10',
    '13',
    '31',
    '02',
    '2025',
    '2026',
    '0000',
    '9999',
    '29/02',
    '\n',
    'định kỳ',
    'báo cáo',
  );
  const soup = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(' '));
  const anyText = fc.oneof(soup, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));
  const anyPeriod = fc.constantFrom(HALF_2025, YEAR_2026, ACROSS_YEARS);

  it('holds for arbitrary and grammar-shaped texts', () => {
    fc.assert(
      fc.property(anyText, anyPeriod, (text, period) => {
        const s = parseTimeframe(text, period);
        expect(KINDS).toContain(s.kind);
        for (const d of [...s.occurrences, ...(s.start ? [s.start] : []), ...(s.due ? [s.due] : [])]) {
          expect(parseIso(d)).not.toBeNull();
        }
        expect([...s.occurrences].sort()).toEqual(s.occurrences);
        expect(s.due).toBe(s.occurrences[0] ?? null);
        if (s.start !== null && s.due !== null && s.kind !== 'recurring') expect(s.start <= s.due).toBe(true);
        if (['continuous', 'external', 'unspecified'].includes(s.kind)) expect(s.occurrences).toEqual([]);
        if (s.kind === 'unspecified') expect(s.warnings.length).toBeGreaterThan(0);
        if (s.kind === 'recurring') expect(s.occurrences.every((d) => d >= period.start && d <= period.end)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

const YEAR_2027: Period = { start: '2027-01-01', end: '2027-12-31' };
const MONTHS_2027 = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

describe('a recurrence whose day comes after it, often in brackets (2027 plan)', () => {
  checkClean(YEAR_2027, [
    ['Hằng tháng (trước ngày 25)', recurring(...MONTHS_2027.map((m) => `2027-${m}-25`))],
    ['Hàng tháng (chậm nhất ngày 28)', recurring(...MONTHS_2027.map((m) => `2027-${m}-28`))],
    ['Hằng tháng, trước ngày 20', recurring(...MONTHS_2027.map((m) => `2027-${m}-20`))],
    [
      'Hằng tháng, trước ngày 31',
      recurring(
        '2027-01-31',
        '2027-02-28',
        '2027-03-31',
        '2027-04-30',
        '2027-05-31',
        '2027-06-30',
        '2027-07-31',
        '2027-08-31',
        '2027-09-30',
        '2027-10-31',
        '2027-11-30',
        '2027-12-31',
      ),
    ],
    ['Hàng quý (trước ngày 15 của tháng cuối quý)', recurring('2027-03-15', '2027-06-15', '2027-09-15', '2027-12-15')],
    ['Hằng quý, chậm nhất ngày 10 tháng cuối quý', recurring('2027-03-10', '2027-06-10', '2027-09-10', '2027-12-10')],
    ['Hàng quý (trước ngày 18)', recurring('2027-03-18', '2027-06-18', '2027-09-18', '2027-12-18')],
    ['Định kỳ 6 tháng (trước ngày 20)', recurring('2027-06-20', '2027-12-20')],
    ['Hằng năm (trước ngày 15/12)', recurring('2027-12-15')],
  ]);

  it("a bracket that is not the recurrence's day is still flagged, never taken as one", () => {
    const s = parseTimeframe('Hằng tháng (trước ngày 05 tháng sau)', YEAR_2027);
    expect(s.occurrences[0]).toBe('2027-01-31');
    expect(s.warnings).toEqual(['Phần trong ngoặc "(trước ngày 05 tháng sau)" chưa được tính vào hạn']);
  });

  it('a day that does not exist is refused', () => {
    const s = parseTimeframe('Hằng tháng (trước ngày 35)', YEAR_2027);
    expect(shape(s)).toEqual(noDue('unspecified'));
    expect(s.warnings).toEqual(['Ngày 35 không có thật: cần nhập lại hạn']);
  });
});

describe('lists of months or quarters (2027 plan)', () => {
  checkClean(YEAR_2027, [
    ['Quý II và quý IV', recurring('2027-06-30', '2027-12-31')],
    ['Quý I, quý III', recurring('2027-03-31', '2027-09-30')],
    ['Quý I và III năm 2027', recurring('2027-03-31', '2027-09-30')],
    ['Tháng 3 và tháng 9', recurring('2027-03-31', '2027-09-30')],
    ['tháng 6, tháng 12', recurring('2027-06-30', '2027-12-31')],
    ['Tháng 6 và 12/2027', recurring('2027-06-30', '2027-12-31')],
    ['Trong tháng 2, tháng 5 và tháng 11', recurring('2027-02-28', '2027-05-31', '2027-11-30')],
    // Neighbours without a gap are one stretch, as "Quý III, IV" always was.
    ['Quý III và quý IV', oneOff('quarter', '2027-07-01', '2027-12-31')],
    ['Tháng 7, 8/2027', oneOff('range', '2027-07-01', '2027-08-31')],
  ]);

  it.each([
    ['Tháng 9 và tháng 3', 'Thời gian "Tháng 9 và tháng 3" có điểm bắt đầu sau điểm kết thúc: cần nhập lại'],
    ['Tháng 3 và tháng 13', 'Tháng 13 không có thật: cần nhập lại hạn'],
  ])('a wrong list %j is never guessed', (text, warning) => {
    expect(parseTimeframe(text, YEAR_2027).warnings).toEqual([warning]);
  });
});
