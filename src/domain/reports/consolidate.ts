/**
 * The commune report drafted from the units' accepted reports: counts and money summed,
 * percentages left for the coordinator (an average of units' rates is not the commune's rate),
 * each narrative gathered under the unit's name. Everything stays editable afterwards.
 */
import { figuresOf, type ReportTemplate, walkItems } from './template';
import type { FigureValues } from './values';

export interface UnitContent {
  unitName: string;
  values: FigureValues;
  narratives: Record<string, string>;
}

export interface ReportContent {
  values: FigureValues;
  narratives: Record<string, string>;
}

export function consolidate(template: Pick<ReportTemplate, 'sections'>, units: UnitContent[]): ReportContent {
  const values: FigureValues = {};
  for (const figure of figuresOf(template)) {
    if (figure.kind === 'computed' || figure.unit === 'percent') continue;
    const given = units.map((u) => u.values[figure.code]).filter((v): v is number => typeof v === 'number');
    values[figure.code] = given.length === 0 ? null : given.reduce((a, b) => a + b, 0);
  }
  const narratives: Record<string, string> = {};
  for (const { item } of walkItems(template)) {
    if (item.kind !== 'narrative') continue;
    const parts = units.filter((u) => (u.narratives[item.code] ?? '').trim() !== '').map((u) => `${u.unitName}: ${u.narratives[item.code].trim()}`);
    if (parts.length > 0) narratives[item.code] = parts.join('\n');
  }
  return { values, narratives };
}
