/**
 * Dossier rows in PostgreSQL: the bulk upsert and the indicator aggregation.
 * The SQL conditions restate domain/indicators/formulas.ts rule for rule (each
 * marked with the function it mirrors); store.test.ts checks both give the same
 * figures on the same random dossiers.
 */
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Dossier, type IndicatorSet, type IndicatorWindow, type OpenedDossiers, percent, type RejectedRow, RowReader, windowBounds } from '../../domain/indicators';
import { BINARY_HEADER, BINARY_TRAILER, BinaryDossierRows } from './copy-binary';

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
 * Rows travel by `COPY … FROM STDIN` in binary (copy-binary.ts), the cheapest way into
 * PostgreSQL (no per-row statement, no JSON or date text to parse). A commune's first
 * load is one COPY into `dossiers` fed batch by batch as rows are checked: one statement,
 * so the per-day trigger (migration 0019) aggregates the whole file once instead of once
 * per batch — a batch of 5,000 rows spread over years touches about as many days as the
 * whole file. Later loads go batch by batch: a batch of codes the commune does not have yet (the new part of an export) is
 * copied straight into `dossiers`; a batch with known codes is copied into a temporary
 * table without indexes and merged by one statement: new codes inserted, changed rows
 * updated, equal rows left alone.
 */
const STAGE = 'dossier_stage';
const COPY_COLUMNS = `commune_id, ${COLUMNS.join(', ')}`;
/** Lives with the connection; emptied before each use, so rows of a failed earlier use never reach a merge. */
const CREATE_STAGE_SQL = `CREATE TEMP TABLE IF NOT EXISTS ${STAGE} AS SELECT ${COPY_COLUMNS} FROM dossiers WITH NO DATA`;
const COPY_STAGE_SQL = `COPY ${STAGE} (${COPY_COLUMNS}) FROM STDIN (FORMAT binary)`;
const COPY_DIRECT_SQL = `COPY dossiers (${COPY_COLUMNS}) FROM STDIN (FORMAT binary)`;
const KNOWN_SQL = 'SELECT EXISTS (SELECT 1 FROM dossiers WHERE commune_id = $1 AND code = ANY($2::varchar[])) AS known';
/** A commune's first load: every code is new (RowReader refuses a code twice in one file), no batch needs KNOWN_SQL. */
const EMPTY_SQL = 'SELECT NOT EXISTS (SELECT 1 FROM dossiers WHERE commune_id = $1) AS empty';
/**
 * One writer per commune at a time (a second upload or sync waits for the first to commit):
 * the "no known code" check then stays true until the batch is copied. Key space: the
 * first number names this lock ("dossiers"), the second is the commune.
 */
const LOCK_SQL = 'SELECT pg_advisory_xact_lock(1145, $1)';
const MERGE_SQL = `
WITH written AS (
  INSERT INTO dossiers (${COPY_COLUMNS})
  SELECT $1::int, ${COLUMNS.join(', ')} FROM ${STAGE}
  ON CONFLICT (commune_id, code) DO UPDATE SET ${UPDATED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
  WHERE (${UPDATED.map((c) => `dossiers.${c}`).join(', ')}) IS DISTINCT FROM (${UPDATED.map((c) => `EXCLUDED.${c}`).join(', ')})
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`;

const UPSERT_BATCH = 5000;
/** Rows checked between two turns of the event loop while a batch is in flight. */
const YIELD_EVERY = 250;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes checked dossiers inside the caller's transaction, one batch in flight while the
 * caller checks the next: PostgreSQL copies and merges batch n while JavaScript reads batch
 * n + 1 (two cores busy instead of one). A row equal to the stored one is left alone.
 */
