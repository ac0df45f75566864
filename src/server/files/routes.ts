import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileDownloadResponse, ZFileMeta, ZId } from '../../contract';
import { actorOf } from '../auth/plugin';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { AppError } from '../errors';
import { requireReportableTask } from './access';
import { MAX_FILE_BYTES } from './file-types';
import { attachFile, openFile } from './service';

export const fileRoutes: FastifyPluginAsyncZod<{ db: Db; clock: Clock; uploadDir: string }> = async (app, { db, clock, uploadDir }) => {
  app.post(
    '/api/tasks/:id/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Tải lên tệp sản phẩm (multipart, trường "file", tối đa 20 MB)',
        params: ZId,
        consumes: ['multipart/form-data'],
        response: { 201: ZFileMeta },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // Rights first: the multipart body is not parsed, let alone buffered, for someone who may not report on the task.
      const access = await requireReportableTask(db, actor, request.params.id);
      const part = await request.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
      if (!part) throw new AppError('file_empty');
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('file_too_large', { max: '20 MB' });
      return reply.status(201).send(await attachFile(db, actor, uploadDir, access, { fileName: part.filename, data }));
    },
  );
  app.get('/api/files/:id', { schema: { tags: ['files'], summary: 'Tải về tệp sản phẩm', params: ZId, response: { 200: fileDownloadResponse } } }, async (request, reply) => {
    const { file, stream } = await openFile(db, clock, actorOf(request), uploadDir, request.params.id);
    return (
      reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
        .header('x-content-type-options', 'nosniff')
        // Evidence files are private: no shared or browser cache keeps a copy after the session ends.
        .header('cache-control', 'private, no-store')
        .send(stream)
    );
  });
};
