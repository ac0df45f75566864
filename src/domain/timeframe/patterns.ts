/**
 * The grammar: one anchored pattern per way of writing a time frame, tried in order on the
 * canonical text (see prepare-text.ts). Order matters only where texts overlap:
 * "theo quý" is a recurrence and must win over the "theo …" of an outside document.
 */

import { isValidMonth } from './dates';
import { EVERY_MONTH, HALF_YEAR_END_MONTHS, QUARTER_END_MONTHS, YEAR_END_MONTHS } from './plan-period';
import {
  type Attempt,
  dateRangeReading,
  dateReading,
  halfYearReading,
  monthListReading,
  monthRangeReading,
  monthReading,
  noDeadline,
  optionalYear,
  quarterReading,
  recurringReading,
  wholeYearReading,
} from './readings';
import type { Period } from './types';
import { warn } from './warnings';

export interface Pattern {
  name: string;
  re: RegExp;
  read: (m: RegExpExecArray, period: Period, text: string) => Attempt;
}

/** "trước ngày", "chậm nhất ngày", "hạn chót:", "đến hết ngày", or just "ngày". */
const DEADLINE_LEAD = '(?:(?:truoc|cham nhat(?: la)?|han(?: chot)?(?: la)?|den(?: het)?|vao|trong):? )?(?:ngay )?';
/** d/m with an optional year; other spellings were rewritten to this one. */
const DATE = '(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?';
const YEAR_OPT = '(?:/(\\d{4}))?';
const QUARTER_LIST = '((?:[ivx]+|\\d{1,2})(?: ?(?:,|-|&|va|den) ?(?:quy )?(?:[ivx]+|\\d{1,2}))*)';
const RANGE_SEP = ' ?(?:den|-|toi) ?(?:het )?';
/** "tháng 6, tháng 12", "tháng 3 và tháng 9", "tháng 6 và 12": at least two months. */
const MONTH_LIST = '(\\d{1,2}(?: ?(?:,|&|;|,? va) ?(?:thang )?\\d{1,2})+)';
/** A recurrence followed by its day, the day often in brackets: "Hằng tháng (trước ngày 25)" reads "hang thang, truoc ngay 25". */
const DAY_AFTER = `,? ${DEADLINE_LEAD}(\\d{1,2})`;
const EVERY = '(?:dinh ky )?(?:hang|moi|theo)';
const OF_QUARTER_END = '(?: (?:cua )?thang cuoi (?:cua )?(?:moi |hang |cac )?quy)?';

function anchored(source: string): RegExp {
  return new RegExp(`^${source}$`);
}

function num(captured: string | undefined): number {
  return Number(captured);
}

