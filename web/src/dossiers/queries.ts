/** Dossier uploads, column mappings, sync token and indicators: queries and the upload with progress. */
import type { TDossierHeaders, TImportProgress, TIndicatorRows, TIngestResult } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiLanguage, NETWORK_ERROR, withQuery } from '../app/api';

export type Grouping = 'unit' | 'field' | 'procedure';

export const useIndicators = (communeId: number | null, window: { from: string; to: string }, groupBy?: Grouping) =>
  useQuery({
    queryKey: ['indicators', communeId, window.from, window.to, groupBy ?? ''],
    queryFn: () => api.get<TIndicatorRows>(withQuery(`/api/communes/${communeId}/indicators`, { ...window, groupBy })),
    enabled: communeId !== null,
  });

/** The CSV's first bytes are enough for its header; an XLSX is a zip and goes whole. */
const HEAD_BYTES = 256 * 1024;

export function readHeaders(communeId: number, file: File, source: string): Promise<TDossierHeaders> {
  const isXlsx = /\.xlsx$/i.test(file.name);
  const form = new FormData();
  form.append('file', isXlsx ? file : file.slice(0, HEAD_BYTES), file.name);
  return api.upload<TDossierHeaders>(withQuery(`/api/communes/${communeId}/dossiers/headers`, { source }), form);
}

export const saveMapping = (communeId: number, source: string, mapping: Record<string, string>) =>
  api.put(`/api/communes/${communeId}/dossiers/mappings/${encodeURIComponent(source)}`, { mapping });

export type UploadStage = { stage: 'upload'; percent: number } | { stage: 'server'; progress: TImportProgress };

/**
 * POSTs the file with XMLHttpRequest (fetch reports no upload progress), and once the
 * bytes are sent polls the server's progress for the same upload id until the answer comes.
 */
export function uploadDossiers(communeId: number, file: File, source: string, onStage: (stage: UploadStage) => void): Promise<TIngestResult> {
  const uploadId = crypto.randomUUID().replaceAll('-', '');
  const form = new FormData();
  form.append('file', file, file.name);
  let polling: ReturnType<typeof setInterval> | undefined;
  const startPolling = () => {
    if (polling) return;
    polling = setInterval(() => {
      api
        .get<TImportProgress>(`/api/communes/${communeId}/dossiers/import-progress/${uploadId}`)
        .then((progress) => {
          if (polling && progress.phase !== 'waiting' && progress.phase !== 'done') onStage({ stage: 'server', progress });
        })
        .catch(() => {});
    }, 500);
  };
  return new Promise<TIngestResult>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(`/api/communes/${communeId}/dossiers/import`, { source, uploadId }));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', apiLanguage());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onStage({ stage: 'upload', percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.upload.onload = startPolling;
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, ''));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) resolve(body as TIngestResult);
      else {
        const error = (body as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
        reject(new ApiError(xhr.status, error?.code ?? 'internal', error?.message ?? '', error?.details));
      }
    };
    xhr.send(form);
  }).finally(() => {
    clearInterval(polling);
    polling = undefined;
  });
}

/** After an upload, every figure read from dossiers may have changed. */
export function useAfterUpload() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['indicators'] });
    void client.invalidateQueries({ queryKey: ['scorecard'] });
  };
}

export const useRotateToken = (communeId: number | null) => useMutation({ mutationFn: () => api.post<{ token: string }>(`/api/communes/${communeId}/dossiers/sync-token`) });
