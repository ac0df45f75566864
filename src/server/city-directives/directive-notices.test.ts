import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCityDirectiveDetail, TNotification, TNotificationList } from '../../contract';
import type { Clock } from '../clock';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildUnit, buildUser, call } from '../test/factories';

type Commune = Awaited<ReturnType<typeof buildCommune>>;

// A clock the test moves on: a notice is once per task, day and person.
let today = TEST_TODAY;
const clock: Clock = { today: () => today, now: () => new Date(`${today}T09:00:00+07:00`) };

let ctx: TestContext;
let reviewer: BuiltUser;
let a: Commune;
let b: Commune;
let c: Commune;
const answerers = new Map<number, BuiltUser[]>();
let staffA: BuiltUser;

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  a = await buildCommune(ctx, { name: 'Xã An Thông Báo' });
  const city = { id: a.cityId };
  b = await buildCommune(ctx, { name: 'Xã Bình Thông Báo', city });
  c = await buildCommune(ctx, { name: 'Xã Cẩm Thông Báo', city });
  reviewer = await buildUser(ctx, { role: 'city_reviewer', city });
  for (const commune of [a, b, c]) {
    await buildUnit(ctx, commune, { name: 'Phòng Văn hóa - Xã hội', isCoordinator: true });
    answerers.set(commune.id, [
      await buildUser(ctx, { role: 'coordinator', commune, email: `dau-moi-${commune.id}@example.vn` }),
      await buildUser(ctx, { role: 'leader', commune }),
    ]);
  }
  staffA = await buildUser(ctx, { role: 'unit_staff', commune: a, unit: await buildUnit(ctx, a, { name: 'Văn phòng HĐND và UBND' }) });
});
afterAll(async () => ctx?.close());

const notices = async (user: BuiltUser): Promise<TNotification[]> =>
  json<TNotificationList>(await call(ctx, user.username, 'GET', '/api/notifications')).items.filter((n) => n.rule === 'city_directive');
const of = (commune: Commune) => answerers.get(commune.id) ?? [];
const patch = async (id: number, body: Record<string, unknown>) => {
  const current = json<TCityDirectiveDetail>(await call(ctx, reviewer.username, 'GET', `/api/city/directives/${id}`));
  const response = await call(ctx, reviewer.username, 'PATCH', `/api/city/directives/${id}`, { ...body, version: current.version });
  expect(response.statusCode, response.body).toBe(200);
};

describe('a city directive is announced to each commune it reaches', () => {
  let issued: TCityDirectiveDetail;

  it('issued to two communes: each one’s coordinator and leader are told once, in the bell and by e-mail; nobody else', async () => {
    const response = await call(ctx, reviewer.username, 'POST', '/api/city/directives', {
      number: '2150/SNV-CCHC',
      issuedOn: '2026-11-16',
      area: 1,
      content: 'Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm 2026',
      deadline: '2026-12-10',
      product: 'Báo cáo và biểu chấm điểm',
      communes: [a.id, b.id],
    });
    expect(response.statusCode, response.body).toBe(201);
    issued = json<TCityDirectiveDetail>(response);
    for (const commune of [a, b]) {
      const taskId = issued.communes.find((r) => r.communeId === commune.id)?.taskId;
      for (const user of of(commune)) {
        const mine = await notices(user);
        expect(mine).toHaveLength(1);
        expect(mine[0]).toMatchObject({ taskId, occurrenceDue: TEST_TODAY, readAt: null });
        expect(mine[0].title).toBe('Thành phố giao nhiệm vụ: Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm 2026');
        expect(mine[0].body).toContain('Văn bản số 2150/SNV-CCHC ngày 16/11/2026');
        expect(mine[0].body).toContain('Trước ngày 10/12/2026');
        expect(mine[0].body).toContain('Sản phẩm: Báo cáo và biểu chấm điểm.');
      }
    }
    for (const user of [...of(c), staffA]) expect(await notices(user)).toEqual([]);
    // The e-mail is claimed for the mail pass: only the coordinators have an address.
    const { rows } = await ctx.pool.query("SELECT recipient_id FROM reminder_deliveries WHERE rule = 'city_directive' AND channel = 'email' ORDER BY recipient_id");
    expect(rows.map((r) => r.recipient_id)).toEqual([of(a)[0].id, of(b)[0].id]);
  });

  it('a change the same day is not announced again; a new deadline the next day is, once however often it changes', async () => {
    await patch(issued.id, { content: 'Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026' });
    for (const user of [...of(a), ...of(b)]) expect(await notices(user)).toHaveLength(1);

    today = '2026-11-24';
    await patch(issued.id, { deadline: '2026-12-15' });
    await patch(issued.id, { deadline: '2026-12-18' });
    for (const user of [...of(a), ...of(b)]) {
      const [changed] = await notices(user);
      expect(await notices(user)).toHaveLength(2);
      expect(changed).toMatchObject({ occurrenceDue: '2026-11-24' });
      expect(changed.title).toBe('Thành phố điều chỉnh nhiệm vụ: Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026');
      expect(changed.body).toContain('Trước ngày 15/12/2026');
    }
    // Only the area changing tells no one: the commune's work is the same.
    today = '2026-11-25';
    await patch(issued.id, { area: 2 });
    for (const user of of(a)) expect(await notices(user)).toHaveLength(2);
  });

  it('given later to a third commune: only that commune is told', async () => {
    const response = await call(ctx, reviewer.username, 'POST', `/api/city/directives/${issued.id}/communes`, { communes: [c.id] });
    expect(response.statusCode, response.body).toBeLessThan(300);
    for (const user of of(c)) expect(await notices(user)).toHaveLength(1);
    for (const user of [...of(a), ...of(b)]) expect(await notices(user)).toHaveLength(2);
    expect(await notices(staffA)).toEqual([]);
  });
});
