import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../domain/status';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type ApiError, type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call, countRows, fingerprint } from '../test/factories';

interface Unit {
  id: number;
  name: string;
}
interface Task {
  id: number;
  communeId: number;
  planId: number | null;
  origin: 'plan' | 'city_assigned';
  sourceDocument: string | null;
  area: number;
  number: number | null;
  content: string;
  product: string;
  leadUnits: Unit[];
  coordinatorUnits: Unit[];
  timeframeText: string;
  schedule: { kind: string; start: string | null; due: string | null; occurrences: string[]; warnings: unknown[] };
  dueOverride: string | null;
  due: string | null;
  progress: number;
  doneAt: string | null;
  status: string;
  daysLate: number | null;
  version: number;
  canEdit: boolean;
}
interface Occurrence {
  due: string;
  doneAt: string | null;
  status: string;
}
interface TaskDetail extends Task {
  /** Each deadline of the task with its own status (the contract's `checkpoints`). */
  checkpoints: Occurrence[];
  history: {
    id: number;
    kind: string;
    progress: number | null;
    note: string | null;
    occurrence: string | null;
    backdatedTo: string | null;
    reason: string | null;
    user: { id: number; fullName: string };
  }[];
}
interface AuditEntry {
  id: number;
  entity: string;
  entityId: number;
  action: string;
  actor: { id: number; fullName: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The product of a completion: the factories' tasks name one ("Báo cáo"), so a completion must carry it. */
const EVIDENCE = 'https://tienthu.gov.vn/van-ban/bao-cao-cchc.pdf';

let ctx: TestContext;
/** One commune, its units and people; each test builds the plan and tasks it needs. */
let commune: Awaited<ReturnType<typeof buildCommune>>;
let vanPhong: Awaited<ReturnType<typeof buildUnit>>;
let hcc: Awaited<ReturnType<typeof buildUnit>>;
let coordinator: BuiltUser;
let leader: BuiltUser;
let vanPhongHead: BuiltUser;
let vanPhongStaff: BuiltUser;
beforeAll(async () => {
  ctx = await createTestContext();
  commune = await buildCommune(ctx, { name: 'Tiên Thử' });
  vanPhong = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  hcc = await buildUnit(ctx, commune, { name: 'Trung tâm Phục vụ hành chính công' });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune, fullName: 'Lê Thị Cải' });
  leader = await buildUser(ctx, { role: 'leader', commune });
  vanPhongHead = await buildUser(ctx, { role: 'unit_head', commune, unit: vanPhong, fullName: 'Hoàng Văn Trưởng' });
  vanPhongStaff = await buildUser(ctx, { role: 'unit_staff', commune, unit: vanPhong });
});
afterAll(async () => ctx?.close());

