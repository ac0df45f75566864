import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { createCalendar, holidaysOfYear, type CalendarOverrides, type WorkingCalendar } from '../../domain/calendar';
import type { Actor } from '../access/actor';
import { ensure, isCityAdmin } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Db } from '../db';
import { calendarOverrides } from '../db/schema';
import { AppError, notFound } from '../errors';

async function overridesBetween(db: Db, from: string, to: string) {
  return db
    .select()
    .from(calendarOverrides)
    .where(and(gte(calendarOverrides.date, from), lte(calendarOverrides.date, to)))
    .orderBy(asc(calendarOverrides.date));
}

/** The working-day calendar with the administrators' list of swaps applied. */
export async function loadCalendar(db: Db): Promise<WorkingCalendar> {
  const rows = await db.select().from(calendarOverrides);
  const overrides: CalendarOverrides = rows.map((r) => ({ date: r.date, kind: r.kind, note: r.note ?? undefined }));
  return createCalendar(overrides);
}

export async function getYear(db: Db, year: number) {
  const overrides = await overridesBetween(db, `${year}-01-01`, `${year}-12-31`);
  const calendar = await loadCalendar(db);
  return { year, holidays: holidaysOfYear(year), overrides, daysOff: calendar.daysOff(year) };
}

export async function addOverride(db: Db, actor: Actor, input: { date: string; kind: 'day_off' | 'working_day'; note?: string }) {
  ensure(isCityAdmin(actor) || actor.role === 'admin');
  const [clash] = await db.select().from(calendarOverrides).where(eq(calendarOverrides.date, input.date));
  if (clash) throw new AppError('duplicate', {}, undefined, 'Ngày này đã có trong danh sách điều chỉnh.');
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(calendarOverrides).values(input).returning();
    await recordAudit(tx, actor, { cityId: actor.cityId, communeId: actor.communeId, entity: 'calendar', entityId: created.id, action: 'create', after: created });
    return created;
  });
}

export async function removeOverride(db: Db, actor: Actor, id: number): Promise<void> {
  ensure(isCityAdmin(actor) || actor.role === 'admin');
  const [row] = await db.select().from(calendarOverrides).where(eq(calendarOverrides.id, id));
  if (!row) throw notFound();
  await db.transaction(async (tx) => {
    await tx.delete(calendarOverrides).where(eq(calendarOverrides.id, id));
    await recordAudit(tx, actor, { cityId: actor.cityId, communeId: actor.communeId, entity: 'calendar', entityId: id, action: 'delete', before: row });
  });
}
