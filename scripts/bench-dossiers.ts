/**
 * `npm run bench:dossiers`: a city of 120 communes with realistic dossiers on
 * PostgreSQL. Measures the CSV ingest through the app's own path (read, check,
 * upsert in one transaction per file) against PostgreSQL's COPY of the same rows
 * into a twin table with the same indexes, then the indicator reads, then the
 * 200,000-dossier web upload over HTTP with its progress polled. Last line: the JSON
 * the issue asks for. `--upload-only` (npm run bench:upload): only the web upload.
 *
 *   BENCH_DOSSIERS=10000000 (default) · BENCH_COMMUNES=120 · BENCH_UPLOAD_ROWS=200000
 *   BENCH_EXPLAIN=1 also prints PostgreSQL's plan of the city's quarter (EXPLAIN ANALYZE).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { TImportProgress } from '../src/contract';
import { openDossierCsv, TEMPLATE_CSV_HEADER } from '../src/domain/indicators';
import { buildApp } from '../src/server/app';
import { systemClock } from '../src/server/clock';
import { applyMigrations, connectDatabase, ensureDatabase } from '../src/server/db';
import { startEmbeddedPostgres } from '../src/server/db/embedded';
import { cities, communes } from '../src/server/db/schema';
import { queryIndicators, writeDossiers } from '../src/server/dossiers/store';
import { Multipart } from '../src/server/test/factories';
import { seededRandom } from '../src/server/test/seeded-random';
import { insertUser } from '../src/server/users/service';

const ROWS = Number(process.env.BENCH_DOSSIERS ?? 10_000_000);
const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 120);
const UPLOAD_ROWS = Number(process.env.BENCH_UPLOAD_ROWS ?? 200_000);
/** `npm run bench:upload`: only the web upload (no city load, no indicator reads). */
const UPLOAD_ONLY = process.argv.includes('--upload-only');
const log = (message: string) => process.stderr.write(`${message}\n`);

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const SPAN_DAYS = 3 * 365;
const FIELDS = [
  ['1.001', 'Chứng thực bản sao từ bản chính', 'Chứng thực'],
  ['1.002', 'Đăng ký khai sinh', 'Hộ tịch'],
  ['1.003', 'Đăng ký kết hôn', 'Hộ tịch'],
  ['2.001', 'Đăng ký biến động đất đai', 'Đất đai'],
  ['2.002', 'Cấp giấy phép xây dựng', 'Xây dựng'],
  ['3.001', 'Trợ cấp xã hội hằng tháng', 'Bảo trợ xã hội'],
];
const pad = (n: number) => String(n).padStart(2, '0');
const vn = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

interface Generated {
  csv: Buffer;
  copy: Buffer;
  rows: number;
}

