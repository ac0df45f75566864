/**
 * Bytes of a CSV export → header and rows with their physical line numbers.
 * Papa Parse does the quoting; this file decides the encoding and the delimiter
 * and numbers each record by the physical line it starts on.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { DOSSIER_FILE_LIMITS, DossierFileError } from './file-errors';
import type { SourceRow } from './validate';

export type CsvEncoding = 'utf-8' | 'utf-16' | 'windows-1258';

export interface CsvTable {
  headers: string[];
  headerLine: number;
  rows: SourceRow[];
  encoding: CsvEncoding;
  delimiter: string;
}

/**
 * UTF-8 with or without BOM, or UTF-16 with BOM (Excel's "Unicode text"). Bytes that
 * are not valid UTF-8 are read as Windows-1258 (the Vietnamese Windows code page,
 * whose Latin base is CP1252); the caller keeps that reading only if the header
 * then reads as known columns, and refuses the file otherwise (TCVN3, VNI …).
 */
function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(label).decode(bytes), encoding: 'utf-16' };
  }
  try {
    // TextDecoder drops a UTF-8 BOM by itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows1258').normalize('NFC'), encoding: 'windows-1258' };
  }
}

/** The delimiter the header line uses most: ",", ";" (European Excel) or tab. */
function detectDelimiter(firstLine: string): string {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}

export function readCsv(bytes: Uint8Array): CsvTable {
  if (bytes.length === 0) throw new DossierFileError({ code: 'file_empty' });
  if (bytes.length > DOSSIER_FILE_LIMITS.maxFileBytes) {
    throw new DossierFileError({ code: 'file_too_large', maxMb: DOSSIER_FILE_LIMITS.maxFileBytes / 1048576 });
  }
  const { text: raw, encoding } = decodeCsv(bytes);
  // One line ending everywhere, so a line number is a count of "\n" (a CR inside a quoted cell becomes LF: harmless).
  // replaceAll on the common CRLF is several times faster than a regular expression over a large file.
  const lf = raw.replace(/^\ufeff/, '').replaceAll('\r\n', '\n');
  const text = lf.includes('\r') ? lf.replace(/\r/g, '\n') : lf;
  const delimiter = detectDelimiter(text.trimStart().split('\n', 1)[0] ?? '');
  // Papa Parse: a maintained parser, several times faster than csv-parse on large exports;
  // without quotes in the text it splits lines and cells directly (its fast mode).
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: '\n' });
  const malformed = parsed.errors.find((e) => e.type === 'Quotes');
  // A record's physical line: each record takes one line plus the line breaks inside its quoted cells.
  const quoted = text.includes('"');
  const records: SourceRow[] = [];
  let line = 1;
  for (const [index, cells] of parsed.data.entries()) {
    if (malformed?.row === index) throw new DossierFileError({ code: 'csv_malformed', line });
    records.push({ line, cells });
    line++;
    if (quoted) for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line++;
  }
  if (malformed) throw new DossierFileError({ code: 'csv_malformed', line });
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = rows.shift();
  if (!header) throw new DossierFileError({ code: 'file_empty' });
  return { headers: header.cells, headerLine: header.line, rows, encoding, delimiter };
}
