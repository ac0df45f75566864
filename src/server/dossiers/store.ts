/**
 * Dossier rows in PostgreSQL: the bulk upsert and the indicator aggregation.
 * The SQL conditions restate domain/indicators/formulas.ts rule for rule (each
 * marked with the function it mirrors); store.test.ts checks both give the same
 * figures on the same random dossiers.
 */
import type pg from 'pg';
import { type Dossier, type IndicatorSet, type IndicatorWindow, type OpenedDossiers, percent, type RejectedRow, RowReader } from '../../domain/indicators';
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
const UPDATED = COLUMNS.slice(1);

/**
 * One statement per batch: the rows travel as one JSON text (JSON.stringify is native, so
 * far cheaper in JavaScript than pg's array literals) and json_populate_recordset types
 * them by the table's own row type.
 */
const UPSERT_SQL = `
WITH written AS (
  INSERT INTO dossiers (commune_id, ${COLUMNS.join(', ')})
  SELECT $1::int, ${COLUMNS.map((c) => `r.${c}`).join(', ')} FROM json_populate_recordset(NULL::dossiers, $2::json) r
  ON CONFLICT (commune_id, code) DO UPDATE SET ${UPDATED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
  WHERE (${UPDATED.map((c) => `dossiers.${c}`).join(', ')}) IS DISTINCT FROM (${UPDATED.map((c) => `EXCLUDED.${c}`).join(', ')})
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`;

export const UPSERT_BATCH = 5000;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A dossier as the JSON object json_populate_recordset reads (keys = column names). */
function jsonRow(d: Dossier): Record<(typeof COLUMNS)[number], string | boolean | null> {
  return {
    code: d.code,
    procedure_code: d.procedureCode,
    procedure_name: d.procedureName,
    field: d.field,
    unit_name: d.unit,
    channel: d.channel,
    received_at: ts(d.received.start),
    appointment_start: ts(d.appointment.start),
    appointment_end: ts(d.appointment.end),
    ended_at: d.ended ? ts(d.ended.start) : null,
    status: d.status,
    has_fee: d.hasFee,
    paid_online: d.paidOnline,
    digitised: d.digitised,
    electronic_result: d.electronicResult,
    rating: d.rating,
  };
}

/**
 * Writes checked dossiers inside the caller's transaction, one batch in flight while the
 * caller checks the next: PostgreSQL works on batch n while JavaScript reads batch n + 1
 * (two cores busy instead of one). A row equal to the stored one is left alone.
 */
export class DossierWriter {
  private readonly counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  private batch: Dossier[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private written = 0;

  constructor(
    private readonly client: pg.PoolClient | pg.Client,
    private readonly communeId: number,
    private readonly onBatch?: (done: number) => void,
  ) {}

  /**
   * Adds a dossier; every UPSERT_BATCH, returns the wait for the previous batch before this
   * one is sent (await it). Between batches it returns nothing, so the caller awaits only then.
   */
  add(dossier: Dossier): Promise<void> | undefined {
    this.batch.push(dossier);
    return this.batch.length >= UPSERT_BATCH ? this.send() : undefined;
  }

  /** Sends what is left and waits for every batch; a failed batch fails here (the caller rolls back). */
  async finish(): Promise<UpsertCounts> {
    if (this.batch.length > 0) await this.send();
    await this.inFlight;
    return this.counts;
  }

  private async send(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    const payload = JSON.stringify(batch.map(jsonRow));
    await this.inFlight;
    this.inFlight = this.client.query<{ inserted: number; updated: number }>(UPSERT_SQL, [this.communeId, payload]).then((result) => {
      const { inserted, updated } = result.rows[0];
      this.counts.inserted += inserted;
      this.counts.updated += updated;
      this.counts.unchanged += batch.length - inserted - updated;
      this.written += batch.length;
      this.onBatch?.(this.written);
    });
    // A rejection is awaited (and thrown) by the next send or by finish(); keep Node from calling it unhandled meanwhile.
    this.inFlight.catch(() => {});
  }
}

/**
 * Checks an opened file row by row and writes its good rows in batches, checking the
 * next batch while PostgreSQL writes the previous one. Runs inside the caller's
 * transaction: the caller commits all of it or rolls all of it back.
 */
export async function writeDossiers(
  client: pg.PoolClient | pg.Client,
  communeId: number,
  opened: OpenedDossiers,
  onProgress?: (done: number, total: number) => void,
): Promise<UpsertCounts & { accepted: number; rejected: RejectedRow[] }> {
  const reader = new RowReader(opened.columns, opened.headerCount);
  const total = opened.rows.length;
  const writer = new DossierWriter(client, communeId);
  let accepted = 0;
  for (const [index, row] of opened.rows.entries()) {
    const dossier = reader.read(row);
    if (!dossier) continue;
    accepted++;
    const sending = writer.add(dossier);
    if (sending) {
      await sending;
      onProgress?.(index + 1, total);
    }
  }
  const counts = await writer.finish();
  onProgress?.(total, total);
  return { ...counts, accepted, rejected: reader.rejected };
}

/** Writes dossiers (already validated) inside the caller's transaction. */
export async function upsertDossiers(client: pg.PoolClient | pg.Client, communeId: number, dossiers: Dossier[], onBatch?: (done: number) => void): Promise<UpsertCounts> {
  const writer = new DossierWriter(client, communeId, onBatch);
  for (const d of dossiers) await writer.add(d);
  return writer.finish();
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
