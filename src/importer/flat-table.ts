/**
 * Tables flattened to lines by a PDF-to-text copy (seed 000 style): the cells
 * of a row come in column order (TT+content, lead, coordinators, time,
 * product), each wrapped over several lines, and a one-line cell shares its
 * line with the start of the next cell ("Phòng VH-XH Văn phòng", "Trong tháng 7
 * Kế hoạch của"). A row is cut into its five cells by a small search over cut
 * points that scores each cell with generic knowledge: the unit lexicon for the
 * unit columns, the time-frame grammar (parseTimeframe) for the time column,
 * document-type nouns for the product, and the narrowness of the non-content
 * columns. A row whose tail spills onto the next page (a line starting with a
 * space, the mark of a new page in such copies) may continue its cells there.
 */
import { parseTimeframe } from '../domain/timeframe/index';
import type { Period } from '../domain/timeframe/types';
import type { Field, RawTask } from './table';
import { areaOfHeading } from './table';
import { fold, isUpperInitial, stripMarkdown } from './text-utils';
import type { ImportWarning } from './types';
import { isCatchAll, isOutsideBody, OPEN_ENDINGS, splitUnitList, unitStartScore } from './unit-lexicon';

interface Token {
  text: string;
  line: number;
  lineStart: boolean;
  /** First token of a line that starts with white space: possibly a new page. */
  pageBreak: boolean;
}

const CELL_FIELDS: readonly Field[] = ['content', 'lead', 'coordinators', 'time', 'product'];
const TIME_START = /^(trước|trong|tháng|quý|cả|thường|hàng|hằng|theo|định|từ|năm|ngày|sau|đến|giai|chậm|tuần|6|sáu|\d)/iu;
const FUNCTION_END = /\s(của|theo|và|ngày|tháng|năm|trước|đến|từ|với|tại|về|cho|các)$/iu;
const DOC_NOUN =
  /^(kế hoạch|báo cáo|quyết định|văn bản|công văn|thông báo|hồ sơ|danh mục|kết quả|tờ trình|biên bản|hội nghị|nghị quyết|chỉ thị|kh|qđ|các|lớp|phiếu|cổng|hệ thống|tài liệu|đề án|quy chế|quy định|chương trình|sổ|bảng)(?=[\s,;.:/]|$)/iu;
/** Capitalised words that open a time-frame cell; inside a unit cell they mean the cut is too late. */
const TIME_WORD = /^(Trước|Trong|Tháng|Quý|Cả|Thường|Hàng|Hằng|Theo|Định|Từ|Năm|Ngày|Chậm|Giai)$/u;
const AREA_LINE = /^\s*[IVX]{1,4}\s*\.\s+\S/u;
const TASK_LINE = /^\s*(\d{1,3})\s*\.?\s+(\S.*)$/u;
const TABLE_END = /^(nơi nhận|tm\.|kt\.|chủ tịch$|phụ lục)/iu;

/* ---------- rows ---------- */

interface FlatRow {
  area: number | null;
  number: number;
  lines: string[];
}

function isHeaderEnd(line: string): boolean {
  return /(san pham|ket qua)\s*$/.test(fold(line));
}

function splitRows(lines: string[]): FlatRow[] {
  const rows: FlatRow[] = [];
  let area: number | null = null;
  let inHeader = true;
  let last = 0;
  for (const raw of lines) {
    const line = stripMarkdown(raw.replace(/\s+$/, ''));
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (/^(s?tt)\s+n[ộo]i dung/iu.test(trimmed)) {
      inHeader = true;
      continue;
    }
    if (inHeader && isHeaderEnd(trimmed)) {
      inHeader = false;
      continue;
    }
    if (TABLE_END.test(trimmed) && rows.length > 0) break;
    if (AREA_LINE.test(trimmed)) {
      inHeader = false;
      area = areaOfHeading(trimmed) ?? area;
      continue;
    }
    const m = TASK_LINE.exec(line);
    const n = m ? Number(m[1]) : NaN;
    // The next TT, or a small jump to a capitalised content (a missing row), starts a row;
    // "10 của tháng" inside a time cell does not.
    if (m && (n === last + 1 || (n > last && n <= last + 4 && isUpperInitial(m[2])))) {
      inHeader = false;
      rows.push({ area, number: n, lines: [(/^\s/.test(line) ? ' ' : '') + m[2]] });
      last = n;
      continue;
    }
    if (inHeader || rows.length === 0) continue;
    rows[rows.length - 1].lines.push(line);
  }
  return rows;
}

function tokenize(lines: string[]): Token[] {
  const tokens: Token[] = [];
  lines.forEach((line, i) => {
    const words = line.trim().split(/\s+/).filter(Boolean);
    words.forEach((text, j) => {
      tokens.push({ text, line: i, lineStart: j === 0, pageBreak: j === 0 && i > 0 && /^\s/.test(line) });
    });
  });
  return tokens;
}

/* ---------- scoring one cell ---------- */

interface Context {
  tokens: Token[];
  period: Period;
  narrow: number;
  timeCache: Map<string, number>;
  cellCache: Map<string, number>;
}