/** One commune's export: the template CSV and the same rows as COPY text (wall-clock timestamps). */
function generate(communeId: number, rows: number, seed: number): Generated {
  const r = seededRandom(seed);
  const csv: string[] = [TEMPLATE_CSV_HEADER];
  const copy: string[] = [];
  for (let i = 0; i < rows; i++) {
    const [procCode, procName, field] = FIELDS[Math.floor(r() * FIELDS.length)];
    const received = START + Math.floor(r() * SPAN_DAYS) * DAY + (7 * 60 + Math.floor(r() * 600)) * 60_000;
    const appointment = received + (1 + Math.floor(r() * 15)) * DAY;
    const x = r();
    const channel = x < 0.4 ? 'Trực tiếp' : x < 0.75 ? 'Trực tuyến một phần' : x < 0.95 ? 'Trực tuyến toàn trình' : 'Bưu chính công ích';
    const y = r();
    const status = y < 0.02 ? 'Rút hồ sơ' : y < 0.06 ? 'Đang xử lý' : y < 0.1 ? 'Từ chối / trả lại' : y < 0.11 ? 'Dừng xử lý' : 'Đã giải quyết';
    const ended =
      status === 'Đang xử lý' || status === 'Rút hồ sơ' ? null : r() < 0.95 ? received + Math.floor(r() * (appointment - received)) : appointment + Math.floor(r() * 5 * DAY);
    const fee = r() < 0.5;
    const paid = fee && r() < 0.7;
    const digitised = r() < 0.85;
    const eResult = ended !== null && r() < 0.8;
    const z = r();
    const rating = ended === null || z < 0.5 ? '' : z < 0.8 ? 'Rất hài lòng' : z < 0.95 ? 'Hài lòng' : z < 0.98 ? 'Chấp nhận được' : 'Không hài lòng';
    const code = `H${communeId}.${i}`;
    const yn = (b: boolean) => (b ? 'Có' : 'Không');
    csv.push(
      [
        code,
        procCode,
        procName,
        field,
        'Bộ phận Một cửa',
        channel,
        vn(received),
        vn(appointment),
        ended === null ? '' : vn(ended),
        status,
        yn(fee),
        fee ? yn(paid) : '',
        yn(digitised),
        yn(eResult),
        rating,
      ].join(','),
    );
    const channelCode = { 'Trực tiếp': 'direct', 'Trực tuyến một phần': 'online_partial', 'Trực tuyến toàn trình': 'online_full', 'Bưu chính công ích': 'postal' }[channel];
    const statusCode = { 'Rút hồ sơ': 'withdrawn', 'Đang xử lý': 'processing', 'Từ chối / trả lại': 'rejected', 'Dừng xử lý': 'stopped', 'Đã giải quyết': 'resolved' }[status];
    const ratingCode = { '': '\\N', 'Rất hài lòng': 'very_satisfied', 'Hài lòng': 'satisfied', 'Chấp nhận được': 'acceptable', 'Không hài lòng': 'dissatisfied' }[rating];
    const minuteOf = (ms: number) => Math.floor(ms / 60_000) * 60_000;
    copy.push(
      [
        communeId,
        code,
        procCode,
        procName,
        field,
        'Bộ phận Một cửa',
        channelCode,
        iso(minuteOf(received)),
        iso(minuteOf(appointment)),
        `${iso(minuteOf(appointment) + 59_000)}.999`,
        ended === null ? '\\N' : iso(minuteOf(ended)),
        statusCode,
        fee,
        fee ? paid : '\\N',
        digitised,
        eResult,
        ratingCode,
      ].join('\t'),
    );
  }
  return { csv: Buffer.from(`${csv.join('\r\n')}\r\n`), copy: Buffer.from(`${copy.join('\n')}\n`), rows };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dataDir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-dossiers-'));
const cluster = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir, port: 57000 + (process.pid % 1000), log });
const url = process.env.DATABASE_URL ?? (cluster as NonNullable<typeof cluster>).url('cchc_bench_dossiers');
await ensureDatabase(url);
const database = connectDatabase(url);
const pool = (database.db as typeof database.db & { $client: pg.Pool }).$client;
try {
  await applyMigrations(database.db);
  await pool.query('DROP TABLE IF EXISTS dossiers_copy; CREATE TABLE dossiers_copy (LIKE dossiers INCLUDING ALL)');
  const [city] = await database.db
    .insert(cities)
    .values({ name: 'Thành phố thử tải', code: `BENCH${process.pid}` })
    .returning();
  const communeRows = await database.db
    .insert(communes)
    .values(
      Array.from({ length: COMMUNES + 1 }, (_, i) => ({
        cityId: city.id,
        name: `Xã thử ${i + 1}`,
        nameKey: `xa thu ${i + 1}`,
        kind: 'xa' as const,
        code: `X${i + 1}`,
        codeKey: `x${i + 1}`,
      })),
    )
    .returning();
  const benchCommunes = communeRows.slice(0, COMMUNES);
  const uploadCommune = communeRows[COMMUNES];

  let ingestMs = 0;
  let copyMs = 0;
  let loaded = 0;
  const perCommune = Math.floor(ROWS / COMMUNES);
  for (const [index, commune] of (UPLOAD_ONLY ? [] : benchCommunes).entries()) {
    const rows = index === COMMUNES - 1 ? ROWS - perCommune * (COMMUNES - 1) : perCommune;
    const data = generate(commune.id, rows, commune.id);
    const [, ingest] = await timed(async () => {
      // The service's path: open (decode, parse, map the header), then check and write batch by batch in one transaction.
      const opened = openDossierCsv(data.csv);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const written = await writeDossiers(client, commune.id, opened);
        if (written.rejected.length) throw new Error(`bench data rejected: ${JSON.stringify(written.rejected[0])}`);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
    const [, copied] = await timed(async () => {
      const client = await pool.connect();
      try {
        await pipeline(
          Readable.from([data.copy]),
          client.query(
            copyFrom(
              'COPY dossiers_copy (commune_id, code, procedure_code, procedure_name, field, unit_name, channel, received_at, appointment_start, appointment_end, ended_at, status, has_fee, paid_online, digitised, electronic_result, rating) FROM STDIN',
            ),
          ),
        );
      } finally {
        client.release();
      }
    });
    ingestMs += ingest;
    copyMs += copied;
    loaded += rows;
    if (index % 10 === 9 || index === COMMUNES - 1)
      log(`${loaded} dòng: nạp ${(loaded / (ingestMs / 1000)).toFixed(0)} dòng/s, COPY ${(loaded / (copyMs / 1000)).toFixed(0)} dòng/s`);
  }
  // As autovacuum leaves a table some time after a load: statistics read, pages marked all-visible (index-only scans).
  await pool.query('VACUUM (ANALYZE) dossiers, dossier_days');

  const quarter = { from: '2025-07-01', to: '2025-09-30', asOf: '2025-09-30' };
  const communeTimes: number[] = [];
  for (let i = 0; i < 21; i++) {
    const commune = benchCommunes[(i * 37) % COMMUNES];
    communeTimes.push((await timed(() => queryIndicators(pool, [commune.id], quarter)))[1]);
  }
  const cityTimes: number[] = [];
  const ids = benchCommunes.map((c) => c.id);
  for (let i = 0; i < 5; i++) cityTimes.push((await timed(() => queryIndicators(pool, ids, quarter, 'commune')))[1]);
  if (process.env.BENCH_EXPLAIN) {
    const { sqlFor } = await import('../src/server/dossiers/store');
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sqlFor('commune')}`, [ids, '2025-07-01 00:00:00.000', '2025-09-30 23:59:59.999', '2025-09-30 23:59:59.999']);
    log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }

  // The web upload: a large commune's several years posted over HTTP to POST /api/communes/:id/dossiers/import,
  // while a second client polls the upload's progress (as the browser's bar does) until the answer comes.
  const app = await buildApp({ clock: systemClock, db: database.db, config: { uploadDir: dataDir, sessionDays: 1, secureCookies: false, logLevel: 'silent' }, logger: false });
  await insertUser(database.db, null, {
    username: 'bench.admin',
    fullName: 'Bench',
    role: 'admin',
    cityId: city.id,
    communeId: null,
    unitId: null,
    password: 'Bench@2026-dossiers',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.admin', password: 'Bench@2026-dossiers' }),
  });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  const upload = generate(uploadCommune.id, UPLOAD_ROWS, 7);
  const body = new Multipart('ho-so.csv', upload.csv);
  const uploadId = `bench${process.pid}`;
  const seen: TImportProgress[] = [];
  let answered = false;
  const poll = async () => {
    while (!answered) {
      const progress = await fetch(`${base}/api/communes/${uploadCommune.id}/dossiers/import-progress/${uploadId}`, { headers: { cookie } });
      seen.push((await progress.json()) as TImportProgress);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const [result, uploadMs] = await timed(async () => {
    const polling = poll();
    const response = await fetch(`${base}/api/communes/${uploadCommune.id}/dossiers/import?uploadId=${uploadId}`, {
      method: 'POST',
      headers: { cookie, 'content-type': body.contentType },
      body: new Uint8Array(body.body),
    });
    const text = await response.text();
    answered = true;
    await polling;
    if (response.status !== 200) throw new Error(`upload: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as { inserted: number; rejected: unknown[] };
  });
  await app.close();
  const writing = seen.filter((p) => p.phase === 'writing');
  log(
    `tiến độ: ${seen.length} lần hỏi, ${writing.length} lần đang ghi (${writing.map((p) => Math.round((100 * p.done) / p.total)).join('→')} %), kết quả: thêm ${result.inserted}, từ chối ${result.rejected.length}`,
  );

  const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  const ingestRate = loaded / (ingestMs / 1000);
  const copyRate = loaded / (copyMs / 1000);
  console.log(`Tải lên qua web ${UPLOAD_ROWS} hồ sơ (${(upload.csv.length / 1048576).toFixed(1)} MB): ${(uploadMs / 1000).toFixed(1)} s`);
  if (!UPLOAD_ONLY)
    console.log(
      JSON.stringify({
        rows: loaded,
        ingest_rows_per_s: Math.round(ingestRate),
        copy_rows_per_s: Math.round(copyRate),
        ingest_vs_copy: round(ingestRate / copyRate, 2),
        commune_quarter_ms: round(median(communeTimes)),
        city_quarter_ms: round(median(cityTimes)),
      }),
    );
} finally {
  await database.close();
  await cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
