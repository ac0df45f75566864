/**
 * The people an inspection team is picked from (issue 13): the commune's active users, each with their
 * unit — a team gathers members from several units. Only the commune's managers (who form teams) ask.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { TTeamCandidateList } from '../../contract';
import type { Actor } from '../access/actor';
import { canManageCommune } from '../access/policy';
import { requireCommune } from '../communes/service';
import type { Db } from '../db';
import { units, users } from '../db/schema';
import { forbidden } from '../errors';

export async function listTeamCandidates(db: Db, actor: Actor, communeId: number): Promise<TTeamCandidateList> {
  const commune = await requireCommune(db, actor, communeId);
  if (!canManageCommune(actor, commune)) throw forbidden();
  const people = await db
    .select({ userId: users.id, fullName: users.fullName, title: users.title, unitId: users.unitId, unitName: units.name })
    .from(users)
    .leftJoin(units, and(eq(units.communeId, users.communeId), eq(units.id, users.unitId)))
    .where(and(eq(users.communeId, commune.id), eq(users.active, true)))
    .orderBy(asc(units.name), asc(users.fullName));
  return { people };
}
