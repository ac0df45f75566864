import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, ADDRESS_POLICY, delayAfter, recordFailure, type ThrottleState, waitRemaining } from './throttle';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 8, 0, 0) + seconds * 1000);

describe('login throttle', () => {
  it('lets an account make five mistakes, then doubles the wait from 30 s up to 15 min', () => {
    expect([1, 4].map((n) => delayAfter(n, ACCOUNT_POLICY))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => delayAfter(n, ACCOUNT_POLICY) / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('allows an office address thirty failures before the first delay', () => {
    expect(delayAfter(29, ADDRESS_POLICY)).toBe(0);
    expect(delayAfter(30, ADDRESS_POLICY)).toBe(10_000);
    expect(delayAfter(1000, ADDRESS_POLICY)).toBe(5 * 60_000);
  });

  it('counts consecutive failures and blocks from the fifth', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 5; i++) state = recordFailure(state, at(i), ACCOUNT_POLICY);
    expect(state?.failures).toBe(5);
    expect(waitRemaining(state, at(4))).toBe(30_000);
    expect(waitRemaining(state, at(20))).toBe(14_000);
    expect(waitRemaining(state, at(34))).toBe(0);
  });

  it('forgets failures an hour after the last one', () => {
    const state: ThrottleState = { failures: 9, lastFailureAt: at(0), blockedUntil: at(480) };
    expect(recordFailure(state, at(3601), ACCOUNT_POLICY)).toEqual({ failures: 1, lastFailureAt: at(3601), blockedUntil: null });
    expect(recordFailure(state, at(3599), ACCOUNT_POLICY).failures).toBe(10);
  });

  it('a fresh key waits for nothing', () => {
    expect(waitRemaining(null, at(0))).toBe(0);
  });
});
