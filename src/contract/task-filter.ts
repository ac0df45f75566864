/**
 * The task table's filter, shared: the server filters `GET /api/tasks` with it and the web app
 * filters the list it already holds, so both find the same tasks.
 */
import { isDone } from '../domain/status/summarise';
import { matchesSearch, searchWords } from '../domain/text/normalize';
import type { TTask, TTaskFilter } from './tasks';

type FilterableTask = Pick<TTask, 'area' | 'status' | 'origin' | 'number' | 'content' | 'product' | 'timeframeText' | 'sourceDocument' | 'leadUnits' | 'coordinatorUnits'>;

function searchableText(task: FilterableTask): string {
  return [
    task.number ?? '',
    task.content,
    task.product,
    task.timeframeText,
    task.sourceDocument ?? '',
    ...task.leadUnits.map((u) => u.name),
    ...task.coordinatorUnits.map((u) => u.name),
  ].join(' ');
}

/** Unit (a unit matches the tasks it leads or coordinates on), lead unit, area, judged status, done or not, origin, and words keyed like names (no marks, case or invisible characters). */
export function filterTasks<T extends FilterableTask>(tasks: T[], filter: TTaskFilter): T[] {
  const words = searchWords(filter.q ?? '');
  return tasks.filter((task) => {
    if (filter.area !== undefined && task.area !== filter.area) return false;
    if (filter.status !== undefined && task.status !== filter.status) return false;
    if (filter.done !== undefined && isDone(task.status) !== filter.done) return false;
    if (filter.origin !== undefined && task.origin !== filter.origin) return false;
    if (filter.leadUnitId !== undefined && !task.leadUnits.some((u) => u.id === filter.leadUnitId)) return false;
    if (filter.unitId !== undefined && ![...task.leadUnits, ...task.coordinatorUnits].some((u) => u.id === filter.unitId)) return false;
    return matchesSearch(searchableText(task), words);
  });
}

/** The dashboard's headline cards, each the filter it counts with (the server's counts and the list they open agree). */
export const DASHBOARD_CARD_FILTERS = {
  total: {},
  done: { done: true },
  rate: { done: true },
  overdue: { status: 'qua_han' },
  dueSoon: { status: 'sap_den_han' },
  undetermined: { status: 'chua_xac_dinh_han' },
} as const satisfies Record<string, TTaskFilter>;
export type TDashboardCard = keyof typeof DASHBOARD_CARD_FILTERS;
