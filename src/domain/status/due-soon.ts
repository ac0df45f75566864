/**
 * "Sắp đến hạn" (due soon), one rule for the whole system: a deadline not yet passed that
 * falls within the commune's number of working days from the day of judgement, counted on
 * the working calendar (weekends, Tết and the government's swaps do not count). Statuses,
 * dashboard lists, the "my work" view and the weekly reminder digests all ask here.
 */
import type { WorkingCalendar } from '../calendar/calendar';
import type { IsoDate } from '../timeframe/types';

export interface DueSoonThreshold {
  /** The commune's setting (communes.due_soon_days), in working days. */
  workingDays: number;
  calendar: WorkingCalendar;
}

/** The last deadline that is still "due soon" on `asOf`: `workingDays` working days after it (asOf itself when 0). */
export function dueSoonUntil(asOf: IsoDate, threshold: DueSoonThreshold): IsoDate {
  return threshold.calendar.addWorkingDays(asOf, threshold.workingDays);
}

/** A deadline from `asOf` (the day itself included) up to dueSoonUntil(asOf). */
export function isDueSoon(due: IsoDate, asOf: IsoDate, threshold: DueSoonThreshold): boolean {
  return due >= asOf && due <= dueSoonUntil(asOf, threshold);
}
