/**
 * Runs the reminder rules for every commune on one day and delivers what is due.
 *
 * Exactly once: a delivery is first *claimed* by inserting its key (rule, task,
 * occurrence, recipient, channel) with ON CONFLICT DO NOTHING — only the process
 * whose insert succeeded goes on. In-app notifications are written in the same
 * transaction as the claim. E-mails are sent afterwards, one claimed row at a time
 * under FOR UPDATE SKIP LOCKED, and marked sent; a failed send is retried by a
 * later run (up to MAX_MAIL_ATTEMPTS), never by two processes at once.
 */
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { WorkingCalendar } from '../../domain/calendar';
import { findingRemindersDue } from '../../domain/inspection';
import { reportRemindersDue } from '../../domain/reminders/report-rules';
import { REPORT_REMINDER_RULES, type ReminderIntent, type ReminderRule, remindersDue } from '../../domain/reminders/rules';
import { formatVietnameseDate } from '../../domain/timeframe/dates';
import { translate } from '../../i18n';
import { loadCalendar } from '../calendar/service';
import type { Db } from '../db';
import { communes, notifications, reminderDeliveries, users } from '../db/schema';
import type { Mailer } from '../mail/mailer';
import { dueSoonOf } from '../tasks/read-model';
import { type CommuneReminderData, loadCommuneReminderData, type Person } from './load';

export const MAX_MAIL_ATTEMPTS = 5;

/** One delivery, as the CLI prints it. */
export interface SentReminder {
  rule: ReminderRule;
  /** The task; null for the weekly mails and for report reminders (whose subject, the report period, the CLI does not print). */
  taskId: number | null;
  occurrenceDue: string;
  recipient: string;
  channel: 'in_app' | 'email';
}

export interface RunOptions {
  asOf: string;
  mailer: Mailer;
  /** For links in e-mails. */
  publicUrl: string;
}

export async function runReminders(db: Db, options: RunOptions): Promise<SentReminder[]> {
  const calendar = await loadCalendar(db);
  const all = await db.select({ id: communes.id, dueSoonDays: communes.dueSoonDays }).from(communes).orderBy(asc(communes.id));
  const sent: SentReminder[] = [];
  for (const commune of all) sent.push(...(await claimCommune(db, commune, calendar, options)));
  sent.push(...(await deliverPendingMail(db, options)));
  return sent;
}

async function claimCommune(db: Db, commune: { id: number; dueSoonDays: number }, calendar: WorkingCalendar, options: RunOptions): Promise<SentReminder[]> {
  const data = await loadCommuneReminderData(db, commune.id, options.asOf, dueSoonOf(commune, calendar));
  const intents = [
    ...remindersDue({ asOf: options.asOf, settings: data.settings, dueSoonDays: commune.dueSoonDays, calendar, tasks: data.tasks, directory: data.directory }),
    ...reportRemindersDue({ asOf: options.asOf, settings: data.settings, calendar, deadlines: data.reportDeadlines, directory: data.directory }),
    ...findingRemindersDue({ asOf: options.asOf, settings: data.settings, calendar, findings: data.findingDeadlines, directory: data.directory }),
  ];
  if (intents.length === 0) return [];
  return db.transaction(async (tx) => {
    const rows = intents.flatMap((intent) => channelsFor(data.people.get(intent.recipientId)).map((channel) => ({ intent, channel })));
    const claimed = await tx
      .insert(reminderDeliveries)
      .values(
        rows.map(({ intent, channel }) => ({
          communeId: commune.id,
          rule: intent.rule,
          taskId: intent.taskId ?? 0,
          periodId: intent.periodId ?? 0,
          occurrenceDue: intent.occurrenceDue,
          recipientId: intent.recipientId,
          channel,
        })),
      )
      .onConflictDoNothing()
      .returning();
    const claimedInApp = new Set(claimed.filter((c) => c.channel === 'in_app').map((c) => deliveryKey(c)));
    const toNotify = intents.filter((intent) => claimedInApp.has(deliveryKey({ ...intent, taskId: intent.taskId ?? 0, periodId: intent.periodId ?? 0 })));
    if (toNotify.length > 0) {
      await tx.insert(notifications).values(toNotify.map((intent) => ({ communeId: commune.id, userId: intent.recipientId, ...notificationOf(intent, data) })));
      await tx
        .update(reminderDeliveries)
        .set({ sentAt: new Date() })
        .where(and(eq(reminderDeliveries.communeId, commune.id), eq(reminderDeliveries.channel, 'in_app'), isNull(reminderDeliveries.sentAt)));
    }
    return claimed
      .filter((c) => c.channel === 'in_app')
      .map((c) => ({
        rule: c.rule,
        taskId: c.taskId === 0 ? null : c.taskId,
        occurrenceDue: c.occurrenceDue,
        recipient: data.people.get(c.recipientId)?.username ?? String(c.recipientId),
        channel: 'in_app' as const,
      }));
  });
}

