/**
 * Tables in a text copy that keeps the page layout with spaces (`pdftotext -layout`): each cell's
 * lines stay in their column, but a row's cells are spread over several lines (cells are centred
 * vertically, so the TT sits on a middle line) and two cells close together are joined by a single
 * space ("Văn phòng HĐND Trước ngày"). The columns' positions are learnt from the header (repeated on
 * each page, positions move from page to page); a run of words that crosses a column's edge is cut at
 * the word nearest that edge, preferring a word that can open a cell (capital, digit, bracket). Rows
 * are cut at blank lines, area headings, and between two TT lines at a content line that opens with
 * a capital, as far below the TT as the row began above it (cells centred in their rows). The result is an ordinary table (header row, area rows, task rows) for
 * readTaskTable.
 */
import { areaOfHeading, type Field } from './table';
import { fold } from './text-utils';
import type { TableCell } from './types';
import { isUnitStart, unitStartScore } from './unit-lexicon';

type Column = Field | 'note';

interface Run {
  start: number;
  end: number;
  words: Array<{ text: string; at: number }>;
}

/** Every word a table header is written with ("Thời gian thực / hiện", "Kết / quả/Sản / phẩm", "(1)"). */
const HEADER_WORDS = new Set(
  'tt stt st t so noi dung nhiem vu cong viec co quan don vi chu tri phoi hop thoi gian han thuc hien hoan thanh san pham ket qua ghi tien do du kien'.split(' '),
);

const COLUMN_WORDS: Array<[Column, RegExp]> = [
  ['note', /\bghi chu\b/],
  ['number', /^(s?tt|st|so tt)$/],
  ['content', /\b(noi dung|nhiem vu|cong viec)\b|^noi\b/],
  ['lead', /\bchu\b/],
  ['coordinators', /\bphoi\b/],
  ['time', /\b(thoi gian|thoi han|tien do)\b|^thoi\b/],
  ['product', /\b(san pham|ket qua)\b|^ket\b/],
];

const CANONICAL: Record<Column, string> = {
  number: 'TT',
  content: 'Nội dung nhiệm vụ',
  lead: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  time: 'Thời gian thực hiện',
  product: 'Sản phẩm',
  note: 'Ghi chú',
};

const TABLE_END = /^(nơi nhận|tm\.|kt\.|chủ tịch$)/iu;
const ROMAN_HEADING = /^([IVX]{1,4})\s*[.)]?\s+(\p{Lu}.*)$/u;

/**
 * The line's runs of words (split at two or more spaces), with positions counted in characters as
 * laid out: combining marks (a copy may spell "ý" as "y" + a mark) take no column.
 */
function runsOf(line: string): Run[] {
  const runs: Run[] = [];
  let col = 0;
  let word: { text: string; at: number } | null = null;
  let run: Run | null = null;
  let spaces = 0;
  const endWord = (): void => {
    if (!word) return;
    if (!run || spaces >= 2) {
      run = { start: word.at, end: word.at, words: [] };
      runs.push(run);
    }
    run.words.push(word);
    run.end = col;
    word = null;
    spaces = 0;
  };
  for (const ch of line) {
    if (/\s/.test(ch)) {
      endWord();
      spaces++;
      col++;
    } else {
      if (!word) word = { text: '', at: col };
      word.text += ch;
      if (!/\p{M}/u.test(ch)) col++;
    }
  }
  endWord();
  return runs.map((r) => ({ ...r, words: r.words.map((w) => ({ text: w.text.normalize('NFC'), at: w.at })) }));
}

function isHeaderLine(line: string): boolean {
  const words = fold(line)
    .split(/[\s/]+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => HEADER_WORDS.has(w) || /^\(\d{1,2}\)$/.test(w));
}

interface Layout {
  columns: Column[];
  /** Right edge of each column but the last (a position between two columns' centres). */
  edges: number[];
  /** Centre of each column's header. */
  centres: number[];
}

/**
 * A header run split into its cells' phrases: two header cells close together run into one
 * ("Đơn vị phối Thời gian thực"); each cell's text starts with a capital (sentence case).
 */
function headerPhrases(run: Run): Array<Run['words']> {
  const out: Array<Run['words']> = [];
  for (const w of run.words) {
    const opens = /^\p{Lu}\p{Ll}/u.test(w.text) || out.length === 0;
    if (opens) out.push([w]);
    else out[out.length - 1].push(w);
  }
  return out;
}

/** Columns from the header lines: each keyword run names its column; its centre places it. */
function layoutOf(header: string[], data: string[]): Layout | null {
  return withEdges(headerColumnsOf(header), data);
}

