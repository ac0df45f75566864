import { describe, expect, it } from 'vitest';
import { communeNamedIn, numberKey, otherLocalities, sameDocument } from './identity';

describe('the commune a document names (seed headers)', () => {
  it('reads the commune out of the issuer, with or without marks', () => {
    expect(communeNamedIn('Ủy ban nhân dân xã Tiên Lãng')).toBe('tien lang');
    expect(communeNamedIn('UBND PHƯỜNG AN PHONG')).toBe('an phong');
    expect(communeNamedIn('Ủy ban nhân dân')).toBeNull();
  });
  const tienLang = { commune: 'Tiên Lãng', city: 'Hải Phòng' };
  it('a Cẩm Giàng plan (seed 000) imported into Tiên Lãng is flagged by its issuer and its place', () => {
    expect(otherLocalities({ issuer: 'Ủy ban nhân dân xã Cẩm Giàng', place: 'Cẩm Giàng' }, tienLang)).toEqual(['Ủy ban nhân dân xã Cẩm Giàng', 'Cẩm Giàng']);
  });
  it('its own plan (seed 004), or one placed in the city, is not', () => {
    expect(otherLocalities({ issuer: 'UBND xã Tiên Lãng', place: 'Tiên Lãng' }, tienLang)).toEqual([]);
    expect(otherLocalities({ issuer: 'Ủy ban nhân dân xã Tiên Lãng', place: 'Hải Phòng' }, { commune: 'xã Tiên Lãng', city: 'Thành phố Hải Phòng' })).toEqual([]);
    expect(otherLocalities({ issuer: null, place: null }, tienLang)).toEqual([]);
  });
});

describe('the same document imported twice', () => {
  const plan = { number: '125/KH-UBND', title: 'Kế hoạch CCHC năm 2026', periodStart: '2026-01-01', periodEnd: '2026-12-31' };
  it('matches on the number however it is spaced', () => {
    expect(numberKey(' 125 / KH-UBND')).toBe('125khubnd');
    expect(sameDocument(plan, { ...plan, number: '125 /KH-UBND', title: 'khác' })).toBe('number');
  });
  it('matches on title and period when the number was left blank', () => {
    expect(numberKey('/KH-UBND')).toBeNull();
    expect(sameDocument({ ...plan, number: '/KH-UBND' }, { ...plan, number: null, title: 'KẾ HOẠCH CCHC NĂM 2026' })).toBe('title_period');
  });
  it('another period or another number is another plan', () => {
    expect(sameDocument(plan, { ...plan, number: '126/KH-UBND', periodStart: '2026-07-01' })).toBeNull();
  });
});
