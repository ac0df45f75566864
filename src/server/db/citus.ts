/**
 * Citus (sharding by commune): drizzle/citus/distribute.sql names how each table is spread over the
 * cluster. The migrator applies it after the ordinary migrations, only where the citus extension is
 * available, one statement at a time and skipping a table Citus already distributes, so that a
 * table added by a later migration is distributed on the next start (docs/SCALING.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { REPO_ROOT } from '../repo-root';
import type { Db } from './index';
import type { CatalogTable } from './schema-rules';

export const DISTRIBUTION_FILE = path.join(REPO_ROOT, 'drizzle/citus/distribute.sql');

export interface DistributionStatement {
  text: string;
  /** reference: copied to every worker; distributed: sharded by `column`; other: plain SQL run as it is. */
  kind: 'reference' | 'distributed' | 'other';
  table?: string;
  column?: string;
  /** The table a distributed table is co-located with (colocate_with). */
  colocateWith?: string;
  position: number;
}

/** The file's statements in order (comments dropped, one statement per `;`). */
export function parseDistribution(text: string): DistributionStatement[] {
  const statements = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  return statements.map((statement, position) => {
    const reference = /^SELECT create_reference_table\('([a-z_]+)'\)$/i.exec(statement);
    if (reference) return { text: statement, kind: 'reference', table: reference[1], position };
    const distributed = /^SELECT create_distributed_table\('([a-z_]+)', '([a-z_]+)'(?:, colocate_with => '([a-z_]+)')?\)$/i.exec(statement);
    if (distributed) return { text: statement, kind: 'distributed', table: distributed[1], column: distributed[2], colocateWith: distributed[3], position };
    return { text: statement, kind: 'other', position };
  });
}

export function readDistribution(): DistributionStatement[] {
  return parseDistribution(readFileSync(DISTRIBUTION_FILE, 'utf8'));
}

/** Distributes what is not yet distributed, when this server has Citus; does nothing on plain PostgreSQL. */
export async function applyCitusDistribution(db: Db): Promise<boolean> {
  const available = await db.execute(sql`SELECT 1 FROM pg_available_extensions WHERE name = 'citus'`);
  if (available.rows.length === 0) return false;
  await db.execute(sql`CREATE EXTENSION IF NOT EXISTS citus`);
  const done = await db.execute<{ name: string }>(sql`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition`);
  const distributed = new Set(done.rows.map((row) => row.name));
  for (const statement of readDistribution()) {
    if (statement.table && distributed.has(statement.table)) continue;
    await db.execute(sql.raw(statement.text));
  }
  return true;
}

/**
 * What the distribution file gets wrong against the migrated schema, one sentence each; empty when it
 * distributes every tenant table by commune_id, makes every reference table a reference table, names
 * nothing else, orders each table after the tables its foreign keys point to, and first drops any foreign
 * key from a reference table into a distributed one (Citus refuses those).
 */
export function distributionProblems(catalog: CatalogTable[], referenceTables: readonly string[], statements: DistributionStatement[]): string[] {
  const out: string[] = [];
  const tenants = new Set(catalog.filter((t) => t.communeIdNotNull === true).map((t) => t.name));
  const placedAt = new Map<string, DistributionStatement>();
  for (const statement of statements) {
    if (!statement.table) continue;
    if (placedAt.has(statement.table)) out.push(`${statement.table}: distributed twice`);
    placedAt.set(statement.table, statement);
  }
  const dropped = statements
    .filter((s) => s.kind === 'other')
    .map((s) => /^ALTER TABLE ([a-z_]+) DROP CONSTRAINT IF EXISTS ([a-z_]+)$/i.exec(s.text))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}.${m[2]}`);
  for (const table of catalog) {
    const placed = placedAt.get(table.name);
    if (tenants.has(table.name)) {
      if (placed?.kind !== 'distributed') out.push(`${table.name}: a tenant table not distributed`);
      else if (placed.column !== 'commune_id') out.push(`${table.name}: distributed by ${placed.column}, not commune_id`);
    } else if (!referenceTables.includes(table.name)) {
      out.push(`${table.name}: neither tenant nor documented reference table`);
    } else if (placed?.kind !== 'reference') out.push(`${table.name}: a reference table not made one`);
    if (!placed) continue;
    for (const fk of table.foreignKeys) {
      if (fk.references === table.name) continue;
      const isDropped = dropped.includes(`${table.name}.${fk.name}`);
      if (placed.kind === 'reference' && tenants.has(fk.references) && !isDropped)
        out.push(`${table.name}: reference table keeps foreign key ${fk.name} into distributed ${fk.references}`);
      const target = placedAt.get(fk.references);
      if (!isDropped && (!target || target.position > placed.position)) out.push(`${table.name}: comes before ${fk.references}, which its foreign key ${fk.name} points to`);
    }
    if (placed.colocateWith && (placedAt.get(placed.colocateWith)?.position ?? Number.POSITIVE_INFINITY) > placed.position)
      out.push(`${table.name}: co-located with ${placed.colocateWith}, which is not distributed before it`);
  }
  for (const name of placedAt.keys()) if (!catalog.some((t) => t.name === name)) out.push(`${name}: named in the file but not in the schema`);
  return out;
}
