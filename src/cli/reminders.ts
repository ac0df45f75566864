/**
 * `reminders run --as-of YYYY-MM-DD --json`: runs the reminder rules for every commune as
 * if today were that date, delivers what is due and prints what was sent. Running it
 * again for the same date sends nothing: each delivery's key is recorded once.
 */
import path from 'node:path';
import { isIsoDate } from '../domain/calendar';
import { type Clock, systemClock } from '../server/clock';
import type { Config } from '../server/config';
import type { Db } from '../server/db';
import { createMailer } from '../server/mail/mailer';
import { runReminders } from '../server/reminders/service';
import { readCommandLine } from './args';

export async function remindersCommand(
  args: string[],
  config: Config,
  withDatabase: (work: (db: Db) => Promise<number>) => Promise<number>,
  clock: Clock = systemClock,
): Promise<number> {
  const line = readCommandLine(args, { 'as-of': { type: 'string' }, json: { type: 'boolean' } }, 1);
  if (typeof line === 'string' || line.positionals[0] !== 'run') {
    console.error(`${typeof line === 'string' ? `${line}\n` : ''}Cách dùng: reminders run [--as-of YYYY-MM-DD] [--json]`);
    return 2;
  }
  const asOf = line.values['as-of'] ?? clock.today();
  if (!isIsoDate(asOf)) {
    console.error(`Ngày --as-of không hợp lệ: "${asOf}" (cần ngày có thật dạng YYYY-MM-DD, ví dụ 2026-12-01).`);
    return 2;
  }
  const mailer = createMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox') });
  try {
    return await withDatabase(async (db) => {
      const sent = await runReminders(db, { asOf, mailer, publicUrl: config.publicUrl });
      if (line.values.json) console.log(JSON.stringify(sent));
      else console.log(`Đã gửi ${sent.length} nhắc việc cho ngày ${asOf} (thư: ${mailer.target}).`);
      return 0;
    });
  } finally {
    mailer.close();
  }
}
