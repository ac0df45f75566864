/**
 * The app killed with SIGKILL in the middle of writes restarts with every
 * acknowledged change intact; a clean stop stops its PostgreSQL and the next start finds the data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = path.resolve('test-data', `durability-${process.pid}`);
const port = 3300 + (process.pid % 500);
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(56000 + (process.pid % 1000)), LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
const base = `http://127.0.0.1:${port}`;
let app: ChildProcess | null = null;

function startApp(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`app did not start: ${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('CCHC đang chạy')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`app exited ${code}: ${output}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));
}

async function login(): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'daumoi', password: 'CaiCach#HanhChinh2026' }) });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

async function commentIds(cookie: string, taskId: number): Promise<Set<number>> {
  const response = await fetch(`${base}/api/tasks/${taskId}`, { headers: { cookie } });
  const detail = (await response.json()) as { history: { id: number; kind: string }[] };
  return new Set(detail.history.filter((h) => h.kind === 'comment').map((h) => h.id));
}

afterAll(async () => {
  if (app && app.exitCode === null) {
    app.kill('SIGINT');
    await exited(app);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durability', () => {
  it('keeps every acknowledged write across a SIGKILL, and stops its database on Ctrl-C', async () => {
    app = await startApp();
    let cookie = await login();
    const acknowledged: number[] = [];
    let stop = false;
    // Four writers keep commenting until the app dies under them.
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await fetch(`${base}/api/tasks/1/comments`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ text: `ghi ${w}-${i}` }) });
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: number }).id);
        } catch {
          return;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    app.kill('SIGKILL');
    await exited(app);
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    app = await startApp();
    cookie = await login();
    const stored = await commentIds(cookie, 1);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    app.kill('SIGINT');
    await exited(app);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    app = await startApp();
    cookie = await login();
    const again = await commentIds(cookie, 1);
    expect(again.size).toBe(stored.size);
  }, 240_000);
});
