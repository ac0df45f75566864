import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCityRequest, TCityRequestList, TNotificationList } from '../../contract';
import { createTestContext, json, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call } from '../test/factories';

let ctx: TestContext;
let reviewer: BuiltUser;
let otherReviewer: BuiltUser;
let coordinator: BuiltUser;
let leader: BuiltUser;
let unitStaff: BuiltUser;
let neighbourCoordinator: BuiltUser;
let commune: Awaited<ReturnType<typeof buildCommune>>;
let lateTaskId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await buildCommune(ctx, { name: 'Xã Đôn Đốc' });
  const city = { id: commune.cityId };
  const neighbour = await buildCommune(ctx, { name: 'Xã Bên Cạnh', city });
  reviewer = await buildUser(ctx, { role: 'city_reviewer', city });
  otherReviewer = await buildUser(ctx, { role: 'city_reviewer' });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  leader = await buildUser(ctx, { role: 'leader', commune });
  const unit = await buildUnit(ctx, commune);
  unitStaff = await buildUser(ctx, { role: 'unit_staff', commune, unit });
  neighbourCoordinator = await buildUser(ctx, { role: 'coordinator', commune: neighbour });
  const plan = await buildPlan(ctx, commune);
  lateTaskId = (await buildTask(ctx, { plan }, { lead: [unit], timeframeText: 'Tháng 9/2026', content: 'Rà soát thủ tục hành chính' })).id;
});
afterAll(async () => ctx?.close());

const send = (user: string, body: Record<string, unknown>) => call(ctx, user, 'POST', '/api/city/requests', body);
const bell = async (user: string) => json<TNotificationList>(await call(ctx, user, 'GET', '/api/notifications'));

