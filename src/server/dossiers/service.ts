/**
 * Dossier ingest (file upload and machine sync) and the indicators read from the
 * stored dossiers. A file either loads its good rows in one transaction or, on a
 * file-level error, leaves the database as it was.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import {
  computeIndicators,
  DOSSIER_FIELDS,
  type DossierField,
  describeFileProblem,
  describeHeaders,
  describeRowProblems,
  type IndicatorWindow,
  isDossierFileError,
  type OpenedDossiers,
  openDossierCsv,
  openDossierTable,
  readCsvHeaders,
  type SourceRow,
} from '../../domain/indicators';
import type { Actor } from '../access/actor';
import { canAdministerCommune, canManageCommune, canReadCommune, canSeeCityOverview, ensure } from '../access/policy';
import { recordAudit } from '../audit/service';
import { requireCommune } from '../communes/service';
import type { Db } from '../db';
import * as schema from '../db/schema';
import { communes, dossierMappings, dossierSyncTokens } from '../db/schema';
import { AppError, invalid } from '../errors';
import { readXlsx } from './read-xlsx';
import { type Grouping, queryCommuneTable, queryIndicators, type UpsertCounts, writeDossiers } from './store';

/** The pool under Drizzle: bulk statements and the aggregation run as plain SQL. */
const poolOf = (db: Db): pg.Pool => (db as Db & { $client: pg.Pool }).$client;

export interface IngestResult extends UpsertCounts {
  rows: number;
  rejected: Array<{ line: number; reason: string }>;
}

function fileRefused(error: unknown): never {
  if (isDossierFileError(error)) throw invalid(describeFileProblem(error.problem), { code: error.problem.code });
  throw error;
}

/**
 * Checks and writes the rows in one transaction (all batches or none); `audit` runs in
 * the same transaction, through Drizzle on the same connection.
 */
async function store(
  db: Db,
  communeId: number,
  opened: OpenedDossiers,
  options: { onProgress?: (done: number, total: number) => void; audit?: (tx: Db, result: IngestResult) => Promise<void> } = {},
): Promise<IngestResult> {
  const client = await poolOf(db).connect();
  try {
    await client.query('BEGIN');
    const { accepted, rejected, ...counts } = await writeDossiers(client, communeId, opened, options.onProgress);
    const result = {
      rows: accepted + rejected.length,
      ...counts,
      rejected: rejected.map((r) => ({ line: r.line, reason: describeRowProblems(r.problems) })),
    };
    await options.audit?.(drizzle(client, { schema }) as unknown as Db, result);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    // A CSV's rows are parsed while they are written: a malformed quote far in the file is found here.
    fileRefused(error);
  } finally {
    client.release();
  }
}

async function savedMapping(db: Db, communeId: number, source: string | undefined): Promise<Record<string, DossierField>> {
  if (!source) return {};
  const [row] = await db
    .select()
    .from(dossierMappings)
    .where(and(eq(dossierMappings.communeId, communeId), eq(dossierMappings.source, source)));
  return (row?.mapping ?? {}) as Record<string, DossierField>;
}

/** A commune's column mapping for one source: header text → dossier field. */
export async function saveMapping(db: Db, actor: Actor, communeId: number, source: string, mapping: Record<string, string>) {
  const commune = await requireCommune(db, actor, communeId);
  ensure(canManageCommune(actor, commune));
  const unknown = Object.values(mapping).filter((f) => !(DOSSIER_FIELDS as readonly string[]).includes(f));
  if (unknown.length) throw invalid(`Trường không tồn tại trong mẫu hồ sơ: ${unknown.join(', ')}`);
  await db
    .insert(dossierMappings)
    .values({ communeId, source, mapping })
    .onConflictDoUpdate({ target: [dossierMappings.communeId, dossierMappings.source], set: { mapping, updatedAt: new Date() } });
  return { source, mapping };
}

export async function getMapping(db: Db, actor: Actor, communeId: number, source: string) {
  await requireCommune(db, actor, communeId);
  return { source, mapping: await savedMapping(db, communeId, source) };
}

const isXlsxFile = (fileName: string, data: Buffer) => data.subarray(0, 2).toString('latin1') === 'PK' || /\.xlsx$/i.test(fileName);

/**
 * The mapping screen's view of a file: its headers and the field each maps to (the
 * source's saved mapping, then recognition). A CSV may be only its first bytes.
 */
export async function previewHeaders(db: Db, actor: Actor, communeId: number, file: { fileName: string; data: Buffer; source?: string }) {
  const commune = await requireCommune(db, actor, communeId);
  ensure(canManageCommune(actor, commune));
  const mapping = await savedMapping(db, communeId, file.source);
  try {
    const headers = isXlsxFile(file.fileName, file.data) ? (await readXlsx(file.data)).headers : readCsvHeaders(file.data);
    return describeHeaders(headers, mapping);
  } catch (error) {
    fileRefused(error);
  }
}

