import { describe, expect, it } from 'vitest';
import { computeIndicators, isFinished, isOnTime, isOverdueOpen, isReceived, percent, windowBounds } from './formulas';
import { buildDossier as d } from './test-helpers';

const Q1 = { from: '2025-01-01', to: '2025-03-31', asOf: '2025-03-31' };
const { period, asOfEnd } = windowBounds(Q1);

describe('received: from 00:00 of `from` to the end of `to`', () => {
  it('takes both window edges and leaves out the minute after', () => {
    expect(isReceived(d({ received: '01/01/2025 00:00' }), period)).toBe(true);
    expect(isReceived(d({ received: '31/03/2025 23:59:59' }), period)).toBe(true);
    expect(isReceived(d({ received: '31/03/2025' }), period)).toBe(true);
    expect(isReceived(d({ received: '31/12/2024 23:59' }), period)).toBe(false);
    expect(isReceived(d({ received: '01/04/2025 00:00' }), period)).toBe(false);
  });

  it('leaves a withdrawn dossier out', () => {
    expect(isReceived(d({ received: '10/02/2025 08:00', status: 'withdrawn' }), period)).toBe(false);
  });
});

describe('finished: end in the window with a finishing status', () => {
  it('counts resolved, rejected / returned and stopped, not processing or withdrawn', () => {
    for (const status of ['resolved', 'rejected', 'stopped'] as const) {
      expect(isFinished(d({ ended: '20/01/2025 10:00', status }), period)).toBe(true);
    }
    expect(isFinished(d({ ended: '20/01/2025 10:00', status: 'processing' }), period)).toBe(false);
    expect(isFinished(d({ ended: '20/01/2025 10:00', status: 'withdrawn' }), period)).toBe(false);
  });

  it('takes the end, not the receipt, to place it in the window', () => {
    expect(isFinished(d({ received: '30/12/2024 08:00', appointment: '03/01/2025 17:00', ended: '02/01/2025 09:00' }), period)).toBe(true);
    expect(isFinished(d({ received: '25/03/2025 08:00', appointment: '03/04/2025 17:00', ended: '01/04/2025 00:00' }), period)).toBe(false);
  });
});

describe('on_time: end ≤ appointment', () => {
  it('is on time when it ended at the appointment minute, late the next morning', () => {
    expect(isOnTime(d({ appointment: '15/01/2025 17:00', ended: '15/01/2025 17:00' }), period)).toBe(true);
    expect(isOnTime(d({ appointment: '15/01/2025 17:00', ended: '15/01/2025 17:00:45' }), period)).toBe(true);
    expect(isOnTime(d({ appointment: '15/01/2025 17:00', ended: '15/01/2025 17:01' }), period)).toBe(false);
    expect(isOnTime(d({ appointment: '15/01/2025 17:00', ended: '16/01/2025 08:00' }), period)).toBe(false);
  });

  it('compares by day when either side gives only the day', () => {
    expect(isOnTime(d({ appointment: '15/01/2025', ended: '15/01/2025 22:10' }), period)).toBe(true);
    expect(isOnTime(d({ appointment: '15/01/2025 09:00', ended: '15/01/2025' }), period)).toBe(true);
    expect(isOnTime(d({ appointment: '15/01/2025', ended: '16/01/2025 00:00' }), period)).toBe(false);
  });
});

describe('overdue_open: open at the end of the as-of day with its appointment passed', () => {
  it('counts an open dossier whose appointment was on or before the as-of day', () => {
    expect(isOverdueOpen(d({ appointment: '31/03/2025 17:00' }), asOfEnd)).toBe(true);
    expect(isOverdueOpen(d({ appointment: '31/03/2025' }), asOfEnd)).toBe(true);
    expect(isOverdueOpen(d({ appointment: '01/04/2025 08:00' }), asOfEnd)).toBe(false);
  });

  it('counts a dossier that ended after the as-of day as open then, and one received before the window', () => {
    expect(isOverdueOpen(d({ appointment: '28/03/2025 17:00', ended: '02/04/2025 09:00' }), asOfEnd)).toBe(true);
    expect(isOverdueOpen(d({ received: '01/10/2024 08:00', appointment: '10/10/2024 17:00' }), asOfEnd)).toBe(true);
  });

  it('does not count one finished by the end of the as-of day, withdrawn, or received after it', () => {
    expect(isOverdueOpen(d({ appointment: '20/03/2025 17:00', ended: '31/03/2025 23:00' }), asOfEnd)).toBe(false);
    expect(isOverdueOpen(d({ appointment: '20/03/2025 17:00', status: 'withdrawn' }), asOfEnd)).toBe(false);
    expect(isOverdueOpen(d({ received: '01/04/2025 08:00', appointment: '31/03/2025' }), asOfEnd)).toBe(false);
  });
});

