import type { TEvidence } from '@contract';

/** A link typed or pasted: a task (`/tasks?task=12`, `/plans/3?task=12`) or a report (`/reports/5`) of the app, or another address. */
export function evidenceWithLink(evidence: TEvidence, text: string): TEvidence {
  const value = text.trim();
  if (!value) return evidence;
  const report = /\/reports\/(\d+)\b/.exec(value);
  const task = /[?&]task=(\d+)\b/.exec(value) ?? /\/tasks\/(\d+)\b/.exec(value);
  if (report) return { ...evidence, reportIds: [...new Set([...evidence.reportIds, Number(report[1])])] };
  if (task) return { ...evidence, taskIds: [...new Set([...evidence.taskIds, Number(task[1])])] };
  return { ...evidence, links: [...new Set([...evidence.links, value])] };
}
