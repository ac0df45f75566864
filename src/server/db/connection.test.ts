/**
 * A connection the server drops — idle in the pool, or checked out between two statements of a
 * transaction — must not end the process (node-postgres emits 'error' for it), and the pool serves again.
 * The server really drops them: pg_terminate_backend, as a restart or an administrator would.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, type Database } from './index';
import { isDatabaseUnavailable } from './unavailable';

const APP_NAME = `cchc_victim_${process.pid}`;
let victim: Database;
let admin: pg.Client;
const reported: Error[] = [];

beforeAll(async () => {
  const url = new URL(inject('pgUrl'));
  url.searchParams.set('application_name', APP_NAME);
  victim = connectDatabase(url.toString(), { onConnectionError: (error) => reported.push(error) });
  admin = new pg.Client({ connectionString: inject('pgUrl') });
  await admin.connect();
});
afterAll(async () => {
  await victim.close();
  await admin.end();
});

async function terminateVictims(): Promise<number> {
  const result = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [APP_NAME]);
  return result.rowCount ?? 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('dropped connections', () => {
  it('idle connections killed by the server are reported, dropped from the pool, and the next query works', async () => {
    await Promise.all([1, 2, 3].map(() => victim.db.execute(sql`SELECT pg_sleep(0.05)`)));
    expect(victim.pool.idleCount).toBeGreaterThanOrEqual(2);
    const before = reported.length;
    expect(await terminateVictims()).toBeGreaterThanOrEqual(2);
    await sleep(200);
    expect(reported.length).toBeGreaterThan(before);
    expect(reported.slice(before).every((error) => isDatabaseUnavailable(error))).toBe(true);
    expect(victim.pool.idleCount).toBe(0);
    const rows = await victim.db.execute(sql`SELECT 1 AS one`);
    expect(rows.rows).toEqual([{ one: 1 }]);
  });

  it('a connection killed inside a transaction fails that transaction as "unavailable", and the pool serves again', async () => {
    const failed = await victim.db
      .transaction(async (tx) => {
        await tx.execute(sql`SELECT 1`);
        await terminateVictims();
        await sleep(200); // checked out, no statement running: the client itself emits 'error'
        await tx.execute(sql`SELECT 2`);
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failed).not.toBeNull();
    expect(isDatabaseUnavailable(failed)).toBe(true);
    const rows = await victim.db.execute(sql`SELECT 3 AS three`);
    expect(rows.rows).toEqual([{ three: 3 }]);
  });
});

describe('isDatabaseUnavailable', () => {
  it('tells a refused connection, seen through Drizzle, from an ordinary SQL error', async () => {
    const nowhere = connectDatabase('postgres://postgres:x@127.0.0.1:1/none', { onConnectionError: () => undefined });
    const refused = await nowhere.db.execute(sql`SELECT 1`).catch((error: unknown) => error);
    await nowhere.close();
    expect(isDatabaseUnavailable(refused)).toBe(true);

    const syntax = await victim.db.execute(sql`SELEC 1`).catch((error: unknown) => error);
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    const divide = await victim.db.execute(sql`SELECT 1 / 0`).catch((error: unknown) => error);
    expect(isDatabaseUnavailable(divide)).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});
