/**
 * parseTimeframe: the "Thời gian thực hiện/hoàn thành" cell of a plan's task table → a Schedule
 * measured against the plan period. Pure and total: any string gives a Schedule, and
 * what is not understood becomes "unspecified" with a Vietnamese warning, never a guessed date.
 */
import { readClauses } from './compound';
import { isWithin } from './dates';
import { readSingle } from './patterns';
import { isValidPeriod } from './plan-period';
import { canonicalText, displayText, hasTimeHint, splitParentheses, stripLeadFiller } from './prepare-text';
import { type Attempt, isProblem, type Reading } from './readings';
import type { IsoDate, Period, Schedule } from './types';
import { looksLikeUnitName } from './unit-name';
import { warn } from './warnings';

export function parseTimeframe(text: string, period: Period): Schedule {
  // The importer hands over raw cells; a missing cell must not crash an import.
  const raw = typeof text === 'string' ? text : '';
  const display = displayText(raw);
  if (display === '') return unspecified(raw, warn.empty());
  if (!isValidPeriod(period)) return unspecified(raw, warn.badPeriod(period));

  const withDay = readDayInBrackets(display, period);
  if (withDay !== null) return isProblem(withDay) ? unspecified(raw, withDay.problem) : toSchedule(raw, withDay, period);

  const { main, asides } = splitParentheses(display);
  // A cell that is nothing but a bracket, "(Quý IV)", is read as if unbracketed.
  const body = main === '' ? display.replace(/[()]/g, ' ') : main;
  const attempt = readAll(body, period, display);
  if (attempt === null) {
    return unspecified(raw, looksLikeUnitName(display) ? warn.unitName(display) : warn.notUnderstood(display));
  }
  if (isProblem(attempt)) return unspecified(raw, attempt.problem);

  const schedule = toSchedule(raw, attempt, period);
  if (main === '' || schedule.due === null) return schedule;
  return withAsides(schedule, asides, period, display);
}

/**
 * "Hằng tháng (trước ngày 25)", "Hàng quý (trước ngày 15 của tháng cuối quý)": the bracket names the day
 * of the recurrence, not a lesser deadline, so it is read as "Hằng tháng, trước ngày 25". Only a whole
 * recurring reading is taken; anything else goes the usual way (asides kept apart or flagged).
 */
function readDayInBrackets(display: string, period: Period): Attempt | null {
  if (!display.includes('(')) return null;
  const flat = display.replace(/\s*\(([^()]*)\)/g, ', $1');
  const attempt = readSingle(stripLeadFiller(canonicalText(flat)), period, display);
  if (attempt === null) return null;
  return isProblem(attempt) || attempt.kind === 'recurring' ? attempt : null;
}

function readAll(body: string, period: Period, display: string): Attempt | null {
  const canonical = stripLeadFiller(canonicalText(body));
  return readSingle(canonical, period, display) ?? readClauses(canonical, period, display);
}

function unspecified(text: string, warning: string): Schedule {
  return { text, kind: 'unspecified', start: null, due: null, occurrences: [], warnings: [warning] };
}

function toSchedule(text: string, reading: Reading, period: Period): Schedule {
  const base = { text, kind: reading.kind, start: reading.start };
  if (reading.kind === 'continuous' || reading.kind === 'external') {
    return { ...base, due: null, occurrences: [], warnings: [] };
  }
  if (reading.kind === 'recurring') {
    const occurrences = reading.deadlines.filter((d) => isWithin(d, period));
    const warnings = occurrences.length === 0 ? [warn.noOccurrence(displayText(text), period)] : [];
    return { ...base, due: occurrences[0] ?? null, occurrences, warnings };
  }
  // One-off kinds keep a deadline outside the period: the user must see it to fix the text or the plan.
  const due = reading.deadlines[0] ?? null;
  const outside = due !== null && !isWithin(due, period);
  return { ...base, due, occurrences: due === null ? [] : [due], warnings: outside ? [warn.outsidePeriod(due, period)] : [] };
}

/**
 * Bracketed deadlines addressed to units ("các cơ quan, đơn vị gửi báo cáo trước ngày 05 …") are
 * their internal deadline for feeding the commune's report, not the task's; they are kept apart
 * in unitDeadlines. Any other bracketed time is flagged so nothing is silently dropped.
 */
function withAsides(schedule: Schedule, asides: string[], period: Period, display: string): Schedule {
  const unitDeadlines: IsoDate[] = [];
  const warnings = [...schedule.warnings];
  for (const aside of asides) {
    const canonical = canonicalText(aside);
    if (!hasTimeHint(canonical)) continue;
    const attempt = readClauses(canonical, period, display);
    const forUnits = /\b(?:don vi|co quan|phong)\b/.test(canonical);
    if (attempt !== null && !isProblem(attempt) && forUnits) {
      unitDeadlines.push(...attempt.deadlines.filter((d) => isWithin(d, period)));
    } else {
      warnings.push(warn.parenthesisIgnored(aside));
    }
  }
  const result: Schedule = { ...schedule, warnings };
  if (unitDeadlines.length > 0) result.unitDeadlines = [...new Set(unitDeadlines)].sort();
  return result;
}
