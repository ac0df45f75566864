import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TUnit, TUnitAlias, TUnitInput, TUnitUpdate } from '../../contract';
import { matchKey } from '../../domain/text/normalize';
import type { Actor } from '../access/actor';
import { type CommuneRef, canAdministerCommune, ensure } from '../access/policy';
import { recordAudit } from '../audit/service';
import { requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { unitAliases, units } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';

type UnitRow = typeof units.$inferSelect;
type AliasRow = typeof unitAliases.$inferSelect;

/** The API shape of a unit: its other names, and whether the actor may edit it (its stored key stays inside). */
function presentUnit(actor: Actor, commune: CommuneRef, row: UnitRow, aliases: AliasRow[]): TUnit {
  const { createdAt: _createdAt, nameKey: _nameKey, ...unit } = row;
  return {
    ...unit,
    aliases: aliases.filter((a) => a.unitId === unit.id).map((a) => ({ id: a.id, alias: a.alias })),
    canEdit: canAdministerCommune(actor, commune),
  };
}

/** What the audit log keeps of a unit: not its key. */
function auditView(row: UnitRow) {
  const { createdAt: _createdAt, nameKey: _nameKey, ...unit } = row;
  return unit;
}

async function aliasesOf(db: Db, communeId: number, unitId?: number) {
  const where = unitId === undefined ? eq(unitAliases.communeId, communeId) : and(eq(unitAliases.communeId, communeId), eq(unitAliases.unitId, unitId));
  return db.select().from(unitAliases).where(where).orderBy(asc(unitAliases.id));
}

async function assertNameFree(db: DbOrTx, communeId: number, name: string, exceptId?: number) {
  const [clash] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.communeId, communeId), eq(units.nameKey, matchKey(name))));
  if (clash && clash.id !== exceptId) throw new AppError('duplicate', {}, undefined, `Đơn vị "${name}" đã có.`);
}

export async function listUnits(db: Db, actor: Actor, communeId: number): Promise<TUnit[]> {
  const commune = await requireCommune(db, actor, communeId);
  const rows = await db.select().from(units).where(eq(units.communeId, communeId)).orderBy(asc(units.id));
  const aliases = await aliasesOf(db, communeId);
  return rows.map((unit) => presentUnit(actor, commune, unit, aliases));
}

async function requireUnit(db: Db, actor: Actor, unitId: number) {
  const [unit] = await db.select().from(units).where(eq(units.id, unitId));
  if (!unit) throw notFound();
  const commune = await requireCommune(db, actor, unit.communeId);
  return { unit, commune };
}

export async function createUnit(db: Db, actor: Actor, communeId: number, input: TUnitInput): Promise<TUnit> {
  const commune = await requireCommune(db, actor, communeId);
  ensure(canAdministerCommune(actor, commune));
  const created = await db.transaction(async (tx) => {
    // A concurrent create passes this check too; the unique index on (commune, name key) then answers 409.
    await assertNameFree(tx, communeId, input.name);
    const [created] = await tx
      .insert(units)
      .values({ ...input, communeId, nameKey: matchKey(input.name) })
      .returning();
    await recordAudit(tx, actor, { cityId: commune.cityId, communeId, entity: 'unit', entityId: created.id, action: 'create', after: auditView(created) });
    return created;
  });
  return presentUnit(actor, commune, created, []);
}

export async function updateUnit(db: Db, actor: Actor, unitId: number, input: TUnitUpdate): Promise<TUnit> {
  const { unit, commune } = await requireUnit(db, actor, unitId);
  ensure(canAdministerCommune(actor, commune));
  const updated = await db.transaction(async (tx) => {
    if (input.name !== undefined) await assertNameFree(tx, unit.communeId, input.name, unitId);
    const changes = input.name === undefined ? input : { ...input, nameKey: matchKey(input.name) };
    const [after] = await tx.update(units).set(changes).where(eq(units.id, unitId)).returning();
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: commune.id,
      entity: 'unit',
      entityId: unitId,
      action: 'update',
      before: auditView(unit),
      after: auditView(after),
    });
    return after;
  });
  return presentUnit(actor, commune, updated, await aliasesOf(db, commune.id, unitId));
}

export async function addAlias(db: Db, actor: Actor, unitId: number, alias: string): Promise<TUnitAlias> {
  const { unit, commune } = await requireUnit(db, actor, unitId);
  ensure(canAdministerCommune(actor, commune));
  const aliasKey = matchKey(alias);
  if (!aliasKey) throw invalid('Tên gọi khác không được để trống.');
  const [clash] = await db
    .select({ unitId: unitAliases.unitId })
    .from(unitAliases)
    .where(and(eq(unitAliases.communeId, unit.communeId), eq(unitAliases.aliasKey, aliasKey)));
  if (clash) throw new AppError('duplicate', {}, undefined, `Tên gọi "${alias}" đã được gán cho một đơn vị khác hoặc đã có.`);
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(unitAliases).values({ communeId: unit.communeId, unitId, alias: alias.trim(), aliasKey }).returning();
    await recordAudit(tx, actor, { cityId: commune.cityId, communeId: commune.id, entity: 'unit', entityId: unitId, action: 'add_alias', after: { alias: created.alias } });
    return { id: created.id, alias: created.alias };
  });
}

export async function removeAlias(db: Db, actor: Actor, aliasId: number): Promise<void> {
  const [alias] = await db.select().from(unitAliases).where(eq(unitAliases.id, aliasId));
  if (!alias) throw notFound();
  const { commune } = await requireUnit(db, actor, alias.unitId);
  ensure(canAdministerCommune(actor, commune));
  await db.transaction(async (tx) => {
    await tx.delete(unitAliases).where(eq(unitAliases.id, aliasId));
    await recordAudit(tx, actor, { cityId: commune.cityId, communeId: commune.id, entity: 'unit', entityId: alias.unitId, action: 'remove_alias', before: { alias: alias.alias } });
  });
}

/** Unit ids given in a request must belong to the commune the request is about. */
export async function assertUnitsOfCommune(db: Db, communeId: number, unitIds: number[]): Promise<void> {
  if (unitIds.length === 0) return;
  const found = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.communeId, communeId), inArray(units.id, unitIds)));
  if (found.length !== new Set(unitIds).size) throw invalid('Có đơn vị không thuộc xã/phường này.');
}

/** A commune's units as the importer's matcher needs them; for operator tools that act without a signed-in person. */
export async function unitRefsOfCommune(db: Db, communeId: number) {
  const rows = await db.select().from(units).where(eq(units.communeId, communeId)).orderBy(asc(units.id));
  const aliases = await db.select().from(unitAliases).where(eq(unitAliases.communeId, communeId));
  return rows.map((u) => ({ id: u.id, name: u.name, shortName: u.shortName, kind: u.kind, aliases: aliases.filter((a) => a.unitId === u.id).map((a) => a.alias) }));
}
