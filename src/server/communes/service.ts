import { and, asc, eq, ne, or } from 'drizzle-orm';
import { matchKey } from '../../domain/text/normalize';
import type { Actor } from '../access/actor';
import { canReadCommune, ensure, isCityAdmin, type CommuneRef } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Db, DbOrTx } from '../db';
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

/** The API shape of a commune: its stored keys stay inside. */
function presentCommune(row: typeof communes.$inferSelect) {
  const { codeKey: _codeKey, nameKey: _nameKey, ...commune } = row;
  return commune;
}

/** Keys of the code and name: "tu-phap" and "tu-phap\u200b", "Tiên Lãng" and "tien lang" are the same. */
const keysOf = (input: Partial<Pick<CommuneInput, 'code' | 'name'>>) => ({
  ...(input.code === undefined ? {} : { codeKey: matchKey(input.code) }),
  ...(input.name === undefined ? {} : { nameKey: matchKey(input.name) }),
});

/** A code or name (of the same kind) already used in the city answers 409; the unique indexes settle races. */
async function assertFree(db: DbOrTx, cityId: number, input: { code: string; name: string; kind: string }, exceptId = 0) {
  const [clash] = await db
    .select({ code: communes.code, name: communes.name, codeKey: communes.codeKey })
    .from(communes)
    .where(
      and(
        eq(communes.cityId, cityId),
        ne(communes.id, exceptId),
        or(eq(communes.codeKey, matchKey(input.code)), and(eq(communes.kind, input.kind as 'xa' | 'phuong'), eq(communes.nameKey, matchKey(input.name)))),
      ),
    );
  if (!clash) return;
  if (clash.codeKey === matchKey(input.code)) throw new AppError('duplicate', {}, undefined, `Mã xã/phường "${input.code}" đã được dùng.`);
  throw new AppError('duplicate', {}, undefined, `Xã/phường "${input.name}" đã tồn tại.`);
}

export async function createCommune(db: Db, actor: Actor, input: CommuneInput) {
  ensure(isCityAdmin(actor));
  return db.transaction(async (tx) => {
    await assertFree(tx, actor.cityId, input);
    const [created] = await tx
      .insert(communes)
      .values({ ...input, codeKey: matchKey(input.code), nameKey: matchKey(input.name), cityId: actor.cityId })
      .returning();
    await recordAudit(tx, actor, { cityId: actor.cityId, communeId: created.id, entity: 'commune', entityId: created.id, action: 'create', after: presentCommune(created) });
    return presentCommune(created);
  });
}

export async function updateCommune(db: Db, actor: Actor, communeId: number, input: Partial<CommuneInput>) {
  const before = await requireCommune(db, actor, communeId);
  ensure(isCityAdmin(actor) || (actor.role === 'admin' && actor.communeId === communeId));
  return db.transaction(async (tx) => {
    if (input.code !== undefined || input.name !== undefined || input.kind !== undefined) {
      await assertFree(tx, before.cityId, { code: input.code ?? before.code, name: input.name ?? before.name, kind: input.kind ?? before.kind }, communeId);
    }
    const [after] = await tx.update(communes).set({ ...input, ...keysOf(input) }).where(eq(communes.id, communeId)).returning();
    await recordAudit(tx, actor, { cityId: before.cityId, communeId, entity: 'commune', entityId: communeId, action: 'update', before: presentCommune(before), after: presentCommune(after) });
    return presentCommune(after);
  });
}

export type { CommuneRef };
