/**
 * Turns a time-frame cell into one canonical lower-case line without diacritics, so the
 * pattern table only has to know one spelling of each thing:
 * "Quý III năm 2025" → "quy iii/2025", "ngày 15 tháng 3 năm 2026" → "ngay 15/3/2026",
 * "15-03-2026" / "15.03.2026" → "15/03/2026".
 */
import { cleanText, foldDiacritics } from '../text/normalize';

/** Imported cells may carry <i>, <b>, <ul><li> from the source document. */
const HTML_TAG_RE = /<\/?[a-z][^<>]*>/gi;

/** The text as a user would read it: tags dropped, one line, NFC. Used in warnings. */
export function displayText(raw: string): string {
  return cleanText(raw.replace(HTML_TAG_RE, ' ')).replace(/\s+/g, ' ');
}

const CANONICAL_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\s*\/\s*/g, '/'],
  // "ngay 15 thang 3" → "ngay 15/3"; only after "ngay" so "6 thang dau nam" is untouched.
  [/\bngay (\d{1,2}) thang (\d{1,2})\b/g, 'ngay $1/$2'],
  [/\b(\d{1,2})([.-])(\d{1,2})\2(\d{4})\b/g, '$1/$3/$4'],
  // "thang 3 nam 2026", "quy iii nam 2025", "15/3 nam 2026": the year joins with a slash.
  [/\b(\d{1,2}|i{1,3}|iv) nam (\d{4})\b/g, '$1/$2'],
  [/[\s.;:,]+$/, ''],
];

export function canonicalText(raw: string): string {
  let s = foldDiacritics(displayText(raw));
  for (const [re, replacement] of CANONICAL_REWRITES) s = s.replace(re, replacement);
  return s.trim();
}

/** Words in front of a time frame that add nothing to it ("Hoàn thành trước ngày 30/6"). */
const LEAD_FILLER_RE = /^(?:(?:hoan thanh|thuc hien|du kien|thoi gian|thoi han)\s*:?\s*)+/;

export function stripLeadFiller(s: string): string {
  return s.replace(LEAD_FILLER_RE, '').trim();
}

/**
 * Something that pins a time: a number, a Roman quarter, "thường xuyên", "cả năm".
 * Words like "báo cáo quý" or "báo cáo năm" name a report, not a time, so they do not count.
 */
const TIME_HINT_RE = /\d|\bquy [ivx]+\b|\bthuong xuyen\b|\bca nam\b/;

export function hasTimeHint(canonical: string): boolean {
  return TIME_HINT_RE.test(canonical);
}

export interface Parts {
  /** The text with every parenthesised aside removed. */
  main: string;
  /** What the parentheses held, in order. */
  asides: string[];
}

/** Plans put a second, lesser deadline in brackets: "(các cơ quan, đơn vị gửi báo cáo trước ngày 05 …)". */
export function splitParentheses(display: string): Parts {
  const asides: string[] = [];
  const main = display.replace(/\(([^()]*)\)/g, (_all, inner: string) => {
    asides.push(inner.trim());
    return ' ';
  });
  return { main: main.replace(/\s+/g, ' ').trim(), asides };
}
