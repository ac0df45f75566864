/** A plan's key targets against indicators or monthly figures entered by hand. */
import { z } from 'zod';
import { INDICATOR_KEYS } from '../domain/indicators/types';
import { zIdParam, ZIsoDate } from './common';

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
