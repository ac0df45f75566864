/**
 * Rows of an export → dossiers, each bad row set aside with its line and every
 * reason, so the good rows load and the officer can fix the rest in one pass.
 */
import { cleanText, matchKey } from '../text/normalize';
import { type ColumnMap, type DossierField, TEMPLATE_HEADERS } from './template';
import type { Dossier, LocalMoment } from './types';
import { memoize, type Parsed, parseChannel, parseMoment, parseRating, parseStatus, parseYesNo } from './values';

/** Columns whose few distinct texts repeat over thousands of rows; codes and times are unique and are not cached. */
const REPEATING = new Set<DossierField>([
  'procedureCode',
  'procedureName',
  'field',
  'unit',
  'channel',
  'status',
  'hasFee',
  'paidOnline',
  'digitised',
  'electronicResult',
  'rating',
]);
const cleanRepeating = memoize(cleanText);
const channelKey = memoize(matchKey);

/**
 * cleanText for unique cells (codes, times): a cell of printable ASCII words with single
 * spaces is already clean, and most are, so the Unicode passes are skipped for them.
 */
const ALREADY_CLEAN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
const cleanUnique = (text: string): string => (ALREADY_CLEAN.test(text) ? text : cleanText(text));

/** One record of the file; `line` is the physical line it starts on (header = line 1). */
export interface SourceRow {
  line: number;
  cells: string[];
}

export type RowProblem =
  | { code: 'formula'; column: string }
  | { code: 'missing_value'; column: string }
  | { code: 'bad_date'; column: string; value: string }
  | { code: 'bad_channel'; value: string }
  | { code: 'ambiguous_channel'; value: string }
  | { code: 'bad_status'; value: string }
  | { code: 'bad_yes_no'; column: string; value: string }
  | { code: 'bad_rating'; value: string }
  | { code: 'end_missing' }
  | { code: 'end_before_received' }
  | { code: 'extra_cells'; count: number }
  | { code: 'duplicate_code'; value: string; firstLine: number };

export interface RejectedRow {
  line: number;
  problems: RowProblem[];
}

export interface DossierRow extends Dossier {
  line: number;
}

/**
 * A cell Excel would run as a formula (=HYPERLINK(…), +…, @…). Its shown value is not
 * in the file, and loading it as text would plant the formula in every later export,
 * so the row is refused. A leading "-" stays text: names and codes use it.
 */
function isFormula(cell: string): boolean {
  return /^[=+@]/.test(cell.trim());
}

const FINISHING = new Set(['resolved', 'rejected', 'stopped']);

