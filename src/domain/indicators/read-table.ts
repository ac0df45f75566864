/**
 * A table of cells (from CSV or XLSX) → dossiers and rejected rows, with the
 * file-level checks that refuse the whole file.
 */
import { type CsvEncoding, openCsv } from './csv';
import { DossierFileError } from './file-errors';
import { type ColumnMap, type DossierField, mapHeaders } from './template';
import { type DossierRow, type RejectedRow, readRows, type SourceRow } from './validate';

/** A header and its rows, from a CSV, a worksheet or a sync; `lastLine` is the source's last line (for progress). */
export interface DossierTable {
  headers: string[];
  rows: Iterable<SourceRow>;
  lastLine: number;
}

export interface ReadDossiers {
  dossiers: DossierRow[];
  rejected: RejectedRow[];
}

/**
 * A file whose header is understood, its rows not checked yet (the caller checks them batch
 * by batch). A CSV's rows are parsed as they are iterated: iterate once.
 */
export interface OpenedDossiers {
  rows: Iterable<SourceRow>;
  /** The file's last line, against which a row's line tells how far the reading is. */
  lastLine: number;
  columns: ColumnMap;
  headerCount: number;
}

/** Maps the header (file-level problems throw); the rows are left to RowReader. */
export function openDossierTable(table: DossierTable, saved: Record<string, DossierField> = {}): OpenedDossiers {
  const { columns, problem } = mapHeaders(table.headers, saved);
  if (problem) throw new DossierFileError(problem);
  return { rows: table.rows, lastLine: table.lastLine, columns, headerCount: table.headers.length };
}

/** A CSV export opened; a non-UTF-8 file is kept only if its header reads as Windows-1258, else refused. */
export function openDossierCsv(bytes: Uint8Array, saved: Record<string, DossierField> = {}): OpenedDossiers & { encoding: CsvEncoding } {
  const table = openCsv(bytes);
  if (table.encoding === 'windows-1258' && mapHeaders(table.headers, saved).problem) {
    throw new DossierFileError({ code: 'not_utf8' });
  }
  return { ...openDossierTable(table, saved), encoding: table.encoding };
}

/** A CSV export read and checked whole (the CLI's path). */
export function readDossierCsv(bytes: Uint8Array, saved: Record<string, DossierField> = {}): ReadDossiers & { encoding: CsvEncoding } {
  const opened = openDossierCsv(bytes, saved);
  return { ...readRows(opened.rows, opened.columns, opened.headerCount), encoding: opened.encoding };
}

/**
 * The header row of a CSV from its first bytes (the browser sends only the start of a
 * large file to the mapping screen): cut at the last whole line so a multi-byte letter
 * split by the cut is not taken for a non-UTF-8 file.
 */
export function readCsvHeaders(head: Uint8Array): string[] {
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  const lastBreak = head.lastIndexOf(0x0a);
  // In UTF-16LE the line feed is 0A 00: keep its second byte.
  const cut = lastBreak < 0 ? head.length : lastBreak + (utf16 && head[0] === 0xff ? 2 : 1);
  const table = openCsv(head.subarray(0, cut));
  if (table.encoding === 'windows-1258' && mapHeaders(table.headers).problem) throw new DossierFileError({ code: 'not_utf8' });
  return table.headers;
}

/** Each header with the field it maps to, and the required columns still unmapped. */
export function describeHeaders(
  headers: string[],
  saved: Record<string, DossierField> = {},
): { headers: Array<{ header: string; field: DossierField | null }>; missing: string[] } {
  const { columns, problem } = mapHeaders(headers, saved);
  const fieldAt = new Map(Object.entries(columns).map(([field, index]) => [index, field as DossierField]));
  return {
    headers: headers.map((header, index) => ({ header, field: fieldAt.get(index) ?? null })),
    missing: problem?.code === 'missing_columns' ? problem.columns : [],
  };
}
