import { describe, expect, it } from 'vitest';
import { inForceOn, settledStatus } from './plan-life';

describe('a task in the version in force (seed 004: Tiên Lãng 2026, amended in June)', () => {
  const added = { addedOn: '2026-06-15', removedOn: null };
  const dropped = { addedOn: null, removedOn: '2026-06-15' };
  it('a task added by the June decision counts from that day, not before', () => {
    expect(inForceOn(added, '2026-06-14')).toBe(false);
    expect(inForceOn(added, '2026-06-15')).toBe(true);
  });
  it('a dropped task counts until the day before the decision', () => {
    expect(inForceOn(dropped, '2026-06-14')).toBe(true);
    expect(inForceOn(dropped, '2026-06-15')).toBe(false);
  });
  it('a task issued with the plan and never dropped always counts', () => {
    expect(inForceOn({ addedOn: null, removedOn: null }, '2025-01-01')).toBe(true);
  });
});

describe('closing a plan settles what was not done', () => {
  it('an overdue task of a closed plan is "không hoàn thành" from the closing day', () => {
    expect(settledStatus('qua_han', '2026-01-05', '2026-01-05')).toBe('khong_hoan_thanh');
    expect(settledStatus('qua_han', '2026-01-05', '2026-01-04')).toBe('qua_han');
  });
  it('done tasks keep their outcome; open plans change nothing', () => {
    expect(settledStatus('hoan_thanh_qua_han', '2026-01-05', '2026-03-01')).toBe('hoan_thanh_qua_han');
    expect(settledStatus('dang_thuc_hien', null, '2026-03-01')).toBe('dang_thuc_hien');
  });
});
