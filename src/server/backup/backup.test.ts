import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/context';
import { backupDatabase, restoreDatabase } from './service';

/** Every table's row count and the md5 of its rows in a fixed order, and every sequence's position. */
async function fingerprint(pool: pg.Pool): Promise<Record<string, string>> {
  const tables = await pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const { rows } = await pool.query<{ n: string; digest: string | null }>(`SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest FROM "${name}" t`);
    out[name] = `${rows[0].n} ${rows[0].digest}`;
  }
  const sequences = await pool.query<{ name: string; value: string | null }>(
    `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`,
  );
  for (const seq of sequences.rows) out[`sequence ${seq.name}`] = String(seq.value);
  return out;
}

let source: TestContext;
let target: TestContext;
let dir: string;

beforeAll(async () => {
  source = await createTestContext({ demo: true });
  target = await createTestContext();
  dir = mkdtempSync(path.join(tmpdir(), 'cchc-backup-'));
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('a restore gives back exactly the rows and sequence positions that were saved, over changed data', async () => {
    const before = await fingerprint(source.pool);
    expect(Number(before.tasks.split(' ')[0])).toBeGreaterThan(0);
    const file = path.join(dir, 'demo.cchc-backup');
    const summary = await backupDatabase(source.pool, file);
    expect(summary.tables).toBe(Object.keys(before).filter((key) => !key.startsWith('sequence ')).length);

    // Changes after the backup, including text with a newline, a tab and a backslash (COPY's escapes).
    await source.pool.query(`UPDATE tasks SET content = content || E'\\n\\tđã sửa \\\\ sau sao lưu' WHERE id IN (SELECT id FROM tasks ORDER BY id LIMIT 3)`);
    await source.pool.query('DELETE FROM sessions');
    await source.pool.query(`INSERT INTO cities (name, code) VALUES ('Thành phố thêm sau', 'tp-sau')`);
    expect(await fingerprint(source.pool)).not.toEqual(before);

    await restoreDatabase(source.pool, file);
    expect(await fingerprint(source.pool)).toEqual(before);
    // Into another database, migrated but empty: the same data.
    await restoreDatabase(target.pool, file);
    expect(await fingerprint(target.pool)).toEqual(before);
  });

  it('keeps text with every COPY escape intact across a round trip', async () => {
    const tricky = 'dòng 1\ndòng 2\r\n\ttab \\ gạch chéo \\. \\N';
    await source.pool.query('UPDATE tasks SET content = $1 WHERE id = (SELECT min(id) FROM tasks)', [tricky]);
    const file = path.join(dir, 'tricky.cchc-backup');
    await backupDatabase(source.pool, file);
    await restoreDatabase(target.pool, file);
    const { rows } = await target.pool.query<{ content: string }>('SELECT content FROM tasks WHERE id = (SELECT min(id) FROM tasks)');
    expect(rows[0].content).toBe(tricky);
  });

  it('refuses a file that is not a backup or is cut short, and leaves the data as it was', async () => {
    const before = await fingerprint(target.pool);
    const notBackup = path.join(dir, 'other.gz');
    writeFileSync(notBackup, gzipSync('{"hello":1}\n'));
    await expect(restoreDatabase(target.pool, notBackup)).rejects.toThrow('không phải tệp sao lưu CCHC');
    const file = path.join(dir, 'full.cchc-backup');
    await backupDatabase(source.pool, file);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const half = Math.floor(text.length / 2);
    // Cut inside a row (the server refuses it) and between two rows (the reader finds no end marker).
    for (const end of [half, text.lastIndexOf('\n', half) + 1]) {
      const cut = path.join(dir, `cut-${end}.cchc-backup`);
      writeFileSync(cut, gzipSync(text.slice(0, end)));
      await expect(restoreDatabase(target.pool, cut)).rejects.toThrow();
      expect(await fingerprint(target.pool)).toEqual(before);
    }
  });

  it('refuses an archive made at other migrations', async () => {
    const file = path.join(dir, 'full.cchc-backup');
    await backupDatabase(source.pool, file);
    const [header, ...rest] = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const older = JSON.parse(header) as { migrations: string[] };
    older.migrations = older.migrations.slice(0, -1);
    const changed = path.join(dir, 'older.cchc-backup');
    writeFileSync(changed, gzipSync([JSON.stringify(older), ...rest].join('\n')));
    await expect(restoreDatabase(target.pool, changed)).rejects.toThrow('phiên bản lược đồ khác');
  });

  // The CLI contract, run as an operator would against DATABASE_URL.
  it('npm run cchc -- backup --out / restore <file> round-trip through the CLI', { timeout: 180_000 }, async () => {
    const cli = (...args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'src/cli/main.ts', ...args],
          { env: { ...process.env, DATABASE_URL: source.url }, encoding: 'utf8' },
          (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    const before = await fingerprint(source.pool);
    const file = path.join(dir, 'cli.cchc-backup');
    const saved = await cli('backup', '--out', file, '--json');
    expect(saved.status, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ file, tables: expect.any(Number), rows: expect.any(Number), bytes: expect.any(Number) });
    await source.pool.query('DELETE FROM sessions');
    await source.pool.query(`UPDATE communes SET name = name || ' (sửa)'`);
    const restored = await cli('restore', file, '--json');
    expect(restored.status, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ file, rows: JSON.parse(saved.stdout).rows });
    expect(await fingerprint(source.pool)).toEqual(before);
    const missing = await cli('restore');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Cách dùng');
  });
});
