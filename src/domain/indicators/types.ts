/**
 * A procedure dossier (hồ sơ TTHC) as exported by the city's dossier system, and
 * the indicator set computed from many of them (Quyết định 766/QĐ-TTg's rules).
 */

/** How the dossier was submitted (Hình thức nộp). */
export const CHANNELS = ['direct', 'online_partial', 'online_full', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Trạng thái: đang xử lý, đã giải quyết, từ chối / trả lại, dừng xử lý, rút hồ sơ. */
export const DOSSIER_STATUSES = ['processing', 'resolved', 'rejected', 'stopped', 'withdrawn'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Đánh giá: Rất hài lòng, Hài lòng, Chấp nhận được, Không hài lòng. */
export const RATINGS = ['very_satisfied', 'satisfied', 'acceptable', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/**
 * A moment written in an export, as the span of time its precision covers, in
 * milliseconds of Vietnam wall-clock time counted as if it were UTC (so no
 * server time zone can shift it). "15/03/2025" covers the whole day,
 * "15/03/2025 17:00" the whole minute, "15/03/2025 17:00:30" one second.
 */
export interface LocalMoment {
  /** First millisecond covered. */
  start: number;
  /** Last millisecond covered. */
  end: number;
  precision: 'day' | 'minute' | 'second';
}

export interface Dossier {
  code: string;
  procedureCode: string | null;
  procedureName: string | null;
  field: string | null;
  unit: string | null;
  channel: Channel;
  received: LocalMoment;
  appointment: LocalMoment;
  /** Null while open; ignored for an open dossier (the status says it is not finished). */
  ended: LocalMoment | null;
  status: DossierStatus;
  /** Có / Không; null when the cell was empty (unknown). */
  hasFee: boolean | null;
  paidOnline: boolean | null;
  digitised: boolean | null;
  electronicResult: boolean | null;
  rating: Rating | null;
}

/** Dates are yyyy-mm-dd civil days in Vietnam. */
export interface IndicatorWindow {
  from: string;
  to: string;
  asOf: string;
}

export interface IndicatorSet {
  received: number;
  finished: number;
  on_time: number;
  late: number;
  on_time_pct: number | null;
  overdue_open: number;
  online_pct: number | null;
  full_online_pct: number | null;
  online_payment_pct: number | null;
  digitised_pct: number | null;
  e_result_pct: number | null;
  satisfaction_pct: number | null;
}

/** The figure keys reports read, e.g. `dossiers.on_time_pct`. */
export const INDICATOR_KEYS = [
  'received',
  'finished',
  'on_time',
  'late',
  'on_time_pct',
  'overdue_open',
  'online_pct',
  'full_online_pct',
  'online_payment_pct',
  'digitised_pct',
  'e_result_pct',
  'satisfaction_pct',
] as const satisfies ReadonlyArray<keyof IndicatorSet>;
