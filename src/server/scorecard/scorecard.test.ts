import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_CSV_HEADER } from '../../domain/indicators';
import { createTestContext, json, type TestContext } from '../test/context';
import { type BuiltUser, buildCity, buildCommune, buildPlan, buildUser, call, Multipart } from '../test/factories';

let ctx: TestContext;
let PLAN: number;
let COMMUNE: number;
const who = {} as Record<'coordinator' | 'staff' | 'reviewer' | 'otherCoordinator', BuiltUser>;
beforeAll(async () => {
  ctx = await createTestContext();
  const city = await buildCity(ctx);
  const commune = await buildCommune(ctx, { city });
  COMMUNE = commune.id;
  const plan = await buildPlan(ctx, commune, {
    targets: [
      { text: 'Vượt chỉ tiêu thu ngân sách năm 2026 được thành phố giao.', comparator: null, value: null, unit: null },
      { text: 'Hoàn thành 100% nhiệm vụ được Ủy ban nhân dân thành phố giao bảo đảm tiến độ, chất lượng.', comparator: '=', value: 100, unit: '%' },
      {
        text: 'Mức độ hài lòng của người dân và doanh nghiệp về giải quyết thủ tục hành chính đạt tối thiểu 90%.',
        comparator: '>=',
        value: 90,
        unit: '%',
      },
    ],
  });
  PLAN = plan.id;
  who.coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  who.staff = await buildUser(ctx, { role: 'unit_staff', commune });
  who.reviewer = await buildUser(ctx, { role: 'city_reviewer', city });
  who.otherCoordinator = await buildUser(ctx, { role: 'coordinator', commune: await buildCommune(ctx, { city }) });
});
afterAll(async () => ctx.close());

interface Card {
  targets: Array<{
    id: number;
    text: string;
    comparator: string | null;
    value: number | null;
    source: string;
    indicatorKey: string | null;
    actual: number | null;
    status: string;
    trend: Array<{ month: string; actual: number | null }>;
  }>;
}

const card = async (username = who.coordinator.username) => json<Card>(await call(ctx, username, 'GET', `/api/plans/${PLAN}/scorecard?asOf=2026-02-28`));

const rows = [
  // January: two finished on time, one late; ratings 2 satisfied of 3
  'A1,1.1,Chứng thực,Chứng thực,Một cửa,Trực tuyến toàn trình,05/01/2026 08:00,08/01/2026 17:00,08/01/2026 17:00,Đã giải quyết,Có,Có,Có,Có,Rất hài lòng',
  'A2,1.1,Chứng thực,Chứng thực,Một cửa,Trực tiếp,06/01/2026 08:00,09/01/2026 17:00,09/01/2026 10:00,Đã giải quyết,Không,,Có,Có,Hài lòng',
  'A3,1.1,Chứng thực,Chứng thực,Một cửa,Trực tiếp,07/01/2026 08:00,09/01/2026 17:00,12/01/2026 08:00,Đã giải quyết,Không,,Có,Có,Không hài lòng',
  // February: one finished on time, unrated
  'A4,1.1,Chứng thực,Chứng thực,Một cửa,Trực tuyến một phần,02/02/2026 08:00,05/02/2026 17:00,04/02/2026 10:00,Đã giải quyết,Không,,Có,Có,',
];

describe('targets scorecard', () => {
  it('fills a dossier target from uploaded dossiers: no data before, met / not met after, by month', async () => {
    const before = await card();
    const satisfaction = before.targets.find((t) => t.indicatorKey === 'satisfaction_pct');
    expect(satisfaction, JSON.stringify(before.targets.map((t) => t.text))).toBeDefined();
    expect(satisfaction).toMatchObject({ source: 'indicator', actual: null, status: 'no_data' });

    const csv = Buffer.from([TEMPLATE_CSV_HEADER, ...rows].join('\n'));
    const upload = await call(ctx, who.coordinator.username, 'POST', `/api/communes/${COMMUNE}/dossiers/import`, new Multipart('ho-so.csv', csv));
    expect(upload.statusCode, upload.body).toBe(200);

    const after = (await card()).targets.find((t) => t.id === satisfaction?.id);
    expect(after?.actual).toBe(66.7);
    expect(after?.trend).toEqual([
      { month: '2026-01', actual: 66.7 },
      { month: '2026-02', actual: null },
    ]);
    const expected = after?.comparator && after.value !== null ? (66.7 >= after.value ? 'met' : 'not_met') : 'no_data';
    expect(after?.status).toBe(expected);
  });

  it('lets the coordinator link a target to an indicator or to monthly figures entered by hand', async () => {
    const { targets } = await card();
    const manual = targets.find((t) => t.indicatorKey === null);
    const other = targets.find((t) => t.id !== manual?.id && t.comparator === '=' && t.value === 100);
    if (!manual || !other) throw new Error('the plan needs a manual target and a "= 100 %" target');
    expect((await call(ctx, who.coordinator.username, 'PUT', `/api/plans/${PLAN}/targets/${other.id}/link`, { indicatorKey: 'on_time_pct' })).statusCode).toBe(200);
    expect((await call(ctx, who.coordinator.username, 'PUT', `/api/plans/${PLAN}/targets/${manual.id}/figures`, { month: '2026-01', value: 40 })).statusCode).toBe(200);
    expect((await call(ctx, who.coordinator.username, 'PUT', `/api/plans/${PLAN}/targets/${manual.id}/figures`, { month: '2026-02', value: 101.5 })).statusCode).toBe(200);
    const now = await card(who.reviewer.username);
    const linked = now.targets.find((t) => t.id === other.id);
    // 3 of 4 finished on time: 75 % against "= 100 %"
    expect(linked).toMatchObject({ indicatorKey: 'on_time_pct', actual: 75, status: 'not_met' });
    expect(now.targets.find((t) => t.id === manual.id)).toMatchObject({
      source: 'manual',
      actual: 101.5,
      trend: [
        { month: '2026-01', actual: 40 },
        { month: '2026-02', actual: 101.5 },
      ],
    });
  });

  it('refuses links and figures from staff and other communes; unknown indicators are a 400', async () => {
    const { targets } = await card();
    const id = targets[0].id;
    expect((await call(ctx, who.staff.username, 'PUT', `/api/plans/${PLAN}/targets/${id}/link`, { indicatorKey: 'online_pct' })).statusCode).toBe(403);
    expect((await call(ctx, who.otherCoordinator.username, 'GET', `/api/plans/${PLAN}/scorecard?asOf=2026-02-28`)).statusCode).toBe(404);
    expect((await call(ctx, who.coordinator.username, 'PUT', `/api/plans/${PLAN}/targets/${id}/link`, { indicatorKey: 'nonsense' })).statusCode).toBe(400);
    expect((await call(ctx, who.coordinator.username, 'PUT', `/api/plans/${PLAN}/targets/${id}/figures`, { month: '2026-13', value: 1 })).statusCode).toBe(400);
  });
});