const get = async <T>(user: string, url: string): Promise<T> => {
  const response = await call(ctx, user, 'GET', url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return json<T>(response);
};
const planTasks = (planId: number, query = '') => get<Task[]>(coordinator.username, `/api/plans/${planId}/tasks?asOf=${TEST_TODAY}${query}`);
const communeTasks = (query = '') => get<Task[]>(coordinator.username, `/api/tasks?communeId=${commune.id}&asOf=${TEST_TODAY}${query}`);
const detail = (id: number, user = coordinator.username) => get<TaskDetail>(user, `/api/tasks/${id}`);
/** A task as the lists judge it on the test's day. */
const taskOn = async (id: number) => (await communeTasks()).find((t) => t.id === id) as Task;
const auditOf = (id: number) => get<AuditEntry[]>(leader.username, `/api/audit?entity=task&entityId=${id}`);
const ids = (list: { id: number }[]) => list.map((t) => t.id).sort((a, b) => a - b);
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
const searchable = (t: Task) =>
  fold([t.content, t.product, t.timeframeText, t.sourceDocument ?? '', ...t.leadUnits.map((u) => u.name), ...t.coordinatorUnits.map((u) => u.name)].join(' '));

/**
 * A plan whose tasks show every status on TEST_TODAY (2026-11-23), in areas I–III:
 * overdue (Quý III, nothing reported), due soon (30/11), not started, under way, undetermined,
 * done on time, done late.
 */
async function planWithEveryStatus() {
  const plan = await buildPlan(ctx, commune, { status: 'draft' });
  const t = {
    overdue: await buildTask(ctx, { plan }, { area: 3, lead: [hcc], timeframeText: 'Quý III/2026', content: 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực đất đai' }),
    dueSoon: await buildTask(
      ctx,
      { plan },
      { area: 2, lead: [vanPhong], timeframeText: 'Trước ngày 30/11/2026', content: 'Kiểm tra văn bản quy phạm pháp luật do UBND xã ban hành' },
    ),
    notStarted: await buildTask(
      ctx,
      { plan },
      { area: 1, lead: [hcc], coordinators: [vanPhong], timeframeText: 'Tháng 12/2026', content: 'Tuyên truyền về cải cách hành chính trên đài truyền thanh' },
    ),
    underWay: await buildTask(ctx, { plan }, { area: 2, lead: [vanPhong], timeframeText: 'Tháng 12/2026', progress: 30, content: 'Tự kiểm tra văn bản quy phạm pháp luật' }),
    undetermined: await buildTask(ctx, { plan }, { area: 1, lead: [vanPhong], timeframeText: 'Theo chỉ đạo của UBND xã', content: 'Báo cáo đột xuất về cải cách hành chính' }),
    doneOnTime: await buildTask(ctx, { plan }, { area: 3, lead: [hcc], timeframeText: 'Quý III/2026', doneAt: '2026-09-15', content: 'Niêm yết công khai thủ tục hành chính' }),
    doneLate: await buildTask(ctx, { plan }, { area: 3, lead: [hcc], timeframeText: 'Quý III/2026', doneAt: '2026-10-05', content: 'Số hóa hồ sơ, kết quả giải quyết thủ tục' }),
    waiting: await buildTask(
      ctx,
      { plan },
      { area: 3, lead: [hcc], timeframeText: 'Quý IV/2026', doneAt: '2026-11-20', confirmation: 'pending', content: 'Công khai kết quả giải quyết hồ sơ trên cổng dịch vụ công' },
    ),
  };
  return { plan, t };
}

describe('listing a plan’s tasks', () => {
  let fixture: Awaited<ReturnType<typeof planWithEveryStatus>>;
  beforeAll(async () => {
    fixture = await planWithEveryStatus();
  });

  it('lists the plan’s tasks, and only them, in area order', async () => {
    const other = await buildPlan(ctx, commune, { status: 'draft' });
    await buildTask(ctx, { plan: other });
    const list = await planTasks(fixture.plan.id);
    expect(ids(list)).toEqual(ids(Object.values(fixture.t)));
    expect(list.every((t) => t.planId === fixture.plan.id && t.origin === 'plan')).toBe(true);
    const areas = list.map((t) => t.area);
    expect(areas).toEqual([...areas].sort((a, b) => a - b));
  });

  it('filters by unit: tasks the unit leads or coordinates', async () => {
    const { t } = fixture;
    const list = await planTasks(fixture.plan.id, `&unitId=${vanPhong.id}`);
    expect(ids(list)).toEqual(ids([t.dueSoon, t.notStarted, t.underWay, t.undetermined]));
  });

  it('filters by area', async () => {
    const { t } = fixture;
    const list = await planTasks(fixture.plan.id, '&area=2');
    expect(ids(list)).toEqual(ids([t.dueSoon, t.underWay]));
  });

  it('filters by judged status, and the statuses partition the list', async () => {
    const { t } = fixture;
    const expected: Record<string, { id: number }[]> = {
      qua_han: [t.overdue],
      sap_den_han: [t.dueSoon],
      chua_thuc_hien: [t.notStarted],
      dang_thuc_hien: [t.underWay],
      chua_xac_dinh_han: [t.undetermined],
      hoan_thanh_dung_han: [t.doneOnTime],
      hoan_thanh_qua_han: [t.doneLate],
      cho_xac_nhan: [t.waiting],
      // Only a closed plan's tasks are settled as not done (src/server/plans/life.test.ts).
      khong_hoan_thanh: [],
    };
    expect(Object.keys(expected).sort()).toEqual([...STATUSES].sort());
    for (const status of STATUSES) {
      const list = await planTasks(fixture.plan.id, `&status=${status}`);
      expect(ids(list), status).toEqual(ids(expected[status]));
    }
  });

  it('searches words ignoring diacritics and case: "cai cach" finds "cải cách"', async () => {
    const { t } = fixture;
    const plain = await planTasks(fixture.plan.id, `&q=${encodeURIComponent('cai cach')}`);
    const marked = await planTasks(fixture.plan.id, `&q=${encodeURIComponent('CẢI CÁCH')}`);
    expect(ids(plain)).toEqual(ids([t.notStarted, t.undetermined]));
    expect(ids(marked)).toEqual(ids(plain));
    expect(plain.every((task) => searchable(task).includes('cai cach'))).toBe(true);
  });

  it('a search with invisible characters (zero-width space, soft hyphen) or in NFD finds the same tasks', async () => {
    const plain = await planTasks(fixture.plan.id, `&q=${encodeURIComponent('cai cach')}`);
    expect(plain.length).toBeGreaterThan(1);
    for (const q of ['cải\u200b cách', 'cả\u00adi cách', 'CẢI CÁCH'.normalize('NFD'), '\ufeffcai\u200d cach']) {
      expect(ids(await planTasks(fixture.plan.id, `&q=${encodeURIComponent(q)}`)), q).toEqual(ids(plain));
    }
  });

  it('"van ban quy pham" finds the legal-document tasks; every word must match, unit names included', async () => {
    const { t } = fixture;
    expect(ids(await planTasks(fixture.plan.id, `&q=${encodeURIComponent('van ban quy pham')}`))).toEqual(ids([t.dueSoon, t.underWay]));
    expect(ids(await planTasks(fixture.plan.id, `&q=${encodeURIComponent('tu kiem tra van ban')}`))).toEqual(ids([t.underWay]));
    // Words may come from the lead unit's name.
    expect(ids(await planTasks(fixture.plan.id, `&q=${encodeURIComponent('phuc vu dat dai')}`))).toEqual(ids([t.overdue]));
    expect(await planTasks(fixture.plan.id, `&q=${encodeURIComponent('khong co tu nay xyz')}`)).toEqual([]);
  });

  it('combines filters', async () => {
    const { t } = fixture;
    expect(ids(await planTasks(fixture.plan.id, `&area=3&unitId=${hcc.id}&status=qua_han`))).toEqual(ids([t.overdue]));
  });

  it('refuses an unknown status or an area outside I–VII with 400', async () => {
    expect((await call(ctx, coordinator.username, 'GET', `/api/plans/${fixture.plan.id}/tasks?status=xong`)).statusCode).toBe(400);
    expect((await call(ctx, coordinator.username, 'GET', `/api/plans/${fixture.plan.id}/tasks?area=8`)).statusCode).toBe(400);
  });
});

describe('statuses at a date', () => {
  it('judges at the asked date: earlier, the overdue task was not yet late; overdue ones know how late', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const task = await buildTask(ctx, { plan }, { timeframeText: 'Quý III/2026' });
    const before = await get<Task[]>(coordinator.username, `/api/plans/${plan.id}/tasks?asOf=2026-09-01`);
    expect(before[0]).toMatchObject({ id: task.id, status: 'chua_thuc_hien', daysLate: null });
    expect((await planTasks(plan.id))[0]).toMatchObject({ status: 'qua_han', due: '2026-09-30', daysLate: 54 });
    // Task detail honours asOf too.
    expect((await get<TaskDetail>(coordinator.username, `/api/tasks/${task.id}?asOf=2026-09-01`)).status).toBe('chua_thuc_hien');
  });

  it('without asOf, the app’s clock decides “today”', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const task = await buildTask(ctx, { plan }, { timeframeText: `Trước ngày ${ctx.clock.today().split('-').reverse().join('/')}` });
    expect((await detail(task.id)).status).toBe('sap_den_han');
  });
});

describe('reporting progress', () => {
  it('a unit head updates progress: the task, its history and the audit log all show it', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const task = await buildTask(ctx, { plan }, { lead: [vanPhong], timeframeText: 'Tháng 12/2026' });
    const response = await call(ctx, vanPhongHead.username, 'POST', `/api/tasks/${task.id}/progress`, { progress: 45, note: 'Đã rà soát 45% văn bản', version: task.version });
    expect(response.statusCode).toBe(200);
    expect(json<Task>(response)).toMatchObject({ id: task.id, progress: 45, doneAt: null, version: task.version + 1 });
    expect((await taskOn(task.id)).status).toBe('dang_thuc_hien');

    const after = await detail(task.id);
    expect(after.history[0]).toMatchObject({ kind: 'progress', progress: 45, note: 'Đã rà soát 45% văn bản', user: { fullName: 'Hoàng Văn Trưởng' } });
    const [entry] = await auditOf(task.id);
    expect(entry).toMatchObject({ entity: 'task', entityId: task.id, action: 'progress', actor: { fullName: 'Hoàng Văn Trưởng' } });
    expect(entry.before).toMatchObject({ progress: 0, doneAt: null });
    expect(entry.after).toMatchObject({ progress: 45, doneAt: null, note: 'Đã rà soát 45% văn bản' });
  });

  it('marking done on or before the due date → hoàn thành đúng hạn (a backdated date: the coordinator, with a reason)', async () => {
    const task = await buildTask(ctx, { commune }, { lead: [vanPhong], timeframeText: 'Trước ngày 11/11/2026' });
    expect(await taskOn(task.id)).toMatchObject({ status: 'qua_han', due: '2026-11-11' });
    const reason = 'Văn bản báo cáo đã ký ngày 11/11, nhập muộn do mất mạng';
    const response = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, {
      version: task.version,
      progress: 100,
      done: true,
      evidenceLink: EVIDENCE,
      doneAt: '2026-11-11',
      doneAtReason: reason,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Task>(response)).toMatchObject({ progress: 100, doneAt: '2026-11-11', daysLate: null });
    expect((await taskOn(task.id)).status).toBe('hoan_thanh_dung_han');
    expect((await detail(task.id)).history[0]).toMatchObject({ kind: 'done', progress: 100, backdatedTo: '2026-11-11', reason, user: { fullName: 'Lê Thị Cải' } });
    const [entry] = await auditOf(task.id);
    expect(entry).toMatchObject({ action: 'progress', actor: { fullName: 'Lê Thị Cải' } });
    expect(entry.after).toMatchObject({ doneAt: '2026-11-11', backdatedTo: '2026-11-11', reportedOn: ctx.clock.today(), reason });
  });

  it('marking done after the due date → hoàn thành quá hạn with the days late; reopening clears it', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const task = await buildTask(ctx, { plan }, { timeframeText: 'Tháng 10/2026' });
    const response = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, {
      version: task.version,
      progress: 100,
      done: true,
      evidenceLink: EVIDENCE,
      doneAt: '2026-11-05',
      doneAtReason: 'Phát sóng ngày 05/11',
      note: 'Đã phát sóng',
    });
    expect(response.statusCode).toBe(200);
    expect(await taskOn(task.id)).toMatchObject({ status: 'hoan_thanh_qua_han', doneAt: '2026-11-05', daysLate: 5, progress: 100 });

    const reopen = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, {
      progress: 80,
      done: false,
      note: 'Cần bổ sung',
      version: json<Task>(response).version,
    });
    expect(reopen.statusCode).toBe(200);
    expect(await taskOn(task.id)).toMatchObject({ status: 'qua_han', doneAt: null, progress: 80 });
    expect((await detail(task.id)).history[0]).toMatchObject({ kind: 'reopened', progress: 80 });
  });

  it('refuses a completion date after the clock’s today, saving nothing', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const task = await buildTask(ctx, { plan });
    const tomorrow = new Date(Date.parse(`${ctx.clock.today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const doneAt of [tomorrow, '2099-01-01']) {
      const before = await fingerprint(ctx);
      const response = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, {
        progress: 100,
        done: true,
        evidenceLink: EVIDENCE,
        doneAt,
        version: task.version,
      });
      expect(response.statusCode).toBe(400);
      expect(json<ApiError>(response).error.message).toBe('Ngày hoàn thành không được sau ngày hôm nay.');
      expect(await fingerprint(ctx)).toEqual(before);
    }
    const today = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, {
      progress: 100,
      done: true,
      evidenceLink: EVIDENCE,
      doneAt: ctx.clock.today(),
      version: task.version,
    });
    expect(today.statusCode).toBe(200);
  });

  it('a recurring task: completing one occurrence closes that checkpoint only', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const task = await buildTask(ctx, { plan }, { timeframeText: 'Trước ngày 10 của tháng cuối quý' });
    const initial = await detail(task.id);
    expect(initial.schedule.kind).toBe('recurring');
    expect(initial.checkpoints.map((o) => o.due)).toEqual(['2026-03-10', '2026-06-10', '2026-09-10', '2026-12-10']);
    expect(initial.checkpoints.every((o) => o.doneAt === null)).toBe(true);

    // A date that is not one of the task's deadlines is refused.
    const before = await fingerprint(ctx);
    const wrong = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, {
      version: task.version,
      progress: 100,
      done: true,
      evidenceLink: EVIDENCE,
      occurrence: '2026-12-11',
      doneAt: '2026-11-20',
      doneAtReason: 'Báo cáo quý đã gửi',
    });
    expect(wrong.statusCode).toBe(400);
    expect(json<ApiError>(wrong).error.message).toBe('Kỳ thực hiện đã chọn không có trong lịch của nhiệm vụ.');
    expect(await fingerprint(ctx)).toEqual(before);

    for (const due of ['2026-03-10', '2026-06-10', '2026-09-10']) {
      const done = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, {
        version: (await detail(task.id)).version,
        progress: 75,
        done: true,
        evidenceLink: EVIDENCE,
        occurrence: due,
        doneAt: due,
        doneAtReason: 'Báo cáo quý đã gửi đúng hạn',
      });
      expect(done.statusCode, done.body).toBe(200);
    }
    const response = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, {
      version: (await detail(task.id)).version,
      progress: 100,
      done: true,
      evidenceLink: EVIDENCE,
      occurrence: '2026-12-10',
      doneAt: '2026-11-20',
      doneAtReason: 'Báo cáo quý đã gửi',
    });
    expect(response.statusCode).toBe(200);
    expect(json<Task>(response).doneAt).toBeNull(); // the task itself stays open: it is a series
    const after = await detail(task.id);
    expect(after.checkpoints.find((o) => o.due === '2026-12-10')).toEqual({ due: '2026-12-10', doneAt: '2026-11-20', status: 'hoan_thanh_dung_han' });
    expect(after.history[0]).toMatchObject({ kind: 'done', occurrence: '2026-12-10' });
    expect(await countRows(ctx, 'task_occurrence_completions', `task_id = ${task.id} AND due = '2026-12-10'`)).toBe(1);
    expect((await taskOn(task.id)).status).toBe('hoan_thanh_dung_han');

    // Undoing the occurrence opens it again.
    const undo = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, {
      progress: 75,
      done: false,
      occurrence: '2026-12-10',
      version: (await detail(task.id)).version,
    });
    expect(undo.statusCode).toBe(200);
    expect(await countRows(ctx, 'task_occurrence_completions', `task_id = ${task.id} AND due = '2026-12-10'`)).toBe(0);
    expect((await taskOn(task.id)).status).toBe('dang_thuc_hien');
  });
});

describe('reporting progress: optimistic concurrency on the task version', () => {
  it('a report on a stale version answers 409 in Vietnamese and changes nothing', async () => {
    const task = await buildTask(ctx, { plan: await buildPlan(ctx, commune, { status: 'draft' }) });
    const first = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, { progress: 20, version: task.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<Task>(first).version).toBe(task.version + 1);
    const before = await fingerprint(ctx);
    const stale = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, { progress: 90, version: task.version, note: 'Báo cáo cũ' });
    expect(stale.statusCode).toBe(409);
    expect(json<ApiError>(stale).error).toMatchObject({ code: 'conflict', message: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại trang rồi thử lại.' });
    expect(await fingerprint(ctx)).toEqual(before);
  });

  it('a report without its version is refused (400)', async () => {
    const task = await buildTask(ctx, { plan: await buildPlan(ctx, commune, { status: 'draft' }) });
    const response = await call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, { progress: 30 });
    expect(response.statusCode).toBe(400);
    expect(json<ApiError>(response).error.message).toMatch(/version/);
  });

  it('five reports at once on the same version: exactly one lands, the others 409; one history entry, version + 1', async () => {
    const task = await buildTask(ctx, { plan: await buildPlan(ctx, commune, { status: 'draft' }) });
    const historyBefore = await countRows(ctx, 'task_history', `task_id = ${task.id}`);
    const responses = await Promise.all(
      [10, 20, 30, 40, 50].map((progress) => call(ctx, coordinator.username, 'POST', `/api/tasks/${task.id}/progress`, { progress, version: task.version })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const winner = json<Task>(responses.find((r) => r.statusCode === 200) as (typeof responses)[number]);
    const after = await detail(task.id);
    expect(after).toMatchObject({ version: task.version + 1, progress: winner.progress });
    expect(await countRows(ctx, 'task_history', `task_id = ${task.id}`)).toBe(historyBefore + 1);
  });
});

describe('completion dates cannot be backdated', () => {
  const refusedUnchanged = async (user: BuiltUser, taskId: number, body: Record<string, unknown>, status: number, message: string) => {
    const before = await fingerprint(ctx);
    const response = await call(ctx, user.username, 'POST', `/api/tasks/${taskId}/progress`, { version: (await detail(taskId)).version, ...body });
    expect(response.statusCode, response.body).toBe(status);
    expect(json<ApiError>(response).error.message).toBe(message);
    expect(await fingerprint(ctx)).toEqual(before);
  };
  const ONLY_MANAGERS = 'Ngày hoàn thành là ngày báo cáo; chỉ đầu mối CCHC hoặc lãnh đạo xã/phường được ghi một ngày hoàn thành trước hôm nay.';
  /** A Văn phòng task of a plan for 2026, and a city task of 2026 for the managers. */
  let vanPhongTask: Awaited<ReturnType<typeof buildTask>>;
  let cityTask: Awaited<ReturnType<typeof buildTask>>;
  beforeAll(async () => {
    vanPhongTask = await buildTask(ctx, { plan: await buildPlan(ctx, commune, { status: 'draft' }) }, { lead: [vanPhong], timeframeText: 'Tháng 12/2026' });
    cityTask = await buildTask(ctx, { commune }, { lead: [hcc], timeframeText: 'Trước ngày 31/12/2026' });
  });

  it('the issue’s request — unit staff marking their task done on 2000-01-01 — is refused, nothing saved', async () => {
    expect((await detail(vanPhongTask.id, vanPhongStaff.username)).canEdit).toBe(true);
    await refusedUnchanged(vanPhongStaff, vanPhongTask.id, { progress: 100, done: true, evidenceLink: EVIDENCE, doneAt: '2000-01-01' }, 403, ONLY_MANAGERS);
  });

  it('a unit head cannot record yesterday either, even with a reason', async () => {
    const yesterday = new Date(Date.parse(`${ctx.clock.today()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await refusedUnchanged(vanPhongHead, vanPhongTask.id, { progress: 100, done: true, evidenceLink: EVIDENCE, doneAt: yesterday, doneAtReason: 'Quên nhập' }, 403, ONLY_MANAGERS);
  });

  it('a unit head completing without a date gets the clock’s today (UTC+7)', async () => {
    const response = await call(ctx, vanPhongHead.username, 'POST', `/api/tasks/${vanPhongTask.id}/progress`, {
      version: (await detail(vanPhongTask.id)).version,
      progress: 100,
      done: true,
      evidenceLink: EVIDENCE,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Task>(response).doneAt).toBe(ctx.clock.today());
    expect((await detail(vanPhongTask.id)).history[0]).toMatchObject({ kind: 'done', backdatedTo: null, reason: null });
    // Sending today's date explicitly is the same report.
    const again = await call(ctx, vanPhongHead.username, 'POST', `/api/tasks/${vanPhongTask.id}/progress`, {
      version: (await detail(vanPhongTask.id)).version,
      progress: 100,
      done: true,
      evidenceLink: EVIDENCE,
      doneAt: ctx.clock.today(),
    });
    expect(again.statusCode).toBe(200);
  });

  it('the coordinator and the leader must give a reason', async () => {
    await refusedUnchanged(
      coordinator,
      cityTask.id,
      { progress: 100, done: true, evidenceLink: EVIDENCE, doneAt: '2026-11-20' },
      400,
      'Vui lòng nêu lý do khi ghi ngày hoàn thành trước hôm nay.',
    );
    await refusedUnchanged(
      leader,
      cityTask.id,
      { progress: 100, done: true, evidenceLink: EVIDENCE, doneAt: '2026-11-20', doneAtReason: '   ' },
      400,
      'Vui lòng nêu lý do khi ghi ngày hoàn thành trước hôm nay.',
    );
  });

  it('never before the task’s start (its plan or year start), even for the coordinator', async () => {
    const task = await detail(cityTask.id);
    const start = task.schedule.start ?? '2026-01-01';
    expect(start <= '2026-11-20').toBe(true);
    const shown = `${start.slice(8, 10)}/${start.slice(5, 7)}/${start.slice(0, 4)}`;
    await refusedUnchanged(
      coordinator,
      cityTask.id,
      { progress: 100, done: true, evidenceLink: EVIDENCE, doneAt: '2000-01-01', doneAtReason: 'Thử' },
      400,
      `Ngày hoàn thành không được trước ngày bắt đầu của nhiệm vụ (${shown}).`,
    );
  });

  it('never in the future', async () => {
    await refusedUnchanged(
      leader,
      cityTask.id,
      { progress: 100, done: true, evidenceLink: EVIDENCE, doneAt: '2099-01-01', doneAtReason: 'Thử' },
      400,
      'Ngày hoàn thành không được sau ngày hôm nay.',
    );
  });

  it('the leader records an earlier day with a reason: history and audit keep both', async () => {
    const response = await call(ctx, leader.username, 'POST', `/api/tasks/${cityTask.id}/progress`, {
      version: (await detail(cityTask.id)).version,
      progress: 100,
      done: true,
      evidenceLink: EVIDENCE,
      doneAt: '2026-11-20',
      doneAtReason: 'Đã hoàn thành theo biên bản ngày 20/11',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Task & { canBackdate: boolean }>(response)).toMatchObject({ doneAt: '2026-11-20', canBackdate: true });
    expect((await detail(cityTask.id)).history[0]).toMatchObject({ kind: 'done', backdatedTo: '2026-11-20', reason: 'Đã hoàn thành theo biên bản ngày 20/11' });
    const [entry] = await auditOf(cityTask.id);
    expect(entry.after).toMatchObject({ backdatedTo: '2026-11-20', reason: 'Đã hoàn thành theo biên bản ngày 20/11', reportedOn: ctx.clock.today() });
    expect((await detail(cityTask.id, vanPhongHead.username)) as unknown as { canBackdate: boolean }).toMatchObject({ canBackdate: false });
  });
});

describe('editing a task', () => {
  it('a stale version answers 409 in Vietnamese and changes nothing', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const task = await detail((await buildTask(ctx, { plan }, { content: 'Xây dựng kế hoạch tuyên truyền' })).id);
    const first = await call(ctx, coordinator.username, 'PATCH', `/api/tasks/${task.id}`, { version: task.version, product: 'Kế hoạch tuyên truyền (bản sửa)' });
    expect(first.statusCode).toBe(200);
    expect(json<Task>(first).version).toBe(task.version + 1);

    // Someone who loaded the task before that edit tries to save.
    const before = await fingerprint(ctx);
    const stale = await call(ctx, leader.username, 'PATCH', `/api/tasks/${task.id}`, { version: task.version, content: 'Nội dung ghi đè' });
    expect(stale.statusCode).toBe(409);
    expect(json<ApiError>(stale).error).toMatchObject({ code: 'conflict', message: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại trang rồi thử lại.' });
    expect(await fingerprint(ctx)).toEqual(before);
    const now = await detail(task.id);
    expect(now.content).toBe('Xây dựng kế hoạch tuyên truyền');
    expect(now.product).toBe('Kế hoạch tuyên truyền (bản sửa)');
  });

  it('a new time-frame text is parsed again into the schedule, and the audit log keeps before and after', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const task = await detail((await buildTask(ctx, { plan }, { timeframeText: 'Cả năm 2026' })).id);
    expect(task.schedule.kind).toBe('whole_period');
    const response = await call(ctx, coordinator.username, 'PATCH', `/api/tasks/${task.id}`, { version: task.version, timeframeText: 'Quý III/2026' });
    expect(response.statusCode).toBe(200);
    const updated = json<TaskDetail>(response);
    expect(updated.timeframeText).toBe('Quý III/2026');
    expect(updated.schedule).toMatchObject({ kind: 'quarter', due: '2026-09-30' });
    expect((await taskOn(task.id)).status).toBe('qua_han');
    expect(updated.history[0].kind).toBe('edited');
    const [entry] = await auditOf(task.id);
    expect(entry.action).toBe('update');
    expect(entry.before).toMatchObject({ timeframeText: 'Cả năm 2026' });
    expect(entry.after).toMatchObject({ timeframeText: 'Quý III/2026', schedule: { kind: 'quarter', due: '2026-09-30' } });

    const recurring = await call(ctx, coordinator.username, 'PATCH', `/api/tasks/${task.id}`, { version: updated.version, timeframeText: 'Trước ngày 15 của tháng cuối quý' });
    expect(json<TaskDetail>(recurring).schedule).toMatchObject({ kind: 'recurring', occurrences: ['2026-03-15', '2026-06-15', '2026-09-15', '2026-12-15'] });
  });

  it('a settled due date (dueOverride) gives an undetermined task a deadline', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const task = await detail((await buildTask(ctx, { plan }, { timeframeText: 'Theo chỉ đạo của UBND xã' })).id);
    expect(task.status).toBe('chua_xac_dinh_han');
    const response = await call(ctx, coordinator.username, 'PATCH', `/api/tasks/${task.id}`, { version: task.version, dueOverride: '2026-12-20' });
    expect(response.statusCode).toBe(200);
    expect(await taskOn(task.id)).toMatchObject({ dueOverride: '2026-12-20', due: '2026-12-20', status: 'chua_thuc_hien' });
  });

  it('an edit changes only the fields it sends: the time frame and coordinating units stay', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const task = await detail((await buildTask(ctx, { plan }, { lead: [vanPhong], coordinators: [hcc], timeframeText: 'Theo chỉ đạo của UBND xã' })).id);
    const response = await call(ctx, coordinator.username, 'PATCH', `/api/tasks/${task.id}`, { version: task.version, dueOverride: '2026-12-18' });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const after = await detail(task.id);
    expect(after.timeframeText).toBe('Theo chỉ đạo của UBND xã');
    expect(after.coordinatorUnits.map((u) => u.id)).toEqual([hcc.id]);
  });
});

