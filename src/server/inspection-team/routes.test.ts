import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/context';
import { type BuiltUser, buildCity, buildCommune, buildUnit, buildUser, call } from '../test/factories';

interface Candidate {
  userId: number;
  fullName: string;
  unitName: string | null;
}

let ctx: TestContext;
let communeId: number;
let coordinator: BuiltUser;
let unitHead: BuiltUser;
let vanPhongStaff: BuiltUser;
let kinhTeHead: BuiltUser;
let neighbourStaff: BuiltUser;
beforeAll(async () => {
  ctx = await createTestContext();
  const city = await buildCity(ctx);
  const commune = await buildCommune(ctx, { city, name: 'Cẩm Thử' });
  const neighbour = await buildCommune(ctx, { city, name: 'An Thử' });
  communeId = commune.id;
  const vhxh = await buildUnit(ctx, commune, { name: 'Phòng Văn hóa - Xã hội', isCoordinator: true });
  const vanPhong = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  const kinhTe = await buildUnit(ctx, commune, { name: 'Phòng Kinh tế' });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune, unit: vhxh, fullName: 'Đinh Văn Giàng' });
  unitHead = await buildUser(ctx, { role: 'unit_head', commune, unit: vanPhong });
  vanPhongStaff = await buildUser(ctx, { role: 'unit_staff', commune, unit: vanPhong, fullName: 'Đỗ Thị Cán' });
  kinhTeHead = await buildUser(ctx, { role: 'unit_head', commune, unit: kinhTe, fullName: 'Lê Văn Kinh' });
  neighbourStaff = await buildUser(ctx, { role: 'unit_staff', commune: neighbour });
});
afterAll(() => ctx.close());

const url = () => `/api/communes/${communeId}/inspection-team-candidates`;

describe('people a team is picked from', () => {
  it('lists the commune’s people of several units, with their unit, for the coordinator', async () => {
    const response = await call(ctx, coordinator.username, 'GET', url());
    expect(response.statusCode).toBe(200);
    const people = (response.json() as { people: Candidate[] }).people;
    const byId = new Map(people.map((p) => [p.userId, p]));
    expect(byId.get(vanPhongStaff.id)).toMatchObject({ fullName: 'Đỗ Thị Cán', unitName: 'Văn phòng HĐND và UBND' });
    expect(byId.get(kinhTeHead.id)).toMatchObject({ unitName: 'Phòng Kinh tế' });
    expect(byId.has(neighbourStaff.id)).toBe(false);
  });

  it('is closed to a unit’s people and to another commune', async () => {
    expect((await call(ctx, unitHead.username, 'GET', url())).statusCode).toBe(403);
    expect((await call(ctx, neighbourStaff.username, 'GET', url())).statusCode).toBe(404);
  });
});
