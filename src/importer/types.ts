/**
 * The shape of an imported plan: what the CLI prints with --json and what the
 * review screen edits before anything is saved.
 */
import type { TComparator, TPlanKind, TUnitKind } from '../contract/vocabulary';
import type { Schedule } from '../domain/timeframe/types';

export type Comparator = TComparator;
export type PlanKind = TPlanKind;

export interface ImportedMeta {
  title: string | null;
  number: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  kind: PlanKind | null;
  period: { start: string; end: string } | null;
}

export interface ImportedTarget {
  text: string;
  comparator: Comparator | null;
  value: number | null;
  unit: string | null;
}

export interface ImportedTimeframe {
  text: string;
  kind: Schedule['kind'];
  start: string | null;
  due: string | null;
  occurrences: string[];
}

export interface ImportedTask {
  area: number | null;
  number: number | null;
  content: string;
  lead: string[];
  coordinators: string[];
  timeframe: ImportedTimeframe;
  product: string;
  /** Indices into `source.rows` of the appendix rows the task was read from (none for a task read from the body). */
  sourceRows?: number[];
}

export interface ImportedResponsibility {
  unit: string;
  /** Areas (1–7) the unit leads ("Chủ trì … các nội dung về cải cách thể chế"). */
  areas: number[];
  text: string;
}

export type WarningCode =
  | 'unit_in_time_column'
  | 'row_continued'
  | 'unknown_unit'
  | 'timeframe_not_understood'
  | 'number_missing'
  | 'number_repeated'
  | 'no_task_table'
  | 'no_area'
  | 'row_uncertain'
  /** The task was read from a numbered paragraph of the body (no appendix table): check it. */
  | 'task_from_paragraph';

export interface ImportWarning {
  code: WarningCode;
  /** Vietnamese message for the reviewer. */
  message: string;
  /** TT of the task concerned, when there is one. */
  task?: number | null;
}

/** A commune's unit as the matcher needs it (the DB layer supplies these). */
export interface UnitRef {
  id: number;
  name: string;
  shortName?: string | null;
  kind?: TUnitKind;
  aliases?: string[];
}

export type MappingKind = 'unit' | 'catch_all' | 'outside' | 'unknown';

export type MappingSuggestion = { action: 'new_alias'; unitId: number; unitName: string } | { action: 'new_unit'; name: string };

export interface UnitMapping {
  name: string;
  unitId: number | null;
  kind: MappingKind;
  suggestion?: MappingSuggestion;
}

export type SourceFormat = 'docx' | 'pdf' | 'text';

/** What the review screen shows beside the extraction. */
export interface ImportSource {
  format: SourceFormat;
  /** The body text, one paragraph a line. */
  text: string;
  /** The appendix table as read, one array of cell texts per row (headers and continuation rows included). */
  rows: string[][];
}

export interface ImportResult {
  meta: ImportedMeta;
  targets: ImportedTarget[];
  tasks: ImportedTask[];
  responsibilities: ImportedResponsibility[];
  warnings: ImportWarning[];
  /** The period the time frames were read against: the document's, else the reference year. */
  period: { start: string; end: string };
  mapping?: UnitMapping[];
  source: ImportSource;
}

/** A reader's output: paragraphs and tables in document order. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: TableCell[][] }
  /** Table text flattened to lines (PDF copied as text): cells must be cut apart. */
  | { kind: 'flat-table'; lines: string[] };

export interface TableCell {
  text: string;
  /** Vertically merged with the cell above (docx vMerge continue): same text, not new content. */
  fromAbove?: boolean;
}

export interface DocModel {
  format: SourceFormat;
  blocks: Block[];
}
