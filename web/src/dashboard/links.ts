import type { TTaskFilter } from '@contract';

/**
 * The task list behind a dashboard figure: `/tasks?planId=…&<filter>`. The page asks
 * `GET /api/dashboard/tasks` with the same filter, which the server counted the figure with.
 */
export function dashboardTasksHref(planId: number, filter: TTaskFilter): string {
  const params = new URLSearchParams({ planId: String(planId) });
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') params.set(key, String(value));
  return `/tasks?${params}`;
}
