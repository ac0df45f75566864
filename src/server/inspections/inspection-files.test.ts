import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFileMeta, TInspection } from '../../contract';
import type { Clock } from '../clock';
import { createTestContext, json, type TestContext } from '../test/context';
import { type BuiltUser, buildCommune, buildInspectionPlan, buildPlan, buildUnit, buildUser, call, Multipart, scheduleInspection, tinyPdf } from '../test/factories';

// Files of an inspection: evidence and signed copies, read under the inspection's rules (issue 13, points 4 and 5).
let today = '2026-11-23';
const clock: Clock = { today: () => today, now: () => new Date(`${today}T09:00:00+07:00`) };

let ctx: TestContext;
let commune: Awaited<ReturnType<typeof buildCommune>>;
let coordinator: BuiltUser;
let teamLeader: BuiltUser;
let teamMember: BuiltUser;
let headA: BuiltUser;
let headB: BuiltUser;
let neighbour: BuiltUser;
let scheduled: TInspection;
let surprise: TInspection;

const upload = (user: BuiltUser, url: string, name = 'minh-chung.pdf') => call(ctx, user.username, 'POST', url, new Multipart(name, tinyPdf()));
const download = (user: BuiltUser, fileId: number) => call(ctx, user.username, 'GET', `/api/files/${fileId}`);

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  commune = await buildCommune(ctx, { name: 'Xã Tệp Kiểm Tra' });
  const unitA = await buildUnit(ctx, commune, { name: 'Phòng Kinh tế' });
  const unitB = await buildUnit(ctx, commune, { name: 'Trung tâm Phục vụ hành chính công' });
  const unitC = await buildUnit(ctx, commune, { name: 'Phòng Văn hóa - Xã hội' });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune, unit: unitC });
  teamLeader = await buildUser(ctx, { role: 'unit_head', commune, unit: unitC });
  teamMember = await buildUser(ctx, { role: 'unit_staff', commune, unit: unitC });
  headA = await buildUser(ctx, { role: 'unit_head', commune, unit: unitA });
  headB = await buildUser(ctx, { role: 'unit_head', commune, unit: unitB });
  neighbour = await buildUser(ctx, { role: 'coordinator', commune: await buildCommune(ctx, { city: { id: commune.cityId } }) });
  const reviewedPlanId = (await buildPlan(ctx, commune, { title: 'Kế hoạch CCHC năm 2026' })).id;
  const plan = await buildInspectionPlan(ctx, coordinator, commune, {
    year: 2026,
    period: 'H2',
    title: 'Kế hoạch kiểm tra công tác CCHC 6 tháng cuối năm 2026',
    reviewFrom: '2026-07-01',
    reviewedPlanId,
    coverageGoalPercent: 30,
    visitMonth: '2026-12',
    leader: teamLeader,
    members: [teamMember],
  });
  scheduled = await scheduleInspection(ctx, coordinator, plan.id, { unitId: unitA.id, visitDate: '2026-12-03' });
  surprise = await scheduleInspection(ctx, coordinator, plan.id, { unitId: unitB.id, visitDate: '2026-12-10', surprise: true });
});
afterAll(async () => ctx?.close());

