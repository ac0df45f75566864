/**
 * PDF reader: rebuilds the appendix table from the text items' positions.
 * Columns come from the header row ("TT | Nội dung | … chủ trì | … phối hợp |
 * Thời gian | Sản phẩm"): each header cell's x-range, refined by where body
 * lines actually start. Rows come from the table's horizontal rules when the
 * PDF draws them, else from the TT numbers. Text outside the table becomes
 * paragraphs. Repeated headers and rows continued on the next page come out as
 * rows that table.ts skips or appends.
 */
import { ImportError } from '../errors';
import { IMPORT_LIMITS, type ImportLimits } from '../limits';
import { linesToParagraphs } from '../paragraphs';
import { headerColumns } from '../table';
import { fold } from '../text-utils';
import type { Block, DocModel, TableCell } from '../types';
import { isUnitStart } from '../unit-lexicon';
import { checkPdfStreams } from './pdf-guard';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface PageContent {
  items: Item[];
  /** y of horizontal rules at least half the page wide, top to bottom. */
  rules: number[];
  /** Vertical rules (cell borders), each as its x and the y-range it covers. */
  verticals: VerticalRule[];
}

interface VerticalRule {
  x: number;
  y0: number;
  y1: number;
}

type PdfModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfModule> | null = null;
function loadPdfjs(): Promise<PdfModule> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/* ---------- reading pages ---------- */

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * Horizontal rules from the drawing operators: flat paths, joined end to end when they lie on one y.
 * Word and LibreOffice draw a table's rule cell by cell (one short segment per cell), so a rule is
 * the union of the segments on its y, kept when it spans a good part of the page.
 */
function pageRules(fnArray: number[], argsArray: unknown[], ops: PdfModule['OPS'], pageWidth: number): Pick<PageContent, 'rules' | 'verticals'> {
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const segments: Segment[] = [];
  const verticals: VerticalRule[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = multiply(ctm, argsArray[i] as Matrix);
    else if (fn === ops.constructPath) {
      const minMax = (argsArray[i] as unknown[])[2] as ArrayLike<number> | null;
      if (!minMax || minMax.length < 4) continue;
      const [x0, y0] = apply(ctm, minMax[0], minMax[1]);
      const [x1, y1] = apply(ctm, minMax[2], minMax[3]);
      if (Math.abs(y1 - y0) < 2) segments.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
      else if (Math.abs(x1 - x0) < 2) verticals.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
    }
  }
  const rules = dedupe(
    joinSegments(segments)
      .filter((s) => s.x1 - s.x0 > pageWidth * 0.4)
      .map((s) => s.y)
      .sort((a, b) => b - a),
    1.5,
  );
  return { rules, verticals };
}

interface Segment {
  y: number;
  x0: number;
  x1: number;
}

/** Segments on one y (within a point) that touch or overlap become one. */
function joinSegments(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: Segment[] = [];
  for (const s of sorted) {
    const same = out.filter((o) => Math.abs(o.y - s.y) <= 1 && s.x0 <= o.x1 + 3);
    const last = same[same.length - 1];
    if (last) last.x1 = Math.max(last.x1, s.x1);
    else out.push({ ...s });
  }
  return out;
}

function dedupe(sortedDesc: number[], tol: number): number[] {
  const out: number[] = [];
  for (const y of sortedDesc) if (out.length === 0 || out[out.length - 1] - y > tol) out.push(y);
  return out;
}

/** Text items of one page, read as a stream so a page with millions of items is stopped at the cap. */
async function pageItems(page: PdfPage, budget: { items: number }): Promise<Item[]> {
  const items: Item[] = [];
  const reader = page.streamTextContent().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return items;
    budget.items -= value.items.length;
    if (budget.items < 0) {
      const error = new ImportError('too_complex', { what: 'quá nhiều đoạn chữ' });
      await reader.cancel(error).catch(() => undefined);
      throw error;
    }
    for (const it of value.items as Array<{ str?: string; transform: number[]; width: number; height: number }>) {
      if (typeof it.str !== 'string' || it.str.trim() === '') continue;
      items.push({ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width, h: Math.abs(it.transform[3]) || it.height });
    }
  }
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfModule['getDocument']>['promise']>['getPage']>>;

