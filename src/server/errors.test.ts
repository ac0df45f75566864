/**
 * The net under validation: what PostgreSQL itself refuses is answered 4xx in Vietnamese,
 * through the one error handler. Real refusals from a real database, not hand-made errors.
 */
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cities } from './db/schema';
import { registerErrorHandler, sqlStateOf } from './errors';
import { createTestContext, type TestContext } from './test/context';

let ctx: TestContext;
let app: FastifyInstance;

const STATEMENTS: Record<string, () => Promise<unknown>> = {
  nul: () => ctx.db.execute(sql`SELECT ${'a\u0000b'}::text`),
  'nul-json': () => ctx.db.execute(sql`SELECT ${'{"a":"\\u0000"}'}::jsonb`),
  'int-overflow': () => ctx.db.execute(sql`SELECT ${'2147483648'}::integer`),
  'year-zero': () => ctx.db.execute(sql`SELECT ${'0000-01-01'}::date`),
  'too-long': () => ctx.db.insert(cities).values({ name: 'Thành phố thử', code: 'X'.repeat(21) }),
  duplicate: async () => {
    await ctx.db.insert(cities).values({ name: 'Thành phố A', code: 'DUP' }).onConflictDoNothing();
    await ctx.db.insert(cities).values({ name: 'Thành phố B', code: 'DUP' });
  },
  'foreign-key': () => ctx.db.execute(sql`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ('x', 999999, now())`),
};

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  app = Fastify({ logger: false });
  registerErrorHandler(app);
  app.get<{ Params: { name: string } }>('/probe/:name', async (request) => {
    await STATEMENTS[request.params.name]();
    return { ok: true };
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const probe = async (name: string) => {
  const response = await app.inject({ method: 'GET', url: `/probe/${name}` });
  return { status: response.statusCode, ...(response.json() as { error: { code: string; message: string } }).error };
};

describe('PostgreSQL refusals map to 4xx in one place', () => {
  it('NUL in text or jsonb (22021, 22P05) → 400 naming the bad character', async () => {
    for (const name of ['nul', 'nul-json']) {
      expect(await probe(name)).toMatchObject({ status: 400, code: 'validation', message: expect.stringMatching(/ký tự không hợp lệ/) });
    }
  });

  it('an integer or a date out of range (22003, 22008) → 400', async () => {
    for (const name of ['int-overflow', 'year-zero']) {
      expect(await probe(name)).toMatchObject({ status: 400, code: 'validation', message: 'Có số hoặc ngày nằm ngoài phạm vi cho phép.' });
    }
  });

  it('text longer than its column (22001) → 400', async () => {
    expect(await probe('too-long')).toMatchObject({ status: 400, message: 'Có nội dung dài hơn mức cho phép.' });
  });

  it('a unique violation (23505) → 409 "đã tồn tại"; a missing reference (23503) → 409', async () => {
    expect(await probe('duplicate')).toMatchObject({ status: 409, code: 'duplicate', message: 'Dữ liệu này đã tồn tại.' });
    expect(await probe('foreign-key')).toMatchObject({ status: 409, code: 'conflict' });
  });

  it('finds the SQLSTATE through Drizzle’s wrapper, and only there', async () => {
    const error = await STATEMENTS['int-overflow']().catch((e: unknown) => e);
    expect(sqlStateOf(error)).toBe('22003');
    expect(sqlStateOf(new Error('plain'))).toBeUndefined();
  });
});
