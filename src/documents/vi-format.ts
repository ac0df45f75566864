/**
 * Vietnamese wording the decree fixes: the place-and-date line, capitals of
 * names in the header, the number line.
 */

/** Days 1–9 and months 1–2 take a leading zero (Phụ lục I, mục II.4): "ngày 05 tháng 01", "ngày 15 tháng 8". */
export function placeAndDate(place: string, isoDate: string | null, fallbackYear: number | null): string {
  if (!isoDate) {
    // The date is written by hand when the document is signed: keep the gaps.
    const blank = '\u00a0'.repeat(5);
    return `${place}, ngày${blank} tháng${blank} năm ${fallbackYear ?? blank}`;
  }
  const [y, m, d] = isoDate.split('-').map(Number);
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

export function upperVi(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

/**
 * "Ủy ban nhân dân xã Tiên Lãng" → ["ỦY BAN NHÂN DÂN", "XÃ TIÊN LÃNG"]: the body's
 * name on the first line and its place on the second, as every commune writes it.
 */
export function issuerLines(issuer: string): string[] {
  const clean = issuer.normalize('NFC').replace(/\s+/g, ' ').trim();
  const match = /^(?:ủy|uỷ) ban nhân dân\s+(.+)$/iu.exec(clean) ?? /^UBND\s+(.+)$/u.exec(clean);
  return match ? ['ỦY BAN NHÂN DÂN', upperVi(match[1])] : [upperVi(clean)];
}

export interface DocumentNumber {
  /** The number itself, "" when it is left for the clerk to fill in at issue. */
  number: string;
  /** "KH-UBND", "BC-UBND", "QĐ-UBND" … */
  symbol: string;
}

/** "12/KH-UBND", "/KH-UBND", "Số: 12/KH-UBND" → parts; null when there is no symbol. */
export function parseDocumentNumber(text: string | null | undefined): DocumentNumber | null {
  if (!text) return null;
  const match = /^(?:số\s*:?\s*)?(\d*)\s*\/\s*([\p{L}\d-]+)/iu.exec(text.normalize('NFC').trim());
  return match ? { number: match[1], symbol: match[2].toLocaleUpperCase('vi') } : null;
}

/**
 * "Số: 12/KH-UBND", "Số: 05/KH-UBND" (numbers below 10 take a leading zero), or
 * "Số:      /KH-UBND" with room for the number written at issue.
 */
export function numberLine(number: DocumentNumber): string {
  if (!number.number) return `Số:${'\u00a0'.repeat(6)}/${number.symbol}`;
  return `Số: ${number.number.padStart(2, '0')}/${number.symbol}`;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function roman(n: number): string {
  return ROMAN[n] ?? String(n);
}

/** "2025-07-01" → "01/07/2025", the short form the body text uses. */
export function shortDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** "2025-11-18" → "ngày 18 tháng 11 năm 2025" (leading zeros as in the date line). */
export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `ngày ${d < 10 ? `0${d}` : d} tháng ${m < 3 ? `0${m}` : m} năm ${y}`;
}
