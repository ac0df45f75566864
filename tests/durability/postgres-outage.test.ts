/**
 * Losing PostgreSQL does not take the app down. The embedded postmaster killed with SIGKILL in the middle
 * of writes: the app stays up, answers 503 in Vietnamese meanwhile, starts the server again by itself and
 * keeps every acknowledged write. An external server (DATABASE_URL) stopped and started again: 503 until
 * it is back — the app never starts it — then served again without a restart of the app.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n';
import { type EmbeddedCluster, startEmbeddedPostgres } from '../../src/server/db/embedded';
import { type AppProcess, commentIds, login, postComment, startApp, stopApp } from './app-process';

const UNAVAILABLE = translate('vi', 'error.unavailable');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const slot = process.pid % 400;
const baseEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
delete baseEnv.DATABASE_URL;

const dirs: string[] = [];
const apps: AppProcess[] = [];
let external: EmbeddedCluster | null = null;

afterAll(async () => {
  for (const app of apps) await stopApp(app);
  await external?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function testDir(name: string): string {
  const dir = path.resolve('test-data', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  dirs.push(dir);
  return dir;
}

async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

interface Outcome {
  at: number;
  status: number | 'network';
  id?: number;
  code?: string;
  message?: string;
  retryAfter?: string | null;
}

/** Comments on task 1 from `count` writers until stopped; every answer is recorded with its time. */
function writers(base: string, cookie: string, count: number) {
  const outcomes: Outcome[] = [];
  let stopped = false;
  const write = async (w: number) => {
    for (let i = 0; !stopped; i++) {
      try {
        const response = await postComment(base, cookie, 1, `ghi ${w}-${i}`);
        const body = (await response.json()) as { id?: number; error?: { code: string; message: string } };
        outcomes.push({
          at: Date.now(),
          status: response.status,
          id: body.id,
          code: body.error?.code,
          message: body.error?.message,
          retryAfter: response.headers.get('retry-after'),
        });
        if (response.status !== 201) await sleep(10);
      } catch {
        outcomes.push({ at: Date.now(), status: 'network' });
        await sleep(50);
      }
    }
  };
  const running = Array.from({ length: count }, (_, w) => write(w));
  return {
    outcomes,
    acknowledged: () => outcomes.filter((o) => o.status === 201).map((o) => o.id as number),
    stop: async () => {
      stopped = true;
      await Promise.all(running);
    },
  };
}

function postmasterPid(pgDir: string): number {
  return Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function expectUnavailable(outcome: Outcome | { status: number; code?: string; message?: string }) {
  expect(outcome.status).toBe(503);
  expect(outcome.code).toBe('unavailable');
  expect(outcome.message).toBe(UNAVAILABLE);
}

async function answer(response: Response) {
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, code: body.error?.code, message: body.error?.message, retryAfter: response.headers.get('retry-after') };
}