function channelsFor(person: Person | undefined): ('in_app' | 'email')[] {
  return person?.email && person.emailNotifications ? ['in_app', 'email'] : ['in_app'];
}

function deliveryKey(d: { rule: string; taskId: number; periodId: number; occurrenceDue: string; recipientId: number }): string {
  return `${d.rule}|${d.taskId}|${d.periodId}|${d.occurrenceDue}|${d.recipientId}`;
}

const isReportRule = (rule: ReminderRule) => (REPORT_REMINDER_RULES as readonly string[]).includes(rule);

/** Short enough for a title: the task's number and the start of its content. */
function taskLabel(data: CommuneReminderData, taskId: number): string {
  const task = data.loaded.get(taskId)?.row;
  if (!task) return `#${taskId}`;
  const content = task.content.length > 120 ? `${task.content.slice(0, 117)}…` : task.content;
  return task.number ? `${task.number}. ${content}` : content;
}

/** The notification of a rule: its catalogue title (cut to the column's 300) and body filled with `params`. */
function message(intent: ReminderIntent, about: { taskId: number | null | undefined; periodId: number | null }, params: Record<string, string | number>) {
  return {
    rule: intent.rule,
    taskId: about.taskId,
    periodId: about.periodId,
    occurrenceDue: intent.occurrenceDue,
    title: truncate(translate('vi', `notify.${intent.rule}.title`, params), 300),
    body: translate('vi', `notify.${intent.rule}.body`, params),
  };
}

