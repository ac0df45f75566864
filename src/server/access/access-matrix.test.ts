/**
 * Every route of docs/api.md × every role: the expected answer, and for every
 * refused request proof that nothing changed (the whole database and the upload
 * folder have the same fingerprint, and the audit log has no new entry).
 * Allowed writes must change something; reads never do.
 *
 * Roles: anonymous, one person per role of two communes built here with the factories
 * (usernames as in the demo, so the matrix reads the same), and a commune-level administrator
 * of Tiên Lãng ("admin.tl", created through the API) so commune-scoped administration is covered.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type ApiError, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call, fingerprint, lastAuditId, type Method, Multipart, tinyPdf } from '../test/factories';

const ROLES = ['anonymous', 'admin', 'sonoivu', 'chutich', 'daumoi', 'truongvp', 'canbovp', 'giamdochcc', 'kiemtra', 'daumoi.ap', 'admin.tl'] as const;
type Role = (typeof ROLES)[number];
type Who = Exclude<Role, 'anonymous'>;

const TIEN_LANG_PEOPLE: Who[] = ['chutich', 'daumoi', 'truongvp', 'canbovp', 'giamdochcc', 'kiemtra', 'admin.tl'];
const EVERYONE: Who[] = ROLES.filter((r): r is Who => r !== 'anonymous');

/** Who may, per rule. */
const ALLOW = {
  everyone: EVERYONE,
  cityAdmin: ['admin'] as Who[],
  tlAdmins: ['admin', 'admin.tl'] as Who[],
  tlManagers: ['admin', 'admin.tl', 'chutich', 'daumoi'] as Who[],
  /** Progress/files on a task led by Văn phòng HĐND và UBND. */
  tlReportVanPhong: ['admin', 'admin.tl', 'chutich', 'daumoi', 'truongvp', 'canbovp'] as Who[],
  /** Progress/files on a task led by Trung tâm Phục vụ hành chính công. */
  tlReportHcc: ['admin', 'admin.tl', 'chutich', 'daumoi', 'giamdochcc'] as Who[],
  audit: ['admin', 'admin.tl', 'chutich', 'kiemtra'] as Who[],
  /** Confirming or returning a unit's completion: the coordinator and administrators, never the units or the leader. */
  tlConfirm: ['admin', 'admin.tl', 'daumoi'] as Who[],
  apManagers: ['admin', 'daumoi.ap'] as Who[],
};

/** The object a route reaches: a Tiên Lãng object, an An Phong object, or nothing of a commune. */
type Scope = 'tl' | 'ap' | 'city';

/** Those for whom the object does not exist: the server hides other communes' objects. */
function foreignTo(scope: Scope): Who[] {
  if (scope === 'tl') return ['daumoi.ap'];
  if (scope === 'ap') return TIEN_LANG_PEOPLE;
  return [];
}

function expected(scope: Scope, allow: Who[], status: number, role: Role): number {
  if (role === 'anonymous') return 401;
  if (allow.includes(role)) return status;
  if (foreignTo(scope).includes(role)) return 404;
  return 403;
}

interface State {
  apPlanId: number;
  apTaskId: number;
  targetUserId: number;
  fileId: number;
  fileBytes: Buffer;
}

interface Case {
  name: string;
  method: Method;
  scope: Scope;
  allow: Who[];
  status: number;
  url: (role: Role, state: State) => string | Promise<string>;
  body?: (role: Role, state: State) => unknown | Promise<unknown>;
  /** A POST that only computes (changes nothing even when allowed). */
  readOnly?: boolean;
  /** More checks on an allowed answer. */
  check?: (response: LightMyRequestResponse, role: Role, state: State) => void;
}

let ctx: TestContext;
const state = {} as State;

/** The ids of what beforeAll builds: two communes of one city, Tiên Lãng's units, its running plan and three tasks. */
const W = {
  communes: { tienLang: 0, anPhong: 0 },
  plans: { tienLang: 0 },
  units: { vhxh: 0, vanPhong: 0, hcc: 0, congAn: 0, tramYTe: 0 },
  /** Led by Văn phòng; led by TT PVHCC; led by Công an with Văn phòng coordinating. */
  tasks: { vanPhongLeads: 0, hccLeads: 0, vanPhongCoordinates: 0 },
};

