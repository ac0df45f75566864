/**
 * Rows of an export → dossiers, each bad row set aside with its line and every
 * reason, so the good rows load and the officer can fix the rest in one pass.
 */
import { cleanText, matchKey } from '../text/normalize';
import { type ColumnMap, DOSSIER_TEXT_LIMITS, type DossierField, TEMPLATE_HEADERS } from './template';
import type { Channel, Dossier, LocalMoment } from './types';
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
  | { code: 'too_long'; column: string; max: number }
  | { code: 'nul_character'; column: string }
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

/** The cells of one row as read for its mapped fields (each cleaned once: the checks read some several times). */
type Cells = Partial<Record<DossierField, string>>;

function required(cells: Cells, f: DossierField, problems: RowProblem[]): string | null {
  const v = cells[f] ?? '';
  if (v !== '') return v;
  problems.push({ code: 'missing_value', column: TEMPLATE_HEADERS[f] });
  return null;
}

function use<T>(parsed: Parsed<T>, problems: RowProblem[], problem: () => RowProblem): T | undefined {
  if (parsed.ok) return parsed.value;
  problems.push(problem());
  return undefined;
}

function moment(f: DossierField, text: string | null, problems: RowProblem[]): LocalMoment | null | undefined {
  return text === null ? null : use(parseMoment(text), problems, () => ({ code: 'bad_date', column: TEMPLATE_HEADERS[f], value: text }));
}

function yesNo(cells: Cells, f: DossierField, problems: RowProblem[]): boolean | null | undefined {
  const v = cells[f] ?? '';
  return use(parseYesNo(v), problems, () => ({ code: 'bad_yes_no', column: TEMPLATE_HEADERS[f], value: v }));
}

function channelOf(text: string | null, problems: RowProblem[]): Channel | null | undefined {
  if (text === null) return null;
  if (channelKey(text) === 'truc tuyen') {
    problems.push({ code: 'ambiguous_channel', value: text });
    return undefined;
  }
  return use(parseChannel(text), problems, () => ({ code: 'bad_channel', value: text }));
}

/** The mapped fields, each with its column and how its cells are cleaned (worked out once per file). */
type FieldPlan = Array<{ field: DossierField; index: number; clean: (text: string) => string }>;

function planOf(columns: ColumnMap): FieldPlan {
  return (Object.keys(columns) as DossierField[]).map((field) => ({ field, index: columns[field] as number, clean: REPEATING.has(field) ? cleanRepeating : cleanUnique }));
}

/** Reads one row; problems are collected rather than stopping at the first. */
function readRow(row: SourceRow, headerCount: number, plan: FieldPlan): { dossier: DossierRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  if (row.cells.length > headerCount) {
    const extra = row.cells.slice(headerCount).filter((c) => c.trim() !== '').length;
    if (extra > 0) problems.push({ code: 'extra_cells', count: extra });
  }
  const cells: Cells = {};
  let formula = false;
  for (const { field, index, clean } of plan) {
    const value = clean(row.cells[index] ?? '');
    cells[field] = value;
    if (isFormula(value)) {
      problems.push({ code: 'formula', column: TEMPLATE_HEADERS[field] });
      formula = true;
    }
    // PostgreSQL's text holds no NUL: a cell with one comes from a damaged file.
    if (value.includes('\u0000')) problems.push({ code: 'nul_character', column: TEMPLATE_HEADERS[field] });
    const max = (DOSSIER_TEXT_LIMITS as Partial<Record<DossierField, number>>)[field];
    // Counted in characters, as PostgreSQL's varchar counts them (an emoji is two UTF-16 units).
    if (max !== undefined && value.length > max && [...value].length > max) problems.push({ code: 'too_long', column: TEMPLATE_HEADERS[field], max });
  }
  if (formula) return { dossier: null, problems };

  const code = required(cells, 'code', problems);
  const channel = channelOf(required(cells, 'channel', problems), problems);
  const received = moment('received', required(cells, 'received', problems), problems);
  const appointment = moment('appointment', required(cells, 'appointment', problems), problems);
  const statusText = required(cells, 'status', problems);
  const status = statusText === null ? null : use(parseStatus(statusText), problems, () => ({ code: 'bad_status', value: statusText }));
  const endText = cells.ended ?? '';
  const ended = endText === '' ? null : moment('ended', endText, problems);
  const hasFee = yesNo(cells, 'hasFee', problems);
  const paidOnline = yesNo(cells, 'paidOnline', problems);
  const digitised = yesNo(cells, 'digitised', problems);
  const electronicResult = yesNo(cells, 'electronicResult', problems);
  const ratingText = cells.rating ?? '';
  const rating = use(parseRating(ratingText), problems, () => ({ code: 'bad_rating', value: ratingText }));

  if (status && FINISHING.has(status) && endText === '') problems.push({ code: 'end_missing' });
  // Compared at the coarser precision: "15/03/2025" ends no earlier than "15/03/2025 10:00".
  if (ended && received && ended.end < received.start) problems.push({ code: 'end_before_received' });

  if (problems.length > 0 || !code || !channel || !received || !appointment || !status) return { dossier: null, problems };
  return {
    dossier: {
      line: row.line,
      code,
      procedureCode: cells.procedureCode || null,
      procedureName: cells.procedureName || null,
      field: cells.field || null,
      unit: cells.unit || null,
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
  private readonly plan: FieldPlan;

  constructor(
    columns: ColumnMap,
    private readonly headerCount: number,
  ) {
    this.plan = planOf(columns);
  }

  /** The row's dossier, or null when the row is empty (skipped) or refused (kept in `rejected`). */
  read(row: SourceRow): DossierRow | null {
    if (row.cells.every((c) => c.trim() === '')) return null;
    const { dossier, problems } = readRow(row, this.headerCount, this.plan);
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
