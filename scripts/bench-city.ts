/**
 * `npm run bench:city [-- --communes 3300]`: a city of N communes (about 40 tasks each — 36 of
 * the commune's annual plan, 4 from city directives each issued to every commune — with a year of progress
 * history and closed checkpoints), written with COPY. Measures the city overview (latency and
 * the SQL statements one call sends) and the commune dashboard against /api/auth/me
 * (requests per second at 10 connections, autocannon, same run). Last line: the JSON the issue asks for.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import autocannon from 'autocannon';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ZArea } from '../src/contract';
import { matchKey } from '../src/domain/text/normalize';
import { parseTimeframe } from '../src/domain/timeframe';
import { formatVietnameseDate } from '../src/domain/timeframe/dates';
import { translate } from '../src/i18n';
import { buildApp } from '../src/server/app';
import { systemClock } from '../src/server/clock';
import { applyMigrations, connectDatabase, ensureDatabase } from '../src/server/db';
import { startEmbeddedPostgres } from '../src/server/db/embedded';
import { cities, cityDirectives } from '../src/server/db/schema';
import { seededRandom } from '../src/server/test/seeded-random';
import { insertUser } from '../src/server/users/service';
import { latencies, percentile } from './bench-http';

const argValue = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const COMMUNES = Number(argValue('--communes') ?? process.env.BENCH_COMMUNES ?? 120);
const PLAN_TASKS = 36;
const CITY_TASKS = 4;
const UNITS = 5;
const CALLS = Number(process.env.BENCH_CALLS ?? (COMMUNES > 1000 ? 20 : 40));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PASSWORD = 'Bench@City2026';
const log = (message: string) => process.stderr.write(`${message}\n`);

const today = systemClock.today();
const year = Number(today.slice(0, 4));
const period = { start: `${year}-01-01`, end: `${year}-12-31` };
// Time frames as the seeds write them: single deadlines, quarters, recurring reports, and one with no deadline.
const FRAMES = [
  `Quý I/${year}`,
  `Quý II/${year}`,
  `Quý III/${year}`,
  `Quý IV/${year}`,
  `Tháng 3/${year}`,
  `Tháng 6/${year}`,
  `Tháng 9/${year}`,
  `Tháng 12/${year}`,
  'Hằng quý',
  'Hằng tháng',
  'Thường xuyên',
  `Trước ngày 15/10/${year}`,
].map((text) => ({ text, schedule: parseTimeframe(text, period) }));

const dataDir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-city-'));
const cluster = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir, port: 57000 + (process.pid % 1000) });
const url = process.env.DATABASE_URL ?? (cluster as NonNullable<typeof cluster>).url('cchc_bench_city');
await ensureDatabase(url);
const database = connectDatabase(url);
await applyMigrations(database.db);

/** COPY text format: tab-separated, \N for null, backslashes and control characters escaped. */
const cell = (v: unknown) => (v === null || v === undefined ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));
async function copy(pool: pg.Pool, table: string, columns: string[], rows: unknown[][]) {
  const client = await pool.connect();
  try {
    const lines = function* () {
      for (let i = 0; i < rows.length; i += 2000) {
        yield `${rows
          .slice(i, i + 2000)
          .map((r) => r.map(cell).join('\t'))
          .join('\n')}\n`;
      }
    };
    await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  } finally {
    client.release();
  }
}

