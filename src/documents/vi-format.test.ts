import { describe, expect, it } from 'vitest';
import { issuerLines, numberLine, parseDocumentNumber, placeAndDate } from './vi-format';

describe('place and date line', () => {
  it.each([
    ['2026-01-10', 'Tiên Lãng, ngày 10 tháng 01 năm 2026'],
    ['2025-07-29', 'Tiên Lãng, ngày 29 tháng 7 năm 2025'],
    ['2025-02-05', 'Tiên Lãng, ngày 05 tháng 02 năm 2025'],
    ['2025-12-01', 'Tiên Lãng, ngày 01 tháng 12 năm 2025'],
  ])('%s → %s (zero before days 1–9 and months 1–2)', (iso, text) => {
    expect(placeAndDate('Tiên Lãng', iso, null)).toBe(text);
  });

  it('keeps gaps for a date written at signing', () => {
    expect(placeAndDate('An Phong', null, 2025)).toBe('An Phong, ngày\u00a0\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0\u00a0 năm 2025');
  });
});

describe('issuer lines', () => {
  it.each([
    ['Ủy ban nhân dân xã Tiên Lãng', ['ỦY BAN NHÂN DÂN', 'XÃ TIÊN LÃNG']],
    ['Uỷ ban nhân dân phường An Phong', ['ỦY BAN NHÂN DÂN', 'PHƯỜNG AN PHONG']],
    ['UBND xã Cẩm Giàng', ['ỦY BAN NHÂN DÂN', 'XÃ CẨM GIÀNG']],
    ['Phòng Văn hóa - Xã hội', ['PHÒNG VĂN HÓA - XÃ HỘI']],
  ])('%s', (issuer, lines) => expect(issuerLines(issuer)).toEqual(lines));
});

describe('document number', () => {
  it.each([
    ['12/KH-UBND', { number: '12', symbol: 'KH-UBND' }, 'Số: 12/KH-UBND'],
    ['/KH-UBND', { number: '', symbol: 'KH-UBND' }, 'Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-UBND'],
    ['Số: 410/QĐ-UBND', { number: '410', symbol: 'QĐ-UBND' }, 'Số: 410/QĐ-UBND'],
    ['5/KH-UBND', { number: '5', symbol: 'KH-UBND' }, 'Số: 05/KH-UBND'],
    ['Số:   /bc-ubnd', { number: '', symbol: 'BC-UBND' }, 'Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND'],
  ])('%s', (text, parts, printed) => {
    const parsed = parseDocumentNumber(text);
    expect(parsed).toEqual(parts);
    if (!parsed) throw new Error(`not read as a number: ${text}`);
    expect(numberLine(parsed)).toBe(printed);
  });

  it('is null without a symbol', () => expect(parseDocumentNumber('Kế hoạch')).toBeNull());
});
