import { describe, expect, it } from 'vitest';
import { createCalendar, OFFICIAL_OVERRIDES } from '../calendar';
import { type ReportDeadline, type ReportReminderInput, reportPhase, reportRemindersDue } from './report-rules';
import { type CommuneDirectory, DEFAULT_REMINDER_SETTINGS } from './rules';

const calendar = createCalendar(OFFICIAL_OVERRIDES);
const settings = DEFAULT_REMINDER_SETTINGS;
const directory: CommuneDirectory = {
  unitHeads: new Map([
    [10, [101]],
    [20, [201, 202]],
    [30, [101]],
  ]),
  coordinators: [900],
  leaders: [800],
};

/** Seed 004's regime for the third quarter of 2026: units by Saturday 05/09, the commune by Thursday 10/09. */
function q3(overrides: Partial<ReportDeadline> = {}): ReportDeadline {
  return { periodId: 7, unitDeadline: '2026-09-05', communeDeadline: '2026-09-10', unitsOwing: [10, 20], unitsSubmitted: [], communeSent: false, ...overrides };
}

const input = (asOf: string, deadlines: ReportDeadline[], extra: Partial<ReportReminderInput> = {}): ReportReminderInput => ({
  asOf,
  settings,
  calendar,
  deadlines,
  directory,
  ...extra,
});

const summary = (asOf: string, deadlines: ReportDeadline[], extra: Partial<ReportReminderInput> = {}) =>
  reportRemindersDue(input(asOf, deadlines, extra))
    .map((r) => `${r.rule}|${r.recipientId}|${r.occurrenceDue}|${(r.unitIds ?? []).join(',')}`)
    .sort();

describe('reportPhase', () => {
  it('counts working days back over the National Day holiday: a Saturday 05/09/2026 deadline is reminded from Friday 28/08', () => {
    // Fri 04 and Thu 03 are working days; Mon 31/08 – Wed 02/09/2026 are days off; Fri 28/08 is the third working day.
    expect(reportPhase('2026-09-05', '2026-08-27', settings, calendar)).toBeNull();
    expect(reportPhase('2026-09-05', '2026-08-28', settings, calendar)).toBe('before');
    expect(reportPhase('2026-09-05', '2026-08-31', settings, calendar)).toBe('before');
    expect(reportPhase('2026-09-05', '2026-09-05', settings, calendar)).toBe('before');
    expect(reportPhase('2026-09-05', '2026-09-06', settings, calendar)).toBe('late');
    expect(reportPhase('2026-09-05', '2026-09-12', settings, calendar)).toBe('late');
    expect(reportPhase('2026-09-05', '2026-09-13', settings, calendar)).toBeNull();
  });

  it('follows the commune’s settings', () => {
    const quiet = { ...settings, reportBeforeDueWorkingDays: 0, reportOnLate: false };
    expect(reportPhase('2026-09-10', '2026-09-09', quiet, calendar)).toBeNull();
    expect(reportPhase('2026-09-10', '2026-09-10', quiet, calendar)).toBe('before');
    expect(reportPhase('2026-09-10', '2026-09-11', quiet, calendar)).toBeNull();
  });
});

describe('reportRemindersDue', () => {
  it('before the units’ deadline: the heads of units that owe the report and have not submitted', () => {
    expect(summary('2026-09-03', [q3({ unitsSubmitted: [10] })])).toEqual(['report_before_due|201|2026-09-05|20', 'report_before_due|202|2026-09-05|20']);
  });

  it('a person heading two owing units hears once, with both units named', () => {
    expect(summary('2026-09-04', [q3({ unitsOwing: [10, 30] })])).toEqual(['report_before_due|101|2026-09-05|10,30']);
  });

  it('after the units’ deadline: the late units’ heads, and the coordinator once with every late unit; the commune is reminded of its own deadline', () => {
    expect(summary('2026-09-07', [q3({ unitsSubmitted: [20] })])).toEqual([
      'commune_report_due|800|2026-09-10|',
      'commune_report_due|900|2026-09-10|',
      'report_late|101|2026-09-05|10',
      'report_late|900|2026-09-05|10',
    ]);
  });

  it('after the commune’s deadline while the commune report is not sent; nothing once it is', () => {
    const everyoneIn = q3({ unitsSubmitted: [10, 20] });
    expect(summary('2026-09-11', [everyoneIn])).toEqual(['commune_report_late|800|2026-09-10|', 'commune_report_late|900|2026-09-10|']);
    expect(summary('2026-09-11', [{ ...everyoneIn, communeSent: true }])).toEqual([]);
  });

  it('owes nothing for units without a head, and keys each reminder by its period', () => {
    expect(summary('2026-09-03', [q3({ unitsOwing: [99] })])).toEqual([]);
    const two = reportRemindersDue(input('2026-09-03', [q3(), q3({ periodId: 8 })]));
    expect(new Set(two.map((r) => r.periodId))).toEqual(new Set([7, 8]));
    expect(two.every((r) => r.taskId === null)).toBe(true);
  });
});
