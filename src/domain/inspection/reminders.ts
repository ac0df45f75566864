/**
 * Reminders of inspection findings (issue 13, seed 003 VI.3 "báo cáo kết quả khắc phục"): to the
 * heads of the owner unit from N working days before a finding's deadline (finding_due), and for a
 * week after it while the finding is not fixed (finding_overdue, also to the coordinators). Findings
 * of one unit with the same deadline share one notice; the delivery key (rule, deadline, recipient)
 * sends each once. The windows are the periodic reports' (report-rules.ts reportPhase).
 */
import type { WorkingCalendar } from '../calendar';
import { reportPhase } from '../reminders/report-rules';
import type { CommuneDirectory, ReminderIntent, ReminderSettings } from '../reminders/rules';
import type { IsoDate } from '../timeframe/types';

export interface FindingDeadline {
  id: number;
  ownerUnitId: number;
  deadline: IsoDate;
  status: 'open' | 'fix_reported' | 'accepted' | 'reopened';
}

export interface FindingReminderInput {
  asOf: IsoDate;
  settings: ReminderSettings;
  calendar: WorkingCalendar;
  findings: readonly FindingDeadline[];
  directory: CommuneDirectory;
}

/** Only a finding waiting on its unit is reminded of: a reported fix waits on the team, an accepted one is closed. */
const waitsOnUnit = (f: FindingDeadline) => f.status === 'open' || f.status === 'reopened';

export function findingRemindersDue({ asOf, settings, calendar, findings, directory }: FindingReminderInput): ReminderIntent[] {
  const groups = new Map<string, FindingDeadline[]>();
  for (const f of findings.filter(waitsOnUnit)) {
    const key = `${f.ownerUnitId}|${f.deadline}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: ReminderIntent[] = [];
  const lateByDeadline = new Map<IsoDate, { unitIds: Set<number>; findingIds: number[] }>();
  for (const group of groups.values()) {
    const { ownerUnitId, deadline } = group[0];
    const phase = reportPhase(deadline, asOf, settings, calendar);
    if (!phase) continue;
    const rule = phase === 'before' ? ('finding_due' as const) : ('finding_overdue' as const);
    const findingIds = group.map((f) => f.id).sort((a, b) => a - b);
    for (const recipientId of directory.unitHeads.get(ownerUnitId) ?? []) {
      out.push({ rule, taskId: null, occurrenceDue: deadline, recipientId, unitIds: [ownerUnitId], findingIds });
    }
    if (phase === 'late') {
      const late = lateByDeadline.get(deadline) ?? { unitIds: new Set<number>(), findingIds: [] };
      late.unitIds.add(ownerUnitId);
      late.findingIds.push(...findingIds);
      lateByDeadline.set(deadline, late);
    }
  }
  // The coordinator hears once per deadline, with every late unit listed.
  for (const [deadline, late] of lateByDeadline) {
    for (const recipientId of new Set(directory.coordinators)) {
      if (out.some((i) => i.rule === 'finding_overdue' && i.recipientId === recipientId && i.occurrenceDue === deadline)) continue;
      out.push({
        rule: 'finding_overdue',
        taskId: null,
        occurrenceDue: deadline,
        recipientId,
        unitIds: [...late.unitIds].sort((a, b) => a - b),
        findingIds: late.findingIds.sort((a, b) => a - b),
      });
    }
  }
  return out;
}
