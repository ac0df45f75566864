/**
 * Server-side progress of the uploads in flight, so the browser's bar keeps moving
 * after the bytes have arrived (reading and writing a 200,000-row file takes seconds).
 * Kept in this process's memory: an upload and its polls reach the same server
 * (one process per deployment today; behind several, route by commune).
 */
import type { TImportProgress } from '../../contract';

const KEEP_MS = 10 * 60_000;
const uploads = new Map<string, TImportProgress & { communeId: number; at: number }>();

const keyOf = (communeId: number, uploadId: string) => `${communeId}:${uploadId}`;

export function reportProgress(communeId: number, uploadId: string, progress: TImportProgress): void {
  const now = Date.now();
  for (const [key, entry] of uploads) if (now - entry.at > KEEP_MS) uploads.delete(key);
  uploads.set(keyOf(communeId, uploadId), { ...progress, communeId, at: now });
}

/** An upload not started yet (or long finished) reads as waiting. */
export function progressOf(communeId: number, uploadId: string): TImportProgress {
  const entry = uploads.get(keyOf(communeId, uploadId));
  return entry ? { phase: entry.phase, done: entry.done, total: entry.total } : { phase: 'waiting', done: 0, total: 0 };
}
