import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../domain/status';
import { todayInVietnam } from '../clock';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { call, countRows, DEMO, fingerprint, type ApiError } from '../test/factories';

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

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const get = async <T>(user: string, url: string): Promise<T> => {
  const response = await call(ctx, user, 'GET', url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return json<T>(response);
};
const planTasks = (query = '') => get<Task[]>('daumoi', `/api/plans/${DEMO.plans.tienLang}/tasks?asOf=${TEST_TODAY}${query}`);
const communeTasks = (query = '') => get<Task[]>('daumoi', `/api/tasks?communeId=${DEMO.communes.tienLang}&asOf=${TEST_TODAY}${query}`);
const detail = (id: number, user = 'daumoi') => get<TaskDetail>(user, `/api/tasks/${id}`);
/** A task as the lists judge it on the demo's day. */
const taskOn = async (id: number) => (await communeTasks()).find((t) => t.id === id) as Task;
const auditOf = (id: number) => get<AuditEntry[]>('chutich', `/api/audit?entity=task&entityId=${id}`);
const ids = (list: { id: number }[]) => list.map((t) => t.id).sort((a, b) => a - b);
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
const searchable = (t: Task) => fold([t.content, t.product, t.timeframeText, t.sourceDocument ?? '', ...t.leadUnits.map((u) => u.name), ...t.coordinatorUnits.map((u) => u.name)].join(' '));

describe('listing a plan’s tasks', () => {
  it('lists the 38 tasks of Tiên Lãng’s 2026 plan in area order', async () => {
    const list = await planTasks();
    expect(list).toHaveLength(38);
    expect(list.every((t) => t.planId === DEMO.plans.tienLang && t.origin === 'plan')).toBe(true);
    const areas = list.map((t) => t.area);
    expect(areas).toEqual([...areas].sort((a, b) => a - b));
    expect(new Set(areas)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
  });

  it('filters by unit: tasks the unit leads or coordinates', async () => {
    const all = await planTasks();
    const list = await planTasks(`&unitId=${DEMO.units.vanPhong}`);
    const involves = (t: Task) => [...t.leadUnits, ...t.coordinatorUnits].some((u) => u.id === DEMO.units.vanPhong);
    expect(ids(list)).toEqual(ids(all.filter(involves)));
    // Area II is Văn phòng's (9–18), it co-leads 20 and coordinates 34.
    expect(ids(list)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 34]);
  });

  it('filters by area', async () => {
    const list = await planTasks('&area=2');
    expect(ids(list)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(list.every((t) => t.area === 2)).toBe(true);
  });

  it('filters by judged status, and the statuses partition the list', async () => {
    const all = await planTasks();
    let seen = 0;
    for (const status of STATUSES) {
      const list = await planTasks(`&status=${status}`);
      expect(list.every((t) => t.status === status)).toBe(true);
      expect(ids(list)).toEqual(ids(all.filter((t) => t.status === status)));
      seen += list.length;
    }
    expect(seen).toBe(38);
    expect(ids(await planTasks('&status=qua_han'))).toEqual([8, 20, 23]);
  });

  it('searches words ignoring diacritics and case: "cai cach" finds "cải cách"', async () => {
    const all = await planTasks();
    const plain = await planTasks(`&q=${encodeURIComponent('cai cach')}`);
    const marked = await planTasks(`&q=${encodeURIComponent('CẢI CÁCH')}`);
    expect(plain.length).toBeGreaterThan(3);
    expect(plain.length).toBeLessThan(all.length);
    expect(ids(marked)).toEqual(ids(plain));
    expect(ids(plain)).toEqual(expect.arrayContaining([1, 3, 5]));
    expect(plain.find((t) => t.id === 1)?.content).toContain('cải cách');
    expect(plain.every((t) => searchable(t).includes('cai cach'))).toBe(true);
    expect(ids(all.filter((t) => searchable(t).includes('cai cach')))).toEqual(ids(plain));
  });

  it('a search with invisible characters (zero-width space, soft hyphen) or in NFD finds the same tasks', async () => {
    const plain = await planTasks(`&q=${encodeURIComponent('cai cach')}`);
    expect(plain.length).toBeGreaterThan(3);
    for (const q of ['cải\u200b cách', 'cả\u00adi cách', 'CẢI CÁCH'.normalize('NFD'), '\ufeffcai\u200d cach']) {
      expect(ids(await planTasks(`&q=${encodeURIComponent(q)}`)), q).toEqual(ids(plain));
    }
  });

  it('"van ban quy pham" finds the legal-document tasks; every word must match', async () => {
    const list = await planTasks(`&q=${encodeURIComponent('van ban quy pham')}`);
    expect(ids(list)).toEqual(expect.arrayContaining([9, 10, 11, 13, 15, 17, 18]));
    expect(list.every((t) => searchable(t).includes('van ban quy pham'))).toBe(true);
    expect(list.find((t) => t.id === 9)?.content).toMatch(/văn bản quy phạm/i);
    const both = await planTasks(`&q=${encodeURIComponent('văn bản kiểm tra')}`);
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(list.length + 5);
    expect(both.every((t) => searchable(t).includes('van ban') && searchable(t).includes('kiem tra'))).toBe(true);
    expect(await planTasks(`&q=${encodeURIComponent('khong co tu nay xyz')}`)).toEqual([]);
  });

  it('combines filters', async () => {
    const list = await planTasks(`&area=3&unitId=${DEMO.units.hcc}&status=qua_han`);
    expect(ids(list)).toEqual([20, 23]);
  });

  it('refuses an unknown status or an area outside I–VII with 400', async () => {
    expect((await call(ctx, 'daumoi', 'GET', `/api/plans/1/tasks?status=xong`)).statusCode).toBe(400);
    expect((await call(ctx, 'daumoi', 'GET', `/api/plans/1/tasks?area=8`)).statusCode).toBe(400);
  });
});

describe('statuses on the demo’s day', () => {
  it('plan 1 and the city’s tasks show every status, with the right counts', async () => {
    const list = await communeTasks();
    expect(list).toHaveLength(42);
    expect(new Set(list.map((t) => t.status))).toEqual(new Set(STATUSES));
    const count = (s: string) => list.filter((t) => t.status === s).length;
    expect(count('qua_han')).toBe(4);
    expect(count('sap_den_han')).toBe(1);
    expect(count('chua_xac_dinh_han')).toBe(2);
    expect(count('hoan_thanh_qua_han')).toBe(1);
    // Overdue tasks know how late they are; undetermined ones have no due date.
    for (const t of list.filter((t) => t.status === 'qua_han')) expect(t.daysLate).toBeGreaterThan(0);
    for (const t of list.filter((t) => t.status === 'chua_xac_dinh_han')) expect(t.due).toBeNull();
  });

  it('judges at the asked date: earlier, the overdue task was not yet late', async () => {
    const onTime = await get<Task[]>('daumoi', `/api/tasks?communeId=1&asOf=2026-10-01`);
    expect(onTime.find((t) => t.id === 8)?.status).not.toBe('qua_han');
    expect((await taskOn(8)).status).toBe('qua_han');
  });
});

describe('reporting progress', () => {
  it('a unit head updates progress: the task, its history and the audit log all show it', async () => {
    const before = await taskOn(9);
    expect(before.progress).toBe(0);
    const response = await call(ctx, 'truongvp', 'POST', '/api/tasks/9/progress', { progress: 45, note: 'Đã rà soát 45% văn bản', version: (await detail(9)).version });
    expect(response.statusCode).toBe(200);
    const returned = json<Task>(response);
    expect(returned).toMatchObject({ id: 9, progress: 45, doneAt: null, version: before.version + 1 });
    expect((await taskOn(9)).status).toBe('dang_thuc_hien');

    const task = await detail(9);
    expect(task.history[0]).toMatchObject({ kind: 'progress', progress: 45, note: 'Đã rà soát 45% văn bản', user: { fullName: 'Hoàng Văn Trưởng' } });
    const [entry] = await auditOf(9);
    expect(entry).toMatchObject({ entity: 'task', entityId: 9, action: 'progress', actor: { fullName: 'Hoàng Văn Trưởng' } });
    expect(entry.before).toMatchObject({ progress: 0, doneAt: null });
    expect(entry.after).toMatchObject({ progress: 45, doneAt: null, note: 'Đã rà soát 45% văn bản' });
  });

  it('marking done on or before the due date → hoàn thành đúng hạn (a backdated date: the coordinator, with a reason)', async () => {
    const city = await taskOn(97);
    expect(city).toMatchObject({ status: 'qua_han', due: '2026-11-11' });
    const reason = 'Văn bản báo cáo đã ký ngày 11/11, nhập muộn do mất mạng';
    const response = await call(ctx, 'daumoi', 'POST', '/api/tasks/97/progress', { version: (await detail(97)).version, progress: 100, done: true, doneAt: '2026-11-11', doneAtReason: reason });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Task>(response)).toMatchObject({ progress: 100, doneAt: '2026-11-11', daysLate: null });
    expect((await taskOn(97)).status).toBe('hoan_thanh_dung_han');
    expect((await detail(97)).history[0]).toMatchObject({ kind: 'done', progress: 100, backdatedTo: '2026-11-11', reason, user: { fullName: 'Lê Thị Cải' } });
    const [entry] = await auditOf(97);
    expect(entry).toMatchObject({ action: 'progress', actor: { fullName: 'Lê Thị Cải' } });
    expect(entry.after).toMatchObject({ doneAt: '2026-11-11', backdatedTo: '2026-11-11', reportedOn: todayInVietnam(), reason });
  });

  it('marking done after the due date → hoàn thành quá hạn with the days late', async () => {
    expect((await taskOn(8)).due).toBe('2026-10-31');
    const response = await call(ctx, 'daumoi', 'POST', '/api/tasks/8/progress', { version: (await detail(8)).version, progress: 100, done: true, doneAt: '2026-11-05', doneAtReason: 'Phát sóng ngày 05/11', note: 'Đã phát sóng' });
    expect(response.statusCode).toBe(200);
    const task = await taskOn(8);
    expect(task).toMatchObject({ status: 'hoan_thanh_qua_han', doneAt: '2026-11-05', daysLate: 5, progress: 100 });
  });

  it('reopening a done task clears its completion and records "reopened"', async () => {
    const response = await call(ctx, 'daumoi', 'POST', '/api/tasks/8/progress', { progress: 80, done: false, note: 'Cần bổ sung', version: (await detail(8)).version });
    expect(response.statusCode).toBe(200);
    expect(await taskOn(8)).toMatchObject({ status: 'qua_han', doneAt: null, progress: 80 });
    expect((await detail(8)).history[0]).toMatchObject({ kind: 'reopened', progress: 80 });
  });

  it('refuses a completion date in the future, saving nothing', async () => {
    const before = await fingerprint(ctx);
    const response = await call(ctx, 'daumoi', 'POST', '/api/tasks/5/progress', { progress: 100, done: true, doneAt: '2099-01-01', version: (await detail(5)).version });
    expect(response.statusCode).toBe(400);
    expect(json<ApiError>(response).error.message).toBe('Ngày hoàn thành không được sau ngày hôm nay.');
    expect(await fingerprint(ctx)).toEqual(before);
  });

  it('a recurring task: completing one occurrence closes that checkpoint only', async () => {
    const task = await detail(2);
    expect(task.schedule.kind).toBe('recurring');
    expect(task.checkpoints.map((o) => o.due)).toEqual(task.schedule.occurrences);
    expect(task.checkpoints.length).toBeGreaterThanOrEqual(4);
    const open = task.checkpoints.filter((o) => o.doneAt === null);
    expect(open.map((o) => o.due)).toEqual(['2026-12-10']);
    const earlierLate = task.checkpoints.some((o) => o.status === 'hoan_thanh_qua_han');

    // A date that is not one of the task's deadlines is refused.
    const before = await fingerprint(ctx);
    const wrong = await call(ctx, 'daumoi', 'POST', '/api/tasks/2/progress', { version: (await detail(2)).version, progress: 100, done: true, occurrence: '2026-12-11', doneAt: '2026-11-20', doneAtReason: 'Báo cáo quý đã gửi' });
    expect(wrong.statusCode).toBe(400);
    expect(json<ApiError>(wrong).error.message).toBe('Kỳ thực hiện đã chọn không có trong lịch của nhiệm vụ.');
    expect(await fingerprint(ctx)).toEqual(before);

    const response = await call(ctx, 'daumoi', 'POST', '/api/tasks/2/progress', { version: (await detail(2)).version, progress: 100, done: true, occurrence: '2026-12-10', doneAt: '2026-11-20', doneAtReason: 'Báo cáo quý đã gửi' });
    expect(response.statusCode).toBe(200);
    expect(json<Task>(response).doneAt).toBeNull(); // the task itself stays open: it is a series
    const after = await detail(2);
    expect(after.checkpoints.find((o) => o.due === '2026-12-10')).toEqual({ due: '2026-12-10', doneAt: '2026-11-20', status: 'hoan_thanh_dung_han' });
    expect(after.history[0]).toMatchObject({ kind: 'done', occurrence: '2026-12-10' });
    expect(await countRows(ctx, 'task_occurrence_completions', `task_id = 2 AND due = '2026-12-10'`)).toBe(1);
    expect((await taskOn(2)).status).toBe(earlierLate ? 'hoan_thanh_qua_han' : 'hoan_thanh_dung_han');

    // Undoing the occurrence opens it again.
    const undo = await call(ctx, 'daumoi', 'POST', '/api/tasks/2/progress', { progress: 75, done: false, occurrence: '2026-12-10', version: (await detail(2)).version });
    expect(undo.statusCode).toBe(200);
    expect(await countRows(ctx, 'task_occurrence_completions', `task_id = 2 AND due = '2026-12-10'`)).toBe(0);
    expect((await taskOn(2)).status).toBe('dang_thuc_hien');
  });
});

describe('reporting progress: optimistic concurrency on the task version', () => {
  it('a report on a stale version answers 409 in Vietnamese and changes nothing', async () => {
    const task = await detail(10);
    const first = await call(ctx, 'daumoi', 'POST', '/api/tasks/10/progress', { progress: 20, version: task.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<Task>(first).version).toBe(task.version + 1);
    const before = await fingerprint(ctx);
    const stale = await call(ctx, 'daumoi', 'POST', '/api/tasks/10/progress', { progress: 90, version: task.version, note: 'Báo cáo cũ' });
    expect(stale.statusCode).toBe(409);
    expect(json<ApiError>(stale).error).toMatchObject({ code: 'conflict', message: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại trang rồi thử lại.' });
    expect(await fingerprint(ctx)).toEqual(before);
  });

  it('a report without its version is refused (400)', async () => {
    const response = await call(ctx, 'daumoi', 'POST', '/api/tasks/10/progress', { progress: 30 });
    expect(response.statusCode).toBe(400);
    expect(json<ApiError>(response).error.message).toMatch(/version/);
  });

  it('five reports at once on the same version: exactly one lands, the others 409; one history entry, version + 1', async () => {
    const task = await detail(11);
    const historyBefore = await countRows(ctx, 'task_history', 'task_id = 11');
    const responses = await Promise.all(
      [10, 20, 30, 40, 50].map((progress) => call(ctx, 'daumoi', 'POST', '/api/tasks/11/progress', { progress, version: task.version })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const winner = json<Task>(responses.find((r) => r.statusCode === 200) as (typeof responses)[number]);
    const after = await detail(11);
    expect(after).toMatchObject({ version: task.version + 1, progress: winner.progress });
    expect(await countRows(ctx, 'task_history', 'task_id = 11')).toBe(historyBefore + 1);
  });
});

describe('completion dates cannot be backdated', () => {
  const refusedUnchanged = async (user: string, taskId: number, body: Record<string, unknown>, status: number, message: string) => {
    const before = await fingerprint(ctx);
    const response = await call(ctx, user, 'POST', `/api/tasks/${taskId}/progress`, { version: (await detail(taskId)).version, ...body });
    expect(response.statusCode, response.body).toBe(status);
    expect(json<ApiError>(response).error.message).toBe(message);
    expect(await fingerprint(ctx)).toEqual(before);
  };
  const ONLY_MANAGERS = 'Ngày hoàn thành là ngày báo cáo; chỉ đầu mối CCHC hoặc lãnh đạo xã/phường được ghi một ngày hoàn thành trước hôm nay.';

  it('the issue’s request — unit staff marking their task done on 2000-01-01 — is refused, nothing saved', async () => {
    expect((await detail(9, 'canbovp')).canEdit).toBe(true);
    await refusedUnchanged('canbovp', 9, { progress: 100, done: true, doneAt: '2000-01-01' }, 403, ONLY_MANAGERS);
  });

  it('a unit head cannot record yesterday either, even with a reason', async () => {
    const yesterday = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await refusedUnchanged('truongvp', 9, { progress: 100, done: true, doneAt: yesterday, doneAtReason: 'Quên nhập' }, 403, ONLY_MANAGERS);
  });

  it('a unit head completing without a date gets today (server clock, UTC+7)', async () => {
    const response = await call(ctx, 'truongvp', 'POST', '/api/tasks/9/progress', { version: (await detail(9)).version, progress: 100, done: true });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Task>(response).doneAt).toBe(todayInVietnam());
    expect((await detail(9)).history[0]).toMatchObject({ kind: 'done', backdatedTo: null, reason: null });
    // Sending today's date explicitly is the same report.
    const again = await call(ctx, 'truongvp', 'POST', '/api/tasks/9/progress', { version: (await detail(9)).version, progress: 100, done: true, doneAt: todayInVietnam() });
    expect(again.statusCode).toBe(200);
  });

  it('the coordinator and the leader must give a reason', async () => {
    await refusedUnchanged('daumoi', 96, { progress: 100, done: true, doneAt: '2026-11-20' }, 400, 'Vui lòng nêu lý do khi ghi ngày hoàn thành trước hôm nay.');
    await refusedUnchanged('chutich', 96, { progress: 100, done: true, doneAt: '2026-11-20', doneAtReason: '   ' }, 400, 'Vui lòng nêu lý do khi ghi ngày hoàn thành trước hôm nay.');
  });

  it('never before the task’s start (its plan or year start), even for the coordinator', async () => {
    const task = await detail(96);
    const start = task.schedule.start ?? '2026-01-01';
    expect(start <= '2026-11-20').toBe(true);
    const shown = `${start.slice(8, 10)}/${start.slice(5, 7)}/${start.slice(0, 4)}`;
    await refusedUnchanged('daumoi', 96, { progress: 100, done: true, doneAt: '2000-01-01', doneAtReason: 'Thử' }, 400, `Ngày hoàn thành không được trước ngày bắt đầu của nhiệm vụ (${shown}).`);
  });

  it('never in the future', async () => {
    await refusedUnchanged('chutich', 96, { progress: 100, done: true, doneAt: '2099-01-01', doneAtReason: 'Thử' }, 400, 'Ngày hoàn thành không được sau ngày hôm nay.');
  });

  it('the leader records an earlier day with a reason: history and audit keep both', async () => {
    const response = await call(ctx, 'chutich', 'POST', '/api/tasks/96/progress', { version: (await detail(96)).version, progress: 100, done: true, doneAt: '2026-11-20', doneAtReason: 'Đã hoàn thành theo biên bản ngày 20/11' });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Task & { canBackdate: boolean }>(response)).toMatchObject({ doneAt: '2026-11-20', canBackdate: true });
    expect((await detail(96)).history[0]).toMatchObject({ kind: 'done', backdatedTo: '2026-11-20', reason: 'Đã hoàn thành theo biên bản ngày 20/11' });
    const [entry] = await auditOf(96);
    expect(entry.after).toMatchObject({ backdatedTo: '2026-11-20', reason: 'Đã hoàn thành theo biên bản ngày 20/11', reportedOn: todayInVietnam() });
    expect((await detail(96, 'truongvp')) as unknown as { canBackdate: boolean }).toMatchObject({ canBackdate: false });
  });
});

describe('editing a task', () => {
  it('a stale version answers 409 in Vietnamese and changes nothing', async () => {
    const task = await detail(6);
    const first = await call(ctx, 'daumoi', 'PATCH', '/api/tasks/6', { version: task.version, product: 'Kế hoạch tuyên truyền (bản sửa)' });
    expect(first.statusCode).toBe(200);
    expect(json<Task>(first).version).toBe(task.version + 1);

    // Someone who loaded the task before that edit tries to save.
    const before = await fingerprint(ctx);
    const stale = await call(ctx, 'chutich', 'PATCH', '/api/tasks/6', { version: task.version, content: 'Nội dung ghi đè' });
    expect(stale.statusCode).toBe(409);
    expect(json<ApiError>(stale).error).toMatchObject({ code: 'conflict', message: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại trang rồi thử lại.' });
    expect(await fingerprint(ctx)).toEqual(before);
    const now = await detail(6);
    expect(now.content).toBe(task.content);
    expect(now.product).toBe('Kế hoạch tuyên truyền (bản sửa)');
  });

  it('a new time-frame text is parsed again into the schedule, and the audit log keeps before and after', async () => {
    const task = await detail(5);
    expect(task.schedule.kind).toBe('whole_period');
    const response = await call(ctx, 'daumoi', 'PATCH', '/api/tasks/5', { version: task.version, timeframeText: 'Quý III/2026' });
    expect(response.statusCode).toBe(200);
    const updated = json<TaskDetail>(response);
    expect(updated.timeframeText).toBe('Quý III/2026');
    expect(updated.schedule).toMatchObject({ kind: 'quarter', due: '2026-09-30' });
    expect((await taskOn(5)).status).toBe('qua_han');
    expect(updated.history[0].kind).toBe('edited');
    const [entry] = await auditOf(5);
    expect(entry.action).toBe('update');
    expect(entry.before).toMatchObject({ timeframeText: 'Cả năm 2026' });
    expect(entry.after).toMatchObject({ timeframeText: 'Quý III/2026', schedule: { kind: 'quarter', due: '2026-09-30' } });

    const recurring = await call(ctx, 'daumoi', 'PATCH', '/api/tasks/5', { version: updated.version, timeframeText: 'Trước ngày 15 của tháng cuối quý' });
    expect(json<TaskDetail>(recurring).schedule).toMatchObject({ kind: 'recurring', occurrences: ['2026-03-15', '2026-06-15', '2026-09-15', '2026-12-15'] });
  });

  it('a settled due date (dueOverride) gives an undetermined task a deadline', async () => {
    const task = await detail(26);
    expect(task.status).toBe('chua_xac_dinh_han');
    const response = await call(ctx, 'daumoi', 'PATCH', '/api/tasks/26', { version: task.version, dueOverride: '2026-12-20' });
    expect(response.statusCode).toBe(200);
    expect(await taskOn(26)).toMatchObject({ dueOverride: '2026-12-20', due: '2026-12-20', status: 'chua_thuc_hien' });
  });
});

describe('validation: 400 with a Vietnamese message and nothing saved', () => {
  const validTask = { area: 3, content: 'Niêm yết công khai thủ tục hành chính', leadUnitIds: [DEMO.units.hcc], coordinatorUnitIds: [], timeframeText: 'Quý IV/2026' };
  const cases: { name: string; method: 'POST' | 'PATCH'; url: string; body: () => Promise<unknown> | unknown; message: RegExp }[] = [
    { name: 'area 9', method: 'POST', url: '/api/plans/1/tasks', body: () => ({ ...validTask, area: 9 }), message: /Lĩnh vực từ I đến VII/ },
    { name: 'content of 6000 characters', method: 'POST', url: '/api/plans/1/tasks', body: () => ({ ...validTask, content: 'Nội dung '.repeat(667).slice(0, 6000) }), message: /Nội dung nhiệm vụ tối đa 5000 ký tự/ },
    { name: 'no lead unit', method: 'POST', url: '/api/plans/1/tasks', body: () => ({ ...validTask, leadUnitIds: [] }), message: /Chọn ít nhất một cơ quan chủ trì/ },
    { name: 'a unit of another commune', method: 'POST', url: '/api/plans/1/tasks', body: () => ({ ...validTask, leadUnitIds: [10] }), message: /Có đơn vị không thuộc xã\/phường này/ },
    { name: 'impossible date 2026-02-30', method: 'PATCH', url: '/api/tasks/7', body: async () => ({ version: (await detail(7)).version, dueOverride: '2026-02-30' }), message: /Ngày không tồn tại/ },
    { name: 'progress 150', method: 'POST', url: '/api/tasks/7/progress', body: async () => ({ progress: 150, version: (await detail(7)).version }), message: /Tiến độ từ 0 đến 100/ },
    { name: 'a city task without its source document', method: 'POST', url: '/api/tasks', body: () => ({ ...validTask, communeId: 1, origin: 'city_assigned' }), message: /sourceDocument/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const body = await c.body();
      const before = await fingerprint(ctx);
      const response = await call(ctx, 'daumoi', c.method, c.url, body);
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
  it('are created outside any plan and listed with origin=city_assigned', async () => {
    const before = await communeTasks('&origin=city_assigned');
    expect(before).toHaveLength(4);
    const response = await call(ctx, 'daumoi', 'POST', '/api/tasks', {
      communeId: DEMO.communes.tienLang,
      origin: 'city_assigned',
      sourceDocument: 'Công văn số 3120/UBND-NC ngày 10/11/2026 của UBND thành phố',
      area: 3,
      content: 'Báo cáo số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.',
      leadUnitIds: [DEMO.units.hcc],
      coordinatorUnitIds: [DEMO.units.vanPhong],
      timeframeText: 'Trước ngày 20/12/2026',
      product: 'Báo cáo',
    });
    expect(response.statusCode).toBe(201);
    const created = json<TaskDetail>(response);
    expect(created).toMatchObject({ origin: 'city_assigned', planId: null, communeId: 1, due: '2026-12-20', sourceDocument: 'Công văn số 3120/UBND-NC ngày 10/11/2026 của UBND thành phố' });
    expect(created.leadUnits).toEqual([{ id: DEMO.units.hcc, name: 'Trung tâm Phục vụ hành chính công' }]);
    expect(created.history.map((h) => h.kind)).toEqual(['created']);

    const after = await communeTasks('&origin=city_assigned');
    expect(after).toHaveLength(5);
    expect(after.every((t) => t.origin === 'city_assigned' && t.planId === null)).toBe(true);
    expect(after.map((t) => t.id)).toContain(created.id);
    expect(await communeTasks('&origin=plan')).toHaveLength(38);
    expect(await planTasks()).toHaveLength(38);
    const [entry] = await auditOf(created.id);
    expect(entry).toMatchObject({ action: 'create', actor: { fullName: 'Lê Thị Cải' } });
  });

  it('a plan task is added to its plan and numbered after the others', async () => {
    const response = await call(ctx, 'chutich', 'POST', `/api/plans/${DEMO.plans.tienLang}/tasks`, {
      area: 7,
      number: 39,
      content: 'Triển khai chữ ký số cho cán bộ, công chức.',
      leadUnitIds: [DEMO.units.vanPhong],
      timeframeText: 'Tháng 12/2026',
    });
    expect(response.statusCode).toBe(201);
    expect(json<Task>(response)).toMatchObject({ planId: 1, origin: 'plan', area: 7, due: '2026-12-31', coordinatorUnits: [] });
    const list = await planTasks();
    expect(list).toHaveLength(39);
    expect(list[list.length - 1].content).toBe('Triển khai chữ ký số cho cán bộ, công chức.');
  });
});
