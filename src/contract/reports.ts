/**
 * Periodic reports (issue 10): templates, a plan's report periods, unit and commune reports, the
 * city's overview. The template tree itself is domain data (src/domain/reports ZReportTemplate);
 * a new version arrives as JSON and is checked there against the figure registry.
 */
import { z } from 'zod';
import { ZReportingRegimeFields, ZReportTemplate } from '../domain/reports';
import { ZDate, ZIsoDate, zId, zIdParam, zText } from './common';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'approved', 'sent'] as const;
export const ZReportStatus = z.enum(REPORT_STATUSES);
export type TReportStatus = z.infer<typeof ZReportStatus>;

export const REPORT_ACTIONS = ['submit', 'return', 'accept', 'approve', 'send', 'city_return'] as const;
export const ZReportAction = z.enum(REPORT_ACTIONS);
export type TReportAction = z.infer<typeof ZReportAction>;

export const ZReportLevel = z.enum(['unit', 'commune']);
export const ZReportPeriodKind = z.enum(['quarter', 'half_year', 'year']);
/** "2025-Q3", "2026-H1", "2026-Y": the code communes are compared on. */
export const ZReportPeriodCode = z.string().regex(/^\d{4}-(Q[1-4]|H1|Y)$/, 'Mã kỳ dạng 2025-Q3, 2026-H1, 2026-Y');

// ---------- templates ----------

export const ZTemplateBody = ZReportTemplate;
export type TTemplateBody = z.infer<typeof ZTemplateBody>;
export type TTemplateSection = TTemplateBody['sections'][number];
export type TTemplateItem = TTemplateSection['items'][number];

/**
 * A new template version as JSON. Only its outer shape is checked here; the tree is checked by the
 * domain's validateTemplate (codes, figure keys the registry knows, parts and wholes), with every
 * issue listed in Vietnamese.
 */
export const ZTemplateInput = z.looseObject({ key: z.string().max(60), name: z.string().max(1000), sections: z.array(z.unknown()) });

/** `POST /api/report-templates/excel?key=…&name=…`: the file is the multipart body. */
export const ZTemplateExcelQuery = z.object({ key: zText(60, { min: 1 }), name: zText(1000, { min: 1 }) });

export const ZReportTemplateVersion = z.object({
  id: z.number(),
  key: z.string(),
  version: z.number(),
  name: z.string(),
  body: ZTemplateBody,
  createdAt: z.string(),
});
export type TReportTemplateVersion = z.infer<typeof ZReportTemplateVersion>;

// ---------- periods ----------

export const ZReportRegime = ZReportingRegimeFields;
export type TReportRegime = z.infer<typeof ZReportRegime>;

export const ZGeneratePeriodsInput = z.object({ templateKey: zText(60, { min: 1 }), regime: ZReportingRegimeFields.partial().optional() });
export type TGeneratePeriodsInput = z.infer<typeof ZGeneratePeriodsInput>;

export const ZPeriodUpdate = z.object({ unitDeadline: ZIsoDate.optional(), communeDeadline: ZIsoDate.optional(), templateId: zId().optional() });
export type TPeriodUpdate = z.infer<typeof ZPeriodUpdate>;

export const ZReportPeriod = z.object({
  id: z.number(),
  communeId: z.number(),
  planId: z.number(),
  code: z.string(),
  kind: ZReportPeriodKind,
  label: z.string(),
  windowStart: ZDate,
  windowEnd: ZDate,
  unitDeadline: ZDate,
  communeDeadline: ZDate,
  templateId: z.number(),
});
export type TReportPeriod = z.infer<typeof ZReportPeriod>;

export const ZPeriodReportRef = z.object({
  id: z.number(),
  level: ZReportLevel,
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  status: ZReportStatus,
  submittedOn: ZDate.nullable(),
  daysLate: z.number().nullable(),
});
export type TPeriodReportRef = z.infer<typeof ZPeriodReportRef>;

/** A period in a plan's list: the reports the reader may see in it, and whether they may manage it. */
export const ZPeriodWithReports = ZReportPeriod.extend({ canManage: z.boolean(), reports: z.array(ZPeriodReportRef) });
export type TPeriodWithReports = z.infer<typeof ZPeriodWithReports>;

export const ZGeneratedPeriods = z.object({
  regime: ZReportRegime,
  /** Whether the plan's text named its regime (otherwise the defaults were used). */
  regimeFromText: z.boolean(),
  periods: z.array(ZPeriodWithReports),
});
export type TGeneratedPeriods = z.infer<typeof ZGeneratedPeriods>;

// ---------- reports ----------

const ZFigureValue = z.number().finite().nullable();

export const ZReportEdit = z.object({
  version: zId(),
  asOf: ZIsoDate.optional(),
  values: z.record(z.string().max(60), ZFigureValue).optional(),
  narratives: z.record(z.string().max(60), zText(20000, { trim: false })).optional(),
});
export type TReportEdit = z.infer<typeof ZReportEdit>;

export const ZReportActionParams = z.object({ id: zIdParam(), action: ZReportAction });
export const ZReportActionInput = z.object({ comment: zText(5000).optional() }).optional();

export const ZComputedFigureValue = z.object({
  code: z.string(),
  key: z.string(),
  title: z.string(),
  /** The frozen figure once there is one, else the live one. */
  value: z.number(),
  frozen: z.number().nullable(),
  live: z.number(),
  /** The live figure moved since it was frozen. */
  differs: z.boolean(),
});

export const ZReportEvent = z.object({ action: z.string(), comment: z.string().nullable(), at: z.string(), actorName: z.string() });

export const ZReport = z.object({
  id: z.number(),
  communeId: z.number(),
  communeName: z.string(),
  level: ZReportLevel,
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  period: ZReportPeriod,
  /** The template version the report was made with, kept when newer versions arrive. */
  template: ZReportTemplateVersion.omit({ createdAt: true }),
  status: ZReportStatus,
  asOf: ZDate,
  values: z.record(z.string(), ZFigureValue),
  narratives: z.record(z.string(), z.string()),
  computed: z.array(ZComputedFigureValue),
  frozenAt: ZDate.nullable(),
  submittedOn: ZDate.nullable(),
  deadline: ZDate,
  daysLate: z.number().nullable(),
  returnComment: z.string().nullable(),
  version: z.number(),
  events: z.array(ZReportEvent),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    return: z.boolean(),
    accept: z.boolean(),
    approve: z.boolean(),
    send: z.boolean(),
    cityReturn: z.boolean(),
  }),
});
export type TReport = z.infer<typeof ZReport>;

// ---------- the city ----------

export const ZCityReportsQuery = z.object({ code: ZReportPeriodCode });

export const ZCityReportState = z.enum(['on_time', 'late', 'missing', 'not_due']);

export const ZCityReports = z.object({
  code: z.string(),
  communes: z.array(
    z.object({
      communeId: z.number(),
      communeName: z.string(),
      periodId: z.number().nullable(),
      deadline: ZDate.nullable(),
      reportId: z.number().nullable(),
      status: ZReportStatus.nullable(),
      submittedOn: ZDate.nullable(),
      daysLate: z.number().nullable(),
      state: ZCityReportState,
    }),
  ),
  /** One row per figure (computed by key, entered by template code), one value per commune id. */
  figures: z.array(z.object({ code: z.string(), title: z.string(), unit: z.string(), values: z.record(z.string(), z.number().nullable()) })),
});
export type TCityReports = z.infer<typeof ZCityReports>;
