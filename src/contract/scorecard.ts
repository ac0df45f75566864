/** A plan's key targets against indicators or monthly figures entered by hand. */
import { z } from 'zod';
import { INDICATOR_KEYS } from '../domain/indicators/types';
import { ZDate, ZIsoDate, zIdParam } from './common';
import { ZComparator } from './vocabulary';

/** Every dossier indicator in its reading order (the CLI's JSON, reports' figure keys, the web's columns). */
export { INDICATOR_KEYS };
export const ZIndicatorKey = z.enum(INDICATOR_KEYS);

export const ZPlanIdParams = z.object({ planId: zIdParam() });
export const ZTargetParams = ZPlanIdParams.extend({ targetId: zIdParam() });

export const ZScorecardQuery = z.object({ asOf: ZIsoDate.optional() });

export const ZTargetLinkInput = z.object({ indicatorKey: ZIndicatorKey.nullable() });
export const ZTargetLink = z.object({ targetId: z.number(), indicatorKey: z.string().nullable() });
export type TTargetLink = z.infer<typeof ZTargetLink>;

export const ZTargetFigureInput = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng có dạng YYYY-MM'),
  value: z.number().finite(),
});
export const ZTargetFigure = z.object({ targetId: z.number(), month: z.string(), value: z.number() });
export type TTargetFigure = z.infer<typeof ZTargetFigure>;

/** One key target against its actual figure: from an indicator (linked or suggested by its wording) or entered by hand. */
export const ZScorecardTarget = z.object({
  id: z.number(),
  text: z.string(),
  comparator: ZComparator.nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  source: z.enum(['indicator', 'manual']),
  indicatorKey: ZIndicatorKey.nullable(),
  /** The link was chosen by a person (otherwise suggested from the wording). */
  linkSaved: z.boolean(),
  actual: z.number().nullable(),
  status: z.enum(['met', 'not_met', 'no_data']),
  trend: z.array(z.object({ month: z.string(), actual: z.number().nullable() })),
});
export type TScorecardTarget = z.infer<typeof ZScorecardTarget>;

export const ZScorecard = z.object({
  planId: z.number(),
  asOf: ZDate,
  period: z.object({ start: ZDate, end: ZDate }),
  targets: z.array(ZScorecardTarget),
});
export type TScorecard = z.infer<typeof ZScorecard>;
