/** The signed-in user: who they are, what they may do, and the guard for private pages. */

import type { TSessionUser, TUserEnvelope, TUserRights } from '@contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ChangePasswordRequired } from '../auth/ChangePassword';
import { askEarlyFor, rememberLanding } from '../dashboard/early';
import { ApiError, api, NETWORK_ERROR, setPasswordChangeHandler, setUnauthenticatedHandler } from './api';

export const ME_KEY = ['me'] as const;

/** The last answer of this tab's session, so a page reloaded without a connection (the visit checklist) still opens. */
const ME_COPY = 'cchc.me';

async function fetchMe(): Promise<TUserEnvelope | null> {
  try {
    const me = await api.get<TUserEnvelope>('/api/auth/me');
    askEarlyFor(me.user);
    sessionStorage.setItem(ME_COPY, JSON.stringify(me));
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      sessionStorage.removeItem(ME_COPY);
      return null;
    }
    const copy = error instanceof ApiError && error.code === NETWORK_ERROR ? sessionStorage.getItem(ME_COPY) : null;
    if (copy) return JSON.parse(copy) as TUserEnvelope;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

const UserContext = createContext<TUserEnvelope | null>(null);

function useSignedIn(): TUserEnvelope {
  const me = useContext(UserContext);
  if (!me) throw new Error('useUser outside RequireAuth');
  return me;
}

/** The signed-in user; only inside RequireAuth. */
export function useUser(): TSessionUser {
  return useSignedIn().user;
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
  const signedIn = me.data?.user;
  useEffect(() => {
    if (signedIn) rememberLanding(signedIn);
  }, [signedIn]);
  if (me.isPending) return <Spin size="large" fullscreen />;
  if (!me.data) {
    // Signed out (or the session ended): no copy of the person stays for an offline reload.
    sessionStorage.removeItem(ME_COPY);
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.data.user.mustChangePassword) {
    const logout = () => void api.post<void>('/api/auth/logout').finally(() => queryClient.setQueryData(ME_KEY, null));
    return <ChangePasswordRequired onLogout={logout} />;
  }
  return <UserContext.Provider value={me.data}>{children}</UserContext.Provider>;
}

/**
 * What the interface offers beyond one commune's objects, as the server sent it (objects carry their
 * own `can…` flags); the server checks again.
 */
export function usePermissions(): TUserRights & { chooseCommune: boolean } {
  const { user, can } = useSignedIn();
  /** works above one commune: chooses which commune to look at */
  return { ...can, chooseCommune: user.communeId === null };
}
