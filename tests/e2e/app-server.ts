/** Starts the whole app once for the browser tests, on its own data folder and ports. */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The app's embedded database, for tests that run a job (the reminder sweep) at a chosen date. */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = path.resolve('test-data', `e2e-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const port = 3600 + (process.pid % 300);
  const pgPort = 57000 + (process.pid % 1000);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`app did not start: ${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('CCHC đang chạy')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`app exited ${code}: ${output}`)));
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  const password = readFileSync(path.join(dataDir, '.pg-password'), 'utf8').trim();
  project.provide('databaseUrl', `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/cchc`);
  return async () => {
    const stopped = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGINT');
    await stopped;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
