import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/calendar';
import { addDays } from '../calendar/dates';
import { OFFICIAL_OVERRIDES } from '../calendar/official-overrides';
import type { IsoDate, Period, Schedule, ScheduleKind } from '../timeframe/types';
import { judgeTask, quarterEndCheckpoints } from './judge-task';
import type { JudgeTaskInput } from './types';

const CALENDAR = createCalendar(OFFICIAL_OVERRIDES);
/** The commune's "due soon" setting: n working days on the national calendar. */
const soon = (workingDays: number) => ({ workingDays, calendar: CALENDAR });

const YEAR_2026: Period = { start: '2026-01-01', end: '2026-12-31' };
const HALF_2025: Period = { start: '2025-07-01', end: '2025-12-31' };

/** A schedule as the time-frame parser would produce it; built by hand so these tests do not depend on the parser. */
function schedule(text: string, kind: ScheduleKind, occurrences: IsoDate[] = []): Schedule {
  return { text, kind, start: null, due: occurrences[0] ?? null, occurrences, warnings: [] };
}

function input(overrides: Partial<JudgeTaskInput> & Pick<JudgeTaskInput, 'schedule'>): JudgeTaskInput {
  return {
    dueOverride: null,
    progress: 0,
    doneAt: null,
    occurrenceCompletions: [],
    period: YEAR_2026,
    asOf: '2026-01-05',
    dueSoon: soon(7),
    ...overrides,
  };
}

// Seed 004 (Tiên Lãng, 2026), task 1: "Ban hành Kế hoạch cải cách hành chính năm 2026".
const PLAN_2026 = schedule('Trước ngày 13/01/2026', 'date', ['2026-01-13']);

// Seed 000 (Cẩm Giàng, 6 tháng cuối năm 2025), task 2: "Trước ngày 10 của tháng cuối quý".
const QUARTERLY_REPORT_2025 = schedule('Trước ngày 10 của tháng cuối quý', 'recurring', ['2025-09-10', '2025-12-10']);

describe('one-off deadline (seed 004 task 1, "Trước ngày 13/01/2026")', () => {
  it('done on 12/01 is done on time', () => {
    const j = judgeTask(input({ schedule: PLAN_2026, doneAt: '2026-01-12', asOf: '2026-02-01' }));
    expect(j).toEqual({
      status: 'hoan_thanh_dung_han',
      due: '2026-01-13',
      nextDue: null,
      daysLate: null,
      checkpoints: [{ due: '2026-01-13', doneAt: '2026-01-12', status: 'hoan_thanh_dung_han' }],
    });
  });

  it('done on the due date itself is still on time', () => {
    const j = judgeTask(input({ schedule: PLAN_2026, doneAt: '2026-01-13' }));
    expect(j.status).toBe('hoan_thanh_dung_han');
    expect(j.daysLate).toBeNull();
  });

  it('done on 16/01 is done 3 days late', () => {
    const j = judgeTask(input({ schedule: PLAN_2026, doneAt: '2026-01-16', asOf: '2026-02-01' }));
    expect(j.status).toBe('hoan_thanh_qua_han');
    expect(j.daysLate).toBe(3);
  });

  it('not done the day after is overdue by 1', () => {
    const j = judgeTask(input({ schedule: PLAN_2026, progress: 80, asOf: '2026-01-14' }));
    expect(j).toMatchObject({ status: 'qua_han', due: '2026-01-13', nextDue: '2026-01-13', daysLate: 1 });
  });

  it('due today is due soon, not overdue', () => {
    expect(judgeTask(input({ schedule: PLAN_2026, asOf: '2026-01-13' })).status).toBe('sap_den_han');
  });

  it('due within 7 working days is due soon, counted on the 2026 calendar (02/01 off, Saturday 10/01 worked)', () => {
    // 05/01 (Mon) → 06, 07, 08, 09, 10 (make-up Saturday), 12, 13/01: the 7th working day is the deadline,
    // although it is 8 calendar days away.
    expect(judgeTask(input({ schedule: PLAN_2026, asOf: '2026-01-05', dueSoon: soon(7) })).status).toBe('sap_den_han');
    // 02/01 was swapped off: its 7 working days are 05 … 10, 12/01, one short of 13/01.
    expect(judgeTask(input({ schedule: PLAN_2026, asOf: '2026-01-02', dueSoon: soon(7) })).status).toBe('chua_thuc_hien');
    // Over the weekend of 11/01: from 08/01, 4 working days (09, 10, 12, 13) reach the deadline, 3 do not.
    expect(judgeTask(input({ schedule: PLAN_2026, asOf: '2026-01-08', dueSoon: soon(4) })).status).toBe('sap_den_han');
    expect(judgeTask(input({ schedule: PLAN_2026, asOf: '2026-01-08', dueSoon: soon(3) })).status).toBe('chua_thuc_hien');
  });

  it('a threshold of 0 makes only the due date itself "due soon"', () => {
    expect(judgeTask(input({ schedule: PLAN_2026, asOf: '2026-01-13', dueSoon: soon(0) })).status).toBe('sap_den_han');
    expect(judgeTask(input({ schedule: PLAN_2026, asOf: '2026-01-12', dueSoon: soon(0) })).status).toBe('chua_thuc_hien');
  });

  it('far from due: in progress when progress > 0, otherwise not started', () => {
    expect(judgeTask(input({ schedule: PLAN_2026, asOf: '2026-01-02', progress: 30 })).status).toBe('dang_thuc_hien');
    expect(judgeTask(input({ schedule: PLAN_2026, asOf: '2026-01-02', progress: 0 })).status).toBe('chua_thuc_hien');
  });

  it.each([
    ['Tháng 01/2026', 'month', '2026-01-31'],
    ['Quý IV/2026', 'quarter', '2026-12-31'],
    ['Tháng 01/2026 đến tháng 5/2026', 'range', '2026-05-31'],
    ['Cả năm 2026', 'whole_period', '2026-12-31'],
  ] as const)('"%s" (%s) is judged against its single due date', (text, kind, due) => {
    const j = judgeTask(input({ schedule: schedule(text, kind, [due]), asOf: addDays(due, 1) }));
    expect(j).toMatchObject({ status: 'qua_han', due, daysLate: 1 });
  });
});

