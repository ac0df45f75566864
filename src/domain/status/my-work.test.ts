import { describe, expect, it } from 'vitest';
import { type MyWorkTask, monthEnd, myWorkSections, thisMonthEnd, weekEnd } from './my-work';

// Monday 23/11/2026: the week ends Sunday 29/11, the month Monday 30/11.
const AS_OF = '2026-11-23';
const ME = 7;

const task = (id: number, fields: Partial<MyWorkTask>): MyWorkTask => ({
  id,
  status: 'chua_thuc_hien',
  nextDue: null,
  assigneeIds: [],
  lastReportOn: AS_OF,
  returned: false,
  ...fields,
});

describe('weeks and months', () => {
  it('a week runs Monday to Sunday; a month to its last day, February of a leap year included', () => {
    expect(weekEnd('2026-11-23')).toBe('2026-11-29');
    expect(weekEnd('2026-11-29')).toBe('2026-11-29');
    expect(weekEnd('2026-12-31')).toBe('2027-01-03');
    expect(monthEnd('2026-11-23')).toBe('2026-11-30');
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
  });

  it('"this month" is the rest of the month after this week; in the last week of a month, the next month', () => {
    expect(thisMonthEnd('2026-11-23')).toBe('2026-11-30');
    expect(thisMonthEnd('2026-11-30')).toBe('2026-12-31');
    const dec = myWorkSections([task(1, { status: 'dang_thuc_hien', nextDue: '2026-12-15' })], '2026-11-30', ME);
    expect(dec.dueThisMonth).toEqual([1]);
  });
});

describe('my work sections on 23/11/2026', () => {
  const tasks = [
    task(1, { status: 'qua_han', nextDue: '2026-10-31', assigneeIds: [ME] }),
    task(2, { status: 'sap_den_han', nextDue: '2026-11-27' }),
    task(3, { status: 'sap_den_han', nextDue: '2026-11-30', lastReportOn: null }),
    task(4, { status: 'dang_thuc_hien', nextDue: '2026-12-15', lastReportOn: '2026-10-01' }),
    task(5, { status: 'hoan_thanh_dung_han', nextDue: null, assigneeIds: [ME], lastReportOn: null }),
    task(6, { status: 'chua_xac_dinh_han', nextDue: null, assigneeIds: [ME], lastReportOn: '2026-10-24' }),
    task(7, { status: 'qua_han', nextDue: '2026-11-20', returned: true }),
  ];
  const sections = myWorkSections(tasks, AS_OF, ME);

  it('overdue, this week and this month do not overlap; done tasks are in none', () => {
    expect(sections.overdue).toEqual([1, 7]);
    expect(sections.dueThisWeek).toEqual([2]);
    expect(sections.dueThisMonth).toEqual([3]);
  });

  it('returned lists what the coordinator sent back, whatever its deadline', () => {
    expect(sections.returned).toEqual([7]);
  });

  it('assigned to me lists my open tasks only', () => {
    expect(sections.assignedToMe).toEqual([1, 6]);
  });

  it('waiting for an update: never reported, or last reported more than 30 days ago', () => {
    // 24/10 is exactly 30 days before: still fresh; 01/10 is not.
    expect(sections.waitingUpdate).toEqual([3, 4]);
  });
});
