/**
 * A fresh database per test file, migrated (and loaded with the demo only when a test
 * asks for it: tests build their own data with the factories), and the app built on it. Requests go through Fastify's inject: the full HTTP stack, no socket.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { type AppOptions, buildApp } from '../app';
import { type Clock, fixedClock } from '../clock';
import { applyMigrations, connectDatabase, type Db } from '../db';
import { DEMO_PASSWORD } from '../demo/communes';
import { loadDemoData } from '../demo/load-demo';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  /** The pool under `db`, for a test that needs its own Drizzle handle (a query-counting logger). */
  pool: pg.Pool;
  uploadDir: string;
  clock: Clock;
  /** Passwords of the users factories built; anyone else is a demo user (DEMO_PASSWORD). */
  passwords: Map<string, string>;
  /** The test database's URL, for a second connection or a CLI run against it. */
  url: string;
  /** Signs a user in and returns the cookie header to send. */
  login: (username: string) => Promise<string>;
  close: () => Promise<void>;
}

/** The date the demo and the tests judge statuses at, so results do not move with the calendar. */
export const TEST_TODAY = '2026-11-23';

export interface TestContextOptions {
  demo?: boolean;
  /** Where "today" comes from (TEST_TODAY by default). */
  clock?: Clock;
  /** The sign-in throttle's clock, to move past a delay without sleeping. */
  now?: () => Date;
  trustProxy?: AppOptions['config']['trustProxy'];
  publicOrigins?: string[];
}

export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const clock = options.clock ?? fixedClock(TEST_TODAY);
  const serverUrl = new URL(inject('pgUrl'));
  const name = `cchc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl.toString());
  url.pathname = `/${name}`;
  const database = connectDatabase(url.toString());
  await applyMigrations(database.db);
  if (options.demo) await loadDemoData(database.db, clock.today());
  const uploadDir = mkdtempSync(path.join(tmpdir(), 'cchc-uploads-'));
  const app = await buildApp({
    db: database.db,
    clock,
    config: { uploadDir, sessionDays: 1, secureCookies: false, logLevel: 'silent', trustProxy: options.trustProxy, publicOrigins: options.publicOrigins },
    logger: false,
    now: options.now,
  });
  const cookies = new Map<string, string>();
  const passwords = new Map<string, string>();
  return {
    app,
    db: database.db,
    pool: database.pool,
    uploadDir,
    clock,
    passwords,
    url: url.toString(),
    login: async (username) => {
      const cached = cookies.get(username);
      if (cached) return cached;
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: passwords.get(username) ?? DEMO_PASSWORD } });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = String(response.headers['set-cookie']).split(';')[0];
      cookies.set(username, cookie);
      return cookie;
    },
    close: async () => {
      await app.close();
      await database.close();
      rmSync(uploadDir, { recursive: true, force: true });
      const drop = new pg.Client({ connectionString: serverUrl.toString() });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

export const json = <T = unknown>(response: LightMyRequestResponse): T => JSON.parse(response.body) as T;
