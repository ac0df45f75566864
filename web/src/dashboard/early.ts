/**
 * The home dashboard asked for at start-up, beside /api/auth/me, instead of after it and after the layout's
 * first render: the server answers `/api/dashboard` for the session's own commune, so a commune's person needs
 * nothing else first. Only when the last signed-in person on this browser landed on the dashboard (a hint in
 * localStorage); anyone else, or a stale hint (an answer that is not 200), costs one unused request at most.
 */
import { type TDashboardEmpty, type TDashboardFull, type TSessionUser, UNIT_ROLES } from '@contract';

type Dashboard = TDashboardFull | TDashboardEmpty;

const HINT_KEY = 'cchc.landsOnDashboard';
let early: Promise<Dashboard | null> | null = null;
/** One early request per page load at most. */
let started = false;

/** Whether a person lands on the commune dashboard (HomePage): a commune's person who is not a unit's head or staff. */
export const landsOnDashboard = (user: Pick<TSessionUser, 'communeId' | 'role'>) => user.communeId !== null && !(UNIT_ROLES as readonly string[]).includes(user.role);

/** Remembers, for the next start, whether to ask for the dashboard early. */
export function rememberLanding(user: Pick<TSessionUser, 'communeId' | 'role'>): void {
  if (landsOnDashboard(user)) localStorage.setItem(HINT_KEY, '1');
  else localStorage.removeItem(HINT_KEY);
}

/** Plain fetch: a 401 here must not sign anyone out. */
function askEarly(): void {
  if (started || window.location.pathname !== '/') return;
  started = true;
  early = fetch('/api/dashboard', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? (response.json() as Promise<Dashboard>) : null))
    .catch(() => null);
}

/** Before the first render: when the last person on this browser landed on the dashboard. */
export function startEarlyDashboard(): void {
  if (localStorage.getItem(HINT_KEY) === '1') askEarly();
}

/** As soon as /api/auth/me answers (before the layout renders): a person who lands on the dashboard, without a hint. */
export function askEarlyFor(user: Pick<TSessionUser, 'communeId' | 'role'>): void {
  rememberLanding(user);
  if (landsOnDashboard(user)) askEarly();
}

/**
 * The early answer, once, for the own commune's default dashboard (no plan chosen) of a person who lands on it;
 * null when there is none to use, and the caller asks as usual.
 */
export function takeEarlyDashboard(user: Pick<TSessionUser, 'communeId' | 'role'>, planId: number | undefined): Promise<Dashboard | null> | null {
  const pending = early;
  early = null;
  if (pending === null || planId !== undefined || !landsOnDashboard(user)) return null;
  // Asked for under the session of its time: another person signed in since on this page is not served it.
  return pending.then((data) => (data !== null && (data.plan === null || data.plan.communeId === user.communeId) ? data : null));
}
