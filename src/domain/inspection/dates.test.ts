import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, createCalendar, OFFICIAL_OVERRIDES } from '../calendar';
import { inspectionDeadlines, noticeDeadline, selfReportDeadline } from './index';

const calendar = createCalendar(OFFICIAL_OVERRIDES);

// [visit, notice_by, self_report_by, why] — worked out by hand on the official calendars.
const cases: [string, string, string, string][] = [
  ['2025-10-13', '2025-10-08', '2025-10-08', 'Monday visit: self-report the previous Wednesday'],
  ['2025-10-16', '2025-10-10', '2025-10-13', 'visit − 5 is a Saturday: notice on the Friday'],
  ['2025-02-04', '2025-01-24', '2025-01-23', 'after Tết Ất Tỵ (off 25/01–02/02, Monday 03/02 worked)'],
  ['2025-04-29', '2025-04-24', '2025-04-25', 'Saturday 26/4/2025 was worked (swap for 2/5)'],
  ['2025-05-06', '2025-04-29', '2025-04-28', '30/4–4/5/2025 off'],
  ['2025-09-04', '2025-08-29', '2025-08-28', 'Quốc khánh 2025: 30/8–2/9 off'],
  ['2026-01-07', '2025-12-31', '2025-12-31', 'Tết Dương lịch 1–4/01/2026 reaches back into 2025'],
  ['2026-01-13', '2026-01-08', '2026-01-09', 'make-up Saturday 10/01/2026 counts as a working day'],
  ['2026-01-15', '2026-01-10', '2026-01-12', 'visit − 5 is the make-up Saturday 10/01/2026 itself'],
  ['2026-02-12', '2026-02-06', '2026-02-09', 'just before Tết Bính Ngọ'],
  ['2026-02-23', '2026-02-13', '2026-02-11', 'first day after Tết Bính Ngọ (14–22/02/2026 off)'],
  ['2026-02-25', '2026-02-13', '2026-02-13', 'Tết in the middle of the three working days'],
  ['2026-02-26', '2026-02-13', '2026-02-23', 'visit − 5 is the last Saturday of Tết'],
  ['2026-05-04', '2026-04-29', '2026-04-24', 'Giỗ Tổ 25–27/4 and 30/4–3/5/2026 both skipped'],
  ['2026-05-05', '2026-04-29', '2026-04-28', 'visit − 5 is 30/4'],
  ['2026-08-26', '2026-08-21', '2026-08-22', 'make-up Saturday 22/8/2026 is the 3rd working day back'],
  ['2026-08-27', '2026-08-22', '2026-08-24', 'visit − 5 is the make-up Saturday 22/8/2026'],
  ['2026-09-03', '2026-08-28', '2026-08-26', 'Quốc khánh 2026: 29/8–2/9 off (Monday 31/8 swapped)'],
  ['2026-09-07', '2026-08-28', '2026-08-28', 'Quốc khánh 2026 inside both windows'],
];

describe('inspection deadlines on the official calendar', () => {
  it.each(cases)('visit %s → notice by %s, self-report by %s (%s)', (visit, notice, selfReport) => {
    expect(inspectionDeadlines(calendar, visit, false)).toEqual({ visit, notice_by: notice, self_report_by: selfReport });
  });

  it('gives no notice and no self-report for a surprise inspection', () => {
    expect(inspectionDeadlines(calendar, '2026-02-23', true)).toEqual({ visit: '2026-02-23', notice_by: null, self_report_by: null });
  });

  it.each(['2026-02-30', '23/02/2026', '2026-2-3', ''])('rejects the malformed date "%s", surprise or not', (visit) => {
    expect(() => inspectionDeadlines(calendar, visit, false)).toThrow(RangeError);
    expect(() => inspectionDeadlines(calendar, visit, true)).toThrow(RangeError);
  });
});

describe('the rules hold on every date of 2025–2026', () => {
  const day = fc.integer({ min: 0, max: 729 }).map((n) => addDays('2025-01-01', n));

  it('the notice goes out on a working day, at least 5 calendar days before, as late as allowed', () => {
    fc.assert(
      fc.property(day, (visit) => {
        const notice = noticeDeadline(calendar, visit);
        const latest = addDays(visit, -5);
        expect(calendar.isWorkingDay(notice)).toBe(true);
        expect(notice <= latest).toBe(true);
        // no working day between the notice and visit − 5
        for (let d = addDays(notice, 1); d <= latest; d = addDays(d, 1)) expect(calendar.isWorkingDay(d)).toBe(false);
      }),
    );
  });

  it('the self-report is due on the 3rd working day before the visit day', () => {
    fc.assert(
      fc.property(day, (visit) => {
        const due = selfReportDeadline(calendar, visit);
        expect(calendar.isWorkingDay(due)).toBe(true);
        // exactly two working days strictly between the due date and the visit
        expect(calendar.workingDaysBetween(due, addDays(visit, -1))).toBe(2);
      }),
    );
  });
});
