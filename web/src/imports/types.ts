/** The review screen's own model; the import API's shapes come from the contract (src/contract/imports.ts). */
import type { TArea, TImportWarning, TUnitKind } from '@contract';

/** A warning the reader attached to one task. */
export interface RowWarning {
  code: TImportWarning['code'];
  message: string;
}

/** One task row as the officer edits it. */
export interface ReviewRow {
  key: string;
  area: TArea | null;
  number: number | null;
  content: string;
  lead: string[];
  coordinators: string[];
  timeframeText: string;
  timeframeKind: string;
  due: string | null;
  product: string;
  warnings: RowWarning[];
  /** Indices into the import's `source.rows`: the appendix rows the task was read from. */
  sourceRows: number[];
}

/** The cells of a row the officer can edit, in screen order. */
export const REVIEW_FIELDS = ['number', 'area', 'content', 'lead', 'coordinators', 'timeframe', 'product'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/** One cell of the task table. */
export interface CellRef {
  key: string;
  field: ReviewField;
}

export type MappingMode = 'use' | 'alias' | 'new';

export interface MappingChoice {
  unitId: number | null;
  mode: MappingMode;
  newUnitKind: TUnitKind;
  unknown: boolean;
}
