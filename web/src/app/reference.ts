/** Reference data many screens share: communes and their units. */

import type { TCommune, TUnit } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { api } from './api';

export const communesKey = ['communes'] as const;
export const unitsKey = (communeId: number | null) => ['units', communeId] as const;

export function useCommunes() {
  return useQuery({ queryKey: communesKey, queryFn: () => api.get<TCommune[]>('/api/communes'), staleTime: 300_000 });
}

export function useUnits(communeId: number | null) {
  return useQuery({
    queryKey: unitsKey(communeId),
    queryFn: () => api.get<TUnit[]>(`/api/communes/${communeId}/units`),
    enabled: communeId !== null,
    staleTime: 300_000,
  });
}