/** Reads one row; problems are collected rather than stopping at the first. */
export function readRow(row: SourceRow, columns: ColumnMap, headerCount: number): { dossier: DossierRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const extra = row.cells.slice(headerCount).filter((c) => c.trim() !== '').length;
  if (extra > 0) problems.push({ code: 'extra_cells', count: extra });
  // Each mapped cell cleaned once: the checks below read some of them several times.
  const cleaned: Partial<Record<DossierField, string>> = {};
  for (const f of Object.keys(columns) as DossierField[]) {
    const value = (REPEATING.has(f) ? cleanRepeating : cleanUnique)(row.cells[columns[f] as number] ?? '');
    cleaned[f] = value;
    if (isFormula(value)) problems.push({ code: 'formula', column: TEMPLATE_HEADERS[f] });
  }
  const cell = (f: DossierField): string => cleaned[f] ?? '';
  if (problems.some((p) => p.code === 'formula')) return { dossier: null, problems };

  const required = (f: DossierField): string | null => {
    const v = cell(f);
    if (v === '') problems.push({ code: 'missing_value', column: TEMPLATE_HEADERS[f] });
    return v === '' ? null : v;
  };
  const refuse = (problem: RowProblem): undefined => {
    problems.push(problem);
    return undefined;
  };
  const use = <T>(parsed: Parsed<T>, problem: RowProblem): T | undefined => (parsed.ok ? parsed.value : refuse(problem));
  const moment = (f: DossierField, text: string | null): LocalMoment | null | undefined =>
    text === null ? null : use(parseMoment(text), { code: 'bad_date', column: TEMPLATE_HEADERS[f], value: text });
  const yesNo = (f: DossierField): boolean | null | undefined => use(parseYesNo(cell(f)), { code: 'bad_yes_no', column: TEMPLATE_HEADERS[f], value: cell(f) });

  const code = required('code');
  const channelText = required('channel');
  const channel =
    channelText === null
      ? null
      : channelKey(channelText) === 'truc tuyen'
        ? refuse({ code: 'ambiguous_channel', value: channelText })
        : use(parseChannel(channelText), { code: 'bad_channel', value: channelText });
  const received = moment('received', required('received'));
  const appointment = moment('appointment', required('appointment'));
  const statusText = required('status');
  const status = statusText === null ? null : use(parseStatus(statusText), { code: 'bad_status', value: statusText });
  const endText = cell('ended');
  const ended = endText === '' ? null : moment('ended', endText);
  const hasFee = yesNo('hasFee');
  const paidOnline = yesNo('paidOnline');
  const digitised = yesNo('digitised');
  const electronicResult = yesNo('electronicResult');
  const rating = use(parseRating(cell('rating')), { code: 'bad_rating', value: cell('rating') });

  if (status && FINISHING.has(status) && endText === '') problems.push({ code: 'end_missing' });
  // Compared at the coarser precision: "15/03/2025" ends no earlier than "15/03/2025 10:00".
  if (ended && received && ended.end < received.start) problems.push({ code: 'end_before_received' });

  if (problems.length > 0 || !code || !channel || !received || !appointment || !status) return { dossier: null, problems };
  const text = (f: DossierField): string | null => cell(f) || null;
  return {
    dossier: {
      line: row.line,
      code,
      procedureCode: text('procedureCode'),
      procedureName: text('procedureName'),
      field: text('field'),
      unit: text('unit'),
      channel,
      received,
      appointment,
      ended: ended ?? null,
      status,
      hasFee: hasFee ?? null,
      paidOnline: paidOnline ?? null,
      digitised: digitised ?? null,
      electronicResult: electronicResult ?? null,
      rating: rating ?? null,
    },
    problems,
  };
}

/**
 * Every row of a file. A code seen again in the same file is refused on its later
 * lines (the first good row with that code is kept): a re-export that repeats a
 * dossier must not count it twice, and the earlier line is the one the officer sees first.
 * Rows whose cells are all empty (Excel's trailing ",,,,") are skipped silently.
 */
export function readRows(rows: Iterable<SourceRow>, columns: ColumnMap, headerCount: number): { dossiers: DossierRow[]; rejected: RejectedRow[] } {
  const reader = new RowReader(columns, headerCount);
  const dossiers: DossierRow[] = [];
  for (const row of rows) {
    const dossier = reader.read(row);
    if (dossier) dossiers.push(dossier);
  }
  return { dossiers, rejected: reader.rejected };
}

/** The row checks of one file, row by row, so a caller can write each batch while it checks the next. */
export class RowReader {
  readonly rejected: RejectedRow[] = [];
  private readonly firstLineOf = new Map<string, number>();

  constructor(
    private readonly columns: ColumnMap,
    private readonly headerCount: number,
  ) {}

  /** The row's dossier, or null when the row is empty (skipped) or refused (kept in `rejected`). */
  read(row: SourceRow): DossierRow | null {
    if (row.cells.every((c) => c.trim() === '')) return null;
    const { dossier, problems } = readRow(row, this.columns, this.headerCount);
    if (!dossier) {
      this.rejected.push({ line: row.line, problems });
      return null;
    }
    const firstLine = this.firstLineOf.get(dossier.code);
    if (firstLine !== undefined) {
      this.rejected.push({ line: row.line, problems: [{ code: 'duplicate_code', value: dossier.code, firstLine }] });
      return null;
    }
    this.firstLineOf.set(dossier.code, row.line);
    return dossier;
  }
}
