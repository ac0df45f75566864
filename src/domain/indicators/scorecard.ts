/**
 * The scorecard: a plan's key target (chỉ tiêu) against its actual figure — an
 * indicator computed from dossiers, or a figure entered by hand (budget revenue,
 * disbursement …) — met, not met, or no data.
 */
import { matchKey } from '../text/normalize';
import type { IndicatorSet } from './types';

export type IndicatorKey = keyof IndicatorSet;
export type Comparator = '>=' | '<=' | '=' | '>' | '<';
export type TargetStatus = 'met' | 'not_met' | 'no_data';

/**
 * met when the actual satisfies the target's comparator and value. A target without
 * a threshold, or an actual without data (null), cannot be judged: no data. "= 100 %"
 * is met only by 100.
 */
export function judgeTarget(comparator: Comparator | null, threshold: number | null, actual: number | null): TargetStatus {
  if (comparator === null || threshold === null || actual === null) return 'no_data';
  const met = { '>=': actual >= threshold, '<=': actual <= threshold, '=': actual === threshold, '>': actual > threshold, '<': actual < threshold }[comparator];
  return met ? 'met' : 'not_met';
}

/**
 * The indicator a target's wording most likely measures, as a suggestion the
 * coordinator confirms. Only dossier targets ("hồ sơ", "TTHC") are matched: "100 %
 * nhiệm vụ … đúng hạn" is about tasks, not dossiers. Order matters: "thanh toán trực
 * tuyến" and "toàn trình" are also "trực tuyến".
 */
export function suggestIndicatorKey(text: string): IndicatorKey | null {
  const t = ` ${matchKey(text)} `;
  const has = (...words: string[]) => words.some((w) => t.includes(` ${w} `));
  if (has('thanh toan truc tuyen')) return 'online_payment_pct';
  if (has('hai long')) return 'satisfaction_pct';
  const aboutDossiers = has('ho so', 'tthc', 'thu tuc hanh chinh');
  if (!aboutDossiers) return null;
  if (has('so hoa')) return 'digitised_pct';
  if (has('ket qua dien tu', 'ket qua giai quyet dien tu')) return 'e_result_pct';
  if (has('toan trinh') && has('ho so')) return 'full_online_pct';
  if (has('truc tuyen') && has('ho so')) return 'online_pct';
  if (has('dung han', 'truoc han', 'dung hen')) return 'on_time_pct';
  return null;
}
