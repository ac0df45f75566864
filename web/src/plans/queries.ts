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

/** The plan in force today, else the one that ended most recently, else the first. */
export function currentPlan(plans: PlanSummary[], today: string): PlanSummary | undefined {
  const running = plans.filter((p) => p.kind !== 'inspection' && p.periodStart <= today && today <= p.periodEnd);
  if (running.length > 0) return running.sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
  return [...plans].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0];
}