export class DossierWriter {
  private readonly counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  private readonly rows = new BinaryDossierRows();
  private codes: string[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private started = false;
  /** The commune had no dossier when this writer took its lock. */
  private firstLoad = false;
  private staged = false;
  /** A first load's one COPY, open from its first batch to finish(); `copied` settles when PostgreSQL has all of it. */
  private firstCopy: { stream: Writable; copied: Promise<void> } | null = null;

  constructor(
    private readonly client: pg.PoolClient | pg.Client,
    private readonly communeId: number,
  ) {}

  /**
   * Adds a dossier; every UPSERT_BATCH, returns the wait for the previous batch before this
   * one is sent (await it). Between batches it returns nothing, so the caller awaits only then.
   */
  add(dossier: Dossier): Promise<void> | undefined {
    this.rows.append(this.communeId, dossier);
    this.codes.push(dossier.code);
    return this.codes.length >= UPSERT_BATCH ? this.send() : undefined;
  }

  /** Sends what is left and waits for every batch; a failed batch fails here (the caller rolls back). */
  async finish(): Promise<UpsertCounts> {
    if (this.codes.length > 0) await this.send();
    await this.inFlight;
    if (this.firstCopy) {
      this.firstCopy.stream.end(BINARY_TRAILER);
      await this.firstCopy.copied;
    }
    return this.counts;
  }

  /**
   * Ends an open COPY with an error (PostgreSQL rolls the statement back), so the caller's
   * ROLLBACK is not queued behind a COPY that would never end. Call it when giving up.
   */
  async abort(): Promise<void> {
    await this.inFlight.catch(() => {});
    if (!this.firstCopy) return;
    this.firstCopy.stream.destroy(new Error('Dừng nạp hồ sơ'));
    await this.firstCopy.copied.catch(() => {});
  }

  private async send(): Promise<void> {
    const rows = this.rows.take();
    const codes = this.codes;
    this.codes = [];
    await this.inFlight;
    this.inFlight = this.write(rows, codes);
    // A rejection is awaited (and thrown) by the next send or by finish(); keep Node from calling it unhandled meanwhile.
    this.inFlight.catch(() => {});
  }

  private async write(rows: Buffer, codes: string[]): Promise<void> {
    if (!this.started) {
      await this.client.query(LOCK_SQL, [this.communeId]);
      this.firstLoad = (await this.client.query<{ empty: boolean }>(EMPTY_SQL, [this.communeId])).rows[0].empty;
      this.started = true;
    }
    if (this.firstLoad) {
      await this.feedFirstCopy(rows);
      this.counts.inserted += codes.length;
      return;
    }
    const known = (await this.client.query<{ known: boolean }>(KNOWN_SQL, [this.communeId, codes])).rows[0].known;
    const { inserted, updated } = known ? await this.merge(rows) : await this.copy(COPY_DIRECT_SQL, rows).then(() => ({ inserted: codes.length, updated: 0 }));
    this.counts.inserted += inserted;
    this.counts.updated += updated;
    this.counts.unchanged += codes.length - inserted - updated;
  }

  /** Hands a batch to the first load's COPY; waits only while the connection's buffer is full. */
  private async feedFirstCopy(rows: Buffer): Promise<void> {
    if (!this.firstCopy) {
      const stream = this.client.query(copyFrom(COPY_DIRECT_SQL));
      const copied = finished(stream);
      // Awaited by finish() or abort(); an error before then also fails the next drain wait.
      copied.catch(() => {});
      this.firstCopy = { stream, copied };
      stream.write(BINARY_HEADER);
    }
    const { stream, copied } = this.firstCopy;
    // A COPY that PostgreSQL already refused is destroyed: it neither takes the rows nor drains; `copied` holds the error.
    if (stream.destroyed) return copied;
    if (!stream.write(rows)) await Promise.race([once(stream, 'drain'), copied]);
  }

  private copy(sql: string, rows: Buffer): Promise<void> {
    return pipeline(Readable.from([BINARY_HEADER, rows, BINARY_TRAILER]), this.client.query(copyFrom(sql)));
  }

  private async merge(rows: Buffer): Promise<{ inserted: number; updated: number }> {
    if (!this.staged) {
      await this.client.query(CREATE_STAGE_SQL);
      this.staged = true;
    }
    await this.client.query(`TRUNCATE ${STAGE}`);
    await this.copy(COPY_STAGE_SQL, rows);
    return (await this.client.query<{ inserted: number; updated: number }>(MERGE_SQL, [this.communeId])).rows[0];
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
  const writer = new DossierWriter(client, communeId);
  let accepted = 0;
  let read = 0;
  try {
    for (const row of opened.rows) {
      // Checking rows is synchronous: without a pause, the batch in flight would not move (its COPY
      // data and PostgreSQL's answers wait for the event loop) until the whole next batch is checked.
      if (++read % YIELD_EVERY === 0) await setImmediatePromise();
      const dossier = reader.read(row);
      if (!dossier) continue;
      accepted++;
      const sending = writer.add(dossier);
      if (sending) {
        await sending;
        onProgress?.(row.line, opened.lastLine);
      }
    }
    const counts = await writer.finish();
    onProgress?.(opened.lastLine, opened.lastLine);
    return { ...counts, accepted, rejected: reader.rejected };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** What indicators are broken down by. */
const GROUPINGS = { commune: 'commune_id::text', unit: 'unit_name', field: 'field', procedure: 'procedure_code' } as const;
export type Grouping = keyof typeof GROUPINGS;
/**
 * The statement for a grouping: by commune or for all together from dossier_days (it keeps communes
 * and days, not units, fields or procedures). Exported for bench:dossiers' EXPLAIN.
 */
export const sqlFor = (groupBy?: Grouping) =>
  groupBy === undefined || groupBy === 'commune' ? indicatorSql(groupBy ? GROUPINGS.commune : `''`, true) : indicatorSql(GROUPINGS[groupBy], false);

const FINISHING = `status IN ('resolved', 'rejected', 'stopped')`;

/**
 * Three index-friendly reads, joined by group key:
 * r — received in the window (isReceived, isOnline, isFullOnline, hasFee, isPaidOnline, isDigitised);
 * f — finished in the window (isFinished, isOnTime, hasElectronicResult, isRated, isSatisfied);
 * o — open at the end of the as-of day with the appointment passed (isOverdueOpen): the open ones
 *     (in progress, or a finishing status without an end) from dossiers_open_idx, plus those that
 *     ended only after the as-of day (necessarily after their appointment began: dossiers_late_idx).
 * By commune or for all communes together, r and f are sums of dossier_days instead (the same
 * counts kept per day by the triggers of migration 0019): a city's quarter reads days, not dossiers.
 */
function indicatorSql(key: string, byDay: boolean): string {
  const k = `coalesce((${key})::text, '')`;
  const receivedAndFinished = byDay
    ? `rf AS (
  SELECT ${k} AS key, sum(received) AS received, sum(online) AS online, sum(full_online) AS full_online, sum(fee) AS fee,
    sum(paid) AS paid, sum(digitised) AS digitised, sum(finished) AS finished, sum(on_time) AS on_time,
    sum(e_result) AS e_result, sum(rated) AS rated, sum(satisfied) AS satisfied
  FROM dossier_days
  WHERE commune_id = ANY($1) AND day BETWEEN $2::timestamp::date AND $3::timestamp::date
  GROUP BY 1
  HAVING sum(received) <> 0 OR sum(finished) <> 0
)`
    : `r AS (
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
), rf AS (SELECT * FROM r FULL JOIN f USING (key))`;
  return `
WITH ${receivedAndFinished}, o AS (
  SELECT key, count(*) AS overdue FROM (
    SELECT ${k} AS key FROM dossiers
    WHERE commune_id = ANY($1) AND status <> 'withdrawn' AND (status = 'processing' OR ended_at IS NULL) AND appointment_start <= $4 AND received_at <= $4
    UNION ALL
    SELECT ${k} AS key FROM dossiers
    WHERE commune_id = ANY($1) AND ${FINISHING} AND ended_at > appointment_start AND ended_at > $4 AND appointment_start <= $4 AND received_at <= $4
  ) open_then
  GROUP BY 1
)
SELECT key, coalesce(received, 0)::int AS received, coalesce(online, 0)::int AS online, coalesce(full_online, 0)::int AS full_online,
  coalesce(fee, 0)::int AS fee, coalesce(paid, 0)::int AS paid, coalesce(digitised, 0)::int AS digitised,
  coalesce(finished, 0)::int AS finished, coalesce(on_time, 0)::int AS on_time, coalesce(e_result, 0)::int AS e_result,
  coalesce(rated, 0)::int AS rated, coalesce(satisfied, 0)::int AS satisfied, coalesce(overdue, 0)::int AS overdue
FROM rf FULL JOIN o USING (key)
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

/** Wall-clock ms → "yyyy-mm-dd HH:mm:ss.SSS" for a `timestamp` parameter. */
const ts = (ms: number): string => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

/** indicatorSql's parameters: the communes, the window's first and last millisecond, the end of the as-of day. */
function windowParams(communeIds: number[], window: IndicatorWindow): [number[], string, string, string] {
  const { period, asOfEnd } = windowBounds(window);
  return [communeIds, ts(period.start), ts(period.end), ts(asOfEnd)];
}

/** Indicators per group (or one set for all the communes when `groupBy` is omitted). */
export async function queryIndicators(
  client: pg.Pool | pg.PoolClient,
  communeIds: number[],
  window: IndicatorWindow,
  groupBy?: Grouping,
): Promise<Array<{ key: string; indicators: IndicatorSet }>> {
  const result = await client.query<CountRow>(sqlFor(groupBy), windowParams(communeIds, window));
  if (!groupBy) return [{ key: '', indicators: toIndicatorSet(result.rows[0] ?? EMPTY) }];
  return result.rows.map((row) => ({ key: row.key, indicators: toIndicatorSet(row) }));
}

/**
 * Indicators of each commune and of all of them together, by one statement grouped by
 * commune: the whole is computed from the summed counts, so a small commune's 100 % weighs
 * as its few dossiers, not as much as a large commune's rate. A commune without dossiers has no row.
 */
export async function queryCommuneTable(
  client: pg.Pool | pg.PoolClient,
  communeIds: number[],
  window: IndicatorWindow,
): Promise<{ byCommune: Map<number, IndicatorSet>; total: IndicatorSet }> {
  const { rows } = await client.query<CountRow>(sqlFor('commune'), windowParams(communeIds, window));
  const sum = { ...EMPTY };
  for (const row of rows) for (const k of COUNT_KEYS) sum[k] += row[k];
  return { byCommune: new Map(rows.map((row) => [Number(row.key), toIndicatorSet(row)])), total: toIndicatorSet(sum) };
}

const COUNT_KEYS = Object.keys(EMPTY).filter((k) => k !== 'key') as Array<Exclude<keyof CountRow, 'key'>>;
