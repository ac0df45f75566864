/**
 * Text hygiene for Vietnamese documents: real files mix composed and decomposed
 * letters, look-alike letters, non-breaking spaces, curly quotes and dashes, and
 * invisible format characters (zero-width space, soft hyphen, BOM) pasted from Word or the web.
 */
const LOOKALIKES: Record<string, string> = {
  ǎ: 'ă',
  Ǎ: 'Ă', // caron a used for breve a by some fonts
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};
const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

/**
 * Unicode format characters (general category Cf): zero-width space and joiners, BOM,
 * soft hyphen, direction marks. Invisible, so two names differing only by them look the same.
 */
const FORMAT_CHARS = /\p{Cf}/gu;

export function stripFormatChars(input: string): string {
  return input.replace(FORMAT_CHARS, '');
}

/** NFC, format characters removed, look-alikes replaced, runs of spaces folded, trimmed. Keeps line breaks. */
export function cleanText(input: string): string {
  return stripFormatChars(input.normalize('NFC'))
    .replace(LOOKALIKE_RE, (ch) => LOOKALIKES[ch] ?? ch)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Lower case without diacritics or format characters ("Phòng Văn hóa" → "phong van hoa"); đ → d. For search and matching. */
export function foldDiacritics(input: string): string {
  return stripFormatChars(input.normalize('NFD'))
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * THE key of a name: two names with the same key are the same name. Stored beside
 * unit names, unit aliases, commune codes and names, and usernames, under unique
 * indexes; search and the importer's matching start from it too.
 *
 * NFC/NFD, format characters, case, diacritics (so "Uỷ"/"Ủy", "hoá"/"hóa" and a
 * name typed without marks agree), look-alike letters, punctuation and spacing all fold away:
 * "Phòng Tư pháp", its NFD form, "phòng tư\u200b pháp" and "PHÒNG TƯ PHÁP" → "phong tu phap".
 *
 * drizzle/0001_name_keys.sql computes the same key in SQL for rows written before it;
 * keep the two in step (NFD, strip Cf, strip U+0300–U+036F, đ→d, lower, non-[a-z0-9] runs → one space).
 */
export function matchKey(input: string): string {
  return foldDiacritics(input)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words of a search query, keyed like the text they are looked for in. */
export function searchWords(query: string): string[] {
  return matchKey(query).split(' ').filter(Boolean);
}

/** Whether every word of the query occurs in the text (both keyed: no case, marks, punctuation or invisible characters). */
export function matchesSearch(text: string, words: string[]): boolean {
  if (words.length === 0) return true;
  const haystack = matchKey(text);
  return words.every((word) => haystack.includes(word));
}
