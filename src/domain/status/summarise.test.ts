import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDone, summarise, summariseCounts } from './summarise';
import type { Status } from './types';
import { STATUSES } from './types';

describe('summarise', () => {
  it('counts each status and the headline figures', () => {
    const statuses: Status[] = ['hoan_thanh_dung_han', 'hoan_thanh_dung_han', 'hoan_thanh_qua_han', 'qua_han', 'sap_den_han', 'dang_thuc_hien', 'chua_xac_dinh_han'];
    expect(summarise(statuses)).toEqual({
      byStatus: {
        chua_thuc_hien: 0,
        dang_thuc_hien: 1,
        sap_den_han: 1,
        qua_han: 1,
        cho_xac_nhan: 0,
        hoan_thanh_dung_han: 2,
        hoan_thanh_qua_han: 1,
        chua_xac_dinh_han: 1,
        khong_hoan_thanh: 0,
      },
      total: 7,
      done: 3,
      overdue: 1,
      dueSoon: 1,
      awaitingConfirmation: 0,
      undetermined: 1,
      completionRate: 42.9, // 3/7 = 42.857…
    });
  });

  it('rounds the completion rate to one decimal', () => {
    expect(summarise(['hoan_thanh_dung_han', 'qua_han', 'qua_han']).completionRate).toBe(33.3);
    expect(summarise(['hoan_thanh_dung_han', 'hoan_thanh_qua_han', 'qua_han']).completionRate).toBe(66.7);
    // 49/400 = 12.25 %: half rounds up despite binary floating point.
    const statuses: Status[] = [...Array<Status>(49).fill('hoan_thanh_dung_han'), ...Array<Status>(351).fill('qua_han')];
    expect(summarise(statuses).completionRate).toBe(12.3);
  });

  it('an empty list has a 0 % completion rate rather than NaN', () => {
    expect(summarise([])).toMatchObject({ total: 0, done: 0, completionRate: 0 });
  });

  it('counts add up for any list', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES), { maxLength: 200 }), (statuses) => {
        const s = summarise(statuses);
        expect(Object.values(s.byStatus).reduce((a, b) => a + b, 0)).toBe(s.total);
        expect(s.done).toBe(statuses.filter(isDone).length);
        expect(s.completionRate).toBeGreaterThanOrEqual(0);
        expect(s.completionRate).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('summariseCounts', () => {
  it('on summaries added up, gives what summarise gives on the lists joined (the city totals)', () => {
    const list = fc.array(fc.constantFrom(...STATUSES), { maxLength: 100 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        const [x, y] = [summarise(a).byStatus, summarise(b).byStatus];
        const added = Object.fromEntries(STATUSES.map((s) => [s, x[s] + y[s]])) as typeof x;
        expect(summariseCounts(added)).toEqual(summarise([...a, ...b]));
      }),
    );
  });
});

describe('isDone', () => {
  it('is true exactly for the two completed statuses', () => {
    expect(STATUSES.filter(isDone)).toEqual(['hoan_thanh_dung_han', 'hoan_thanh_qua_han']);
  });
});

describe('waiting for confirmation', () => {
  it('is counted on its own and not as done', () => {
    const s = summarise(['cho_xac_nhan', 'hoan_thanh_dung_han', 'qua_han']);
    expect(s).toMatchObject({ total: 3, done: 1, awaitingConfirmation: 1, completionRate: 33.3 });
  });
});