export function notificationOf(intent: ReminderIntent, data: CommuneReminderData) {
  const due = formatVietnameseDate(intent.occurrenceDue);
  if (isReportRule(intent.rule)) {
    const period = data.periodLabels.get(intent.periodId ?? 0) ?? '';
    const units = (intent.unitIds ?? []).map((id) => data.unitNames.get(id) ?? `#${id}`).join(', ');
    // "Quý III năm 2026" inside a sentence: "báo cáo quý III năm 2026".
    const params = { due, period: period.charAt(0).toLocaleLowerCase('vi') + period.slice(1), units };
    return message(intent, { taskId: null, periodId: intent.periodId ?? null }, params);
  }
  if (intent.rule === 'finding_due' || intent.rule === 'finding_overdue') {
    const titles = new Map(data.findingDeadlines.map((f) => [f.id, f.title]));
    const ids = intent.findingIds ?? [];
    const units = (intent.unitIds ?? []).map((id) => data.unitNames.get(id) ?? `#${id}`).join(', ');
    const list = ids.map((id) => `- ${truncate(titles.get(id) ?? `#${id}`, 200)}`).join('\n');
    const params = { due, count: ids.length, units, list };
    return message(intent, { taskId: null, periodId: null }, params);
  }
  if (intent.rule === 'weekly_digest' || intent.rule === 'weekly_summary') {
    const ids = intent.taskIds ?? [];
    const list = ids.length > 0 ? ids.map((id) => `- ${taskLabel(data, id)}`).join('\n') : translate('vi', 'notify.weekly.none');
    const params = { week: due, count: ids.length, list };
    return message(intent, { taskId: null, periodId: null }, params);
  }
  const params = { due, task: taskLabel(data, intent.taskId ?? 0) };
  return message(intent, { taskId: intent.taskId, periodId: null }, params);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Sends every claimed e-mail not yet sent, each in its own transaction holding the row. */
async function deliverPendingMail(db: Db, options: RunOptions): Promise<SentReminder[]> {
  const sent: SentReminder[] = [];
  // A send that fails waits for the next run rather than being retried at once in this one.
  const runStarted = new Date();
  for (;;) {
    const result = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ delivery: reminderDeliveries, username: users.username, email: users.email })
        .from(reminderDeliveries)
        .innerJoin(users, eq(users.id, reminderDeliveries.recipientId))
        .where(
          and(
            eq(reminderDeliveries.channel, 'email'),
            isNull(reminderDeliveries.sentAt),
            lt(reminderDeliveries.attempts, MAX_MAIL_ATTEMPTS),
            or(isNull(reminderDeliveries.lastAttemptAt), lt(reminderDeliveries.lastAttemptAt, runStarted)),
          ),
        )
        .orderBy(asc(reminderDeliveries.communeId), asc(reminderDeliveries.id))
        .limit(1)
        .for('update', { of: reminderDeliveries, skipLocked: true });
      if (!row) return null;
      const { delivery } = row;
      const where = and(eq(reminderDeliveries.communeId, delivery.communeId), eq(reminderDeliveries.id, delivery.id));
      try {
        if (!row.email) throw new Error('no address');
        await options.mailer.send(await mailOf(tx, delivery, row.email, options.publicUrl));
        await tx
          .update(reminderDeliveries)
          .set({ sentAt: new Date(), lastAttemptAt: new Date(), attempts: sql`${reminderDeliveries.attempts} + 1` })
          .where(where);
        return {
          rule: delivery.rule,
          taskId: delivery.taskId === 0 ? null : delivery.taskId,
          occurrenceDue: delivery.occurrenceDue,
          recipient: row.username,
          channel: 'email' as const,
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await tx
          .update(reminderDeliveries)
          .set({ attempts: sql`${reminderDeliveries.attempts} + 1`, lastAttemptAt: new Date(), lastError: message.slice(0, 500) })
          .where(where);
        return 'failed' as const;
      }
    });
    if (result === null) return sent;
    if (result !== 'failed') sent.push(result);
  }
}

/** The e-mail repeats the in-app notification written with the same key. */
async function mailOf(tx: Parameters<Parameters<Db['transaction']>[0]>[0], delivery: typeof reminderDeliveries.$inferSelect, to: string, publicUrl: string) {
  const [note] = await tx
    .select({ title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(
      and(
        eq(notifications.communeId, delivery.communeId),
        eq(notifications.userId, delivery.recipientId),
        eq(notifications.rule, delivery.rule),
        delivery.taskId === 0 ? isNull(notifications.taskId) : eq(notifications.taskId, delivery.taskId),
        delivery.periodId === 0 ? isNull(notifications.periodId) : eq(notifications.periodId, delivery.periodId),
        eq(notifications.occurrenceDue, delivery.occurrenceDue),
      ),
    )
    .limit(1);
  const report = delivery.periodId !== 0;
  const inspection = delivery.rule === 'inspection_notice' || delivery.rule === 'finding_due' || delivery.rule === 'finding_overdue';
  const link = inspection ? `${publicUrl}/inspections` : report ? `${publicUrl}/reports` : delivery.taskId === 0 ? `${publicUrl}/` : `${publicUrl}/?task=${delivery.taskId}`;
  const footer = translate('vi', inspection ? 'notify.mail.footer_inspection' : report ? 'notify.mail.footer_report' : 'notify.mail.footer', { link });
  const title = note?.title ?? delivery.rule;
  return { to, subject: `[CCHC] ${title}`, text: `${note?.body ?? ''}\n\n${footer}` };
}
