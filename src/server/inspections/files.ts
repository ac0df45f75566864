/**
 * Files of an inspection (issue 13, points 4 and 5): evidence for checklist items and finding fixes,
 * and the signed copies of the minutes and the conclusion notice. Stored like task evidence
 * (files/service.ts); read under the inspection's rules, surprise secrecy included.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TFileMeta, TSignedDocumentKind } from '../../contract';
import type { Actor } from '../access/actor';
import { canManageCommune, ensure } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Clock } from '../clock';
import type { Db, Tx } from '../db';
import { files, inspectionFindings, inspections } from '../db/schema';
import { AppError } from '../errors';
import { presentFile, recordStored, storeUpload, type Upload } from '../files/service';
import { inspectionRights, isTeamMember, isUnitPerson } from './access';
import { getInspection, requireInspection } from './service';

type Access = Awaited<ReturnType<typeof requireInspection>>;

/** The team and the managers attach evidence; a unit's people only while one of its findings waits on their fix. */
export async function requireInspectionUploader(db: Db, clock: Clock, actor: Actor, inspectionId: number): Promise<Access> {
  const access = await requireInspection(db, clock, actor, inspectionId);
  const { inspection, commune } = access;
  if (isTeamMember(actor, inspection.ref) || canManageCommune(actor, commune)) return access;
  ensure(isUnitPerson(actor) && actor.unitId !== null);
  const [waiting] = await db
    .select({ id: inspectionFindings.id })
    .from(inspectionFindings)
    .where(
      and(
        eq(inspectionFindings.communeId, commune.id),
        eq(inspectionFindings.inspectionId, inspectionId),
        eq(inspectionFindings.ownerUnitId, actor.unitId as number),
        inArray(inspectionFindings.status, ['open', 'reopened']),
      ),
    )
    .limit(1);
  ensure(waiting !== undefined);
  return access;
}

/** Signed copies: the team leader or the commune's managers, once the inspection is concluded. */
export async function requireSignedUploader(db: Db, clock: Clock, actor: Actor, inspectionId: number): Promise<Access> {
  const access = await requireInspection(db, clock, actor, inspectionId);
  ensure(inspectionRights(actor, access.commune, access.inspection.ref, clock.today(), access.inspection.findingsOpen).canUploadSigned);
  return access;
}

/** Stores the upload and records it on the inspection, with `then` run in the same transaction (and audited). */
async function saveInspectionFile(
  db: Db,
  actor: Actor,
  uploadDir: string,
  access: Access,
  upload: Upload,
  action: 'attach_file' | 'upload_signed',
  then?: (tx: Tx, fileId: number) => Promise<Record<string, unknown>>,
) {
  const r = access.inspection.row;
  const stored = await storeUpload(uploadDir, r.communeId, `inspection-${r.id}`, upload);
  return recordStored(stored, () =>
    db.transaction(async (tx) => {
      const [file] = await tx
        .insert(files)
        .values({
          communeId: r.communeId,
          inspectionId: r.id,
          originalName: stored.name,
          mimeType: stored.mimeType,
          size: stored.size,
          sha256: stored.sha256,
          storagePath: stored.relative,
          uploadedBy: actor.id,
        })
        .returning();
      const extra = then ? await then(tx, file.id) : {};
      await recordAudit(tx, actor, {
        cityId: access.commune.cityId,
        communeId: r.communeId,
        entity: 'inspection',
        entityId: r.id,
        action,
        after: { fileId: file.id, name: stored.name, size: stored.size, sha256: stored.sha256, ...extra },
      });
      return file;
    }),
  );
}

/** Evidence for a checklist item or a fix report; its id then goes into the item's or the fix's `evidence.fileIds`. */
export async function attachInspectionFile(db: Db, actor: Actor, uploadDir: string, access: Access, upload: Upload): Promise<TFileMeta> {
  return presentFile(await saveInspectionFile(db, actor, uploadDir, access, upload, 'attach_file'), actor);
}

const SIGNED_COLUMN = { minutes: 'minutesFileId', conclusion: 'conclusionFileId' } as const;

/** A signed copy replaces the previous one of its kind on the inspection (the older file stays, in the audit trail). */
export async function uploadSigned(db: Db, clock: Clock, actor: Actor, uploadDir: string, access: Access, kind: TSignedDocumentKind, upload: Upload) {
  const r = access.inspection.row;
  const column = SIGNED_COLUMN[kind];
  await saveInspectionFile(db, actor, uploadDir, access, upload, 'upload_signed', async (tx, fileId) => {
    const updated = await tx
      .update(inspections)
      .set({ [column]: fileId, version: sql`${inspections.version} + 1`, updatedAt: new Date() })
      .where(and(eq(inspections.communeId, r.communeId), eq(inspections.id, r.id)))
      .returning({ id: inspections.id });
    if (updated.length === 0) throw new AppError('conflict');
    return { kind, previousFileId: r[column] };
  });
  return getInspection(db, clock, actor, r.id);
}