describe('requests from the city to a commune (đôn đốc)', () => {
  let sent: TCityRequest;

  it('a city reviewer sends one about a late task; the coordinator and the leader are told, unit staff are not', async () => {
    const response = await send(reviewer.username, { communeId: commune.id, taskId: lateTaskId, message: 'Đề nghị xã báo cáo tiến độ trước thứ Sáu.' });
    expect(response.statusCode, response.body).toBe(201);
    sent = json<TCityRequest>(response);
    expect(sent).toMatchObject({ communeId: commune.id, taskId: lateTaskId, periodId: null, status: 'open', answer: null, canAnswer: false });
    for (const user of [coordinator, leader]) {
      const notices = await bell(user.username);
      expect(notices.items.find((n) => n.rule === 'city_request')).toMatchObject({ taskId: lateTaskId, readAt: null });
      expect(notices.items[0].title).toContain('Rà soát thủ tục hành chính');
      expect(notices.items[0].body).toContain('Đề nghị xã báo cáo tiến độ trước thứ Sáu.');
    }
    expect((await bell(unitStaff.username)).items.filter((n) => n.rule === 'city_request')).toEqual([]);
    expect((await bell(neighbourCoordinator.username)).items.filter((n) => n.rule === 'city_request')).toEqual([]);
  });

  it('stays on the task’s history, open, and the coordinator may answer it', async () => {
    const list = json<TCityRequestList>(await call(ctx, coordinator.username, 'GET', `/api/communes/${commune.id}/city-requests?taskId=${lateTaskId}`));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: sent.id, status: 'open', canAnswer: true, sentBy: { id: reviewer.id } });
    const open = json<TCityRequestList>(await call(ctx, reviewer.username, 'GET', `/api/communes/${commune.id}/city-requests?open=true`));
    expect(open.items.map((r) => r.id)).toEqual([sent.id]);
  });

  it('a commune user cannot send one; another city’s reviewer does not find the commune', async () => {
    expect((await send(coordinator.username, { communeId: commune.id, message: 'Thử' })).statusCode).toBe(403);
    expect((await send(otherReviewer.username, { communeId: commune.id, taskId: lateTaskId, message: 'Thử' })).statusCode).toBe(404);
    expect((await call(ctx, otherReviewer.username, 'GET', `/api/communes/${commune.id}/city-requests`)).statusCode).toBe(404);
    // A task of another commune is not this commune's: not found, nothing recorded.
    expect((await send(reviewer.username, { communeId: neighbourCoordinator.communeId, taskId: lateTaskId, message: 'Thử' })).statusCode).toBe(404);
  });

  it('refuses an empty message with a Vietnamese one', async () => {
    const response = await send(reviewer.username, { communeId: commune.id, message: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Vui lòng nhập nội dung đôn đốc');
  });

  it('only the commune’s coordinator or leader answers, once; then it is answered for the city too', async () => {
    const url = `/api/communes/${commune.id}/city-requests/${sent.id}/answer`;
    expect((await call(ctx, unitStaff.username, 'POST', url, { answer: 'Đã xong' })).statusCode).toBe(403);
    expect((await call(ctx, reviewer.username, 'POST', url, { answer: 'Đã xong' })).statusCode).toBe(403);
    const response = await call(ctx, coordinator.username, 'POST', url, { answer: 'Xã đã hoàn thành rà soát, sẽ gửi sản phẩm ngày 25/11.' });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<TCityRequest>(response)).toMatchObject({ status: 'answered', answeredBy: { id: coordinator.id }, canAnswer: false });
    expect((await call(ctx, leader.username, 'POST', url, { answer: 'Lần hai' })).statusCode).toBe(409);
    const list = json<TCityRequestList>(await call(ctx, reviewer.username, 'GET', `/api/communes/${commune.id}/city-requests`));
    expect(list.items[0]).toMatchObject({ status: 'answered', answer: 'Xã đã hoàn thành rà soát, sẽ gửi sản phẩm ngày 25/11.' });
    expect(json<TCityRequestList>(await call(ctx, reviewer.username, 'GET', `/api/communes/${commune.id}/city-requests?open=true`)).items).toEqual([]);
  });

  it('a request about the commune’s work as a whole reaches its leader too, and is audited', async () => {
    const response = await send(reviewer.username, { communeId: commune.id, message: 'Đề nghị xã rà soát các nhiệm vụ quá hạn.' });
    expect(response.statusCode, response.body).toBe(201);
    const notices = await bell(leader.username);
    expect(notices.items.filter((n) => n.rule === 'city_request')).toHaveLength(2);
    const { rows } = await ctx.pool.query("SELECT action FROM audit_log WHERE entity = 'city_request' ORDER BY id");
    expect(rows.map((r) => r.action)).toEqual(['request', 'answer', 'request']);
  });

  it('one about a missing commune report names the period and stays open for its coordinator and leader; never two subjects at once', async () => {
    const plan = await buildPlan(ctx, commune, { period: { start: '2025-01-01', end: '2025-12-31' } });
    const { rows: templates } = await ctx.pool.query("INSERT INTO report_templates (city_id, key, version, name, body) VALUES ($1, 'mau-thu', 1, 'Mẫu thử', '{}') RETURNING id", [
      commune.cityId,
    ]);
    const { rows: periods } = await ctx.pool.query(
      `INSERT INTO report_periods (commune_id, plan_id, code, kind, label, window_start, window_end, unit_deadline, commune_deadline, template_id)
       VALUES ($1, $2, '2025-Q3', 'quarter', 'Quý III/2025', '2025-07-01', '2025-09-30', '2025-10-05', '2025-10-10', $3) RETURNING id`,
      [commune.id, plan.id, templates[0].id],
    );
    const periodId = Number(periods[0].id);
    expect((await send(reviewer.username, { communeId: commune.id, taskId: lateTaskId, periodId, message: 'Thử' })).statusCode).toBe(400);
    const response = await send(reviewer.username, { communeId: commune.id, periodId, message: 'Xã chưa gửi báo cáo quý III.' });
    expect(response.statusCode, response.body).toBe(201);
    const notice = (await bell(coordinator.username)).items.find((n) => n.periodId === periodId);
    expect(notice).toMatchObject({ rule: 'city_request', taskId: null });
    expect(notice?.title).toContain('quý III/2025');
    const list = json<TCityRequestList>(await call(ctx, leader.username, 'GET', `/api/communes/${commune.id}/city-requests?periodId=${periodId}`));
    expect(list.items.map((r) => [r.periodId, r.status, r.canAnswer])).toEqual([[periodId, 'open', true]]);
  });
});
