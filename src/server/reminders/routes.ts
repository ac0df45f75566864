import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZReminderSettings, ZReminderSettingsInput } from '../../contract/notifications';
import { actorOf } from '../auth/plugin';
import type { Db } from '../db';
import { getReminderSettings, updateReminderSettings } from './settings';

const ZParams = z.object({ communeId: z.coerce.number().int().positive().max(2_147_483_647) });

export const reminderRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/communes/:communeId/reminder-settings',
    { schema: { tags: ['reminders'], summary: 'Quy tắc nhắc việc của xã/phường', params: ZParams, response: { 200: ZReminderSettings } } },
    async (request) => getReminderSettings(db, actorOf(request), request.params.communeId),
  );
  app.put(
    '/api/communes/:communeId/reminder-settings',
    {
      schema: {
        tags: ['reminders'],
        summary: 'Sửa quy tắc nhắc việc (đầu mối CCHC, lãnh đạo, quản trị)',
        params: ZParams,
        body: ZReminderSettingsInput,
        response: { 200: ZReminderSettings },
      },
    },
    async (request) => updateReminderSettings(db, actorOf(request), request.params.communeId, request.body),
  );
};
