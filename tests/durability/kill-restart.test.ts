/**
 * The app killed with SIGKILL in the middle of writes restarts with every
 * acknowledged change intact; a clean stop stops its PostgreSQL and the next start finds the data.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AppProcess, commentIds, exited, login, postComment, startApp, stopApp } from './app-process';

const dataDir = path.resolve('test-data', `durability-${process.pid}`);
const port = 3300 + (process.pid % 500);
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(56000 + (process.pid % 1000)), LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
const base = `http://127.0.0.1:${port}`;
let app: AppProcess | null = null;

afterAll(async () => {
  await stopApp(app);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durability', () => {
  it('keeps every acknowledged write across a SIGKILL, and stops its database on Ctrl-C', async () => {
    app = await startApp(env);
    let cookie = await login(base);
    const acknowledged: number[] = [];
    let stop = false;
    // Four writers keep commenting until the app dies under them.
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await postComment(base, cookie, 1, `ghi ${w}-${i}`);
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: number }).id);
        } catch {
          return;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    app.child.kill('SIGKILL');
    await exited(app.child);
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    app = await startApp(env);
    cookie = await login(base);
    const stored = await commentIds(base, cookie, 1);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    await stopApp(app);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    app = await startApp(env);
    cookie = await login(base);
    const again = await commentIds(base, cookie, 1);
    expect(again.size).toBe(stored.size);
  }, 240_000);
});
