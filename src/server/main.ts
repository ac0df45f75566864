/**
 * Starts cchc: the database (embedded by default, or DATABASE_URL), migrations,
 * optionally the demo data, then the HTTP server. Ctrl-C stops both cleanly.
 * While it runs, a lost database answers 503 and a dead embedded server is started again.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from './app';
import { systemClock } from './clock';
import { readConfig } from './config';
import { openDatabase } from './db/open';
import { loadDemoData } from './demo/load-demo';
import { createMailer } from './mail/mailer';
import { startReminderJobs } from './reminders/jobs';

async function main() {
  const config = readConfig();
  const withDemo = process.argv.includes('--demo');
  mkdirSync(config.uploadDir, { recursive: true });
  const logger = pino({ level: config.logLevel, name: 'database' });
  const database = await openDatabase(config, (message) => console.log(message), { supervise: logger });
  if (withDemo) {
    const logins = await loadDemoData(database.db, systemClock.today());
    if (logins) printLogins(logins);
    else console.log('Dữ liệu mẫu đã có sẵn (giữ nguyên dữ liệu hiện tại).');
  }
  const app = await buildApp({ db: database.db, clock: systemClock, config });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox') });
  const jobs = await startReminderJobs({
    pool: database.pool,
    db: database.db,
    clock: systemClock,
    mailer,
    publicUrl: config.publicUrl,
    log: (message, error) => app.log.info({ err: error }, message),
  });
  console.log(`Nhắc việc: hàng đợi pg-boss, thư gửi tới ${mailer.target}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nNhận ${signal}: đang dừng ứng dụng và cơ sở dữ liệu…`);
    await jobs.stop();
    await app.close();
    mailer.close();
    await database.close();
    console.log('Đã dừng an toàn.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const shownHost = listensEverywhere(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const origin = `http://${shownHost}:${config.port}`;
  console.log(`\nCCHC đang chạy tại ${origin}  (API: ${origin}/api/docs)`);
  if (config.host.startsWith('127.') || config.host === '::1') console.log('Chỉ nhận kết nối từ máy này; đặt HOST=0.0.0.0 (sau proxy HTTPS) để mở ra mạng.');
}

const listensEverywhere = (host: string) => host === '0.0.0.0' || host === '::';

function printLogins(logins: { username: string; password: string; role: string; fullName: string }[]) {
  console.log('\nTài khoản dùng thử (tên đăng nhập / mật khẩu — vai trò):');
  for (const login of logins) console.log(`  ${login.username.padEnd(14)} / ${login.password}  — ${login.role}: ${login.fullName}`);
}

main().catch((error: unknown) => {
  console.error('Không khởi động được CCHC:', error);
  process.exit(1);
});
