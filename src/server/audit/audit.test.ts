import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../test/context';
import { type ApiError, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call } from '../test/factories';

interface AuditEntry {
  id: number;
  at: string;
  actor: { id: number; fullName: string } | null;
  communeId: number | null;
  entity: string;
  entityId: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

let ctx: TestContext;
const W = { tienLang: 0, anPhong: 0, apPlan: 0, task: 0, builtUsers: 0 };
beforeAll(async () => {
  ctx = await createTestContext();
  const tienLang = await buildCommune(ctx);
  const city = { id: tienLang.cityId };
  const anPhong = await buildCommune(ctx, { city });
  const vanPhong = await buildUnit(ctx, tienLang, { name: 'Văn phòng HĐND và UBND' });
  const people = [
    { username: 'admin', role: 'admin', city, fullName: 'Nguyễn Văn Quản' },
    { username: 'sonoivu', role: 'city_reviewer', city },
    { username: 'chutich', role: 'leader', commune: tienLang },
    { username: 'daumoi', role: 'coordinator', commune: tienLang, fullName: 'Lê Thị Cải' },
    { username: 'truongvp', role: 'unit_head', commune: tienLang, unit: vanPhong },
    { username: 'canbovp', role: 'unit_staff', commune: tienLang, unit: vanPhong },
    { username: 'kiemtra', role: 'inspector', commune: tienLang, title: 'Thành viên Đoàn kiểm tra CCHC' },
    { username: 'daumoi.ap', role: 'coordinator', commune: anPhong },
  ] as const;
  for (const person of people) await buildUser(ctx, person);
  const task = await buildTask(ctx, { plan: await buildPlan(ctx, tienLang, { status: 'draft' }) }, { area: 2, lead: [vanPhong], product: 'Báo cáo' });
  const apPlan = await buildPlan(ctx, anPhong);
  await buildTask(ctx, { plan: apPlan });
  Object.assign(W, { tienLang: tienLang.id, anPhong: anPhong.id, apPlan: apPlan.id, task: task.id, builtUsers: people.length });
});
afterAll(async () => ctx?.close());

const audit = async (user: string, query = '') => {
  const response = await call(ctx, user, 'GET', `/api/audit${query}`);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  return json<AuditEntry[]>(response);
};

describe('the audit log', () => {
  it('keeps before and after of a task edit, with who did it', async () => {
    const task = json<{ version: number; content: string; product: string }>(await call(ctx, 'daumoi', 'GET', `/api/tasks/${W.task}`));
    const response = await call(ctx, 'daumoi', 'PATCH', `/api/tasks/${W.task}`, { version: task.version, product: 'Báo cáo tham gia tập huấn', area: 5 });
    expect(response.statusCode).toBe(200);
    const [entry] = await audit('chutich', `?entity=task&entityId=${W.task}`);
    expect(entry).toMatchObject({ entity: 'task', entityId: W.task, action: 'update', communeId: W.tienLang, actor: { fullName: 'Lê Thị Cải' } });
    expect(entry.before).toMatchObject({ area: 2, product: task.product, content: task.content });
    expect(entry.after).toMatchObject({ area: 5, product: 'Báo cáo tham gia tập huấn', content: task.content });
    expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps before and after of a user edit', async () => {
    const users = json<{ id: number; username: string }[]>(await call(ctx, 'admin', 'GET', '/api/users'));
    const id = users.find((u) => u.username === 'kiemtra')?.id as number;
    const response = await call(ctx, 'admin', 'PATCH', `/api/users/${id}`, { title: 'Trưởng Đoàn kiểm tra CCHC' });
    expect(response.statusCode).toBe(200);
    const [entry] = await audit('admin', `?entity=user&entityId=${id}`);
    expect(entry).toMatchObject({ entity: 'user', action: 'update', actor: { fullName: 'Nguyễn Văn Quản' } });
    expect(entry.before).toMatchObject({ username: 'kiemtra', title: 'Thành viên Đoàn kiểm tra CCHC' });
    expect(entry.after).toMatchObject({ username: 'kiemtra', title: 'Trưởng Đoàn kiểm tra CCHC' });
    expect(entry.before).not.toHaveProperty('passwordHash');
  });

  it('lists newest first, filtered by entity, limited', async () => {
    const three = await audit('admin', '?limit=3');
    expect(three).toHaveLength(3);
    expect(three.map((e) => e.id)).toEqual([...three.map((e) => e.id)].sort((a, b) => b - a));
    const users = await audit('admin', '?entity=user');
    expect(users.length).toBeGreaterThanOrEqual(W.builtUsers);
    expect(users.every((e) => e.entity === 'user')).toBe(true);
    // Users written without a signed-in person (factories, the demo, the CLI) have no actor.
    expect(users.some((e) => e.actor === null && e.action === 'create')).toBe(true);
    expect((await call(ctx, 'admin', 'GET', '/api/audit?entity=session')).statusCode).toBe(400);
    expect((await call(ctx, 'admin', 'GET', '/api/audit?limit=0')).statusCode).toBe(400);
  });

  it('a leader sees only the own commune’s entries; the city administrator sees all', async () => {
    const apTask = json<{ id: number; version: number }[]>(await call(ctx, 'daumoi.ap', 'GET', `/api/plans/${W.apPlan}/tasks`))[0];
    const progress = await call(ctx, 'daumoi.ap', 'POST', `/api/tasks/${apTask.id}/progress`, { progress: 20, note: 'An Phong cập nhật', version: apTask.version });
    expect(progress.statusCode).toBe(200);

    const cityWide = await audit('admin', '?entity=task&limit=1000');
    expect(cityWide.some((e) => e.entityId === apTask.id && e.action === 'progress' && e.communeId === W.anPhong)).toBe(true);
    const leader = await audit('chutich', '?limit=1000');
    expect(leader.length).toBeGreaterThan(0);
    expect(leader.every((e) => e.communeId === W.tienLang)).toBe(true);
    // Asking for another commune gives nothing rather than its entries.
    expect(await audit('chutich', `?communeId=${W.anPhong}`)).toEqual([]);
    const filtered = await audit('admin', `?communeId=${W.anPhong}&limit=1000`);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((e) => e.communeId === W.anPhong)).toBe(true);
  });

  it('is hidden from everyone else: 403 in Vietnamese', async () => {
    for (const user of ['canbovp', 'truongvp', 'daumoi', 'kiemtra', 'sonoivu', 'daumoi.ap']) {
      const response = await call(ctx, user, 'GET', '/api/audit');
      expect(response.statusCode, user).toBe(403);
      expect(json<ApiError>(response).error).toMatchObject({ code: 'forbidden', message: 'Bạn không có quyền thực hiện thao tác này.' });
    }
    expect((await call(ctx, null, 'GET', '/api/audit')).statusCode).toBe(401);
  });
});