async function readPages(data: Uint8Array, limits: ImportLimits): Promise<PageContent[]> {
  checkPdfStreams(data, limits);
  const lib = await loadPdfjs();
  // maxImageSize 1: images are dropped unread (only text and rules matter here, and images cost the most memory).
  const task = lib.getDocument({
    data: new Uint8Array(data),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    maxImageSize: 1,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    throw new ImportError(name === 'PasswordException' ? 'password_protected' : 'corrupt', {}, { cause: e });
  }
  try {
    // Refused rather than cut short: a draft silently missing its last pages would lose tasks.
    if (doc.numPages > limits.maxPdfPages) throw new ImportError('too_complex', { what: `${doc.numPages} trang, tối đa ${limits.maxPdfPages}` });
    const pages: PageContent[] = [];
    const deadline = Date.now() + limits.maxParseMs;
    const budget = { items: limits.maxPdfTextItems };
    for (let p = 1; p <= doc.numPages; p++) {
      if (Date.now() > deadline) throw new ImportError('timeout');
      const page = await doc.getPage(p);
      const width = page.view[2] - page.view[0];
      const items = await pageItems(page, budget);
      const ops = await page.getOperatorList();
      pages.push({ items, ...pageRules(ops.fnArray, ops.argsArray, lib.OPS, width) });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/* ---------- lines and text ---------- */

/** Items on one baseline, left to right, joined with spaces where there is a gap. */
function joinLine(items: Item[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  for (const it of sorted) {
    const gap = it.x - end;
    if (out && gap > 1 && !out.endsWith(' ') && !it.str.startsWith(' ')) out += ' ';
    out += it.str;
    end = it.x + it.w;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Groups items into lines (top to bottom) by baseline. */
function toLines(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - it.y) <= Math.max(2, it.h * 0.3)) line.push(it);
    else lines.push([it]);
  }
  return lines;
}

function cellText(items: Item[], width?: number): string {
  const lines = toLines(items).filter((l) => joinLine(l) !== '');
  let out = '';
  lines.forEach((line, i) => {
    const text = joinLine(line);
    out += i === 0 || !wordGoesOn(lines[i - 1], text, width) ? (i === 0 ? text : `\n${text}`) : text;
  });
  return out;
}

/**
 * Whether a cell's line break falls inside a word, so the next line is joined without a space:
 * after a hyphen between letters ("Phòng VH-" / "XH"; Vietnamese splits no syllable, so the hyphen
 * is the word's own), or where a code wider than its column was cut ("HĐND&UB" / "ND"): upper-case
 * pieces, the first alone on its line and filling the column, the second not a unit's name.
 */
function wordGoesOn(previous: Item[], next: string, width: number | undefined): boolean {
  const before = joinLine(previous);
  if (/\p{L}-$/u.test(before) && /^\p{L}/u.test(next)) return true;
  if (width === undefined || !CODE_PIECE.test(before) || !CODE_START.test(next) || isUnitStart(next)) return false;
  const x0 = Math.min(...previous.map((it) => it.x));
  const x1 = Math.max(...previous.map((it) => it.x + it.w));
  return x1 - x0 >= width * FULL_LINE;
}

/** A piece of an abbreviation or code: capitals, digits, "&", "/", "-", no space, no small letter. */
const CODE_PIECE = /^[\p{Lu}\d&/-]*[\p{Lu}\d&]$/u;
const CODE_START = /^[\p{Lu}\d][\p{Lu}\d&/-]*(?:[\s,;.)]|$)/u;

/** Share of a column's width (padding included) a cut word's first part fills. */
const FULL_LINE = 0.8;

/* ---------- the table's columns ---------- */

interface Columns {
  /** Left edge of each column after the first, left to right. */
  borders: number[];
  /** The table's outer frame when the PDF draws its rules: the borders are then exact. */
  frame?: { left: number; right: number };
  left: number;
  headerTop: number;
}

/** "TT", "STT", or the "ST" of an "STT" a narrow column wrapped ("ST" / "T"). */
function isHeaderStart(it: Item): boolean {
  return /^(s?tt|st)$/.test(fold(it.str.trim()));
}

/** Header items: those on the TT item's band (multi-line header cells included). */
function headerItems(items: Item[], tt: Item, rules: number[]): Item[] {
  const above = rules.filter((r) => r > tt.y).pop() ?? tt.y + 3 * tt.h;
  const below = rules.find((r) => r < tt.y) ?? tt.y - 3 * tt.h;
  return items.filter((it) => it.y < above && it.y > below && it.x >= tt.x - 2);
}

/** Clusters header items into columns by overlapping x-ranges. */
function headerClusters(items: Item[]): Array<{ x0: number; x1: number; text: string; items: Item[] }> {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const clusters: Array<{ x0: number; x1: number; items: Item[] }> = [];
  for (const it of sorted) {
    const c = clusters[clusters.length - 1];
    if (c && it.x <= c.x1 + 2) {
      c.x1 = Math.max(c.x1, it.x + it.w);
      c.items.push(it);
    } else clusters.push({ x0: it.x, x1: it.x + it.w, items: [it] });
  }
  return clusters.map((c) => ({ ...c, text: cellText(c.items) }));
}

/** The smallest x at which body lines repeatedly start inside the gap between two header cells. */
function refineBorder(body: Item[], from: number, to: number): number {
  const counts = new Map<number, number>();
  for (const it of body) if (it.x > from && it.x <= to + 1) counts.set(Math.round(it.x), (counts.get(Math.round(it.x)) ?? 0) + 1);
  const frequent = [...counts.entries()]
    .filter(([, n]) => n >= 2)
    .map(([x]) => x)
    .sort((a, b) => a - b);
  return frequent.length > 0 ? frequent[0] - 1 : (from + to) / 2;
}

/**
 * Column borders the PDF draws: the vertical rules crossing the whole header row, inner ones only (the
 * outer two frame the table). Cells centred in their column start anywhere inside it, so where body
 * text starts is a poor guide when the borders are there to read.
 */
function drawnBorders(verticals: VerticalRule[], header: Item[]): { borders: number[]; frame: { left: number; right: number } } | null {
  const top = Math.max(...header.map((h) => h.y + h.h * 0.7));
  const bottom = Math.min(...header.map((h) => h.y));
  const left = Math.min(...header.map((h) => h.x));
  const right = Math.max(...header.map((h) => h.x + h.w));
  const xs = verticals
    .filter((v) => v.y0 <= bottom + 1 && v.y1 >= top - 1)
    .map((v) => v.x)
    .sort((a, b) => a - b)
    .filter((x, i, all) => i === 0 || x - all[i - 1] > 1.5);
  const borders = xs.filter((x) => x > left + 1 && x < right - 1);
  const frameLeft = xs.filter((x) => x <= left + 1).pop();
  const frameRight = xs.find((x) => x >= right - 1);
  if (borders.length < 2 || frameLeft === undefined || frameRight === undefined) return null;
  return { borders, frame: { left: frameLeft, right: frameRight } };
}

/** The header's cells cut at drawn borders, when they make a header the table reader knows. */
function columnsFromRules(page: PageContent, header: Item[], headerTop: number): Columns | null {
  const drawn = drawnBorders(page.verticals, header);
  if (!drawn) return null;
  const cols: Columns = { borders: drawn.borders, left: drawn.frame.left, headerTop, frame: drawn.frame };
  const cells: Item[][] = Array.from({ length: cols.borders.length + 1 }, () => []);
  for (const it of header) cells[columnOf(it.x, cols)].push(it);
  return headerColumns(cells.map((c) => ({ text: cellText(c) }))) ? cols : null;
}

function findColumns(pages: PageContent[]): { columns: Columns; page: number } | null {
  for (let p = 0; p < pages.length; p++) {
    for (const tt of pages[p].items.filter(isHeaderStart)) {
      const header = headerItems(pages[p].items, tt, pages[p].rules);
      const headerTop = Math.max(...header.map((h) => h.y + h.h));
      const drawn = columnsFromRules(pages[p], header, headerTop);
      if (drawn) return { columns: drawn, page: p };
      const clusters = headerClusters(header);
      if (clusters.length < 3 || !headerColumns(clusters.map((c) => ({ text: c.text })))) continue;
      const body = pages.slice(p).flatMap((pg, i) => pg.items.filter((it) => i > 0 || it.y < tt.y - 1));
      const borders = clusters.slice(1).map((c, i) => refineBorder(body, clusters[i].x1, c.x0));
      return { columns: { borders, left: tt.x - 30, headerTop }, page: p };
    }
  }
  return null;
}

function columnOf(x: number, cols: Columns): number {
  let c = 0;
  while (c < cols.borders.length && x >= cols.borders[c]) c++;
  return c;
}

/* ---------- rows ---------- */

function bandsFromRules(rules: number[]): Array<[number, number]> {
  const bands: Array<[number, number]> = [];
  for (let i = 0; i + 1 < rules.length; i++) if (rules[i] - rules[i + 1] > 4) bands.push([rules[i], rules[i + 1]]);
  return bands;
}

function rowFromItems(items: Item[], cols: Columns, verticals: VerticalRule[] = []): TableCell[] {
  const byCol: Item[][] = Array.from({ length: cols.borders.length + 1 }, () => []);
  const { frame } = cols;
  // Only where a border is drawn beside the item: a merged cell (an area heading across the table) has none.
  const drawnAt = (it: Item): number[] => cols.borders.filter((b) => verticals.some((v) => Math.abs(v.x - b) <= 1.5 && v.y0 <= it.y + 1 && v.y1 >= it.y + it.h * 0.5));
  for (const it of frame ? items.flatMap((i) => splitAtBorders(i, drawnAt(i))) : items) byCol[columnOf(it.x, cols)].push(it);
  if (!frame) return byCol.map((col) => ({ text: cellText(col) }));
  const edges = [frame.left, ...cols.borders, frame.right];
  return byCol.map((col, c) => ({ text: cellText(col, edges[c + 1] - edges[c]) }));
}

/**
 * pdf.js joins the text of neighbouring cells on one baseline into one item ("Tháng 01/2026 Kế hoạch")
 * when the gap between them is small. Across a drawn border it is cut again, at the space whose
 * place (estimated from the item's width, characters taken as equally wide) lies nearest the border.
 */
function splitAtBorders(item: Item, borders: number[]): Item[] {
  const border = borders.find((b) => item.x < b - 1 && item.x + item.w > b + 1);
  if (border === undefined) return [item];
  const perChar = item.w / item.str.length;
  const target = (border - item.x) / perChar;
  let cut = -1;
  for (let i = item.str.indexOf(' '); i >= 0; i = item.str.indexOf(' ', i + 1)) if (cut < 0 || Math.abs(i - target) < Math.abs(cut - target)) cut = i;
  if (cut < 0) return [item];
  const left = { ...item, str: item.str.slice(0, cut), w: cut * perChar };
  const right = { ...item, str: item.str.slice(cut + 1), x: Math.max(border + 1, item.x + (cut + 1) * perChar), w: (item.str.length - cut - 1) * perChar };
  return [left, ...splitAtBorders(right, borders)];
}

/** Without rules: a row starts at each line holding a TT number or a Roman heading in the first column. */
function rowsFromAnchors(items: Item[], cols: Columns, verticals: VerticalRule[]): TableCell[][] {
  const rows: Item[][] = [];
  for (const line of toLines(items)) {
    const first = line.filter((it) => columnOf(it.x, cols) === 0);
    const anchor = first.length > 0 && /^\s*(\d{1,3}|[IVX]{1,4}\.|s?tt)\b/i.test(joinLine(first));
    if (anchor || rows.length === 0) rows.push([...line]);
    else rows[rows.length - 1].push(...line);
  }
  return rows.map((r) => rowFromItems(r, cols, verticals));
}

interface Split {
  before: Item[];
  rows: TableCell[][];
  after: Item[];
}

function splitPage(page: PageContent, cols: Columns, isFirst: boolean, tableTopY: number): Split {
  const top = isFirst ? tableTopY : Infinity;
  const rules = page.rules.filter((r) => r <= top + 1);
  const inTable = (it: Item): boolean => (rules.length >= 2 ? it.y < rules[0] && it.y > rules[rules.length - 1] : it.y <= top);
  const before = page.items.filter((it) => !inTable(it) && it.y > (rules[0] ?? top));
  const after = page.items.filter((it) => !inTable(it) && !before.includes(it));
  const tableItems = page.items.filter(inTable);
  if (rules.length < 2) return { before, rows: rowsFromAnchors(tableItems, cols, page.verticals), after };
  const rows = bandsFromRules(rules)
    .map(([hi, lo]) => tableItems.filter((it) => it.y < hi && it.y > lo))
    .filter((band) => band.length > 0)
    .map((band) => rowFromItems(band, cols, page.verticals));
  return { before, rows, after };
}

function paragraphsOf(items: Item[]): string[] {
  return toLines(items).map(joinLine);
}

/** The widest horizontal gap between neighbouring items of a line, and where it lies. */
function widestGap(line: Item[]): { width: number; at: number } | null {
  const sorted = [...line].sort((a, b) => a.x - b.x);
  let best: { width: number; at: number } | null = null;
  for (let i = 1; i < sorted.length; i++) {
    const end = sorted[i - 1].x + sorted[i - 1].w;
    const width = sorted[i].x - end;
    if (!best || width > best.width) best = { width, at: (end + sorted[i].x) / 2 };
  }
  return best;
}

/**
 * The first page's text in reading order. The masthead is two columns side by side (issuer, "Số:" and
 * number on the left; motto, place and date on the right); read line by line across the page they
 * interleave ("Số: Hòa Bình" / "47/KH-UBND Đông, ngày 14 …"), so the lines opening the page that
 * keep clear of the gap its first line shows are read column by column, as the .docx and text give them.
 */
function firstPageParagraphs(items: Item[]): string[] {
  const lines = toLines(items);
  const split = mastheadSplit(lines);
  if (split === null) return lines.map(joinLine);
  let end = 0;
  while (end < lines.length && lines[end].every((it) => it.x + it.w <= split || it.x >= split)) end++;
  const head = lines.slice(0, end);
  const side = (left: boolean): string[] =>
    head
      .map((l) => l.filter((it) => it.x < split === left))
      .filter((l) => l.length > 0)
      .map(joinLine);
  return [...side(true), ...side(false), ...lines.slice(end).map(joinLine)];
}

/** How many lines from the top the national heading is looked for in. */
const MASTHEAD_LINES = 6;
const NATIONAL = /^C[ỘO]NG H[ÒO][AÀ] X[ÃA] H[ỘO]I/u;

/**
 * Where the masthead's two columns part: the gap of its first line when both columns share that
 * baseline; else (the issuer's lines and the national heading's on different baselines) halfway
 * between the right end of the left column's lines and the national heading, which opens the right one.
 */
function mastheadSplit(lines: Item[][]): number | null {
  if (lines.length === 0) return null;
  const gap = widestGap(lines[0]);
  if (gap && gap.width >= 3 * Math.max(...lines[0].map((it) => it.h))) return gap.at;
  const top = lines.slice(0, MASTHEAD_LINES).flat();
  const heading = top.find((it) => NATIONAL.test(it.str.trim()));
  if (!heading) return null;
  const leftEnds = top.filter((it) => it.x + it.w < heading.x).map((it) => it.x + it.w);
  return leftEnds.length > 0 ? (Math.max(...leftEnds) + heading.x) / 2 : null;
}

/** Lines of whole pages before the table (or of a document without one), the first page's masthead by column. */
function pagesText(pages: PageContent[]): string[] {
  return pages.flatMap((p, i) => (i === 0 ? firstPageParagraphs(p.items) : paragraphsOf(p.items)));
}

export async function readPdf(data: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<DocModel> {
  const pages = await readPages(data, limits);
  if (pages.every((p) => p.items.length === 0)) throw new ImportError('no_text');
  const found = findColumns(pages);
  const blocks: Block[] = [];
  const text: string[] = [];
  if (!found) {
    text.push(...pagesText(pages));
    for (const t of linesToParagraphs(text)) blocks.push({ kind: 'paragraph', text: t });
    return { format: 'pdf', blocks };
  }
  const { columns, page: start } = found;
  text.push(...pagesText(pages.slice(0, start)));
  const rows: TableCell[][] = [];
  const trailing: string[] = [];
  pages.slice(start).forEach((page, i) => {
    const split = splitPage(page, columns, i === 0, columns.headerTop + 2);
    if (rows.length === 0) text.push(...(start === 0 && i === 0 ? firstPageParagraphs(split.before) : paragraphsOf(split.before)));
    rows.push(...split.rows);
    trailing.push(...paragraphsOf(split.after));
  });
  for (const t of linesToParagraphs(text)) blocks.push({ kind: 'paragraph', text: t });
  blocks.push({ kind: 'table', rows });
  for (const t of linesToParagraphs(trailing)) blocks.push({ kind: 'paragraph', text: t });
  return { format: 'pdf', blocks };
}
