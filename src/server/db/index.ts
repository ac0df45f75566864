import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { REPO_ROOT } from '../repo-root';
import { applyCitusDistribution } from './citus';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle works wherever the database handle does. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close: () => Promise<void>;
}

// DATE columns stay ISO strings ("2026-01-13"), never JS Dates shifted by a time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface ConnectOptions {
  /** Told of every connection the server dropped (the embedded server's watchdog looks at once). */
  onConnectionError?: (error: Error) => void;
}

export function connectDatabase(url: string, options: ConnectOptions = {}): Database {
  // A refused connection fails at once; one to an unreachable host gives up after 5 s rather than hang the request.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, keepAlive: true });
  const onConnectionError = options.onConnectionError ?? ((error: Error) => console.warn(`Mất kết nối tới PostgreSQL: ${error.message}`));
  // node-postgres emits 'error' from a client whose server went away, idle in the pool or checked out between
  // two queries of a transaction; unhandled, that event ends the process. The client listener reports it; the
  // pool re-emits an idle client's error after dropping that client, which needs no second report.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', onConnectionError));
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}

const MIGRATIONS = path.join(REPO_ROOT, 'drizzle');

export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS });
  await applyCitusDistribution(db);
}

/** Creates the database on the server if it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
