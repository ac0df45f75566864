/**
 * Importer accuracy against the hand-checked gold files (fixtures/gold), per
 * document, format and field. Shared by scripts/accuracy.ts and accuracy.test.ts.
 *
 * Field definitions (rows are matched by TT number, else by order):
 * - area, number: exact equality.
 * - lead, coordinators: the multiset of names compared after matchKey
 *   (case, diacritics, punctuation and spacing ignored); the row counts as right
 *   only when both multisets are equal.
 * - due: Schedule.due of our timeframe text vs parseTimeframe(gold timeframe
 *   text, gold period).due (both may be null, e.g. "Thường xuyên").
 * - product: matchKey equality.
 * - content (reported, no goal): matchKey equality.
 * A missing row (no match in our output) counts wrong on every field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchKey } from '../domain/text/normalize';
import { parseTimeframe } from '../domain/timeframe/index';
import type { Period } from '../domain/timeframe/types';
import { importPlanDocument } from './index';
import type { ImportedTask, ImportResult, SourceFormat } from './types';

export const ACCURACY_FIELDS = ['area', 'number', 'lead', 'coordinators', 'due', 'product', 'content'] as const;
export type AccuracyField = (typeof ACCURACY_FIELDS)[number];
/** Fields with a goal; content is reported only. */
export const GOAL_FIELDS: readonly AccuracyField[] = ['area', 'number', 'lead', 'coordinators', 'due', 'product'];

export interface GoldTask {
  area: number;
  number: number;
  content: string;
  lead: string[];
  coordinators: string[];
  timeframe: { text: string };
  product: string;
}

export interface GoldFile {
  meta: { period: Period };
  tasks: GoldTask[];
}

export interface AccuracyRow {
  doc: string;
  format: SourceFormat;
  file: string;
  goldTasks: number;
  tasks: number;
  fields: Record<AccuracyField, { correct: number; total: number }>;
  /** Goal for each field of this document (0.98 / 0.95). */
  goal: number;
  ms: number;
}

export const DOCS = ['000', '002', '004'] as const;
/** 000 is the PDF-flattened seed: its goal is lower. */
export function goalFor(doc: string): number {
  return doc === '000' ? 0.95 : 0.98;
}

function multisetKey(names: string[]): string {
  return names.map(matchKey).sort().join('|');
}

function fieldOk(field: AccuracyField, ours: ImportedTask, gold: GoldTask, period: Period): boolean {
  switch (field) {
    case 'area':
      return ours.area === gold.area;
    case 'number':
      return ours.number === gold.number;
    case 'lead':
      return multisetKey(ours.lead) === multisetKey(gold.lead);
    case 'coordinators':
      return multisetKey(ours.coordinators) === multisetKey(gold.coordinators);
    case 'due':
      return ours.timeframe.due === parseTimeframe(gold.timeframe.text, period).due;
    case 'product':
      return matchKey(ours.product) === matchKey(gold.product);
    case 'content':
      return matchKey(ours.content) === matchKey(gold.content);
  }
}

function pair(ours: ImportedTask[], gold: GoldTask[]): Array<[ImportedTask | undefined, GoldTask]> {
  const byNumber = new Map<number, ImportedTask>();
  let unique = true;
  for (const t of ours) {
    if (t.number === null || byNumber.has(t.number)) unique = false;
    else byNumber.set(t.number, t);
  }
  return gold.map((g, i) => [unique ? byNumber.get(g.number) : ours[i], g]);
}

export function scoreResult(doc: string, format: SourceFormat, file: string, result: ImportResult, gold: GoldFile, ms: number): AccuracyRow {
  const fields = Object.fromEntries(ACCURACY_FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as AccuracyRow['fields'];
  for (const [ours, g] of pair(result.tasks, gold.tasks)) {
    for (const f of ACCURACY_FIELDS) {
      fields[f].total++;
      if (ours && fieldOk(f, ours, g, gold.meta.period)) fields[f].correct++;
    }
  }
  return { doc, format, file, goldTasks: gold.tasks.length, tasks: result.tasks.length, fields, goal: goalFor(doc), ms };
}

export interface AccuracyPaths {
  root: string;
}

function documentFiles(root: string, doc: string): Array<{ format: SourceFormat; file: string }> {
  const seed = readdirSync(join(root, 'fixtures/seeds')).find((f) => f.startsWith(`${doc}_`));
  const out: Array<{ format: SourceFormat; file: string }> = [];
  if (seed) out.push({ format: 'text', file: join(root, 'fixtures/seeds', seed) });
  for (const format of ['docx', 'pdf'] as const) {
    const file = join(root, 'fixtures/import', `${doc}.${format}`);
    if (existsSync(file)) out.push({ format, file });
  }
  return out;
}

function emptyResult(format: SourceFormat): ImportResult {
  const meta = { title: null, number: null, issuer: null, place: null, date: null, kind: null, period: null };
  return { meta, targets: [], tasks: [], responsibilities: [], warnings: [], period: { start: '', end: '' }, source: { format, text: '', rows: [] } };
}

/** Runs the importer on every document × format and scores it. */
export async function measureAccuracy(root: string): Promise<AccuracyRow[]> {
  const rows: AccuracyRow[] = [];
  for (const doc of DOCS) {
    const gold = JSON.parse(readFileSync(join(root, 'fixtures/gold', `${doc}.json`), 'utf8')) as GoldFile;
    for (const { format, file } of documentFiles(root, doc)) {
      const started = performance.now();
      // The gold plan's own year stands for "this year" when a document names no period.
      const referenceYear = Number(gold.meta.period.start.slice(0, 4));
      const result = await importPlanDocument({ data: readFileSync(file), fileName: file, referenceYear }).catch(() => null);
      rows.push(scoreResult(doc, format, file, result ?? emptyResult(format), gold, performance.now() - started));
    }
  }
  return rows;
}

function pct(c: { correct: number; total: number }): string {
  return c.total === 0 ? '  -  ' : `${((100 * c.correct) / c.total).toFixed(1)}%`;
}

/** A plain-text table: one line per document × format, one column per field. */
export function formatAccuracyTable(rows: AccuracyRow[]): string {
  const head = ['doc', 'format', 'tasks', ...ACCURACY_FIELDS, 'goal', 'ok'];
  const lines = rows.map((r) => {
    const ok = r.tasks === r.goldTasks && GOAL_FIELDS.every((f) => r.fields[f].correct / Math.max(1, r.fields[f].total) >= r.goal);
    return [r.doc, r.format, `${r.tasks}/${r.goldTasks}`, ...ACCURACY_FIELDS.map((f) => pct(r.fields[f])), `≥${r.goal * 100}%`, ok ? 'yes' : 'NO'];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}