describe('due override', () => {
  it('wins over the parsed date', () => {
    const j = judgeTask(input({ schedule: PLAN_2026, dueOverride: '2026-01-20', doneAt: '2026-01-16' }));
    expect(j).toMatchObject({ status: 'hoan_thanh_dung_han', due: '2026-01-20' });
  });

  it('gives an external task ("Theo Văn bản của UBND thành phố") a real deadline', () => {
    const external = schedule('Theo Văn bản của UBND thành phố', 'external');
    const j = judgeTask(input({ schedule: external, dueOverride: '2026-03-15', asOf: '2026-03-20' }));
    expect(j).toMatchObject({ status: 'qua_han', due: '2026-03-15', daysLate: 5 });
  });

  it('turns a recurring task into a one-off judged against the settled date', () => {
    const j = judgeTask(input({ schedule: QUARTERLY_REPORT_2025, period: HALF_2025, dueOverride: '2025-12-20', asOf: '2025-11-01' }));
    expect(j.status).toBe('chua_thuc_hien');
    expect(j.checkpoints).toEqual([{ due: '2025-12-20', doneAt: null, status: 'chua_thuc_hien' }]);
  });
});

describe('no clear deadline', () => {
  // Seed 002 (An Phong), task 6: "Tham gia Hội thi trực tuyến … năm 2025".
  const external = schedule('Theo Văn bản của UBND thành phố', 'external');

  it('external schedule without override is undetermined, even with progress', () => {
    const j = judgeTask(input({ schedule: external, progress: 50, asOf: '2025-12-31', period: HALF_2025 }));
    expect(j).toEqual({ status: 'chua_xac_dinh_han', due: null, nextDue: null, daysLate: null, checkpoints: [] });
  });

  it('empty time frame is undetermined too', () => {
    expect(judgeTask(input({ schedule: schedule('', 'unspecified') })).status).toBe('chua_xac_dinh_han');
  });

  it('done with no deadline counts as done on time: no deadline could be missed', () => {
    const j = judgeTask(input({ schedule: external, doneAt: '2025-10-01', period: HALF_2025 }));
    expect(j).toMatchObject({ status: 'hoan_thanh_dung_han', daysLate: null, due: null });
  });

  it('a one-off kind the parser gave no date is undetermined rather than guessed', () => {
    expect(judgeTask(input({ schedule: schedule('Quý IV', 'quarter', []) })).status).toBe('chua_xac_dinh_han');
  });
});

