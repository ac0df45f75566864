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

describe('the binary COPY', () => {
  const text = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
  const moment = (start: number, end = start) => ({ start, end, precision: 'second' as const });

  it('stores every value as read, over the batches of one first load, before and after 2000-01-01', async () => {
    const dossiers = randomDossiers(12_345, 4242);
    dossiers[0] = { ...dossiers[0], received: moment(Date.UTC(1999, 11, 31, 23, 59, 59, 999)), appointment: moment(Date.UTC(1970, 0, 1), Date.UTC(2000, 0, 1)) };
    dossiers[1] = { ...dossiers[1], code: 'Mã-hồ-sơ-😀', procedureName: 'Đăng ký khai sinh — lần 2', ended: moment(Date.UTC(2026, 1, 28, 0, 0, 0, 1)), status: 'resolved' };
    const other = (await buildCommune(ctx)).id;
    const client = await pool.connect();
    try {
      expect(await upsertDossiers(client, other, dossiers)).toEqual({ inserted: 12_345, updated: 0, unchanged: 0 });
    } finally {
      client.release();
    }
    const { rows } = await pool.query(
      `SELECT code, procedure_code, procedure_name, field, unit_name, channel, status, has_fee, paid_online, digitised, electronic_result, rating,
         to_char(received_at, 'YYYY-MM-DD HH24:MI:SS.MS') AS received, to_char(appointment_start, 'YYYY-MM-DD HH24:MI:SS.MS') AS appointment_start,
         to_char(appointment_end, 'YYYY-MM-DD HH24:MI:SS.MS') AS appointment_end, to_char(ended_at, 'YYYY-MM-DD HH24:MI:SS.MS') AS ended
       FROM dossiers WHERE commune_id = $1`,
      [other],
    );
    const stored = new Map(rows.map((row) => [row.code, row]));
    expect(stored.size).toBe(dossiers.length);
    for (const d of dossiers)
      expect(stored.get(d.code), d.code).toEqual({
        code: d.code,
        procedure_code: d.procedureCode,
        procedure_name: d.procedureName,
        field: d.field,
        unit_name: d.unit,
        channel: d.channel,
        status: d.status,
        has_fee: d.hasFee,
        paid_online: d.paidOnline,
        digitised: d.digitised,
        electronic_result: d.electronicResult,
        rating: d.rating,
        received: text(d.received.start),
        appointment_start: text(d.appointment.start),
        appointment_end: text(d.appointment.end),
        ended: d.ended ? text(d.ended.start) : null,
      });
  });

  it("fails with PostgreSQL's error when it refuses a row of a first load while later rows are still coming, and rolls back whole", async () => {
    const dossiers = randomDossiers(30_000, 6);
    // PostgreSQL's text holds no NUL (the row checks refuse such cells; this writer is given rows already checked).
    dossiers[10] = { ...dossiers[10], procedureName: 'hỏng\u0000' };
    const other = (await buildCommune(ctx)).id;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      expect(await upsertDossiers(client, other, dossiers).catch((error: { code?: string }) => error.code)).toBe('22021');
      await client.query('ROLLBACK');
      expect((await client.query('SELECT count(*)::int AS n FROM dossiers WHERE commune_id = $1', [other])).rows[0].n).toBe(0);
    } finally {
      client.release();
    }
  });

  it('gives up a first load in the middle without holding the connection: nothing stored, the transaction rolls back', async () => {
    const other = (await buildCommune(ctx)).id;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const writer = new DossierWriter(client, other);
      for (const d of randomDossiers(7_000, 5)) await writer.add(d);
      await writer.abort();
      await client.query('ROLLBACK');
      expect((await client.query('SELECT count(*)::int AS n FROM dossiers WHERE commune_id = $1', [other])).rows[0].n).toBe(0);
    } finally {
      client.release();
    }
  });
});

