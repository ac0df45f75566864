/**
 * Seed 002 task 3 has "Các phòng, đơn vị có liên quan" in its time column: rows shift when a
 * document is converted. Spotting it lets us tell the user what went wrong instead of
 * a bare "not understood".
 */
import { matchKey } from '../text/normalize';
import { hasTimeHint } from './prepare-text';

const UNIT_WORD_RE = /\b(?:phong|don vi|co quan|ubnd|uy ban|hdnd|van phong|trung tam|tram|cong an|ban chi huy|bo phan|mat tran|hoi|doan)\b/;

export function looksLikeUnitName(text: string): boolean {
  const key = matchKey(text);
  return !hasTimeHint(key) && UNIT_WORD_RE.test(key);
}
