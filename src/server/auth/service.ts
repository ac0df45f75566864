import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import type { Db } from '../db';
import { communes, sessions, units, users } from '../db/schema';
import { AppError } from '../errors';
import { publicUserColumns } from '../users/columns';
import { verifyPassword } from './passwords';

export interface SessionUser extends Actor {
  title: string | null;
  unitName: string | null;
  communeName: string | null;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

// Checked against when the username is unknown, so both failures take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$mMfRtR/avPOYuye6f3Oepg$yDc+W5yN5gDTwQm3vkD6IpeNx++tA40UQuyMLSquqgY';

export async function login(db: Db, username: string, password: string, sessionDays: number): Promise<{ token: string; user: SessionUser }> {
  const [found] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  const ok = await verifyPassword(found?.passwordHash ?? DUMMY_HASH, password);
  if (!found || !ok || !found.active) throw new AppError('invalid_credentials');
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
  if (!row || !row.active) return null;
  const { active: _active, ...user } = row;
  return user;
}

/** Ends every session of a user: after a password reset or deactivation. */
export async function endSessionsOf(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