function linesOf(ctx: Context, s: number, e: number): string[] {
  const out: string[] = [];
  let line = -1;
  for (let i = s; i < e; i++) {
    const t = ctx.tokens[i];
    if (t.line !== line) {
      out.push(t.text);
      line = t.line;
    } else out[out.length - 1] += ` ${t.text}`;
  }
  return out;
}

function isHeadToken(word: string): boolean {
  return /^(phong|van|tam|ban|uy|hoi|dong|tram|an|bo|so|tran)$/.test(fold(word));
}

/** Unit names glued without a separator in mid-line ("Phòng VH-XH Văn phòng") mean a cell boundary was missed. */
function gluedHeads(lines: string[]): number {
  let count = 0;
  for (const line of lines) {
    const words = line.split(' ');
    for (let j = 1; j < words.length; j++) {
      const prev = words[j - 1];
      if (/[,;&]$/.test(prev) || /^(và|của|thuộc|các)$/iu.test(prev) || isHeadToken(prev)) continue;
      if (unitStartScore(words.slice(j).join(' ')) >= 2) count++;
    }
  }
  return count;
}

function unitListScore(lines: string[]): number {
  const text = lines.join('\n');
  let score = 3 - 3 * gluedHeads(lines);
  for (const line of lines) for (const w of line.split(' ')) if (TIME_WORD.test(w)) score -= 3;
  for (const piece of splitUnitList(text)) {
    if (unitStartScore(piece) === 0 && !isCatchAll(piece) && !isOutsideBody(piece)) score -= 5;
  }
  if (OPEN_ENDINGS.test(lines[lines.length - 1])) score -= 3;
  return score;
}

function timeScore(ctx: Context, text: string, words: number): number {
  const cached = ctx.timeCache.get(text);
  if (cached !== undefined) return cached;
  let score = parseTimeframe(text, ctx.period).kind === 'unspecified' ? -6 : 4;
  if (TIME_WORD.test(text.split(' ')[0])) score += 1;
  if (FUNCTION_END.test(text)) score -= 3;
  score -= 0.05 * words;
  ctx.timeCache.set(text, score);
  return score;
}

function widthPenalty(ctx: Context, lines: string[]): number {
  return lines.filter((l) => l.length > ctx.narrow).length * -2;
}

function productScore(lines: string[]): number {
  const text = lines.join(' ');
  let score = 0;
  if (isUpperInitial(text)) score += 1;
  if (DOC_NOUN.test(text)) score += 1;
  // A line opening with a unit name (not "… của / UBND xã") belongs to a unit column.
  lines.forEach((line, i) => {
    if (unitStartScore(line) >= 2 && (i === 0 || !OPEN_ENDINGS.test(lines[i - 1]))) score -= 2;
  });
  return score;
}

/** Score of field index f (0–4 main cells, 5–9 the same cells continued on the next page) over tokens [s, e). */
function cellScore(ctx: Context, f: number, s: number, e: number): number {
  const key = `${f}:${s}:${e}`;
  const hit = ctx.cellCache.get(key);
  if (hit !== undefined) return hit;
  const score = computeCellScore(ctx, f, s, e);
  ctx.cellCache.set(key, score);
  return score;
}

function computeCellScore(ctx: Context, f: number, s: number, e: number): number {
  const cont = f >= 5;
  const field = CELL_FIELDS[f % 5];
  if (s === e) {
    if (cont) return 0;
    return field === 'content' ? -10 : field === 'lead' ? -4 : field === 'product' ? -0.5 : -1;
  }
  const lines = linesOf(ctx, s, e);
  // Cells continued on the next page earn no bonus: only their penalties count.
  if (cont) return Math.min(0, mainScore(ctx, field, lines, e - s));
  return mainScore(ctx, field, lines, e - s);
}

function mainScore(ctx: Context, field: Field, lines: string[], words: number): number {
  switch (field) {
    case 'content': {
      const last = lines[lines.length - 1];
      // Content does not end on a unit name, nor on "của"/"và" (the next line goes on with it).
      const unitLast = lines.length > 1 && unitStartScore(last) >= 2 && !OPEN_ENDINGS.test(lines[lines.length - 2]);
      return (unitLast ? -2 : 0) + (OPEN_ENDINGS.test(last) ? -4 : 0);
    }
    case 'lead': {
      // A commune plan gives the lead to its own units; an outside body there is unlikely.
      const outside = splitUnitList(lines.join('\n')).filter(isOutsideBody).length;
      return unitListScore(lines) + widthPenalty(ctx, lines) - 1.5 * outside;
    }
    case 'coordinators':
      return unitListScore(lines) + widthPenalty(ctx, lines);
    case 'time':
      return timeScore(ctx, lines.join(' '), words) + widthPenalty(ctx, lines);
    case 'product':
      return productScore(lines) + widthPenalty(ctx, lines);
  }
  return 0;
}

/* ---------- search over cut points ---------- */

/** A non-empty time cell opens with a time word; a unit cell with a capital or "các". */
function canStart(ctx: Context, field: number, s: number): boolean {
  const word = ctx.tokens[s].text;
  if (CELL_FIELDS[field] === 'time') return TIME_START.test(word);
  if (CELL_FIELDS[field] === 'lead' || CELL_FIELDS[field] === 'coordinators') return isUpperInitial(word) || /^các$/iu.test(word);
  return true;
}