/**
 * The page's edges moved to where this stretch's own cells start: the copy places a row's cells
 * consistently, but not always where the page's other rows have them.
 */
function localLayout(layout: Layout, lines: string[]): Layout {
  const starts = cellStarts(lines);
  return { ...layout, edges: layout.edges.map((e, i) => dataEdge(starts, layout.centres[i], layout.centres[i + 1]) ?? e) };
}

function cellStarts(data: string[]): number[] {
  // A lone TT number starts no column's text: it would pull the content's edge into the TT column.
  return data.flatMap((line) => runsOf(line).flatMap((r) => (r.words.length === 1 && /^\d{1,3}[.)]?$/.test(r.words[0].text) ? [] : [r.start])));
}

function withEdges(cols: Array<{ c: Column; mid: number }> | null, data: string[]): Layout | null {
  if (!cols) return null;
  const starts = cellStarts(data);
  const edges = cols.slice(1).map((x, i) => dataEdge(starts, cols[i].mid, x.mid) ?? (cols[i].mid + x.mid) / 2);
  return { columns: cols.map((x) => x.c), edges, centres: cols.map((x) => x.mid) };
}

function headerColumnsOf(header: string[]): Array<{ c: Column; mid: number }> | null {
  const spans = new Map<Column, [number, number]>();
  for (const line of header) {
    for (const phrase of runsOf(line).flatMap(headerPhrases)) {
      const key = fold(phrase.map((w) => w.text).join(' '));
      const hit = COLUMN_WORDS.find(([, re]) => re.test(key));
      if (!hit) continue;
      const last = phrase[phrase.length - 1];
      const [start, end] = [phrase[0].at, last.at + [...last.text].length];
      const span = spans.get(hit[0]);
      spans.set(hit[0], span ? [Math.min(span[0], start), Math.max(span[1], end)] : [start, end]);
    }
  }
  if (spans.size < 4 || !spans.has('content')) return null;
  return [...spans.entries()].map(([c, [s, e]]) => ({ c, mid: (s + e) / 2 })).sort((a, b) => a.mid - b.mid);
}

/**
 * Where the column whose header is centred at `right` begins, read from the rows: the position
 * between the two header centres where most runs start (within three characters; two at least).
 * Header centres alone put the edge wrong when columns differ in width.
 */
function dataEdge(starts: number[], left: number, right: number): number | null {
  const inside = starts.filter((p) => p > left && p <= right).sort((a, b) => a - b);
  let best: { at: number; count: number } | null = null;
  for (const p of inside) {
    const count = inside.filter((q) => q >= p && q <= p + 3).length;
    if (count >= 2 && (best === null || count > best.count)) best = { at: p, count };
  }
  return best?.at ?? null;
}

function columnAt(layout: Layout, at: number): number {
  let i = 0;
  while (i < layout.edges.length && at >= layout.edges[i]) i++;
  return i;
}

/**
 * Words a cell's line does not end on, so the cut is after them, not before: never ("phường của" /
 * "tháng cuối quý", "Phòng" / "Kinh tế"), or seldom (a time cell wraps after "Trước ngày").
 */
