import type { TAmendment, TAmendmentInput, TDecideAmendment, TPlanAmendments, TPlanDetail, TPlanSummary, TPlanUpdate, TProposal, TProposalInput, TVersionDiff } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** The plan's amendment story: versions, amendments, proposals waiting. */
export function useAmendments(planId: number, enabled = true) {
  return useQuery({
    queryKey: ['plans', 'amendments', planId],
    queryFn: () => api.get<TPlanAmendments>(`/api/plans/${planId}/amendments`),
    enabled,
  });
}

export function useVersionDiff(planId: number, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['plans', 'diff', planId, from, to],
    queryFn: () => api.get<TVersionDiff>(withQuery(`/api/plans/${planId}/versions/diff`, { from, to })),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** A change to the plan's life: the plan, its tasks and its amendment story are read again. */
export function usePlanMutation<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: ['plans'] }), client.invalidateQueries({ queryKey: ['tasks'] })]);
    },
  });
}

export const proposeChange = (planId: number) => (input: TProposalInput) => api.post<TProposal>(`/api/plans/${planId}/proposals`, input);
export const gatherAmendment = (planId: number) => (input: TAmendmentInput) => api.post<TAmendment>(`/api/plans/${planId}/amendments`, input);
export const decideAmendment = (amendmentId: number) => (input: TDecideAmendment) => api.post<TAmendment>(`/api/amendments/${amendmentId}/decide`, input);
export const updatePlan = (planId: number) => (input: TPlanUpdate) => api.patch<TPlanDetail>(`/api/plans/${planId}`, input);
