/**
 * The reminder sweep as a PostgreSQL-backed job (pg-boss): a cron schedule stored in
 * the database, so two app processes share one schedule and one sweep runs per tick.
 * The sweep itself is safe to run twice (each delivery is claimed once), so a retried
 * or duplicated job sends nothing again.
 */
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Clock } from '../clock';
import type { Db } from '../db';
import type { Mailer } from '../mail/mailer';
import { runReminders } from './service';

const QUEUE = 'reminders-sweep';
/** Every 30 minutes through the working day, Vietnam time: done notices arrive within the half hour. */
const CRON = '*/30 7-18 * * *';

export interface ReminderJobs {
  stop(): Promise<void>;
}

export async function startReminderJobs(options: {
  pool: pg.Pool;
  db: Db;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  log: (message: string, error?: unknown) => void;
}): Promise<ReminderJobs> {
  const boss = new PgBoss({ db: { executeSql: (text, values) => options.pool.query(text, values) } });
  boss.on('error', (error) => options.log('Hàng đợi công việc (pg-boss) gặp lỗi', error));
  await boss.start();
  await boss.createQueue(QUEUE);
  await boss.schedule(QUEUE, CRON, {}, { tz: 'Asia/Ho_Chi_Minh', singletonKey: QUEUE });
  await boss.work(QUEUE, async () => {
    const sent = await runReminders(options.db, { asOf: options.clock.today(), mailer: options.mailer, publicUrl: options.publicUrl });
    if (sent.length > 0) options.log(`Đã gửi ${sent.length} nhắc việc.`);
  });
  return { stop: () => boss.stop({ graceful: true, wait: true }) };
}