describe('validation: 400 with a Vietnamese message and nothing saved', () => {
  let plan: Awaited<ReturnType<typeof buildPlan>>;
  let task: Awaited<ReturnType<typeof buildTask>>;
  let foreignUnit: Awaited<ReturnType<typeof buildUnit>>;
  beforeAll(async () => {
    plan = await buildPlan(ctx, commune, { status: 'draft' });
    task = await buildTask(ctx, { plan });
    foreignUnit = await buildUnit(ctx, await buildCommune(ctx, { city: { id: commune.cityId } }));
  });
  const validTask = () => ({ area: 3, content: 'Niêm yết công khai thủ tục hành chính', leadUnitIds: [hcc.id], coordinatorUnitIds: [], timeframeText: 'Quý IV/2026' });
  const cases: { name: string; method: 'POST' | 'PATCH'; url: () => string; body: () => Promise<unknown> | unknown; message: RegExp }[] = [
    { name: 'area 9', method: 'POST', url: () => `/api/plans/${plan.id}/tasks`, body: () => ({ ...validTask(), area: 9 }), message: /Lĩnh vực từ I đến VII/ },
    {
      name: 'content of 6000 characters',
      method: 'POST',
      url: () => `/api/plans/${plan.id}/tasks`,
      body: () => ({ ...validTask(), content: 'Nội dung '.repeat(667).slice(0, 6000) }),
      message: /Nội dung nhiệm vụ tối đa 5000 ký tự/,
    },
    {
      name: 'no lead unit',
      method: 'POST',
      url: () => `/api/plans/${plan.id}/tasks`,
      body: () => ({ ...validTask(), leadUnitIds: [] }),
      message: /Chọn ít nhất một cơ quan chủ trì/,
    },
    {
      name: 'a unit of another commune',
      method: 'POST',
      url: () => `/api/plans/${plan.id}/tasks`,
      body: () => ({ ...validTask(), leadUnitIds: [foreignUnit.id] }),
      message: /Có đơn vị không thuộc xã\/phường này/,
    },
    {
      name: 'impossible date 2026-02-30',
      method: 'PATCH',
      url: () => `/api/tasks/${task.id}`,
      body: async () => ({ version: (await detail(task.id)).version, dueOverride: '2026-02-30' }),
      message: /Ngày không tồn tại/,
    },
    {
      name: 'progress 150',
      method: 'POST',
      url: () => `/api/tasks/${task.id}/progress`,
      body: async () => ({ progress: 150, version: (await detail(task.id)).version }),
      message: /Tiến độ từ 0 đến 100/,
    },
    {
      name: 'a city task without its source document',
      method: 'POST',
      url: () => '/api/tasks',
      body: () => ({ ...validTask(), communeId: commune.id, origin: 'city_assigned' }),
      message: /sourceDocument/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const body = await c.body();
      const before = await fingerprint(ctx);
      const response = await call(ctx, coordinator.username, c.method, c.url(), body);
      expect(response.statusCode).toBe(400);
      const error = json<ApiError>(response).error;
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(c.message);
      expect(error.message).toMatch(/hợp lệ|không|Lĩnh vực|Tiến độ|Nội dung|Chọn|Ngày|Có đơn vị/);
      expect(await fingerprint(ctx)).toEqual(before);
    });
  }
});

