import type { Status } from './types';
import { STATUSES } from './types';

export interface StatusSummary {
  byStatus: Record<Status, number>;
  total: number;
  /** Done on time plus done late. */
  done: number;
  overdue: number;
  dueSoon: number;
  /** Reported done, waiting for the coordinator's confirmation: not counted as done. */
  awaitingConfirmation: number;
  undetermined: number;
  /** done / total × 100, one decimal; 0 for an empty list. */
  completionRate: number;
}

export function isDone(status: Status): boolean {
  return status === 'hoan_thanh_dung_han' || status === 'hoan_thanh_qua_han';
}

export function summarise(statuses: Status[]): StatusSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const s of statuses) byStatus[s]++;
  return summariseCounts(byStatus);
}

/**
 * The summary of statuses already counted (summaries added up: the city's totals), with no list of
 * statuses built: the same figures as `summarise` on the statuses the counts stand for.
 */
export function summariseCounts(byStatus: Record<Status, number>): StatusSummary {
  const total = STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
  const done = byStatus.hoan_thanh_dung_han + byStatus.hoan_thanh_qua_han;
  return {
    byStatus,
    total,
    done,
    overdue: byStatus.qua_han,
    dueSoon: byStatus.sap_den_han,
    awaitingConfirmation: byStatus.cho_xac_nhan,
    undetermined: byStatus.chua_xac_dinh_han,
    completionRate: total === 0 ? 0 : roundOneDecimal((done * 100) / total),
  };
}

/** Rounds half up at one decimal; the epsilon keeps 12.25 from printing as 12.2 through binary error. */
export function roundOneDecimal(x: number): number {
  return Math.round(x * 10 + 1e-9) / 10;
}