describe("a dossier's commune (checked once per statement, migration 0020)", () => {
  async function refusal(run: () => Promise<unknown>): Promise<{ code?: string; constraint?: string } | null> {
    try {
      await run();
      return null;
    } catch (error) {
      return error as { code?: string; constraint?: string };
    }
  }
  const KEY = { code: '23503', constraint: 'dossiers_commune_id_communes_id_fk' };

  it('refuses dossiers of a commune that does not exist, by COPY, insert or update, and keeps nothing of the statement', async () => {
    const missing = (await pool.query<{ id: number }>('SELECT coalesce(max(id), 0) + 1000 AS id FROM communes')).rows[0].id;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      expect(await refusal(() => upsertDossiers(client, missing, randomDossiers(10, 1)))).toMatchObject(KEY);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const other = (await buildCommune(ctx)).id;
    const insert = `INSERT INTO dossiers (commune_id, code, channel, received_at, appointment_start, appointment_end, status)
      VALUES ($1, $2, 'direct', '2025-01-02 08:00', '2025-01-05 17:00', '2025-01-05 17:00:59.999', 'processing')`;
    await pool.query(insert, [other, 'K-1']);
    expect(await refusal(() => pool.query(insert, [missing, 'K-2']))).toMatchObject(KEY);
    expect(await refusal(() => pool.query('UPDATE dossiers SET commune_id = $1 WHERE commune_id = $2', [missing, other]))).toMatchObject(KEY);
    expect((await pool.query('SELECT commune_id, code FROM dossiers WHERE code LIKE $1', ['K-%'])).rows).toEqual([{ commune_id: other, code: 'K-1' }]);
  });

  it('keeps a commune that has dossiers from being deleted or renumbered, and lets one without go', async () => {
    const [kept, empty] = [(await buildCommune(ctx)).id, (await buildCommune(ctx)).id];
    const client = await pool.connect();
    try {
      await upsertDossiers(client, kept, randomDossiers(3, 2));
    } finally {
      client.release();
    }
    expect(await refusal(() => pool.query('DELETE FROM communes WHERE id = $1', [kept]))).toMatchObject(KEY);
    expect(await refusal(() => pool.query('UPDATE communes SET id = $1 WHERE id = $2', [kept + 100_000, kept]))).toMatchObject(KEY);
    await pool.query('DELETE FROM communes WHERE id = $1', [empty]);
    expect((await pool.query('SELECT id FROM communes WHERE id = ANY($1)', [[kept, empty]])).rows).toEqual([{ id: kept }]);
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

describe('the per-day counts (dossier_days) follow every write', () => {
  const first = randomDossiers(800, 7070);
  /** The same codes re-exported later: statuses, ends and ratings changed, some withdrawn; and new codes. */
  const r = seededRandom(99);
  const second = [
    ...first.map((d) =>
      r() < 0.5 ? d : { ...d, status: r() < 0.2 ? ('withdrawn' as const) : d.status, ended: r() < 0.5 ? null : d.ended, rating: null, digitised: !d.digitised },
    ),
    ...randomDossiers(300, 8080).map((d) => ({ ...d, code: `N-${d.code}` })),
  ];
  let other: number;

  async function expectAgreement(communeIdOf: number, dossiers: Dossier[]) {
    for (const window of WINDOWS) {
      const expected = computeIndicators(dossiers, window);
      const [whole] = await queryIndicators(pool, [communeIdOf], window);
      expect(whole.indicators, `${window.from} … ${window.to}`).toEqual(expected);
      const byCommune = await queryIndicators(pool, [communeIdOf], window, 'commune');
      expect(byCommune.map((g) => g.indicators)).toEqual(expected.received + expected.finished + expected.overdue_open === 0 ? [] : [expected]);
    }
  }

  it('after a first load, a changed re-export through the merge, and writes straight to the table', async () => {
    other = (await buildCommune(ctx)).id;
    const client = await pool.connect();
    try {
      await upsertDossiers(client, other, first);
      await expectAgreement(other, first);
      await upsertDossiers(client, other, second);
      await expectAgreement(other, second);
    } finally {
      client.release();
    }
    await pool.query(`DELETE FROM dossiers WHERE commune_id = $1 AND code LIKE 'N-%'`, [other]);
    await pool.query(`UPDATE dossiers SET status = 'withdrawn' WHERE commune_id = $1 AND code IN ('R-1', 'R-2', 'R-3')`, [other]);
    const withdrawn = new Set(['R-1', 'R-2', 'R-3']);
    await expectAgreement(
      other,
      second.filter((d) => !d.code.startsWith('N-')).map((d) => (withdrawn.has(d.code) ? { ...d, status: 'withdrawn' as const } : d)),
    );
  });

  it('hold exactly the days the dossiers give, recounted from scratch', async () => {
    const { rows } = await pool.query(
      `SELECT day::text, received, finished FROM dossier_days WHERE commune_id = $1 AND (received <> 0 OR finished <> 0)
       EXCEPT
       SELECT day::text, sum(received)::int, sum(finished)::int FROM (
         SELECT received_at::date AS day, 1 AS received, 0 AS finished FROM dossiers WHERE commune_id = $1 AND status <> 'withdrawn'
         UNION ALL
         SELECT ended_at::date, 0, 1 FROM dossiers WHERE commune_id = $1 AND status IN ('resolved', 'rejected', 'stopped') AND ended_at IS NOT NULL
       ) x GROUP BY day`,
      [other],
    );
    expect(rows).toEqual([]);
  });
});
