/** Client-side task filters; the search ignores diacritics, case and invisible characters ("cai cach" finds "cải cách"). */
import { matchesSearch, searchWords } from '../../../src/domain/text/normalize';
import type { Task, TaskFilters } from '../app/api-types';

function searchableText(task: Task): string {
  return [
    task.number ?? '',
    task.content,
    task.product ?? '',
    task.timeframeText,
    task.sourceDocument ?? '',
    ...task.leadUnits.map((u) => u.name),
    ...task.coordinatorUnits.map((u) => u.name),
  ].join(' ');
}

/** A unit matches the tasks it leads or coordinates on. */
export function filterTasks(tasks: Task[], filters: TaskFilters): Task[] {
  const words = searchWords(filters.q ?? '');
  return tasks.filter((task) => {
    if (filters.area !== undefined && task.area !== filters.area) return false;
    if (filters.status !== undefined && task.status !== filters.status) return false;
    if (filters.unitId !== undefined) {
      const units = [...task.leadUnits, ...task.coordinatorUnits];
      if (!units.some((u) => u.id === filters.unitId)) return false;
    }
    return matchesSearch(searchableText(task), words);
  });
}
