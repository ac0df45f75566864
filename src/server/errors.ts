/**
 * One error type with stable codes, mapped to HTTP and to a Vietnamese message in one place.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type Lang, translate } from '../i18n';
import type { ErrorKey } from '../i18n/errors';
import { isDatabaseUnavailable } from './db/unavailable';

/** Seconds a client is asked to wait before retrying while the database is out of reach. */
const RETRY_AFTER_SECONDS = 5;

export type AppErrorCode =
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'duplicate'
  | 'file_too_large'
  | 'file_type'
  | 'file_empty'
  | 'import_failed'
  | 'busy'
  | 'password_change_required'
  | 'cross_origin'
  | 'internal'
  | 'unavailable';

const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  invalid_credentials: 401,
  too_many_attempts: 429,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  duplicate: 409,
  file_too_large: 413,
  file_type: 415,
  file_empty: 400,
  import_failed: 422,
  busy: 503,
  password_change_required: 403,
  cross_origin: 403,
  internal: 500,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
    /** A specific Vietnamese message overriding the code's generic one. */
    readonly userMessage?: string,
  ) {
    super(userMessage ?? code);
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  localizedMessage(lang: Lang): string {
    return this.userMessage ?? translate(lang, `error.${this.code}` as ErrorKey, this.params);
  }
}

export const forbidden = () => new AppError('forbidden');
export const notFound = () => new AppError('not_found');
export const invalid = (message: string, details?: unknown) => new AppError('validation', {}, details, message);

/**
 * PostgreSQL refusals that mean "bad input" or "someone else got there first", by SQLSTATE.
 * Validation catches these earlier; this is the net under it (and the only guard against
 * races: two creates of the same name both pass the check, the unique index refuses one).
 */
const DATABASE_REFUSALS: Record<string, { code: AppErrorCode; key: ErrorKey }> = {
  '22P05': { code: 'validation', key: 'error.bad_characters' }, // untranslatable_character (\u0000 in jsonb)
  '22021': { code: 'validation', key: 'error.bad_characters' }, // character_not_in_repertoire (NUL in text)
  '22003': { code: 'validation', key: 'error.out_of_range' }, // numeric_value_out_of_range
  '22008': { code: 'validation', key: 'error.out_of_range' }, // datetime_field_overflow
  '22007': { code: 'validation', key: 'error.out_of_range' }, // invalid_datetime_format
  '22P02': { code: 'validation', key: 'error.validation' }, // invalid_text_representation
  '22001': { code: 'validation', key: 'error.too_long' }, // string_data_right_truncation
  '23514': { code: 'validation', key: 'error.validation' }, // check_violation
  '23505': { code: 'duplicate', key: 'error.duplicate' }, // unique_violation
  '23503': { code: 'conflict', key: 'error.referenced' }, // foreign_key_violation
};

/** The SQLSTATE of a PostgreSQL error, also when Drizzle wraps it (DrizzleQueryError keeps it as `cause`). */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = cause;
  }
  return undefined;
}

function langOf(header: string | string[] | undefined): Lang {
  return typeof header === 'string' && header.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

interface Issue {
  path: string;
  message: string;
}

/** Vietnamese text for a schema violation, naming the field. */
function describeIssues(issues: Issue[]): string {
  const parts = issues.slice(0, 5).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  return `Dữ liệu nhập chưa hợp lệ — ${parts.join('; ')}`;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const lang = langOf(request.headers['accept-language']);
    const sendAppError = (appError: AppError) => {
      if (appError.code === 'unavailable' || appError.code === 'busy') reply.header('retry-after', RETRY_AFTER_SECONDS);
      const retryAfter = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (appError.code === 'too_many_attempts' && retryAfter) reply.header('retry-after', String(retryAfter));
      return reply.status(appError.status).send({ error: { code: appError.code, message: appError.localizedMessage(lang), details: appError.details } });
    };
    if (error instanceof AppError) return sendAppError(error);
    if (isDatabaseUnavailable(error)) {
      // Expected while PostgreSQL restarts or is out of reach (the outage itself is logged once per lost connection).
      request.log.info({ reason: error.cause instanceof Error ? error.cause.message : error.message }, 'database unavailable');
      return sendAppError(new AppError('unavailable'));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: String(v.instancePath ?? '')
          .replace(/^\//, '')
          .replace(/\//g, '.'),
        message: v.message ?? '',
      }));
      return reply.status(400).send({ error: { code: 'validation', message: describeIssues(issues), details: issues } });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
      const appError = new AppError('file_too_large', { max: '20 MB' });
      return reply.status(413).send({ error: { code: appError.code, message: appError.localizedMessage(lang) } });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'too_many_attempts', message: translate(lang, 'error.too_many_attempts') } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'validation', message: `${translate(lang, 'error.validation')} (${error.message})` } });
    }
    const refusal = DATABASE_REFUSALS[sqlStateOf(error) ?? ''];
    if (refusal) {
      request.log.warn({ err: error }, 'database refused the request');
      return reply.status(HTTP_STATUS[refusal.code]).send({ error: { code: refusal.code, message: translate(lang, refusal.key) } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'internal', message: translate(lang, 'error.internal') } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: translate(langOf(request.headers['accept-language']), 'error.not_found') } });
  });
}
