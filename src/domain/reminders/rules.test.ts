import { describe, expect, it } from 'vitest';
import { createCalendar, OFFICIAL_OVERRIDES } from '../calendar';
import { type CommuneDirectory, DEFAULT_REMINDER_SETTINGS, deadlineRule, type ReminderInput, type ReminderTask, remindersDue, taskRecipients, weekStart } from './rules';

const calendar = createCalendar(OFFICIAL_OVERRIDES);
const settings = DEFAULT_REMINDER_SETTINGS;

const directory: CommuneDirectory = {
  unitHeads: new Map([
    [10, [101]],
    [20, [201, 202]],
  ]),
  coordinators: [900],
  leaders: [800],
};

function task(overrides: Partial<ReminderTask> = {}): ReminderTask {
  return { taskId: 1, createdOn: '2026-01-01', leadUnitIds: [10], assigneeIds: [], checkpoints: [], doneReports: [], ...overrides };
}

function input(asOf: string, tasks: ReminderTask[], extra: Partial<ReminderInput> = {}): ReminderInput {
  return { asOf, settings, dueSoonDays: 7, calendar, tasks, directory, ...extra };
}

describe('deadlineRule', () => {
  it('starts 3 working days before a Monday deadline (the Wednesday) and runs to the deadline', () => {
    // Due Monday 09/03/2026: Fri 06, Thu 05, Wed 04 are the three working days before it.
    expect(deadlineRule('2026-03-09', '2026-03-03', settings, calendar)).toBeNull();
    expect(deadlineRule('2026-03-09', '2026-03-04', settings, calendar)).toBe('before_due');
    expect(deadlineRule('2026-03-09', '2026-03-07', settings, calendar)).toBe('before_due');
    expect(deadlineRule('2026-03-09', '2026-03-09', settings, calendar)).toBe('before_due');
  });

  it('counts over the Tết holiday: due Tuesday 24/02/2026 is reminded from Thursday 12/02', () => {
    // 14–22/02/2026 are days off; Mon 23, Fri 13 and Thu 12 are the three working days before the 24th.
    expect(deadlineRule('2026-02-24', '2026-02-11', settings, calendar)).toBeNull();
    expect(deadlineRule('2026-02-24', '2026-02-12', settings, calendar)).toBe('before_due');
    expect(deadlineRule('2026-02-24', '2026-02-18', settings, calendar)).toBe('before_due');
  });

  it('counts the make-up Saturday 10/01/2026 as a working day', () => {
    // Due Monday 12/01/2026: Sat 10 (make-up), Fri 09, Thu 08.
    expect(deadlineRule('2026-01-12', '2026-01-07', settings, calendar)).toBeNull();
    expect(deadlineRule('2026-01-12', '2026-01-08', settings, calendar)).toBe('before_due');
  });

  it('says overdue from the day after the deadline for a week, then leaves it to the digest', () => {
    expect(deadlineRule('2026-03-09', '2026-03-10', settings, calendar)).toBe('overdue');
    expect(deadlineRule('2026-03-09', '2026-03-16', settings, calendar)).toBe('overdue');
    expect(deadlineRule('2026-03-09', '2026-03-17', settings, calendar)).toBeNull();
    expect(deadlineRule('2026-03-09', '2026-03-10', { ...settings, onOverdue: false }, calendar)).toBeNull();
  });

  it('honours the commune’s own number of working days', () => {
    expect(deadlineRule('2026-03-09', '2026-03-02', { ...settings, beforeDueWorkingDays: 5 }, calendar)).toBe('before_due');
    expect(deadlineRule('2026-03-09', '2026-02-27', { ...settings, beforeDueWorkingDays: 5 }, calendar)).toBeNull();
  });
});