/** The people of the matrix, placed as the demo places them. */
async function buildWorld() {
  const tienLang = await buildCommune(ctx, { name: 'Tiên Lãng' });
  const city = { id: tienLang.cityId };
  const anPhong = await buildCommune(ctx, { name: 'An Phong', kind: 'phuong', city });
  const unit = (name: string) => buildUnit(ctx, tienLang, { name });
  const vhxh = await unit('Phòng Văn hóa - Xã hội');
  const vanPhong = await unit('Văn phòng HĐND và UBND');
  const hcc = await unit('Trung tâm Phục vụ hành chính công');
  const congAn = await unit('Công an xã');
  const tramYTe = await unit('Trạm Y tế');
  await buildUser(ctx, { username: 'admin', role: 'admin', city });
  await buildUser(ctx, { username: 'sonoivu', role: 'city_reviewer', city });
  await buildUser(ctx, { username: 'chutich', role: 'leader', commune: tienLang });
  await buildUser(ctx, { username: 'daumoi', role: 'coordinator', commune: tienLang, unit: vhxh });
  await buildUser(ctx, { username: 'truongvp', role: 'unit_head', commune: tienLang, unit: vanPhong });
  await buildUser(ctx, { username: 'canbovp', role: 'unit_staff', commune: tienLang, unit: vanPhong });
  await buildUser(ctx, { username: 'giamdochcc', role: 'unit_head', commune: tienLang, unit: hcc });
  await buildUser(ctx, { username: 'kiemtra', role: 'inspector', commune: tienLang });
  await buildUser(ctx, { username: 'daumoi.ap', role: 'coordinator', commune: anPhong, unit: await buildUnit(ctx, anPhong, { name: 'Phòng Văn hóa - Xã hội' }) });
  const plan = await buildPlan(ctx, tienLang);
  const vanPhongLeads = await buildTask(ctx, { plan }, { area: 2, lead: [vanPhong], timeframeText: 'Quý IV/2026' });
  const hccLeads = await buildTask(ctx, { plan }, { area: 3, lead: [hcc], timeframeText: 'Quý IV/2026' });
  const vanPhongCoordinates = await buildTask(ctx, { plan }, { area: 3, lead: [congAn], coordinators: [vanPhong], timeframeText: 'Quý IV/2026' });
  await buildTask(ctx, { commune: tienLang }, { lead: [vanPhong], timeframeText: 'Trước ngày 15/12/2026' });
  const apPlan = await buildPlan(ctx, anPhong);
  await buildTask(ctx, { plan: apPlan });
  Object.assign(W, {
    communes: { tienLang: tienLang.id, anPhong: anPhong.id },
    plans: { tienLang: plan.id },
    units: { vhxh: vhxh.id, vanPhong: vanPhong.id, hcc: hcc.id, congAn: congAn.id, tramYTe: tramYTe.id },
    tasks: { vanPhongLeads: vanPhongLeads.id, hccLeads: hccLeads.id, vanPhongCoordinates: vanPhongCoordinates.id },
  });
}

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const result = await ctx.db.execute(query);
  return Number(Object.values(result.rows[0] as Record<string, unknown>)[0]);
}

const version = (taskId: number) => scalar(sql`SELECT version FROM tasks WHERE id = ${taskId}`);
/** Puts a unit's "done" waiting for confirmation on the task (before the fingerprint), and gives its version. */
const reportedDone = async (taskId: number) => {
  await ctx.db.execute(sql`UPDATE tasks SET done_at = '2026-11-20', confirmation = 'pending' WHERE id = ${taskId}`);
  return version(taskId);
};
const suffix = (role: Role) => role.replace(/[^a-z]/g, '');