/** An uploaded CSV or XLSX export. Managers of the commune load it; a source names a saved column mapping. */
export async function importDossierFile(
  db: Db,
  actor: Actor,
  communeId: number,
  file: { fileName: string; data: Buffer; source?: string },
  onProgress?: (done: number, total: number) => void,
): Promise<IngestResult> {
  const commune = await requireCommune(db, actor, communeId);
  ensure(canManageCommune(actor, commune));
  const mapping = await savedMapping(db, communeId, file.source);
  const isXlsx = isXlsxFile(file.fileName, file.data);
  let opened: OpenedDossiers;
  try {
    opened = isXlsx ? openDossierTable(await readXlsx(file.data), mapping) : openDossierCsv(file.data, mapping);
  } catch (error) {
    fileRefused(error);
  }
  return store(db, communeId, opened, {
    onProgress,
    audit: (tx, result) =>
      recordAudit(tx, actor, {
        cityId: commune.cityId,
        communeId,
        entity: 'dossiers',
        entityId: communeId,
        action: 'import',
        after: { fileName: file.fileName, rows: result.rows, inserted: result.inserted, updated: result.updated, rejected: result.rejected.length },
      }),
  });
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new sync token for the commune; the old one stops working. Shown once. */
export async function rotateSyncToken(db: Db, actor: Actor, communeId: number): Promise<{ token: string }> {
  const commune = await requireCommune(db, actor, communeId);
  ensure(canAdministerCommune(actor, commune));
  const token = `cchc_${communeId}_${randomBytes(24).toString('base64url')}`;
  await db.transaction(async (tx) => {
    await tx
      .insert(dossierSyncTokens)
      .values({ communeId, tokenHash: hashToken(token), createdBy: actor.id })
      .onConflictDoUpdate({ target: dossierSyncTokens.communeId, set: { tokenHash: hashToken(token), createdBy: actor.id, createdAt: new Date() } });
    await recordAudit(tx, actor, { cityId: commune.cityId, communeId, entity: 'dossiers', entityId: communeId, action: 'rotate_sync_token' });
  });
  return { token };
}

/** The commune a sync token writes to, or a 401. */
export async function communeOfToken(db: Db, token: string | undefined): Promise<number> {
  if (!token) throw new AppError('unauthenticated');
  const [row] = await db
    .select({ communeId: dossierSyncTokens.communeId })
    .from(dossierSyncTokens)
    .where(eq(dossierSyncTokens.tokenHash, hashToken(token)));
  if (!row) throw new AppError('unauthenticated');
  return row.communeId;
}

/** Machine sync: records carry the template's fields as text, checked by the same row rules; `line` is the record's position (1-based). */
export async function syncDossiers(db: Db, token: string | undefined, records: Array<Partial<Record<DossierField, string | null>>>): Promise<IngestResult> {
  const communeId = await communeOfToken(db, token);
  const rows: SourceRow[] = records.map((record, i) => ({ line: i + 1, cells: DOSSIER_FIELDS.map((f) => record[f] ?? '') }));
  const columns = Object.fromEntries(DOSSIER_FIELDS.map((f, i) => [f, i])) as Record<DossierField, number>;
  return store(db, communeId, { rows, lastLine: rows.length, columns, headerCount: DOSSIER_FIELDS.length });
}

/** Indicators of one commune, whole or by unit / field / procedure: its own people, the city reviewer and administrators. */
export async function communeIndicators(db: Db, actor: Actor, communeId: number, window: IndicatorWindow, groupBy?: Exclude<Grouping, 'commune'>) {
  await requireCommune(db, actor, communeId);
  return queryIndicators(poolOf(db), [communeId], window, groupBy);
}

/** Every readable commune of the actor's city, one row per commune (the city view). */
export async function cityIndicators(db: Db, actor: Actor, window: IndicatorWindow) {
  const rows = await db.select({ id: communes.id, cityId: communes.cityId }).from(communes).where(eq(communes.cityId, actor.cityId));
  const ids = rows.filter((c) => canReadCommune(actor, c)).map((c) => c.id);
  if (ids.length === 0) return [];
  return queryIndicators(poolOf(db), ids, window, 'commune');
}

/**
 * The city's indicator table: every commune of the city (those without dossiers in the
 * window too, with no data), and the city's figures from the summed counts. The city's
 * reviewers and administrators only; a commune's people read their own commune's indicators.
 */
export async function cityIndicatorTable(db: Db, actor: Actor, window: IndicatorWindow) {
  ensure(canSeeCityOverview(actor));
  const rows = await db.select({ id: communes.id, name: communes.name }).from(communes).where(eq(communes.cityId, actor.cityId)).orderBy(communes.name);
  // A commune without dossiers in the window: the formulas' own figures for no dossiers (counts 0, rates null).
  const noDossiers = computeIndicators([], window);
  const { byCommune, total } = await queryCommuneTable(
    poolOf(db),
    rows.map((c) => c.id),
    window,
  );
  return {
    communes: rows.map((c) => ({ communeId: c.id, communeName: c.name, indicators: byCommune.get(c.id) ?? noDossiers })),
    total,
  };
}
