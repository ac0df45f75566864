import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/context';
import { readCatalog, shardingViolations, uncheckedVocabularies, vocabularyColumns } from './schema-rules';

const ARCHITECTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/ARCHITECTURE.md');

/** The reference tables docs/ARCHITECTURE.md names: the back-quoted first word of each item under "Reference tables". */
function documentedReferenceTables(): string[] {
  const doc = readFileSync(ARCHITECTURE, 'utf8');
  const section = doc.split(/^### Reference tables/m)[1]?.split(/^#/m)[0] ?? '';
  return [...section.matchAll(/^- `([a-z_]+)`/gm)].map((m) => m[1]);
}

let ctx: TestContext;

/** The constraint PostgreSQL names when it refuses a statement ('' when it is accepted). */
const refusedBy = (query: ReturnType<typeof sql>) =>
  ctx.db.execute(query).then(
    () => '',
    (error: { cause?: { constraint?: string } }) => error.cause?.constraint ?? String(error),
  );
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('the schema is ready to shard by commune', () => {
  it('the documentation lists the reference tables', () => {
    expect(documentedReferenceTables()).toEqual(expect.arrayContaining(['cities', 'communes', 'users', 'sessions', 'login_throttle', 'audit_log', 'calendar_overrides']));
  });

  it('every table of the migrated schema follows the rules', async () => {
    const catalog = await readCatalog(ctx.db);
    expect(catalog.map((t) => t.name)).toContain('tasks');
    expect(shardingViolations(catalog, documentedReferenceTables())).toEqual([]);
  });

  it('every closed vocabulary is CHECKed in the database, and the database refuses a value outside it', async () => {
    expect(vocabularyColumns().map((c) => `${c.table}.${c.column}`)).toEqual(
      expect.arrayContaining([
        'users.role',
        'plans.kind',
        'plans.status',
        'tasks.origin',
        'units.kind',
        'notifications.rule',
        'reminder_deliveries.channel',
        'login_throttle.scope',
      ]),
    );
    expect(uncheckedVocabularies(await readCatalog(ctx.db))).toEqual([]);
    await ctx.db.execute(sql`INSERT INTO cities (name, code) VALUES ('Thành phố thử', 'tp-thu')`);
    expect(await refusedBy(sql`INSERT INTO communes (city_id, name, kind, code, code_key, name_key) SELECT id, 'Xã thử', 'thon', 'x1', 'x1', 'xa thu' FROM cities`)).toBe(
      'communes_kind_check',
    );
    expect(await refusedBy(sql`INSERT INTO communes (city_id, name, kind, code, code_key, name_key) SELECT id, 'Xã thử', 'xa', 'x1', 'x1', 'xa thu' FROM cities`)).toBe('');
    const user = (username: string, role: string, inCommune = false) =>
      sql`INSERT INTO users (city_id, commune_id, username, username_key, full_name, role, password_hash)
          SELECT id, ${inCommune ? sql`(SELECT min(id) FROM communes)` : sql`NULL`}, ${username}, ${username}, 'Người thử', ${role}, 'x' FROM cities`;
    expect(await refusedBy(user('u1', 'superuser', true))).toBe('users_role_check');
    // A coordinator sits in a commune, whoever writes the row (the CLI, a script, the API).
    expect(await refusedBy(user('u2', 'coordinator'))).toBe('users_placement_check');
    expect(await refusedBy(user('u3', 'city_reviewer'))).toBe('');
  });

  it('catches a table that breaks them (built in this test database only)', async () => {
    await ctx.db.execute(sql`CREATE TABLE wrong_parent (id serial PRIMARY KEY, commune_id integer NOT NULL REFERENCES communes(id))`);
    await ctx.db.execute(sql`
      CREATE TABLE wrong_child (
        id serial PRIMARY KEY,
        commune_id integer NOT NULL REFERENCES communes(id),
        parent_id integer REFERENCES wrong_parent(id),
        code text UNIQUE,
        kind varchar(10)
      )`);
    await ctx.db.execute(sql`CREATE TABLE loose_notes (id serial PRIMARY KEY, commune_id integer REFERENCES communes(id), note text)`);
    const catalog = await readCatalog(ctx.db);
    const violations = shardingViolations(catalog, documentedReferenceTables());
    expect(violations).toEqual(
      expect.arrayContaining([
        'wrong_parent: primary key wrong_parent_pkey lacks commune_id',
        'wrong_child: primary key wrong_child_pkey lacks commune_id',
        'wrong_child: unique index wrong_child_code_key lacks commune_id',
        'wrong_child: foreign key wrong_child_parent_id_fkey to wrong_parent does not go through commune_id',
        'loose_notes: neither a tenant table (NOT NULL commune_id) nor listed as a reference table',
      ]),
    );
    expect(violations).toHaveLength(5);
    // A documented reference table that grows a NOT NULL commune_id is caught too.
    expect(shardingViolations(catalog, [...documentedReferenceTables(), 'wrong_parent', 'loose_notes'])).toContain(
      "wrong_parent: listed as a reference table but holds one commune's rows (NOT NULL commune_id)",
    );
    // And a vocabulary whose CHECK is missing.
    const withoutCheck = catalog.map((t) => (t.name === 'users' ? { ...t, checks: t.checks.filter((c) => !c.includes("'leader'")) } : t));
    expect(uncheckedVocabularies(withoutCheck)).toEqual(['users.role: closed vocabulary without a CHECK in the database']);
  });
});
