/**
 * Accuracy on the documents the importer was not built on (fixtures/unseen, written by
 * scripts/make-unseen-fixtures.ts), per format and field. The gold's due dates and occurrences are
 * written by hand, so the time-frame grammar is measured too (unlike the seeds' measure, which
 * compares our reading of our cell with our reading of the gold text).
 *
 * Besides each document's .docx, .pdf and text, the text poppler's pdftotext makes of its PDF is
 * measured: `X.layout.txt` (`-layout`, format 'pdf-layout') and `X.pdftotext.txt` (default, 'pdf-text').
 *
 * Fields: meta.* exact (title, issuer by matchKey); per task (paired by TT): area, number, lead,
 * coordinators (multisets after matchKey), kind, due, occurrences (exact lists), product, content
 * (matchKey). A missing task counts wrong on every task field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchKey } from '../domain/text/normalize';
import { importPlanDocument } from './index';
import type { ImportedTask, ImportResult, SourceFormat } from './types';

/** The year a document that names no period is read in (the unseen plans are 2025–2026 plans). */
const UNSEEN_YEAR = 2026;

export const META_FIELDS = ['title', 'number', 'issuer', 'place', 'date', 'period'] as const;
export const TASK_FIELDS = ['area', 'number', 'lead', 'coordinators', 'kind', 'due', 'occurrences', 'product', 'content'] as const;
export type UnseenField = `meta.${(typeof META_FIELDS)[number]}` | (typeof TASK_FIELDS)[number] | 'tasks';

/** A task of an unseen document's gold, as written by hand (scripts/unseen-docs.ts). */
export interface UnseenGoldTask {
  area: number | null;
  number: number;
  content: string;
  lead: string[];
  coordinators: string[];
  timeframe: { text: string; kind: string; due: string | null; occurrences: string[] };
  product: string;
}

interface Gold {
  meta: { title: string; number: string; issuer: string; place: string; date: string; period: { start: string; end: string } };
  tasks: UnseenGoldTask[];
}

export interface Tally {
  correct: number;
  total: number;
}

/**
 * A document's file format, or for the text that `pdftotext` makes of its PDF: 'pdf-text' (default
 * mode, `X.pdftotext.txt`) and 'pdf-layout' (`-layout`, `X.layout.txt`).
 */
export type UnseenFormat = SourceFormat | 'pdf-text' | 'pdf-layout';

export interface UnseenRow {
  doc: string;
  format: UnseenFormat;
  fields: Record<string, Tally>;
  error?: string;
}

const multiset = (names: string[]): string => names.map(matchKey).sort().join('|');

function metaOk(field: (typeof META_FIELDS)[number], result: ImportResult, gold: Gold): boolean {
  const m = result.meta;
  switch (field) {
    case 'title':
    case 'issuer':
      return matchKey(m[field] ?? '') === matchKey(gold.meta[field]);
    case 'period':
      return m.period?.start === gold.meta.period.start && m.period?.end === gold.meta.period.end;
    default:
      return m[field] === gold.meta[field];
  }
}

function taskOk(field: (typeof TASK_FIELDS)[number], ours: ImportedTask, gold: UnseenGoldTask): boolean {
  switch (field) {
    case 'area':
      return ours.area === gold.area;
    case 'number':
      return ours.number === gold.number;
    case 'lead':
    case 'coordinators':
      return multiset(ours[field]) === multiset(gold[field]);
    case 'kind':
      return ours.timeframe.kind === gold.timeframe.kind;
    case 'due':
      return ours.timeframe.due === gold.timeframe.due;
    case 'occurrences':
      return ours.timeframe.occurrences.join(',') === gold.timeframe.occurrences.join(',');
    case 'product':
    case 'content':
      return matchKey(ours[field]) === matchKey(gold[field]);
  }
}

export function scoreUnseen(doc: string, format: UnseenFormat, result: ImportResult | null, gold: Gold, error?: string): UnseenRow {
  const fields: Record<string, Tally> = {};
  const add = (name: string, ok: boolean): void => {
    fields[name] ??= { correct: 0, total: 0 };
    fields[name].total++;
    if (ok) fields[name].correct++;
  };
  add('tasks', result !== null && result.tasks.length === gold.tasks.length);
  for (const f of META_FIELDS) add(`meta.${f}`, result !== null && metaOk(f, result, gold));
  for (const g of gold.tasks) {
    const ours = result?.tasks.find((t) => t.number === g.number);
    for (const f of TASK_FIELDS) add(f, ours !== undefined && taskOk(f, ours, g));
  }
  return { doc, format, fields, error };
}

function formatOf(file: string): UnseenFormat {
  if (file.endsWith('.pdftotext.txt')) return 'pdf-text';
  if (file.endsWith('.layout.txt')) return 'pdf-layout';
  if (file.endsWith('.docx')) return 'docx';
  if (file.endsWith('.pdf')) return 'pdf';
  return 'text';
}

/** Documents made for the rules' check (fixtures/unseen) and documents a blind check found failing (fixtures/unseen-blind). */
const UNSEEN_DIRS = ['fixtures/unseen', 'fixtures/unseen-blind'];

export async function measureUnseen(root: string): Promise<UnseenRow[]> {
  const rows: UnseenRow[] = [];
  for (const dir of UNSEEN_DIRS) rows.push(...(await measureDir(join(root, dir))));
  return rows;
}

async function measureDir(dir: string): Promise<UnseenRow[]> {
  const rows: UnseenRow[] = [];
  for (const goldFile of readdirSync(join(dir, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const doc = goldFile.replace(/\.json$/, '');
    const gold = JSON.parse(readFileSync(join(dir, 'gold', goldFile), 'utf8')) as Gold;
    for (const file of readdirSync(dir)
      .filter((f) => f.startsWith(`${doc}.`))
      .sort()) {
      const path = join(dir, file);
      if (!existsSync(path)) continue;
      try {
        const result = await importPlanDocument({ data: readFileSync(path), fileName: file, referenceYear: UNSEEN_YEAR });
        rows.push(scoreUnseen(doc, formatOf(file), result, gold));
      } catch (e) {
        rows.push(scoreUnseen(doc, formatOf(file), null, gold, String(e)));
      }
    }
  }
  return rows;
}

function pct(t: Tally | undefined): string {
  return !t || t.total === 0 ? '-' : `${((100 * t.correct) / t.total).toFixed(1)}%`;
}

function merge(rows: UnseenRow[]): Record<string, Tally> {
  const out: Record<string, Tally> = {};
  for (const r of rows) {
    for (const [k, t] of Object.entries(r.fields)) {
      out[k] ??= { correct: 0, total: 0 };
      out[k].correct += t.correct;
      out[k].total += t.total;
    }
  }
  return out;
}

/** One line per document × format, then one per format over all documents; one column per field. */
export function formatUnseenTable(rows: UnseenRow[]): string {
  const fieldNames = ['tasks', ...META_FIELDS.map((f) => `meta.${f}`), ...TASK_FIELDS];
  const head = ['doc', 'format', ...fieldNames];
  const lines = rows.map((r) => [r.doc, r.format, ...fieldNames.map((f) => pct(r.fields[f]))]);
  for (const format of ['text', 'docx', 'pdf', 'pdf-text', 'pdf-layout'] as const) {
    const of = rows.filter((r) => r.format === format);
    if (of.length > 0) lines.push(['ALL', format, ...fieldNames.map((f) => pct(merge(of)[f]))]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  const errors = rows.filter((r) => r.error).map((r) => `${r.doc}/${r.format}: ${r.error}`);
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt), ...errors].join('\n');
}
