import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/service';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { files, taskHistory } from '../db/schema';
import { AppError, notFound } from '../errors';
import { requireInspection } from '../inspections/service';
import { requireReadableTask, type requireReportableTask } from './access';
import { ACCEPTED_LIST, detectFileType, MAX_FILE_BYTES } from './file-types';

export interface Upload {
  fileName: string;
  data: Buffer;
}

/** Keeps the name a person gave, minus path parts and control characters. */
export function safeName(fileName: string): string {
  const base = path
    .basename(fileName.replace(/\\/g, '/'))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a stored file name must lose
    .replace(/[\u0000-\u001f"]/g, '')
    .normalize('NFC')
    .trim();
  return base.slice(-200) || 'tep-dinh-kem';
}

/** An upload checked (size, name, type by its first bytes) and written to disk, not yet recorded. */
export interface StoredUpload {
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** Path relative to the upload folder. */
  relative: string;
  /** Removes the written file when recording it failed. */
  discard: () => Promise<void>;
}

/** Checks an upload and writes it under `<commune>/<folder>/`; the caller records it in the same breath or discards it. */
export async function storeUpload(uploadDir: string, communeId: number, folder: string, upload: Upload): Promise<StoredUpload> {
  if (upload.data.length === 0) throw new AppError('file_empty');
  if (upload.data.length > MAX_FILE_BYTES) throw new AppError('file_too_large', { max: '20 MB' });
  const name = safeName(upload.fileName);
  const type = detectFileType(name, upload.data.subarray(0, 8));
  if (!type) throw new AppError('file_type', { types: ACCEPTED_LIST });

  // Written under a random name beside (never inside) the web root, then renamed: a crash leaves no half file under a real name.
  const relative = path.join(String(communeId), folder, randomUUID());
  const target = path.join(uploadDir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(`${target}.part`, upload.data);
  await rename(`${target}.part`, target);
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  return { name, mimeType: type.mimeType, size: upload.data.length, sha256, relative, discard: () => rm(target, { force: true }) };
}

/** Runs `record` for a stored upload; the file on disk goes if recording fails. */
export async function recordStored<T>(stored: StoredUpload, record: () => Promise<T>): Promise<T> {
  try {
    return await record();
  } catch (error) {
    await stored.discard();
    throw error;
  }
}

export function presentFile(file: typeof files.$inferSelect, actor: Actor) {
  return {
    id: file.id,
    name: file.originalName,
    size: file.size,
    mimeType: file.mimeType,
    uploadedAt: file.uploadedAt.toISOString(),
    uploadedBy: { id: actor.id, fullName: actor.fullName },
  };
}

/** Stores an upload on a task; `access` is what requireReportableTask returned before the upload was read. */
export async function attachFile(db: Db, actor: Actor, uploadDir: string, access: Awaited<ReturnType<typeof requireReportableTask>>, upload: Upload) {
  const { task, commune } = access;
  const taskId = task.id;
  const stored = await storeUpload(uploadDir, task.communeId, String(taskId), upload);
  const { name, sha256 } = stored;
  const created = await recordStored(stored, () =>
    db.transaction(async (tx) => {
      const [file] = await tx
        .insert(files)
        .values({ communeId: task.communeId, taskId, originalName: name, mimeType: stored.mimeType, size: stored.size, sha256, storagePath: stored.relative, uploadedBy: actor.id })
        .returning();
      await tx.insert(taskHistory).values({ communeId: task.communeId, taskId, userId: actor.id, kind: 'file', fileId: file.id, note: name });
      await recordAudit(tx, actor, {
        cityId: commune.cityId,
        communeId: task.communeId,
        entity: 'task',
        entityId: taskId,
        action: 'attach_file',
        after: { fileId: file.id, name, size: file.size, sha256 },
      });
      return file;
    }),
  );
  return presentFile(created, actor);
}

export async function openFile(db: Db, clock: Clock, actor: Actor, uploadDir: string, fileId: number) {
  const [file] = await db.select().from(files).where(eq(files.id, fileId));
  if (!file) throw notFound();
  // A file is read under its owner's rules: the task's, or the inspection's (surprise secrecy included).
  if (file.taskId !== null) await requireReadableTask(db, actor, file.taskId);
  else if (file.inspectionId !== null) await requireInspection(db, clock, actor, file.inspectionId);
  else throw notFound();
  return { file, stream: createReadStream(path.join(uploadDir, file.storagePath)) };
}
