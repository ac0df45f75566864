/**
 * Text hygiene for Vietnamese documents: real files mix composed and decomposed
 * letters, look-alike letters, non-breaking spaces, curly quotes and dashes.
 */
const LOOKALIKES: Record<string, string> = {
  'ǎ': 'ă', 'Ǎ': 'Ă', // caron a used for breve a by some fonts
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u2009': ' ', '\u200b': '',
  '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-',
};
const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

/** NFC, look-alikes replaced, runs of spaces folded, trimmed. Keeps line breaks. */
export function cleanText(input: string): string {
  return input
    .normalize('NFC')
    .replace(LOOKALIKE_RE, (ch) => LOOKALIKES[ch] ?? ch)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Lower case without diacritics ("Phòng Văn hóa" → "phong van hoa"); đ → d. For search and matching. */
export function foldDiacritics(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A key for comparing names: folded, punctuation to spaces, spaces folded. "Uỷ"/"Ủy" and "hoá"/"hóa" agree once folded. */
export function matchKey(input: string): string {
  return foldDiacritics(cleanText(input))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
