/**
 * `npm run bench:dashboard`: the dashboard API on the demo data, 100 calls over
 * real HTTP on loopback, against /api/auth/me as the floor of one authenticated request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { systemClock } from '../src/server/clock';
import { applyMigrations, connectDatabase, ensureDatabase } from '../src/server/db';
import { startEmbeddedPostgres } from '../src/server/db/embedded';
import { DEMO_PASSWORD } from '../src/server/demo/communes';
import { loadDemoData } from '../src/server/demo/load-demo';
import { latencies, percentile } from './bench-http';

const CALLS = 100;
const dataDir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-'));
const cluster = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir, port: 58000 + (process.pid % 1000) });
const url = process.env.DATABASE_URL ?? (cluster as NonNullable<typeof cluster>).url('cchc_bench');
await ensureDatabase(url);
const database = connectDatabase(url);
await applyMigrations(database.db);
await loadDemoData(database.db, systemClock.today());
const app = await buildApp({ db: database.db, clock: systemClock, config: { uploadDir: dataDir, sessionDays: 1, secureCookies: false, logLevel: 'silent' }, logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });

const login = await fetch(`${address}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'daumoi', password: DEMO_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

const measure = (route: string) => latencies(address, route, cookie, { calls: CALLS, warmup: 5 });
const pct = percentile;
const dashboard = await measure('/api/dashboard');
const me = await measure('/api/auth/me');
const planTasks = await measure('/api/plans/1/tasks');
const row = (name: string, t: number[]) =>
  console.log(`${name.padEnd(22)} median ${pct(t, 50).toFixed(2)} ms   p95 ${pct(t, 95).toFixed(2)} ms   ratio to /api/auth/me ×${(pct(t, 50) / pct(me, 50)).toFixed(1)}`);
console.log(`${CALLS} calls each, demo data (commune Tiên Lãng: 38 plan tasks + 4 city tasks), loopback HTTP`);
row('GET /api/dashboard', dashboard);
row('GET /api/plans/1/tasks', planTasks);
row('GET /api/auth/me', me);

await app.close();
await database.close();
await cluster?.stop();
rmSync(dataDir, { recursive: true, force: true });
