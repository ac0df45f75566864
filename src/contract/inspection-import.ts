/** Inspection-plan import: a document like seed 003 read into a draft inspection plan the officer reviews (nothing saved). */
import { z } from 'zod';
import { ZInspectionForm, ZInspectionPeriod } from './inspections';
import { ZArea } from './vocabulary';

const ZConfidence = z.enum(['found', 'inferred', 'missing']);
const field = <T extends z.ZodType>(value: T) => z.object({ value, confidence: ZConfidence, text: z.string().nullable() });

export const INSPECTION_IMPORT_WARNING_CODES = [
  'number_blank',
  'date_blank',
  'no_period',
  'no_reform_plan',
  'no_scope',
  'no_targets',
  'unknown_unit',
  'no_review_window',
  'no_visit_window',
  'no_form',
  'no_notice_rule',
  'no_self_report_deadline',
  'year_inferred',
  /** The CCHC plan under review is not among the commune's plans. */
  'reform_plan_not_found',
] as const;

/** What was read, field by field, with where it was read and how sure the reading is. */
export const ZInspectionPlanReading = z.object({
  number: field(z.string().nullable()),
  issuer: field(z.string().nullable()),
  place: field(z.string().nullable()),
  date: field(z.string().nullable()),
  title: field(z.string().nullable()),
  period: field(z.object({ year: z.number(), half: z.union([z.literal(1), z.literal(2)]).nullable() }).nullable()),
  reformPlan: field(z.object({ kind: z.string(), number: z.string().nullable(), date: z.string().nullable(), about: z.string().nullable() }).nullable()),
  scope: field(z.object({ areas: z.array(ZArea), planExecution: z.boolean() })),
  targets: field(z.array(z.string())),
  reviewWindow: field(z.object({ from: z.string(), to: z.string().nullable() }).nullable()),
  visitWindow: field(z.object({ start: z.string(), end: z.string() }).nullable()),
  form: field(z.object({ scheduled: z.boolean(), surprise: z.boolean() })),
  noticeDays: field(z.number().nullable()),
  selfReport: field(z.object({ by: z.string().nullable(), workingDaysBefore: z.number().nullable(), to: z.string().nullable() })),
  source: z.object({ format: z.enum(['docx', 'pdf', 'text']), text: z.string() }),
});

/** The draft, in the fields of `POST /api/communes/:communeId/inspection-plans` (ZInspectionPlanInput). */
export const ZInspectionPlanDraft = z.object({
  year: z.number(),
  period: ZInspectionPeriod,
  title: z.string(),
  number: z.string(),
  signedOn: z.string().nullable(),
  reviewFrom: z.string(),
  reviewTo: z.string().nullable(),
  areas: z.array(ZArea),
  reviewedPlanId: z.number().nullable(),
  forms: z.array(ZInspectionForm),
  visitMonth: z.string().nullable(),
  selfReportDeadline: z.string().nullable(),
  targetUnitIds: z.array(z.number()),
  sourceFileName: z.string().nullable(),
});
export type TInspectionPlanDraft = z.infer<typeof ZInspectionPlanDraft>;

export const ZInspectionPlanImport = z.object({
  draft: ZInspectionPlanDraft,
  reading: ZInspectionPlanReading,
  /** Each target name and the unit it was matched to (null: the officer chooses). */
  targets: z.array(z.object({ name: z.string(), unitId: z.number().nullable(), unitName: z.string().nullable() })),
  warnings: z.array(z.object({ code: z.enum(INSPECTION_IMPORT_WARNING_CODES), message: z.string() })),
});
export type TInspectionPlanImport = z.infer<typeof ZInspectionPlanImport>;
