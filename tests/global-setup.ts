/**
 * One PostgreSQL for the whole run: the embedded engine in ./test-data, or the
 * server named by DATABASE_URL. Each API test file makes its own database on it.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/server/db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a database on the test server; test files swap the database name. */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  if (external?.startsWith('postgres')) {
    project.provide('pgUrl', external);
    return;
  }
  const dataDir = path.resolve('test-data', `vitest-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const cluster = await startEmbeddedPostgres({ dataDir, port: 55000 + (process.pid % 1000), fast: true });
  project.provide('pgUrl', cluster.url('postgres'));
  return async () => {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
