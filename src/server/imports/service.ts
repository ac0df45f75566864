/**
 * Plan import: a document becomes a draft the officer reviews (nothing stored),
 * then the reviewed draft becomes a plan, its tasks, and any new units or aliases, in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { TImportResult, TReviewedPlan, TUnit, TUnitChoice } from '../../contract';
import { otherLocalities } from '../../domain/plans/identity';
import { matchKey } from '../../domain/text/normalize';
import { translate } from '../../i18n';
import { guessUnitKind, isImportError, type UnitRef, unitKey } from '../../importer';
import type { ParsePool } from '../../importer/parse-pool';
import type { Actor } from '../access/actor';
import { canManageCommune, ensure } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Clock } from '../clock';
import { requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { cities, unitAliases, units } from '../db/schema';
import { AppError, invalid } from '../errors';
import { findDuplicates, removeDraft } from '../plans/life';
import { getPlan, insertPlan, requirePlan } from '../plans/service';
import { insertTask } from '../tasks/commands';
import { listUnits } from '../units/service';

/** Who may import into a commune; checked before the upload is read, so a refused upload costs nothing. */
export async function authorizeImport(db: Db, actor: Actor, communeId: number) {
  const commune = await requireCommune(db, actor, communeId);
  ensure(canManageCommune(actor, commune));
  return commune;
}

/** The commune's units (with their aliases) as the importer's readers match a document's names against them. */
export async function importUnits(db: Db, actor: Actor, communeId: number): Promise<{ units: TUnit[]; refs: UnitRef[] }> {
  const all = await listUnits(db, actor, communeId);
  return { units: all, refs: all.map((u) => ({ id: u.id, name: u.name, shortName: u.shortName, kind: u.kind, aliases: u.aliases.map((a) => a.alias) })) };
}

/** Runs a read in the parse pool; a full queue and an unreadable document become the API's errors. */
export async function parseInPool<T>(parse: () => Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (error) {
    if (isImportError(error) && error.code === 'busy') throw new AppError('busy');
    if (isImportError(error)) throw new AppError('import_failed', { reason: error.message }, { code: error.code }, error.message);
    throw error;
  }
}

/** Reads an uploaded document into a draft in the parse pool (off this thread); `authorizeImport` must have passed. */
export async function analyseDocument(
  db: Db,
  clock: Clock,
  actor: Actor,
  pool: ParsePool,
  communeId: number,
  file: { fileName: string; data: Buffer; mimeType?: string },
): Promise<TImportResult> {
  const { refs } = await importUnits(db, actor, communeId);
  const referenceYear = Number(clock.today().slice(0, 4));
  const result = await parseInPool(() => pool.parse({ data: file.data, fileName: file.fileName, mimeType: file.mimeType, units: refs, referenceYear }));
  return flagAnalysis(db, communeId, await requireCommune(db, actor, communeId), result);
}

/**
 * Two keys, two jobs: `unitKey` (the importer's, abbreviations expanded) says which names in this
 * document mean the same unit; `matchKey` is what is stored and kept unique (unit names, aliases).
 */
async function resolveUnit(tx: DbOrTx, actor: Actor, communeId: number, cityId: number, choice: TUnitChoice, cache: Map<string, number>): Promise<number> {
  const key = unitKey(choice.name);
  const storedKey = matchKey(choice.name);
  const cached = cache.get(key);
  if (cached && !choice.unitId) return cached;
  if (choice.unitId) {
    const [unit] = await tx
      .select()
      .from(units)
      .where(and(eq(units.id, choice.unitId), eq(units.communeId, communeId)));
    if (!unit) throw invalid(`Đơn vị đã chọn cho "${choice.name}" không thuộc xã/phường này.`);
    if (choice.addAlias && storedKey) {
      const inserted = await tx.insert(unitAliases).values({ communeId, unitId: unit.id, alias: choice.name, aliasKey: storedKey }).onConflictDoNothing().returning();
      if (inserted.length) await recordAudit(tx, actor, { cityId, communeId, entity: 'unit', entityId: unit.id, action: 'add_alias', after: { alias: choice.name } });
    }
    cache.set(key, unit.id);
    return unit.id;
  }
  const [existing] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.communeId, communeId), eq(units.nameKey, storedKey)));
  if (existing) return existing.id;
  const [created] = await tx
    .insert(units)
    .values({ communeId, name: choice.name, nameKey: storedKey, kind: choice.newUnitKind ?? guessUnitKind(choice.name) })
    .returning();
  await tx.insert(unitAliases).values({ communeId, unitId: created.id, alias: choice.name, aliasKey: storedKey }).onConflictDoNothing();
  await recordAudit(tx, actor, { cityId, communeId, entity: 'unit', entityId: created.id, action: 'create', after: created });
  cache.set(key, created.id);
  return created.id;
}

