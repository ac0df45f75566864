/**
 * Completion confirmed (issue 9, point 2): a unit reports done with its product, the task waits
 * ("chờ xác nhận") and counts as done only once the commune's CCHC coordinator confirms it; a
 * return sends it back to the unit with the reason on top. Rights by role: the coordinator
 * confirms and returns; unit heads, staff, the leader and the city's reviewer cannot.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInVietnam } from '../clock';
import { createMailer, type Mailer } from '../mail/mailer';
import { runReminders } from '../reminders/service';
import { createTestContext, json, TEST_TODAY, type TestContext } from '../test/context';
import { type ApiError, type BuiltUser, buildCommune, buildPlan, buildTask, buildUnit, buildUser, call, fingerprint, Multipart, tinyPdf } from '../test/factories';

interface Pending {
  occurrence: string | null;
  doneAt: string;
  evidenceFileId: number | null;
  evidenceLink: string | null;
}
interface Task {
  id: number;
  version: number;
  status: string;
  doneAt: string | null;
  checkpoints: { due: string; doneAt: string | null; status: string }[];
  awaitingConfirmation: Pending[];
  returned: { reason: string; occurrence: string | null; by: { fullName: string } | null } | null;
  canConfirm: boolean;
  history: { kind: string; reason: string | null; occurrence: string | null; fileId: number | null }[];
}
interface Dashboard {
  totals: { done: number; awaitingConfirmation: number };
  awaitingConfirmation: { id: number }[];
}

let ctx: TestContext;
let commune: Awaited<ReturnType<typeof buildCommune>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let vanPhong: Awaited<ReturnType<typeof buildUnit>>;
const who = {} as Record<'coordinator' | 'leader' | 'head' | 'staff' | 'reviewer' | 'otherCoordinator', BuiltUser>;
let mailer: Mailer;

beforeAll(async () => {
  ctx = await createTestContext();
  commune = await buildCommune(ctx, { name: 'Tiên Xác Nhận' });
  const other = await buildCommune(ctx, { name: 'An Khác', city: { id: commune.cityId } });
  vanPhong = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  who.coordinator = await buildUser(ctx, { role: 'coordinator', commune, fullName: 'Lê Thị Cải' });
  who.leader = await buildUser(ctx, { role: 'leader', commune });
  who.head = await buildUser(ctx, { role: 'unit_head', commune, unit: vanPhong, fullName: 'Hoàng Văn Trưởng' });
  who.staff = await buildUser(ctx, { role: 'unit_staff', commune, unit: vanPhong, fullName: 'Phạm Thị Cán' });
  who.reviewer = await buildUser(ctx, { role: 'city_reviewer', city: { id: commune.cityId } });
  who.otherCoordinator = await buildUser(ctx, { role: 'coordinator', commune: other });
  plan = await buildPlan(ctx, commune);
  mailer = createMailer({ smtpUrl: null, mailFrom: 'CCHC <cchc@test.local>', outboxDir: mkdtempSync(path.join(tmpdir(), 'cchc-confirm-')) });
});
afterAll(async () => {
  mailer?.close();
  await ctx?.close();
});

const get = async <T>(user: BuiltUser, url: string): Promise<T> => {
  const response = await call(ctx, user.username, 'GET', url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return json<T>(response);
};
const detail = (id: number, user = who.coordinator) => get<Task>(user, `/api/tasks/${id}`);
const dashboard = (user = who.leader) => get<Dashboard>(user, `/api/dashboard?communeId=${commune.id}&planId=${plan.id}&asOf=${TEST_TODAY}`);
const post = async (user: BuiltUser, id: number, action: string, body: Record<string, unknown>) =>
  call(ctx, user.username, 'POST', `/api/tasks/${id}/${action}`, { version: (await detail(id)).version, ...body });
const reportDone = (user: BuiltUser, id: number, body: Record<string, unknown> = {}) => post(user, id, 'progress', { progress: 100, done: true, ...body });

async function upload(user: BuiltUser, taskId: number, name: string): Promise<number> {
  const response = await call(ctx, user.username, 'POST', `/api/tasks/${taskId}/files`, new Multipart(name, tinyPdf(`San pham ${name}`), 'file', 'application/pdf'));
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: number }>(response).id;
}

async function refused(user: BuiltUser, id: number, action: string, body: Record<string, unknown>, status: number, message?: string) {
  const before = await fingerprint(ctx);
  const response = await post(user, id, action, body);
  expect(response.statusCode, response.body).toBe(status);
  if (message) expect(json<ApiError>(response).error.message).toBe(message);
  expect(await fingerprint(ctx)).toEqual(before);
}

describe('a unit reports a task done with its product', () => {
  it('the product is required when the task names one; a file of another task is refused; nothing is saved', async () => {
    const task = await buildTask(ctx, { plan }, { lead: [vanPhong], product: 'Báo cáo kết quả rà soát', timeframeText: 'Trước ngày 30/11/2026' });
    const elsewhere = await buildTask(ctx, { plan }, { lead: [vanPhong] });
    const foreignFile = await upload(who.staff, elsewhere.id, 'khac.pdf');
    await refused(
      who.staff,
      task.id,
      'progress',
      { progress: 100, done: true },
      400,
      'Nhiệm vụ yêu cầu sản phẩm (Báo cáo kết quả rà soát): vui lòng đính kèm tệp hoặc đường dẫn sản phẩm khi báo cáo hoàn thành.',
    );
    await refused(who.staff, task.id, 'progress', { progress: 100, done: true, evidenceFileId: foreignFile }, 400, 'Tệp sản phẩm đã chọn không thuộc nhiệm vụ này.');
    await refused(who.staff, task.id, 'progress', { progress: 100, done: true, evidenceLink: 'ftp://x' }, 400);
  });

  it('a task that names no product can be reported without one', async () => {
    const task = await buildTask(ctx, { plan }, { lead: [vanPhong], product: '', timeframeText: 'Trước ngày 30/11/2026' });
    const response = await reportDone(who.head, task.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Task>(response).status).toBe('cho_xac_nhan');
  });

  it('waits for confirmation: not done on the dashboard, listed for the leader, the coordinator told by the reminder run', async () => {
    const task = await buildTask(ctx, { plan }, { lead: [vanPhong], content: 'Rà soát văn bản quy phạm pháp luật năm 2026', timeframeText: 'Trước ngày 30/11/2026' });
    const before = await dashboard();
    const fileId = await upload(who.staff, task.id, 'bao-cao-ra-soat.pdf');
    const response = await reportDone(who.staff, task.id, { evidenceFileId: fileId, note: 'Đã rà soát xong' });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Task>(response)).toMatchObject({
      status: 'cho_xac_nhan',
      doneAt: TEST_TODAY,
      canConfirm: false,
      awaitingConfirmation: [{ occurrence: null, doneAt: TEST_TODAY, evidenceFileId: fileId, evidenceLink: null }],
    });
    expect((await detail(task.id)).history[0]).toMatchObject({ kind: 'done', fileId });

    const after = await dashboard();
    expect(after.totals.done).toBe(before.totals.done);
    expect(after.totals.awaitingConfirmation).toBe(before.totals.awaitingConfirmation + 1);
    expect(after.awaitingConfirmation.map((t) => t.id)).toContain(task.id);

    // The rule reads the day the report was written (the database's clock), in Vietnam.
    const sent = await runReminders(ctx.db, { asOf: dateInVietnam(new Date()), mailer, publicUrl: 'http://cchc.test' });
    expect(sent.filter((s) => s.rule === 'done_reported' && s.taskId === task.id).map((s) => s.recipient)).toEqual([who.coordinator.username]);
  });
});

describe('the coordinator confirms', () => {
  it('unit head, staff, leader and the city reviewer cannot confirm; another commune’s coordinator does not see the task', async () => {
    const task = await buildTask(ctx, { plan }, { lead: [vanPhong], timeframeText: 'Trước ngày 30/11/2026' });
    expect((await reportDone(who.staff, task.id, { evidenceLink: 'https://tienxacnhan.gov.vn/bao-cao.pdf' })).statusCode).toBe(200);
    for (const user of [who.head, who.staff, who.leader, who.reviewer]) {
      await refused(user, task.id, 'confirm', {}, 403);
      await refused(user, task.id, 'return', { reason: 'Thiếu sản phẩm' }, 403);
    }
    expect((await call(ctx, who.otherCoordinator.username, 'POST', `/api/tasks/${task.id}/confirm`, { version: 1 })).statusCode).toBe(404);
    // The leader and the reviewer read what waits.
    expect((await detail(task.id, who.leader)).awaitingConfirmation).toHaveLength(1);
    expect((await detail(task.id, who.reviewer)).status).toBe('cho_xac_nhan');
    expect((await detail(task.id)).canConfirm).toBe(true);
  });

  it('a confirmed completion counts as done, dated the day it was reported; history and audit keep it', async () => {
    const task = await buildTask(ctx, { plan }, { lead: [vanPhong], timeframeText: 'Trước ngày 30/11/2026' });
    expect((await reportDone(who.staff, task.id, { evidenceLink: 'https://tienxacnhan.gov.vn/bao-cao.pdf' })).statusCode).toBe(200);
    const before = await dashboard();
    const response = await post(who.coordinator, task.id, 'confirm', {});
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Task>(response)).toMatchObject({ status: 'hoan_thanh_dung_han', doneAt: TEST_TODAY, awaitingConfirmation: [] });
    expect((await detail(task.id)).history[0]).toMatchObject({ kind: 'confirmed' });
    const after = await dashboard();
    expect(after.totals.done).toBe(before.totals.done + 1);
    expect(after.totals.awaitingConfirmation).toBe(before.totals.awaitingConfirmation - 1);
    const [entry] = await get<{ action: string; after: Record<string, unknown> }[]>(who.leader, `/api/audit?entity=task&entityId=${task.id}`);
    expect(entry).toMatchObject({ action: 'confirm', after: { confirmation: 'confirmed', doneAt: TEST_TODAY } });
    // Nothing waits any more: a second confirmation is a clear 400, changing nothing.
    await refused(who.coordinator, task.id, 'confirm', {}, 400, 'Nhiệm vụ không có báo cáo hoàn thành nào đang chờ xác nhận.');
  });

  it('the coordinator’s own completion needs no second look', async () => {
    const task = await buildTask(ctx, { plan }, { lead: [vanPhong], timeframeText: 'Trước ngày 30/11/2026' });
    const response = await reportDone(who.coordinator, task.id, { evidenceLink: 'https://tienxacnhan.gov.vn/bao-cao.pdf' });
    expect(json<Task>(response)).toMatchObject({ status: 'hoan_thanh_dung_han', awaitingConfirmation: [] });
  });
});

describe('the coordinator returns a completion', () => {
  it('a reason is required; the task goes back to the unit with the reason on top, the unit is told; reporting again clears it', async () => {
    const task = await buildTask(ctx, { plan }, { lead: [vanPhong], timeframeText: 'Trước ngày 30/11/2026', content: 'Niêm yết thủ tục hành chính tại bộ phận một cửa' });
    expect((await reportDone(who.staff, task.id, { evidenceLink: 'https://tienxacnhan.gov.vn/anh-niem-yet.jpg' })).statusCode).toBe(200);
    await refused(who.coordinator, task.id, 'return', { reason: '   ' }, 400, 'Dữ liệu nhập chưa hợp lệ — reason: Vui lòng nêu lý do trả lại');

    const reason = 'Ảnh niêm yết chưa có đủ 12 thủ tục mới';
    const response = await post(who.coordinator, task.id, 'return', { reason });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Task>(response)).toMatchObject({
      status: 'sap_den_han',
      doneAt: null,
      awaitingConfirmation: [],
      returned: { reason, occurrence: null, by: { fullName: 'Lê Thị Cải' } },
    });
    expect((await detail(task.id, who.staff)).history[0]).toMatchObject({ kind: 'returned', reason });

    for (const user of [who.staff, who.head]) {
      const { items } = await get<{ items: { rule: string; taskId: number | null; body: string }[] }>(user, '/api/notifications');
      const notice = items.find((n) => n.rule === 'done_returned' && n.taskId === task.id);
      expect(notice?.body).toContain(reason);
    }
    const coordinatorNotes = await get<{ items: { rule: string }[] }>(who.coordinator, '/api/notifications');
    expect(coordinatorNotes.items.some((n) => n.rule === 'done_returned')).toBe(false);

    const again = await reportDone(who.staff, task.id, { evidenceLink: 'https://tienxacnhan.gov.vn/anh-niem-yet-du.jpg' });
    expect(json<Task>(again)).toMatchObject({ status: 'cho_xac_nhan', returned: null });
  });
});

describe('a recurring task: each occurrence has its own evidence and its own confirmation', () => {
  it('September confirmed, December returned; the task is never done while one waits', async () => {
    const task = await buildTask(ctx, { plan }, { lead: [vanPhong], timeframeText: 'Trước ngày 10 của tháng cuối quý' });
    const septemberFile = await upload(who.staff, task.id, 'bao-cao-quy-3.pdf');
    const september = await reportDone(who.staff, task.id, { occurrence: '2026-09-10', progress: 75, evidenceFileId: septemberFile });
    expect(september.statusCode, september.body).toBe(200);
    const december = await reportDone(who.staff, task.id, { occurrence: '2026-12-10', progress: 100, evidenceLink: 'https://tienxacnhan.gov.vn/quy-4.pdf' });
    expect(december.statusCode, december.body).toBe(200);

    const waiting = await detail(task.id);
    expect(waiting.awaitingConfirmation.map((p) => [p.occurrence, p.evidenceFileId, p.evidenceLink])).toEqual([
      ['2026-09-10', septemberFile, null],
      ['2026-12-10', null, 'https://tienxacnhan.gov.vn/quy-4.pdf'],
    ]);
    expect(waiting.checkpoints.filter((c) => c.due >= '2026-09-10').map((c) => c.status)).toEqual(['cho_xac_nhan', 'cho_xac_nhan']);

    expect((await post(who.coordinator, task.id, 'confirm', { occurrence: '2026-09-10' })).statusCode).toBe(200);
    await refused(who.coordinator, task.id, 'confirm', { occurrence: '2026-06-10' }, 400, 'Kỳ hạn 10/06/2026 không có báo cáo hoàn thành nào đang chờ xác nhận.');
    const returned = await post(who.coordinator, task.id, 'return', { occurrence: '2026-12-10', reason: 'Báo cáo quý IV thiếu số liệu tháng 12' });
    expect(returned.statusCode, returned.body).toBe(200);
    const after = await detail(task.id);
    // Reported on 23/11 for 10/09: done, and late.
    expect(after.checkpoints.find((c) => c.due === '2026-09-10')?.status).toBe('hoan_thanh_qua_han');
    expect(after.checkpoints.find((c) => c.due === '2026-12-10')).toMatchObject({ doneAt: null });
    expect(after.returned).toMatchObject({ occurrence: '2026-12-10', reason: 'Báo cáo quý IV thiếu số liệu tháng 12' });
    expect(after.awaitingConfirmation).toEqual([]);
  });
});
