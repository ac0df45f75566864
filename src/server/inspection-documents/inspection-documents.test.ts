/**
 * The inspection documents over HTTP: the minutes and the conclusion notice generated from the recorded
 * visit (and kept from those the visit is secret from), and the inspection-plan import (seed 003).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInspection, TInspectionPlan, TInspectionPlanImport } from '../../contract';
import { docxParts } from '../../documents/test-helpers';
import { seedPath } from '../../importer/test-helpers';
import type { Clock } from '../clock';
import { createTestContext, json, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildInspectionPlan, buildPlan, buildUnit, buildUser, call, Multipart, scheduleInspection } from '../test/factories';

let today = '2025-11-03';
const clock: Clock = { today: () => today, now: () => new Date(`${today}T09:00:00+07:00`) };

let ctx: TestContext;
let commune: Awaited<ReturnType<typeof buildCommune>>;
let coordinator: BuiltUser;
let teamLeader: BuiltUser;
let teamMember: BuiltUser;
let headA: BuiltUser;
let staffB: BuiltUser;
let neighbour: BuiltUser;
let unitA: Awaited<ReturnType<typeof buildUnit>>;
let unitB: Awaited<ReturnType<typeof buildUnit>>;
let unitC: Awaited<ReturnType<typeof buildUnit>>;
let reviewedPlanId: number;
let plan: TInspectionPlan;
let visit: TInspection;
let surprise: TInspection;

const text = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  commune = await buildCommune(ctx, { name: 'Cẩm Giang' });
  unitA = await buildUnit(ctx, commune, { name: 'Phòng Kinh tế' });
  unitB = await buildUnit(ctx, commune, { name: 'Trung tâm Phục vụ hành chính công' });
  unitC = await buildUnit(ctx, commune, { name: 'Phòng Văn hóa - Xã hội' });
  await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune, unit: unitC });
  teamLeader = await buildUser(ctx, { role: 'leader', commune, fullName: 'Nguyễn Thị Lan', title: 'Phó Chủ tịch UBND xã' });
  teamMember = await buildUser(ctx, { role: 'unit_staff', commune, unit: unitC, fullName: 'Trần Văn Hùng', title: 'Chuyên viên' });
  headA = await buildUser(ctx, { role: 'unit_head', commune, unit: unitA, fullName: 'Phạm Quốc Bảo', title: 'Trưởng phòng' });
  staffB = await buildUser(ctx, { role: 'unit_staff', commune, unit: unitB });
  neighbour = await buildUser(ctx, { role: 'coordinator', commune: await buildCommune(ctx, { city: { id: commune.cityId } }) });
  reviewedPlanId = (await buildPlan(ctx, commune, { title: 'Kế hoạch cải cách hành chính nhà nước xã Cẩm Giang 6 tháng cuối năm 2025' })).id;

  plan = await buildInspectionPlan(ctx, coordinator, commune, {
    year: 2025,
    period: 'H2',
    title: 'Kiểm tra công tác cải cách hành chính nhà nước 6 tháng cuối năm 2025',
    number: '312/KH-UBND',
    signedOn: '2025-10-20',
    reviewFrom: '2025-07-01',
    reviewedPlanId,
    visitMonth: '2025-11',
    leader: teamLeader,
    members: [teamMember],
  });
  visit = await scheduleInspection(ctx, coordinator, plan.id, { unitId: unitA.id, visitDate: '2025-11-18' });
  surprise = await scheduleInspection(ctx, coordinator, plan.id, { unitId: unitB.id, visitDate: '2025-11-25', surprise: true });
}, 120_000);
afterAll(async () => ctx?.close());

const download = async (user: BuiltUser, url: string) => {
  const response = await call(ctx, user.username, 'GET', url);
  expect(response.statusCode, `${user.username} GET ${url}: ${response.body.slice(0, 200)}`).toBe(200);
  expect(response.headers['content-type']).toContain('wordprocessingml');
  return text((await docxParts(response.rawPayload)).document);
};

describe('minutes and conclusion notice of a recorded visit', () => {
  it('prints the checklist as recorded on the visit day, the requests before the conclusion', async () => {
    today = '2025-11-18';
    const items = visit.checklist;
    for (const item of items) {
      const body =
        item.position === 1
          ? { version: item.version, result: 'chua_dat', comment: 'Chưa ban hành kế hoạch tuyên truyền', request: 'Ban hành kế hoạch thông tin, tuyên truyền CCHC' }
          : item.position === 2
            ? { version: item.version, result: 'khong_ap_dung', comment: 'Không có đơn vị sự nghiệp trực thuộc' }
            : { version: item.version, result: 'dat' };
      const saved = await call(ctx, teamMember.username, 'PATCH', `/api/inspections/${visit.id}/checklist/${item.id}`, body);
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const minutes = await download(teamMember, `/api/inspections/${visit.id}/minutes.docx`);
    for (const expected of [
      'BIÊN BẢN',
      'Kiểm tra công tác cải cách hành chính tại Phòng Kinh tế',
      'Cẩm Giang, ngày 18 tháng 11 năm 2025',
      'Căn cứ Kế hoạch số 312/KH-UBND ngày 20/10/2025 của Ủy ban nhân dân xã Cẩm Giang về kiểm tra công tác cải cách hành chính',
      'Nguyễn Thị Lan, Phó Chủ tịch UBND xã – Trưởng đoàn',
      'Trần Văn Hùng, Chuyên viên, Phòng Văn hóa - Xã hội – Thành viên',
      'Phạm Quốc Bảo, Trưởng phòng',
      'từ ngày 01/07/2025 đến ngày được kiểm tra (18/11/2025)',
      'Chưa đạt',
      'Không áp dụng',
      'Đề nghị ban hành kế hoạch thông tin, tuyên truyền CCHC',
      'Việc triển khai và kết quả thực hiện Kế hoạch của Ủy ban nhân dân xã Cẩm Giang về cải cách hành chính nhà nước xã Cẩm Giang 6 tháng cuối năm 2025',
    ]) {
      expect(minutes).toContain(expected);
    }
    expect(minutes).toContain(`${items.length} nội dung được kiểm tra, trong đó ${items.length - 2} nội dung đạt, 1 nội dung chưa đạt, 1 nội dung không áp dụng`);
  });

  it('prints the findings with their deadlines once the leader concluded', async () => {
    const current = json<TInspection>(await call(ctx, teamLeader.username, 'GET', `/api/inspections/${visit.id}`));
    const concluded = await call(ctx, teamLeader.username, 'POST', `/api/inspections/${visit.id}/conclude`, {
      version: current.version,
      findingDeadline: '2025-12-15',
      conclusion: 'Phòng Kinh tế đã quan tâm triển khai công tác cải cách hành chính.',
    });
    expect(concluded.statusCode, concluded.body).toBe(200);
    const notice = await download(headA, `/api/inspections/${visit.id}/conclusion.docx`);
    for (const expected of [
      'THÔNG BÁO',
      'Kết luận kiểm tra công tác cải cách hành chính tại Phòng Kinh tế',
      'Cẩm Giang, ngày 18 tháng 11 năm 2025',
      'Phòng Kinh tế đã quan tâm triển khai công tác cải cách hành chính.',
      '1. Ban hành kế hoạch thông tin, tuyên truyền CCHC. Thời hạn hoàn thành: trước ngày 15/12/2025.',
      '(qua Phòng Văn hóa - Xã hội) trước ngày 15/12/2025./.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]) {
      expect(notice).toContain(expected);
    }
  });

  it('keeps a surprise visit’s documents from the unit before its day, and everything from another commune', async () => {
    expect((await call(ctx, staffB.username, 'GET', `/api/inspections/${surprise.id}/minutes.docx`)).statusCode).toBe(404);
    expect((await call(ctx, staffB.username, 'GET', `/api/inspections/${surprise.id}/conclusion.docx`)).statusCode).toBe(404);
    expect((await call(ctx, neighbour.username, 'GET', `/api/inspections/${visit.id}/minutes.docx`)).statusCode).toBe(404);
    // The team prepares it.
    expect(await download(teamMember, `/api/inspections/${surprise.id}/minutes.docx`)).toContain('tiến hành kiểm tra đột xuất');
  });
});

describe('inspection-plan import', () => {
  const upload = (user: BuiltUser, name: string, data: Buffer) =>
    call(ctx, user.username, 'POST', `/api/communes/${commune.id}/inspection-plans/import`, new Multipart(name, data));

  it('reads seed 003 into a draft in the fields of a new inspection plan, units matched', async () => {
    const response = await upload(coordinator, 'ke-hoach-kiem-tra.txt', readFileSync(seedPath('003')));
    expect(response.statusCode, response.body).toBe(200);
    const result = json<TInspectionPlanImport>(response);
    expect(result.draft).toMatchObject({
      year: 2025,
      period: 'H2',
      title: 'Kiểm tra công tác cải cách hành chính nhà nước 6 tháng cuối năm 2025',
      reviewFrom: '2025-07-01',
      reviewTo: null,
      areas: [1, 2, 3, 4, 5, 6, 7],
      forms: ['scheduled', 'surprise'],
      visitMonth: '2025-11',
      selfReportDeadline: '2025-11-12',
      reviewedPlanId: null,
    });
    expect(result.targets.map((t) => t.unitName)).toEqual(['Văn phòng HĐND và UBND', 'Phòng Văn hóa - Xã hội', 'Phòng Kinh tế', 'Trung tâm Phục vụ hành chính công']);
    expect(result.draft.targetUnitIds).toHaveLength(4);
    // Quyết định số 225/QĐ-UBND is not among this commune's plans: the officer is told to pick it.
    expect(result.warnings.map((w) => w.code)).toContain('reform_plan_not_found');
    // The draft is accepted as it is by the plan creation route.
    const { reviewedPlanId: _none, ...draft } = result.draft;
    const saved = await call(ctx, coordinator.username, 'POST', `/api/communes/${commune.id}/inspection-plans`, { ...draft, reviewedPlanId });
    expect(saved.statusCode, saved.body).toBe(201);
  });

  it('refuses units and other communes before reading, and a task plan with a clear message', async () => {
    const seed = readFileSync(seedPath('003'));
    expect((await upload(headA, 'kh.txt', seed)).statusCode).toBe(403);
    expect((await call(ctx, neighbour.username, 'POST', `/api/communes/${commune.id}/inspection-plans/import`, new Multipart('kh.txt', seed))).statusCode).toBe(404);
    const wrong = await upload(coordinator, 'ke-hoach-2026.txt', readFileSync(seedPath('004')));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('không phải là kế hoạch kiểm tra');
  });

  it('sends the plan import of seed 003 to the inspection import', async () => {
    const response = await call(ctx, coordinator.username, 'POST', `/api/communes/${commune.id}/imports`, new Multipart('kh-kiem-tra.txt', readFileSync(seedPath('003'))));
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Nhập kế hoạch kiểm tra');
  });
});
