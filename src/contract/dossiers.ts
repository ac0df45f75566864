/** Procedure dossiers (hồ sơ TTHC): uploads, column mappings, machine sync, and the indicators' window. */
import { z } from 'zod';
import { DOSSIER_FIELDS } from '../domain/indicators/template';
import { ZCommuneIdParams, ZIsoDate, zText } from './common';

export const ZDossierField = z.enum(DOSSIER_FIELDS);

/** A source (an export's origin) names a saved column mapping. */
export const ZDossierSource = zText(100, { min: 1 });

/** `uploadId` (chosen by the browser) names the upload whose server-side progress it polls. */
export const ZUploadId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Mã lượt tải lên không hợp lệ');
export const ZDossierImportQuery = z.object({ source: ZDossierSource.optional(), uploadId: ZUploadId.optional() });
export const ZImportProgressParams = ZCommuneIdParams.extend({ uploadId: ZUploadId });
/** Server-side progress of one upload: reading the file, then writing rows. */
export const ZImportProgress = z.object({ phase: z.enum(['waiting', 'reading', 'writing', 'done']), done: z.number(), total: z.number() });
export type TImportProgress = z.infer<typeof ZImportProgress>;

/** The header row of an export with the field each header maps to (saved mapping first, then recognition). */
export const ZDossierHeaders = z.object({
  headers: z.array(z.object({ header: z.string(), field: ZDossierField.nullable() })),
  /** Required template columns that no header maps to yet (their template names). */
  missing: z.array(z.string()),
});
export type TDossierHeaders = z.infer<typeof ZDossierHeaders>;
export const ZDossierMappingParams = ZCommuneIdParams.extend({ source: ZDossierSource });

/** Header text in the file → dossier field. */
export const ZDossierMappingInput = z.object({ mapping: z.record(zText(200, { min: 1 }), ZDossierField) });
export const ZDossierMapping = z.object({ source: z.string(), mapping: z.record(z.string(), z.string()) });
export type TDossierMapping = z.infer<typeof ZDossierMapping>;

/** One dossier as the one-stop system sends it: every template field, as text. */
export const ZSyncRecord = z.object(
  Object.fromEntries(DOSSIER_FIELDS.map((f) => [f, zText(2000, { trim: false }).nullable().optional()])) as Record<
    (typeof DOSSIER_FIELDS)[number],
    z.ZodOptional<z.ZodNullable<ReturnType<typeof zText>>>
  >,
);
export const ZSyncInput = z.object({ dossiers: z.array(ZSyncRecord).min(1).max(50_000) });

/** What an upload or a sync did: rows read, written, left alone, and the refused ones with their line. */
export const ZIngestResult = z.object({
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.array(z.object({ line: z.number(), reason: z.string() })),
});
export type TIngestResult = z.infer<typeof ZIngestResult>;

/** A new sync token, shown once. */
export const ZSyncToken = z.object({ token: z.string() });

/** The indicators' period: received/ended between `from` and `to`, open as of `asOf` (default `to`). */
export const ZIndicatorWindow = z.object({ from: ZIsoDate, to: ZIsoDate, asOf: ZIsoDate.optional() }).refine((w) => w.from <= w.to, 'Ngày bắt đầu phải không sau ngày kết thúc');
export const ZCommuneIndicatorsQuery = ZIndicatorWindow.and(z.object({ groupBy: z.enum(['unit', 'field', 'procedure']).optional() }));

/** The indicator set of Quyết định 766/QĐ-TTg: counts, and percentages (null when nothing to divide). */
export const ZIndicatorSet = z.object({
  received: z.number(),
  finished: z.number(),
  on_time: z.number(),
  late: z.number(),
  on_time_pct: z.number().nullable(),
  overdue_open: z.number(),
  online_pct: z.number().nullable(),
  full_online_pct: z.number().nullable(),
  online_payment_pct: z.number().nullable(),
  digitised_pct: z.number().nullable(),
  e_result_pct: z.number().nullable(),
  satisfaction_pct: z.number().nullable(),
});
export type TIndicatorSet = z.infer<typeof ZIndicatorSet>;

/** One row per group (unit, field, procedure or commune id; '' for the whole commune). */
export const ZIndicatorRows = z.array(z.object({ key: z.string(), indicators: ZIndicatorSet }));
export type TIndicatorRows = z.infer<typeof ZIndicatorRows>;

/**
 * The city's table: every commune's indicators for one window, and the city's own figures
 * computed from the summed counts (a rate of the whole city, not an average of rates).
 */
export const ZCityIndicators = z.object({
  communes: z.array(z.object({ communeId: z.number(), communeName: z.string(), indicators: ZIndicatorSet })),
  total: ZIndicatorSet,
});
export type TCityIndicators = z.infer<typeof ZCityIndicators>;
