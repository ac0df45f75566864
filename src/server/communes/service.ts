import { and, asc, eq, ne, or, type SQL } from 'drizzle-orm';
import type { TCommune, TCommuneInput, TCommuneUpdate } from '../../contract';
import { matchKey } from '../../domain/text/normalize';
import type { Actor } from '../access/actor';
import { type CommuneRef, canEditCommune, canReadCommune, communeRights, ensure, isCityAdmin } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Db, DbOrTx } from '../db';
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

/** The API shape of a commune, with what the actor may do in it (its stored keys stay inside). */
function presentCommune(actor: Actor, row: Awaited<ReturnType<typeof selectCommunes>>[number]): TCommune {
  return { ...row, ...communeRights(actor, row) };
}

/** What the audit log keeps of a commune: not its keys. */
function auditView(row: typeof communes.$inferSelect) {
  const { codeKey: _codeKey, nameKey: _nameKey, ...commune } = row;
  return commune;
}

export async function listCommunes(db: Db, actor: Actor): Promise<TCommune[]> {
  const rows = await selectCommunes(db, eq(communes.cityId, actor.cityId));
  return rows.filter((row) => canReadCommune(actor, row)).map((row) => presentCommune(actor, row));
}

async function getCommune(db: Db, actor: Actor, communeId: number): Promise<TCommune> {
  const [row] = await selectCommunes(db, eq(communes.id, communeId));
  return presentCommune(actor, row);
}

/** Keys of the code and name: "tu-phap" and "tu-phap\u200b", "Tiên Lãng" and "tien lang" are the same. */
const keysOf = (input: TCommuneUpdate) => ({
  ...(input.code === undefined ? {} : { codeKey: matchKey(input.code) }),
  ...(input.name === undefined ? {} : { nameKey: matchKey(input.name) }),
});

/** A code or name (of the same kind) already used in the city answers 409; the unique indexes settle races. */
async function assertFree(db: DbOrTx, cityId: number, input: { code: string; name: string; kind: TCommuneInput['kind'] }, exceptId = 0) {
  const [clash] = await db
    .select({ code: communes.code, name: communes.name, codeKey: communes.codeKey })
    .from(communes)
    .where(
      and(
        eq(communes.cityId, cityId),
        ne(communes.id, exceptId),
        or(eq(communes.codeKey, matchKey(input.code)), and(eq(communes.kind, input.kind), eq(communes.nameKey, matchKey(input.name)))),
      ),
    );
  if (!clash) return;
  if (clash.codeKey === matchKey(input.code)) throw new AppError('duplicate', {}, undefined, `Mã xã/phường "${input.code}" đã được dùng.`);
  throw new AppError('duplicate', {}, undefined, `Xã/phường "${input.name}" đã tồn tại.`);
}

export async function createCommune(db: Db, actor: Actor, input: TCommuneInput): Promise<TCommune> {
  ensure(isCityAdmin(actor));
  const created = await db.transaction(async (tx) => {
    await assertFree(tx, actor.cityId, input);
    const [created] = await tx
      .insert(communes)
      .values({ ...input, codeKey: matchKey(input.code), nameKey: matchKey(input.name), cityId: actor.cityId })
      .returning();
    await recordAudit(tx, actor, { cityId: actor.cityId, communeId: created.id, entity: 'commune', entityId: created.id, action: 'create', after: auditView(created) });
    return created;
  });
  return getCommune(db, actor, created.id);
}

export async function updateCommune(db: Db, actor: Actor, communeId: number, input: TCommuneUpdate): Promise<TCommune> {
  const before = await requireCommune(db, actor, communeId);
  ensure(canEditCommune(actor, before));
  await db.transaction(async (tx) => {
    if (input.code !== undefined || input.name !== undefined || input.kind !== undefined) {
      await assertFree(tx, before.cityId, { code: input.code ?? before.code, name: input.name ?? before.name, kind: input.kind ?? before.kind }, communeId);
    }
    const [after] = await tx
      .update(communes)
      .set({ ...input, ...keysOf(input) })
      .where(eq(communes.id, communeId))
      .returning();
    await recordAudit(tx, actor, {
      cityId: before.cityId,
      communeId,
      entity: 'commune',
      entityId: communeId,
      action: 'update',
      before: auditView(before),
      after: auditView(after),
    });
  });
  return getCommune(db, actor, communeId);
}

export type { CommuneRef };
