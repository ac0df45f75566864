/**
 * Quarter numbers as plans write them: Roman ("Quý III") or Arabic ("Quý 3").
 * Input is already folded to lower case ("iii"), see prepare-text.ts.
 */

const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** 1–4 for a quarter token, null for anything else ("v", "5", "0"). */
export function parseQuarterToken(token: string): number | null {
  const roman = ROMAN_QUARTERS[token];
  if (roman !== undefined) return roman;
  if (!/^\d{1,2}$/.test(token)) return null;
  const n = Number(token);
  return n >= 1 && n <= 4 ? n : null;
}

export type QuarterList = { quarters: number[] } | { badToken: string };

/**
 * "iii,iv", "iii - iv", "iii va quy iv", "3, 4" → the quarters named, in written order.
 * A dash and a comma give the same first and last quarter, which is all a schedule needs.
 */
export function parseQuarterList(list: string): QuarterList {
  const tokens = list
    .replace(/\b(?:quy|va|den)\b/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
  const quarters: number[] = [];
  for (const token of tokens) {
    const q = parseQuarterToken(token);
    if (q === null) return { badToken: token };
    quarters.push(q);
  }
  if (quarters.length === 0) return { badToken: list };
  return { quarters };
}
