import { and, desc, eq, inArray, not, or, type SQL, sql } from 'drizzle-orm';
import { AUDIT_PERSON_FIELDS, AUDIT_UNIT_FIELDS, type TAuditAction, type TAuditEntity, type TAuditEntry, type TAuditNames, type TAuditQuery } from '../../contract';
import type { Actor } from '../access/actor';
import { canSeeAudit, ensure } from '../access/policy';
import type { Db, DbOrTx } from '../db';
import { auditLog, communes, tasks, taskUnits, units, users } from '../db/schema';

export interface AuditEntry {
  cityId: number;
  communeId: number | null;
  entity: TAuditEntity;
  entityId: number;
  action: TAuditAction;
  before?: unknown;
  after?: unknown;
}

/** Written in the same transaction as the change it describes, so neither exists without the other. */
export async function recordAudit(tx: DbOrTx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    ...entry,
    actorId: actor?.id ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** `hiddenInspections`: surprise inspections the actor may not know of yet (inspections/coverage.ts). */
export async function listAudit(db: Db, actor: Actor, query: TAuditQuery, hiddenInspections: number[] = []): Promise<TAuditEntry[]> {
  ensure(canSeeAudit(actor));
  const visibleCommunes =
    actor.communeId === null ? (await db.select({ id: communes.id }).from(communes).where(eq(communes.cityId, actor.cityId))).map((c) => c.id) : [actor.communeId];
  const filters: SQL[] = [eq(auditLog.cityId, actor.cityId)];
  if (actor.communeId !== null) filters.push(inArray(auditLog.communeId, visibleCommunes));
  if (query.communeId !== undefined) filters.push(eq(auditLog.communeId, query.communeId));
  if (query.entity) filters.push(eq(auditLog.entity, query.entity));
  if (query.entityId !== undefined) filters.push(eq(auditLog.entityId, query.entityId));
  if (query.taskId !== undefined) filters.push(eq(auditLog.entity, 'task'), eq(auditLog.entityId, query.taskId));
  if (query.actorId !== undefined) filters.push(eq(auditLog.actorId, query.actorId));
  if (query.unitId !== undefined) filters.push(unitFilter(query.unitId));
  if (hiddenInspections.length) filters.push(not(and(eq(auditLog.entity, 'inspection'), inArray(auditLog.entityId, hiddenInspections)) as SQL));
  // The day as people in the commune lived it, not the UTC day.
  const day = sql`(${auditLog.at} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
  if (query.from) filters.push(sql`${day} >= ${query.from}::date`);
  if (query.to) filters.push(sql`${day} <= ${query.to}::date`);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.fullName,
      communeId: auditLog.communeId,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...filters))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit);
  const subjects = await taskSubjects(
    db,
    rows.filter((r) => r.entity === 'task').map((r) => r.entityId),
  );
  // The unit or person an entry is about is named too, so the log never says only "Đơn vị #12".
  const refs = rows.map((r) => ({
    units: [...idsIn(r, AUDIT_UNIT_FIELDS), ...(r.entity === 'unit' ? [r.entityId] : [])],
    people: [...idsIn(r, AUDIT_PERSON_FIELDS), ...(r.entity === 'user' ? [r.entityId] : [])],
    communes: r.entity === 'commune' ? [r.entityId] : [],
  }));
  const known = await referencedNames(db, actor.cityId, refs);
  return rows.map(({ actorId, actorName, at, ...rest }, i) => ({
    ...rest,
    at: at.toISOString(),
    actor: actorId === null ? null : { id: actorId, fullName: actorName ?? '' },
    task: rest.entity === 'task' ? (subjects.get(rest.entityId) ?? null) : null,
    names: {
      units: pick(known.units, refs[i].units),
      people: pick(known.people, refs[i].people),
      communes: pick(known.communes, refs[i].communes),
    },
  }));
}

/** The ids an entry's before/after hold in the given fields (a single id or a list). */
function idsIn(entry: { before: unknown; after: unknown }, fields: readonly string[]): number[] {
  const ids = new Set<number>();
  for (const side of [entry.before, entry.after]) {
    if (typeof side !== 'object' || side === null) continue;
    for (const field of fields) {
      const value = (side as Record<string, unknown>)[field];
      for (const id of Array.isArray(value) ? value : [value]) if (Number.isInteger(id) && id > 0) ids.add(id);
    }
  }
  return [...ids];
}

/** Names of every unit, person and commune the page of entries refers to: one query each, only within the actor's city. */
async function referencedNames(db: Db, cityId: number, refs: { units: number[]; people: number[]; communes: number[] }[]) {
  const all = (key: 'units' | 'people' | 'communes') => [...new Set(refs.flatMap((r) => r[key]))];
  const [unitIds, personIds, communeIds] = [all('units'), all('people'), all('communes')];
  const [unitRows, personRows, communeRows] = await Promise.all([
    unitIds.length === 0
      ? []
      : db
          .select({ id: units.id, name: units.name })
          .from(units)
          .innerJoin(communes, eq(communes.id, units.communeId))
          .where(and(eq(communes.cityId, cityId), inArray(units.id, unitIds))),
    personIds.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.fullName })
          .from(users)
          .where(and(eq(users.cityId, cityId), inArray(users.id, personIds))),
    communeIds.length === 0
      ? []
      : db
          .select({ id: communes.id, name: communes.name })
          .from(communes)
          .where(and(eq(communes.cityId, cityId), inArray(communes.id, communeIds))),
  ]);
  const byId = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return { units: byId(unitRows), people: byId(personRows), communes: byId(communeRows) };
}

function pick(names: Map<number, string>, ids: number[]): TAuditNames['units'] {
  const picked: Record<string, string> = {};
  for (const id of ids) {
    const name = names.get(id);
    if (name !== undefined) picked[String(id)] = name;
  }
  return picked;
}

/** Entries about the tasks a unit leads or coordinates, or about the unit itself. */
function unitFilter(unitId: number): SQL {
  const unitTasks = sql`SELECT ${taskUnits.taskId} FROM ${taskUnits} WHERE ${taskUnits.unitId} = ${unitId}`;
  return or(and(eq(auditLog.entity, 'task'), sql`${auditLog.entityId} IN (${unitTasks})`), and(eq(auditLog.entity, 'unit'), eq(auditLog.entityId, unitId))) as SQL;
}

/** Number and content of the tasks the entries name, in one query (a deleted task has none). */
async function taskSubjects(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, { number: number | null; content: string }>();
  const found = await db
    .select({ id: tasks.id, number: tasks.number, content: tasks.content })
    .from(tasks)
    .where(inArray(tasks.id, [...new Set(ids)]));
  return new Map(found.map(({ id, ...subject }) => [id, subject]));
}
