import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { TAuditAction, TAuditEntity, TAuditEntry, TAuditQuery } from '../../contract';
import type { Actor } from '../access/actor';
import { canSeeAudit, ensure } from '../access/policy';
import type { Db, DbOrTx } from '../db';
import { auditLog, communes, users } from '../db/schema';

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

export async function listAudit(db: Db, actor: Actor, query: TAuditQuery): Promise<TAuditEntry[]> {
  ensure(canSeeAudit(actor));
  const visibleCommunes =
    actor.communeId === null ? (await db.select({ id: communes.id }).from(communes).where(eq(communes.cityId, actor.cityId))).map((c) => c.id) : [actor.communeId];
  const filters: SQL[] = [eq(auditLog.cityId, actor.cityId)];
  if (actor.communeId !== null) filters.push(inArray(auditLog.communeId, visibleCommunes));
  if (query.communeId !== undefined) filters.push(eq(auditLog.communeId, query.communeId));
  if (query.entity) filters.push(eq(auditLog.entity, query.entity));
  if (query.entityId !== undefined) filters.push(eq(auditLog.entityId, query.entityId));
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
  return rows.map(({ actorId, actorName, at, ...rest }) => ({
    ...rest,
    at: at.toISOString(),
    actor: actorId === null ? null : { id: actorId, fullName: actorName ?? '' },
  }));
}
