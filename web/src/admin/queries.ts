/** Administration data and changes; each change refreshes the lists it affects. */
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, withQuery } from '../app/api';
import type {
  AdminUser,
  AuditEntry,
  CalendarOverride,
  CalendarYear,
  Commune,
  CommuneInput,
  OverrideKind,
  Unit,
  UnitAlias,
  UnitInput,
  UserCreateInput,
  UserPatchInput,
} from '../app/api-types';
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
    ({ id, input }: { id?: number; input: CommuneInput }) =>
      id === undefined ? api.post<Commune>('/api/communes', input) : api.patch<Commune>(`/api/communes/${id}`, input),
    [communesKey],
  );
}

export function useSaveUnit(communeId: number | null) {
  return useChange(
    ({ id, input }: { id?: number; input: UnitInput }) =>
      id === undefined
        ? api.post<Unit>(`/api/communes/${communeId}/units`, input)
        : api.patch<Unit>(`/api/units/${id}`, input),
    [['units']],
  );
}

export function useAddAlias() {
  return useChange(
    ({ unitId, alias }: { unitId: number; alias: string }) => api.post<UnitAlias>(`/api/units/${unitId}/aliases`, { alias }),
    [['units']],
  );
}

export function useRemoveAlias() {
  return useChange((aliasId: number) => api.del(`/api/aliases/${aliasId}`), [['units']]);
}

export function useUsers(communeId: number | null) {
  return useQuery({
    queryKey: ['users', communeId],
    queryFn: () => api.get<AdminUser[]>(withQuery('/api/users', { communeId })),
  });
}

export function useCreateUser() {
  return useChange((input: UserCreateInput) => api.post<AdminUser>('/api/users', input), [['users']]);
}

export function useUpdateUser() {
  return useChange(
    ({ id, input }: { id: number; input: UserPatchInput }) => api.patch<AdminUser>(`/api/users/${id}`, input),
    [['users']],
  );
}

export function useResetPassword() {
  return useChange(
    ({ id, password, mustChangePassword }: { id: number; password: string; mustChangePassword: boolean }) =>
      api.post<void>(`/api/users/${id}/password`, { password, mustChangePassword }),
    [],
  );
}

export function useCalendar(year: number) {
  return useQuery({ queryKey: ['calendar', year], queryFn: () => api.get<CalendarYear>(`/api/calendar/${year}`) });
}

export function useAddOverride() {
  return useChange(
    (input: { date: string; kind: OverrideKind; note: string }) => api.post<CalendarOverride>('/api/calendar/overrides', input),
    [['calendar'], ['tasks'], ['dashboard']],
  );
}

export function useRemoveOverride() {
  return useChange((id: number) => api.del(`/api/calendar/overrides/${id}`), [['calendar'], ['tasks'], ['dashboard']]);
}

export function useAudit(entity: string | undefined, limit: number) {
  return useQuery({
    queryKey: ['audit', entity, limit],
    queryFn: () => api.get<AuditEntry[]>(withQuery('/api/audit', { entity, limit })),
  });
}
