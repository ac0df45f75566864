/** Administration data and changes; each change refreshes the lists it affects. */

import type {
  TAuditEntry,
  TCalendarOverride,
  TCalendarOverrideKind,
  TCalendarYear,
  TCommune,
  TCommuneInput,
  TUnit,
  TUnitAlias,
  TUnitInput,
  TUser,
  TUserCreate,
  TUserUpdate,
} from '@contract';
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../app/api';
import { communesKey } from '../app/reference';

function useChange<Input, Output>(mutationFn: (input: Input) => Promise<Output>, keys: QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export function useSaveCommune() {
  return useChange(
    ({ id, input }: { id?: number; input: TCommuneInput }) => (id === undefined ? api.post<TCommune>('/api/communes', input) : api.patch<TCommune>(`/api/communes/${id}`, input)),
    [communesKey],
  );
}

export function useSaveUnit(communeId: number | null) {
  return useChange(
    ({ id, input }: { id?: number; input: TUnitInput }) =>
      id === undefined ? api.post<TUnit>(`/api/communes/${communeId}/units`, input) : api.patch<TUnit>(`/api/units/${id}`, input),
    [['units']],
  );
}

export function useAddAlias() {
  return useChange(({ unitId, alias }: { unitId: number; alias: string }) => api.post<TUnitAlias>(`/api/units/${unitId}/aliases`, { alias }), [['units']]);
}

export function useRemoveAlias() {
  return useChange((aliasId: number) => api.del(`/api/aliases/${aliasId}`), [['units']]);
}

export function useUsers(communeId: number | null) {
  return useQuery({
    queryKey: ['users', communeId],
    queryFn: () => api.get<TUser[]>(withQuery('/api/users', { communeId })),
  });
}

export function useCreateUser() {
  return useChange((input: TUserCreate) => api.post<TUser>('/api/users', input), [['users']]);
}

export function useUpdateUser() {
  return useChange(({ id, input }: { id: number; input: TUserUpdate }) => api.patch<TUser>(`/api/users/${id}`, input), [['users']]);
}

export function useResetPassword() {
  return useChange(
    ({ id, password, mustChangePassword }: { id: number; password: string; mustChangePassword: boolean }) =>
      api.post<void>(`/api/users/${id}/password`, { password, mustChangePassword }),
    [],
  );
}

export function useCalendar(year: number) {
  return useQuery({ queryKey: ['calendar', year], queryFn: () => api.get<TCalendarYear>(`/api/calendar/${year}`) });
}

export function useAddOverride() {
  return useChange(
    (input: { date: string; kind: TCalendarOverrideKind; note: string }) => api.post<TCalendarOverride>('/api/calendar/overrides', input),
    [['calendar'], ['tasks'], ['dashboard']],
  );
}

export function useRemoveOverride() {
  return useChange((id: number) => api.del(`/api/calendar/overrides/${id}`), [['calendar'], ['tasks'], ['dashboard']]);
}

/** What the change log is filtered on: the server's filters (task, unit, person, days in Vietnam). */
export interface AuditFilter {
  entity?: string;
  taskId?: number;
  unitId?: number;
  actorId?: number;
  from?: string;
  to?: string;
  limit: number;
}

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api.get<TAuditEntry[]>(withQuery('/api/audit', { ...filter })),
  });
}