/** Ensures a row exists and returns its id, so a delete has something to delete for every role. */
async function ensureAlias(): Promise<number> {
  await ctx.db.execute(
    sql`INSERT INTO unit_aliases (commune_id, unit_id, alias, alias_key) VALUES (${W.communes.tienLang}, ${W.units.tramYTe}, 'Trạm xá thử', 'tram xa thu') ON CONFLICT DO NOTHING`,
  );
  return scalar(sql`SELECT id FROM unit_aliases WHERE alias_key = 'tram xa thu'`);
}

async function ensureOverride(): Promise<number> {
  await ctx.db.execute(sql`INSERT INTO calendar_overrides (date, kind, note) VALUES ('2031-12-30', 'day_off', 'thử xóa') ON CONFLICT DO NOTHING`);
  return scalar(sql`SELECT id FROM calendar_overrides WHERE date = '2031-12-30'`);
}

const taskInput = (role: Role) => ({
  area: 3,
  content: `Nhiệm vụ thử phân quyền (${role})`,
  leadUnitIds: [W.units.vanPhong],
  coordinatorUnitIds: [W.units.hcc],
  timeframeText: 'Trước ngày 15/12/2026',
  product: 'Báo cáo',
});

const CASES: Case[] = [
  // Auth
  { name: 'GET /api/auth/me', method: 'GET', scope: 'city', allow: ALLOW.everyone, status: 200, url: () => '/api/auth/me' },

  // Communes
  {
    name: 'GET /api/communes',
    method: 'GET',
    scope: 'city',
    allow: ALLOW.everyone,
    status: 200,
    url: () => '/api/communes',
    check: (response, role) => {
      const ids = json<{ id: number }[]>(response).map((c) => c.id);
      if (role === 'admin' || role === 'sonoivu') expect(ids).toEqual(expect.arrayContaining([W.communes.tienLang, W.communes.anPhong]));
      else if (role === 'daumoi.ap') expect(ids).toEqual([W.communes.anPhong]);
      else expect(ids).toEqual([W.communes.tienLang]);
    },
  },
  {
    name: 'POST /api/communes',
    method: 'POST',
    scope: 'city',
    allow: ALLOW.cityAdmin,
    status: 201,
    url: () => '/api/communes',
    body: (role) => ({ name: `Xã thử ${role}`, kind: 'xa', code: `thu-${suffix(role)}` }),
  },
  {
    name: 'PATCH /api/communes/:id',
    method: 'PATCH',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 200,
    url: () => `/api/communes/${W.communes.tienLang}`,
    body: () => ({ dueSoonDays: 7 }),
  },

  // Units and aliases
  {
    name: 'GET /api/communes/:communeId/units',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/communes/${W.communes.tienLang}/units`,
  },
  {
    name: 'POST /api/communes/:communeId/units',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 201,
    url: () => `/api/communes/${W.communes.tienLang}/units`,
    body: (role) => ({ name: `Tổ công tác thử ${role}` }),
  },
  {
    name: 'PATCH /api/units/:id',
    method: 'PATCH',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 200,
    url: () => `/api/units/${W.units.tramYTe}`,
    body: (role) => ({ shortName: `TYT ${role}` }),
  },
  {
    name: 'POST /api/units/:id/aliases',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 201,
    url: () => `/api/units/${W.units.tramYTe}/aliases`,
    body: (role) => ({ alias: `Y tế thử ${role}` }),
  },
  {
    name: 'DELETE /api/aliases/:id',
    method: 'DELETE',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 204,
    url: async () => `/api/aliases/${await ensureAlias()}`,
  },

  // Users
  {
    name: 'GET /api/users',
    method: 'GET',
    scope: 'city',
    allow: ALLOW.tlAdmins,
    status: 200,
    url: () => '/api/users',
    check: (response, role) => {
      const communesSeen = new Set(json<{ communeId: number | null }[]>(response).map((u) => u.communeId));
      if (role === 'admin.tl') expect([...communesSeen]).toEqual([W.communes.tienLang]);
      else expect(communesSeen.has(W.communes.anPhong)).toBe(true);
    },
  },
  {
    name: 'POST /api/users',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 201,
    url: () => '/api/users',
    body: (role) => ({
      username: `moi.${suffix(role)}`,
      fullName: 'Người dùng thử',
      role: 'unit_staff',
      communeId: W.communes.tienLang,
      unitId: W.units.vanPhong,
      password: 'MatKhau@2026',
    }),
  },
  {
    name: 'PATCH /api/users/:id',
    method: 'PATCH',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 200,
    url: (_role, s) => `/api/users/${s.targetUserId}`,
    body: (role) => ({ title: `Chức danh ${role}` }),
  },
  {
    name: 'POST /api/users/:id/password',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 204,
    url: (_role, s) => `/api/users/${s.targetUserId}/password`,
    body: (role) => ({ password: `MatKhauMoi-${role}` }),
  },

  // Plans
  {
    name: 'GET /api/plans',
    method: 'GET',
    scope: 'city',
    allow: ALLOW.everyone,
    status: 200,
    url: () => `/api/plans?communeId=${W.communes.tienLang}`,
    check: (response, role) => {
      const ids = json<{ id: number }[]>(response).map((p) => p.id);
      if (role === 'daumoi.ap') expect(ids).toEqual([]);
      else expect(ids).toContain(W.plans.tienLang);
    },
  },
  {
    name: 'POST /api/plans',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlManagers,
    status: 201,
    url: () => '/api/plans',
    body: (role) => ({
      communeId: W.communes.tienLang,
      kind: 'thematic',
      title: `Kế hoạch chuyên đề thử (${role})`,
      periodStart: '2026-03-01',
      periodEnd: '2026-06-30',
    }),
  },
  {
    name: 'GET /api/plans/:id',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/plans/${W.plans.tienLang}`,
  },
  {
    name: 'PATCH /api/plans/:id',
    method: 'PATCH',
    scope: 'tl',
    allow: ALLOW.tlManagers,
    // The demo's plans are issued: the rights check passes, the plan's state refuses (changes go through amendments).
    status: 409,
    url: () => `/api/plans/${W.plans.tienLang}`,
    body: (role) => ({ reportingRegime: `Báo cáo quý (${role})` }),
  },
  {
    name: 'GET /api/plans/:id/tasks',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/plans/${W.plans.tienLang}/tasks?asOf=${TEST_TODAY}`,
  },
  {
    name: 'POST /api/plans/:id/tasks',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlManagers,
    // The demo's plans are issued: the rights check passes, the plan's state refuses (changes go through amendments).
    status: 409,
    url: () => `/api/plans/${W.plans.tienLang}/tasks`,
    body: (role) => taskInput(role),
  },
  {
    name: 'GET /api/plans/:id/export.xlsx',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/plans/${W.plans.tienLang}/export.xlsx`,
    check: (response) => expect(response.headers['content-type']).toContain('spreadsheetml'),
  },

  // Tasks
  {
    name: 'GET /api/tasks',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/tasks?communeId=${W.communes.tienLang}&asOf=${TEST_TODAY}`,
  },
  {
    name: 'POST /api/tasks (city-assigned)',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlManagers,
    status: 201,
    url: () => '/api/tasks',
    body: (role) => ({ ...taskInput(role), communeId: W.communes.tienLang, origin: 'city_assigned', sourceDocument: 'Công văn số 99/UBND-NC' }),
  },
  {
    name: 'GET /api/tasks/:id',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/tasks/${W.tasks.vanPhongLeads}`,
    check: (response, role) => {
      // canEdit / canManage tell the web app whether to offer the progress form / the edit form.
      const task = json<{ canEdit: boolean; canManage: boolean }>(response);
      expect(task.canEdit).toBe(ALLOW.tlReportVanPhong.includes(role as Who));
      expect(task.canManage).toBe(ALLOW.tlManagers.includes(role as Who));
    },
  },
  {
    name: 'PATCH /api/tasks/:id',
    method: 'PATCH',
    scope: 'tl',
    allow: ALLOW.tlManagers,
    // The demo's plans are issued: a task's wording changes only through an amendment.
    status: 409,
    url: () => `/api/tasks/${W.tasks.vanPhongLeads}`,
    body: async (role) => ({ version: await version(W.tasks.vanPhongLeads), product: `Báo cáo rà soát (${role})` }),
  },
  {
    name: 'POST /api/tasks/:id/progress (led by Văn phòng)',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlReportVanPhong,
    status: 200,
    url: () => `/api/tasks/${W.tasks.vanPhongLeads}/progress`,
    body: async (role) => ({ progress: 30, version: await version(W.tasks.vanPhongLeads), note: `Cập nhật của ${role}` }),
  },
  {
    name: 'POST /api/tasks/:id/progress (led by TT PVHCC)',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlReportHcc,
    status: 200,
    url: () => `/api/tasks/${W.tasks.hccLeads}/progress`,
    body: async (role) => ({ progress: 60, version: await version(W.tasks.hccLeads), note: `Cập nhật của ${role}` }),
  },
  {
    name: 'POST /api/tasks/:id/confirm',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlConfirm,
    status: 200,
    url: () => `/api/tasks/${W.tasks.vanPhongLeads}/confirm`,
    body: async () => ({ version: await reportedDone(W.tasks.vanPhongLeads) }),
  },
  {
    name: 'POST /api/tasks/:id/return',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlConfirm,
    status: 200,
    url: () => `/api/tasks/${W.tasks.hccLeads}/return`,
    body: async (role) => ({ version: await reportedDone(W.tasks.hccLeads), reason: `Thiếu sản phẩm (${role})` }),
  },
  {
    name: 'POST /api/tasks/:id/comments (Văn phòng coordinates)',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlReportVanPhong,
    status: 201,
    url: () => `/api/tasks/${W.tasks.vanPhongCoordinates}/comments`,
    body: (role) => ({ text: `Ý kiến của ${role}` }),
  },
  {
    name: 'POST /api/tasks/:id/comments (TT PVHCC leads)',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlReportHcc,
    status: 201,
    url: () => `/api/tasks/${W.tasks.hccLeads}/comments`,
    body: (role) => ({ text: `Ý kiến của ${role}` }),
  },

  // Files
  {
    name: 'POST /api/tasks/:id/files',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlReportVanPhong,
    status: 201,
    url: () => `/api/tasks/${W.tasks.vanPhongLeads}/files`,
    body: (role) => new Multipart(`bao-cao-${suffix(role)}.pdf`, tinyPdf(`Bao cao ${role}`), 'file', 'application/pdf'),
  },
  {
    name: 'GET /api/files/:id',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: (_role, s) => `/api/files/${s.fileId}`,
    check: (response, _role, s) => expect(response.rawPayload.equals(s.fileBytes)).toBe(true),
  },

  // Dashboard, audit
  {
    name: 'GET /api/dashboard',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/dashboard?communeId=${W.communes.tienLang}&asOf=${TEST_TODAY}`,
    check: (response) => expect(json<{ plan: { id: number } }>(response).plan.id).toBe(W.plans.tienLang),
  },
  {
    name: 'GET /api/audit',
    method: 'GET',
    scope: 'city',
    allow: ALLOW.audit,
    status: 200,
    url: () => '/api/audit?limit=50',
    check: (response, role) => {
      const communesSeen = new Set(json<{ communeId: number | null }[]>(response).map((e) => e.communeId));
      if (role !== 'admin') expect([...communesSeen]).toEqual([W.communes.tienLang]);
    },
  },

  // Calendar, time frames
  { name: 'GET /api/calendar/:year', method: 'GET', scope: 'city', allow: ALLOW.everyone, status: 200, url: () => '/api/calendar/2026' },
  {
    name: 'GET /api/calendar/working-days',
    method: 'GET',
    scope: 'city',
    allow: ALLOW.everyone,
    status: 200,
    url: () => '/api/calendar/working-days?from=2026-11-20&days=3',
  },
  {
    name: 'POST /api/calendar/overrides',
    method: 'POST',
    scope: 'city',
    allow: ALLOW.cityAdmin,
    status: 201,
    url: () => '/api/calendar/overrides',
    body: (role) => ({ date: `2031-03-${String(10 + ROLES.indexOf(role)).padStart(2, '0')}`, kind: 'day_off', note: `Thử (${role})` }),
  },
  {
    name: 'DELETE /api/calendar/overrides/:id',
    method: 'DELETE',
    scope: 'city',
    allow: ALLOW.cityAdmin,
    status: 204,
    url: async () => `/api/calendar/overrides/${await ensureOverride()}`,
  },
  {
    name: 'POST /api/timeframe/parse',
    method: 'POST',
    scope: 'city',
    allow: ALLOW.everyone,
    status: 200,
    url: () => '/api/timeframe/parse',
    readOnly: true,
    body: () => ({ text: 'Trước ngày 15 của tháng cuối quý', periodStart: '2026-01-01', periodEnd: '2026-12-31' }),
    check: (response) => expect(json<{ kind: string; occurrences: string[] }>(response)).toMatchObject({ kind: 'recurring', occurrences: expect.arrayContaining(['2026-12-15']) }),
  },

  // Another commune's objects (An Phong): the city sees them, Tiên Lãng's people do not.
  {
    name: 'GET /api/communes/:communeId/units (An Phong)',
    method: 'GET',
    scope: 'ap',
    allow: ['admin', 'sonoivu', 'daumoi.ap'],
    status: 200,
    url: () => `/api/communes/${W.communes.anPhong}/units`,
  },
  {
    name: 'GET /api/plans/:id (An Phong)',
    method: 'GET',
    scope: 'ap',
    allow: ['admin', 'sonoivu', 'daumoi.ap'],
    status: 200,
    url: (_role, s) => `/api/plans/${s.apPlanId}`,
  },
  {
    name: 'PATCH /api/plans/:id (An Phong)',
    method: 'PATCH',
    scope: 'ap',
    allow: ALLOW.apManagers,
    // The demo's plans are issued: the rights check passes, the plan's state refuses (changes go through amendments).
    status: 409,
    url: (_role, s) => `/api/plans/${s.apPlanId}`,
    body: (role) => ({ reportingRegime: `Báo cáo quý (${role})` }),
  },
  {
    name: 'GET /api/tasks/:id (An Phong)',
    method: 'GET',
    scope: 'ap',
    allow: ['admin', 'sonoivu', 'daumoi.ap'],
    status: 200,
    url: (_role, s) => `/api/tasks/${s.apTaskId}`,
  },
  {
    name: 'POST /api/tasks/:id/progress (An Phong)',
    method: 'POST',
    scope: 'ap',
    allow: ALLOW.apManagers,
    status: 200,
    url: (_role, s) => `/api/tasks/${s.apTaskId}/progress`,
    body: async (role, s) => ({ progress: 40, version: await version(s.apTaskId), note: `Cập nhật của ${role}` }),
  },
  {
    name: 'POST /api/tasks/:id/comments (An Phong)',
    method: 'POST',
    scope: 'ap',
    allow: ALLOW.apManagers,
    status: 201,
    url: (_role, s) => `/api/tasks/${s.apTaskId}/comments`,
    body: (role) => ({ text: `Ý kiến của ${role}` }),
  },
  {
    name: 'GET /api/dashboard (An Phong)',
    method: 'GET',
    scope: 'ap',
    allow: ['admin', 'sonoivu', 'daumoi.ap'],
    status: 200,
    url: () => `/api/dashboard?communeId=${W.communes.anPhong}&asOf=${TEST_TODAY}`,
  },
  {
    name: 'GET /api/users?communeId= (An Phong)',
    method: 'GET',
    scope: 'city',
    allow: ALLOW.tlAdmins,
    status: 200,
    url: () => `/api/users?communeId=${W.communes.anPhong}`,
    check: (response, role) => {
      const names = json<{ username: string }[]>(response).map((u) => u.username);
      // A commune's administrator never lists another commune's people.
      if (role === 'admin.tl') expect(names).toEqual([]);
      else expect(names).toContain('daumoi.ap');
    },
  },
];

const ERROR_CODE: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict' };

beforeAll(async () => {
  ctx = await createTestContext();
  await buildWorld();
  const admin = await ctx.login('admin');
  const create = async (body: Record<string, unknown>) => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload: body });
    expect(response.statusCode).toBe(201);
    return json<{ id: number }>(response).id;
  };
  await create({ username: 'admin.tl', fullName: 'Quản trị xã Tiên Lãng', role: 'admin', communeId: W.communes.tienLang, password: 'CaiCach#HanhChinh2026' });
  state.targetUserId = await create({
    username: 'matran.target',
    fullName: 'Người dùng để sửa',
    role: 'unit_staff',
    communeId: W.communes.tienLang,
    unitId: W.units.tramYTe,
    password: 'MatKhau@2026',
  });
  state.apPlanId = await scalar(sql`SELECT id FROM plans WHERE commune_id = ${W.communes.anPhong} ORDER BY id LIMIT 1`);
  state.apTaskId = await scalar(sql`SELECT id FROM tasks WHERE plan_id = ${state.apPlanId} ORDER BY id LIMIT 1`);
  // A file on the Văn phòng task to download.
  state.fileBytes = tinyPdf('Ket qua ra soat');
  const upload = await call(ctx, 'daumoi', 'POST', `/api/tasks/${W.tasks.vanPhongLeads}/files`, new Multipart('ket-qua.pdf', state.fileBytes, 'file', 'application/pdf'));
  expect(upload.statusCode).toBe(201);
  state.fileId = json<{ id: number }>(upload).id;
  // Sign everyone in once; the cookies are reused.
  for (const role of EVERYONE) await ctx.login(role);
});
afterAll(async () => ctx?.close());

describe('the built world is what the matrix assumes', () => {
  it('one task led by Văn phòng, one by TT PVHCC, one led by Công an with Văn phòng coordinating', async () => {
    const units = async (taskId: number) => {
      const rows = await ctx.db.execute(sql`SELECT unit_id, role FROM task_units WHERE task_id = ${taskId} ORDER BY role, unit_id`);
      return (rows.rows as { unit_id: number; role: string }[]).map((r) => `${r.role}:${r.unit_id}`);
    };
    expect(await units(W.tasks.vanPhongLeads)).toContain(`lead:${W.units.vanPhong}`);
    expect(await units(W.tasks.vanPhongLeads)).not.toContain(`lead:${W.units.hcc}`);
    expect(await units(W.tasks.hccLeads)).toContain(`lead:${W.units.hcc}`);
    expect(await units(W.tasks.hccLeads)).not.toContain(`lead:${W.units.vanPhong}`);
    expect(await units(W.tasks.hccLeads)).not.toContain(`coordinator:${W.units.vanPhong}`);
    expect(await units(W.tasks.vanPhongCoordinates)).toEqual([`coordinator:${W.units.vanPhong}`, `lead:${W.units.congAn}`]);
    expect(await scalar(sql`SELECT commune_id FROM tasks WHERE id = ${state.apTaskId}`)).toBe(W.communes.anPhong);
  });
});

for (const c of CASES) {
  describe(c.name, () => {
    for (const role of ROLES) {
      const want = expected(c.scope, c.allow, c.status, role);
      it(`${role} → ${want}`, async () => {
        const url = await c.url(role, state);
        const body = c.body ? await c.body(role, state) : undefined;
        const before = await fingerprint(ctx);
        const auditBefore = await lastAuditId(ctx);
        const response = await call(ctx, role === 'anonymous' ? null : role, c.method, url, body);
        expect(response.statusCode, response.body.slice(0, 300)).toBe(want);
        const after = await fingerprint(ctx);
        if (want >= 400) {
          const error = json<ApiError>(response).error;
          expect(error.code).toBe(ERROR_CODE[want]);
          expect(error.message).toMatch(/[ạ-ỹđĐàáâãèéêìíòóôõùúýăơư]/); // Vietnamese
          expect(after).toEqual(before);
          expect(await lastAuditId(ctx)).toBe(auditBefore);
        } else if (c.method === 'GET' || c.readOnly) {
          expect(after).toEqual(before);
          c.check?.(response, role, state);
        } else {
          expect(after).not.toEqual(before);
          c.check?.(response, role, state);
        }
      });
    }
  });
}
