/**
 * Appendix table rows → tasks. Works on real cells (docx, pdf, tab text):
 * finds the header to learn the column order, skips repeated headers, reads
 * area headings (Roman numerals), and appends rows without a TT to the task
 * above (a row continued after a page break).
 */

import { cleanInline, fold, romanToInt } from './text-utils';
import type { ImportWarning, TableCell } from './types';

export type Field = 'number' | 'content' | 'lead' | 'coordinators' | 'time' | 'product';
export const FIELDS: readonly Field[] = ['number', 'content', 'lead', 'coordinators', 'time', 'product'];

/** A task as cut from the table, cells still raw (line breaks kept for unit splitting). */
export interface RawTask {
  area: number | null;
  number: number | null;
  cells: Record<Field, string>;
  continued: boolean;
  /** Indices of the rows it was read from in the import's `source.rows` (the review screen shows them). */
  sourceRows?: number[];
}

type ColumnMap = Record<Field, number>;

const HEADER_TESTS: Array<[Field, RegExp]> = [
  ['number', /^(s?tt|so tt|stt)$/],
  ['content', /noi dung|nhiem vu|cong viec/],
  ['lead', /chu tri/],
  ['coordinators', /phoi hop/],
  ['time', /thoi gian|thoi han|tien do/],
  ['product', /san pham|ket qua/],
];

function cellKey(cell: TableCell | undefined): string {
  return fold(cleanInline(cell?.text ?? ''))
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The column order when `row` is a header row ("TT | Nội dung … | Cơ quan chủ trì | …"), else null. */
export function headerColumns(row: TableCell[]): ColumnMap | null {
  const keys = row.map(cellKey);
  const found: Partial<ColumnMap> = {};
  keys.forEach((k, i) => {
    for (const [field, re] of HEADER_TESTS) {
      // A narrow first column wraps "STT" inside the word ("ST" / "T"): its key is read without spaces.
      if (found[field] === undefined && re.test(field === 'number' ? k.replace(/ /g, '') : k)) {
        found[field] = i;
        break;
      }
    }
  });
  const hits = Object.keys(found).length;
  if (hits < 3 || (found.number === undefined && found.lead === undefined)) return null;
  return { ...defaultColumns(), ...found };
}

function defaultColumns(): ColumnMap {
  return { number: 0, content: 1, lead: 2, coordinators: 3, time: 4, product: 5 };
}

const AREA_HEADING = /^\s*([IVX]{1,4})\s*[.)/:-]\s*\S/u;
const AREA_KEYWORDS: Array<[number, RegExp]> = [
  [2, /the che/],
  [3, /thu tuc hanh chinh/],
  [4, /to chuc bo may/],
  [5, /che do cong vu|cong vu/],
  [6, /tai chinh cong/],
  [7, /chinh quyen dien tu|chinh quyen so|chuyen doi so/],
  [1, /chi dao|dieu hanh/],
];

/** The area its wording names, by the keyword found first in the text ("… chỉ đạo, điều hành và … thể chế" is 1). */
function areaByWords(text: string): number | null {
  const f = fold(text);
  let best: { area: number; at: number } | null = null;
  for (const [area, re] of AREA_KEYWORDS) {
    const at = f.search(re);
    if (at >= 0 && (best === null || at < best.at)) best = { area, at };
  }
  return best?.area ?? null;
}

/** Area number of a heading text: its Roman numeral, else its wording. */
export function areaOfHeading(text: string): number | null {
  const t = cleanInline(text);
  const m = AREA_HEADING.exec(t);
  const roman = m ? romanToInt(m[1]) : null;
  if (roman !== null && roman >= 1 && roman <= 7) return roman;
  return areaByWords(t);
}

function nonEmpty(row: TableCell[]): TableCell[] {
  return row.filter((c) => cleanInline(c.text) !== '' && !c.fromAbove);
}

const ROMAN_ONLY = /^\s*([IVX]{1,4})\s*[.)]?\s*$/u;

