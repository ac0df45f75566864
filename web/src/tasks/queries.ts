/** Task data: lists, one task, and every change to a task (each refreshes what it affects). */

import type { TCityTaskInput, TConfirmInput, TFileMeta, THistoryEntry, TProgressInput, TReturnInput, TSchedule, TTask, TTaskDetail, TTaskInput } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../app/api';

export const taskKey = (id: number) => ['task', id] as const;

export function usePlanTasks(planId: number) {
  return useQuery({
    queryKey: ['tasks', 'plan', planId],
    queryFn: () => api.get<TTask[]>(`/api/plans/${planId}/tasks`),
  });
}

export function useCityTasks(communeId: number | null) {
  return useQuery({
    queryKey: ['tasks', 'city', communeId],
    queryFn: () => api.get<TTask[]>(withQuery('/api/tasks', { communeId, origin: 'city_assigned' })),
    enabled: communeId !== null,
  });
}

export function useTask(id: number | null) {
  return useQuery({
    queryKey: taskKey(id ?? 0),
    queryFn: () => api.get<TTaskDetail>(`/api/tasks/${id}`),
    enabled: id !== null,
  });
}

/** A change to a task shows in lists, the dashboard and plan progress too. */
function useInvalidateTask() {
  const queryClient = useQueryClient();
  return (id?: number) =>
    Promise.all([
      id === undefined ? Promise.resolve() : queryClient.invalidateQueries({ queryKey: taskKey(id) }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
      queryClient.invalidateQueries({ queryKey: ['plans'] }),
    ]);
}

export function useUpdateTask(id: number) {
  const invalidate = useInvalidateTask();
  return useMutation({
    mutationFn: (input: Partial<TTaskInput> & { version: number }) => api.patch<TTask>(`/api/tasks/${id}`, input),
    // On success and on a 409 alike the task must be read again.
    onSettled: () => invalidate(id),
  });
}

export function useRecordProgress(id: number) {
  const invalidate = useInvalidateTask();
  return useMutation({
    mutationFn: (input: TProgressInput) => api.post<TTask>(`/api/tasks/${id}/progress`, input),
    // On success and on a 409 (someone reported first) alike the task must be read again.
    onSettled: () => invalidate(id),
  });
}

/** Confirm or return a reported completion (the coordinator); the task is read again either way. */
export function useConfirmCompletion(id: number) {
  const invalidate = useInvalidateTask();
  return useMutation({
    mutationFn: (input: TConfirmInput) => api.post<TTask>(`/api/tasks/${id}/confirm`, input),
    onSettled: () => invalidate(id),
  });
}

export function useReturnCompletion(id: number) {
  const invalidate = useInvalidateTask();
  return useMutation({
    mutationFn: (input: TReturnInput) => api.post<TTask>(`/api/tasks/${id}/return`, input),
    onSettled: () => invalidate(id),
  });
}

export function useAddComment(id: number) {
  const invalidate = useInvalidateTask();
  return useMutation({
    mutationFn: (text: string) => api.post<THistoryEntry>(`/api/tasks/${id}/comments`, { text }),
    onSuccess: () => invalidate(id),
  });
}

export function useUploadFile(id: number) {
  const invalidate = useInvalidateTask();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<TFileMeta>(`/api/tasks/${id}/files`, form);
    },
    onSuccess: () => invalidate(id),
  });
}

export function useCreatePlanTask(planId: number) {
  const invalidate = useInvalidateTask();
  return useMutation({
    mutationFn: (input: TTaskInput) => api.post<TTask>(`/api/plans/${planId}/tasks`, input),
    onSuccess: () => invalidate(),
  });
}

export function useCreateCityTask() {
  const invalidate = useInvalidateTask();
  return useMutation({
    mutationFn: (input: TCityTaskInput) => api.post<TTask>('/api/tasks', input),
    onSuccess: () => invalidate(),
  });
}

export function parseTimeframe(text: string, periodStart: string, periodEnd: string): Promise<TSchedule> {
  return api.post<TSchedule>('/api/timeframe/parse', { text, periodStart, periodEnd });
}
