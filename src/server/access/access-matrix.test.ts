/**
 * Every route of docs/api.md × every role: the expected answer, and for every
 * refused request proof that nothing changed (the whole database and the upload
 * folder have the same fingerprint, and the audit log has no new entry).
 * Allowed writes must change something; reads never do.
 *
 * Roles: anonymous, the demo's people, and one extra commune-level administrator
 * of Tiên Lãng ("admin.tl", created here) so commune-scoped administration is covered.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { call, DEMO, fingerprint, lastAuditId, type Method, Multipart, tinyPdf, type ApiError } from '../test/factories';

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
  audit: ['admin', 'admin.tl', 'chutich'] as Who[],
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

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const result = await ctx.db.execute(query);
  return Number(Object.values(result.rows[0] as Record<string, unknown>)[0]);
}

const version = (taskId: number) => scalar(sql`SELECT version FROM tasks WHERE id = ${taskId}`);
const suffix = (role: Role) => role.replace(/[^a-z]/g, '');

/** Ensures a row exists and returns its id, so a delete has something to delete for every role. */
async function ensureAlias(): Promise<number> {
  await ctx.db.execute(
    sql`INSERT INTO unit_aliases (commune_id, unit_id, alias, alias_key) VALUES (1, ${DEMO.units.tramYTe}, 'Trạm xá thử', 'tram xa thu') ON CONFLICT DO NOTHING`,
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
  leadUnitIds: [DEMO.units.vanPhong],
  coordinatorUnitIds: [DEMO.units.hcc],
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
      if (role === 'admin' || role === 'sonoivu') expect(ids).toEqual(expect.arrayContaining([1, 2, 3]));
      else if (role === 'daumoi.ap') expect(ids).toEqual([DEMO.communes.anPhong]);
      else expect(ids).toEqual([DEMO.communes.tienLang]);
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
    url: () => `/api/communes/${DEMO.communes.tienLang}`,
    body: () => ({ dueSoonDays: 7 }),
  },

  // Units and aliases
  {
    name: 'GET /api/communes/:communeId/units',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/communes/${DEMO.communes.tienLang}/units`,
  },
  {
    name: 'POST /api/communes/:communeId/units',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 201,
    url: () => `/api/communes/${DEMO.communes.tienLang}/units`,
    body: (role) => ({ name: `Tổ công tác thử ${role}` }),
  },
  {
    name: 'PATCH /api/units/:id',
    method: 'PATCH',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 200,
    url: () => `/api/units/${DEMO.units.tramYTe}`,
    body: (role) => ({ shortName: `TYT ${role}` }),
  },
  {
    name: 'POST /api/units/:id/aliases',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlAdmins,
    status: 201,
    url: () => `/api/units/${DEMO.units.tramYTe}/aliases`,
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
      if (role === 'admin.tl') expect([...communesSeen]).toEqual([DEMO.communes.tienLang]);
      else expect(communesSeen.has(DEMO.communes.anPhong)).toBe(true);
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
      communeId: DEMO.communes.tienLang,
      unitId: DEMO.units.vanPhong,
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
    url: () => `/api/plans?communeId=${DEMO.communes.tienLang}`,
    check: (response, role) => {
      const ids = json<{ id: number }[]>(response).map((p) => p.id);
      if (role === 'daumoi.ap') expect(ids).toEqual([]);
      else expect(ids).toContain(DEMO.plans.tienLang);
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
      communeId: DEMO.communes.tienLang,
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
    url: () => `/api/plans/${DEMO.plans.tienLang}`,
  },
  {
    name: 'PATCH /api/plans/:id',
    method: 'PATCH',
    scope: 'tl',
    allow: ALLOW.tlManagers,
    status: 200,
    url: () => `/api/plans/${DEMO.plans.tienLang}`,
    body: (role) => ({ reportingRegime: `Báo cáo quý (${role})` }),
  },
  {
    name: 'GET /api/plans/:id/tasks',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/plans/${DEMO.plans.tienLang}/tasks?asOf=${TEST_TODAY}`,
  },
  {
    name: 'POST /api/plans/:id/tasks',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlManagers,
    status: 201,
    url: () => `/api/plans/${DEMO.plans.tienLang}/tasks`,
    body: (role) => taskInput(role),
  },
  {
    name: 'GET /api/plans/:id/export.xlsx',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/plans/${DEMO.plans.tienLang}/export.xlsx`,
    check: (response) => expect(response.headers['content-type']).toContain('spreadsheetml'),
  },

  // Tasks
  {
    name: 'GET /api/tasks',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => `/api/tasks?communeId=${DEMO.communes.tienLang}&asOf=${TEST_TODAY}`,
  },
  {
    name: 'POST /api/tasks (city-assigned)',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlManagers,
    status: 201,
    url: () => '/api/tasks',
    body: (role) => ({ ...taskInput(role), communeId: DEMO.communes.tienLang, origin: 'city_assigned', sourceDocument: 'Công văn số 99/UBND-NC' }),
  },
  {
    name: 'GET /api/tasks/:id',
    method: 'GET',
    scope: 'tl',
    allow: [...ALLOW.tlAdmins, 'sonoivu', ...TIEN_LANG_PEOPLE],
    status: 200,
    url: () => '/api/tasks/9',
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
    status: 200,
    url: () => '/api/tasks/9',
    body: async (role) => ({ version: await version(9), product: `Báo cáo rà soát (${role})` }),
  },
  {
    name: 'POST /api/tasks/:id/progress (led by Văn phòng)',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlReportVanPhong,
    status: 200,
    url: () => '/api/tasks/9/progress',
    body: async (role) => ({ progress: 30, version: await version(9), note: `Cập nhật của ${role}` }),
  },
  {
    name: 'POST /api/tasks/:id/progress (led by TT PVHCC)',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlReportHcc,
    status: 200,
    url: () => '/api/tasks/21/progress',
    body: async (role) => ({ progress: 60, version: await version(21), note: `Cập nhật của ${role}` }),
  },
  {
    name: 'POST /api/tasks/:id/comments (Văn phòng coordinates)',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlReportVanPhong,
    status: 201,
    url: () => '/api/tasks/34/comments',
    body: (role) => ({ text: `Ý kiến của ${role}` }),
  },
  {
    name: 'POST /api/tasks/:id/comments (TT PVHCC leads)',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlReportHcc,
    status: 201,
    url: () => '/api/tasks/21/comments',
    body: (role) => ({ text: `Ý kiến của ${role}` }),
  },

  // Files
  {
    name: 'POST /api/tasks/:id/files',
    method: 'POST',
    scope: 'tl',
    allow: ALLOW.tlReportVanPhong,
    status: 201,
    url: () => '/api/tasks/9/files',
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
    url: () => `/api/dashboard?communeId=${DEMO.communes.tienLang}&asOf=${TEST_TODAY}`,
    check: (response) => expect(json<{ plan: { id: number } }>(response).plan.id).toBe(DEMO.plans.tienLang),
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
      if (role !== 'admin') expect([...communesSeen]).toEqual([DEMO.communes.tienLang]);
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
    url: () => `/api/communes/${DEMO.communes.anPhong}/units`,
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
    status: 200,
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
    url: () => `/api/dashboard?communeId=${DEMO.communes.anPhong}&asOf=${TEST_TODAY}`,
  },
  {
    name: 'GET /api/users?communeId= (An Phong)',
    method: 'GET',
    scope: 'city',
    allow: ALLOW.tlAdmins,
    status: 200,
    url: () => `/api/users?communeId=${DEMO.communes.anPhong}`,
    check: (response, role) => {
      const names = json<{ username: string }[]>(response).map((u) => u.username);
      // A commune's administrator never lists another commune's people.
      if (role === 'admin.tl') expect(names).toEqual([]);
      else expect(names).toContain('daumoi.ap');
    },
  },
];

const ERROR_CODE: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' };

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await ctx.login('admin');
  const create = async (body: Record<string, unknown>) => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload: body });
    expect(response.statusCode).toBe(201);
    return json<{ id: number }>(response).id;
  };
  await create({ username: 'admin.tl', fullName: 'Quản trị xã Tiên Lãng', role: 'admin', communeId: DEMO.communes.tienLang, password: 'CaiCach#HanhChinh2026' });
  state.targetUserId = await create({
    username: 'matran.target',
    fullName: 'Người dùng để sửa',
    role: 'unit_staff',
    communeId: DEMO.communes.tienLang,
    unitId: DEMO.units.tramYTe,
    password: 'MatKhau@2026',
  });
  state.apPlanId = await scalar(sql`SELECT id FROM plans WHERE commune_id = ${DEMO.communes.anPhong} ORDER BY id LIMIT 1`);
  state.apTaskId = await scalar(sql`SELECT id FROM tasks WHERE plan_id = ${state.apPlanId} ORDER BY id LIMIT 1`);
  // A file on task 9 to download.
  state.fileBytes = tinyPdf('Ket qua ra soat');
  const upload = await call(ctx, 'daumoi', 'POST', '/api/tasks/9/files', new Multipart('ket-qua.pdf', state.fileBytes, 'file', 'application/pdf'));
  expect(upload.statusCode).toBe(201);
  state.fileId = json<{ id: number }>(upload).id;
  // Sign everyone in once; the cookies are reused.
  for (const role of EVERYONE) await ctx.login(role);
});
afterAll(async () => ctx?.close());

describe('the demo is what the matrix assumes', () => {
  it('task 9 is led by Văn phòng, task 21 by TT PVHCC, task 34 is led by Công an with Văn phòng coordinating', async () => {
    const units = async (taskId: number) => {
      const rows = await ctx.db.execute(sql`SELECT unit_id, role FROM task_units WHERE task_id = ${taskId} ORDER BY role, unit_id`);
      return (rows.rows as { unit_id: number; role: string }[]).map((r) => `${r.role}:${r.unit_id}`);
    };
    expect(await units(9)).toContain(`lead:${DEMO.units.vanPhong}`);
    expect(await units(9)).not.toContain(`lead:${DEMO.units.hcc}`);
    expect(await units(21)).toContain(`lead:${DEMO.units.hcc}`);
    expect(await units(21)).not.toContain(`lead:${DEMO.units.vanPhong}`);
    expect(await units(21)).not.toContain(`coordinator:${DEMO.units.vanPhong}`);
    expect(await units(34)).toEqual([`coordinator:${DEMO.units.vanPhong}`, `lead:${DEMO.units.congAn}`]);
    expect(await scalar(sql`SELECT commune_id FROM tasks WHERE id = ${state.apTaskId}`)).toBe(DEMO.communes.anPhong);
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
