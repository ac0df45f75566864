/**
 * /api/docs describes every route: its inputs and, for each success, the answer's schema from
 * src/contract. Built without a database: the description is made when routes are registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { systemClock } from './clock';
import type { Db } from './db';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }>; description?: string }>;
}

let spec: { paths: Record<string, Record<string, Operation>> };
let close: () => Promise<void>;

beforeAll(async () => {
  const app = await buildApp({
    db: {} as Db,
    clock: systemClock,
    config: { uploadDir: '/nonexistent', sessionDays: 1, secureCookies: false, logLevel: 'silent' },
    logger: false,
  });
  const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(response.statusCode).toBe(200);
  spec = response.json();
  close = () => app.close();
});
afterAll(async () => close?.());

describe('the OpenAPI description', () => {
  it('lists every API route', () => {
    const operations = Object.values(spec.paths).flatMap((methods) => Object.keys(methods));
    expect(operations.length).toBeGreaterThanOrEqual(35);
  });

  it('gives every operation a success answer, with a schema unless it is 204', () => {
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const success = Object.entries(operation.responses ?? {}).filter(([code]) => code.startsWith('2'));
        const described = success.some(([code, answer]) => code === '204' || Object.values(answer.content ?? {}).some((c) => c.schema));
        const name = `${method.toUpperCase()} ${path}`;
        if (!described) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the rights a commune carries', () => {
    const answer = spec.paths['/api/communes'].get.responses?.['200'];
    expect(JSON.stringify(answer)).toContain('canManageUnits');
  });
});
