import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../repo-root';
import { createTestContext, type TestContext } from '../test/context';
import { applyCitusDistribution, DISTRIBUTION_FILE, distributionProblems, parseDistribution, readDistribution } from './citus';
import { type CatalogTable, readCatalog } from './schema-rules';

/** The reference tables docs/ARCHITECTURE.md names under "Reference tables". */
function documentedReferenceTables(): string[] {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  const section = doc.split(/^### Reference tables/m)[1]?.split(/^#/m)[0] ?? '';
  return [...section.matchAll(/^- `([a-z_]+)`/gm)].map((m) => m[1]);
}

let ctx: TestContext;
let catalog: CatalogTable[];

beforeAll(async () => {
  ctx = await createTestContext();
  catalog = await readCatalog(ctx.db);
});
afterAll(async () => ctx?.close());

describe('drizzle/citus/distribute.sql', () => {
  it('distributes every tenant table by commune_id, makes every reference table one, in foreign-key order, and names nothing else', () => {
    const statements = readDistribution();
    expect(statements.filter((s) => s.kind === 'distributed').length).toBeGreaterThan(10);
    expect(distributionProblems(catalog, documentedReferenceTables(), statements)).toEqual([]);
  });

  it('catches a missing table, a wrong key, a wrong order and a kept reference-to-tenant foreign key', () => {
    const text = readFileSync(DISTRIBUTION_FILE, 'utf8');
    const check = (changed: string) => distributionProblems(catalog, documentedReferenceTables(), parseDistribution(changed));
    expect(check(text.replace("SELECT create_distributed_table('dossiers', 'commune_id', colocate_with => 'units');", ''))).toEqual(['dossiers: a tenant table not distributed']);
    expect(check(text.replace("create_distributed_table('tasks', 'commune_id'", "create_distributed_table('tasks', 'plan_id'"))).toEqual([
      'tasks: distributed by plan_id, not commune_id',
    ]);
    expect(check(text.replace('ALTER TABLE users DROP CONSTRAINT IF EXISTS users_unit_fk;', ''))).toContain(
      'users: reference table keeps foreign key users_unit_fk into distributed units',
    );
    const moved = text.replace("SELECT create_distributed_table('plans', 'commune_id', colocate_with => 'units');\n", '');
    expect(check(`${moved}\nSELECT create_distributed_table('plans', 'commune_id', colocate_with => 'units');`)).toContain(
      'tasks: comes before plans, which its foreign key tasks_plan_fk points to',
    );
    expect(check(`${text}\nSELECT create_reference_table('no_such_table');`)).toEqual(['no_such_table: named in the file but not in the schema']);
  });

  it('is not applied on a PostgreSQL without Citus', async () => {
    const citus = await ctx.db.execute(sql`SELECT 1 FROM pg_available_extensions WHERE name = 'citus'`);
    if (citus.rows.length > 0) return; // a Citus test server: applying is covered by the migration itself
    expect(await applyCitusDistribution(ctx.db)).toBe(false);
    const fk = await ctx.db.execute(sql`SELECT 1 FROM pg_constraint WHERE conname = 'users_unit_fk'`);
    expect(fk.rows.length).toBe(1);
  });
});
