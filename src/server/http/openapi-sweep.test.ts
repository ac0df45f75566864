/**
 * Every route of the OpenAPI description, fed the values that used to crash the server:
 * ids beyond a PostgreSQL integer, NUL characters, dates PostgreSQL or the calendar refuse.
 * The values come from each route's own JSON schema (one mutated request per field), so a
 * route added later is swept too. Any 5xx fails, naming the request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, Multipart, tinyPdf } from '../test/factories';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  default?: unknown;
}

interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const BIG_ID = 2 ** 31; // one past PostgreSQL's integer
const NUL_TEXT = 'a\u0000b';
const BAD_DATES = ['0000-01-01', '2025-02-31', '10000-01-01'];
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** The schema a nullable or union field stands for: its first non-null branch. */
function concrete(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  return concrete(branches.find((b) => b.type !== 'null') ?? branches[0]);
}

const isDate = (schema: JsonSchema) => schema.pattern === DATE_PATTERN;

/** A plausible valid value, so that a request fails on the one field mutated, not on a missing one. */
function sample(raw: JsonSchema): unknown {
  const schema = concrete(raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (isDate(schema)) return '2026-06-01';
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'array':
      return schema.items && (schema.minItems ?? 0) > 0 ? [sample(schema.items)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sample(schema.properties?.[name] ?? {});
      return out;
    }
    default:
      return 'Thử nghiệm'.padEnd(Math.max(schema.minLength ?? 0, 10), 'x');
  }
}

/** The values that must be refused cleanly for a field of this schema. */
function badValues(raw: JsonSchema): unknown[] {
  const schema = concrete(raw);
  if (isDate(schema)) return [NUL_TEXT, ...BAD_DATES];
  if (schema.type === 'integer' || schema.type === 'number') return [BIG_ID, -BIG_ID - 1, 1.5];
  if (schema.type === 'string') return [NUL_TEXT, `Phòng${NUL_TEXT}`];
  return [];
}

/** One payload per (field, bad value): the sample with that one field replaced, at any depth. */
function mutations(raw: JsonSchema, base: unknown): unknown[] {
  const schema = concrete(raw);
  const here = badValues(schema);
  if (schema.type === 'object' && schema.properties) {
    const object = (base ?? {}) as Record<string, unknown>;
    return Object.entries(schema.properties).flatMap(([name, child]) => mutations(child, object[name] ?? sample(child)).map((value) => ({ ...object, [name]: value })));
  }
  if (schema.type === 'array' && schema.items) {
    const item = sample(schema.items);
    return mutations(schema.items, item).map((value) => [value]);
  }
  return here;
}

const encode = (value: unknown) => encodeURIComponent(String(value));

interface Probe {
  method: string;
  url: string;
  body?: unknown;
}

function probesOf(path: string, method: string, operation: Operation): Probe[] {
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const fill = (overrides: Record<string, unknown>) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => encode(overrides[name] ?? sample(pathParams.find((p) => p.name === name)?.schema ?? {})));
  const query = (overrides: Record<string, unknown>) => {
    const pairs = queryParams.filter((p) => p.required || p.name in overrides).map((p) => `${p.name}=${encode(p.name in overrides ? overrides[p.name] : sample(p.schema))}`);
    return pairs.length ? `?${pairs.join('&')}` : '';
  };
  const content = operation.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const multipart = 'multipart/form-data' in content || (operation as { consumes?: string[] }).consumes?.includes('multipart/form-data');
  const baseBody = jsonSchema ? sample(jsonSchema) : multipart ? new Multipart(`bao${NUL_TEXT}cao.pdf`, tinyPdf()) : undefined;

  const probes: Probe[] = [];
  for (const param of pathParams) {
    for (const value of [String(BIG_ID), NUL_TEXT, '-1']) probes.push({ method, url: fill({ [param.name]: value }) + query({}), body: baseBody });
  }
  for (const param of queryParams) {
    for (const value of badValues(param.schema)) probes.push({ method, url: fill({}) + query({ [param.name]: value }), body: baseBody });
  }
  if (jsonSchema) for (const body of mutations(jsonSchema, baseBody)) probes.push({ method, url: fill({}) + query({}), body });
  if (multipart) probes.push({ method, url: fill({}) + query({}), body: baseBody });
  return probes;
}

let ctx: TestContext;
const probes: Probe[] = [];
let routes = 0;
const sweeper = {} as Record<'admin' | 'coordinator', BuiltUser>;
beforeAll(async () => {
  ctx = await createTestContext();
  // Probes use id 1 wherever an id is valid: in a fresh database the first commune, unit, plan and task built are id 1,
  // so a probe gets past "not found" into the code that reads the mutated field.
  const commune = await buildCommune(ctx);
  const lead = await buildUnit(ctx, commune, { aliases: ['Phòng thử'] });
  sweeper.admin = await buildUser(ctx, { role: 'admin', city: { id: commune.cityId } });
  sweeper.coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  const plan = await buildPlan(ctx, commune, { targets: [{ text: 'Hoàn thành 100% nhiệm vụ.', comparator: '=', value: 100, unit: '%' }] });
  await buildTask(ctx, { plan }, { lead: [lead], progress: 30 });
  await buildTask(ctx, { commune }, { lead: [lead] });
  const spec = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
  for (const [path, operations] of Object.entries(spec.paths)) {
    // Signing out would end the sweeping user's session; it reads no input anyway.
    if (path === '/api/auth/logout') continue;
    for (const [method, operation] of Object.entries(operations)) {
      const mine = probesOf(path, method.toUpperCase(), operation);
      if (mine.length) routes++;
      probes.push(...mine);
    }
  }
});
afterAll(async () => ctx?.close());

async function sweep(username: string): Promise<string[]> {
  const cookie = await ctx.login(username);
  const failures: string[] = [];
  for (const probe of probes) {
    const headers: Record<string, string> = { cookie };
    let payload: string | Buffer | undefined;
    if (probe.body instanceof Multipart) {
      headers['content-type'] = probe.body.contentType;
      payload = probe.body.body;
    } else if (probe.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(probe.body);
    }
    const response = await ctx.app.inject({ method: probe.method as 'GET', url: probe.url, headers, payload });
    if (response.statusCode >= 500) failures.push(`${probe.method} ${probe.url} ${payload instanceof Buffer ? '(multipart)' : (payload ?? '')} → ${response.statusCode}`);
  }
  return failures;
}

describe('OpenAPI sweep: bad ids, NUL characters and impossible dates never answer 5xx', () => {
  it('the description lists every route and the sweep builds probes for each', () => {
    expect(routes).toBeGreaterThan(25);
    expect(probes.length).toBeGreaterThan(300);
    // The generator does see the fields that used to crash: a body with a NUL comment, an id of 2^31, a year-0 date.
    expect(probes.some((p) => p.url === '/api/tasks/1/comments' && JSON.stringify(p.body).includes('\\u0000'))).toBe(true);
    expect(probes.some((p) => JSON.stringify(p.body ?? '').includes(String(BIG_ID)))).toBe(true);
    expect(probes.some((p) => JSON.stringify(p.body ?? '').includes('0000-01-01'))).toBe(true);
  });

  for (const who of ['admin', 'coordinator'] as const) {
    it(`as ${who === 'admin' ? 'the city administrator' : 'a coordinator'}`, async () => {
      expect(await sweep(sweeper[who].username)).toEqual([]);
    }, 60_000);
  }
});
