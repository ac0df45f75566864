/**
 * What the API tests build and share: factories (buildCommune, buildUnit, buildUser,
 * buildPlan, buildTask) so each test states the data it stands on; requests as a user;
 * hand-built multipart bodies and small real files; a fingerprint of every table so a
 * test can prove that a refused request changed nothing.
 */

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { TArea, TInspection, TInspectionPlan, ZInspectionInput, ZInspectionPlanInput } from '../../contract';
import { matchKey } from '../../domain/text/normalize';
import { cities, communes, type PlanKind, type PlanStatus, type Role, tasks, type UNIT_KINDS, unitAliases, units, users } from '../db/schema';
import { insertPlan, type TargetInput } from '../plans/service';
import { insertTask } from '../tasks/commands';
import { insertUser } from '../users/service';
import { json, type TestContext } from './context';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

/** One request as a demo user (or anonymous when `username` is null). */
export async function call(ctx: TestContext, username: string | null, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> {
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
      `--${this.boundary}\r\n` + `Content-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` + `Content-Type: ${mimeType}\r\n\r\n`,
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

export type Fingerprint = Record<string, string> & { uploads: string };

/**
 * One digest per table plus the list of uploaded files: equal fingerprints mean nothing changed.
 * The tables come from the catalog, so a table added by a later migration is covered without a list to keep;
 * sessions and the sign-in throttle are left out (logins happen on demand).
 */
export async function fingerprint(ctx: TestContext): Promise<Fingerprint> {
  const found = await ctx.db.execute(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('sessions', 'login_throttle') ORDER BY tablename`);
  const tables = (found.rows as { tablename: string }[]).map((r) => r.tablename);
  const columns = tables.map((table) => `(SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "${table}" t) AS "${table}"`).join(', ');
  const result = await ctx.db.execute(sql.raw(`SELECT ${columns}`));
  return { ...(result.rows[0] as Record<string, string>), uploads: listUploads(ctx.uploadDir).join('\n') };
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

/** Demo ids that the tests still standing on the demo lean on (checked by the tests themselves where it matters). */
export const DEMO = {
  communes: { tienLang: 1, anPhong: 2, camGiang: 3 },
  plans: { tienLang: 1, anPhong: 2, camGiang: 3 },
  units: { vhxh: 1, vanPhong: 2, kinhTe: 3, hcc: 4, snc: 5, congAn: 6, tramYTe: 7 },
} as const;

/**
 * An administrator's write that must be refused with this status and message, leaving every table as it was.
 * `admin` is the username sending it (the demo's "admin" unless a test built its own).
 */
export async function expectAdminRefused(ctx: TestContext, method: Method, url: string, body: unknown, status: number, message: string | RegExp, admin = 'admin'): Promise<void> {
  const before = await fingerprint(ctx);
  const response = await call(ctx, admin, method, url, body);
  expect(response.statusCode, response.body).toBe(status);
  const error = (JSON.parse(response.body) as ApiError).error;
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(await fingerprint(ctx)).toEqual(before);
}

// ---------------------------------------------------------------- factories

/** The password of every user a factory builds. */
export const FACTORY_PASSWORD = 'Factory@2026';

let sequence = 0;
/** A number unique in this test file, for codes, usernames and names. */
const next = () => ++sequence;

type CityRow = typeof cities.$inferSelect;
type CommuneRow = typeof communes.$inferSelect;
type UnitRow = typeof units.$inferSelect;
type TaskRow = typeof tasks.$inferSelect;
export type BuiltUser = Awaited<ReturnType<typeof insertUser>>;

export async function buildCity(ctx: TestContext, fields: Partial<Pick<CityRow, 'name' | 'code'>> = {}): Promise<CityRow> {
  const n = next();
  const [city] = await ctx.db
    .insert(cities)
    .values({ name: fields.name ?? `Thành phố thử ${n}`, code: fields.code ?? `tp-${n}` })
    .returning();
  return city;
}

export async function buildCommune(
  ctx: TestContext,
  fields: { city?: Pick<CityRow, 'id'>; name?: string; code?: string; kind?: 'xa' | 'phuong'; dueSoonDays?: number } = {},
): Promise<CommuneRow> {
  const city = fields.city ?? (await buildCity(ctx));
  const n = next();
  const name = fields.name ?? `Xã thử ${n}`;
  const code = fields.code ?? `xa-${n}`;
  const [commune] = await ctx.db
    .insert(communes)
    .values({ cityId: city.id, name, kind: fields.kind ?? 'xa', code, codeKey: matchKey(code), nameKey: matchKey(name), dueSoonDays: fields.dueSoonDays ?? 7 })
    .returning();
  return commune;
}

/** A unit of the commune; `aliases` are the other names it is known by (keyed as the API keys them). */
export async function buildUnit(
  ctx: TestContext,
  commune: CommuneRow,
  fields: { name?: string; kind?: (typeof UNIT_KINDS)[number]; shortName?: string; isCoordinator?: boolean; aliases?: string[] } = {},
): Promise<UnitRow> {
  const name = fields.name ?? `Phòng thử ${next()}`;
  const [unit] = await ctx.db
    .insert(units)
    .values({
      communeId: commune.id,
      name,
      nameKey: matchKey(name),
      kind: fields.kind ?? 'internal',
      shortName: fields.shortName ?? null,
      isCoordinator: fields.isCoordinator ?? false,
    })
    .returning();
  for (const alias of fields.aliases ?? []) {
    await ctx.db.insert(unitAliases).values({ communeId: commune.id, unitId: unit.id, alias, aliasKey: matchKey(alias) });
  }
  return unit;
}

/**
 * A user with a role, placed as the role requires: a commune for commune roles, a unit for unit roles
 * (built when not given), the city for city roles. Signs in with FACTORY_PASSWORD through `call`.
 */
export async function buildUser(
  ctx: TestContext,
  fields: { role: Role; commune?: CommuneRow; unit?: UnitRow; city?: Pick<CityRow, 'id'>; fullName?: string; username?: string; title?: string; email?: string },
): Promise<BuiltUser> {
  const cityLevel = fields.role === 'city_reviewer' || (fields.role === 'admin' && !fields.commune);
  const commune = cityLevel ? null : (fields.commune ?? (await buildCommune(ctx, { city: fields.city })));
  const needsUnit = fields.role === 'unit_head' || fields.role === 'unit_staff';
  const unit = fields.unit ?? (needsUnit && commune ? await buildUnit(ctx, commune) : null);
  const cityId = commune?.cityId ?? fields.city?.id ?? (await buildCity(ctx)).id;
  const username = fields.username ?? `${fields.role.replace('_', '')}${next()}`;
  const user = await insertUser(ctx.db, null, {
    username,
    fullName: fields.fullName ?? `Người thử ${username}`,
    title: fields.title ?? null,
    role: fields.role,
    communeId: commune?.id ?? null,
    unitId: unit?.id ?? null,
    password: FACTORY_PASSWORD,
    cityId,
  });
  ctx.passwords.set(user.username, FACTORY_PASSWORD);
  // The address reminders are mailed to; users are created without one.
  if (fields.email) await ctx.db.update(users).set({ email: fields.email }).where(eq(users.id, user.id));
  return user;
}

export async function buildPlan(
  ctx: TestContext,
  commune: CommuneRow,
  fields: { title?: string; kind?: PlanKind; status?: PlanStatus; period?: { start: string; end: string }; targets?: TargetInput[]; reportingRegime?: string } = {},
) {
  const period = fields.period ?? { start: '2026-01-01', end: '2026-12-31' };
  return ctx.db.transaction((tx) =>
    insertPlan(tx, null, commune.cityId, {
      communeId: commune.id,
      kind: fields.kind ?? 'annual',
      title: fields.title ?? `Kế hoạch cải cách hành chính thử ${next()}`,
      periodStart: period.start,
      periodEnd: period.end,
      status: fields.status ?? 'issued',
      reportingRegime: fields.reportingRegime ?? null,
      targets: fields.targets ?? [],
    }),
  );
}

type PlanRow = Awaited<ReturnType<typeof buildPlan>>;

/**
 * A task of a plan (or, without one, a task the city assigned in the commune for 2026), its time frame read
 * as the API reads it. `progress`/`doneAt` set what has been reported so far.
 */
export async function buildTask(
  ctx: TestContext,
  where: { plan: PlanRow } | { commune: CommuneRow; sourceDocument?: string; year?: number },
  fields: {
    timeframeText?: string;
    area?: TArea;
    number?: number | null;
    content?: string;
    product?: string;
    lead?: UnitRow[];
    coordinators?: UnitRow[];
    assignees?: BuiltUser[];
    dueOverride?: string | null;
    progress?: number;
    doneAt?: string | null;
    /** Of the completion in doneAt; confirmed unless said otherwise. */
    confirmation?: 'pending' | 'confirmed';
  } = {},
): Promise<TaskRow> {
  const communeId = 'plan' in where ? where.plan.communeId : where.commune.id;
  const [commune] = await ctx.db.select().from(communes).where(eq(communes.id, communeId));
  const lead = fields.lead ?? [await buildUnit(ctx, commune)];
  const year = 'plan' in where ? null : (where.year ?? 2026);
  const base =
    'plan' in where
      ? { communeId, planId: where.plan.id, origin: 'plan' as const, sourceDocument: null, period: { start: where.plan.periodStart, end: where.plan.periodEnd }, position: next() }
      : {
          communeId,
          planId: null,
          origin: 'city_assigned' as const,
          sourceDocument: where.sourceDocument ?? 'Công văn thử của UBND thành phố',
          period: { start: `${year}-01-01`, end: `${year}-12-31` },
          position: next(),
        };
  const n = next();
  const created = await ctx.db.transaction((tx) =>
    insertTask(
      tx,
      null,
      base,
      {
        area: fields.area ?? 1,
        number: fields.number === undefined ? n : fields.number,
        content: fields.content ?? `Nhiệm vụ thử số ${n}`,
        product: fields.product ?? 'Báo cáo',
        leadUnitIds: lead.map((u) => u.id),
        coordinatorUnitIds: (fields.coordinators ?? []).map((u) => u.id),
        assigneeIds: (fields.assignees ?? []).map((u) => u.id),
        timeframeText: fields.timeframeText ?? 'Tháng 12/2026',
        dueOverride: fields.dueOverride ?? null,
      },
      commune.cityId,
    ),
  );
  if (fields.progress === undefined && fields.doneAt === undefined) return created;
  const [updated] = await ctx.db
    .update(tasks)
    .set({ progress: fields.progress ?? (fields.doneAt ? 100 : 0), doneAt: fields.doneAt ?? null, confirmation: fields.doneAt ? (fields.confirmation ?? 'confirmed') : null })
    .where(eq(tasks.id, created.id))
    .returning();
  return updated;
}

/** A user's name as the API shows it, for history and audit assertions. */
export async function fullNameOf(ctx: TestContext, userId: number): Promise<string> {
  const [row] = await ctx.db.select({ fullName: users.fullName }).from(users).where(eq(users.id, userId));
  return row.fullName;
}

/** An inspection plan made by the coordinator through the API (its team: a leader and members). */
export async function buildInspectionPlan(
  ctx: TestContext,
  coordinator: BuiltUser,
  commune: { id: number },
  fields: Omit<z.input<typeof ZInspectionPlanInput>, 'team'> & { leader: BuiltUser; members: BuiltUser[] },
): Promise<TInspectionPlan> {
  const { leader, members, ...rest } = fields;
  const team = [{ userId: leader.id, role: 'leader' as const }, ...members.map((m) => ({ userId: m.id, role: 'member' as const }))];
  const response = await call(ctx, coordinator.username, 'POST', `/api/communes/${commune.id}/inspection-plans`, { ...rest, team });
  expect(response.statusCode, response.body).toBe(201);
  return json<TInspectionPlan>(response);
}

/** A visit of one unit scheduled on an inspection plan by the coordinator. */
export async function scheduleInspection(ctx: TestContext, coordinator: BuiltUser, planId: number, body: z.input<typeof ZInspectionInput>): Promise<TInspection> {
  const response = await call(ctx, coordinator.username, 'POST', `/api/inspection-plans/${planId}/inspections`, body);
  expect(response.statusCode, response.body).toBe(201);
  return json<TInspection>(response);
}
