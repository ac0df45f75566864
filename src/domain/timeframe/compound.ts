/**
 * Cells that give deadlines inside a sentence, several at once:
 * "Báo cáo của UBND xã hoàn thành trước ngày 10 của tháng cuối quý, báo cáo năm trước ngày 10/12".
 * Each clause is "subject + trước/chậm nhất/hạn + time"; the time part goes through the normal
 * grammar and the deadlines are merged.
 */
import { readSingle } from './patterns';
import { hasTimeHint, stripLeadFiller } from './prepare-text';
import { type Attempt, isProblem, type Reading } from './readings';
import type { Period } from './types';

const CLAUSE_SPLIT_RE = /[,;]| va /;
const DEADLINE_WORD_RE = /\b(?:truoc|cham nhat|han)\b/;

/**
 * Null unless every clause is understood: a clause without a deadline word may only be a
 * subject ("các cơ quan"), never a time we would silently drop ("Quý IV", "Hằng tháng").
 */
export function readClauses(canonical: string, period: Period, text: string): Attempt | null {
  const readings: Reading[] = [];
  for (const clause of canonical.split(CLAUSE_SPLIT_RE)) {
    const at = clause.search(DEADLINE_WORD_RE);
    if (hasTimeHint(at < 0 ? clause : clause.slice(0, at))) return null;
    if (at < 0) {
      if (readSingle(stripLeadFiller(clause.trim()), period, text) !== null) return null;
      continue;
    }
    const attempt = readSingle(stripLeadFiller(clause.slice(at).trim()), period, text);
    if (attempt === null || isProblem(attempt)) return attempt;
    readings.push(attempt);
  }
  return readings.length === 0 ? null : mergeReadings(readings);
}

/** The annual "10/12" falls on a quarterly date already listed, so duplicates collapse. */
function mergeReadings(readings: Reading[]): Reading {
  if (readings.length === 1) return readings[0];
  const deadlines = [...new Set(readings.flatMap((r) => r.deadlines))].sort();
  return { kind: 'recurring', start: null, deadlines };
}
