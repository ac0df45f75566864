import type { TScorecard } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';

export const useScorecard = (planId: number) => useQuery({ queryKey: ['scorecard', planId], queryFn: () => api.get<TScorecard>(`/api/plans/${planId}/scorecard`) });

/** Linking a target or entering a figure changes the card (and nothing else). */
function useScorecardMutation<I>(planId: number, fn: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['scorecard', planId] }) });
}

export const useLinkTarget = (planId: number) =>
  useScorecardMutation(planId, ({ targetId, indicatorKey }: { targetId: number; indicatorKey: string | null }) =>
    api.put(`/api/plans/${planId}/targets/${targetId}/link`, { indicatorKey }),
  );

export const useEnterFigure = (planId: number) =>
  useScorecardMutation(planId, ({ targetId, month, value }: { targetId: number; month: string; value: number }) =>
    api.put(`/api/plans/${planId}/targets/${targetId}/figures`, { month, value }),
  );