function isUpperText(text: string): boolean {
  return /\p{Lu}{3}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

/**
 * A row holding only an area heading, in whichever cells the reader or the writer put it:
 * "II. Cải cách thể chế" alone; "II" | "CẢI CÁCH THỂ CHẾ"; or an upper-case "CẢI CÁCH THỂ CHẾ" with no
 * TT (markdown tables write these rows bold, and lose the bold on the way).
 */
function areaHeadingRow(row: TableCell[]): number | null {
  const filled = nonEmpty(row).map((c) => cleanInline(c.text));
  if (filled.length === 1) {
    const text = filled[0];
    if (AREA_HEADING.test(text)) return areaOfHeading(text);
    return isUpperText(text) ? areaByWords(text) : null;
  }
  if (filled.length === 2) {
    const roman = ROMAN_ONLY.exec(filled[0]);
    const n = roman ? romanToInt(roman[1]) : null;
    if (n !== null && n >= 1 && n <= 7) return n;
  }
  return null;
}

/** The row under a header that numbers its columns, "(1) | (2) | (3) | …" (repeated on each page with the header). */
function isColumnNumbering(row: TableCell[]): boolean {
  const filled = nonEmpty(row).map((c) => /^\(?(\d{1,2})\)?$/.exec(cleanInline(c.text)));
  return filled.length >= 3 && filled.every((m, i) => m !== null && Number(m[1]) === i + 1);
}

function parseNumber(text: string): number | null {
  const m = /^\s*(\d{1,3})\s*[.)]?\s*$/.exec(cleanInline(text));
  return m ? Number(m[1]) : null;
}

function emptyCells(): Record<Field, string> {
  return { number: '', content: '', lead: '', coordinators: '', time: '', product: '' };
}

function appendCell(prev: string, add: string): string {
  if (!prev) return add;
  if (!add) return prev;
  return `${prev}\n${add}`;
}

export interface TableReadResult {
  tasks: RawTask[];
  warnings: ImportWarning[];
  rows: string[][];
}

/** Reads all tables of the document as one appendix (a table split by page breaks in some exports). */
export function readTaskTable(tables: TableCell[][][]): TableReadResult {
  const state = { cols: null as ColumnMap | null, area: null as number | null };
  const tasks: RawTask[] = [];
  const warnings: ImportWarning[] = [];
  const rows: string[][] = [];
  for (const table of tables) {
    for (const row of table) {
      rows.push(row.map((c) => cleanInline(c.text)));
      readRow(row, rows.length - 1, state, tasks, warnings);
    }
  }
  return { tasks, warnings, rows };
}

function readRow(row: TableCell[], index: number, state: { cols: ColumnMap | null; area: number | null }, tasks: RawTask[], warnings: ImportWarning[]): void {
  const header = headerColumns(row);
  if (header) {
    state.cols = header;
    return;
  }
  if (!state.cols) return; // rows before the task table's header are not tasks
  if (isColumnNumbering(row)) return;
  const area = areaHeadingRow(row);
  if (area !== null) {
    state.area = area;
    return;
  }
  const cols = state.cols;
  const get = (f: Field): TableCell | undefined => row[cols[f]];
  const numberText = get('number')?.text ?? '';
  const number = parseNumber(numberText);
  if (number !== null) {
    const cells = emptyCells();
    for (const f of FIELDS) cells[f] = (get(f)?.text ?? '').trim();
    tasks.push({ area: state.area, number, cells, continued: false, sourceRows: [index] });
    return;
  }
  const prev = tasks[tasks.length - 1];
  if (!prev || nonEmpty(row).length === 0) return;
  // A row without TT: the rest of the task above, cut by a page break.
  prev.sourceRows?.push(index);
  for (const f of FIELDS) {
    const cell = get(f);
    if (f === 'number' || !cell || cell.fromAbove) continue;
    prev.cells[f] = appendCell(prev.cells[f], cell.text.trim());
  }
  if (cleanInline(numberText) !== '') prev.cells.content = appendCell(prev.cells.content, numberText.trim());
  if (!prev.continued) {
    prev.continued = true;
    warnings.push({
      code: 'row_continued',
      task: prev.number,
      message: `Nhiệm vụ số ${prev.number ?? '?'} bị ngắt sang trang sau; phần tiếp theo đã được nối vào, vui lòng kiểm tra.`,
    });
  }
}
