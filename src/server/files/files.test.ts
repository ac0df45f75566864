import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../test/context';
import {
  type ApiError,
  type BuiltUser,
  buildCommune,
  buildPlan,
  buildTask,
  buildUnit,
  buildUser,
  call,
  countRows,
  fingerprint,
  lazyMultipart,
  listUploads,
  Multipart,
  tinyPdf,
} from '../test/factories';

interface FileMeta {
  id: number;
  name: string;
  size: number;
  mimeType: string;
  uploadedAt: string;
  uploadedBy: { id: number; fullName: string };
}

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
let ctx: TestContext;
/** A task led by Văn phòng; who may attach evidence to it and who may not. */
let TASK: number;
const who = {} as Record<'unitHead' | 'unitStaff' | 'coordinator' | 'leader' | 'inspector' | 'otherUnitHead' | 'reviewer' | 'otherCoordinator', BuiltUser>;
beforeAll(async () => {
  ctx = await createTestContext();
  const commune = await buildCommune(ctx);
  const vanPhong = await buildUnit(ctx, commune, { name: 'Văn phòng HĐND và UBND' });
  const hcc = await buildUnit(ctx, commune, { name: 'Trung tâm Phục vụ hành chính công' });
  who.unitHead = await buildUser(ctx, { role: 'unit_head', commune, unit: vanPhong, fullName: 'Hoàng Văn Trưởng' });
  who.unitStaff = await buildUser(ctx, { role: 'unit_staff', commune, unit: vanPhong });
  who.coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  who.leader = await buildUser(ctx, { role: 'leader', commune });
  who.inspector = await buildUser(ctx, { role: 'inspector', commune });
  who.otherUnitHead = await buildUser(ctx, { role: 'unit_head', commune, unit: hcc });
  who.reviewer = await buildUser(ctx, { role: 'city_reviewer', city: { id: commune.cityId } });
  who.otherCoordinator = await buildUser(ctx, { role: 'coordinator', commune: await buildCommune(ctx, { city: { id: commune.cityId } }) });
  TASK = (await buildTask(ctx, { plan: await buildPlan(ctx, commune) }, { lead: [vanPhong], coordinators: [hcc] })).id;
});
afterAll(async () => ctx?.close());

const upload = (user: string, fileName: string, data: Buffer, taskId = TASK) =>
  call(ctx, user, 'POST', `/api/tasks/${taskId}/files`, new Multipart(fileName, data, 'file', 'application/octet-stream'));

async function storagePathOf(fileId: number): Promise<string> {
  const result = await ctx.db.execute(sql`SELECT storage_path FROM files WHERE id = ${fileId}`);
  return (result.rows[0] as { storage_path: string }).storage_path;
}

/** Runs a refused upload and checks that no row, history entry, audit entry or stored file appeared. */
async function expectRefused(run: () => Promise<{ statusCode: number; body: string }>, status: number, code: string, message: RegExp | string) {
  const before = await fingerprint(ctx);
  const response = await run();
  expect(response.statusCode, response.body.slice(0, 200)).toBe(status);
  const error = json<ApiError>({ body: response.body } as never).error;
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(await fingerprint(ctx)).toEqual(before);
}

describe('uploading evidence', () => {
  it('a real PDF: 201, listed on the task, downloadable byte for byte as an attachment', async () => {
    const pdf = tinyPdf('Bao cao ket qua ra soat van ban');
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const response = await upload(who.unitHead.username, 'Báo cáo rà soát quý IV.pdf', pdf);
    expect(response.statusCode, response.body).toBe(201);
    const meta = json<FileMeta>(response);
    expect(meta).toMatchObject({ name: 'Báo cáo rà soát quý IV.pdf', size: pdf.length, mimeType: 'application/pdf', uploadedBy: { fullName: 'Hoàng Văn Trưởng' } });

    const detail = json<{ files: FileMeta[]; history: { kind: string; fileId: number | null; note: string | null }[] }>(
      await call(ctx, who.coordinator.username, 'GET', `/api/tasks/${TASK}`),
    );
    expect(detail.files.map((f) => f.id)).toContain(meta.id);
    expect(detail.files.find((f) => f.id === meta.id)).toEqual(meta);
    expect(detail.history[0]).toMatchObject({ kind: 'file', fileId: meta.id, note: 'Báo cáo rà soát quý IV.pdf' });

    // An inspector of the commune reads it.
    const download = await call(ctx, who.inspector.username, 'GET', `/api/files/${meta.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Báo cáo rà soát quý IV.pdf')}`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const audit = json<{ action: string; after: { fileId: number; size: number } }[]>(await call(ctx, who.leader.username, 'GET', `/api/audit?entity=task&entityId=${TASK}`));
    expect(audit[0]).toMatchObject({ action: 'attach_file', after: { fileId: meta.id, size: pdf.length } });
  });

  it('stores the file under the upload folder, never under the web root', async () => {
    const pdf = tinyPdf('Luu tru');
    const meta = json<FileMeta>(await upload(who.unitStaff.username, 'luu-tru.pdf', pdf));
    const relative = await storagePathOf(meta.id);
    const stored = path.resolve(ctx.uploadDir, relative);
    expect(stored.startsWith(path.resolve(ctx.uploadDir) + path.sep)).toBe(true);
    expect(stored.startsWith(WEB_ROOT)).toBe(false);
    expect(existsSync(stored)).toBe(true);
    expect(readFileSync(stored).equals(pdf)).toBe(true);
    // Stored under a random name: the name a person chose never becomes a path.
    expect(path.basename(stored)).not.toContain('luu-tru');
    expect(existsSync(path.join(WEB_ROOT, relative))).toBe(false);
  });

  it('a name with path parts keeps only its last part and is stored inside the upload folder', async () => {
    const meta = json<FileMeta>(await upload(who.coordinator.username, '../../../etc/bao-cao.pdf', tinyPdf()));
    expect(meta.name).toBe('bao-cao.pdf');
    expect(path.resolve(ctx.uploadDir, await storagePathOf(meta.id)).startsWith(path.resolve(ctx.uploadDir))).toBe(true);
  });

  it('accepts a file larger than the JSON body limit (5 MB)', async () => {
    const big = tinyPdf('Lon', 5 * 1024 * 1024);
    const response = await upload(who.coordinator.username, 'ho-so-scan.pdf', big);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(201);
    const meta = json<FileMeta>(response);
    expect(meta.size).toBe(big.length);
    const download = await call(ctx, who.coordinator.username, 'GET', `/api/files/${meta.id}`);
    expect(download.rawPayload.equals(big)).toBe(true);
  });

  it('accepts Word (docx) and PNG by their first bytes', async () => {
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 2)]);
    const a = await upload(who.coordinator.username, 'bien-ban.docx', docx);
    const b = await upload(who.coordinator.username, 'anh-chup.PNG', png);
    expect(a.statusCode).toBe(201);
    expect(json<FileMeta>(a).mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(b.statusCode).toBe(201);
    expect(json<FileMeta>(b).mimeType).toBe('image/png');
  });
});

