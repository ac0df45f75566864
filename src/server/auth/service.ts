import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { translate } from '../../i18n';
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/service';
import type { Db } from '../db';
import { communes, sessions, units, users } from '../db/schema';
import { AppError, invalid } from '../errors';
import { publicUserColumns } from '../users/columns';
import { assertPasswordPolicy } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { assertNotThrottled, noteFailure, noteSuccess } from './throttle';

export interface SessionUser extends Actor {
  title: string | null;
  unitName: string | null;
  communeName: string | null;
  /** Until changed, the session reaches only /api/auth/me, logout and the change-password route. */
  mustChangePassword: boolean;
}

/** Who is trying to sign in, and when: the throttle keys and the clock. */
export interface Attempt {
  address: string;
  now: Date;
}

export const normaliseUsername = (username: string) => username.normalize('NFC').trim().toLowerCase();

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

// Checked against when the username is unknown, so both failures take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$mMfRtR/avPOYuye6f3Oepg$yDc+W5yN5gDTwQm3vkD6IpeNx++tA40UQuyMLSquqgY';

/**
 * Checks the password unless the account or the address is in a delay after repeated failures;
 * a failure lengthens both delays, a success clears the account's.
 */
export async function login(db: Db, username: string, password: string, sessionDays: number, attempt: Attempt): Promise<{ token: string; user: SessionUser }> {
  const account = normaliseUsername(username);
  const keys = { account, address: attempt.address };
  await assertNotThrottled(db, keys, attempt.now);
  const [found] = await db.select().from(users).where(eq(users.username, account));
  const ok = await verifyPassword(found?.passwordHash ?? DUMMY_HASH, password);
  if (!found || !ok || !found.active) {
    await noteFailure(db, keys, attempt.now);
    throw new AppError('invalid_credentials');
  }
  await noteSuccess(db, account, attempt.now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionDays * 86_400_000);
  await db.insert(sessions).values({ tokenHash: tokenHash(token), userId: found.id, expiresAt });
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  const user = await sessionUser(db, token);
  if (!user) throw new AppError('internal');
  return { token, user };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

export async function sessionUser(db: Db, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      ...publicUserColumns,
      unitName: units.name,
      communeName: communes.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(communes, eq(communes.id, users.communeId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, new Date())));
  if (!row?.active) return null;
  const { active: _active, ...user } = row;
  return user;
}

/** Ends every session of a user: after a password reset or deactivation. */
export async function endSessionsOf(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * A signed-in user replaces their own password: the current one is checked (a wrong one counts
 * as a failed sign-in), the new one must meet the policy; other sessions end, this one stays.
 */
export async function changeOwnPassword(db: Db, user: SessionUser, sessionToken: string, input: { currentPassword: string; newPassword: string }, attempt: Attempt): Promise<void> {
  const keys = { account: user.username, address: attempt.address };
  await assertNotThrottled(db, keys, attempt.now);
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await noteFailure(db, keys, attempt.now);
    throw invalid(translate('vi', 'error.password.wrongCurrent'));
  }
  if (input.newPassword === input.currentPassword) throw invalid(translate('vi', 'error.password.sameAsCurrent'));
  assertPasswordPolicy(input.newPassword, row);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, tokenHash(sessionToken))));
    await recordAudit(tx, user, { cityId: row.cityId, communeId: row.communeId, entity: 'user', entityId: user.id, action: 'change_password' });
  });
  await noteSuccess(db, keys.account, attempt.now);
}
