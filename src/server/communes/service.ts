import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { TCommune, TCommuneInput, TCommuneUpdate } from '../../contract';
import type { Actor } from '../access/actor';
import { canEditCommune, canReadCommune, communeRights, ensure, isCityAdmin, type CommuneRef } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Db } from '../db';
import { cities, communes } from '../db/schema';
import { AppError, notFound } from '../errors';

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

async function selectCommunes(db: Db, where: SQL) {
  return db.select(communeColumns).from(communes).innerJoin(cities, eq(cities.id, communes.cityId)).where(where).orderBy(asc(communes.name));
}

/** The API shape of a commune, with what the actor may do in it. */
function presentCommune(actor: Actor, row: Awaited<ReturnType<typeof selectCommunes>>[number]): TCommune {
  return { ...row, ...communeRights(actor, row) };
}

export async function listCommunes(db: Db, actor: Actor): Promise<TCommune[]> {
  const rows = await selectCommunes(db, eq(communes.cityId, actor.cityId));
  return rows.filter((row) => canReadCommune(actor, row)).map((row) => presentCommune(actor, row));
}

async function getCommune(db: Db, actor: Actor, communeId: number): Promise<TCommune> {
  const [row] = await selectCommunes(db, eq(communes.id, communeId));
  return presentCommune(actor, row);
}

export async function createCommune(db: Db, actor: Actor, input: TCommuneInput): Promise<TCommune> {
  ensure(isCityAdmin(actor));
  const created = await db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: communes.id }).from(communes).where(eq(communes.code, input.code));
    if (clash) throw new AppError('duplicate', {}, undefined, `Mã xã/phường "${input.code}" đã được dùng.`);
    const [created] = await tx.insert(communes).values({ ...input, cityId: actor.cityId }).returning();
    await recordAudit(tx, actor, { cityId: actor.cityId, communeId: created.id, entity: 'commune', entityId: created.id, action: 'create', after: created });
    return created;
  });
  return getCommune(db, actor, created.id);
}

export async function updateCommune(db: Db, actor: Actor, communeId: number, input: TCommuneUpdate): Promise<TCommune> {
  const before = await requireCommune(db, actor, communeId);
  ensure(canEditCommune(actor, before));
  await db.transaction(async (tx) => {
    if (input.code !== undefined && input.code !== before.code) {
      const [clash] = await tx.select({ id: communes.id }).from(communes).where(and(eq(communes.cityId, before.cityId), eq(communes.code, input.code)));
      if (clash) throw new AppError('duplicate', {}, undefined, `Mã xã/phường "${input.code}" đã được dùng.`);
    }
    const [after] = await tx.update(communes).set(input).where(eq(communes.id, communeId)).returning();
    await recordAudit(tx, actor, { cityId: before.cityId, communeId, entity: 'commune', entityId: communeId, action: 'update', before, after });
  });
  return getCommune(db, actor, communeId);
}

export type { CommuneRef };
