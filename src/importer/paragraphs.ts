/**
 * Rebuilds paragraphs from lines. PDF copies and some exports break every
 * paragraph into lines (and page breaks cut sentences); a line continues the
 * previous one unless the previous ended a sentence or the line starts a list
 * item or heading.
 */
import { cleanText } from '../domain/text/normalize';
import { isLowerInitial } from './text-utils';

/** "- ", "+ ", "1. ", "2.1. ", "a) ", "đ) ", "IV. ", "(1) ": starts a new paragraph. */
const ITEM_START = /^(?:[-+•*–]\s|\d+(?:\.\d+)*[.)]\s|\d+(?:\.\d+)+\s|[a-zđ]\)\s|[IVX]+[.)]\s|\([a-zđ0-9]+\)\s)/u;
const SENTENCE_END = /[.;:!?…)\]"'”]$/u;
/** A line this long was wrapped by the page width rather than ended by the writer. */
const WRAPPED_LINE = 60;

/** Openers of a legal basis or a closing block: always a new paragraph. */
const OPENER = /^(Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị|Nơi nhận|TM\.|KT\.)/u;

export function continuesParagraph(prev: string, next: string): boolean {
  if (ITEM_START.test(next) || OPENER.test(next)) return false;
  if (SENTENCE_END.test(prev)) return false;
  if (isLowerInitial(next)) return true;
  if (/^\d/.test(next)) return true;
  return prev.length >= WRAPPED_LINE;
}

/** Joins lines into paragraphs; drops lone page numbers. */
export function linesToParagraphs(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = cleanText(raw).replace(/\s*\n\s*/g, ' ');
    if (!line || /^\d{1,3}$/.test(line)) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && continuesParagraph(prev, line)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}
