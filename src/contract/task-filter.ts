/**
 * The task table's filter, shared: the server filters `GET /api/tasks` with it and the web app
 * filters the list it already holds, so both find the same tasks.
 */
import { matchesSearch, searchWords } from '../domain/text/normalize';
import type { TTask, TTaskFilter } from './tasks';

type FilterableTask = Pick<TTask, 'area' | 'status' | 'number' | 'content' | 'product' | 'timeframeText' | 'sourceDocument' | 'leadUnits' | 'coordinatorUnits'>;

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

/** Unit (a unit matches the tasks it leads or coordinates on), area, judged status, and words keyed like names (no marks, case or invisible characters). */
export function filterTasks<T extends FilterableTask>(tasks: T[], filter: TTaskFilter): T[] {
  const words = searchWords(filter.q ?? '');
  return tasks.filter((task) => {
    if (filter.area !== undefined && task.area !== filter.area) return false;
    if (filter.status !== undefined && task.status !== filter.status) return false;
    if (filter.unitId !== undefined && ![...task.leadUnits, ...task.coordinatorUnits].some((u) => u.id === filter.unitId)) return false;
    return matchesSearch(searchableText(task), words);
  });
}