describe('PostgreSQL outage', () => {
  it('embedded postmaster killed during writes: the app stays up, answers 503, restarts it and loses no acknowledged write', async () => {
    const dataDir = testDir('outage-embedded');
    const port = 4100 + slot;
    const base = `http://127.0.0.1:${port}`;
    const app = await startApp({ ...baseEnv, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(59000 + slot) });
    apps.push(app);
    const cookie = await login(base);
    const load = writers(base, cookie, 4);
    await until('30 acknowledged writes', 30_000, () => (load.acknowledged().length >= 30 ? true : undefined));

    const pgDir = path.join(dataDir, 'pg');
    const deadPid = postmasterPid(pgDir);
    const killedAt = Date.now();
    const ackedBeforeKill = load.acknowledged().length;
    process.kill(deadPid, 'SIGKILL');

    const firstUnavailable = await until('a 503', 20_000, () => load.outcomes.find((o) => o.at >= killedAt && o.status !== 201));
    const recovered = await until('a write accepted again', 60_000, () => load.outcomes.find((o) => o.at > firstUnavailable.at && o.status === 201));
    const ackedAtRecovery = load.acknowledged().length;
    await until('20 more writes after recovery', 30_000, () => (load.acknowledged().length >= ackedAtRecovery + 20 ? true : undefined));
    await load.stop();

    // The node process never went down, and every refusal was a Vietnamese 503 — no 500, no dropped socket.
    expect(app.child.exitCode).toBeNull();
    expect(app.child.signalCode).toBeNull();
    const refused = load.outcomes.filter((o) => o.status !== 201);
    expect(refused.length).toBeGreaterThan(0);
    for (const outcome of refused) expectUnavailable(outcome);
    expect(firstUnavailable.retryAfter).toBe('5');

    // The watchdog started a new postmaster and said so.
    expect(postmasterPid(pgDir)).not.toBe(deadPid);
    expect(app.output()).toContain('PostgreSQL nhúng đã chạy lại sau sự cố');
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/ready`)).status).toBe(200);
    expect(recovered.at - killedAt).toBeLessThan(30_000);

    const acknowledged = load.acknowledged();
    const stored = await commentIds(base, cookie, 1);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    console.log(
      `embedded outage: ${ackedBeforeKill} writes acknowledged before the kill, first 503 after ${firstUnavailable.at - killedAt} ms, ` +
        `writes accepted again after ${recovered.at - killedAt} ms, ${refused.length} answers 503; ` +
        `${acknowledged.length} acknowledged in all, ${acknowledged.filter((id) => stored.has(id)).length} of them stored (${stored.size} comments on the task)`,
    );
  }, 240_000);

  it('external server stopped and started again: 503 until it is back, never started by the app, then served without a restart', async () => {
    const serverDir = testDir('outage-external-pg');
    const pgPort = 59500 + slot;
    external = await startEmbeddedPostgres({ dataDir: serverDir, port: pgPort });
    const port = 4500 + slot;
    const base = `http://127.0.0.1:${port}`;
    const app = await startApp({ ...baseEnv, DATA_DIR: testDir('outage-external-app'), PORT: String(port), DATABASE_URL: external.url('cchc') });
    apps.push(app);
    const cookie = await login(base);
    const before = await postComment(base, cookie, 1, 'trước khi dừng máy chủ');
    expect(before.status).toBe(201);
    const acknowledged = [((await before.json()) as { id: number }).id];

    const stoppedAt = Date.now();
    await external.stop();
    const comment = await answer(await postComment(base, cookie, 1, 'trong lúc máy chủ dừng'));
    const timeTo503 = Date.now() - stoppedAt;
    expectUnavailable(comment);
    expectUnavailable(await answer(await fetch(`${base}/api/auth/me`, { headers: { cookie } })));
    const ready = await answer(await fetch(`${base}/api/ready`));
    expectUnavailable(ready);
    expect(ready.retryAfter).toBe('5');
    expect((await fetch(`${base}/api/health`, { headers: { cookie } })).status).toBe(200);

    // Not the app's server: still down three seconds later, and still a 503.
    await sleep(3000);
    expect(existsSync(path.join(serverDir, 'pg', 'postmaster.pid'))).toBe(false);
    expectUnavailable(await answer(await postComment(base, cookie, 1, 'vẫn đang dừng')));

    const restartedAt = Date.now();
    external = await startEmbeddedPostgres({ dataDir: serverDir, port: pgPort });
    const back = await until('a write accepted again', 15_000, async () => {
      const response = await postComment(base, cookie, 1, 'sau khi máy chủ chạy lại');
      return response.status === 201 ? ((await response.json()) as { id: number }) : undefined;
    });
    const recoveryMs = Date.now() - restartedAt;
    acknowledged.push(back.id);
    expect((await fetch(`${base}/api/ready`)).status).toBe(200);
    expect(app.child.exitCode).toBeNull();
    const stored = await commentIds(base, cookie, 1);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    console.log(`external outage: first 503 ${timeTo503} ms after the stop, served again ${recoveryMs} ms after the server was back`);
  }, 240_000);
});
