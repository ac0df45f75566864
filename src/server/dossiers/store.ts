/**
 * Dossier rows in PostgreSQL: the bulk upsert and the indicator aggregation.
 * The SQL conditions restate domain/indicators/formulas.ts rule for rule (each
 * marked with the function it mirrors); store.test.ts checks both give the same
 * figures on the same random dossiers.
 */
import type pg from 'pg';
import { type Dossier, type IndicatorSet, type IndicatorWindow, percent } from '../../domain/indicators';
import { dayBounds } from '../../domain/indicators/values';

/** Wall-clock ms → "yyyy-mm-dd HH:mm:ss.SSS" for a `timestamp` column. */
const ts = (ms: number): string => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

const COLUMNS = [
  'code',
  'procedure_code',
  'procedure_name',
  'field',
  'unit_name',
  'channel',
  'received_at',
  'appointment_start',
  'appointment_end',
  'ended_at',
  'status',
  'has_fee',
  'paid_online',
  'digitised',
  'electronic_result',
  'rating',
] as const;
const TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'timestamp', 'timestamp', 'timestamp', 'timestamp', 'text', 'bool', 'bool', 'bool', 'bool', 'text'];
const UPDATED = COLUMNS.slice(1);

/** One statement per batch: unnest of column arrays, so a batch costs one round trip. */
const UPSERT_SQL = `
INSERT INTO dossiers (commune_id, ${COLUMNS.join(', ')})
SELECT $1::int, * FROM unnest(${COLUMNS.map((_, i) => `$${i + 2}::${TYPES[i]}[]`).join(', ')})
ON CONFLICT (commune_id, code) DO UPDATE SET ${UPDATED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
WHERE (${UPDATED.map((c) => `dossiers.${c}`).join(', ')}) IS DISTINCT FROM (${UPDATED.map((c) => `EXCLUDED.${c}`).join(', ')})
RETURNING (xmax = 0) AS inserted`;

export const UPSERT_BATCH = 5000;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Writes dossiers (already validated) inside the caller's transaction; a row equal to the stored one is left alone. */
export async function upsertDossiers(client: pg.PoolClient | pg.Client, communeId: number, dossiers: Dossier[], onBatch?: (done: number) => void): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let from = 0; from < dossiers.length; from += UPSERT_BATCH) {
    const batch = dossiers.slice(from, from + UPSERT_BATCH);
    const columns: unknown[][] = COLUMNS.map(() => []);
    for (const d of batch) {
      const values = [
        d.code,
        d.procedureCode,
        d.procedureName,
        d.field,
        d.unit,
        d.channel,
        ts(d.received.start),
        ts(d.appointment.start),
        ts(d.appointment.end),
        d.ended ? ts(d.ended.start) : null,
        d.status,
        d.hasFee,
        d.paidOnline,
        d.digitised,
        d.electronicResult,
        d.rating,
      ];
      values.forEach((v, i) => {
        columns[i].push(v);
      });
    }
    const result = await client.query<{ inserted: boolean }>(UPSERT_SQL, [communeId, ...columns]);
    const inserted = result.rows.filter((r) => r.inserted).length;
    counts.inserted += inserted;
    counts.updated += result.rows.length - inserted;
    counts.unchanged += batch.length - result.rows.length;
    onBatch?.(Math.min(from + UPSERT_BATCH, dossiers.length));
  }
  return counts;
}

/** What indicators are broken down by. */
export const GROUPINGS = { commune: 'commune_id::text', unit: 'unit_name', field: 'field', procedure: 'procedure_code' } as const;
export type Grouping = keyof typeof GROUPINGS;

const FINISHING = `status IN ('resolved', 'rejected', 'stopped')`;

/**
 * Three index-friendly reads, joined by group key:
 * r — received in the window (isReceived, isOnline, isFullOnline, hasFee, isPaidOnline, isDigitised);
 * f — finished in the window (isFinished, isOnTime, hasElectronicResult, isRated, isSatisfied);
 * o — open at the end of the as-of day with the appointment passed (isOverdueOpen): the open ones
 *     from the partial index, plus those that ended only after the as-of day.
 */
