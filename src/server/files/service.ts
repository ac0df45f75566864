import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/service';
import type { Db } from '../db';
import { files, taskHistory } from '../db/schema';
import { AppError, notFound } from '../errors';
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

/** Stores an upload on a task; `access` is what requireReportableTask returned before the upload was read. */
export async function attachFile(db: Db, actor: Actor, uploadDir: string, access: Awaited<ReturnType<typeof requireReportableTask>>, upload: Upload) {
  const { task, commune } = access;
  const taskId = task.id;
  if (upload.data.length === 0) throw new AppError('file_empty');
  if (upload.data.length > MAX_FILE_BYTES) throw new AppError('file_too_large', { max: '20 MB' });
  const name = safeName(upload.fileName);
  const type = detectFileType(name, upload.data.subarray(0, 8));
  if (!type) throw new AppError('file_type', { types: ACCEPTED_LIST });

  // Written under a random name beside (never inside) the web root, then renamed: a crash leaves no half file under a real name.
  const relative = path.join(String(task.communeId), String(taskId), randomUUID());
  const target = path.join(uploadDir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(`${target}.part`, upload.data);
  await rename(`${target}.part`, target);
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  try {
    const created = await db.transaction(async (tx) => {
      const [file] = await tx
        .insert(files)
        .values({ communeId: task.communeId, taskId, originalName: name, mimeType: type.mimeType, size: upload.data.length, sha256, storagePath: relative, uploadedBy: actor.id })
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
    });
    return {
      id: created.id,
      name: created.originalName,
      size: created.size,
      mimeType: created.mimeType,
      uploadedAt: created.uploadedAt.toISOString(),
      uploadedBy: { id: actor.id, fullName: actor.fullName },
    };
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}

export async function openFile(db: Db, actor: Actor, uploadDir: string, fileId: number) {
  const [file] = await db.select().from(files).where(eq(files.id, fileId));
  if (!file) throw notFound();
  await requireReadableTask(db, actor, file.taskId);
  return { file, stream: createReadStream(path.join(uploadDir, file.storagePath)) };
}
