import { describe, expect, it } from 'vitest';
import { runInspectionDates } from './inspection-dates';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

describe('cchc inspection-dates', () => {
  it('prints exactly {"visit","notice_by","self_report_by"} on stdout', () => {
    const c = capture();
    expect(runInspectionDates(['--visit', '2026-02-23', '--json'], c.deps)).toBe(0);
    expect(c.out).toEqual(['{"visit":"2026-02-23","notice_by":"2026-02-13","self_report_by":"2026-02-11"}']);
    expect(c.err).toEqual([]);
  });

  it('prints nulls for a surprise inspection, whatever the order of the options', () => {
    const c = capture();
    expect(runInspectionDates(['--surprise', '--json', '--visit', '2026-09-03'], c.deps)).toBe(0);
    expect(JSON.parse(c.out[0])).toEqual({ visit: '2026-09-03', notice_by: null, self_report_by: null });
  });

  it('keeps stdout pure JSON when the visit falls on a day off (the note goes to stderr)', () => {
    const c = capture();
    expect(runInspectionDates(['--visit', '2026-02-21', '--json'], c.deps)).toBe(0);
    expect(JSON.parse(c.out[0])).toEqual({ visit: '2026-02-21', notice_by: '2026-02-13', self_report_by: '2026-02-11' });
    expect(c.err[0]).toMatch(/ngày nghỉ/);
  });

  it.each([
    [['--visit', '2026-02-30', '--json'], /không hợp lệ/],
    [['--visit', '23/02/2026', '--json'], /không hợp lệ/],
    [['--json'], /Thiếu ngày kiểm tra/],
    [['--visit', '2026-02-23', '--soon'], /Tùy chọn không hợp lệ/],
  ])('refuses %j with a Vietnamese message and nothing on stdout', (args, message) => {
    const c = capture();
    expect(runInspectionDates(args, c.deps)).not.toBe(0);
    expect(c.out).toEqual([]);
    expect(c.err[0]).toMatch(message);
  });
});