describe('tasks the city assigns', () => {
  it('are created outside any plan, read in the clock’s year, and listed with origin=city_assigned', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    const planTask = await buildTask(ctx, { plan });
    const earlier = await buildTask(ctx, { commune }, { lead: [vanPhong] });
    const response = await call(ctx, coordinator.username, 'POST', '/api/tasks', {
      communeId: commune.id,
      origin: 'city_assigned',
      sourceDocument: 'Công văn số 3120/UBND-NC ngày 10/11/2026 của UBND thành phố',
      area: 3,
      content: 'Báo cáo số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.',
      leadUnitIds: [hcc.id],
      coordinatorUnitIds: [vanPhong.id],
      timeframeText: 'Trước ngày 20/12',
      product: 'Báo cáo',
    });
    expect(response.statusCode).toBe(201);
    const created = json<TaskDetail>(response);
    expect(created).toMatchObject({
      origin: 'city_assigned',
      planId: null,
      communeId: commune.id,
      due: '2026-12-20',
      sourceDocument: 'Công văn số 3120/UBND-NC ngày 10/11/2026 của UBND thành phố',
    });
    expect(created.leadUnits).toEqual([{ id: hcc.id, name: 'Trung tâm Phục vụ hành chính công' }]);
    expect(created.history.map((h) => h.kind)).toEqual(['created']);

    const cityTasks = await communeTasks('&origin=city_assigned');
    expect(cityTasks.every((t) => t.origin === 'city_assigned' && t.planId === null)).toBe(true);
    expect(ids(cityTasks)).toEqual(expect.arrayContaining(ids([earlier, created])));
    expect(ids(cityTasks)).not.toContain(planTask.id);
    expect(ids(await planTasks(plan.id))).toEqual([planTask.id]);
    const [entry] = await auditOf(created.id);
    expect(entry).toMatchObject({ action: 'create', actor: { fullName: 'Lê Thị Cải' } });
  });

  it('a plan task is added to its plan, after the others', async () => {
    const plan = await buildPlan(ctx, commune, { status: 'draft' });
    await buildTask(ctx, { plan }, { area: 7 });
    const response = await call(ctx, leader.username, 'POST', `/api/plans/${plan.id}/tasks`, {
      area: 7,
      number: 39,
      content: 'Triển khai chữ ký số cho cán bộ, công chức.',
      leadUnitIds: [vanPhong.id],
      timeframeText: 'Tháng 12/2026',
    });
    expect(response.statusCode).toBe(201);
    expect(json<Task>(response)).toMatchObject({ planId: plan.id, origin: 'plan', area: 7, due: '2026-12-31', coordinatorUnits: [] });
    const list = await planTasks(plan.id);
    expect(list).toHaveLength(2);
    expect(list[list.length - 1].content).toBe('Triển khai chữ ký số cho cán bộ, công chức.');
  });
});
