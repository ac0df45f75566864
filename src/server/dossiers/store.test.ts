/**
 * The SQL aggregation restates the domain's formulas; here both count the same
 * random dossiers (moments of every precision, around window edges) and must agree.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, computeIndicators, DOSSIER_STATUSES, type Dossier, type IndicatorWindow, type LocalMoment, RATINGS } from '../../domain/indicators';
import { createTestContext, type TestContext } from '../test/context';
import { buildCommune } from '../test/factories';
import { seededRandom } from '../test/seeded-random';
import { DossierWriter, queryIndicators } from './store';

/** Dossiers already checked, through the upload's writer (batches, copy or merge). */
async function upsertDossiers(client: pg.PoolClient, communeId: number, dossiers: Dossier[]) {
  const writer = new DossierWriter(client, communeId);
  for (const d of dossiers) await writer.add(d);
  return writer.finish();
}

let ctx: TestContext;
let pool: pg.Pool;
let communeId: number;
beforeAll(async () => {
  ctx = await createTestContext();
  pool = (ctx.db as typeof ctx.db & { $client: pg.Pool }).$client;
  communeId = (await buildCommune(ctx)).id;
});
afterAll(async () => ctx.close());

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);

function randomDossiers(count: number, seed: number): Dossier[] {
  const r = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  const maybe = <T>(value: T): T | null => (r() < 0.2 ? null : value);
  const moment = (ms: number): LocalMoment => {
    const precision = pick(['day', 'minute', 'second'] as const);
    if (precision === 'day') {
      const start = Math.floor(ms / DAY) * DAY;
      return { start, end: start + DAY - 1, precision };
    }
    if (precision === 'minute') {
      const start = Math.floor(ms / 60_000) * 60_000;
      return { start, end: start + 59_999, precision };
    }
    const start = Math.floor(ms / 1000) * 1000;
    return { start, end: start + 999, precision };
  };
  return Array.from({ length: count }, (_, i) => {
    const received = moment(BASE + r() * 200 * DAY);
    const appointment = moment(received.start + r() * 20 * DAY);
    const status = pick(DOSSIER_STATUSES);
    const ended = status === 'processing' && r() < 0.7 ? null : moment(received.start + r() * 25 * DAY);
    return {
      code: `R-${i}`,
      procedureCode: pick(['1.1', '1.2', '2.1', null]),
      procedureName: null,
      field: pick(['Hộ tịch', 'Đất đai', 'Chứng thực', null]),
      unit: pick(['Bộ phận Một cửa', 'Công an xã', null]),
      channel: pick(CHANNELS),
      received,
      appointment,
      ended,
      status,
      hasFee: maybe(r() < 0.5),
      paidOnline: maybe(r() < 0.5),
      digitised: maybe(r() < 0.6),
      electronicResult: maybe(r() < 0.5),
      rating: r() < 0.4 ? null : pick(RATINGS),
    };
  });
}

const WINDOWS: IndicatorWindow[] = [
  { from: '2025-01-01', to: '2025-03-31', asOf: '2025-03-31' },
  { from: '2025-02-15', to: '2025-02-15', asOf: '2025-05-01' },
  { from: '2025-04-01', to: '2025-06-30', asOf: '2025-04-10' },
  { from: '2024-01-01', to: '2026-12-31', asOf: '2026-12-31' },
];

describe('the bulk write', () => {
  it('keeps backslashes, tabs and line breaks of a cell, and copies new codes beside merged known ones', async () => {
    const [first] = randomDossiers(1, 7);
    const other = (await buildCommune(ctx)).id;
    const odd = { ...first, code: 'ESC-1', procedureName: 'Cấp bản sao\\trích lục\tkhai sinh\nlần 2\r', unit: '\\N' };
    const client = await pool.connect();
    try {
      expect(await upsertDossiers(client, other, [odd])).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      const changed = { ...odd, field: 'Hộ tịch mới' };
      expect(await upsertDossiers(client, other, [changed, { ...first, code: 'ESC-2' }])).toEqual({ inserted: 1, updated: 1, unchanged: 0 });
    } finally {
      client.release();
    }
    const { rows } = await pool.query('SELECT code, procedure_name, unit_name, field FROM dossiers WHERE commune_id = $1 ORDER BY code', [other]);
    expect(rows).toEqual([
      { code: 'ESC-1', procedure_name: odd.procedureName, unit_name: '\\N', field: 'Hộ tịch mới' },
      { code: 'ESC-2', procedure_name: first.procedureName, unit_name: first.unit, field: first.field },
    ]);
  });
});

describe('SQL indicators agree with the domain formulas', () => {
  const dossiers = randomDossiers(1500, 20250101);

  it('stores the random dossiers', async () => {
    const client = await pool.connect();
    try {
      expect(await upsertDossiers(client, communeId, dossiers)).toEqual({ inserted: 1500, updated: 0, unchanged: 0 });
      expect(await upsertDossiers(client, communeId, dossiers)).toEqual({ inserted: 0, updated: 0, unchanged: 1500 });
    } finally {
      client.release();
    }
  });

  for (const window of WINDOWS) {
    it(`gives the same figures for ${window.from} … ${window.to} as of ${window.asOf}, whole and by field`, async () => {
      const [whole] = await queryIndicators(pool, [communeId], window);
      expect(whole.indicators).toEqual(computeIndicators(dossiers, window));
      const byField = await queryIndicators(pool, [communeId], window, 'field');
      for (const group of byField) {
        const members = dossiers.filter((d) => (d.field ?? '') === group.key);
        expect(group.indicators, group.key).toEqual(computeIndicators(members, window));
      }
    });
  }
});
