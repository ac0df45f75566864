import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { TOverrideInput } from '../../contract';
import { type CalendarOverrides, createCalendar, holidaysOfYear, OFFICIAL_OVERRIDES, type WorkingCalendar } from '../../domain/calendar';
import type { Actor } from '../access/actor';
import { ensure, isCityAdmin } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Db, DbOrTx } from '../db';
import { calendarOverrides, communeVersions } from '../db/schema';
import { AppError, notFound } from '../errors';

async function overridesBetween(db: Db, from: string, to: string) {
  return db
    .select()
    .from(calendarOverrides)
    .where(and(gte(calendarOverrides.date, from), lte(calendarOverrides.date, to)))
    .orderBy(asc(calendarOverrides.date));
}

/**
 * The working-day calendar: the government's announced swaps (OFFICIAL_OVERRIDES),
 * then the administrators' list on top of them (later entries win, so an
 * administrator can correct an official swap).
 */
export async function loadCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  const rows = await db.select().from(calendarOverrides);
  const overrides: CalendarOverrides = rows.map((r) => ({ date: r.date, kind: r.kind, note: r.note ?? undefined }));
  return createCalendar([...OFFICIAL_OVERRIDES, ...overrides]);
}

export async function getYear(db: Db, year: number) {
  const overrides = await overridesBetween(db, `${year}-01-01`, `${year}-12-31`);
  const calendar = await loadCalendar(db);
  const official = OFFICIAL_OVERRIDES.filter((o) => o.date.startsWith(`${year}-`)).map((o) => ({ date: o.date, kind: o.kind, note: o.note ?? null }));
  return { year, holidays: holidaysOfYear(year), official, overrides, daysOff: calendar.daysOff(year) };
}

/**
 * A day off or a make-up working day moves every commune's statuses (working-day deadlines, due soon): the
 * commune versions, which the row triggers keep for one commune's writes, move for all of them here.
 */
const touchEveryCommune = (tx: DbOrTx) => tx.update(communeVersions).set({ version: sql`${communeVersions.version} + 1` });

export async function addOverride(db: Db, actor: Actor, input: TOverrideInput) {
  // The calendar is national: only a city-level administrator edits it.
  ensure(isCityAdmin(actor));
  const [clash] = await db.select().from(calendarOverrides).where(eq(calendarOverrides.date, input.date));
  if (clash) throw new AppError('duplicate', {}, undefined, 'Ngày này đã có trong danh sách điều chỉnh.');
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(calendarOverrides).values(input).returning();
    await touchEveryCommune(tx);
    await recordAudit(tx, actor, { cityId: actor.cityId, communeId: actor.communeId, entity: 'calendar', entityId: created.id, action: 'create', after: created });
    return created;
  });
}

export async function removeOverride(db: Db, actor: Actor, id: number): Promise<void> {
  ensure(isCityAdmin(actor));
  const [row] = await db.select().from(calendarOverrides).where(eq(calendarOverrides.id, id));
  if (!row) throw notFound();
  await db.transaction(async (tx) => {
    await tx.delete(calendarOverrides).where(eq(calendarOverrides.id, id));
    await touchEveryCommune(tx);
    await recordAudit(tx, actor, { cityId: actor.cityId, communeId: actor.communeId, entity: 'calendar', entityId: id, action: 'delete', before: row });
  });
}
