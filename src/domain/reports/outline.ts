/**
 * A template from an outline table (the Excel sheet a city administrator fills in):
 * one row per section or item with columns level / code / title / kind / key / unit / partOf.
 * Level 1, 2 … nests sections; items belong to the last section above them.
 */
import type { TemplateIssue, TemplateSection } from './template';

export interface OutlineRow {
  /** Row number in the sheet, for messages. */
  row: number;
  level: number | null;
  code: string;
  title: string;
  /** section | narrative | figure | computed */
  kind: string;
  key?: string;
  unit?: string;
  partOf?: string;
  area?: number | null;
}

export interface OutlineResult {
  /** The tree, still to be checked by validateTemplate. */
  sections: TemplateSection[];
  issues: TemplateIssue[];
}

export function sectionsFromOutline(rows: OutlineRow[]): OutlineResult {
  const roots: TemplateSection[] = [];
  const stack: { level: number; section: TemplateSection }[] = [];
  const issues: TemplateIssue[] = [];
  for (const row of rows) {
    const kind = row.kind.trim().toLowerCase();
    const where = `dòng ${row.row}`;
    if (kind === 'section') {
      const level = row.level ?? 1;
      if (level < 1 || level > stack.length + 1) {
        issues.push({ path: where, message: `Cấp ${level} không hợp lệ sau cấp ${stack.length}` });
        continue;
      }
      const section: TemplateSection = { code: row.code, title: row.title, items: [], sections: [], ...(row.area ? { area: row.area } : {}) };
      stack.length = level - 1;
      (stack.length === 0 ? roots : stack[stack.length - 1].section.sections).push(section);
      stack.push({ level, section });
      continue;
    }
    const parent = stack[stack.length - 1]?.section;
    if (!parent) {
      issues.push({ path: where, message: 'Mục nội dung phải nằm dưới một đề mục (kind = section)' });
      continue;
    }
    if (kind === 'narrative') parent.items.push({ kind: 'narrative', code: row.code, title: row.title });
    else if (kind === 'figure') {
      parent.items.push({ kind: 'figure', code: row.code, title: row.title, unit: row.unit as 'count', ...(row.partOf ? { partOf: row.partOf } : {}) });
    } else if (kind === 'computed') parent.items.push({ kind: 'computed', code: row.code, title: row.title, key: row.key ?? '', unit: row.unit as 'count' });
    else issues.push({ path: where, message: `Loại "${row.kind}" không hợp lệ (section, narrative, figure, computed)` });
  }
  return { sections: roots, issues };
}
