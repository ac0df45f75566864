/**
 * Every text a route stores in a varchar column is bounded by validation at most at the
 * column's length (and, for a keyed name, at its key column's), read from the Drizzle schema:
 * a longer text is a 400 in Vietnamese, never PostgreSQL's 22001 after work has begun.
 */
import type { PgColumn } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { systemClock } from '../clock';
import type { Db } from '../db';
import { calendarOverrides, communes, plans, planTargets, tasks, unitAliases, units, users } from '../db/schema';

interface Schema {
  type?: string;
  maxLength?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
}

type Spec = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>> };

/** Route, method, field path (dots; [] for array items) → the columns the field is stored in. */
const STORED: [string, string, string, PgColumn[]][] = [
  ['/api/communes', 'post', 'name', [communes.name, communes.nameKey]],
  ['/api/communes', 'post', 'code', [communes.code, communes.codeKey]],
  ['/api/communes/{id}', 'patch', 'name', [communes.name, communes.nameKey]],
  ['/api/communes/{id}', 'patch', 'code', [communes.code, communes.codeKey]],
  ['/api/communes/{communeId}/units', 'post', 'name', [units.name, units.nameKey]],
  ['/api/communes/{communeId}/units', 'post', 'shortName', [units.shortName]],
  ['/api/units/{id}', 'patch', 'name', [units.name, units.nameKey]],
  ['/api/units/{id}/aliases', 'post', 'alias', [unitAliases.alias, unitAliases.aliasKey]],
  ['/api/users', 'post', 'username', [users.username, users.usernameKey]],
  ['/api/users', 'post', 'fullName', [users.fullName]],
  ['/api/users', 'post', 'title', [users.title]],
  ['/api/plans', 'post', 'title', [plans.title]],
  ['/api/plans', 'post', 'number', [plans.number]],
  ['/api/plans', 'post', 'issuer', [plans.issuer]],
  ['/api/plans', 'post', 'targets.[].unit', [planTargets.unit]],
  ['/api/plans/{id}', 'patch', 'title', [plans.title]],
  ['/api/tasks', 'post', 'sourceDocument', [tasks.sourceDocument]],
  ['/api/calendar/overrides', 'post', 'note', [calendarOverrides.note]],
  ['/api/communes/{communeId}/imports/save', 'post', 'plan.title', [plans.title]],
  ['/api/communes/{communeId}/imports/save', 'post', 'tasks.[].lead.[].name', [units.name, units.nameKey, unitAliases.alias, unitAliases.aliasKey]],
  ['/api/communes/{communeId}/imports/save', 'post', 'tasks.[].coordinators.[].name', [units.name, units.nameKey, unitAliases.alias, unitAliases.aliasKey]],
];

const concrete = (schema: Schema): Schema => (schema.anyOf ? concrete(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]) : schema);

function fieldSchema(root: Schema, dotted: string): Schema | undefined {
  let current: Schema | undefined = root;
  for (const step of dotted.split('.')) {
    if (!current) return undefined;
    current = concrete(current);
    current = step === '[]' ? current.items : current.properties?.[step];
  }
  return current && concrete(current);
}

let spec: Spec;
let close: () => Promise<void>;
beforeAll(async () => {
  // The description is built from the schemas alone; no request here reaches the database.
  const app = await buildApp({ db: {} as Db, clock: systemClock, config: { uploadDir: '/nonexistent', sessionDays: 1, secureCookies: false, logLevel: 'silent' }, logger: false });
  spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json<Spec>();
  close = () => app.close();
});
afterAll(async () => close?.());

describe('validation bounds stored text by its column length', () => {
  for (const [route, method, field, columns] of STORED) {
    it(`${method.toUpperCase()} ${route} ${field}`, () => {
      const body = spec.paths[route]?.[method]?.requestBody?.content?.['application/json']?.schema;
      expect(body, 'route in the description').toBeDefined();
      const schema = fieldSchema(body as Schema, field);
      expect(schema?.maxLength, 'a maxLength').toBeTypeOf('number');
      for (const column of columns) {
        const length = (column as PgColumn & { length?: number }).length;
        expect(length, `${column.name} is a varchar`).toBeTypeOf('number');
        expect(schema?.maxLength).toBeLessThanOrEqual(length as number);
      }
    });
  }
});
