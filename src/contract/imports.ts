/** Plan import: a document read into a draft the officer reviews, then saved. */
import { z } from 'zod';
import { zId, zInt, zKeyedName, zText } from './common';
import { ZDuplicatePlan, ZPlanInput } from './plans';
import { ZArea, ZComparator, ZPlanKind, ZScheduleKind, ZUnitKind } from './vocabulary';

export const WARNING_CODES = [
  'unit_in_time_column',
  'row_continued',
  'unknown_unit',
  'timeframe_not_understood',
  'number_missing',
  'number_repeated',
  'no_task_table',
  'no_area',
  'row_uncertain',
  /** The task was read from a numbered paragraph of the body (no appendix table): check it. */
  'task_from_paragraph',
  /** The header's issuer or place names another commune than the one imported into. */
  'other_commune',
] as const;

const ZImportedMeta = z.object({
  title: z.string().nullable(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  kind: ZPlanKind.nullable(),
  period: z.object({ start: z.string(), end: z.string() }).nullable(),
});

const ZImportedTask = z.object({
  area: z.number().nullable(),
  number: z.number().nullable(),
  content: z.string(),
  lead: z.array(z.string()),
  coordinators: z.array(z.string()),
  timeframe: z.object({ text: z.string(), kind: ZScheduleKind, start: z.string().nullable(), due: z.string().nullable(), occurrences: z.array(z.string()) }),
  product: z.string(),
  /** Indices into `source.rows` of the appendix rows the task was read from (none for a task read from the body). */
  sourceRows: z.array(z.number()).optional(),
});
export type TImportedTask = z.infer<typeof ZImportedTask>;

const ZImportWarning = z.object({ code: z.enum(WARNING_CODES), message: z.string(), task: z.number().nullable().optional() });
export type TImportWarning = z.infer<typeof ZImportWarning>;

const ZUnitMapping = z.object({
  name: z.string(),
  unitId: z.number().nullable(),
  kind: z.enum(['unit', 'catch_all', 'outside', 'unknown']),
  suggestion: z
    .discriminatedUnion('action', [
      z.object({ action: z.literal('new_alias'), unitId: z.number(), unitName: z.string() }),
      z.object({ action: z.literal('new_unit'), name: z.string() }),
    ])
    .optional(),
});
export type TUnitMapping = z.infer<typeof ZUnitMapping>;

/** The draft: nothing is stored until the reviewed plan is saved. */
export const ZImportResult = z.object({
  meta: ZImportedMeta,
  targets: z.array(z.object({ text: z.string(), comparator: ZComparator.nullable(), value: z.number().nullable(), unit: z.string().nullable() })),
  tasks: z.array(ZImportedTask),
  responsibilities: z.array(z.object({ unit: z.string(), areas: z.array(z.number()), text: z.string() })),
  warnings: z.array(ZImportWarning),
  /** The period the time frames were read against: the document's, else the reference year. */
  period: z.object({ start: z.string(), end: z.string() }),
  mapping: z.array(ZUnitMapping).optional(),
  source: z.object({ format: z.enum(['docx', 'pdf', 'text']), text: z.string(), rows: z.array(z.array(z.string())) }),
  /** Plans of the commune this document already is (same number, or same title and period). */
  duplicates: z.array(ZDuplicatePlan).optional(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** How the officer settled one name written in the document. */
export const ZUnitChoice = z.object({
  name: zKeyedName(300, { min: 1 }),
  /** An existing unit; with `addAlias` the written name becomes one of its other names. */
  unitId: zId().nullable().optional(),
  addAlias: z.boolean().optional(),
  /** A new unit of this kind, named as written. */
  newUnitKind: ZUnitKind.optional(),
});
export type TUnitChoice = z.infer<typeof ZUnitChoice>;

export const ZReviewedTask = z.object({
  area: ZArea,
  number: zInt(1, 10_000).nullable().optional(),
  content: zText(5000, { min: 1, minMessage: 'Nội dung nhiệm vụ không được để trống' }),
  lead: z.array(ZUnitChoice).max(20),
  coordinators: z.array(ZUnitChoice).max(40),
  timeframeText: zText(1000),
  product: zText(3000).optional(),
});
export type TReviewedTask = z.infer<typeof ZReviewedTask>;

export const ZReviewedPlan = z.object({
  plan: ZPlanInput.omit({ communeId: true }),
  /** The place written in the header ("Tiên Lãng, ngày …"), checked against the commune. */
  place: zText(200).nullable().optional(),
  /** Saving over a matching draft: "replace" deletes it in the same transaction; absent, a match is refused. */
  onDuplicate: z.enum(['replace']).optional(),
  /** The officer saw the warning that the header names another commune and saves anyway. */
  confirmOtherCommune: z.boolean().optional(),
  tasks: z.array(ZReviewedTask).min(1, 'Kế hoạch cần ít nhất một nhiệm vụ').max(500),
});
export type TReviewedPlan = z.infer<typeof ZReviewedPlan>;
