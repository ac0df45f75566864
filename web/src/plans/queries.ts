import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../app/api';
import type { PlanDetail, PlanSummary } from '../app/api-types';

export function usePlans(communeId: number | null) {
  return useQuery({
    queryKey: ['plans', 'list', communeId],
    queryFn: () => api.get<PlanSummary[]>(withQuery('/api/plans', { communeId })),
    enabled: communeId !== null,
  });
}

export function usePlan(id: number | null) {
  return useQuery({
    queryKey: ['plans', 'one', id],
    queryFn: () => api.get<PlanDetail>(`/api/plans/${id}`),
    enabled: id !== null,
  });
}