describe('evidence files of an inspection', () => {
  it('are uploaded by the team and read by the team and the inspected unit, not by another unit or commune', async () => {
    const response = await upload(teamMember, `/api/inspections/${scheduled.id}/files`, 'Biên bản họp.pdf');
    expect(response.statusCode, response.body).toBe(201);
    const meta = json<TFileMeta>(response);
    expect(meta).toMatchObject({ name: 'Biên bản họp.pdf', mimeType: 'application/pdf', uploadedBy: { id: teamMember.id } });
    for (const user of [teamMember, teamLeader, coordinator, headA]) expect((await download(user, meta.id)).statusCode).toBe(200);
    expect((await download(headB, meta.id)).statusCode).toBe(404);
    expect((await download(neighbour, meta.id)).statusCode).toBe(404);
    // No finding waits on unit A yet: its people cannot add files; the neighbour commune does not see the inspection.
    expect((await upload(headA, `/api/inspections/${scheduled.id}/files`)).statusCode).toBe(403);
    expect((await upload(neighbour, `/api/inspections/${scheduled.id}/files`)).statusCode).toBe(404);
    // Same checks as task evidence: a renamed executable is refused.
    const exe = await call(ctx, teamMember.username, 'POST', `/api/inspections/${scheduled.id}/files`, new Multipart('bao-cao.pdf', Buffer.from('MZ\x90\x00rest')));
    expect(exe.statusCode).toBe(415);
    // A checklist item takes the uploaded file as its evidence.
    today = '2026-12-03';
    const item = scheduled.checklist[0];
    const saved = await call(ctx, teamMember.username, 'PATCH', `/api/inspections/${scheduled.id}/checklist/${item.id}`, {
      version: item.version,
      result: 'dat',
      evidence: { fileIds: [meta.id], taskIds: [], reportIds: [], links: [] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json<TInspection['checklist'][number]>(saved).evidence.fileIds).toEqual([meta.id]);
    today = '2026-11-23';
  });

  it('of a surprise inspection stay hidden from the unit before the visit day', async () => {
    const response = await upload(teamLeader, `/api/inspections/${surprise.id}/files`);
    expect(response.statusCode, response.body).toBe(201);
    const { id } = json<TFileMeta>(response);
    expect((await download(headB, id)).statusCode).toBe(404);
    expect((await upload(headB, `/api/inspections/${surprise.id}/files`)).statusCode).toBe(404);
    today = '2026-12-09';
    expect((await download(headB, id)).statusCode).toBe(404);
    today = '2026-12-10';
    expect((await download(headB, id)).statusCode).toBe(200);
    today = '2026-11-23';
  });

  it('belong to exactly one owner (the database refuses a file with neither task nor inspection)', async () => {
    await expect(
      ctx.db.execute(
        sql`insert into files (commune_id, original_name, mime_type, size, sha256, storage_path, uploaded_by) values (${commune.id}, 'x.pdf', 'application/pdf', 1, 'x', 'x', ${coordinator.id})`,
      ),
    ).rejects.toThrow();
  });
});

describe('after the conclusion', () => {
  it('the owner unit uploads fix evidence; the leader or coordinator uploads the signed copies', async () => {
    today = '2026-12-03';
    const current = json<TInspection>(await call(ctx, teamLeader.username, 'GET', `/api/inspections/${scheduled.id}`));
    for (const item of current.checklist) {
      if (item.result) continue;
      const body = item.position === 2 ? { version: item.version, result: 'chua_dat', request: 'Bố trí kinh phí CCHC' } : { version: item.version, result: 'dat' };
      expect((await call(ctx, teamLeader.username, 'PATCH', `/api/inspections/${scheduled.id}/checklist/${item.id}`, body)).statusCode).toBe(200);
    }
    const concluded = await call(ctx, teamLeader.username, 'POST', `/api/inspections/${scheduled.id}/conclude`, { version: current.version, findingDeadline: '2026-12-31' });
    expect(concluded.statusCode, concluded.body).toBe(200);
    const inspection = json<TInspection>(concluded);
    expect(inspection.findings).toHaveLength(1);

    // Fix evidence: the owner unit's people now may upload.
    const fix = await upload(headA, `/api/inspections/${scheduled.id}/files`, 'Quyết định bố trí kinh phí.pdf');
    expect(fix.statusCode, fix.body).toBe(201);
    const finding = inspection.findings[0];
    const reported = await call(ctx, headA.username, 'POST', `/api/inspection-findings/${finding.id}/fix`, {
      version: finding.version,
      text: 'Đã bố trí kinh phí',
      evidence: { fileIds: [json<TFileMeta>(fix).id], taskIds: [], reportIds: [], links: [] },
    });
    expect(reported.statusCode, reported.body).toBe(200);

    // Signed copies.
    expect((await upload(teamMember, `/api/inspections/${scheduled.id}/signed/minutes`)).statusCode).toBe(403);
    expect((await upload(headA, `/api/inspections/${scheduled.id}/signed/minutes`)).statusCode).toBe(403);
    expect((await upload(teamLeader, `/api/inspections/${scheduled.id}/signed/other`)).statusCode).toBe(400);
    const minutes = await upload(teamLeader, `/api/inspections/${scheduled.id}/signed/minutes`, 'Biên bản đã ký.pdf');
    expect(minutes.statusCode, minutes.body).toBe(200);
    const withMinutes = json<TInspection>(minutes);
    expect(withMinutes.minutesFileId).not.toBeNull();
    expect(withMinutes.conclusionFileId).toBeNull();
    expect(withMinutes.version).toBe(inspection.version + 1);
    const conclusion = await upload(coordinator, `/api/inspections/${scheduled.id}/signed/conclusion`, 'Thông báo kết luận.pdf');
    expect(conclusion.statusCode, conclusion.body).toBe(200);
    const signed = json<TInspection>(conclusion);
    expect(signed.conclusionFileId).not.toBeNull();
    const got = await download(headA, signed.conclusionFileId as number);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-disposition']).toContain(encodeURIComponent('Thông báo kết luận.pdf'));
    expect((await download(neighbour, signed.minutesFileId as number)).statusCode).toBe(404);

    const logged = await ctx.db.execute<{ action: string }>(sql`select action from audit_log where entity = 'inspection' and entity_id = ${scheduled.id}`);
    const actions = logged.rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'upload_signed')).toHaveLength(2);
    expect(actions).toContain('attach_file');
    today = '2026-11-23';
  });
});
