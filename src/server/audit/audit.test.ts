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
  task: { number: number | null; content: string } | null;
  names: { units: Record<string, string>; people: Record<string, string>; communes: Record<string, string> };
}

let ctx: TestContext;
const W = { tienLang: 0, anPhong: 0, apPlan: 0, task: 0, builtUsers: 0, vanPhong: 0, hcc: 0, hccTask: 0 };
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
  const hcc = await buildUnit(ctx, tienLang, { name: 'Trung tâm Phục vụ hành chính công' });
  const hccTask = await buildTask(
    ctx,
    { plan: await buildPlan(ctx, tienLang, { status: 'draft' }) },
    { area: 3, lead: [hcc], number: 7, content: 'Số hóa hồ sơ thủ tục hành chính' },
  );
  const apPlan = await buildPlan(ctx, anPhong);
  await buildTask(ctx, { plan: apPlan });
  Object.assign(W, {
    tienLang: tienLang.id,
    anPhong: anPhong.id,
    apPlan: apPlan.id,
    task: task.id,
    builtUsers: people.length,
    vanPhong: vanPhong.id,
    hcc: hcc.id,
    hccTask: hccTask.id,
  });
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

  it('the inspector reads the commune’s log, read-only like the leader', async () => {
    const entries = await audit('kiemtra', '?limit=1000');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.communeId === W.tienLang)).toBe(true);
    expect(await audit('kiemtra', `?communeId=${W.anPhong}`)).toEqual([]);
  });

  it('names a task by its number and content, and filters by task, unit, person and day', async () => {
    const head = (await call(ctx, 'admin', 'GET', '/api/users').then((r) => json<{ id: number; username: string }[]>(r))).find((u) => u.username === 'truongvp');
    const vpTask = json<{ version: number }>(await call(ctx, 'truongvp', 'GET', `/api/tasks/${W.task}`));
    expect((await call(ctx, 'truongvp', 'POST', `/api/tasks/${W.task}/progress`, { progress: 60, note: 'Văn phòng cập nhật', version: vpTask.version })).statusCode).toBe(200);
    const hccTask = json<{ version: number }>(await call(ctx, 'daumoi', 'GET', `/api/tasks/${W.hccTask}`));
    expect((await call(ctx, 'daumoi', 'POST', `/api/tasks/${W.hccTask}/progress`, { progress: 10, version: hccTask.version })).statusCode).toBe(200);

    const byTask = await audit('kiemtra', `?taskId=${W.hccTask}`);
    expect(byTask.length).toBeGreaterThan(0);
    expect(byTask.every((e) => e.entity === 'task' && e.entityId === W.hccTask)).toBe(true);
    expect(byTask[0].task).toEqual({ number: 7, content: 'Số hóa hồ sơ thủ tục hành chính' });

    const byUnit = await audit('chutich', `?unitId=${W.hcc}&limit=1000`);
    expect(byUnit.some((e) => e.entityId === W.hccTask)).toBe(true);
    expect(byUnit.some((e) => e.entity === 'task' && e.entityId === W.task)).toBe(false);

    const byPerson = await audit('chutich', `?actorId=${head?.id}`);
    expect(byPerson.map((e) => [e.entityId, e.action, e.actor?.id])).toEqual([[W.task, 'progress', head?.id]]);

    // Today in Vietnam holds these entries; the day before holds none of them.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    expect((await audit('chutich', `?actorId=${head?.id}&from=${today}&to=${today}`)).length).toBe(1);
    expect(await audit('chutich', `?actorId=${head?.id}&to=${yesterday}`)).toEqual([]);
    expect((await call(ctx, 'chutich', 'GET', '/api/audit?from=31/12/2026')).statusCode).toBe(400);
  });

  it('names the units and people a change refers to, not their ids', async () => {
    const staff = json<{ id: number; username: string; fullName: string }[]>(await call(ctx, 'admin', 'GET', '/api/users')).find((u) => u.username === 'canbovp');
    const task = json<{ version: number }>(await call(ctx, 'daumoi', 'GET', `/api/tasks/${W.hccTask}`));
    const edit = { version: task.version, coordinatorUnitIds: [W.vanPhong], assigneeIds: [staff?.id] };
    expect((await call(ctx, 'daumoi', 'PATCH', `/api/tasks/${W.hccTask}`, edit)).statusCode).toBe(200);
    const [entry] = await audit('kiemtra', `?taskId=${W.hccTask}`);
    expect(entry.action).toBe('update');
    expect(entry.after).toMatchObject({ leadUnitIds: [W.hcc], coordinatorUnitIds: [W.vanPhong] });
    expect(entry.names.units).toEqual({ [W.hcc]: 'Trung tâm Phục vụ hành chính công', [W.vanPhong]: 'Văn phòng HĐND và UBND' });
    expect(entry.names.people).toEqual({ [String(staff?.id)]: staff?.fullName });
    // An entry without such fields names nothing.
    const [progress] = await audit('kiemtra', `?taskId=${W.hccTask}&limit=1000`).then((all) => all.filter((e) => e.action === 'progress'));
    expect(progress.names).toEqual({ units: {}, people: {}, communes: {} });
    // An entry about a unit names the unit itself.
    const renamed = await call(ctx, 'admin', 'PATCH', `/api/units/${W.hcc}`, { name: 'Trung tâm Phục vụ hành chính công xã' });
    expect(renamed.statusCode).toBe(200);
    const [unitEntry] = await audit('chutich', `?entity=unit&entityId=${W.hcc}`);
    expect(unitEntry.names.units).toEqual({ [W.hcc]: 'Trung tâm Phục vụ hành chính công xã' });
    // And one about the commune (its reminder rules) names the commune.
    const url = `/api/communes/${W.tienLang}/reminder-settings`;
    const { canEdit: _canEdit, ...rules } = json<Record<string, unknown>>(await call(ctx, 'daumoi', 'GET', url));
    expect((await call(ctx, 'daumoi', 'PUT', url, { ...rules, weeklyDay: 2 })).statusCode).toBe(200);
    const communeName = json<{ id: number; name: string }[]>(await call(ctx, 'chutich', 'GET', '/api/communes')).find((c) => c.id === W.tienLang)?.name;
    const [communeEntry] = await audit('chutich', `?entity=commune&entityId=${W.tienLang}`);
    expect(communeEntry.action).toBe('reminder_settings');
    expect(communeEntry.names.communes).toEqual({ [W.tienLang]: communeName });
  });

  it('is hidden from everyone else: 403 in Vietnamese', async () => {
    for (const user of ['canbovp', 'truongvp', 'daumoi', 'sonoivu', 'daumoi.ap']) {
      const response = await call(ctx, user, 'GET', '/api/audit');
      expect(response.statusCode, user).toBe(403);
      expect(json<ApiError>(response).error).toMatchObject({ code: 'forbidden', message: 'Bạn không có quyền thực hiện thao tác này.' });
    }
    expect((await call(ctx, null, 'GET', '/api/audit')).statusCode).toBe(401);
  });
});
