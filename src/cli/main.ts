/**
 * `npm run cchc -- <command>`: the command-line face of cchc for operators and integrators.
 */

import { ROLES, ZRole } from '../contract/vocabulary';
import { parseTimeframe } from '../domain/timeframe';
import { type Clock, fixedClock, systemClock } from '../server/clock';
import type { Db } from '../server/db';

const HELP = `Cách dùng: npm run cchc -- <lệnh>
  timeframe "<văn bản>" --period 2025-07-01..2025-12-31   Phân tích thời gian thực hiện, in JSON
  import-plan <tệp> --json [--commune <id>]               Đọc kế hoạch từ tệp .docx/.pdf/.txt, in JSON
  indicators <tệp.csv> --from YYYY-MM-DD --to YYYY-MM-DD --as-of YYYY-MM-DD --json
                                                          Chỉ số hồ sơ TTHC từ tệp xuất (mẫu chuẩn), in JSON
  export-plan <tệp> --docx <tệp ra.docx> [--json]          Xuất kế hoạch thành văn bản Word theo Nghị định 30/2020
  inspection-dates --visit YYYY-MM-DD [--surprise] --json Hạn gửi thông báo và báo cáo trước ngày kiểm tra, in JSON
  migrate                                                 Áp dụng các migration vào cơ sở dữ liệu
  seed-demo                                               Nạp dữ liệu mẫu (khi cơ sở dữ liệu còn trống)
  create-user <tên đăng nhập> --name "<họ tên>" --role <vai trò> [--commune <id>] [--unit <id>] --password <mật khẩu>
  reset-password <tên đăng nhập> --password <mật khẩu>
  reminders run [--as-of YYYY-MM-DD] [--json]             Chạy quy tắc nhắc việc cho mọi xã/phường, in những gì đã gửi
  backup --out <tệp> [--json]                             Sao lưu toàn bộ dữ liệu vào một tệp (nén gzip)
  restore <tệp> [--json]                                  Khôi phục dữ liệu từ tệp sao lưu (thay toàn bộ dữ liệu; dừng máy chủ trước)`;

/** Loaded by the commands that need the database only (see server-modules.ts): the others start faster. */
const serverModules = () => import('./server-modules');

/** CCHC_TODAY=yyyy-mm-dd stops the clock, so a demo load or an import reads the same on any day. */
const clock: Clock = process.env.CCHC_TODAY ? fixedClock(process.env.CCHC_TODAY) : systemClock;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

function timeframe(args: string[]): number {
  const text = args[0];
  const period = option(args, 'period');
  const match = period ? /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(period) : null;
  if (text === undefined || !match) return fail('Cần văn bản thời gian và --period yyyy-mm-dd..yyyy-mm-dd');
  const schedule = parseTimeframe(text, { start: match[1], end: match[2] });
  const { kind, start, due, occurrences, warnings } = schedule;
  console.log(JSON.stringify({ text, kind, start, due, occurrences, warnings }));
  return 0;
}

async function withDatabase(work: (db: Db) => Promise<number>): Promise<number> {
  const { openDatabase, readConfig } = await serverModules();
  const database = await openDatabase(readConfig(), (message) => console.error(message));
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** The commune's units for `import-plan --commune`: opens the database only for this lookup. */
async function withUnits(communeId: number) {
  const { openDatabase, readConfig, unitRefsOfCommune } = await serverModules();
  const database = await openDatabase(readConfig(), (message) => console.error(message));
  try {
    return await unitRefsOfCommune(database.db, communeId);
  } finally {
    await database.close();
  }
}

async function createUserCommand(args: string[]): Promise<number> {
  const username = args[0];
  const fullName = option(args, 'name');
  const role = option(args, 'role');
  const password = option(args, 'password');
  if (!username || !fullName || !role || !password) return fail(`Thiếu tham số. ${HELP}`);
  const parsedRole = ZRole.safeParse(role);
  if (!parsedRole.success) return fail(`Vai trò "${role}" không có. Chọn một trong: ${ROLES.join(', ')}.`);
  const { passwordProblem, cities, communes, eq, insertUser } = await serverModules();
  const weak = passwordProblem(password, { username, fullName });
  if (weak) return fail(weak);
  return withDatabase(async (db) => {
    const communeId = option(args, 'commune') ? Number(option(args, 'commune')) : null;
    const [city] = communeId ? await db.select({ id: communes.cityId }).from(communes).where(eq(communes.id, communeId)) : await db.select({ id: cities.id }).from(cities).limit(1);
    if (!city) return fail('Chưa có thành phố/xã phường nào trong cơ sở dữ liệu (chạy seed-demo hoặc tạo trước).');
    const unitId = option(args, 'unit') ? Number(option(args, 'unit')) : null;
    const created = await insertUser(db, null, { username, fullName, role: parsedRole.data, communeId, unitId, password, cityId: city.id });
    console.log(`Đã tạo người dùng ${created.username} (id ${created.id}).`);
    return 0;
  });
}

async function resetPasswordCommand(args: string[]): Promise<number> {
  const username = args[0];
  const password = option(args, 'password');
  if (!username || !password) return fail('Cần tên đăng nhập và --password');
  const { users, eq, setPassword } = await serverModules();
  return withDatabase(async (db) => {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username.toLowerCase()));
    if (!user) return fail(`Không có người dùng "${username}".`);
    await setPassword(db, null, user.id, password);
    console.log(`Đã đặt lại mật khẩu cho ${username}.`);
    return 0;
  });
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'timeframe':
      return timeframe(args);
    case 'import-plan': {
      const { runImportPlan } = await import('./import-plan');
      if (!args.includes('--commune')) return runImportPlan(args);
      const loadUnits = (communeId: number) => withUnits(communeId);
      return runImportPlan(args, { loadUnits, clock });
    }
    case 'indicators': {
      const { runIndicators } = await import('./indicators');
      return runIndicators(args);
    }
    case 'export-plan': {
      const { runExportPlan } = await import('./export-plan');
      return runExportPlan(args, { clock });
    }
    case 'inspection-dates': {
      const { runInspectionDates } = await import('./inspection-dates');
      return runInspectionDates(args);
    }
    case 'migrate':
      return withDatabase(async () => {
        console.log('Đã áp dụng migration.');
        return 0;
      });
    case 'seed-demo': {
      const { loadDemoData } = await serverModules();
      return withDatabase(async (db) => {
        const logins = await loadDemoData(db, clock.today());
        console.log(logins ? `Đã nạp dữ liệu mẫu (${logins.length} tài khoản, mật khẩu ${logins[0].password}).` : 'Cơ sở dữ liệu đã có dữ liệu; không nạp lại.');
        return 0;
      });
    }
    case 'create-user':
      return createUserCommand(args);
    case 'reset-password':
      return resetPasswordCommand(args);
    case 'reminders': {
      const { remindersCommand } = await import('./reminders');
      const { readConfig } = await serverModules();
      return remindersCommand(args, readConfig(), withDatabase, clock);
    }
    case 'backup': {
      const { backupCommand } = await import('./backup');
      return backupCommand(args, withDatabase);
    }
    case 'restore': {
      const { restoreCommand } = await import('./backup');
      return restoreCommand(args, withDatabase);
    }
    default:
      console.log(HELP);
      return command ? 1 : 0;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
