import type { ReminderSettings } from '../../domain/reminders/rules';
import type { Actor } from '../access/actor';
import { canManageCommune, ensure } from '../access/policy';
import { recordAudit } from '../audit/service';
import { requireCommune } from '../communes/service';
import type { Db } from '../db';
import { reminderSettings } from '../db/schema';
import { communeSettings } from './load';

export async function getReminderSettings(db: Db, actor: Actor, communeId: number) {
  const commune = await requireCommune(db, actor, communeId);
  return { ...(await communeSettings(db, communeId)), canEdit: canManageCommune(actor, commune) };
}

export async function updateReminderSettings(db: Db, actor: Actor, communeId: number, input: ReminderSettings) {
  const commune = await requireCommune(db, actor, communeId);
  ensure(canManageCommune(actor, commune));
  const before = await communeSettings(db, communeId);
  await db.transaction(async (tx) => {
    await tx
      .insert(reminderSettings)
      .values({ communeId, ...input })
      .onConflictDoUpdate({ target: reminderSettings.communeId, set: { ...input, updatedAt: new Date() } });
    await recordAudit(tx, actor, { cityId: commune.cityId, communeId, entity: 'commune', entityId: communeId, action: 'reminder_settings', before, after: input });
  });
  return { ...input, canEdit: true };
}
