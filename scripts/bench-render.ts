/**
 * `npm run bench:render [-- --runs 5]`: the commune dashboard's first render in Chromium (/usr/bin/chromium).
 * Runs the production build (dist/web and the compiled server in dist/node, built when stale) with the demo
 * data on its own port, data folder and embedded database, signs in as the demo coordinator, then opens the
 * dashboard in a fresh browser context (empty cache) and once more reloaded (warm cache), `runs` times each.
 *
 * Per load: the time from navigation to the KPI cards visible and to the area chart drawn (ms), the API calls
 * started before the KPI cards showed, and which API calls had already ended when the dashboard's own call
 * started (what it may have waited on: a request waterfall when it is not empty). Times come from the page's own clock (performance.now, Resource Timing).
 * Last line: the medians as JSON.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

const argValue = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Number(argValue('--runs') ?? 5);
const USERNAME = 'daumoi';
const PASSWORD = 'CaiCach#HanhChinh2026'; // the demo's (src/server/demo/communes.ts)
const log = (message: string) => process.stderr.write(`${message}\n`);

// The web app and the compiled server, each rebuilt only when its sources changed (as `npm start` does).
execFileSync(
  process.execPath,
  ['--input-type=module', '-e', "(await import('./scripts/ensure-deps.mjs')).ensureWebBuild(); await (await import('./scripts/build-server.mjs')).ensureServerBuild();"],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);

const dataDir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-render-'));
const port = 4300 + (process.pid % 500);
const base = `http://127.0.0.1:${port}`;

function startServer(): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(58000 + (process.pid % 1000)), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['dist/node/server.js', '--demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('CCHC đang chạy')) {
        clearTimeout(timer);
        resolve(server);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

/**
 * Recorded in the page from its first script on: when the KPI cards and the area chart's canvas appear.
 * A string, not a function: tsx would wrap a function with helpers the page does not have.
 */
const MARKS = `
  const marks = {};
  window.__marks = marks;
  const check = () => {
    const kpi = document.querySelector('[data-testid^="kpi-"] .ant-statistic-content-value');
    if (marks.kpi === undefined && kpi && kpi.offsetParent !== null) marks.kpi = performance.now();
    const canvas = document.querySelector('[data-testid="chart-by-area"] canvas');
    if (marks.chart === undefined && canvas && canvas.width > 0 && canvas.height > 0) marks.chart = performance.now();
    if (marks.kpi === undefined || marks.chart === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;

interface Call {
  path: string;
  start: number;
  end: number;
}
interface Load {
  kpiMs: number;
  chartMs: number;
  callsBeforeKpi: Call[];
  /** When the dashboard's own call started, and the API calls that had ended by then (what it may have waited on). */
  dashboardStart: number;
  dashboardAfter: string[];
}

async function measure(browser: Browser, cookie: { name: string; value: string }, warm: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    await context.addCookies([{ ...cookie, url: base }]);
    await context.addInitScript({ content: MARKS });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    if (warm) {
      await page.waitForFunction(() => (window as unknown as { __marks: Record<string, number> }).__marks.chart !== undefined, null, { timeout: 60_000 });
      await page.reload();
    }
    await page.waitForFunction(() => (window as unknown as { __marks: Record<string, number> }).__marks.chart !== undefined, null, { timeout: 60_000 });
    const { marks, calls } = await page.evaluate(() => ({
      marks: (window as unknown as { __marks: Record<string, number> }).__marks,
      calls: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => new URL(e.name).pathname.startsWith('/api/'))
        .map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search, start: e.startTime, end: e.responseEnd })),
    }));
    const before = calls.filter((c) => c.start < marks.kpi);
    const dashboard = before.find((c) => c.path.startsWith('/api/dashboard'));
    if (!dashboard) throw new Error(`no /api/dashboard call before the KPI cards: ${before.map((c) => c.path).join(', ')}`);
    const dashboardAfter = before.filter((o) => o !== dashboard && o.end <= dashboard.start).map((o) => o.path);
    return { kpiMs: marks.kpi, chartMs: marks.chart, callsBeforeKpi: before, dashboardStart: dashboard.start, dashboardAfter };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n: number) => Math.round(n);

const server = await startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const [name, value] = (login.headers.get('set-cookie') ?? '').split(';')[0].split('=');
  const results: Record<'cold' | 'warm', Load[]> = { cold: [], warm: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ['cold', 'warm'] as const) {
      const load = await measure(browser, { name, value }, kind === 'warm');
      results[kind].push(load);
      log(
        `${kind} #${i + 1}: KPI cards ${round(load.kpiMs)} ms, chart ${round(load.chartMs)} ms; API calls before the cards: ${load.callsBeforeKpi
          .map((c) => `${c.path} ${round(c.start)}–${round(c.end)}`)
          .join(', ')}; the dashboard's call waited on: ${load.dashboardAfter.join(' + ') || 'nothing'}`,
      );
    }
  }
  const summary = (loads: Load[]) => ({
    kpi_ms: round(median(loads.map((l) => l.kpiMs))),
    chart_ms: round(median(loads.map((l) => l.chartMs))),
    api_calls_before_kpi: median(loads.map((l) => l.callsBeforeKpi.length)),
    dashboard_call_start_ms: round(median(loads.map((l) => l.dashboardStart))),
    dashboard_call_waited_on: [...new Set(loads.flatMap((l) => l.dashboardAfter))],
  });
  console.log(JSON.stringify({ runs: RUNS, cold: summary(results.cold), warm: summary(results.warm) }));
} finally {
  await browser.close();
  const stopped = new Promise((resolve) => server.on('exit', resolve));
  server.kill('SIGINT');
  await stopped;
  rmSync(dataDir, { recursive: true, force: true });
}
