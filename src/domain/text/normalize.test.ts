import { describe, expect, it } from 'vitest';
import { cleanText, matchesSearch, matchKey, searchWords } from './normalize';

const NFC = 'Phòng Tư pháp';
const NFD = NFC.normalize('NFD');

describe('matchKey: the one key of a name', () => {
  it('"Phòng Tư pháp" typed four ways is one name', () => {
    expect(NFD).not.toBe(NFC);
    const variants = [NFC, NFD, 'Phòng Tư\u200b pháp', 'Ph\u200bòng Tư pháp', 'phòng tư pháp', 'PHÒNG TƯ PHÁP', '\ufeffPhòng  Tư\u00a0pháp\u00ad'];
    expect(new Set(variants.map(matchKey))).toEqual(new Set(['phong tu phap']));
  });

  it('folds every format character (zero-width joiners, direction marks, word joiner), not only the zero-width space', () => {
    expect(matchKey('tu-phap\u200b')).toBe(matchKey('tu-phap'));
    expect(matchKey('Văn\u200dphòng')).toBe('vanphong');
    expect(matchKey('\u200eTrạm\u2060 Y tế\u200f')).toBe('tram y te');
  });

  it('old and new tone placement, look-alike breve and đ agree', () => {
    expect(matchKey('Uỷ ban nhân dân')).toBe(matchKey('Ủy ban nhân dân'));
    expect(matchKey('Phòng Văn hoá – Xã hội')).toBe(matchKey('Phòng Văn hóa - Xã hội'));
    expect(matchKey('Ǎn')).toBe(matchKey('Ăn'));
    expect(matchKey('Đảng ủy')).toBe('dang uy');
  });

  it('keeps different names apart', () => {
    expect(matchKey('Phòng Tư pháp')).not.toBe(matchKey('Phòng Kinh tế'));
    expect(matchKey('daumoi.ap')).not.toBe(matchKey('daumoi.cg'));
  });

  it('a name of only punctuation or invisible characters has an empty key', () => {
    expect(matchKey(' -- ')).toBe('');
    expect(matchKey('\u200b\u00ad')).toBe('');
  });
});

describe('cleanText drops invisible format characters', () => {
  it('zero-width space, soft hyphen, BOM', () => {
    expect(cleanText('\ufeffBáo\u00ad cáo\u200b quý')).toBe('Báo cáo quý');
  });
});

describe('search keyed like names', () => {
  const text = 'Rà soát, đánh giá thủ tục hành chính (VH-XH)';
  it('finds with or without marks, in any case, with invisible characters in the query', () => {
    expect(matchesSearch(text, searchWords('thu tuc'))).toBe(true);
    expect(matchesSearch(text, searchWords('THỦ TỤC'))).toBe(true);
    expect(matchesSearch(text, searchWords('thủ\u200b tục'))).toBe(true);
    expect(matchesSearch(text, searchWords('vh-xh'))).toBe(true);
    expect(matchesSearch(text, searchWords('thu tuc dat dai'))).toBe(false);
  });

  it('an empty or invisible query matches everything', () => {
    expect(searchWords('\u200b ')).toEqual([]);
    expect(matchesSearch(text, [])).toBe(true);
  });
});