describe('remindersDue', () => {
  it('reminds the lead unit heads and the assignees of each open checkpoint, once per person', () => {
    const t = task({ leadUnitIds: [10, 20], assigneeIds: [201, 555], checkpoints: [{ due: '2026-03-09', doneAt: null }] });
    const intents = remindersDue(input('2026-03-05', [t])).filter((i) => i.rule === 'before_due');
    expect(intents.map((i) => [i.rule, i.recipientId])).toEqual([
      ['before_due', 101],
      ['before_due', 201],
      ['before_due', 202],
      ['before_due', 555],
    ]);
    expect(intents.every((i) => i.occurrenceDue === '2026-03-09' && i.taskId === 1)).toBe(true);
  });

  it('skips done checkpoints and those before the task existed (a recurring task added mid-period)', () => {
    const t = task({
      createdOn: '2026-11-10',
      checkpoints: [
        { due: '2026-03-10', doneAt: null },
        { due: '2026-11-10', doneAt: '2026-11-09' },
        { due: '2026-11-12', doneAt: null },
      ],
    });
    const intents = remindersDue(input('2026-11-11', [t], { settings: { ...settings, weeklyDigest: false, weeklySummary: false } }));
    expect(intents).toEqual([{ rule: 'before_due', taskId: 1, occurrenceDue: '2026-11-12', recipientId: 101 }]);
  });

  it('keeps a one-off deadline owed even when the task was entered after it', () => {
    const t = task({ createdOn: '2026-03-12', checkpoints: [{ due: '2026-03-10', doneAt: null }] });
    const intents = remindersDue(input('2026-03-12', [t], { settings: { ...settings, weeklyDigest: false, weeklySummary: false } }));
    expect(intents).toEqual([{ rule: 'overdue', taskId: 1, occurrenceDue: '2026-03-10', recipientId: 101 }]);
  });

  it('falls back to the coordinator when no one in the lead unit can act', () => {
    expect(taskRecipients(task({ leadUnitIds: [99] }), directory)).toEqual([900]);
  });

  it('tells the coordinators of a completion reported in the last week, not the reporter', () => {
    const t = task({
      checkpoints: [{ due: '2026-03-31', doneAt: '2026-03-20' }],
      doneReports: [{ occurrence: null, reportedOn: '2026-03-20', reportedBy: 101, awaitingConfirmation: true }],
    });
    const quiet = { ...settings, weeklyDigest: false, weeklySummary: false };
    expect(remindersDue(input('2026-03-20', [t], { settings: quiet }))).toEqual([{ rule: 'done_reported', taskId: 1, occurrenceDue: '2026-03-31', recipientId: 900 }]);
    expect(remindersDue(input('2026-03-30', [t], { settings: quiet }))).toEqual([]);
    const byCoordinator = { ...t, doneReports: [{ occurrence: null, reportedOn: '2026-03-20', reportedBy: 900, awaitingConfirmation: true }] };
    expect(remindersDue(input('2026-03-20', [byCoordinator], { settings: quiet }))).toEqual([]);
  });

  it('tells nobody once the reported completion was confirmed or returned before the run', () => {
    const t = task({
      checkpoints: [{ due: '2026-03-31', doneAt: '2026-03-20' }],
      doneReports: [{ occurrence: null, reportedOn: '2026-03-20', reportedBy: 101, awaitingConfirmation: false }],
    });
    const quiet = { ...settings, weeklyDigest: false, weeklySummary: false };
    expect(remindersDue(input('2026-03-21', [t], { settings: quiet }))).toEqual([]);
  });

  it('sends one weekly digest per unit head listing overdue and due-soon tasks, keyed by the week’s Monday', () => {
    const overdue = task({ taskId: 1, leadUnitIds: [10], checkpoints: [{ due: '2026-01-05', doneAt: null }] });
    const soon = task({ taskId: 2, leadUnitIds: [20], checkpoints: [{ due: '2026-03-12', doneAt: null }] });
    const far = task({ taskId: 3, leadUnitIds: [20], checkpoints: [{ due: '2026-06-30', doneAt: null }] });
    const digests = remindersDue(input('2026-03-11', [overdue, soon, far])).filter((i) => i.rule === 'weekly_digest');
    expect(digests).toEqual([
      { rule: 'weekly_digest', taskId: null, occurrenceDue: '2026-03-09', recipientId: 101, taskIds: [1] },
      { rule: 'weekly_digest', taskId: null, occurrenceDue: '2026-03-09', recipientId: 201, taskIds: [2] },
      { rule: 'weekly_digest', taskId: null, occurrenceDue: '2026-03-09', recipientId: 202, taskIds: [2] },
    ]);
    const summary = remindersDue(input('2026-03-11', [overdue, soon, far])).filter((i) => i.rule === 'weekly_summary');
    expect(summary).toEqual([{ rule: 'weekly_summary', taskId: null, occurrenceDue: '2026-03-09', recipientId: 800, taskIds: [1, 2] }]);
  });

  it('waits for the commune’s weekly day before sending the weekly mails', () => {
    const overdue = task({ checkpoints: [{ due: '2026-01-05', doneAt: null }] });
    const thursday = { ...settings, weeklyDay: 4 };
    expect(remindersDue(input('2026-03-11', [overdue], { settings: thursday })).some((i) => i.rule === 'weekly_digest')).toBe(false);
    expect(remindersDue(input('2026-03-12', [overdue], { settings: thursday })).some((i) => i.rule === 'weekly_digest')).toBe(true);
  });
});

describe('weekStart', () => {
  it('gives the Monday of the week, Sunday belonging to the week before', () => {
    expect(weekStart('2026-03-09')).toBe('2026-03-09');
    expect(weekStart('2026-03-15')).toBe('2026-03-09');
    expect(weekStart('2026-03-16')).toBe('2026-03-16');
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
  });
});
