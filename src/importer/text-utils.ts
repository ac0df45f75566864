/** Small text helpers shared by the readers and the extraction. */
import { cleanText, foldDiacritics } from '../domain/text/normalize';

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };

/** "IV" → 4; null when not a Roman numeral we use. */
export function romanToInt(s: string): number | null {
  return ROMAN[s.toUpperCase()] ?? null;
}

/** Strips the HTML fragments exports leave in cells; list items and <br> become line breaks. */
export function stripHtml(input: string): string {
  if (!input.includes('<')) return input;
  return input
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\s*li[^>]*>/gi, '\n')
    .replace(/<\s*\/\s*(li|p|div|ul|ol|tr)\s*>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

/** Markdown emphasis and heading marks ("## **I. MỤC ĐÍCH**" → "I. MỤC ĐÍCH"). */
export function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$|[.,;:)])/g, '$1')
    .replace(/\\([*_#.\-()[\]])/g, '$1');
}

/**
 * Word spells some vowels with the old tone placement ("hoá", "Uỷ"); both are
 * correct, so names keep their spelling and only matching folds them (matchKey).
 * Here we only unify what breaks reading: NFC, look-alikes, spaces, dashes.
 */
export function cleanInline(input: string): string {
  return joinBrokenWords(cleanText(stripHtml(input)))
    .replace(/\s*\n\s*/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** "NĐ-" at a line end followed by "CP": a hyphenated code the line broke, rejoined without a space. */
function joinBrokenWords(s: string): string {
  return s.replace(/(\p{L}-)\n(?=\p{Lu})/gu, '$1');
}

/** Cleans but keeps line breaks (cell text for unit splitting). */
export function cleanKeepLines(input: string): string {
  return cleanText(stripHtml(input))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/** Folded lower-case text for keyword tests. */
export function fold(input: string): string {
  const hit = foldCache.get(input);
  if (hit !== undefined) return hit;
  const out = foldDiacritics(cleanText(input)).replace(/\s+/g, ' ');
  if (foldCache.size > 50_000) foldCache.clear();
  foldCache.set(input, out);
  return out;
}

/** Matching folds the same short strings over and over (the flattened-table search above all). */
const foldCache = new Map<string, string>();

export function isUpperInitial(word: string): boolean {
  const ch = word.charAt(0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLowerInitial(word: string): boolean {
  const ch = word.charAt(0);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
