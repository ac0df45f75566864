/** The review screen's own model; the import API's shapes come from the contract (src/contract/imports.ts). */
import type { TArea, TUnitKind } from '@contract';

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
  warnings: string[];
}

export type MappingMode = 'use' | 'alias' | 'new';

export interface MappingChoice {
  unitId: number | null;
  mode: MappingMode;
  newUnitKind: TUnitKind;
  unknown: boolean;
}
