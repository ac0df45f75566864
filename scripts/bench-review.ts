/**
 * `npm run bench:review [-- --before DIR] [--runs N]`: the main-thread work Chromium spends putting
 * a 40-task import on the review screen, from choosing the file to the screen at rest.
 *
 * The server is the real app on the demo data (embedded PostgreSQL); the 40-task import is the
 * server's own reading of fixtures/import/004.docx (38 tasks) with its first two tasks repeated as
 * TT 39 and 40, answered to the page's upload so every run renders the same rows. The web app is
 * dist/web (built first if missing); `--before DIR` also measures another build (e.g. main's) in
 * the same browser, for a before/after. Prints JSON: medians of Chromium's Performance metrics.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type { TImportResult } from '../src/contract';
import { buildApp } from '../src/server/app';
import { systemClock } from '../src/server/clock';
import { applyMigrations, connectDatabase, ensureDatabase } from '../src/server/db';
import { startEmbeddedPostgres } from '../src/server/db/embedded';
import { DEMO_PASSWORD } from '../src/server/demo/communes';
import { loadDemoData } from '../src/server/demo/load-demo';

const { values: args } = parseArgs({ options: { before: { type: 'string' }, runs: { type: 'string', default: '5' }, web: { type: 'string', default: 'dist/web' } } });
const RUNS = Number(args.runs);
const FIXTURE = path.resolve('fixtures/import/004.docx');
const TASKS = 40;
const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount'] as const;
type Metric = (typeof METRICS)[number];

const webDir = path.resolve(args.web);
if (!existsSync(path.join(webDir, 'index.html'))) execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { stdio: 'inherit' });

const dataDir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-review-'));
const cluster = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir, port: 58000 + (process.pid % 1000) });
const url = process.env.DATABASE_URL ?? (cluster as NonNullable<typeof cluster>).url('cchc_bench_review');
await ensureDatabase(url);
const database = connectDatabase(url);
await applyMigrations(database.db);
await loadDemoData(database.db, systemClock.today());
const app = await buildApp({ db: database.db, clock: systemClock, config: { uploadDir: dataDir, sessionDays: 1, secureCookies: false, logLevel: 'silent' }, logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });

/** The server's reading of the fixture, grown to 40 tasks by repeating its first ones under new numbers. */
async function fortyTaskImport(): Promise<{ result: TImportResult; communeId: number; cookie: string }> {
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'daumoi', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const me = ((await (await fetch(`${address}/api/auth/me`, { headers: { cookie } })).json()) as { user: { communeId: number } }).user;
  const form = new FormData();
  form.append('file', new Blob([readFileSync(FIXTURE)]), path.basename(FIXTURE));
  const response = await fetch(`${address}/api/communes/${me.communeId}/imports`, { method: 'POST', headers: { cookie }, body: form });
  if (!response.ok) throw new Error(`import failed: ${response.status} ${await response.text()}`);
  const result = (await response.json()) as TImportResult;
  const extra = result.tasks.slice(0, TASKS - result.tasks.length).map((task, i) => ({ ...task, number: result.tasks.length + i + 1 }));
  return { result: { ...result, tasks: [...result.tasks, ...extra] }, communeId: me.communeId, cookie };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Serves the app's files from `dir` (index.html for client routes) and the import answer from `result`. */
async function route(page: Page, dir: string, result: TImportResult) {
  await page.route(
    (u) => u.origin === address,
    async (r) => {
      const { pathname } = new URL(r.request().url());
      if (r.request().method() === 'POST' && /\/imports$/.test(pathname)) return r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(result) });
      if (pathname.startsWith('/api/')) return r.continue();
      const file = path.join(dir, pathname);
      const target = pathname !== '/' && existsSync(file) ? file : path.join(dir, 'index.html');
      return r.fulfill({ status: 200, contentType: CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream', body: readFileSync(target) });
    },
  );
}

/** Waits until the page has had no long task for `quiet` ms (the screen is at rest). */
async function settle(page: Page, quiet = 400) {
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`new Promise((resolve) => {
    let timer;
    const observer = new PerformanceObserver(() => { clearTimeout(timer); timer = setTimeout(finish, ${quiet}); });
    function finish() { observer.disconnect(); resolve(); }
    timer = setTimeout(finish, ${quiet});
    observer.observe({ type: 'longtask' });
  })`);
}

async function measureOnce(page: Page, base: string): Promise<Record<Metric, number>> {
  await page.goto(`${base}/plans/import`);
  await page.getByTestId('import-upload').waitFor();
  await settle(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value])) as Record<string, number>;
  };
  const before = await read();
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(FIXTURE);
  await page
    .getByTestId('import-row')
    .nth(TASKS - 1)
    .waitFor({ timeout: 60_000 });
  await settle(page);
  const after = await read();
  await cdp.detach();
  const rows = await page.getByTestId('import-row').count();
  if (rows !== TASKS) throw new Error(`expected ${TASKS} rows on screen, saw ${rows}`);
  // Durations come in seconds: report milliseconds.
  return Object.fromEntries(METRICS.map((m) => [m, m.endsWith('Duration') ? Math.round((after[m] - before[m]) * 10000) / 10 : after[m] - before[m]])) as Record<Metric, number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { result, cookie } = await fortyTaskImport();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const builds: [string, string][] = [...(args.before ? [['before', path.resolve(args.before)] as [string, string]] : []), ['after', webDir]];
const out: Record<string, unknown> = { tasks: TASKS, runs: RUNS, viewport: '1440x900', unit: 'ms (durations), count (LayoutCount, RecalcStyleCount)' };
try {
  for (const [name, dir] of builds) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const [cookieName, cookieValue] = cookie.split('=');
    await context.addCookies([{ name: cookieName, value: cookieValue, url: address }]);
    const page = await context.newPage();
    await route(page, dir, result);
    await measureOnce(page, address); // warm-up: code and fonts cached, as for a second import
    const runs: Record<Metric, number>[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(page, address));
    out[name] = { web: dir, median: Object.fromEntries(METRICS.map((m) => [m, median(runs.map((r) => r[m]))])), runs };
    await context.close();
  }
  console.log(JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  await app.close();
  await database.close();
  await cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
