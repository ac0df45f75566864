/** The signed-in user: who they are, what they may do, and the guard for private pages. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ChangePasswordRequired } from '../auth/ChangePassword';
import { api, ApiError, setPasswordChangeHandler, setUnauthenticatedHandler } from './api';
import type { Role, User } from './api-types';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<User | null> {
  try {
    const { user } = await api.get<{ user: User }>('/api/auth/me');
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

const UserContext = createContext<User | null>(null);

/** The signed-in user; only inside RequireAuth. */
export function useUser(): User {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside RequireAuth');
  return user;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const location = useLocation();
  useEffect(() => {
    setUnauthenticatedHandler(() => queryClient.setQueryData(ME_KEY, null));
    // An administrator flagged the account during the session: ask the server again, which shows the change screen.
    setPasswordChangeHandler(() => void queryClient.invalidateQueries({ queryKey: ME_KEY }));
  }, [queryClient]);
  if (me.isPending) return <Spin size="large" fullscreen />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.data.mustChangePassword) {
    const logout = () => void api.post<void>('/api/auth/logout').finally(() => queryClient.setQueryData(ME_KEY, null));
    return <ChangePasswordRequired onLogout={logout} />;
  }
  return <UserContext.Provider value={me.data}>{children}</UserContext.Provider>;
}

/** The commune's managers: they define plans and tasks. */
const EDITORS: readonly Role[] = ['admin', 'leader', 'coordinator'];

/** Who may do what in the interface; the server checks again. */
export function permissionsOf(user: User) {
  return {
    /** create and edit tasks' content, create city-assigned tasks */
    editTasks: EDITORS.includes(user.role),
    admin: user.role === 'admin',
    audit: user.role === 'admin' || user.role === 'leader',
    /** works above one commune: chooses which commune to look at */
    chooseCommune: user.communeId === null,
  };
}

export function usePermissions() {
  return permissionsOf(useUser());
}
