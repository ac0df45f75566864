/** Rules for figures entered by hand: what a unit types is checked before it is saved. */
import { figuresOf, type ReportTemplate } from './template';

export type FigureValues = Record<string, number | null>;

export interface FigureIssue {
  code: string;
  message: string;
}

/** Percentages 0–100, counts whole and non-negative, money non-negative, a part never above its whole. */
export function checkFigureValues(template: Pick<ReportTemplate, 'sections'>, values: FigureValues): FigureIssue[] {
  const figures = new Map(figuresOf(template).map((f) => [f.code, f]));
  const issues: FigureIssue[] = [];
  for (const [code, value] of Object.entries(values)) {
    const figure = figures.get(code);
    if (!figure) {
      issues.push({ code, message: `Mẫu báo cáo không có số liệu mã "${code}"` });
      continue;
    }
    if (value === null) continue;
    if (figure.kind === 'computed') continue; // computed figures are never typed; the server ignores them
    if (!Number.isFinite(value) || value < 0) issues.push({ code, message: `"${figure.title}": phải là số không âm` });
    else if (figure.unit === 'percent' && value > 100) issues.push({ code, message: `"${figure.title}": tỷ lệ phải từ 0 đến 100%` });
    else if (figure.unit === 'count' && !Number.isInteger(value)) issues.push({ code, message: `"${figure.title}": phải là số nguyên` });
  }
  for (const figure of figures.values()) {
    if (figure.kind !== 'figure' || !figure.partOf) continue;
    const part = values[figure.code];
    const whole = values[figure.partOf];
    if (part == null || whole == null) continue;
    if (part > whole) {
      const wholeTitle = figures.get(figure.partOf)?.title ?? figure.partOf;
      issues.push({ code: figure.code, message: `"${figure.title}" (${part}) không được lớn hơn "${wholeTitle}" (${whole})` });
    }
  }
  return issues;
}
