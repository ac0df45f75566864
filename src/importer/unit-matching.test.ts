import { describe, expect, it } from 'vitest';
import { cleanInline } from './text-utils';
import type { UnitRef } from './types';
import { isCatchAll, isOutsideBody, splitUnitList, unitKey } from './unit-lexicon';
import { mapUnitName, mapUnitNames } from './unit-matching';

const UNITS: UnitRef[] = [
  { id: 1, name: 'Phòng Văn hóa - Xã hội', shortName: 'VH-XH', kind: 'internal' },
  { id: 2, name: 'Văn phòng HĐND và UBND', kind: 'internal' },
  { id: 3, name: 'Phòng Kinh tế, Hạ tầng và Đô thị', kind: 'internal' },
  { id: 4, name: 'Trung tâm Phục vụ hành chính công', kind: 'internal', aliases: ['Bộ phận Một cửa'] },
  { id: 5, name: 'Trung tâm Dịch vụ sự nghiệp công', kind: 'internal' },
  { id: 6, name: 'Công an xã', kind: 'internal' },
  { id: 9, name: 'Các cơ quan, đơn vị liên quan', kind: 'catch_all' },
];

describe('unit matching', () => {
  it.each([
    ['Phòng VH-XH', 1],
    ['Phòng VHXH', 1],
    ['phòng văn hoá – xã hội phường', 1],
    ['Phòng Văn hóa-Xã hội', 1],
    ['Văn phòng HĐND&UBND', 2],
    ['Văn phòng HĐND & UBND phường', 2],
    ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân', 2],
    ['Phòng KT,HT&ĐT', 3],
    ['Phòng Kinh tế, Hạ tầng và Đô thị phường', 3],
    ['Phòng KT', 3],
    ['Trung tâm Phục vụ HCC', 4],
    ['Trung tâm phục vụ Hành chính công phường', 4],
    ['bộ phận một cửa', 4],
    ['Công an xã', 6],
    ['CÔNG AN XÃ', 6],
  ])('%s → unit %i', (name, id) => {
    expect(mapUnitName(name, UNITS)).toMatchObject({ unitId: id, kind: 'unit' });
  });

  it('keeps catch-alls and outside bodies apart', () => {
    expect(mapUnitName('Các phòng, đơn vị thuộc phường', UNITS)).toMatchObject({ kind: 'catch_all', unitId: 9 });
    expect(mapUnitName('Các cơ quan, đơn vị liên quan', UNITS)).toMatchObject({ kind: 'catch_all', unitId: 9 });
    for (const name of ['Mặt trận Tổ quốc Việt Nam', 'Sở Nội vụ', 'UBND thành phố', 'các đoàn thể chính trị', 'Uỷ ban MTTQ Việt nam']) {
      expect(mapUnitName(name, UNITS)).toMatchObject({ kind: 'outside', unitId: null });
    }
  });

  it('proposes an alias when one unit is close, a new unit otherwise', () => {
    expect(mapUnitName('Trung tâm sự nghiệp công phường', UNITS)).toMatchObject({ kind: 'unknown', suggestion: { action: 'new_alias', unitId: 5 } });
    expect(mapUnitName('Trạm Y tế', UNITS)).toMatchObject({ kind: 'unknown', suggestion: { action: 'new_unit', name: 'Trạm Y tế' } });
    expect(mapUnitNames(['Phòng VH-XH', 'Phòng VH-XH', 'Trạm Y tế'], UNITS)).toHaveLength(2);
  });

  it('folds Uỷ/Ủy, hoá/hóa, NBSP, curly quotes and dashes', () => {
    expect(unitKey('Uỷ ban nhân dân xã')).toBe(unitKey('Ủy ban nhân dân'));
    expect(unitKey('Phòng Văn hoá\u00a0– Xã hội')).toBe(unitKey('Phòng Văn hóa - Xã hội'));
    // Built on the stored key: names with one matchKey share one unitKey (NFD, zero-width space, case).
    expect(unitKey('Phòng Tư\u200b pháp'.normalize('NFD'))).toBe(unitKey('phòng tư pháp'));
    expect(cleanInline('“Phòng  Kinh tế”\u00a0')).toBe('"Phòng Kinh tế"');
    expect(cleanInline('Phòng Văn hóa – Xã hội')).toBe('Phòng Văn hóa - Xã hội');
    expect(cleanInline('Phòng Văn hǎa')).toBe('Phòng Văn hăa');
  });
});

describe('splitting a cell into units', () => {
  it.each<[string, string[]]>([
    ['Văn phòng HĐND&UBND, Phòng KT, Trung tâm Phục vụ HCC', ['Văn phòng HĐND&UBND', 'Phòng KT', 'Trung tâm Phục vụ HCC']],
    ['Các phòng, đơn vị thuộc phường', ['Các phòng, đơn vị thuộc phường']],
    ['Các cơ quan, đơn vị thuộc, trực thuộc', ['Các cơ quan, đơn vị thuộc, trực thuộc']],
    ['Phòng Kinh tế, Hạ tầng và Đô thị phường', ['Phòng Kinh tế, Hạ tầng và Đô thị phường']],
    ['Phòng KT,HT&ĐT', ['Phòng KT,HT&ĐT']],
    ['Phòng Văn hóa - Xã hội và các cơ quan, đơn vị liên quan', ['Phòng Văn hóa - Xã hội', 'các cơ quan, đơn vị liên quan']],
    ['Văn phòng HĐND và UBND; Trung tâm Phục vụ hành chính công', ['Văn phòng HĐND và UBND', 'Trung tâm Phục vụ hành chính công']],
    ['Văn phòng\nHĐND và\nUBND xã', ['Văn phòng HĐND và UBND xã']],
    ['Phòng KT\nTrung tâm Phục\nvụ HCC', ['Phòng KT', 'Trung tâm Phục vụ HCC']],
    ['<i>Phòng Văn hóa - Xã hội</i>', ['Phòng Văn hóa - Xã hội']],
    ['', []],
  ])('%j', (cell, names) => {
    expect(splitUnitList(cell)).toEqual(names);
  });

  it('knows catch-alls and outside bodies by their form', () => {
    expect(isCatchAll('Các đơn vị liên quan')).toBe(true);
    expect(isCatchAll('Phòng Kinh tế')).toBe(false);
    expect(isOutsideBody('Sở Nội vụ')).toBe(true);
    expect(isOutsideBody('sơ tiếp nhận')).toBe(false);
  });
});
