/**
 * Notices sent the moment something happens (a completion returned to its unit), through the
 * same exactly-once deliveries as the scheduled reminders: the in-app notification is written
 * with its claimed delivery in the caller's transaction, and the e-mail is claimed unsent for
 * the next run's mail pass to send.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { ReminderRule } from '../../domain/reminders/rules';
import type { DbOrTx } from '../db';
import { notifications, reminderDeliveries, users } from '../db/schema';
import { anyOf } from '../tasks/read-model';

export interface ImmediateNotice {
  communeId: number;
  rule: ReminderRule;
  /** 0 when the notice is about no task (a report period, or a commune's work as a whole). */
  taskId: number;
  /** The report period it is about, if any. */
  periodId?: number;
  /** Part of the delivery key: the same notice about the same day goes out once. */
  occurrenceDue: string;
  recipientIds: number[];
  title: string;
  body: string;
}

/** Writes the notice to each active recipient once; returns the ids of those told in the app. */
export async function sendImmediateNotice(tx: DbOrTx, notice: ImmediateNotice): Promise<number[]> {
  return sendImmediateNotices(tx, [notice]);
}

/** Rows per insert: well under PostgreSQL's 65,535 bind parameters for a city-wide batch. */
const CHUNK = 1000;
const chunks = <T>(rows: T[]): T[][] => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Many notices at once (a city directive reaching every commune): the same exactly-once writes as
 * one notice, in a few statements whatever the number of communes.
 */
export async function sendImmediateNotices(tx: DbOrTx, notices: ImmediateNotice[]): Promise<number[]> {
  const ids = [...new Set(notices.flatMap((n) => n.recipientIds))];
  if (ids.length === 0) return [];
  const people = await tx
    .select({ id: users.id, email: users.email, emailNotifications: users.emailNotifications })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  const personOf = new Map(people.map((p) => [p.id, p]));
  const keyed = notices.map((notice) => ({
    notice,
    key: { communeId: notice.communeId, rule: notice.rule, taskId: notice.taskId, periodId: notice.periodId ?? 0, occurrenceDue: notice.occurrenceDue },
  }));
  const rows = keyed.flatMap(({ notice, key }) =>
    [...new Set(notice.recipientIds)].flatMap((id) => {
      const p = personOf.get(id);
      if (!p) return [];
      return [
        { ...key, recipientId: p.id, channel: 'in_app' as const, sentAt: new Date() },
        ...(p.email && p.emailNotifications ? [{ ...key, recipientId: p.id, channel: 'email' as const, sentAt: null }] : []),
      ];
    }),
  );
  const claimed = [];
  for (const chunk of chunks(rows)) claimed.push(...(await tx.insert(reminderDeliveries).values(chunk).onConflictDoNothing().returning()));
  const toldKeys = new Set(claimed.filter((c) => c.channel === 'in_app').map((c) => `${c.communeId}|${c.rule}|${c.taskId}|${c.periodId}|${c.occurrenceDue}|${c.recipientId}`));
  const written = keyed.flatMap(({ notice, key }) => {
    // The bell keeps NULL for "no task / no period", as the mail pass expects when it looks the notice up.
    const subject = { taskId: notice.taskId === 0 ? null : notice.taskId, periodId: notice.periodId ?? null };
    return [...new Set(notice.recipientIds)]
      .filter((userId) => toldKeys.has(`${key.communeId}|${key.rule}|${key.taskId}|${key.periodId}|${key.occurrenceDue}|${userId}`))
      .map((userId) => ({ ...key, ...subject, userId, title: notice.title.slice(0, 300), body: notice.body }));
  });
  for (const chunk of chunks(written)) await tx.insert(notifications).values(chunk);
  return [...new Set(written.map((w) => w.userId))];
}

/** Each commune's active coordinators and leaders, who answer for it to the city (requests, directives), in one statement. */
export async function communeAnswerers(tx: DbOrTx, communeIds: number[]): Promise<Map<number, number[]>> {
  const rows = await tx
    .select({ id: users.id, communeId: users.communeId })
    .from(users)
    .where(and(anyOf(users.communeId, communeIds), inArray(users.role, ['coordinator', 'leader']), eq(users.active, true)));
  const out = new Map<number, number[]>();
  for (const r of rows) if (r.communeId !== null) out.set(r.communeId, [...(out.get(r.communeId) ?? []), r.id]);
  return out;
}
