/** Pure helpers of the review screen: rows from the import, merges, splits, and the save body. */
import { AREAS, type TImportResult, type TReviewedPlan, type TUnitChoice, type TUnitKind } from '@contract';
import { type CellRef, type MappingChoice, REVIEW_FIELDS, type ReviewField, type ReviewRow, type RowWarning } from './types';

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
      warnings: result.warnings.filter((w) => w.task != null && w.task === task.number).map((w) => ({ code: w.code, message: w.message })),
      sourceRows: task.sourceRows ?? [],
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
    sourceRows: [...above.sourceRows, ...row.sourceRows],
  };
  return [...rows.slice(0, index - 1), merged, ...rows.slice(index + 1)];
}

export function splitRow(rows: ReviewRow[], index: number): ReviewRow[] {
  const copy: ReviewRow = {
    ...rows[index],
    key: newKey(),
    lead: [...rows[index].lead],
    coordinators: [...rows[index].coordinators],
    warnings: [],
    sourceRows: [...rows[index].sourceRows],
  };
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

/** The cell each per-task warning of the reader is about. */
const WARNING_FIELD: Partial<Record<RowWarning['code'], ReviewField>> = {
  number_missing: 'number',
  number_repeated: 'number',
  no_area: 'area',
  row_continued: 'content',
  row_uncertain: 'content',
  task_from_paragraph: 'content',
  unit_in_time_column: 'timeframe',
  timeframe_not_understood: 'timeframe',
};

/**
 * The cells of a row the officer should look at: those the reader warned about (until edited)
 * and those that cannot be saved as they are or name a unit not recognised.
 */
export function flaggedFields(row: ReviewRow, isUnknown: (name: string) => boolean): Set<ReviewField> {
  const out = new Set<ReviewField>();
  for (const w of row.warnings) {
    const field = WARNING_FIELD[w.code];
    if (field) out.add(field);
  }
  if (row.number === null) out.add('number');
  if (row.area === null) out.add('area');
  if (!row.content.trim()) out.add('content');
  if (row.lead.length === 0 || row.lead.some(isUnknown)) out.add('lead');
  if (row.coordinators.some(isUnknown)) out.add('coordinators');
  if (row.timeframeKind === 'unspecified') out.add('timeframe');
  return out;
}

/** Every flagged cell, row by row then in column order: what "n" and "p" walk through. */
export function flaggedCells(rows: ReviewRow[], flags: Map<string, Set<ReviewField>>): CellRef[] {
  const out: CellRef[] = [];
  for (const row of rows) {
    const set = flags.get(row.key);
    if (set) for (const field of REVIEW_FIELDS) if (set.has(field)) out.push({ key: row.key, field });
  }
  return out;
}

/**
 * The flagged cell after (step 1) or before (step -1) `from` in table order, wrapping around;
 * from an unflagged cell, the nearest flagged one in that direction.
 */
export function stepFlagged(rows: ReviewRow[], cells: CellRef[], from: CellRef | null, step: 1 | -1): CellRef | null {
  if (cells.length === 0) return null;
  if (!from) return step === 1 ? cells[0] : cells[cells.length - 1];
  const position = (c: CellRef) => rows.findIndex((r) => r.key === c.key) * REVIEW_FIELDS.length + REVIEW_FIELDS.indexOf(c.field);
  const here = position(from);
  const found = step === 1 ? cells.find((c) => position(c) > here) : [...cells].reverse().find((c) => position(c) < here);
  return found ?? (step === 1 ? cells[0] : cells[cells.length - 1]);
}

/** The cell `dRow` rows and `dField` columns away, kept inside the table. */
export function moveCell(rows: ReviewRow[], from: CellRef, dRow: number, dField: number): CellRef {
  const r = rows.findIndex((x) => x.key === from.key);
  const f = REVIEW_FIELDS.indexOf(from.field);
  const row = rows[Math.min(rows.length - 1, Math.max(0, r + dRow))];
  const field = REVIEW_FIELDS[Math.min(REVIEW_FIELDS.length - 1, Math.max(0, f + dField))];
  return { key: row.key, field };
}

/** The warnings left once the officer has edited `field`: he has looked at what they pointed to. */
export function warningsAfterEdit(warnings: RowWarning[], field: ReviewField): RowWarning[] {
  return warnings.filter((w) => WARNING_FIELD[w.code] !== field);
}