describe('recurring ("Trước ngày 10 của tháng cuối quý", 2025 half-year)', () => {
  const base = { schedule: QUARTERLY_REPORT_2025, period: HALF_2025 };
  const septemberLate = [{ due: '2025-09-10', doneAt: '2025-09-12' }];

  it('September report sent on 12/9 is a late occurrence; the task goes on', () => {
    const j = judgeTask(input({ ...base, occurrenceCompletions: septemberLate, asOf: '2025-10-15' }));
    expect(j).toEqual({
      status: 'dang_thuc_hien',
      due: '2025-12-10',
      nextDue: '2025-12-10',
      daysLate: null,
      checkpoints: [
        { due: '2025-09-10', doneAt: '2025-09-12', status: 'hoan_thanh_qua_han' },
        { due: '2025-12-10', doneAt: null, status: 'chua_thuc_hien' },
      ],
    });
  });

  it('the December report within the due-soon working days makes the task due soon', () => {
    const j = judgeTask(input({ ...base, occurrenceCompletions: septemberLate, asOf: '2025-12-03' }));
    expect(j.status).toBe('sap_den_han');
    expect(j.checkpoints[1].status).toBe('sap_den_han');
  });

  it('a missed past occurrence makes the task overdue even when a later one is done', () => {
    const j = judgeTask(input({ ...base, occurrenceCompletions: [{ due: '2025-12-10', doneAt: '2025-12-08' }], asOf: '2025-12-15' }));
    expect(j).toMatchObject({ status: 'qua_han', due: '2025-09-10', nextDue: '2025-09-10', daysLate: 96 });
    expect(j.checkpoints.map((c) => c.status)).toEqual(['qua_han', 'hoan_thanh_dung_han']);
  });

  it('all occurrences done, one of them late → done late, by the worst delay', () => {
    const j = judgeTask(
      input({
        ...base,
        occurrenceCompletions: [...septemberLate, { due: '2025-12-10', doneAt: '2025-12-10' }],
        asOf: '2025-12-31',
      }),
    );
    expect(j).toMatchObject({ status: 'hoan_thanh_qua_han', due: '2025-12-10', nextDue: null, daysLate: 2 });
  });

  it('all occurrences done on or before their dates → done on time', () => {
    const j = judgeTask(
      input({
        ...base,
        occurrenceCompletions: [
          { due: '2025-09-10', doneAt: '2025-09-09' },
          { due: '2025-12-10', doneAt: '2025-12-10' },
        ],
        asOf: '2026-01-05',
      }),
    );
    expect(j).toMatchObject({ status: 'hoan_thanh_dung_han', due: '2025-12-10', daysLate: null });
  });

  it('nothing done and nothing due yet: not started, or in progress once progress is reported', () => {
    expect(judgeTask(input({ ...base, asOf: '2025-07-15' })).status).toBe('chua_thuc_hien');
    expect(judgeTask(input({ ...base, asOf: '2025-07-15', progress: 10 })).status).toBe('dang_thuc_hien');
  });

  it('completions for dates that are not occurrences are ignored', () => {
    const j = judgeTask(input({ ...base, occurrenceCompletions: [{ due: '2025-09-09', doneAt: '2025-09-01' }], asOf: '2025-09-11' }));
    expect(j.status).toBe('qua_han');
  });

  it('marking the whole task done closes every open occurrence at that date', () => {
    const j = judgeTask(input({ ...base, occurrenceCompletions: septemberLate, doneAt: '2025-12-05', asOf: '2025-12-20' }));
    expect(j).toMatchObject({ status: 'hoan_thanh_qua_han', daysLate: 2 });
    expect(j.checkpoints[1]).toEqual({ due: '2025-12-10', doneAt: '2025-12-05', status: 'hoan_thanh_dung_han' });
  });

  it('seed 002 "Trước ngày 15 của tháng cuối quý": due on the 15th is due soon on the day', () => {
    const s = schedule('Trước ngày 15 của tháng cuối quý', 'recurring', ['2025-09-15', '2025-12-15']);
    const j = judgeTask(input({ schedule: s, period: HALF_2025, asOf: '2025-09-15', dueSoon: soon(3) }));
    expect(j).toMatchObject({ status: 'sap_den_han', due: '2025-09-15' });
  });
});

