import type { TPlanDetail, TPlanSummary } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../app/api';

export function usePlans(communeId: number | null) {
  return useQuery({
    queryKey: ['plans', 'list', communeId],
    queryFn: () => api.get<TPlanSummary[]>(withQuery('/api/plans', { communeId })),
    enabled: communeId !== null,
  });
}

export function usePlan(id: number | null) {
  return useQuery({
    queryKey: ['plans', 'one', id],
    queryFn: () => api.get<TPlanDetail>(`/api/plans/${id}`),
    enabled: id !== null,
  });
}