const NEVER_ENDS = /^(của|theo|với|tại|về|cho|các|-|phòng|trung|văn|ủy|ban)$/iu;
const SELDOM_ENDS = /^(ngày|tháng|năm|trước|đến|từ|quý)$/iu;
const TIME_START = /^\(?(trước|trong|tháng|quý|cả|thường|hàng|hằng|theo|định|từ|năm|ngày|sau|đến|giai|chậm|tuần)$/iu;

/** How well `rest` opens a cell of `column`: a unit name, a time word or date, a capital. */
function opensColumn(column: Column | undefined, rest: string): number {
  const first = rest.split(' ')[0];
  if (first === '-') return -3;
  if (column === 'lead' || column === 'coordinators') return unitStartScore(rest) >= 2 || /^Các\s/u.test(rest) ? 4 : /^\p{Lu}/u.test(first) ? 1 : 0;
  if (column === 'time') return TIME_START.test(first) || /^\d/.test(first) ? 4 : 0;
  return /^[\p{Lu}\d(]/u.test(first) ? 3 : 0;
}

/**
 * Where a run that reaches past its column's edge is cut: -1 keeps it whole (positions are only
 * roughly kept, so a small overshoot is no cut), 0 moves it whole to the next column, k cuts before
 * word k. Each choice costs its distance from the edge, less how well the rest opens the next column,
 * plus a penalty for leaving a cell on a word that does not end one ("của", "tháng", "Phòng").
 */
function cutAt(layout: Layout, col: number, words: Run['words']): number {
  const edge = layout.edges[col];
  const last = words[words.length - 1];
  if (edge === undefined) return -1;
  const overshoot = last.at + last.text.length - edge;
  if (overshoot <= 1) return -1;
  let cut = -1;
  let best = overshoot;
  words.forEach((w, k) => {
    if ((k === 0 && w.at < edge - 3) || Math.abs(w.at - edge) > 8) return;
    const rest = words
      .slice(k)
      .map((x) => x.text)
      .join(' ');
    const before = k > 0 ? words[k - 1].text : '';
    const cost = Math.abs(w.at - edge) - opensColumn(layout.columns[col + 1], rest) + (NEVER_ENDS.test(before) ? 6 : SELDOM_ENDS.test(before) ? 3 : 0);
    if (cost < best) {
      best = cost;
      cut = k;
    }
  });
  return cut;
}

/** A line → the text of each column on it; runs crossing a column's edge are cut there. */
function splitLine(layout: Layout, line: string): string[] {
  const out: string[] = layout.columns.map(() => '');
  const num = layout.columns.indexOf('number');
  for (const run of runsOf(line)) {
    let words = run.words;
    let col = columnAt(layout, run.start);
    // The TT column holds a number only: what follows it, or a run with no number, is the next column's.
    if (col === num) {
      if (/^\d{1,3}[.)]?$/.test(words[0].text)) {
        out[col] = words[0].text;
        words = words.slice(1);
      }
      col = num + 1;
      if (words.length > 0) col = Math.max(col, columnAt(layout, words[0].at));
    }
    while (words.length > 0) {
      const cut = cutAt(layout, col, words);
      const piece = cut < 0 ? words : words.slice(0, cut);
      if (piece.length > 0) out[col] = [out[col], piece.map((w) => w.text).join(' ')].filter(Boolean).join(' ');
      if (cut < 0) break;
      words = words.slice(cut);
      col = Math.max(col + 1, columnAt(layout, words[0].at));
      if (col >= layout.columns.length) col = layout.columns.length - 1;
    }
  }
  return out;
}

/** An area heading on a line of its own: "I. CÔNG TÁC …", "IV Cải cách tổ chức …", "CẢI CÁCH THỦ TỤC …". */
function areaHeading(line: string): string | null {
  const text = line.trim().replace(/\s+/g, ' ');
  const roman = ROMAN_HEADING.exec(text);
  if (roman && areaOfHeading(`${roman[1]}. ${roman[2]}`) !== null) return `${roman[1]}. ${roman[2]}`;
  if (/\p{Lu}{3}/u.test(text) && text === text.toLocaleUpperCase('vi') && !/\d/.test(text) && areaOfHeading(text) !== null) return text;
  return null;
}

/**
 * A row holding nothing but a number is the end of a date the copy pushed to the line's start
 * ("15/11/202" in the time cell above, "7" alone at the left margin): it is put back after it.
 */
function joinStrayNumber(row: string[], above: string[] | undefined): boolean {
  const filled = row.filter((c) => c.trim() !== '');
  if (!above || filled.length !== 1 || !/^\d{1,4}$/.test(filled[0].trim())) return false;
  const cut = above.findIndex((c) => /\d{1,2}\/\d{1,2}\/\d{1,3}$/.test(c.trim()));
  if (cut < 0) return false;
  above[cut] = `${above[cut]}\n${filled[0].trim()}`;
  return true;
}

interface Piece {
  cells: string[];
}

function piecesOf(layout: Layout, lines: string[]): Piece[] {
  const local = localLayout(layout, lines);
  return lines.map((line) => ({ cells: splitLine(local, line) }));
}

/**
 * A cell's lines, a code wider than its column put back whole ("HĐND&UB" / "ND"): the second piece
 * a short upper-case word alone on its line and no unit's name, the first an upper-case code.
 */
function joinCellLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    const cut = /(^|\s)[\p{Lu}\d&/-]{3,}$/u.test(out) && /^\p{Lu}{1,3}$/u.test(line) && !isUnitStart(line);
    out = out === '' ? line : cut ? out + line : `${out}\n${line}`;
  }
  return out;
}

