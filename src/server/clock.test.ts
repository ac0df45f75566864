import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock, systemClock } from './clock';

afterEach(() => vi.useRealTimers());

describe('the clock', () => {
  it('the system clock’s today is the date at UTC+7, whatever the server’s zone', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-30T16:59:59Z')); // 23:59:59 in Hà Nội
    expect(systemClock.today()).toBe('2026-11-30');
    vi.setSystemTime(new Date('2026-11-30T17:00:00Z')); // midnight in Hà Nội, still the 30th in London
    expect(systemClock.today()).toBe('2026-12-01');
    vi.setSystemTime(new Date('2026-12-31T18:30:00Z'));
    expect(systemClock.today()).toBe('2027-01-01');
  });

  it('a fixed clock stays on its day, at 09:00 there', () => {
    const clock = fixedClock('2026-11-23');
    expect(clock.today()).toBe('2026-11-23');
    expect(clock.now().toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(() => fixedClock('23/11/2026')).toThrow(/not an ISO date/);
  });
});
