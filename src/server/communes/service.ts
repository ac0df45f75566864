import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import { canReadCommune, ensure, isCityAdmin, type CommuneRef } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Db } from '../db';
import { cities, communes } from '../db/schema';
import { AppError, notFound } from '../errors';

export interface CommuneInput {
  name: string;
  kind: 'xa' | 'phuong';
  code: string;
  dueSoonDays?: number;
}

const communeColumns = {
  id: communes.id,
  cityId: communes.cityId,
  cityName: cities.name,
  name: communes.name,
  kind: communes.kind,
  code: communes.code,
  dueSoonDays: communes.dueSoonDays,
};

/** The commune a request names, after checking the actor may read it; unknown and foreign look the same. */
export async function requireCommune(db: Db, actor: Actor, communeId: number) {
  const [commune] = await db.select().from(communes).where(eq(communes.id, communeId));
  if (!commune || !canReadCommune(actor, commune)) throw notFound();
  return commune;
}

export async function listCommunes(db: Db, actor: Actor) {
  const rows = await db
    .select(communeColumns)
    .from(communes)
    .innerJoin(cities, eq(cities.id, communes.cityId))
    .where(eq(communes.cityId, actor.cityId))
    .orderBy(asc(communes.name));
  return rows.filter((row) => canReadCommune(actor, row));
}

export async function createCommune(db: Db, actor: Actor, input: CommuneInput) {
  ensure(isCityAdmin(actor));
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: communes.id }).from(communes).where(eq(communes.code, input.code));
    if (clash) throw new AppError('duplicate', {}, undefined, `Mã xã/phường "${input.code}" đã được dùng.`);
    const [created] = await tx.insert(communes).values({ ...input, cityId: actor.cityId }).returning();
    await recordAudit(tx, actor, { cityId: actor.cityId, communeId: created.id, entity: 'commune', entityId: created.id, action: 'create', after: created });
    return created;
  });
}

export async function updateCommune(db: Db, actor: Actor, communeId: number, input: Partial<CommuneInput>) {
  const before = await requireCommune(db, actor, communeId);
  ensure(isCityAdmin(actor) || (actor.role === 'admin' && actor.communeId === communeId));
  return db.transaction(async (tx) => {
    if (input.code !== undefined && input.code !== before.code) {
      const [clash] = await tx.select({ id: communes.id }).from(communes).where(and(eq(communes.cityId, before.cityId), eq(communes.code, input.code)));
      if (clash) throw new AppError('duplicate', {}, undefined, `Mã xã/phường "${input.code}" đã được dùng.`);
    }
    const [after] = await tx.update(communes).set(input).where(eq(communes.id, communeId)).returning();
    await recordAudit(tx, actor, { cityId: before.cityId, communeId, entity: 'commune', entityId: communeId, action: 'update', before, after });
    return after;
  });
}

export type { CommuneRef };
