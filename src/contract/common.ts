/** Pieces every capability's schemas use: ids, dates, references, the error body. */
import { z } from 'zod';
import { SCHEDULE_KINDS } from './vocabulary';

/** `/:id` in a path. */
export const ZId = z.object({ id: z.coerce.number().int().positive() });
export type TId = z.infer<typeof ZId>;

/** `/communes/:communeId/…` in a path. */
export const ZCommuneIdParams = z.object({ communeId: z.coerce.number().int().positive() });

/** An optional `?communeId=` filter. */
export const ZCommuneIdQuery = z.object({ communeId: z.coerce.number().int().positive().optional() });

/** An ISO date that really exists on the calendar ("2026-02-30" is refused). For requests. */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'Ngày không tồn tại');

/** A date the server sends: `yyyy-mm-dd`, never shifted by a time zone. */
export const ZDate = z.iso.date();
/** A moment the server sends: ISO 8601 in UTC. */
export const ZTimestamp = z.iso.datetime();

export const ZUnitRef = z.object({ id: z.number(), name: z.string() });
export type TUnitRef = z.infer<typeof ZUnitRef>;

export const ZPersonRef = z.object({ id: z.number(), fullName: z.string() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

/** How a time-frame text is understood (src/domain/timeframe `Schedule`). */
export const ZSchedule = z.object({
  text: z.string(),
  kind: z.enum(SCHEDULE_KINDS),
  start: ZDate.nullable(),
  due: ZDate.nullable(),
  occurrences: z.array(ZDate),
  warnings: z.array(z.string()),
  unitDeadlines: z.array(ZDate).optional(),
});
export type TSchedule = z.infer<typeof ZSchedule>;

/** Every refusal: a stable code, a message in the asked language, and details for forms. */
export const ZApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type TApiError = z.infer<typeof ZApiError>;

/** A 204 answer: no body. */
export const ZNoContent = z.null().describe('Không có nội dung');

/** A file's bytes (downloads): described as binary, sent as a Buffer or stream, never serialised. */
export const ZBinary = z.any().meta({ type: 'string', format: 'binary' });

/** A 200 answer carrying a file of the given type. */
export const binaryResponse = (mimeType: string, description: string) => ({ description, content: { [mimeType]: { schema: ZBinary } } });