function plausibleStart(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i];
  return t.lineStart || isUpperInitial(t.text) || TIME_START.test(t.text);
}

/** Longest cell the search tries, by column (tokens): unit and time columns are narrow. */
const MAX_TOKENS: Record<Field, number> = { number: 0, content: Infinity, lead: 40, coordinators: 40, time: 20, product: Infinity };

function segment(ctx: Context): { cuts: number[]; score: number } {
  const n = ctx.tokens.length;
  const candidates: number[] = [];
  for (let i = 0; i <= n; i++) if (i === n || plausibleStart(ctx, i)) candidates.push(i);
  const memo = new Map<string, { score: number; cuts: number[] }>();
  const best = (f: number, s: number): { score: number; cuts: number[] } => {
    const key = `${f}:${s}`;
    const hit = memo.get(key);
    if (hit) return hit;
    let result: { score: number; cuts: number[] } = { score: -Infinity, cuts: [] };
    if (f === 10) result = s === n ? { score: 0, cuts: [] } : result;
    else if (f === 5 && s === n) result = { score: 0, cuts: [] };
    else if (f === 5 && !ctx.tokens[s].pageBreak) result = { score: -Infinity, cuts: [] };
    else {
      for (const e of candidates) {
        if (e < s) continue;
        if (e - s > MAX_TOKENS[CELL_FIELDS[f % 5]]) break;
        if (e > s && !canStart(ctx, f % 5, s)) break;
        // A cell that ends inside a line must have started on that line (one-line cell).
        if (e > s && e < n && !ctx.tokens[e].lineStart && ctx.tokens[s].line !== ctx.tokens[e].line) continue;
        const rest = best(f + 1, e);
        if (rest.score === -Infinity) continue;
        const score = cellScore(ctx, f, s, e) + rest.score - (f === 5 ? 0.5 : 0);
        if (score > result.score) result = { score, cuts: [e, ...rest.cuts] };
      }
    }
    memo.set(key, result);
    return result;
  };
  return best(0, 0);
}

/* ---------- public ---------- */

function cellTexts(ctx: Context, cuts: number[]): Record<Field, string> {
  const bounds = [0, ...cuts];
  const cells: Record<Field, string> = { number: '', content: '', lead: '', coordinators: '', time: '', product: '' };
  for (let f = 0; f < bounds.length - 1; f++) {
    const text = linesOf(ctx, bounds[f], bounds[f + 1]).join('\n');
    const field = CELL_FIELDS[f % 5];
    if (text) cells[field] = cells[field] ? `${cells[field]}\n${text}` : text;
  }
  return cells;
}

export interface FlatTableResult {
  tasks: RawTask[];
  warnings: ImportWarning[];
  rows: string[][];
}

export function readFlatTable(lines: string[], period: Period): FlatTableResult {
  const rows = splitRows(lines);
  const longest = Math.max(20, ...rows.flatMap((r) => r.lines.slice(0, 1).map((l) => l.trim().length)));
  const tasks: RawTask[] = [];
  const warnings: ImportWarning[] = [];
  const out: string[][] = [];
  for (const row of rows) {
    const ctx: Context = { tokens: tokenize(row.lines), period, narrow: Math.round(longest * 0.55), timeCache: new Map(), cellCache: new Map() };
    const { cuts } = segment(ctx);
    const cells = cellTexts(ctx, cuts);
    cells.number = String(row.number);
    const continued = cuts.length > 5 && cuts[4] < ctx.tokens.length;
    tasks.push({ area: row.area, number: row.number, cells, continued, sourceRows: [out.length] });
    out.push(['number', ...CELL_FIELDS].map((f) => cells[f as Field].replace(/\n/g, ' ')));
    if (continued) {
      warnings.push({ code: 'row_continued', task: row.number, message: `Nhiệm vụ số ${row.number} bị ngắt sang trang sau; phần tiếp theo đã được nối vào, vui lòng kiểm tra.` });
    }
  }
  return { tasks, warnings, rows: out };
}

/** The score of cutting `lines` at the given token positions (tests and diagnostics). */
export function scoreCuts(lines: string[], period: Period, cuts: number[]): { score: number; cells: string[] } {
  const ctx: Context = { tokens: tokenize(lines), period, narrow: 25, timeCache: new Map(), cellCache: new Map() };
  const bounds = [0, ...cuts];
  let score = 0;
  const cells: string[] = [];
  for (let f = 0; f < bounds.length - 1; f++) {
    score += cellScore(ctx, f, bounds[f], bounds[f + 1]);
    cells.push(`${f}:${cellScore(ctx, f, bounds[f], bounds[f + 1])}:${linesOf(ctx, bounds[f], bounds[f + 1]).join('/')}`);
  }
  return { score, cells };
}

export function bestCuts(lines: string[], period: Period): { score: number; cuts: number[] } {
  return segment({ tokens: tokenize(lines), period, narrow: 25, timeCache: new Map(), cellCache: new Map() });
}