describe('refused uploads change nothing', () => {
  const TYPE_MESSAGE = 'Loại tệp không được hỗ trợ. Chỉ nhận: PDF, Word (doc, docx), Excel (xls, xlsx), ODT, ODS, JPG, PNG, ZIP.';

  it('an executable renamed .pdf (wrong first bytes) → 415', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(500, 0)]);
    await expectRefused(() => upload(who.unitHead.username, 'bao-cao.pdf', exe), 415, 'file_type', TYPE_MESSAGE);
  });

  it('a PDF named .exe → 415', async () => {
    await expectRefused(() => upload(who.unitHead.username, 'bao-cao.exe', tinyPdf()), 415, 'file_type', TYPE_MESSAGE);
  });

  it('an empty file → 400', async () => {
    await expectRefused(() => upload(who.unitHead.username, 'rong.pdf', Buffer.alloc(0)), 400, 'file_empty', 'Tệp rỗng, vui lòng chọn lại tệp.');
  });

  it('a form without a file → 400', async () => {
    const boundary = '----cchc-no-file';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nkhông có tệp\r\n--${boundary}--\r\n`;
    await expectRefused(
      () =>
        ctx
          .login(who.unitHead.username)
          .then((cookie) =>
            ctx.app.inject({ method: 'POST', url: `/api/tasks/${TASK}/files`, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body }),
          ),
      400,
      'file_empty',
      'Tệp rỗng, vui lòng chọn lại tệp.',
    );
  });

  it('more than 20 MB → 413', async () => {
    const huge = tinyPdf('Qua lon', 20 * 1024 * 1024 + 1);
    await expectRefused(() => upload(who.unitHead.username, 'qua-lon.pdf', huge), 413, 'file_too_large', 'Tệp quá lớn. Dung lượng tối đa cho phép là 20 MB.');
  });

  it('someone without rights on the task (another unit’s head, an inspector) → 403, no file row', async () => {
    const rowsBefore = await countRows(ctx, 'files', `task_id = ${TASK}`);
    await expectRefused(() => upload(who.otherUnitHead.username, 'khong-quyen.pdf', tinyPdf()), 403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này.');
    await expectRefused(() => upload(who.inspector.username, 'khong-quyen.pdf', tinyPdf()), 403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này.');
    await expectRefused(() => upload(who.reviewer.username, 'khong-quyen.pdf', tinyPdf()), 403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này.');
    expect(await countRows(ctx, 'files', `task_id = ${TASK}`)).toBe(rowsBefore);
    expect(listUploads(ctx.uploadDir).some((f) => f.includes('khong-quyen'))).toBe(false);
  });

  it('another commune’s coordinator → 404, and cannot download either', async () => {
    const { id } = json<FileMeta>(await upload(who.unitHead.username, 'bao-cao-xa.pdf', tinyPdf()));
    await expectRefused(() => upload(who.otherCoordinator.username, 'ngoai.pdf', tinyPdf()), 404, 'not_found', 'Không tìm thấy dữ liệu yêu cầu.');
    expect((await call(ctx, who.otherCoordinator.username, 'GET', `/api/files/${id}`)).statusCode).toBe(404);
    expect((await call(ctx, who.coordinator.username, 'GET', '/api/files/999999')).statusCode).toBe(404);
    expect((await call(ctx, null, 'GET', `/api/files/${id}`)).statusCode).toBe(401);
  });

  it('checks rights before reading the upload: a refused 19 MB upload is not pulled, an allowed one is', async () => {
    const send = async (user: string) => {
      const upload = lazyMultipart('bao-cao.pdf', 19 * 1024 * 1024);
      const response = await ctx.app.inject({
        method: 'POST',
        url: `/api/tasks/${TASK}/files`,
        payload: upload.stream,
        headers: { cookie: await ctx.login(user), 'content-type': upload.contentType },
      });
      return { status: response.statusCode, pulled: upload.pulled() };
    };
    const refused = await send(who.inspector.username);
    expect(refused.status).toBe(403);
    expect(refused.pulled).toBeLessThan(1024 * 1024);
    const allowed = await send(who.unitHead.username); // read in full, then refused for its type (not a PDF)
    expect(allowed.status).toBe(415);
    expect(allowed.pulled).toBeGreaterThanOrEqual(19 * 1024 * 1024);
  });
});
