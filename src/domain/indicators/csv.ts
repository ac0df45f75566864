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
  /** The records after the header that hold something, read piece by piece as they are iterated (once). */
  rows: Iterable<SourceRow>;
  /** The physical line the text ends on: what a row's line is counted against for progress. */
  lastLine: number;
  encoding: CsvEncoding;
  delimiter: string;
}

/** About this many characters of text are parsed at a time (a few thousand records). */
const PIECE_CHARS = 1 << 19;

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

/**
 * Opens a CSV export: decodes it, finds its delimiter and header, and leaves the records
 * to be parsed piece by piece while the caller iterates `rows` — so a large upload's
 * rows are checked and written as they are parsed, and none is kept after its turn.
 * A malformed quote throws when iteration reaches it (the caller's transaction then
 * rolls back whatever was written).
 */
export function openCsv(bytes: Uint8Array): CsvTable {
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
  const records = filledRecords(text, delimiter);
  const first = records.next();
  if (first.done) throw new DossierFileError({ code: 'file_empty' });
  const header = first.value;
  return {
    headers: header.cells,
    headerLine: header.line,
    rows: { [Symbol.iterator]: () => records },
    lastLine: lineCount(text),
    encoding,
    delimiter,
  };
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** The records that hold something, each with the physical line it starts on. */
function* filledRecords(text: string, delimiter: string): Generator<SourceRow> {
  // A record's physical line: each record takes one line plus the line breaks inside its quoted cells.
  const quoted = text.includes('"');
  let line = 1;
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start, quoted);
    // Papa Parse: a maintained parser, several times faster than csv-parse on large exports;
    // without quotes in the text it splits lines and cells directly (its fast mode).
    const parsed = Papa.parse<string[]>(text.slice(start, end), { delimiter, newline: '\n' });
    const malformed = parsed.errors.find((e) => e.type === 'Quotes');
    for (const [index, cells] of parsed.data.entries()) {
      if (malformed?.row === index) throw new DossierFileError({ code: 'csv_malformed', line });
      if (cells.some((c) => c.trim() !== '')) yield { line, cells };
      line++;
      if (quoted) for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line++;
    }
    if (malformed) throw new DossierFileError({ code: 'csv_malformed', line });
    // The piece stopped before a line break that ends a record: that break is the next piece's first line.
    start = end + 1;
  }
}

/**
 * Where the piece from `start` stops: at the first line break after PIECE_CHARS that is
 * outside quotes (an even count of '"' since `start`: an escaped quote is two), or at the end.
 */
function pieceEnd(text: string, start: number, quoted: boolean): number {
  let end = text.indexOf('\n', start + PIECE_CHARS);
  if (!quoted) return end < 0 ? text.length : end;
  let quotes = 0;
  let counted = start;
  while (end >= 0) {
    for (let q = text.indexOf('"', counted); q >= 0 && q < end; q = text.indexOf('"', q + 1)) quotes++;
    counted = end;
    if (quotes % 2 === 0) return end;
    end = text.indexOf('\n', end + 1);
  }
  return text.length;
}