/** Lines of one stretch (no blank line, heading or header inside) → rows, cut between TT lines. */
function rowsOf(layout: Layout, pieces: Piece[]): string[][] {
  const num = layout.columns.indexOf('number');
  const content = layout.columns.indexOf('content');
  const numbered = pieces.flatMap((p, i) => (num >= 0 && /^\d{1,3}\s*[.)]?$/.test(p.cells[num]) ? [i] : []));
  const starts = [0];
  for (let k = 1; k < numbered.length; k++) {
    const [a, b] = [numbered[k - 1], numbered[k]];
    // Cells centred in their row put as many lines above the TT as below it: the next row starts
    // about as far below the TT as this one started above it, at a content line opening with a
    // capital. A TT on its row's first line (cells at the top) means the next row starts at its TT.
    const above = a - starts[k - 1];
    const expected = above > 0 ? a + above + 1 : b;
    let cut = b;
    let best = -Infinity;
    let previous = '';
    for (let i = a + 1; i <= b; i++) {
      const text = pieces[i].cells[content] ?? '';
      if (text === '') continue;
      // A content that ends its sentence before a capital is a stronger sign than the line count.
      const score = -Math.abs(i - expected) + (/[.;]$/.test(previous) ? 3 : 0) - (NEVER_ENDS.test(previous.split(' ').pop() ?? '') ? 5 : 0);
      if (/^\p{Lu}/u.test(text) && score > best) {
        best = score;
        cut = i;
      }
      previous = text;
    }
    starts.push(cut);
  }
  return starts.map((s, k) => {
    const part = pieces.slice(s, starts[k + 1] ?? pieces.length);
    return layout.columns.map((_, c) => joinCellLines(part.map((p) => p.cells[c]).filter(Boolean)));
  });
}

/**
 * Reads a layout table starting at `start` (the first header line). Returns its rows, canonical
 * header first, and the index of the first line after it; null when the header names too few columns.
 */
export function readLayoutTable(lines: string[], start: number): { rows: TableCell[][]; next: number } | null {
  let layout: Layout | null = null;
  let first: Column[] = [];
  const rows: string[][] = [];
  let stretch: string[] = [];
  const flush = (): void => {
    // Rows follow the first header's column order (a later page's header may differ).
    if (layout && stretch.length > 0) {
      for (const row of rowsOf(layout, piecesOf(layout, stretch))) {
        const ordered = first.map((c) => row[(layout as Layout).columns.indexOf(c)] ?? '');
        if (!joinStrayNumber(ordered, rows[rows.length - 1])) rows.push(ordered);
      }
    }
    stretch = [];
  };
  let i = start;
  while (i < lines.length) {
    const line = lines[i].replace(/\f/g, '');
    const header = headerBlock(lines, i);
    if (header) {
      flush();
      const next = layoutOf(header.lines, dataLines(lines, header.end)) as Layout;
      if (!layout) {
        first = next.columns;
        rows.push(first.map((c) => CANONICAL[c]));
      }
      layout = next;
      i = header.end;
      continue;
    }
    if (!layout) return null;
    const trimmed = line.trim();
    if (TABLE_END.test(trimmed)) break;
    const heading = trimmed ? areaHeading(line) : null;
    if (!trimmed || heading) {
      flush();
      if (heading) rows.push([heading]);
    } else stretch.push(line);
    i++;
  }
  flush();
  return { rows: rows.map((r) => r.map((text) => ({ text }))), next: i };
}

/** The header's lines from `i` (header words and blank lines) when they name enough columns to be a table's header. */
function headerBlock(lines: string[], i: number): { lines: string[]; end: number } | null {
  const out: string[] = [];
  let j = i;
  while (j < lines.length && (isHeaderLine(lines[j].replace(/\f/g, '')) || lines[j].trim() === '')) out.push(lines[j++].replace(/\f/g, ''));
  if (out.length === 0 || lines[i].trim() === '') return null;
  // A centred header cell of more lines than its neighbours starts above them ("Thời gian" / "STT …").
  for (let k = i - 1; k >= 0 && k >= i - 3 && isHeaderLine(lines[k].replace(/\f/g, '')) && lines[k].trim() !== ''; k--) out.unshift(lines[k].replace(/\f/g, ''));
  if (layoutOf(out, []) === null) return null;
  return { lines: out, end: j };
}

/** The rows' lines under a header, up to the next header or the table's end. */
function dataLines(lines: string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i].replace(/\f/g, '');
    if (headerBlock(lines, i) || TABLE_END.test(line.trim())) break;
    if (!areaHeading(line)) out.push(line);
  }
  return out;
}

/** Whether the line opens a layout table's header: header words only, in two or more runs. */
export function isLayoutHeader(lines: string[], i: number): boolean {
  const clean = lines[i].replace(/\f/g, '');
  return isHeaderLine(clean) && runsOf(clean).length >= 2 && headerBlock(lines, i) !== null;
}
