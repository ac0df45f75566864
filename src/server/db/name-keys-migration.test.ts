/**
 * Migration 0001 computes the stored name keys in SQL for rows written before it. They must
 * equal what the app's matchKey computes, or a name typed again after the upgrade would slip
 * past its unique index; and rows that already collide must not stop the upgrade.
 */

import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { matchKey } from '../../domain/text/normalize';
import { DEMO_COMMUNES } from '../demo/communes';

const DRIZZLE = path.resolve(import.meta.dirname, '../../../drizzle');

/** Names the key must fold, and the demo's real unit names and aliases. */
const TRICKY = [
  'Phòng Tư pháp',
  'Phòng Tư pháp'.normalize('NFD'),
  'Phòng Tư\u200b pháp',
  'phòng tư pháp\ufeff',
  'Uỷ ban nhân dân',
  'Phòng Văn hoá\u00a0– Xã hội',
  'Ǎn\u00adĐông',
  'VP HĐND&UBND',
  '\u200eTrạm\u2060 Y tế\u200f',
  'Tổ công tác (thử) — số 2/2026',
  ...DEMO_COMMUNES.flatMap((c) => c.units.flatMap((u) => [u.name, ...u.aliases])),
];

let pool: pg.Pool;
let dbName: string;
let folder: string;

beforeAll(async () => {
  const server = new URL(inject('pgUrl'));
  dbName = `cchc_mig_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  server.pathname = `/${dbName}`;
  pool = new pg.Pool({ connectionString: server.toString(), max: 2 });
  // The schema as it was before the keys: only the first migration.
  folder = mkdtempSync(path.join(tmpdir(), 'cchc-mig-'));
  mkdirSync(path.join(folder, 'meta'));
  copyFileSync(path.join(DRIZZLE, '0000_init.sql'), path.join(folder, '0000_init.sql'));
  const journal = JSON.parse(readFileSync(path.join(DRIZZLE, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
  await migrate(drizzle(pool), { migrationsFolder: folder });
});

afterAll(async () => {
  await pool?.end();
  rmSync(folder, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: inject('pgUrl') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

describe('migration 0001: name keys for existing rows', () => {
  it('computes in SQL the key the app computes, and keeps rows that already collide', async () => {
    const db = drizzle(pool);
    await db.execute(sql`INSERT INTO cities (name, code) VALUES ('Thành phố thử', 'T')`);
    await db.execute(sql`INSERT INTO communes (city_id, name, kind, code) VALUES (1, 'Tiên Lãng', 'xa', 'tu-phap'), (1, 'tiên lãng', 'xa', 'tu-phap\u200b')`);
    const distinct = [...new Set(TRICKY)];
    for (const name of distinct) await db.execute(sql`INSERT INTO units (commune_id, name) VALUES (1, ${name})`);
    await db.execute(sql`INSERT INTO users (city_id, username, full_name, role, password_hash) VALUES (1, 'daumoi.ap', 'A', 'admin', 'x'), (1, 'DAUMOI-AP', 'B', 'admin', 'x')`);

    await migrate(db, { migrationsFolder: DRIZZLE });

    const units = (await pool.query<{ id: number; name: string; name_key: string }>('SELECT id, name, name_key FROM units ORDER BY id')).rows;
    const firstOfKey = new Map<string, number>();
    for (const unit of units) {
      const key = matchKey(unit.name);
      if (!firstOfKey.has(key)) {
        firstOfKey.set(key, unit.id);
        expect(unit.name_key, JSON.stringify(unit.name)).toBe(key);
      } else {
        // A row that collided before the upgrade keeps a key of its own, marked with its id.
        expect(unit.name_key).toBe(`${key} ${unit.id}`);
      }
    }
    expect(units.filter((u) => u.name_key === 'phong tu phap')).toHaveLength(1);
    const communes = (await pool.query<{ code_key: string; name_key: string }>('SELECT code_key, name_key FROM communes ORDER BY id')).rows;
    expect(communes[0]).toEqual({ code_key: 'tu phap', name_key: 'tien lang' });
    expect(communes[1].code_key).toMatch(/^tu phap \d+$/);
    const users = (await pool.query<{ username_key: string }>('SELECT username_key FROM users ORDER BY id')).rows;
    expect(users[0].username_key).toBe('daumoi ap');
    expect(users[1].username_key).toMatch(/^daumoi ap \d+$/);
  });
});
