/**
 * `backup --out <file> [--json]` and `restore <file> [--json]`: the whole database (embedded, or
 * DATABASE_URL) to one gzipped archive and back. A restore replaces every row; stop the server first.
 */
import { existsSync } from 'node:fs';
import type pg from 'pg';
import { backupDatabase, restoreDatabase } from '../server/backup/service';
import type { Db } from '../server/db';
import { readCommandLine } from './args';
import { userPath } from './paths';

type WithDatabase = (work: (db: Db) => Promise<number>) => Promise<number>;

/** drizzle() keeps its pg pool as `$client`; the archive is streamed through COPY on one of its connections. */
const poolOf = (db: Db) => (db as Db & { $client: pg.Pool }).$client;

export async function backupCommand(args: string[], withDatabase: WithDatabase): Promise<number> {
  const line = readCommandLine(args, { out: { type: 'string' }, json: { type: 'boolean' } }, 0);
  if (typeof line === 'string' || !line.values.out) {
    console.error(`${typeof line === 'string' ? `${line}\n` : ''}Cách dùng: backup --out <tệp.cchc-backup> [--json]`);
    return 2;
  }
  const file = userPath(line.values.out);
  return withDatabase(async (db) => {
    const summary = await backupDatabase(poolOf(db), file);
    if (line.values.json) console.log(JSON.stringify(summary));
    else console.log(`Đã sao lưu ${summary.rows} dòng của ${summary.tables} bảng vào ${file} (${summary.bytes} byte).`);
    return 0;
  });
}

export async function restoreCommand(args: string[], withDatabase: WithDatabase): Promise<number> {
  const line = readCommandLine(args, { json: { type: 'boolean' } }, 1);
  if (typeof line === 'string' || !line.positionals[0]) {
    console.error(`${typeof line === 'string' ? `${line}\n` : ''}Cách dùng: restore <tệp.cchc-backup> [--json]`);
    return 2;
  }
  const file = userPath(line.positionals[0]);
  if (!existsSync(file)) {
    console.error(`Không có tệp sao lưu ${file}.`);
    return 2;
  }
  return withDatabase(async (db) => {
    const summary = await restoreDatabase(poolOf(db), file);
    if (line.values.json) console.log(JSON.stringify(summary));
    else console.log(`Đã khôi phục ${summary.rows} dòng của ${summary.tables} bảng từ ${file}.`);
    return 0;
  });
}
