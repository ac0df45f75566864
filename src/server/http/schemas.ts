/**
 * Request pieces every capability's schema uses, so bad input is refused (400, in Vietnamese)
 * by validation instead of reaching PostgreSQL: NUL characters (PostgreSQL's text cannot hold
 * them), ids beyond a 4-byte `serial`, impossible or out-of-range dates, and names whose key
 * would not fit its column.
 */
import { z } from 'zod';
import { matchKey } from '../../domain/text/normalize';
import { translate, type MessageKey } from '../../i18n';

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

export const ZId = z.object({ id: zIdParam() });

/** An ISO date that really exists on the calendar ("2026-02-30", "0000-01-01" are refused). */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, vi('error.field_date_format'))
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, vi('error.field_date_missing'))
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }, vi('error.field_date_range', { min: MIN_YEAR, max: MAX_YEAR }));
