/**
 * The indicators of Quyết định 766/QĐ-TTg computed from dossiers, one rule per
 * function, for a window [from, to] of civil days and an "as of" day (Vietnam time).
 *
 * Moments are spans (see LocalMoment): "15/03/2025" covers the day, "15/03/2025 17:00"
 * the minute. A moment is in the window when it starts within it; an end is on or
 * before an appointment when it starts no later than the appointment's last
 * millisecond — so ending at the appointment minute, or on the appointment day when
 * either side gives only the day, is on time (the national portal compares the
 * end-of-handling date with the appointment date).
 */
import type { Dossier, IndicatorSet, IndicatorWindow, LocalMoment } from './types';
import { dayBounds } from './values';

export interface Bounds {
  start: number;
  end: number;
}

export function windowBounds(window: IndicatorWindow): { period: Bounds; asOfEnd: number } {
  return { period: { start: dayBounds(window.from).start, end: dayBounds(window.to).end }, asOfEnd: dayBounds(window.asOf).end };
}

const within = (m: LocalMoment, b: Bounds): boolean => m.start >= b.start && m.start <= b.end;

/** Rút hồ sơ: a withdrawn dossier is left out of every figure. */
export function counts(d: Dossier): boolean {
  return d.status !== 'withdrawn';
}

/** received: received from 00:00 of `from` to the end of `to`. */
export function isReceived(d: Dossier, period: Bounds): boolean {
  return counts(d) && within(d.received, period);
}

/** A finishing status: đã giải quyết, từ chối / trả lại, dừng xử lý. */
export function hasFinishingStatus(d: Dossier): boolean {
  return d.status === 'resolved' || d.status === 'rejected' || d.status === 'stopped';
}

/** finished: end timestamp in the window and a finishing status. */
export function isFinished(d: Dossier, period: Bounds): boolean {
  return counts(d) && hasFinishingStatus(d) && d.ended !== null && within(d.ended, period);
}

/** on_time: finished with end ≤ appointment (the export's appointment already includes extensions). */
export function isOnTime(d: Dossier, period: Bounds): boolean {
  return isFinished(d, period) && d.ended !== null && d.ended.start <= d.appointment.end;
}

/**
 * overdue_open: not finished by the end of the "as of" day, and its appointment
 * before that end (an appointment on the as-of day, at any hour, has passed by then).
 * A stock at that moment, not a flow of the window: every dossier received by the
 * as-of day counts, whenever received. One that ended after the as-of day was still
 * open then.
 */
export function isOverdueOpen(d: Dossier, asOfEnd: number): boolean {
  if (!counts(d) || d.received.start > asOfEnd) return false;
  const finishedByThen = hasFinishingStatus(d) && d.ended !== null && d.ended.start <= asOfEnd;
  return !finishedByThen && d.appointment.start <= asOfEnd;
}

/** online: received through either online channel (trực tuyến một phần or toàn trình). */
export function isOnline(d: Dossier): boolean {
  return d.channel === 'online_partial' || d.channel === 'online_full';
}

/** full online: received through trực tuyến toàn trình. */
export function isFullOnline(d: Dossier): boolean {
  return d.channel === 'online_full';
}

/** With a fee (Có phí = Có): the base of the online-payment rate. Unknown fee is left out. */
export function hasFee(d: Dossier): boolean {
  return d.hasFee === true;
}

/** Paid online, among dossiers with a fee (unknown payment counts as not online). */
export function isPaidOnline(d: Dossier): boolean {
  return d.hasFee === true && d.paidOnline === true;
}

/** digitised: Số hóa = Có (unknown counts as not digitised; the base is every received dossier). */
export function isDigitised(d: Dossier): boolean {
  return d.digitised === true;
}

/** electronic result: Kết quả điện tử = Có, among finished dossiers. */
export function hasElectronicResult(d: Dossier): boolean {
  return d.electronicResult === true;
}

/** rated: the citizen gave one of the four ratings. */
export function isRated(d: Dossier): boolean {
  return d.rating !== null;
}

/** satisfied: "Rất hài lòng" or "Hài lòng". */
export function isSatisfied(d: Dossier): boolean {
  return d.rating === 'very_satisfied' || d.rating === 'satisfied';
}

/**
 * A percentage with one decimal, half up; a zero denominator has no data (null),
 * never 0 or 100. Integer arithmetic first so 49/400 gives 12.3, not 12.2.
 */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part * 1000) / whole + 1e-9) / 10;
}

/** The whole indicator set over a list of dossiers. */
export function computeIndicators(dossiers: Iterable<Dossier>, window: IndicatorWindow): IndicatorSet {
  const { period, asOfEnd } = windowBounds(window);
  const n = { received: 0, finished: 0, onTime: 0, overdue: 0, online: 0, full: 0, fee: 0, paid: 0, digitised: 0, eResult: 0, rated: 0, satisfied: 0 };
  for (const d of dossiers) {
    if (isOverdueOpen(d, asOfEnd)) n.overdue++;
    if (isReceived(d, period)) {
      n.received++;
      if (isOnline(d)) n.online++;
      if (isFullOnline(d)) n.full++;
      if (hasFee(d)) n.fee++;
      if (isPaidOnline(d)) n.paid++;
      if (isDigitised(d)) n.digitised++;
    }
    if (isFinished(d, period)) {
      n.finished++;
      if (isOnTime(d, period)) n.onTime++;
      if (hasElectronicResult(d)) n.eResult++;
      if (isRated(d)) n.rated++;
      if (isSatisfied(d)) n.satisfied++;
    }
  }
  return {
    received: n.received,
    finished: n.finished,
    on_time: n.onTime,
    late: n.finished - n.onTime,
    on_time_pct: percent(n.onTime, n.finished),
    overdue_open: n.overdue,
    online_pct: percent(n.online, n.received),
    full_online_pct: percent(n.full, n.received),
    online_payment_pct: percent(n.paid, n.fee),
    digitised_pct: percent(n.digitised, n.received),
    e_result_pct: percent(n.eResult, n.finished),
    satisfaction_pct: percent(n.satisfied, n.rated),
  };
}
