/**
 * The bell: a person's own notifications, unread first in count, newest first in
 * the list. Nobody reads another person's notifications, whatever their role.
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import type { Db } from '../db';
import { notifications, users } from '../db/schema';
import { notFound } from '../errors';

export async function listNotifications(db: Db, actor: Actor, options: { limit: number; unreadOnly: boolean }) {
  const mine = eq(notifications.userId, actor.id);
  const [items, [unread]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        rule: notifications.rule,
        taskId: notifications.taskId,
        periodId: notifications.periodId,
        occurrenceDue: notifications.occurrenceDue,
        title: notifications.title,
        body: notifications.body,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(options.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.limit),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return { unread: unread.n, items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })) };
}

export async function markRead(db: Db, actor: Actor, id: number): Promise<void> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)))
    .returning({ id: notifications.id });
  if (updated.length === 0) throw notFound();
}

export async function markAllRead(db: Db, actor: Actor): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}

export async function getPreferences(db: Db, actor: Actor) {
  const [row] = await db.select({ email: users.email, emailNotifications: users.emailNotifications }).from(users).where(eq(users.id, actor.id));
  return row;
}

/** A person may turn reminder e-mails off (and back on) for themselves; in-app notices stay. */
export async function setPreferences(db: Db, actor: Actor, input: { emailNotifications: boolean }) {
  await db.update(users).set({ emailNotifications: input.emailNotifications, updatedAt: new Date() }).where(eq(users.id, actor.id));
  return getPreferences(db, actor);
}
