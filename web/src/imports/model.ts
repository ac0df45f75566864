/** Pure helpers of the review screen: rows from the import, merges, splits, and the save body. */
import { AREAS, type TImportResult, type TReviewedPlan, type TUnitChoice, type TUnitKind } from '@contract';
import type { MappingChoice, ReviewRow } from './types';

let counter = 0;
export const newKey = () => `r${++counter}`;

export function rowsFromImport(result: TImportResult): ReviewRow[] {
  const rows = result.tasks.map(
    (task): ReviewRow => ({
      key: newKey(),
      area: AREAS.find((a) => a === task.area) ?? null,
      number: task.number,
      content: task.content,
      lead: [...task.lead],
      coordinators: [...task.coordinators],
      timeframeText: task.timeframe.text,
      timeframeKind: task.timeframe.kind,
      due: task.timeframe.due,
      product: task.product,
      warnings: result.warnings.filter((w) => w.task != null && w.task === task.number).map((w) => w.message),
    }),
  );
  // Grouped by area, document order kept inside each area.
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.area ?? 99) - (b.row.area ?? 99) || a.index - b.index)
    .map(({ row }) => row);
}

function guessKind(name: string): TUnitKind {
  const n = name.toLowerCase();
  if (/^các\s|cơ quan, đơn vị|các phòng/.test(n)) return 'catch_all';
  if (/thành phố|sở |tỉnh|trung ương|công an|ngân hàng|bưu điện/.test(n)) return 'outside';
  return 'internal';
}

export function mappingFromImport(result: TImportResult): Record<string, MappingChoice> {
  const out: Record<string, MappingChoice> = {};
  for (const m of result.mapping ?? []) {
    const suggestion = m.suggestion;
    const kind: TUnitKind = m.kind === 'catch_all' ? 'catch_all' : m.kind === 'outside' ? 'outside' : guessKind(m.name);
    if (m.unitId) out[m.name] = { unitId: m.unitId, mode: 'use', newUnitKind: kind, unknown: false };
    else if (suggestion?.action === 'new_alias') out[m.name] = { unitId: suggestion.unitId, mode: 'alias', newUnitKind: kind, unknown: m.kind === 'unknown' };
    else out[m.name] = { unitId: null, mode: 'new', newUnitKind: kind, unknown: m.kind === 'unknown' };
  }
  return out;
}

/** Every distinct unit name the rows mention, in first-seen order. */
export function namesOf(rows: ReviewRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const name of [...row.lead, ...row.coordinators]) seen.add(name);
  return [...seen];
}

export function defaultChoice(name: string): MappingChoice {
  return { unitId: null, mode: 'new', newUnitKind: guessKind(name), unknown: true };
}

export function mergeUp(rows: ReviewRow[], index: number): ReviewRow[] {
  if (index <= 0) return rows;
  const above = rows[index - 1];
  const row = rows[index];
  const join = (a: string, b: string) =>
    [a, b]
      .map((s) => s.trim())
      .filter(Boolean)
      .join('\n');
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  const merged: ReviewRow = {
    ...above,
    content: join(above.content, row.content),
    product: join(above.product, row.product),
    lead: union(above.lead, row.lead),
    coordinators: union(above.coordinators, row.coordinators).filter((n) => !union(above.lead, row.lead).includes(n)),
    timeframeText: above.timeframeText || row.timeframeText,
    warnings: [...above.warnings, ...row.warnings],
  };
  return [...rows.slice(0, index - 1), merged, ...rows.slice(index + 1)];
}

export function splitRow(rows: ReviewRow[], index: number): ReviewRow[] {
  const copy: ReviewRow = { ...rows[index], key: newKey(), lead: [...rows[index].lead], coordinators: [...rows[index].coordinators], warnings: [] };
  return [...rows.slice(0, index + 1), copy, ...rows.slice(index + 1)];
}

export function choiceFor(name: string, choice: MappingChoice | undefined): TUnitChoice {
  const c = choice ?? defaultChoice(name);
  if (c.mode === 'new' || !c.unitId) return { name, unitId: null, newUnitKind: c.newUnitKind };
  return { name, unitId: c.unitId, addAlias: c.mode === 'alias' };
}

function areaOf(row: ReviewRow) {
  if (row.area === null) throw new Error(`row ${row.key} has no area`);
  return row.area;
}

/** The save body's tasks; the review screen refuses to save while a row has no area. */
export function buildTasks(rows: ReviewRow[], mapping: Record<string, MappingChoice>): TReviewedPlan['tasks'] {
  return rows.map((row) => ({
    area: areaOf(row),
    number: row.number,
    content: row.content.trim(),
    lead: row.lead.map((n) => choiceFor(n, mapping[n])),
    coordinators: row.coordinators.map((n) => choiceFor(n, mapping[n])),
    timeframeText: row.timeframeText.trim(),
    product: row.product.trim(),
  }));
}

export function parseNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
