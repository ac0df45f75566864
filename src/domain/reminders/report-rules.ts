/**
 * Reminders of periodic reports (issue 10): before each deadline and when a report is late.
 * Pure, like the task rules beside it. The subject of a report reminder is the report period;
 * its occurrence is the deadline it is about, so the delivery key (rule, period, deadline,
 * recipient) sends each one once.
 *
 * - report_before_due: to the heads of each unit that owes the period's report and has not
 *   submitted it, from N working days before the units' deadline up to that day.
 * - report_late: from the day after the units' deadline (for a week, like overdue tasks), to
 *   the heads of each unit still owing it, and one notice to the coordinators listing those units.
 * - commune_report_due: to the coordinators and leaders before the commune's deadline while the
 *   commune's report is not sent.
 * - commune_report_late: to the same people after the commune's deadline while it is not sent.
 */
import type { WorkingCalendar } from '../calendar';
import { diffDays } from '../calendar/dates';
import type { IsoDate } from '../timeframe/types';
import { type CommuneDirectory, OVERDUE_CATCH_UP_DAYS, type ReminderIntent, type ReminderSettings } from './rules';

export interface ReportDeadline {
  periodId: number;
  unitDeadline: IsoDate;
  communeDeadline: IsoDate;
  /** Units that owe the period's report: those leading the plan's tasks. */
  unitsOwing: number[];
  /** Units whose report has been submitted at least once (late or not). */
  unitsSubmitted: number[];
  communeSent: boolean;
}

export interface ReportReminderInput {
  asOf: IsoDate;
  settings: ReminderSettings;
  calendar: WorkingCalendar;
  deadlines: ReportDeadline[];
  directory: CommuneDirectory;
}

type Phase = 'before' | 'late' | null;

/** Before: from N working days ahead to the deadline itself; late: the week after it (older lateness is not re-announced). */
export function reportPhase(deadline: IsoDate, asOf: IsoDate, settings: ReminderSettings, calendar: WorkingCalendar): Phase {
  const daysLeft = diffDays(asOf, deadline);
  if (daysLeft >= 0) {
    const firstDay = calendar.addWorkingDays(deadline, -settings.reportBeforeDueWorkingDays);
    return diffDays(firstDay, asOf) >= 0 ? 'before' : null;
  }
  return settings.reportOnLate && -daysLeft <= OVERDUE_CATCH_UP_DAYS ? 'late' : null;
}

export function reportRemindersDue(input: ReportReminderInput): ReminderIntent[] {
  return input.deadlines.flatMap((deadline) => [...unitReminders(input, deadline), ...communeReminders(input, deadline)]);
}

function unitReminders({ asOf, settings, calendar, directory }: ReportReminderInput, d: ReportDeadline): ReminderIntent[] {
  const phase = reportPhase(d.unitDeadline, asOf, settings, calendar);
  if (!phase) return [];
  const submitted = new Set(d.unitsSubmitted);
  const owing = [...new Set(d.unitsOwing)].filter((unitId) => !submitted.has(unitId) && (directory.unitHeads.get(unitId)?.length ?? 0) > 0);
  if (owing.length === 0) return [];
  const rule = phase === 'before' ? ('report_before_due' as const) : ('report_late' as const);
  const toHeads = owing.flatMap((unitId) =>
    (directory.unitHeads.get(unitId) ?? []).map((recipientId) => ({ rule, taskId: null, periodId: d.periodId, occurrenceDue: d.unitDeadline, recipientId, unitIds: [unitId] })),
  );
  // The coordinator hears of lateness once per period, with every late unit listed.
  const toCoordinators =
    phase === 'late'
      ? unique(directory.coordinators).map((recipientId) => ({ rule, taskId: null, periodId: d.periodId, occurrenceDue: d.unitDeadline, recipientId, unitIds: owing }))
      : [];
  return dedupe([...toHeads, ...toCoordinators]);
}

function communeReminders({ asOf, settings, calendar, directory }: ReportReminderInput, d: ReportDeadline): ReminderIntent[] {
  if (d.communeSent) return [];
  const phase = reportPhase(d.communeDeadline, asOf, settings, calendar);
  if (!phase) return [];
  const rule = phase === 'before' ? ('commune_report_due' as const) : ('commune_report_late' as const);
  return unique([...directory.coordinators, ...directory.leaders]).map((recipientId) => ({
    rule,
    taskId: null,
    periodId: d.periodId,
    occurrenceDue: d.communeDeadline,
    recipientId,
  }));
}

/** A person heading two owing units hears once, with both listed. */
function dedupe(intents: ReminderIntent[]): ReminderIntent[] {
  const byKey = new Map<string, ReminderIntent>();
  for (const intent of intents) {
    const key = `${intent.rule}|${intent.periodId}|${intent.occurrenceDue}|${intent.recipientId}`;
    const seen = byKey.get(key);
    if (seen) seen.unitIds = unique([...(seen.unitIds ?? []), ...(intent.unitIds ?? [])]);
    else byKey.set(key, { ...intent });
  }
  return [...byKey.values()];
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}
