/**
 * The rules that keep the schema ready to shard by commune (Citus), read from the
 * database's own catalog so a table added by any migration is held to them:
 * - a tenant table (NOT NULL `commune_id`) has `commune_id` in its primary key and in
 *   every unique index, and each foreign key to another tenant table maps commune_id to commune_id;
 * - every other table is named as a reference table (docs/ARCHITECTURE.md);
 * - a column declared with a closed vocabulary in the Drizzle schema has a CHECK listing it.
 */
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './index';
import * as schema from './schema';

export interface CatalogTable {
  name: string;
  /** null when the table has no commune_id column. */
  communeIdNotNull: boolean | null;
  uniques: { name: string; primary: boolean; columns: string[] }[];
  foreignKeys: { name: string; references: string; pairs: [string, string][] }[];
  checks: string[];
}

/** Every ordinary table of the public schema, with its keys and checks. */
export async function readCatalog(db: DbOrTx): Promise<CatalogTable[]> {
  const result = await db.execute(sql`
    SELECT c.relname AS name,
      (SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'commune_id' AND NOT a.attisdropped) AS "communeIdNotNull",
      coalesce((SELECT json_agg(json_build_object(
          'name', i.relname, 'primary', x.indisprimary,
          'columns', coalesce((SELECT json_agg(a.attname) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = ANY (x.indkey)), '[]'::json)))
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisunique), '[]'::json) AS uniques,
      coalesce((SELECT json_agg(json_build_object(
          'name', k.conname, 'references', r.relname,
          'pairs', (SELECT json_agg(json_build_array(a1.attname, a2.attname))
                    FROM unnest(k.conkey, k.confkey) AS u(src, dst)
                    JOIN pg_attribute a1 ON a1.attrelid = k.conrelid AND a1.attnum = u.src
                    JOIN pg_attribute a2 ON a2.attrelid = k.confrelid AND a2.attnum = u.dst)))
        FROM pg_constraint k JOIN pg_class r ON r.oid = k.confrelid WHERE k.conrelid = c.oid AND k.contype = 'f'), '[]'::json) AS "foreignKeys",
      coalesce((SELECT json_agg(pg_get_constraintdef(k.oid)) FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c'), '[]'::json) AS checks
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname`);
  return result.rows as unknown as CatalogTable[];
}

/** What breaks the sharding rules, one sentence per breach; empty when the schema follows them. */
export function shardingViolations(catalog: CatalogTable[], referenceTables: readonly string[]): string[] {
  const out: string[] = [];
  const tenants = new Set(catalog.filter((t) => t.communeIdNotNull === true).map((t) => t.name));
  const reference = new Set(referenceTables);
  for (const table of catalog) {
    if (!tenants.has(table.name)) {
      if (!reference.has(table.name)) out.push(`${table.name}: neither a tenant table (NOT NULL commune_id) nor listed as a reference table`);
      continue;
    }
    if (reference.has(table.name)) out.push(`${table.name}: listed as a reference table but holds one commune's rows (NOT NULL commune_id)`);
    const primary = table.uniques.find((u) => u.primary);
    if (!primary) out.push(`${table.name}: no primary key`);
    for (const unique of table.uniques) {
      if (!unique.columns.includes('commune_id')) out.push(`${table.name}: ${unique.primary ? 'primary key' : 'unique index'} ${unique.name} lacks commune_id`);
    }
    for (const fk of table.foreignKeys) {
      if (!tenants.has(fk.references)) continue;
      if (!fk.pairs.some(([from, to]) => from === 'commune_id' && to === 'commune_id'))
        out.push(`${table.name}: foreign key ${fk.name} to ${fk.references} does not go through commune_id`);
    }
  }
  for (const name of reference) if (!catalog.some((t) => t.name === name)) out.push(`${name}: listed as a reference table but does not exist`);
  return out;
}

/** Columns the Drizzle schema declares with a closed vocabulary (`varchar(…, { enum })`). */
export function vocabularyColumns(): { table: string; column: string; values: string[] }[] {
  return (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns.filter((c) => c.enumValues?.length).map((c) => ({ table: config.name, column: c.name, values: [...(c.enumValues as string[])] }));
    });
}

/** Vocabulary columns without a CHECK that names the column and every one of its values. */
export function uncheckedVocabularies(catalog: CatalogTable[]): string[] {
  return vocabularyColumns()
    .filter(({ table, column, values }) => {
      const checks = catalog.find((t) => t.name === table)?.checks ?? [];
      return !checks.some((def) => new RegExp(`\\b${column}\\b`).test(def) && values.every((v) => def.includes(`'${v}'`)));
    })
    .map(({ table, column }) => `${table}.${column}: closed vocabulary without a CHECK in the database`);
}
