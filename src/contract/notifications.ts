/** Notifications (the bell), e-mail preferences and a commune's reminder rules: request and response shapes. */
import { z } from 'zod';
import { REMINDER_RULES } from '../domain/reminders/rules';
import { zInt, zIntParam } from './common';

export const ZReminderRule = z.enum(REMINDER_RULES);

export const ZNotification = z.object({
  id: z.number(),
  rule: ZReminderRule,
  taskId: z.number().nullable(),
  /** A report reminder's report period (the bell opens the reports screen). */
  periodId: z.number().nullable(),
  occurrenceDue: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({ unread: z.number(), items: z.array(ZNotification) });
export type TNotificationList = z.infer<typeof ZNotificationList>;

/** `POST /api/notifications/read-all`: how many were marked. */
export const ZMarkedRead = z.object({ marked: z.number() });

export const ZNotificationQuery = z.object({
  limit: zIntParam(1, 200).default(50),
  unread: z.enum(['true', 'false']).default('false'),
});

export const ZMailPreferences = z.object({ email: z.string().nullable(), emailNotifications: z.boolean() });
export type TMailPreferences = z.infer<typeof ZMailPreferences>;
export const ZMailPreferencesInput = z.object({ emailNotifications: z.boolean() });

export const ZReminderSettingsInput = z.object({
  beforeDueWorkingDays: zInt(0, 30),
  onOverdue: z.boolean(),
  weeklyDigest: z.boolean(),
  weeklySummary: z.boolean(),
  doneNotice: z.boolean(),
  weeklyDay: zInt(1, 5),
  /** Periodic reports: first reminder N working days before a deadline (default 3); notices when one passes. */
  reportBeforeDueWorkingDays: zInt(0, 30).default(3),
  reportOnLate: z.boolean().default(true),
});
export type TReminderSettingsInput = z.infer<typeof ZReminderSettingsInput>;
export const ZReminderSettings = ZReminderSettingsInput.extend({ canEdit: z.boolean() });
export type TReminderSettings = z.infer<typeof ZReminderSettings>;