describe('percent', () => {
  it('has one decimal, rounds half up, and has no data on a zero denominator', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(49, 400)).toBe(12.3);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 7)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('computeIndicators', () => {
  const dossiers = [
    // received and finished on time, at the appointment minute
    d({
      channel: 'online_full',
      received: '02/01/2025 08:00',
      appointment: '10/01/2025 17:00',
      ended: '10/01/2025 17:00',
      hasFee: true,
      paidOnline: true,
      digitised: true,
      electronicResult: true,
      rating: 'very_satisfied',
    }),
    // finished the next morning: late
    d({
      channel: 'online_partial',
      received: '03/01/2025 08:00',
      appointment: '13/01/2025 17:00',
      ended: '14/01/2025 08:00',
      status: 'rejected',
      hasFee: true,
      paidOnline: false,
      digitised: false,
      electronicResult: false,
      rating: 'acceptable',
    }),
    // finished without a rating
    d({
      channel: 'direct',
      received: '05/02/2025 08:00',
      appointment: '10/02/2025 17:00',
      ended: '07/02/2025 10:00',
      status: 'stopped',
      hasFee: false,
      digitised: true,
      electronicResult: true,
    }),
    // open and overdue
    d({ channel: 'postal', received: '10/03/2025 08:00', appointment: '20/03/2025 17:00', hasFee: null }),
    // withdrawn: everywhere left out, though online, digitised, rated and overdue
    d({ channel: 'online_full', received: '11/03/2025 08:00', appointment: '12/03/2025 17:00', status: 'withdrawn', digitised: true, rating: 'satisfied' }),
  ];

  it('counts every figure by its rule', () => {
    expect(computeIndicators(dossiers, Q1)).toEqual({
      received: 4,
      finished: 3,
      on_time: 2,
      late: 1,
      on_time_pct: 66.7,
      overdue_open: 1,
      online_pct: 50,
      full_online_pct: 25,
      online_payment_pct: 50,
      digitised_pct: 50,
      e_result_pct: 66.7,
      satisfaction_pct: 50,
    });
  });

  it('gives null, never 0 or 100, for every rate without a denominator', () => {
    const open = [d({ received: '10/03/2025 08:00', appointment: '20/05/2025 17:00', hasFee: false })];
    expect(computeIndicators(open, Q1)).toMatchObject({
      received: 1,
      finished: 0,
      on_time_pct: null,
      e_result_pct: null,
      satisfaction_pct: null,
      online_payment_pct: null,
    });
    expect(computeIndicators([], Q1)).toMatchObject({ received: 0, online_pct: null, digitised_pct: null, full_online_pct: null });
  });

  it('leaves unrated finished dossiers out of the satisfaction base', () => {
    const finished = [d({ ended: '12/01/2025 10:00', rating: 'dissatisfied' }), d({ ended: '12/01/2025 10:00' }), d({ ended: '12/01/2025 10:00', rating: 'satisfied' })];
    expect(computeIndicators(finished, Q1).satisfaction_pct).toBe(50);
  });

  it('rates a received dossier with unknown fee out of the payment base', () => {
    const set = [d({ hasFee: null, paidOnline: true }), d({ hasFee: true, paidOnline: null }), d({ hasFee: true, paidOnline: true })];
    expect(computeIndicators(set, Q1).online_payment_pct).toBe(50);
  });
});
