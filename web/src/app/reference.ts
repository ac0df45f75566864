/** Reference data many screens share: communes and their units. */
import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { Commune, Unit } from './api-types';

export const communesKey = ['communes'] as const;
export const unitsKey = (communeId: number | null) => ['units', communeId] as const;

export function useCommunes() {
  return useQuery({ queryKey: communesKey, queryFn: () => api.get<Commune[]>('/api/communes'), staleTime: 300_000 });
}

export function useUnits(communeId: number | null) {
  return useQuery({
    queryKey: unitsKey(communeId),
    queryFn: () => api.get<Unit[]>(`/api/communes/${communeId}/units`),
    enabled: communeId !== null,
    staleTime: 300_000,
  });
}
