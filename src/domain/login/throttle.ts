/**
 * Growing delays after failed sign-ins. Pure: the server keeps one state per account
 * and per client address in PostgreSQL and asks these rules what a new failure does.
 */

export interface ThrottlePolicy {
  /** Failures allowed before the first delay. */
  freeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this (counted from the last one) are forgotten. */
  forgetAfterMs: number;
}

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

/**
 * Per account: a few typos cost nothing, then 30 s, 1 min, 2 min … up to 15 min between guesses.
 * Per address: many more failures allowed (a whole office shares one address behind NAT), so only
 * someone spraying many accounts from one address is slowed.
 */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 30, baseDelayMs: 10_000, maxDelayMs: 5 * 60_000, forgetAfterMs: 60 * 60_000 };

/** The delay that follows the given number of consecutive failures (0 while still free). */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.baseDelayMs * 2 ** doublings, policy.maxDelayMs);
}

/** The state after one more failure at `now`. */
export function recordFailure(previous: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const forgotten = !previous || now.getTime() - previous.lastFailureAt.getTime() > policy.forgetAfterMs;
  const failures = forgotten ? 1 : previous.failures + 1;
  const delay = delayAfter(failures, policy);
  return { failures, lastFailureAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null };
}

/** Milliseconds still to wait before the next attempt is even checked (0 when free). */
export function waitRemaining(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, state.blockedUntil.getTime() - now.getTime());
}
