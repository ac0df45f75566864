import { and, asc, eq, type SQL } from 'drizzle-orm';
import { CITY_LEVEL_ROLES, type TRole, type TUser, type TUserCreate, type TUserUpdate, UNIT_ROLES } from '../../contract';
import { matchKey } from '../../domain/text/normalize';
import type { Actor } from '../access/actor';
import { canAdministerCommune, ensure, isCityAdmin } from '../access/policy';
import { recordAudit } from '../audit/service';
import { assertPasswordPolicy } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { endSessionsOf } from '../auth/service';
import { requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { sessions, units, users } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';
import { publicUserColumns } from './columns';

/** A new account: what the API accepts, plus `active` for operator tools. */
export type UserInput = TUserCreate & { active?: boolean };

/** What the audit log keeps of a user: never the password hash. */
const auditView = (user: typeof users.$inferSelect) => {
  const { passwordHash: _hash, usernameKey: _key, ...rest } = user;
  return rest;
};

const CITY_ROLES = new Set<TRole>(CITY_LEVEL_ROLES);
const UNIT_ROLE_SET = new Set<TRole>(UNIT_ROLES);

/** Where a role may sit: city roles at the city, commune roles in a commune, unit roles in one of its units. */
async function checkRolePlacement(db: DbOrTx, role: TRole, communeId: number | null, unitId: number | null) {
  if (communeId === null) {
    if (!CITY_ROLES.has(role)) throw invalid('Người dùng vai trò này phải thuộc một xã/phường.');
    if (unitId !== null) throw invalid('Đơn vị không thuộc xã/phường đã chọn.');
    return;
  }
  if (role === 'city_reviewer') throw invalid('Cán bộ Sở Nội vụ không thuộc xã/phường.');
  if (UNIT_ROLE_SET.has(role) && unitId === null) throw invalid('Trưởng đơn vị và cán bộ đơn vị phải thuộc một đơn vị.');
  if (unitId !== null) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.communeId, communeId), eq(units.id, unitId)));
    if (!unit) throw invalid('Đơn vị không thuộc xã/phường đã chọn.');
  }
}

/** May the actor place a user there? City-level users are the city administrator's; others their commune's administrators'. */
async function checkPlacement(db: Db, actor: Actor, role: TRole, communeId: number | null, unitId: number | null) {
  if (communeId === null) {
    await checkRolePlacement(db, role, communeId, unitId);
    return ensure(isCityAdmin(actor));
  }
  ensure(canAdministerCommune(actor, await requireCommune(db, actor, communeId)));
  await checkRolePlacement(db, role, communeId, unitId);
}

export async function listUsers(db: Db, actor: Actor, communeId?: number): Promise<TUser[]> {
  ensure(actor.role === 'admin');
  const filters: SQL[] = [eq(users.cityId, actor.cityId)];
  if (actor.communeId !== null) filters.push(eq(users.communeId, actor.communeId));
  if (communeId !== undefined) filters.push(eq(users.communeId, communeId));
  return db
    .select(publicUserColumns)
    .from(users)
    .where(and(...filters))
    .orderBy(asc(users.username));
}

export async function createUser(db: Db, actor: Actor, input: TUserCreate): Promise<TUser> {
  const communeId = input.communeId ?? null;
  const unitId = input.unitId ?? null;
  await checkPlacement(db, actor, input.role, communeId, unitId);
  return insertUser(db, actor, { ...input, communeId, unitId, cityId: actor.cityId });
}

/** Also used by the CLI, the demo loader and test factories, which act without a signed-in person: the rules hold for them too. */
export async function insertUser(db: DbOrTx, actor: Actor | null, input: UserInput & { cityId: number }): Promise<TUser> {
  await checkRolePlacement(db, input.role, input.communeId ?? null, input.unitId ?? null);
  assertPasswordPolicy(input.password, input);
  const username = input.username.trim().toLowerCase();
  // "daumoi.ap" and "DAUMOI-AP" would be told apart by no one reading them: one key, one user.
  const usernameKey = matchKey(username);
  if (!usernameKey) throw invalid('Tên đăng nhập phải có ít nhất một chữ cái hoặc chữ số.');
  const [clash] = await db.select({ id: users.id }).from(users).where(eq(users.usernameKey, usernameKey));
  if (clash) throw new AppError('duplicate', {}, undefined, `Tên đăng nhập "${username}" đã có người dùng.`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ ...input, username, usernameKey, passwordHash, communeId: input.communeId ?? null, unitId: input.unitId ?? null })
      .returning();
    await recordAudit(tx, actor, { cityId: created.cityId, communeId: created.communeId, entity: 'user', entityId: created.id, action: 'create', after: auditView(created) });
    const { passwordHash: _hash, usernameKey: _key, createdAt: _c, updatedAt: _u, ...rest } = created;
    return rest;
  });
}

async function requireUser(db: Db, actor: Actor, userId: number) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.cityId !== actor.cityId) throw notFound();
  if (user.communeId === null) ensure(isCityAdmin(actor));
  else ensure(canAdministerCommune(actor, await requireCommune(db, actor, user.communeId)));
  return user;
}

export async function updateUser(db: Db, actor: Actor, userId: number, input: TUserUpdate): Promise<TUser> {
  const before = await requireUser(db, actor, userId);
  const role = input.role ?? before.role;
  const communeId = input.communeId === undefined ? before.communeId : input.communeId;
  const unitId = input.unitId === undefined ? before.unitId : input.unitId;
  await checkPlacement(db, actor, role, communeId, unitId);
  if (userId === actor.id && input.active === false) throw invalid('Bạn không thể tự khóa tài khoản của mình.');
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    await recordAudit(tx, actor, {
      cityId: after.cityId,
      communeId: after.communeId,
      entity: 'user',
      entityId: userId,
      action: 'update',
      before: auditView(before),
      after: auditView(after),
    });
    if (input.active === false) await tx.delete(sessions).where(eq(sessions.userId, userId));
    const { passwordHash: _hash, usernameKey: _key, createdAt: _c, updatedAt: _u, ...rest } = after;
    return rest;
  });
}

/** An administrator (or the CLI) sets a user's password; optionally the user must change it at the next sign-in. */
export async function setPassword(db: Db, actor: Actor | null, userId: number, password: string, options: { mustChangePassword?: boolean } = {}): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound();
  if (actor) await requireUser(db, actor, userId);
  assertPasswordPolicy(password, user);
  const passwordHash = await hashPassword(password);
  const mustChangePassword = options.mustChangePassword ?? false;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, actor, { cityId: user.cityId, communeId: user.communeId, entity: 'user', entityId: userId, action: 'reset_password', after: { mustChangePassword } });
  });
  await endSessionsOf(db, userId);
}
