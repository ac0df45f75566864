/**
 * Pieces every capability's schemas use: ids, dates, references, the error body. Request pieces
 * refuse bad input (400, in Vietnamese) by validation instead of letting it reach PostgreSQL: NUL
 * characters (PostgreSQL's text cannot hold them), ids beyond a 4-byte `serial`, impossible or
 * out-of-range dates, and names whose key would not fit its column. Messages come from the i18n
 * catalogue (pure data, like src/domain).
 */
import { z } from 'zod';
import { matchKey } from '../domain/text/normalize';
import { type MessageKey, translate } from '../i18n';
import { SCHEDULE_KINDS } from './vocabulary';

const vi = (key: MessageKey, params: Record<string, string | number> = {}) => translate('vi', key, params);

/** The largest value of a PostgreSQL `integer` / `serial`. */
export const INT_MAX = 2_147_483_647;

/** Dates the app stores: wide enough for any plan, narrow enough for PostgreSQL and the calendar. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const noNul = (value: string) => !value.includes('\u0000');

/** Text from a person: trimmed, at most `max` characters (the column's length), never a NUL. */
export function zText(max: number, options: { min?: number; minMessage?: string; maxMessage?: string; trim?: boolean } = {}) {
  const base = options.trim === false ? z.string() : z.string().trim();
  const bounded = options.min ? base.min(options.min, options.minMessage) : base;
  return bounded.max(max, options.maxMessage).refine(noNul, vi('error.field_no_nul'));
}

/**
 * A name stored beside its key (matchKey) under a unique index: besides zText's rules, its
 * key must not be empty (a name of only punctuation or invisible characters) nor outgrow the key column.
 */
export function zKeyedName(max: number, options: { min?: number; minMessage?: string; maxMessage?: string } = {}) {
  return zText(max, options)
    .refine((value) => value.length === 0 || matchKey(value).length > 0, vi('error.field_key_empty'))
    .refine((value) => matchKey(value).length <= max, vi('error.field_key_long', { max }));
}

/** A whole number the database keeps in an `integer` column. */
export function zInt(min: number, max: number, message = vi('error.field_int_range', { min, max })) {
  return z.number().int(message).min(min, message).max(max, message);
}

const idMessage = vi('error.field_id', { max: INT_MAX });

/** An id in a JSON body. */
export const zId = () => z.number().int(idMessage).min(1, idMessage).max(INT_MAX, idMessage);

/** An id in a path or a query string (text, coerced). */
export const zIdParam = () => z.coerce.number().int(idMessage).min(1, idMessage).max(INT_MAX, idMessage);

/** A whole number in a query string. */
export function zIntParam(min: number, max: number, message = vi('error.field_int_range', { min, max })) {
  return z.coerce.number().int(message).min(min, message).max(max, message);
}

/** `/:id` in a path. */
export const ZId = z.object({ id: zIdParam() });
export type TId = z.infer<typeof ZId>;

/** `/communes/:communeId/…` in a path. */
export const ZCommuneIdParams = z.object({ communeId: zIdParam() });

/** An optional `?communeId=` filter. */
export const ZCommuneIdQuery = z.object({ communeId: zIdParam().optional() });

/** An ISO date that really exists on the calendar ("2026-02-30", "0000-01-01" are refused). For requests. */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, vi('error.field_date_format'))
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, vi('error.field_date_missing'))
  .refine(
    (value) => {
      const year = Number(value.slice(0, 4));
      return year >= MIN_YEAR && year <= MAX_YEAR;
    },
    vi('error.field_date_range', { min: MIN_YEAR, max: MAX_YEAR }),
  );

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
