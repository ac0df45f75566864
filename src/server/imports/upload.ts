import type { FastifyRequest } from 'fastify';
import { IMPORT_LIMITS } from '../../importer';
import { AppError } from '../errors';

/** The one document of an import's multipart body, read within the importer's size limit (call after the rights check). */
export async function readImportUpload(request: FastifyRequest): Promise<{ fileName: string; data: Buffer; mimeType: string }> {
  const part = await request.file({ limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1 } });
  if (!part) throw new AppError('file_empty');
  return { fileName: part.filename, data: await part.toBuffer(), mimeType: part.mimetype };
}
