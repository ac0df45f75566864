/**
 * A plan's life through the API (issue 8): draft → submitted → issued, read-only once issued,
 * amendments proposed by units, gathered by the coordinator and decided by the leader (figures on
 * the version in force at "as of"), close and carry over, delete, duplicate and wrong-commune imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../test/context';
import { type ApiError, type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call, fingerprint } from '../test/factories';

interface Plan {
  id: number;
  status: string;
  number: string | null;
  issueDate: string | null;
  signer: string | null;
  version: number;
  taskCount: number;
  doneCount: number;
  overdueCount: number;
  closedOn: string | null;
  finalResult: Record<string, number> | null;
  hasDocument: boolean;
  canEdit: boolean;
  canSubmit: boolean;
  canIssue: boolean;
  canDelete: boolean;
  canPropose: boolean;
  canGather: boolean;
  canDecide: boolean;
  previousPlan: { id: number } | null;
  nextPlans: { id: number }[];
}
interface Task {
  id: number;
  content: string;
  status: string;
  version: number;
  timeframeText: string;
  checkpoints: { due: string }[];
}
interface Proposal {
  id: number;
  status: string;
  unit: { id: number; name: string } | null;
}

let ctx: TestContext;
let commune: Awaited<ReturnType<typeof buildCommune>>;
let vanHoa: Awaited<ReturnType<typeof buildUnit>>;
let congAn: Awaited<ReturnType<typeof buildUnit>>;
const who = {} as Record<'coordinator' | 'leader' | 'unitHead' | 'staff' | 'reviewer' | 'otherLeader', BuiltUser>;

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await buildCommune(ctx, { name: 'Tiên Lãng Thử' });
  const other = await buildCommune(ctx, { name: 'Cẩm Giàng Thử', city: { id: commune.cityId } });
  vanHoa = await buildUnit(ctx, commune, { name: 'Phòng Văn hóa - Xã hội' });
  congAn = await buildUnit(ctx, commune, { name: 'Công an xã' });
  who.coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  who.leader = await buildUser(ctx, { role: 'leader', commune });
  who.unitHead = await buildUser(ctx, { role: 'unit_head', commune, unit: congAn });
  who.staff = await buildUser(ctx, { role: 'unit_staff', commune, unit: vanHoa });
  who.reviewer = await buildUser(ctx, { role: 'city_reviewer', city: { id: commune.cityId } });
  who.otherLeader = await buildUser(ctx, { role: 'leader', commune: other });
});
afterAll(async () => ctx?.close());

const status = async (username: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => (await call(ctx, username, method, url, body)).statusCode;
const getPlan = async (id: number, asOf?: string) => json<Plan>(await call(ctx, who.coordinator.username, 'GET', `/api/plans/${id}${asOf ? `?asOf=${asOf}` : ''}`));
const tasksOf = async (id: number, asOf: string) => json<Task[]>(await call(ctx, who.coordinator.username, 'GET', `/api/plans/${id}/tasks?asOf=${asOf}`));
const newTask = (content: string, timeframeText: string) => ({ area: 3, content, leadUnitIds: [vanHoa.id], coordinatorUnitIds: [], timeframeText, product: 'Báo cáo' });

describe('draft → submitted → issued', () => {
  let planId: number;
  it('the coordinator edits a draft, adds tasks and submits it; a unit may not', async () => {
    const created = await call(ctx, who.coordinator.username, 'POST', '/api/plans', {
      communeId: commune.id,
      kind: 'annual',
      title: 'Kế hoạch cải cách hành chính năm 2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      status: 'issued',
    });
    expect(created.statusCode, created.body).toBe(201);
    planId = json<Plan>(created).id;
    // A new plan is a draft whatever the request says: it is issued only through submit and issue.
    expect(json<Plan>(created)).toMatchObject({ status: 'draft', canEdit: true, canSubmit: true, canDelete: true, canIssue: false });
    for (const [content, when] of [
      ['Rà soát thủ tục hành chính', 'Quý II/2026'],
      ['Tuyên truyền cải cách hành chính', 'Quý III/2026'],
      ['Tự kiểm tra công tác CCHC', 'Tháng 10/2026'],
    ]) {
      expect(await status(who.coordinator.username, 'POST', `/api/plans/${planId}/tasks`, newTask(content, when))).toBe(201);
    }
    expect(await status(who.coordinator.username, 'PATCH', `/api/plans/${planId}`, { issuer: 'Ủy ban nhân dân xã Tiên Lãng Thử' })).toBe(200);
    expect(await status(who.unitHead.username, 'POST', `/api/plans/${planId}/submit`)).toBe(403);
    const submitted = await call(ctx, who.coordinator.username, 'POST', `/api/plans/${planId}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(json<Plan>(submitted)).toMatchObject({ status: 'submitted', canEdit: false, canSubmit: false });
  });

  it('a submitted plan is no longer edited; only the leader issues it, with number, date and signer', async () => {
    const edit = await call(ctx, who.coordinator.username, 'PATCH', `/api/plans/${planId}`, { title: 'Sửa sau khi trình' });
    expect(edit.statusCode).toBe(409);
    expect(json<ApiError>(edit).error.message).toMatch(/điều chỉnh kế hoạch/);
    const body = { number: '125/KH-UBND', issueDate: '2026-01-10', signer: 'Nguyễn Văn Thử' };
    expect(await status(who.coordinator.username, 'POST', `/api/plans/${planId}/issue`, body)).toBe(403);
    expect(await status(who.otherLeader.username, 'POST', `/api/plans/${planId}/issue`, body)).toBe(404);
    const before = await fingerprint(ctx);
    expect(await status(who.leader.username, 'POST', `/api/plans/${planId}/issue`, { ...body, number: 'không số' })).toBe(400);
    expect(await status(who.leader.username, 'POST', `/api/plans/${planId}/issue`, { ...body, issueDate: '2026-12-01' })).toBe(400);
    expect(await fingerprint(ctx)).toEqual(before);
    const issued = await call(ctx, who.leader.username, 'POST', `/api/plans/${planId}/issue`, body);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(json<Plan>(issued)).toMatchObject({
      status: 'issued',
      number: '125/KH-UBND',
      issueDate: '2026-01-10',
      signer: 'Nguyễn Văn Thử',
      version: 1,
      canEdit: false,
      canDelete: false,
    });
    const [entry] = json<{ action: string }[]>(await call(ctx, who.leader.username, 'GET', `/api/audit?entity=plan&entityId=${planId}`));
    expect(entry.action).toBe('issue');
  });

  it('an issued plan is read-only: no edit, no new task, no change to a task’s wording; progress still goes on', async () => {
    expect(await status(who.coordinator.username, 'PATCH', `/api/plans/${planId}`, { title: 'x' })).toBe(409);
    expect(await status(who.coordinator.username, 'POST', `/api/plans/${planId}/tasks`, newTask('Thêm ngoài điều chỉnh', 'Quý IV/2026'))).toBe(409);
    const [task] = await tasksOf(planId, '2026-11-23');
    expect(await status(who.coordinator.username, 'PATCH', `/api/tasks/${task.id}`, { version: task.version, content: 'Sửa nội dung' })).toBe(409);
    expect(await status(who.coordinator.username, 'DELETE', `/api/plans/${planId}`)).toBe(409);
    expect(await status(who.coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, { progress: 40, version: task.version, note: 'Đang triển khai' })).toBe(200);
  });

  it('keeps the source document with the plan; without one the NĐ30 document is generated', async () => {
    const generated = await call(ctx, who.reviewer.username, 'GET', `/api/plans/${planId}/document`);
    expect(generated.statusCode).toBe(200);
    expect(generated.headers['content-type']).toContain('wordprocessingml');
    expect(generated.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const text = 'ỦY BAN NHÂN DÂN XÃ TIÊN LÃNG THỬ\nSố: 125/KH-UBND\nKẾ HOẠCH Cải cách hành chính năm 2026';
    const boundary = '----plan';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ke-hoach-125.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`;
    const headers = { cookie: await ctx.login(who.unitHead.username), 'content-type': `multipart/form-data; boundary=${boundary}` };
    expect((await ctx.app.inject({ method: 'POST', url: `/api/plans/${planId}/document`, payload, headers })).statusCode).toBe(403);
    headers.cookie = await ctx.login(who.coordinator.username);
    const kept = await ctx.app.inject({ method: 'POST', url: `/api/plans/${planId}/document`, payload, headers });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(json<Plan>(kept).hasDocument).toBe(true);
    const back = await call(ctx, who.unitHead.username, 'GET', `/api/plans/${planId}/document`);
    expect(back.body).toBe(text);
    expect(back.headers['content-disposition']).toContain('ke-hoach-125.txt');
  });

  describe('amendments: a unit proposes, the coordinator gathers, the leader decides', () => {
    const proposals: Proposal[] = [];
    let amendmentId: number;
    let dropped: Task;
    let moved: Task;
    it('units propose with a reason; incomplete proposals and other communes are refused', async () => {
      [moved, dropped] = await tasksOf(planId, '2026-11-23');
      expect(await status(who.unitHead.username, 'POST', `/api/plans/${planId}/proposals`, { kind: 'add_task', change: { content: 'Thiếu lĩnh vực' }, reason: 'x' })).toBe(400);
      expect(await status(who.otherLeader.username, 'POST', `/api/plans/${planId}/proposals`, { kind: 'drop_task', taskId: dropped.id, change: {}, reason: 'x' })).toBe(404);
      expect(await status(who.reviewer.username, 'POST', `/api/plans/${planId}/proposals`, { kind: 'drop_task', taskId: dropped.id, change: {}, reason: 'x' })).toBe(403);
      const bodies = [
        [
          who.unitHead,
          {
            kind: 'add_task',
            change: { area: 1, content: 'Báo cáo tình hình an ninh trật tự hằng tháng', leadUnitIds: [congAn.id], timeframeText: 'Hằng tháng (trước ngày 25)' },
            reason: 'Nhiệm vụ mới do thành phố giao',
          },
        ],
        [who.staff, { kind: 'reschedule', taskId: moved.id, change: { timeframeText: 'Quý III/2026' }, reason: 'Chờ hướng dẫn của Sở Nội vụ' }],
        [who.coordinator, { kind: 'drop_task', taskId: dropped.id, change: {}, reason: 'Đã lồng ghép vào nhiệm vụ khác' }],
      ] as const;
      for (const [user, body] of bodies) {
        const response = await call(ctx, user.username, 'POST', `/api/plans/${planId}/proposals`, body);
        expect(response.statusCode, response.body).toBe(201);
        proposals.push(json<Proposal>(response));
      }
      // A unit's people propose for their own unit.
      expect(proposals[0].unit?.id).toBe(congAn.id);
      expect(proposals[1].unit?.id).toBe(vanHoa.id);
    });

    it('only the coordinator gathers, only the leader decides, citing the deciding document', async () => {
      const ids = proposals.map((p) => p.id);
      expect(await status(who.unitHead.username, 'POST', `/api/plans/${planId}/amendments`, { title: 'Điều chỉnh lần 1', proposalIds: ids })).toBe(403);
      expect(await status(who.leader.username, 'POST', `/api/plans/${planId}/amendments`, { title: 'Điều chỉnh lần 1', proposalIds: ids })).toBe(403);
      const gathered = await call(ctx, who.coordinator.username, 'POST', `/api/plans/${planId}/amendments`, { title: 'Điều chỉnh lần 1', proposalIds: ids });
      expect(gathered.statusCode, gathered.body).toBe(201);
      amendmentId = json<{ id: number }>(gathered).id;
      expect(await status(who.coordinator.username, 'POST', `/api/plans/${planId}/amendments`, { title: 'Lần nữa', proposalIds: ids })).toBe(409);
      const decision = { decisionNumber: '210/QĐ-UBND', decisionDate: '2026-06-15' };
      expect(await status(who.coordinator.username, 'POST', `/api/amendments/${amendmentId}/decide`, decision)).toBe(403);
      expect(await status(who.leader.username, 'POST', `/api/amendments/${amendmentId}/decide`, { ...decision, decisionDate: '2025-12-31' })).toBe(400);
      const decided = await call(ctx, who.leader.username, 'POST', `/api/amendments/${amendmentId}/decide`, decision);
      expect(decided.statusCode, decided.body).toBe(200);
      expect(json<{ status: string; version: number }>(decided)).toMatchObject({ status: 'decided', version: 2 });
      expect(await status(who.leader.username, 'POST', `/api/amendments/${amendmentId}/decide`, decision)).toBe(409);
      expect((await getPlan(planId)).version).toBe(2);
    });

    it('figures count the version in force at "as of": before the decision 3 tasks, after it the dropped one out and the new one in', async () => {
      expect((await getPlan(planId, '2026-06-14')).taskCount).toBe(3);
      expect((await tasksOf(planId, '2026-06-14')).map((t) => t.id)).toContain(dropped.id);
      const after = await tasksOf(planId, '2026-06-15');
      expect(after).toHaveLength(3);
      expect(after.map((t) => t.id)).not.toContain(dropped.id);
      expect((await getPlan(planId, '2026-07-01')).taskCount).toBe(3);
      const list = json<{ id: number; taskCount: number }[]>(await call(ctx, who.coordinator.username, 'GET', `/api/plans?communeId=${commune.id}&asOf=2026-06-14`));
      expect(list.find((p) => p.id === planId)?.taskCount).toBe(3);
    });

    it('a decided reschedule changes the task in place: same task, new time frame, no copy', async () => {
      const now = await tasksOf(planId, '2026-11-23');
      const same = now.filter((t) => t.content === moved.content);
      expect(same).toHaveLength(1);
      expect(same[0]).toMatchObject({ id: moved.id, timeframeText: 'Quý III/2026' });
      expect(same[0].checkpoints.map((c) => c.due)).toEqual(['2026-09-30']);
      // Before the decision the task is the same row too: the old time frame lives only in the diff.
      expect((await tasksOf(planId, '2026-06-14')).filter((t) => t.content === moved.content).map((t) => t.id)).toEqual([moved.id]);
    });

    it('report figures count the version in force on the report’s as-of date', async () => {
      const made = await call(ctx, who.coordinator.username, 'POST', `/api/plans/${planId}/report-periods`, { templateKey: 'bao-cao-cchc-dinh-ky' });
      expect(made.statusCode, made.body).toBe(201);
      const year = json<{ periods: { id: number; code: string }[] }>(made).periods.find((p) => p.code === '2026-Y');
      expect(year).toBeDefined();
      const opened = await call(ctx, who.staff.username, 'POST', `/api/report-periods/${year?.id}/unit-report`);
      expect(opened.statusCode, opened.body).toBe(200);
      let report = json<{ id: number; version: number; computed: { key: string; live: number }[] }>(opened);
      const total = () => report.computed.find((c) => c.key === 'tasks.total')?.live;
      // Phòng Văn hóa - Xã hội leads the three first tasks; the decision of 15/06 dropped one of them.
      expect(total()).toBe(2);
      const edited = await call(ctx, who.staff.username, 'PATCH', `/api/reports/${report.id}`, { version: report.version, asOf: '2026-06-14' });
      expect(edited.statusCode, edited.body).toBe(200);
      report = json(edited);
      expect(total()).toBe(3);
    });

    it('a recurring task added in June owes nothing for the months before it (activeFrom)', async () => {
      const added = (await tasksOf(planId, '2026-11-23')).find((t) => t.content.startsWith('Báo cáo tình hình an ninh'));
      expect(added).toBeDefined();
      expect(added?.checkpoints.length).toBeGreaterThan(0);
      expect(added?.checkpoints.every((c) => c.due >= '2026-06-15')).toBe(true);
    });

    it('a decision the day the plan was issued leaves version 1 whole in the versions list', async () => {
      const made = await call(ctx, who.coordinator.username, 'POST', '/api/plans', {
        communeId: commune.id,
        kind: 'thematic',
        title: 'Kế hoạch tuyên truyền cải cách hành chính năm 2026',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
      });
      const id = json<Plan>(made).id;
      for (const content of ['Tin bài trên Cổng thông tin điện tử', 'Hội nghị tuyên truyền']) {
        expect(await status(who.coordinator.username, 'POST', `/api/plans/${id}/tasks`, newTask(content, 'Tháng 12/2026'))).toBe(201);
      }
      expect(await status(who.coordinator.username, 'POST', `/api/plans/${id}/submit`)).toBe(200);
      expect(await status(who.leader.username, 'POST', `/api/plans/${id}/issue`, { number: '131/KH-UBND', issueDate: '2026-11-23', signer: 'Phạm Văn Giang' })).toBe(200);
      const [first] = await tasksOf(id, '2026-11-23');
      const proposal = json<Proposal>(
        await call(ctx, who.staff.username, 'POST', `/api/plans/${id}/proposals`, { kind: 'drop_task', taskId: first.id, change: {}, reason: 'Trùng nhiệm vụ' }),
      );
      const amendment = json<{ id: number }>(await call(ctx, who.coordinator.username, 'POST', `/api/plans/${id}/amendments`, { title: 'Lần 1', proposalIds: [proposal.id] }));
      expect(await status(who.leader.username, 'POST', `/api/amendments/${amendment.id}/decide`, { decisionNumber: '245/QĐ-UBND', decisionDate: '2026-11-23' })).toBe(200);
      const story = json<{ versions: { version: number; taskCount: number }[] }>(await call(ctx, who.staff.username, 'GET', `/api/plans/${id}/amendments`));
      expect(story.versions.map((v) => [v.version, v.taskCount])).toEqual([
        [1, 2],
        [2, 1],
      ]);
    });

    it('shows the versions and what changed between them', async () => {
      const story = json<{ versions: { version: number; inForceFrom: string; documentNumber: string; taskCount: number }[] }>(
        await call(ctx, who.staff.username, 'GET', `/api/plans/${planId}/amendments`),
      );
      expect(story.versions).toEqual([
        expect.objectContaining({ version: 1, inForceFrom: '2026-01-10', documentNumber: '125/KH-UBND', taskCount: 3 }),
        expect.objectContaining({ version: 2, inForceFrom: '2026-06-15', documentNumber: '210/QĐ-UBND', taskCount: 3 }),
      ]);
      const diff = json<{ added: { content: string }[]; removed: { taskId: number }[]; rescheduled: { taskId: number; from: string; to: string }[] }>(
        await call(ctx, who.staff.username, 'GET', `/api/plans/${planId}/versions/diff?from=1&to=2`),
      );
      expect(diff.added.map((t) => t.content)).toEqual(['Báo cáo tình hình an ninh trật tự hằng tháng']);
      expect(diff.removed.map((t) => t.taskId)).toEqual([dropped.id]);
      expect(diff.rescheduled).toEqual([{ taskId: moved.id, content: moved.content, from: 'Quý II/2026', to: 'Quý III/2026' }]);
      expect(await status(who.staff.username, 'GET', `/api/plans/${planId}/versions/diff?from=1&to=3`)).toBe(404);
    });
  });
});

describe('close and carry over', () => {
  let old: Awaited<ReturnType<typeof buildPlan>>;
  let open: { id: number };
  let done: { id: number };
  it('cannot close before the period ends; at the end the tasks not done become "không hoàn thành" and the result is kept', async () => {
    const running = await buildPlan(ctx, commune, { title: 'Kế hoạch đang chạy 2026' });
    expect(await status(who.coordinator.username, 'POST', `/api/plans/${running.id}/close`)).toBe(409);
    old = await buildPlan(ctx, commune, { title: 'Kế hoạch CCHC 6 tháng cuối năm 2025', kind: 'half_year', period: { start: '2025-07-01', end: '2025-12-31' } });
    done = await buildTask(ctx, { plan: old }, { timeframeText: 'Tháng 9/2025', doneAt: '2025-09-20' });
    open = await buildTask(ctx, { plan: old }, { timeframeText: 'Tháng 10/2025', content: 'Số hóa kết quả giải quyết TTHC' });
    expect((await tasksOf(old.id, '2026-11-23')).find((t) => t.id === open.id)?.status).toBe('qua_han');
    expect(await status(who.unitHead.username, 'POST', `/api/plans/${old.id}/close`)).toBe(403);
    const closed = await call(ctx, who.coordinator.username, 'POST', `/api/plans/${old.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(json<Plan>(closed)).toMatchObject({
      status: 'closed',
      closedOn: '2026-11-23',
      finalResult: expect.objectContaining({ hoan_thanh_dung_han: 1, khong_hoan_thanh: 1, qua_han: 0 }),
    });
    const statuses = Object.fromEntries((await tasksOf(old.id, '2026-11-23')).map((t) => [t.id, t.status]));
    expect(statuses).toEqual({ [done.id]: 'hoan_thanh_dung_han', [open.id]: 'khong_hoan_thanh' });
    expect(await status(who.coordinator.username, 'POST', `/api/plans/${old.id}/close`)).toBe(409);
  });

  it('carries a chosen task not done into the next draft, linked both ways; a done task is not carried', async () => {
    const next = json<Plan>(
      await call(ctx, who.coordinator.username, 'POST', '/api/plans', {
        communeId: commune.id,
        kind: 'annual',
        title: 'Kế hoạch CCHC năm 2027',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
      }),
    );
    expect(await status(who.coordinator.username, 'POST', `/api/plans/${old.id}/carry-over`, { targetPlanId: next.id, taskIds: [done.id] })).toBe(400);
    expect(await status(who.unitHead.username, 'POST', `/api/plans/${old.id}/carry-over`, { targetPlanId: next.id, taskIds: [open.id] })).toBe(403);
    const carried = await call(ctx, who.coordinator.username, 'POST', `/api/plans/${old.id}/carry-over`, { targetPlanId: next.id, taskIds: [open.id] });
    expect(carried.statusCode, carried.body).toBe(200);
    expect(json<{ carried: number }>(carried).carried).toBe(1);
    expect((await getPlan(next.id)).previousPlan?.id).toBe(old.id);
    expect((await getPlan(old.id)).nextPlans.map((p) => p.id)).toEqual([next.id]);
    expect((await tasksOf(next.id, '2027-01-05')).map((t) => t.content)).toEqual(['Số hóa kết quả giải quyết TTHC']);
  });
});

describe('delete a draft', () => {
  it('only the commune’s managers delete, only drafts, and the audit keeps what was deleted', async () => {
    const draft = await buildPlan(ctx, commune, { title: 'Dự thảo nhập nhầm', status: 'draft' });
    await buildTask(ctx, { plan: draft });
    expect(await status(who.unitHead.username, 'DELETE', `/api/plans/${draft.id}`)).toBe(403);
    expect(await status(who.reviewer.username, 'DELETE', `/api/plans/${draft.id}`)).toBe(403);
    expect(await status(who.coordinator.username, 'DELETE', `/api/plans/${draft.id}`)).toBe(204);
    expect(await status(who.coordinator.username, 'GET', `/api/plans/${draft.id}`)).toBe(404);
    const [entry] = json<{ action: string; before: { title: string; taskCount: number } }[]>(
      await call(ctx, who.leader.username, 'GET', `/api/audit?entity=plan&entityId=${draft.id}`),
    );
    expect(entry).toMatchObject({ action: 'delete', before: { title: 'Dự thảo nhập nhầm', taskCount: 1 } });
  });
});

describe('importing a document already stored, or another commune’s', () => {
  const reviewed = (plan: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    plan: { kind: 'half_year', periodStart: '2026-07-01', periodEnd: '2026-12-31', ...plan },
    tasks: [{ area: 1, content: 'Nhiệm vụ nhập', lead: [{ name: 'Công an xã', unitId: congAn.id }], coordinators: [], timeframeText: 'Quý IV/2026' }],
    ...extra,
  });
  const save = (body: unknown) => call(ctx, who.coordinator.username, 'POST', `/api/communes/${commune.id}/imports/save`, body);

  it('the same number is refused with the plan it matches, then replaces the draft when asked', async () => {
    const first = await save(reviewed({ title: 'Kế hoạch CCHC 6 tháng cuối năm 2026', number: '88/KH-UBND' }));
    expect(first.statusCode, first.body).toBe(201);
    const firstId = json<Plan>(first).id;
    const before = await fingerprint(ctx);
    const again = await save(reviewed({ title: 'Tên khác hẳn', number: '88 / KH-UBND' }));
    expect(again.statusCode).toBe(409);
    expect(json<ApiError>(again).error).toMatchObject({
      code: 'duplicate',
      message: expect.stringContaining('88/KH-UBND'),
      details: { duplicates: [{ id: firstId, reason: 'number' }] },
    });
    expect(await fingerprint(ctx)).toEqual(before);
    const replaced = await save(reviewed({ title: 'Tên khác hẳn', number: '88/KH-UBND' }, { onDuplicate: 'replace' }));
    expect(replaced.statusCode, replaced.body).toBe(201);
    expect(await status(who.coordinator.username, 'GET', `/api/plans/${firstId}`)).toBe(404);
  });

  it('the same title and period matches too; an issued match cannot be replaced', async () => {
    const issued = await buildPlan(ctx, commune, { title: 'Kế hoạch kiểm tra CCHC năm 2026', kind: 'inspection' });
    const body = reviewed({ title: 'KẾ HOẠCH KIỂM TRA CCHC NĂM 2026', periodStart: issued.periodStart, periodEnd: issued.periodEnd });
    const refused = await save(body);
    expect(json<ApiError>(refused).error).toMatchObject({ code: 'duplicate', details: { duplicates: [{ id: issued.id, reason: 'title_period' }] } });
    expect((await save({ ...body, onDuplicate: 'replace' })).statusCode).toBe(409);
    expect(await status(who.coordinator.username, 'GET', `/api/plans/${issued.id}`)).toBe(200);
  });

  it('a document whose issuer or place names another commune warns before saving; saved once confirmed', async () => {
    const foreign = reviewed({ title: 'Kế hoạch CCHC của xã khác', issuer: 'Ủy ban nhân dân xã Cẩm Giàng' }, { place: 'Cẩm Giàng' });
    const warned = await save(foreign);
    expect(warned.statusCode).toBe(409);
    expect(json<ApiError>(warned).error).toMatchObject({ details: { code: 'other_commune' }, message: expect.stringContaining('Cẩm Giàng') });
    expect((await save({ ...foreign, confirmOtherCommune: true })).statusCode).toBe(201);
    const own = reviewed({ title: 'Kế hoạch CCHC của xã mình', issuer: 'UBND xã Tiên Lãng Thử' }, { place: 'Tiên Lãng Thử' });
    expect((await save(own)).statusCode).toBe(201);
  });
});