describe('continuous ("Thường xuyên", seed 004 tasks 20–25)', () => {
  const continuous = schedule('Thường xuyên', 'continuous');

  it('is checked at the end of each quarter of the plan period', () => {
    const j = judgeTask(input({ schedule: continuous, asOf: '2026-02-01' }));
    expect(j.checkpoints.map((c) => c.due)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect(j).toMatchObject({ status: 'chua_thuc_hien', due: '2026-03-31', nextDue: '2026-03-31' });
  });

  it('a quarter without a completion is overdue once it ends', () => {
    const j = judgeTask(input({ schedule: continuous, progress: 40, asOf: '2026-04-02' }));
    expect(j).toMatchObject({ status: 'qua_han', due: '2026-03-31', daysLate: 2 });
  });

  it('a reported quarter moves the task on to the next one', () => {
    const j = judgeTask(input({ schedule: continuous, occurrenceCompletions: [{ due: '2026-03-31', doneAt: '2026-03-28' }], asOf: '2026-04-02' }));
    expect(j).toMatchObject({ status: 'dang_thuc_hien', due: '2026-06-30', nextDue: '2026-06-30' });
  });

  it('every quarter reported on time → done on time', () => {
    const completions = quarterEndCheckpoints(HALF_2025).map((due) => ({ due, doneAt: due }));
    const j = judgeTask(input({ schedule: continuous, period: HALF_2025, occurrenceCompletions: completions, asOf: '2026-01-10' }));
    expect(j).toMatchObject({ status: 'hoan_thanh_dung_han', due: '2025-12-31', nextDue: null });
  });
});

describe('quarterEndCheckpoints', () => {
  it('covers quarters that overlap the period and cuts the last one at its end', () => {
    expect(quarterEndCheckpoints(HALF_2025)).toEqual(['2025-09-30', '2025-12-31']);
    expect(quarterEndCheckpoints({ start: '2025-08-15', end: '2026-02-10' })).toEqual(['2025-09-30', '2025-12-31', '2026-02-10']);
    expect(quarterEndCheckpoints({ start: '2026-03-31', end: '2026-03-31' })).toEqual(['2026-03-31']);
  });
});

describe('input checks', () => {
  it('rejects a negative due-soon threshold, a malformed asOf and a reversed period', () => {
    expect(() => judgeTask(input({ schedule: PLAN_2026, dueSoon: soon(-1) }))).toThrow(RangeError);
    expect(() => judgeTask(input({ schedule: PLAN_2026, asOf: '13/01/2026' }))).toThrow(RangeError);
    expect(() => judgeTask(input({ schedule: PLAN_2026, period: { start: '2026-12-31', end: '2026-01-01' } }))).toThrow(RangeError);
  });
});

describe('properties of one-off judgements', () => {
  const day = fc.integer({ min: 0, max: 365 }).map((n) => addDays('2026-01-01', n));

  it('done iff doneAt is set; daysLate is set exactly for overdue and done late', () => {
    fc.assert(
      fc.property(day, day, fc.option(day, { nil: null }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 }), (due, asOf, doneAt, progress, dueSoonDays) => {
        const j = judgeTask(input({ schedule: schedule('x', 'date', [due]), asOf, doneAt, progress, dueSoon: soon(dueSoonDays) }));
        const done = j.status === 'hoan_thanh_dung_han' || j.status === 'hoan_thanh_qua_han';
        expect(done).toBe(doneAt !== null);
        const late = j.status === 'qua_han' || j.status === 'hoan_thanh_qua_han';
        expect(j.daysLate !== null).toBe(late);
        if (j.daysLate !== null) expect(j.daysLate).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a recurring task added in the middle of the period (activeFrom)', () => {
  // "Hằng tháng (trước ngày 25)" in a 2026 plan, added by an amendment on 10/11/2026.
  const MONTHLY_25 = schedule(
    'Hằng tháng (trước ngày 25)',
    'recurring',
    ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}-25`),
  );

  it('without activeFrom every month of the period is owed (unchanged behaviour)', () => {
    const j = judgeTask(input({ schedule: MONTHLY_25, asOf: '2026-11-20' }));
    expect(j.status).toBe('qua_han');
    expect(j.due).toBe('2026-01-25');
    expect(j.checkpoints).toHaveLength(12);
  });

  it('added on 10/11 it owes only 25/11 and 25/12, so on 20/11 it is not overdue', () => {
    const j = judgeTask(input({ schedule: MONTHLY_25, asOf: '2026-11-20', activeFrom: '2026-11-10' }));
    expect(j.status).toBe('sap_den_han');
    expect(j.daysLate).toBeNull();
    expect(j.checkpoints.map((c) => c.due)).toEqual(['2026-11-25', '2026-12-25']);
  });

  it('is overdue once its first owed checkpoint passes', () => {
    const j = judgeTask(input({ schedule: MONTHLY_25, asOf: '2026-11-27', activeFrom: '2026-11-10' }));
    expect(j.status).toBe('qua_han');
    expect(j.daysLate).toBe(2);
  });

  it('a checkpoint on the day it was added is owed', () => {
    const j = judgeTask(input({ schedule: MONTHLY_25, asOf: '2026-11-26', activeFrom: '2026-11-25' }));
    expect(j.checkpoints[0].due).toBe('2026-11-25');
    expect(j.status).toBe('qua_han');
  });

  it('keeps an earlier checkpoint that has recorded work', () => {
    const j = judgeTask(input({ schedule: MONTHLY_25, asOf: '2026-11-20', activeFrom: '2026-11-10', occurrenceCompletions: [{ due: '2026-10-25', doneAt: '2026-10-20' }] }));
    expect(j.checkpoints.map((c) => c.due)).toEqual(['2026-10-25', '2026-11-25', '2026-12-25']);
    expect(j.status).toBe('sap_den_han');
  });

  it('added after its last checkpoint it owes nothing: no deadline yet', () => {
    const j = judgeTask(input({ schedule: MONTHLY_25, asOf: '2026-12-30', activeFrom: '2026-12-28' }));
    expect(j.status).toBe('chua_xac_dinh_han');
    expect(j.checkpoints).toEqual([]);
  });

  it('continuous work added in November is checked only at the year end', () => {
    const j = judgeTask(input({ schedule: schedule('Thường xuyên', 'continuous'), asOf: '2026-11-20', activeFrom: '2026-11-10' }));
    expect(j.checkpoints.map((c) => c.due)).toEqual(['2026-12-31']);
    expect(j.status).toBe('chua_thuc_hien');
  });

  it('does not move a one-off deadline', () => {
    const j = judgeTask(input({ schedule: PLAN_2026, asOf: '2026-02-01', activeFrom: '2026-01-20' }));
    expect(j.status).toBe('qua_han');
    expect(j.due).toBe('2026-01-13');
  });

  it('rejects an activeFrom that is not a date', () => {
    expect(() => judgeTask(input({ schedule: MONTHLY_25, activeFrom: '2026-13-01' }))).toThrow();
  });
});

describe('a completion waiting for the coordinator\'s confirmation ("chờ xác nhận")', () => {
  it('seed 004 task 1 reported done on 12/01, not confirmed: waiting, not done, not overdue after the deadline', () => {
    const j = judgeTask(input({ schedule: PLAN_2026, doneAt: '2026-01-12', doneConfirmed: false, asOf: '2026-01-20' }));
    expect(j).toEqual({
      status: 'cho_xac_nhan',
      due: '2026-01-13',
      nextDue: null,
      daysLate: null,
      checkpoints: [{ due: '2026-01-13', doneAt: '2026-01-12', status: 'cho_xac_nhan' }],
    });
  });

  it('once confirmed it is judged by the reported day: on time even when confirmed after the deadline', () => {
    const j = judgeTask(input({ schedule: PLAN_2026, doneAt: '2026-01-12', doneConfirmed: true, asOf: '2026-01-20' }));
    expect(j.status).toBe('hoan_thanh_dung_han');
  });

  it('a task with no deadline reported done waits too', () => {
    const external = schedule('Theo Văn bản của UBND thành phố', 'external');
    expect(judgeTask(input({ schedule: external, doneAt: '2026-02-01', doneConfirmed: false })).status).toBe('cho_xac_nhan');
  });

  describe('recurring (seed 000, quarterly report): each occurrence is confirmed on its own', () => {
    const base = { schedule: QUARTERLY_REPORT_2025, period: HALF_2025 };

    it("September waiting, December not yet due: the task is in progress, September's checkpoint waits", () => {
      const j = judgeTask(input({ ...base, occurrenceCompletions: [{ due: '2025-09-10', doneAt: '2025-09-08', confirmed: false }], asOf: '2025-10-01' }));
      expect(j.status).toBe('dang_thuc_hien');
      expect(j.checkpoints.map((c) => c.status)).toEqual(['cho_xac_nhan', 'chua_thuc_hien']);
    });

    it('every occurrence reported, one waiting: the whole task waits and is not done', () => {
      const j = judgeTask(
        input({
          ...base,
          occurrenceCompletions: [
            { due: '2025-09-10', doneAt: '2025-09-08' },
            { due: '2025-12-10', doneAt: '2025-12-09', confirmed: false },
          ],
          asOf: '2025-12-20',
        }),
      );
      expect(j).toMatchObject({ status: 'cho_xac_nhan', due: '2025-12-10', nextDue: null, daysLate: null });
      expect(j.checkpoints.map((c) => c.status)).toEqual(['hoan_thanh_dung_han', 'cho_xac_nhan']);
    });

    it('a missed occurrence still makes the task overdue while another waits', () => {
      const j = judgeTask(input({ ...base, occurrenceCompletions: [{ due: '2025-12-10', doneAt: '2025-12-09', confirmed: false }], asOf: '2025-12-15' }));
      expect(j.status).toBe('qua_han');
    });
  });
});
