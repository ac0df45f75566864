/**
 * A table of cells (from CSV or XLSX) → dossiers and rejected rows, with the
 * file-level checks that refuse the whole file.
 */
import { type CsvEncoding, readCsv } from './csv';
import { DossierFileError } from './file-errors';
import { type DossierField, mapHeaders } from './template';
import { type DossierRow, type RejectedRow, readRows, type SourceRow } from './validate';

export interface DossierTable {
  headers: string[];
  rows: Iterable<SourceRow>;
}

export interface ReadDossiers {
  dossiers: DossierRow[];
  rejected: RejectedRow[];
}

export function readDossierTable(table: DossierTable, saved: Record<string, DossierField> = {}): ReadDossiers {
  const { columns, problem } = mapHeaders(table.headers, saved);
  if (problem) throw new DossierFileError(problem);
  return readRows(table.rows, columns, table.headers.length);
}

/** A CSV export; a non-UTF-8 file is kept only if its header reads as Windows-1258, else refused. */
export function readDossierCsv(bytes: Uint8Array, saved: Record<string, DossierField> = {}): ReadDossiers & { encoding: CsvEncoding } {
  const table = readCsv(bytes);
  if (table.encoding === 'windows-1258' && mapHeaders(table.headers, saved).problem) {
    throw new DossierFileError({ code: 'not_utf8' });
  }
  return { ...readDossierTable(table, saved), encoding: table.encoding };
}
