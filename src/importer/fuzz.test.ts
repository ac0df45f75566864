import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, importPlanText } from './index';
import { splitUnitList } from './unit-lexicon';

/** Fragments real plans are made of, so the fuzzer reaches the table and flat-table paths. */
const PIECES = [
  'KẾ HOẠCH',
  'Cải cách hành chính xã Mẫu năm 2025',
  'TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\tSản phẩm',
  'TT Nội dung nhiệm vụ Cơ quan chủ',
  'Sản phẩm',
  'I. Chỉ đạo điều hành',
  'III. Cải cách thủ tục hành chính',
  '1 Ban hành kế hoạch',
  '2\tBáo cáo\tPhòng VH-XH\tCác phòng, đơn vị\tQuý IV\tBáo cáo',
  '\t\t\ttâm sự nghiệp công\t\t',
  'Phòng VH-XH Văn phòng',
  'HĐND&UBND,',
  'Trung tâm Phục',
  'vụ HCC',
  'Trước ngày',
  '10 của tháng',
  'cuối quý',
  ' Cả năm 2025 Báo cáo',
  '<ul><li>- x</li></ul>',
  '**II. MỘT SỐ CHỈ TIÊU**',
  '1. Hoàn thành 100% nhiệm vụ',
  '2. Phân công trách nhiệm cụ thể',
  'a) Phòng Kinh tế',
  '- Chủ trì các nội dung về thể chế',
  'Số: 12/KH-UBND',
  'Tiên Lãng, ngày 10 tháng 01 năm 2026',
  '\u00a0',
  'ǎ',
  '\t',
  '',
  '  ',
];

function swallow(text: string): void {
  try {
    importPlanText(text, { referenceYear: 2025 });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
  }
}

describe('text parser never throws (fast-check)', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        swallow(s);
      }),
      { numRuns: 300 },
    );
  });

  it('on shuffled plan fragments', () => {
    const doc = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 30 })), { maxLength: 60 }).map((a) => a.join('\n'));
    fc.assert(
      fc.property(doc, (s) => {
        swallow(s);
      }),
      { numRuns: 300 },
    );
  });

  it('unit splitting is total and keeps no empty names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const names = splitUnitList(s);
        expect(names.every((n) => n.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