function indicatorSql(key: string): string {
  const k = `coalesce((${key})::text, '')`;
  return `
WITH r AS (
  SELECT ${k} AS key, count(*) AS received,
    count(*) FILTER (WHERE channel IN ('online_partial', 'online_full')) AS online,
    count(*) FILTER (WHERE channel = 'online_full') AS full_online,
    count(*) FILTER (WHERE has_fee) AS fee,
    count(*) FILTER (WHERE has_fee AND paid_online) AS paid,
    count(*) FILTER (WHERE digitised) AS digitised
  FROM dossiers
  WHERE commune_id = ANY($1) AND status <> 'withdrawn' AND received_at BETWEEN $2 AND $3
  GROUP BY 1
), f AS (
  SELECT ${k} AS key, count(*) AS finished,
    count(*) FILTER (WHERE ended_at <= appointment_end) AS on_time,
    count(*) FILTER (WHERE electronic_result) AS e_result,
    count(*) FILTER (WHERE rating IS NOT NULL) AS rated,
    count(*) FILTER (WHERE rating IN ('very_satisfied', 'satisfied')) AS satisfied
  FROM dossiers
  WHERE commune_id = ANY($1) AND ${FINISHING} AND ended_at BETWEEN $2 AND $3
  GROUP BY 1
), o AS (
  SELECT key, count(*) AS overdue FROM (
    SELECT ${k} AS key FROM dossiers
    WHERE commune_id = ANY($1) AND status = 'processing' AND appointment_start <= $4 AND received_at <= $4
    UNION ALL
    SELECT ${k} AS key FROM dossiers
    WHERE commune_id = ANY($1) AND ${FINISHING} AND ended_at > $4 AND appointment_start <= $4 AND received_at <= $4
  ) open_then
  GROUP BY 1
)
SELECT key, coalesce(received, 0)::int AS received, coalesce(online, 0)::int AS online, coalesce(full_online, 0)::int AS full_online,
  coalesce(fee, 0)::int AS fee, coalesce(paid, 0)::int AS paid, coalesce(digitised, 0)::int AS digitised,
  coalesce(finished, 0)::int AS finished, coalesce(on_time, 0)::int AS on_time, coalesce(e_result, 0)::int AS e_result,
  coalesce(rated, 0)::int AS rated, coalesce(satisfied, 0)::int AS satisfied, coalesce(overdue, 0)::int AS overdue
FROM r FULL JOIN f USING (key) FULL JOIN o USING (key)
ORDER BY key`;
}

interface CountRow {
  key: string;
  received: number;
  online: number;
  full_online: number;
  fee: number;
  paid: number;
  digitised: number;
  finished: number;
  on_time: number;
  e_result: number;
  rated: number;
  satisfied: number;
  overdue: number;
}

function toIndicatorSet(n: CountRow): IndicatorSet {
  return {
    received: n.received,
    finished: n.finished,
    on_time: n.on_time,
    late: n.finished - n.on_time,
    on_time_pct: percent(n.on_time, n.finished),
    overdue_open: n.overdue,
    online_pct: percent(n.online, n.received),
    full_online_pct: percent(n.full_online, n.received),
    online_payment_pct: percent(n.paid, n.fee),
    digitised_pct: percent(n.digitised, n.received),
    e_result_pct: percent(n.e_result, n.finished),
    satisfaction_pct: percent(n.satisfied, n.rated),
  };
}

const EMPTY: CountRow = {
  key: '',
  received: 0,
  online: 0,
  full_online: 0,
  fee: 0,
  paid: 0,
  digitised: 0,
  finished: 0,
  on_time: 0,
  e_result: 0,
  rated: 0,
  satisfied: 0,
  overdue: 0,
};

/** Indicators per group (or one set for all the communes when `groupBy` is omitted). */
export async function queryIndicators(
  client: pg.Pool | pg.PoolClient,
  communeIds: number[],
  window: IndicatorWindow,
  groupBy?: Grouping,
): Promise<Array<{ key: string; indicators: IndicatorSet }>> {
  const period = { start: dayBounds(window.from).start, end: dayBounds(window.to).end };
  const asOfEnd = dayBounds(window.asOf).end;
  const params = [communeIds, ts(period.start), ts(period.end), ts(asOfEnd)];
  const result = await client.query<CountRow>(indicatorSql(groupBy ? GROUPINGS[groupBy] : `''`), params);
  if (!groupBy) return [{ key: '', indicators: toIndicatorSet(result.rows[0] ?? EMPTY) }];
  return result.rows.map((row) => ({ key: row.key, indicators: toIndicatorSet(row) }));
}
