/**
 * Helpers the API tests share: requests as a demo user, hand-built multipart
 * bodies, small real files, and a fingerprint of the whole database so a test
 * can prove that a refused request changed nothing.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestContext } from './context';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

/** One request as a demo user (or anonymous when `username` is null). */
export async function call(
  ctx: TestContext,
  username: string | null,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (username) headers.cookie = await ctx.login(username);
  if (payload instanceof Multipart) {
    return ctx.app.inject({ method, url, headers: { ...headers, 'content-type': payload.contentType }, payload: payload.body });
  }
  return ctx.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

/** A multipart/form-data body built by hand: one file field. */
export class Multipart {
  readonly boundary = `----cchc-test-${Math.random().toString(16).slice(2)}`;
  readonly body: Buffer;
  constructor(fileName: string, data: Buffer, field = 'file', mimeType = 'application/octet-stream') {
    const head = Buffer.from(
      `--${this.boundary}\r\n` +
        `Content-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
        `Content-Type: ${mimeType}\r\n\r\n`,
      'utf8',
    );
    const tail = Buffer.from(`\r\n--${this.boundary}--\r\n`, 'utf8');
    this.body = Buffer.concat([head, data, tail]);
  }
  get contentType(): string {
    return `multipart/form-data; boundary=${this.boundary}`;
  }
}

/**
 * A multipart upload of `size` bytes produced lazily, counting what the server
 * pulled: proves a refused upload is not read.
 */
export function lazyMultipart(fileName: string, size: number): { stream: Readable; contentType: string; pulled: () => number } {
  const empty = new Multipart(fileName, Buffer.alloc(0));
  const [head, tail] = [empty.body.subarray(0, empty.body.length - empty.boundary.length - 8), empty.body.subarray(empty.body.length - empty.boundary.length - 8)];
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  let pulled = 0;
  async function* parts() {
    yield head;
    for (let sent = 0; sent < size; sent += chunk.length) {
      pulled += chunk.length;
      yield chunk;
    }
    yield tail;
  }
  return { stream: Readable.from(parts(), { objectMode: false }), contentType: empty.contentType, pulled: () => pulled };
}

/** A small but well-formed one-page PDF (text "Bao cao CCHC"); `padTo` grows it with a comment stream. */
export function tinyPdf(text = 'Bao cao CCHC', padTo = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  ];
  const stream = `BT /F1 14 Tf 72 770 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const pdf = Buffer.from(out, 'latin1');
  if (padTo <= pdf.length) return pdf;
  // Bytes after %%EOF are ignored by readers; a comment line keeps the file a PDF.
  const pad = Buffer.alloc(padTo - pdf.length, 0x20);
  pad[0] = 0x25; // '%'
  pad[pad.length - 1] = 0x0a;
  return Buffer.concat([pdf, pad]);
}

/** Every table whose rows a request could change; sessions are left out (logins are set up beforehand). */
const TABLES = [
  'cities',
  'communes',
  'units',
  'unit_aliases',
  'users',
  'plans',
  'plan_targets',
  'tasks',
  'task_units',
  'task_assignees',
  'task_occurrence_completions',
  'files',
  'task_history',
  'audit_log',
  'calendar_overrides',
  'reminder_settings',
  'reminder_deliveries',
  'notifications',
] as const;

export type Fingerprint = Record<(typeof TABLES)[number], string> & { uploads: string };

/** One digest per table plus the list of uploaded files: equal fingerprints mean nothing changed. */
export async function fingerprint(ctx: TestContext): Promise<Fingerprint> {
  const columns = TABLES.map(
    (table) => `(SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${table} t) AS ${table}`,
  ).join(', ');
  const result = await ctx.db.execute(sql.raw(`SELECT ${columns}`));
  const row = result.rows[0] as Record<string, string>;
  return { ...(row as Record<(typeof TABLES)[number], string>), uploads: listUploads(ctx.uploadDir).join('\n') };
}

/** Files under the upload folder, relative, with their sizes. */
export function listUploads(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(`${path.relative(dir, full)}:${statSync(full).size}`);
    }
  };
  walk(dir);
  return out.sort();
}

/** The newest audit entry's id (0 when the log is empty). */
export async function lastAuditId(ctx: TestContext): Promise<number> {
  const result = await ctx.db.execute(sql`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`);
  return Number((result.rows[0] as { id: number }).id);
}

/** Rows of a table matching a SQL condition, counted. */
export async function countRows(ctx: TestContext, table: string, where = 'true'): Promise<number> {
  const result = await ctx.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`));
  return Number((result.rows[0] as { n: number }).n);
}

/** A task's current version, for PATCH bodies. */
export async function taskVersion(ctx: TestContext, taskId: number): Promise<number> {
  const result = await ctx.db.execute(sql`SELECT version FROM tasks WHERE id = ${taskId}`);
  return Number((result.rows[0] as { version: number }).version);
}

/** Demo ids that the tests lean on (checked by the tests themselves where it matters). */
export const DEMO = {
  communes: { tienLang: 1, anPhong: 2, camGiang: 3 },
  plans: { tienLang: 1, anPhong: 2, camGiang: 3 },
  units: { vhxh: 1, vanPhong: 2, kinhTe: 3, hcc: 4, snc: 5, congAn: 6, tramYTe: 7 },
} as const;

/** An administrator's write that must be refused with this status and message, leaving every table as it was. */
export async function expectAdminRefused(ctx: TestContext, method: Method, url: string, body: unknown, status: number, message: string | RegExp): Promise<void> {
  const before = await fingerprint(ctx);
  const response = await call(ctx, 'admin', method, url, body);
  expect(response.statusCode, response.body).toBe(status);
  const error = (JSON.parse(response.body) as ApiError).error;
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(await fingerprint(ctx)).toEqual(before);
}
