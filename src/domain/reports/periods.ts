/**
 * Report periods from a plan's reporting regime. Quarterly reports are due on a day of
 * the quarter's last month (units first, then the commune); the second quarter's report
 * is the 6-month report and the fourth's the annual report, due on fixed dates.
 * The regime is read from the plan's text where it gives one, with the seeds' usual
 * defaults, and stays editable per plan.
 */
import { z } from 'zod';
import { diffDays, isoDate } from '../calendar/dates';
import { foldDiacritics } from '../text/normalize';
import type { IsoDate, Period } from '../timeframe/types';

const ZMonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Ngày theo dạng MM-DD');

export const ZReportingRegimeFields = z.object({
  /** Day of the quarter's last month units report by, and the commune by. */
  quarterUnitDay: z.number().int().min(1).max(28),
  quarterCommuneDay: z.number().int().min(1).max(28),
  /** Quarters 2 and 4 are reported as the 6-month and annual reports instead of plain quarters. */
  halfYear: z.boolean(),
  annualUnit: ZMonthDay,
  annualCommune: ZMonthDay,
});

export const ZReportingRegime = ZReportingRegimeFields.refine((r) => r.quarterUnitDay <= r.quarterCommuneDay && r.annualUnit <= r.annualCommune, {
  message: 'Hạn của đơn vị không được sau hạn của UBND xã',
});

export type ReportingRegime = z.infer<typeof ZReportingRegime>;

/** Seed 004: units by day 05, the commune by day 10 of the quarter's last month; annual 05/12 and 10/12. */
export const DEFAULT_REGIME: ReportingRegime = { quarterUnitDay: 5, quarterCommuneDay: 10, halfYear: true, annualUnit: '12-05', annualCommune: '12-10' };

const two = (n: number) => String(n).padStart(2, '0');
const UNIT_SUBJECT = /(co quan|don vi|phong)/;

/**
 * Reads what the regime text says and keeps the defaults for the rest. Each clause is
 * "subject … trước ngày N của tháng cuối quý" or "báo cáo năm trước ngày DD/MM"; a clause
 * naming units (cơ quan, đơn vị) sets the units' date, otherwise the commune's.
 */
export function parseReportingRegime(text: string | null | undefined): { regime: ReportingRegime; understood: boolean } {
  const regime = { ...DEFAULT_REGIME };
  if (!text) return { regime, understood: false };
  const folded = foldDiacritics(text).toLowerCase();
  let understood = false;
  // A parenthesis in seed 004 holds the units' dates: read it as its own subject.
  const parts = folded.split(/[()]/);
  parts.forEach((part, index) => {
    let unitScope = index % 2 === 1;
    for (const clause of part.split(/[;,.]/)) {
      if (UNIT_SUBJECT.test(clause)) unitScope = true;
      else if (/ubnd|uy ban/.test(clause)) unitScope = false;
      const quarter = clause.match(/ngay (\d{1,2}) (?:cua )?thang cuoi (?:moi )?quy/);
      if (quarter) {
        const day = Number(quarter[1]);
        if (unitScope) regime.quarterUnitDay = day;
        else regime.quarterCommuneDay = day;
        understood = true;
      }
      const annual = clause.match(/nam[^0-9]*ngay (\d{1,2})\/(\d{1,2})/);
      if (annual) {
        const monthDay = `${two(Number(annual[2]))}-${two(Number(annual[1]))}`;
        if (unitScope) regime.annualUnit = monthDay;
        else regime.annualCommune = monthDay;
        understood = true;
      }
    }
  });
  // A text naming only the units' dates: keep the commune five days after them, as in the seeds.
  if (regime.quarterUnitDay > regime.quarterCommuneDay) regime.quarterCommuneDay = Math.min(28, regime.quarterUnitDay + 5);
  if (regime.annualUnit > regime.annualCommune) regime.annualCommune = regime.annualUnit;
  return { regime, understood };
}

export type PeriodKind = 'quarter' | 'half_year' | 'year';

export interface ReportPeriod {
  /** "2025-Q3", "2026-H1", "2026-Y" — unique within a plan. */
  code: string;
  kind: PeriodKind;
  label: string;
  window: Period;
  unitDeadline: IsoDate;
  communeDeadline: IsoDate;
}

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const later = (a: IsoDate, b: IsoDate) => (diffDays(a, b) > 0 ? b : a);

const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'];

function quarterPeriod(year: number, quarter: number, regime: ReportingRegime, planPeriod: Period): ReportPeriod {
  const lastMonth = quarter * 3;
  const quarterStart = isoDate(year, lastMonth - 2, 1);
  const at = (day: number) => isoDate(year, lastMonth, day);
  const windowFrom = (start: IsoDate): Period => ({ start: later(start, planPeriod.start), end: isoDate(year, lastMonth, lastDayOfMonth(year, lastMonth)) });
  if (quarter === 4) {
    const [um, ud] = regime.annualUnit.split('-').map(Number);
    const [cm, cd] = regime.annualCommune.split('-').map(Number);
    return {
      code: `${year}-Y`,
      kind: 'year',
      label: `Năm ${year}`,
      window: windowFrom(isoDate(year, 1, 1)),
      unitDeadline: isoDate(year, um, ud),
      communeDeadline: isoDate(year, cm, cd),
    };
  }
  if (quarter === 2 && regime.halfYear) {
    return {
      code: `${year}-H1`,
      kind: 'half_year',
      label: `6 tháng đầu năm ${year}`,
      window: windowFrom(isoDate(year, 1, 1)),
      unitDeadline: at(regime.quarterUnitDay),
      communeDeadline: at(regime.quarterCommuneDay),
    };
  }
  return {
    code: `${year}-Q${quarter}`,
    kind: 'quarter',
    label: `Quý ${QUARTER_NUMERALS[quarter - 1]} năm ${year}`,
    window: windowFrom(quarterStart),
    unitDeadline: at(regime.quarterUnitDay),
    communeDeadline: at(regime.quarterCommuneDay),
  };
}

/**
 * One period per quarter the plan covers. Windows start at the plan's start when it is later
 * (seed 003: "from 01/07/2025"), and run to the quarter's end; the report's as-of date is chosen when it is made.
 */
export function reportPeriods(planPeriod: Period, regime: ReportingRegime): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  const [startYear, startMonth] = planPeriod.start.split('-').map(Number);
  const [endYear, endMonth] = planPeriod.end.split('-').map(Number);
  for (let year = startYear; year <= endYear; year++) {
    const first = year === startYear ? Math.ceil(startMonth / 3) : 1;
    const last = year === endYear ? Math.ceil(endMonth / 3) : 4;
    for (let quarter = first; quarter <= last; quarter++) out.push(quarterPeriod(year, quarter, regime, planPeriod));
  }
  return out;
}

/** Calendar days a submission came after its deadline; 0 when on time. */
export function daysLate(deadline: IsoDate, submittedOn: IsoDate): number {
  return Math.max(0, diffDays(deadline, submittedOn));
}
