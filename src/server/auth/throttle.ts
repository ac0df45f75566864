/**
 * Failed sign-ins, kept in PostgreSQL so every app process sees the same counts.
 * One row per account (normalised username) and one per client address.
 */
import { and, eq, lt } from 'drizzle-orm';
import { ACCOUNT_POLICY, ADDRESS_POLICY, recordFailure, type ThrottlePolicy, waitRemaining } from '../../domain/login/throttle';
import { translate } from '../../i18n';
import type { Db } from '../db';
import { loginThrottle } from '../db/schema';
import { AppError } from '../errors';

export type Now = () => Date;

export interface ThrottleKeys {
  /** The normalised username, known or not (unknown names are throttled alike, so nothing leaks). */
  account: string;
  address: string;
}

type Scope = 'account' | 'address';
const POLICIES: Record<Scope, ThrottlePolicy> = { account: ACCOUNT_POLICY, address: ADDRESS_POLICY };

const entries = (keys: ThrottleKeys): [Scope, string][] => [
  ['account', keys.account],
  ['address', keys.address],
];

/** Refuses (429, with the wait in the message) while either the account or the address is in its delay. */
export async function assertNotThrottled(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
  let wait = 0;
  for (const [scope, key] of entries(keys)) {
    const [row] = await db
      .select()
      .from(loginThrottle)
      .where(and(eq(loginThrottle.scope, scope), eq(loginThrottle.key, key)));
    wait = Math.max(wait, waitRemaining(row ?? null, now));
  }
  if (wait > 0) throw new AppError('too_many_attempts', {}, { retryAfterSeconds: Math.ceil(wait / 1000) }, waitMessage(wait));
}

function waitMessage(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  if (seconds < 90) return translate('vi', 'error.login_wait_seconds', { n: seconds });
  return translate('vi', 'error.login_wait_minutes', { n: Math.ceil(seconds / 60) });
}

/** One more failure for the account and the address; the row is locked so concurrent processes count every one. */
export async function noteFailure(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [scope, key] of entries(keys)) {
      await tx.insert(loginThrottle).values({ scope, key, failures: 0, lastFailureAt: now }).onConflictDoNothing();
      const [row] = await tx
        .select()
        .from(loginThrottle)
        .where(and(eq(loginThrottle.scope, scope), eq(loginThrottle.key, key)))
        .for('update');
      const next = recordFailure(row.failures === 0 ? null : row, now, POLICIES[scope]);
      await tx
        .update(loginThrottle)
        .set(next)
        .where(and(eq(loginThrottle.scope, scope), eq(loginThrottle.key, key)));
    }
  });
}

/** A correct password clears the account's count (not the address's: one good login must not reset a spray). */
export async function noteSuccess(db: Db, account: string, now: Date): Promise<void> {
  await db.delete(loginThrottle).where(and(eq(loginThrottle.scope, 'account'), eq(loginThrottle.key, account)));
  const stale = new Date(now.getTime() - Math.max(ACCOUNT_POLICY.forgetAfterMs, ADDRESS_POLICY.forgetAfterMs));
  await db.delete(loginThrottle).where(lt(loginThrottle.lastFailureAt, stale));
}
