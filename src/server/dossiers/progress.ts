/**
 * Server-side progress of the uploads in flight, so the browser's bar keeps moving
 * after the bytes have arrived (reading and writing a 200,000-row file takes seconds).
 * A row per upload in `dossier_uploads`, written outside the upload's own transaction:
 * any server process answers the polls, whichever one reads the file.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { TImportProgress } from '../../contract';
import type { Db } from '../db';
import { dossierUploads } from '../db/schema';

/** A finished upload's row stays this long (a late poll still reads "done"), then a later upload of the commune sweeps it. */
const KEEP = sql`now() - interval '1 day'`;

async function writeProgress(db: Db, communeId: number, uploadId: string, progress: TImportProgress): Promise<void> {
  if (progress.phase === 'reading') await db.delete(dossierUploads).where(and(eq(dossierUploads.communeId, communeId), lt(dossierUploads.updatedAt, KEEP)));
  await db
    .insert(dossierUploads)
    .values({ communeId, uploadId, ...progress })
    .onConflictDoUpdate({ target: [dossierUploads.communeId, dossierUploads.uploadId], set: { ...progress, updatedAt: new Date() } });
}

/**
 * The progress reports of one upload, written one after the other (a later report never
 * lands before an earlier one); a failed write only costs the bar a step, never the upload.
 */
export function progressReporter(db: Db, communeId: number, uploadId: string | undefined) {
  let last: Promise<void> = Promise.resolve();
  return {
    report(progress: TImportProgress): void {
      if (!uploadId) return;
      last = last.then(() => writeProgress(db, communeId, uploadId, progress)).catch(() => {});
    },
    /** Waits for the reports sent so far. */
    settled: (): Promise<void> => last,
  };
}

/** An upload not started yet (or long finished) reads as waiting. */
export async function progressOf(db: Db, communeId: number, uploadId: string): Promise<TImportProgress> {
  const [row] = await db
    .select({ phase: dossierUploads.phase, done: dossierUploads.done, total: dossierUploads.total })
    .from(dossierUploads)
    .where(and(eq(dossierUploads.communeId, communeId), eq(dossierUploads.uploadId, uploadId)));
  return row ? { phase: row.phase as TImportProgress['phase'], done: row.done, total: row.total } : { phase: 'waiting', done: 0, total: 0 };
}
