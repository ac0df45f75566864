/**
 * Starts cchc: the database (embedded by default, or DATABASE_URL), migrations,
 * optionally the demo data, then the HTTP server. Ctrl-C stops both cleanly.
 */
import { mkdirSync } from 'node:fs';
import { buildApp } from './app';
import { systemClock } from './clock';
import { readConfig } from './config';
import { openDatabase } from './db/open';
import { loadDemoData } from './demo/load-demo';

async function main() {
  const config = readConfig();
  const withDemo = process.argv.includes('--demo');
  mkdirSync(config.uploadDir, { recursive: true });
  const database = await openDatabase(config, (message) => console.log(message));
  if (withDemo) {
    const logins = await loadDemoData(database.db, systemClock.today());
    if (logins) printLogins(logins);
    else console.log('Dữ liệu mẫu đã có sẵn (giữ nguyên dữ liệu hiện tại).');
  }
  const app = await buildApp({ db: database.db, clock: systemClock, config });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nNhận ${signal}: đang dừng ứng dụng và cơ sở dữ liệu…`);
    await app.close();
    await database.close();
    console.log('Đã dừng an toàn.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`\nCCHC đang chạy tại http://localhost:${config.port}  (API: http://localhost:${config.port}/api/docs)`);
}

function printLogins(logins: { username: string; password: string; role: string; fullName: string }[]) {
  console.log('\nTài khoản dùng thử (tên đăng nhập / mật khẩu — vai trò):');
  for (const login of logins) console.log(`  ${login.username.padEnd(14)} / ${login.password}  — ${login.role}: ${login.fullName}`);
}

main().catch((error: unknown) => {
  console.error('Không khởi động được CCHC:', error);
  process.exit(1);
});