async function generate() {
  const started = performance.now();
  const pool = database.pool;
  const [city] = await database.db.insert(cities).values({ name: 'Thành phố Hải Phòng (thử tải)', code: 'bench' }).returning();
  const r = seededRandom(11);
  const communeRows = Array.from({ length: COMMUNES }, (_, i) => {
    const name = `Xã thử tải ${String(i + 1).padStart(4, '0')}`;
    const code = `b${i + 1}`;
    return [i + 1, city.id, name, 'xa', code, matchKey(code), matchKey(name), 7];
  });
  await copy(pool, 'communes', ['id', 'city_id', 'name', 'kind', 'code', 'code_key', 'name_key', 'due_soon_days'], communeRows);
  // The city's tasks are its directives, each issued once to every commune: the rows createDirective writes.
  const directives = await database.db
    .insert(cityDirectives)
    .values(
      Array.from({ length: CITY_TASKS }, (_, k) => {
        const frame = FRAMES[k % FRAMES.length];
        return {
          cityId: city.id,
          number: `${k + 1}/UBND-NV`,
          issuedOn: period.start,
          area: ZArea.parse((k % 7) + 1),
          content: `Nhiệm vụ thành phố giao thử tải ${k + 1}`,
          timeframeText: frame.text,
          year,
        };
      }),
    )
    .returning();
  const unitRows: unknown[][] = [];
  const planRows: unknown[][] = [];
  const taskRows: unknown[][] = [];
  const taskUnitRows: unknown[][] = [];
  const completionRows: unknown[][] = [];
  const historyRows: unknown[][] = [];
  let taskId = 0;
  for (let c = 1; c <= COMMUNES; c++) {
    for (let u = 0; u < UNITS; u++) {
      const name = `Phòng ${u + 1} xã ${c}`;
      unitRows.push([(c - 1) * UNITS + u + 1, c, name, matchKey(name), 'internal']);
    }
    planRows.push([c, c, 'annual', `Kế hoạch cải cách hành chính năm ${year}`, `${c}/KH-UBND`, period.start, period.end, 'issued']);
    for (let t = 0; t < PLAN_TASKS + CITY_TASKS; t++) {
      taskId++;
      const city = t >= PLAN_TASKS;
      const directive = city ? directives[t - PLAN_TASKS] : null;
      const picked = FRAMES[Math.floor(r() * FRAMES.length)];
      const frame = directive ? (FRAMES.find((f) => f.text === directive.timeframeText) ?? picked) : picked;
      const roll = r();
      // A third done (some late), a third part-way, the rest not started.
      const progress = roll < 0.33 ? 100 : roll < 0.66 ? Math.floor(r() * 90) + 5 : 0;
      const due = frame.schedule.due;
      const doneAt = progress === 100 ? (due && r() < 0.7 ? due : today) : null;
      taskRows.push([
        taskId,
        c,
        city ? null : c,
        city ? 'city_assigned' : 'plan',
        directive ? translate('vi', 'directive.source', { number: directive.number, date: formatVietnameseDate(directive.issuedOn) }) : null,
        directive?.id ?? null,
        directive?.area ?? (t % 7) + 1,
        directive ? null : t + 1,
        directive ? 0 : t,
        directive?.content ?? `Nhiệm vụ thử tải ${t + 1} của xã ${c}`,
        frame.text,
        JSON.stringify(frame.schedule),
        period.start,
        period.end,
        progress,
        doneAt,
      ]);
      taskUnitRows.push([c, taskId, (c - 1) * UNITS + (t % UNITS) + 1, 'lead', 0]);
      // Recurring tasks: most past checkpoints closed.
      for (const due of frame.schedule.occurrences) {
        if (due < today && r() < 0.8) completionRows.push([c, taskId, due, due]);
      }
      // A year of progress reports: one a month up to today.
      for (let m = 1; m <= 12 && `${year}-${String(m).padStart(2, '0')}-28` <= today; m++) {
        if (progress > 0) historyRows.push([c, taskId, 1, `${year}-${String(m).padStart(2, '0')}-28T09:00:00+07`, 'progress', Math.round((progress * m) / 12), 'Báo cáo tiến độ']);
      }
    }
  }
  await copy(pool, 'units', ['id', 'commune_id', 'name', 'name_key', 'kind'], unitRows);
  await copy(pool, 'plans', ['id', 'commune_id', 'kind', 'title', 'number', 'period_start', 'period_end', 'status'], planRows);
  const taskColumns = [
    'id',
    'commune_id',
    'plan_id',
    'origin',
    'source_document',
    'directive_id',
    'area',
    'number',
    'position',
    'content',
    'timeframe_text',
    'schedule',
    'period_start',
    'period_end',
    'progress',
    'done_at',
  ];
  await copy(pool, 'tasks', taskColumns, taskRows);
  await copy(pool, 'task_units', ['commune_id', 'task_id', 'unit_id', 'role', 'position'], taskUnitRows);
  await copy(pool, 'task_occurrence_completions', ['commune_id', 'task_id', 'due', 'done_at'], completionRows);
  for (const table of ['communes', 'units', 'plans', 'tasks']) await pool.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  // People: the first commune's coordinator (dashboard) and the city's reviewer (overview); history needs an author.
  const coordinator = await insertUser(database.db, null, {
    username: 'bench.daumoi',
    fullName: 'Đầu mối thử tải',
    role: 'coordinator',
    communeId: 1,
    unitId: null,
    password: PASSWORD,
    cityId: city.id,
    title: null,
  });
  await insertUser(database.db, null, {
    username: 'bench.so',
    fullName: 'Chuyên viên Sở thử tải',
    role: 'city_reviewer',
    communeId: null,
    unitId: null,
    password: PASSWORD,
    cityId: city.id,
    title: null,
  });
  await copy(
    pool,
    'task_history',
    ['commune_id', 'task_id', 'user_id', 'at', 'kind', 'progress', 'note'],
    historyRows.map((h) => [h[0], h[1], coordinator.id, ...h.slice(3)]),
  );
  await pool.query('ANALYZE');
  log(
    `generated ${COMMUNES} communes, ${taskId} tasks, ${historyRows.length} history rows, ${completionRows.length} checkpoints in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return taskId;
}

const taskCount = await generate();
const app = await buildApp({ db: database.db, clock: systemClock, config: { uploadDir: dataDir, sessionDays: 1, secureCookies: false, logLevel: 'silent' }, logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });

async function signIn(username: string) {
  const response = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}
const reviewer = await signIn('bench.so');
const coordinator = await signIn('bench.daumoi');

/** SQL statements the pool sends while `work` runs (every query of the app goes through it). */
async function countStatements(work: () => Promise<unknown>) {
  const pool = database.pool as pg.Pool & { query: (...args: unknown[]) => unknown };
  const original = pool.query;
  let n = 0;
  pool.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args as never);
  } as typeof pool.query;
  try {
    await work();
  } finally {
    pool.query = original;
  }
  return n;
}

const pct = percentile;

/** With BENCH_PROFILE=<dir>: a CPU profile of each measured phase (<dir>/<name>.cpuprofile; summarise with scripts/cpu-profile-top.mjs). */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function rps(route: string, cookie: string) {
  const result = await autocannon({ url: `${address}${route}`, connections: 10, duration: SECONDS, headers: { cookie } });
  if (result.non2xx > 0) throw new Error(`${route}: ${result.non2xx} answers not 2xx`);
  return result.requests.average;
}

const overviewRoute = '/api/city/overview';
let probe = new Response(null, { status: 599 });
const coldStatements = await countStatements(async () => {
  probe = await fetch(`${address}${overviewRoute}`, { headers: { cookie: reviewer } });
});
const hasOverview = probe.status === 200;
await probe.arrayBuffer();
const overview = hasOverview ? await profiled('city-overview', () => latencies(address, overviewRoute, reviewer, { calls: CALLS, warmup: 3 })) : null;
const statements = hasOverview ? await countStatements(async () => (await fetch(`${address}${overviewRoute}`, { headers: { cookie: reviewer } })).arrayBuffer()) : null;
const plansStatements = await countStatements(async () => (await fetch(`${address}/api/plans`, { headers: { cookie: reviewer } })).arrayBuffer());
const dashboardStatements = await countStatements(async () => (await fetch(`${address}/api/dashboard`, { headers: { cookie: coordinator } })).arrayBuffer());
const authme = await profiled('authme', () => rps('/api/auth/me', coordinator));
const dashboard = await profiled('dashboard', () => rps('/api/dashboard', coordinator));

log(`${COMMUNES} communes, ${taskCount} tasks, loopback HTTP, ${CALLS} overview calls, autocannon ${SECONDS} s at 10 connections`);
if (overview)
  log(`GET ${overviewRoute}: p50 ${pct(overview, 50).toFixed(1)} ms, p95 ${pct(overview, 95).toFixed(1)} ms, ${statements} statements warm (${coldStatements} on a cold cache)`);
else log(`GET ${overviewRoute}: not served (${probe.status})`);
log(`GET /api/plans (reviewer, every commune): ${plansStatements} statements; GET /api/dashboard: ${dashboardStatements} statements`);
log(`GET /api/dashboard ${dashboard.toFixed(0)} req/s; GET /api/auth/me ${authme.toFixed(0)} req/s`);
const round = (n: number) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify({
    communes: COMMUNES,
    tasks: taskCount,
    city_overview_p50_ms: overview ? round(pct(overview, 50)) : null,
    city_overview_p95_ms: overview ? round(pct(overview, 95)) : null,
    city_overview_statements: statements,
    dashboard_rps: Math.round(dashboard),
    authme_rps: Math.round(authme),
    dashboard_vs_authme: Math.round((dashboard / authme) * 100) / 100,
  }),
);

await app.close();
await database.close();
await cluster?.stop();
rmSync(dataDir, { recursive: true, force: true });
