/** The Vietnamese working calendar: holidays, official swaps, administrators' corrections. */
import { z } from 'zod';
import { ZDate, ZIsoDate, zIntParam, zText } from './common';
import { ZCalendarOverrideKind } from './vocabulary';

export const ZYearParams = z.object({ year: zIntParam(2000, 2100) });

export const ZOverrideInput = z.object({ date: ZIsoDate, kind: ZCalendarOverrideKind, note: zText(300).optional() });
export type TOverrideInput = z.infer<typeof ZOverrideInput>;

export const ZCalendarOverride = z.object({ id: z.number(), date: ZDate, kind: ZCalendarOverrideKind, note: z.string().nullable() });
export type TCalendarOverride = z.infer<typeof ZCalendarOverride>;

export const ZCalendarYear = z.object({
  year: z.number(),
  holidays: z.array(z.object({ date: ZDate, name: z.string() })),
  /** The government's announced swaps, built in. */
  official: z.array(z.object({ date: ZDate, kind: ZCalendarOverrideKind, note: z.string().nullable() })),
  /** Administrators' additions and corrections. */
  overrides: z.array(ZCalendarOverride),
  daysOff: z.array(ZDate),
});
export type TCalendarYear = z.infer<typeof ZCalendarYear>;

export const ZWorkingDaysQuery = z.object({ from: ZIsoDate, days: zIntParam(-365, 365) });
export const ZWorkingDays = z.object({ from: ZDate, days: z.number(), date: ZDate });
export type TWorkingDays = z.infer<typeof ZWorkingDays>;
