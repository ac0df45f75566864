/**
 * `reminders run --as-of YYYY-MM-DD --json`: runs the reminder rules for every commune as
 * if today were that date, delivers what is due and prints what was sent. Running it
 * again for the same date sends nothing: each delivery's key is recorded once.
 */
import path from 'node:path';
import { isIsoDate } from '../domain/calendar';
import { todayInVietnam } from '../server/clock';
import type { Config } from '../server/config';
import type { Db } from '../server/db';
import { createMailer } from '../server/mail/mailer';
import { runReminders } from '../server/reminders/service';

export async function remindersCommand(args: string[], config: Config, withDatabase: (work: (db: Db) => Promise<number>) => Promise<number>): Promise<number> {
  if (args[0] !== 'run') {
    console.error('Cách dùng: reminders run [--as-of YYYY-MM-DD] [--json]');
    return 1;
  }
  const index = args.indexOf('--as-of');
  const asOf = index >= 0 ? args[index + 1] : todayInVietnam();
  if (!asOf || !isIsoDate(asOf)) {
    console.error(`Ngày --as-of không hợp lệ: "${asOf ?? ''}" (cần dạng YYYY-MM-DD, ví dụ 2026-12-01).`);
    return 1;
  }
  const mailer = createMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox') });
  try {
    return await withDatabase(async (db) => {
      const sent = await runReminders(db, { asOf, mailer, publicUrl: config.publicUrl });
      if (args.includes('--json')) console.log(JSON.stringify(sent));
      else console.log(`Đã gửi ${sent.length} nhắc việc cho ngày ${asOf} (thư: ${mailer.target}).`);
      return 0;
    });
  } finally {
    mailer.close();
  }
}
