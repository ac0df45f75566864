/** Typed fetch helpers for the cchc API: JSON in and out, session cookie, one error type. */
import type { TApiError } from '@contract';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Code used when the server cannot be reached at all (no HTTP answer). */
export const NETWORK_ERROR = 'network';

let onUnauthenticated: () => void = () => {};
let language = 'vi';

/** The server words its error messages in the interface language, not the browser's. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** For requests made outside `api` (an upload through XMLHttpRequest). */
export const apiLanguage = (): string => language;

let onPasswordChangeRequired: () => void = () => {};

/** The app registers what to do when the server says the password must be changed first (403). */
export function setPasswordChangeHandler(handler: () => void): void {
  onPasswordChangeRequired = handler;
}

/** The app registers what to do when a request finds the session gone (401). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

function isErrorBody(value: unknown): value is TApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': language },
  };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated();
    if (isErrorBody(data)) {
      if (data.error.code === 'password_change_required') onPasswordChangeRequired();
      throw new ApiError(response.status, data.error.code, data.error.message, data.error.details);
    }
    throw new ApiError(response.status, 'internal', '');
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Builds `path?key=value` from the defined, non-empty parameters. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: (path: string) => request<void>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};
