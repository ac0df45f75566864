/** Shapes of the import API (see src/importer/types.ts and src/server/imports/routes.ts). */
export type { ImportResult, ImportedTask, ImportWarning, UnitMapping } from '../../../src/importer/types';
import type { PlanKind, Target, UnitKind } from '../app/api-types';

export interface UnitChoice {
  name: string;
  unitId?: number | null;
  addAlias?: boolean;
  newUnitKind?: UnitKind;
}

export interface ReviewedPlanBody {
  plan: {
    kind: PlanKind;
    title: string;
    number?: string | null;
    issuer?: string | null;
    issueDate?: string | null;
    periodStart: string;
    periodEnd: string;
    targets?: Target[];
  };
  tasks: {
    area: number;
    number?: number | null;
    content: string;
    lead: UnitChoice[];
    coordinators: UnitChoice[];
    timeframeText: string;
    product?: string;
  }[];
}

/** One task row as the officer edits it. */
export interface ReviewRow {
  key: string;
  area: number | null;
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
  newUnitKind: UnitKind;
  unknown: boolean;
}
