import type { FastifyRequest } from 'fastify';
import { IMPORT_LIMITS } from '../../importer';
import { AppError } from '../errors';

export interface Upload {
  fileName: string;
  data: Buffer;
  mimeType: string;
}

/**
 * The one file of a multipart body, read within `maxBytes` (call after the rights check).
 * Too large → `file_too_large` naming this limit (the app-wide handler names the 20 MB one).
 */
export async function readOneUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw new AppError('file_empty');
  const data = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('file_too_large', { max: `${maxBytes / 1048576} MB` });
    throw error;
  });
  return { fileName: part.filename, data, mimeType: part.mimetype };
}

/** The one document of an import's multipart body, within the importer's size limit. */
export const readImportUpload = (request: FastifyRequest): Promise<Upload> => readOneUpload(request, IMPORT_LIMITS.maxFileBytes);