/** The names in a document's header that are not this commune's (nor its city's). */
async function foreignLocalities(db: Db, commune: { name: string; cityId: number }, header: { issuer?: string | null; place?: string | null }) {
  const [city] = await db.select({ name: cities.name }).from(cities).where(eq(cities.id, commune.cityId));
  return otherLocalities(header, { commune: commune.name, city: city?.name ?? '' });
}

/** The analysis, told what the officer must settle before saving: another commune's document, a plan already stored. */
export async function flagAnalysis(db: Db, communeId: number, commune: { name: string; cityId: number }, result: TImportResult): Promise<TImportResult> {
  const found = await foreignLocalities(db, commune, { issuer: result.meta.issuer, place: result.meta.place });
  const warnings = found.length
    ? [...result.warnings, { code: 'other_commune' as const, message: translate('vi', 'plan.wrongCommune', { found: found.join('", "'), commune: commune.name }), task: null }]
    : result.warnings;
  const title = result.meta.title;
  const period = result.meta.period ?? result.period;
  const duplicates = title ? await findDuplicates(db, communeId, { number: result.meta.number, title, periodStart: period.start, periodEnd: period.end }) : [];
  return { ...result, warnings, duplicates };
}

/** A match refused unless the officer chose to replace it, and only a draft can be replaced. */
async function settleDuplicates(db: Db, communeId: number, reviewed: TReviewedPlan) {
  const duplicates = await findDuplicates(db, communeId, reviewed.plan);
  if (duplicates.length === 0) return [];
  const first = duplicates[0];
  if (reviewed.onDuplicate !== 'replace') {
    const text =
      first.reason === 'number'
        ? translate('vi', 'plan.duplicate.number', { number: first.number ?? '', title: first.title })
        : translate('vi', 'plan.duplicate.titlePeriod', { title: first.title });
    throw new AppError('duplicate', {}, { code: 'plan_duplicate', duplicates }, text);
  }
  if (duplicates.some((d) => d.status !== 'draft')) throw new AppError('conflict', {}, { code: 'plan_duplicate_issued', duplicates }, translate('vi', 'plan.duplicate.notDraft'));
  return duplicates;
}

export async function saveReviewedPlan(db: Db, clock: Clock, actor: Actor, communeId: number, reviewed: TReviewedPlan) {
  const commune = await requireCommune(db, actor, communeId);
  ensure(canManageCommune(actor, commune));
  if (reviewed.plan.periodStart > reviewed.plan.periodEnd) throw invalid('Ngày bắt đầu kỳ kế hoạch phải trước ngày kết thúc.');
  if (reviewed.tasks.some((t) => t.lead.length === 0)) throw invalid('Mỗi nhiệm vụ cần ít nhất một cơ quan chủ trì.');
  const found = await foreignLocalities(db, commune, { issuer: reviewed.plan.issuer, place: reviewed.place });
  if (found.length && !reviewed.confirmOtherCommune) {
    throw new AppError('conflict', {}, { code: 'other_commune', found }, translate('vi', 'plan.wrongCommune', { found: found.join('", "'), commune: commune.name }));
  }
  const replaced = await settleDuplicates(db, communeId, reviewed);
  const replacedPlans = await Promise.all(replaced.map((d) => requirePlan(db, actor, d.id)));
  const planId = await db.transaction(async (tx) => {
    for (const { plan: old } of replacedPlans) await removeDraft(tx, actor, commune.cityId, old, { replacedByImport: true, title: old.title, number: old.number });
    const plan = await insertPlan(tx, actor, commune.cityId, { ...reviewed.plan, status: 'draft', communeId });
    const cache = new Map<string, number>();
    const period = { start: reviewed.plan.periodStart, end: reviewed.plan.periodEnd };
    for (const [position, task] of reviewed.tasks.entries()) {
      const lead: number[] = [];
      for (const choice of task.lead) lead.push(await resolveUnit(tx, actor, communeId, commune.cityId, choice, cache));
      const coordinators: number[] = [];
      for (const choice of task.coordinators) coordinators.push(await resolveUnit(tx, actor, communeId, commune.cityId, choice, cache));
      await insertTask(
        tx,
        actor,
        { communeId, planId: plan.id, origin: 'plan', sourceDocument: null, period, position },
        {
          area: task.area,
          number: task.number ?? null,
          content: task.content,
          leadUnitIds: [...new Set(lead)],
          coordinatorUnitIds: [...new Set(coordinators)].filter((id) => !lead.includes(id)),
          timeframeText: task.timeframeText,
          product: task.product ?? '',
        },
        commune.cityId,
      );
    }
    return plan.id;
  });
  return getPlan(db, actor, planId, clock.today());
}