export const PATTERNS: readonly Pattern[] = [
  {
    name: 'continuous', // "Thường xuyên", "Thường xuyên, liên tục", "Hằng ngày"
    re: anchored('(?:thuong xuyen|lien tuc|hang ngay)(?:,? (?:thuong xuyen|lien tuc))*(?: (?:trong|ca) nam(?: \\d{4})?)?'),
    read: () => noDeadline('continuous'),
  },
  {
    name: 'every month, last day', // "Hằng tháng", "Hàng tháng"
    re: anchored('(?:dinh ky )?(?:hang|moi|theo) thang'),
    read: (_m, period) => recurringReading(period, EVERY_MONTH, 'last'),
  },
  {
    name: 'every month, given day', // "Trước ngày 20 hằng tháng"
    re: anchored(`${DEADLINE_LEAD}(\\d{1,2}) (?:cua )?(?:hang|moi|cac) thang`),
    read: (m, period) => recurringReading(period, EVERY_MONTH, num(m[1])),
  },
  {
    name: 'last month of each quarter, given day', // "Trước ngày 10 của tháng cuối quý"
    re: anchored(`${DEADLINE_LEAD}(\\d{1,2}) (?:cua )?thang cuoi (?:cua )?(?:moi |hang |cac )?quy`),
    read: (m, period) => recurringReading(period, QUARTER_END_MONTHS, num(m[1])),
  },
  {
    name: 'every month, day after', // "Hằng tháng (trước ngày 25)", "Hằng tháng, trước ngày 20"
    re: anchored(`${EVERY} thang${DAY_AFTER}(?: (?:cua )?(?:hang |moi )?thang)?`),
    read: (m, period) => recurringReading(period, EVERY_MONTH, num(m[1])),
  },
  {
    name: 'every quarter, day after', // "Hàng quý (trước ngày 15 của tháng cuối quý)", "Hằng quý, trước ngày 10"
    re: anchored(`${EVERY} quy${DAY_AFTER}${OF_QUARTER_END}`),
    read: (m, period) => recurringReading(period, QUARTER_END_MONTHS, num(m[1])),
  },
  {
    name: 'every six months, day after', // "Định kỳ 6 tháng (trước ngày 15 của tháng cuối kỳ)"
    re: anchored(`(?:dinh ky (?:6 thang|nua nam)|6 thang (?:mot|1) lan|(?:hang|moi) 6 thang)${DAY_AFTER}(?: (?:cua )?thang cuoi (?:ky|quy))?`),
    read: (m, period) => recurringReading(period, HALF_YEAR_END_MONTHS, num(m[1])),
  },
  {
    name: 'every year, date after', // "Hằng năm (trước ngày 15/12)"
    re: anchored(`(?:dinh ky )?(?:hang|moi) nam,? ${DEADLINE_LEAD}(\\d{1,2})/(\\d{1,2})`),
    read: (m, period) => (isValidMonth(num(m[2])) ? recurringReading(period, [num(m[2])], num(m[1])) : { problem: warn.invalidMonth(num(m[2])) }),
  },
  {
    name: 'every quarter', // "Hàng quý"
    re: anchored('(?:dinh ky )?(?:hang|moi|theo) quy'),
    read: (_m, period) => recurringReading(period, QUARTER_END_MONTHS, 'last'),
  },
  {
    name: 'every six months', // "Định kỳ 6 tháng": end of June and end of December
    re: anchored('(?:dinh ky (?:6 thang|nua nam)|6 thang (?:mot|1) lan|6 thang/lan|(?:hang|moi) 6 thang)'),
    read: (_m, period) => recurringReading(period, HALF_YEAR_END_MONTHS, 'last'),
  },
  {
    // Recurring rather than whole_period: the text promises a yearly deliverable, which a
    // plan spanning two years must produce twice.
    name: 'every year', // "Hằng năm", "Hàng năm"
    re: anchored('(?:dinh ky )?(?:hang|moi) nam'),
    read: (_m, period) => recurringReading(period, YEAR_END_MONTHS, 'last'),
  },
  {
    // The date of the body's decision, if the text names one, is not our deadline.
    name: 'set by an outside body', // "Theo Văn bản của UBND thành phố", "Khi có hướng dẫn"
    re: /^(?:theo|khi|tuy theo|tuy thuoc|can cu)\b/,
    read: () => noDeadline('external'),
  },
  {
    name: 'date range', // "Từ ngày 01/3 đến ngày 30/6/2026"
    re: anchored(`(?:tu )?(?:ngay )?${DATE}${RANGE_SEP}(?:ngay )?${DATE}`),
    read: (m, period, text) =>
      dateRangeReading({ day: num(m[1]), month: num(m[2]), year: optionalYear(m[3]) }, { day: num(m[4]), month: num(m[5]), year: optionalYear(m[6]) }, period, text),
  },
  {
    name: 'date', // "Trước ngày 13/01/2026", "Trước 31/12/2025", "Trước ngày 30/6"
    re: anchored(`${DEADLINE_LEAD}${DATE}`),
    read: (m, period) => dateReading(num(m[1]), num(m[2]), optionalYear(m[3]), period),
  },
  {
    name: 'month range', // "Tháng 01/2026 đến tháng 5/2026", "Từ tháng 3 đến tháng 6/2026"
    re: anchored(`(?:tu )?thang (\\d{1,2})${YEAR_OPT}${RANGE_SEP}(?:thang )?(\\d{1,2})${YEAR_OPT}`),
    read: (m, period, text) => monthRangeReading({ month: num(m[1]), year: optionalYear(m[2]) }, { month: num(m[3]), year: optionalYear(m[4]) }, period, text),
  },
  {
    name: 'month list', // "Tháng 3 và tháng 9", "tháng 6, tháng 12": one occurrence each
    re: anchored(`(?:(?:trong|vao|den het|het) )?(?:cac )?thang ${MONTH_LIST}${YEAR_OPT}`),
    read: (m, period, text) => monthListReading(m[1], optionalYear(m[2]), period, text),
  },
  {
    name: 'month', // "Trong tháng 7", "Tháng 01/2026", "Đến hết tháng 8"
    re: anchored(`(?:(?:trong|vao|den het|het|trong thoi gian) )?thang (\\d{1,2})${YEAR_OPT}`),
    read: (m, period) => monthReading(num(m[1]), optionalYear(m[2]), period),
  },
  {
    name: 'quarters', // "Quý IV", "Quý III,IV/2025", "Quý III-IV/2025", "trong quý I/2026"
    re: anchored(`(?:(?:trong|vao|den het|het) )?quy ${QUARTER_LIST}${YEAR_OPT}`),
    read: (m, period, text) => quarterReading(m[1] ?? '', optionalYear(m[2]), period, text),
  },
  {
    name: 'half year', // "6 tháng đầu năm", "6 tháng cuối năm 2025"
    re: anchored('(?:trong )?(?:6 thang|nua) (dau|cuoi) nam(?: (\\d{4}))?'),
    read: (m, period) => halfYearReading(m[1] === 'dau' ? 'dau' : 'cuoi', optionalYear(m[2]), period),
  },
  {
    name: 'whole year', // "Cả năm 2025", "Cả năm", "Trong năm 2026", "Đến hết năm 2025"
    re: anchored('(?:ca|trong|suot|trong ca|trong suot|den het|het) nam(?: (\\d{4}))?'),
    read: (m, period) => wholeYearReading(optionalYear(m[1]), period),
  },
  {
    name: 'a year', // "Năm 2026"
    re: anchored('nam (\\d{4})'),
    read: (m, period) => wholeYearReading(num(m[1]), period),
  },
];

/** The first pattern that matches the whole text, or null when none does. */
export function readSingle(canonical: string, period: Period, text: string): Attempt | null {
  for (const pattern of PATTERNS) {
    const m = pattern.re.exec(canonical);
    if (m) return pattern.read(m, period, text);
  }
  return null;
}
