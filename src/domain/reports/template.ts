/**
 * Report templates are data: a tree of sections whose items are narrative fields,
 * figures entered by hand, or figures the system computes from a registered key.
 * Loaded from JSON or from an Excel outline, validated here before anything is stored.
 */
import { z } from 'zod';
import type { FigureRegistry } from './figures';

export const FIGURE_UNITS = ['count', 'percent', 'money'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

const ZCode = z
  .string()
  .trim()
  .min(1, 'Thiếu mã mục')
  .max(60)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Mã mục chỉ gồm chữ không dấu, số, dấu chấm, gạch');
const ZTitle = z.string().trim().min(1, 'Thiếu tiêu đề').max(1000);

export const ZNarrativeItem = z.object({ kind: z.literal('narrative'), code: ZCode, title: ZTitle, hint: z.string().max(2000).optional() });
export const ZManualFigure = z.object({
  kind: z.literal('figure'),
  code: ZCode,
  title: ZTitle,
  unit: z.enum(FIGURE_UNITS),
  /** The whole this figure is a part of ("Số hồ sơ đã giải quyết" ⊂ "Tổng số hồ sơ tiếp nhận"). */
  partOf: ZCode.optional(),
});
export const ZComputedFigure = z.object({ kind: z.literal('computed'), code: ZCode, title: ZTitle, key: z.string().trim().min(1).max(80), unit: z.enum(FIGURE_UNITS) });
export const ZTemplateItem = z.discriminatedUnion('kind', [ZNarrativeItem, ZManualFigure, ZComputedFigure]);

export interface TemplateSection {
  code: string;
  title: string;
  /** Reform area I–VII this section reports on, when it is one: narratives are gathered by it. */
  area?: number;
  items: TemplateItem[];
  sections: TemplateSection[];
}

export const ZTemplateSection: z.ZodType<TemplateSection> = z.lazy(() =>
  z.object({
    code: ZCode,
    title: ZTitle,
    area: z.number().int().min(1).max(7).optional(),
    items: z.array(ZTemplateItem).default([]),
    sections: z.array(ZTemplateSection).default([]),
  }),
) as z.ZodType<TemplateSection>;

export const ZReportTemplate = z.object({
  /** Stable name across versions ("bao-cao-dinh-ky"); a new year's template is a new version of it. */
  key: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9-]+$/, 'Khóa mẫu chỉ gồm chữ thường không dấu, số, gạch'),
  name: ZTitle,
  /** "(Số liệu báo cáo tính từ 01/07/2025 đến thời điểm báo cáo)" and the like. */
  note: z.string().max(2000).optional(),
  sections: z.array(ZTemplateSection).min(1, 'Mẫu báo cáo cần ít nhất một mục'),
});

export type TemplateItem = z.infer<typeof ZTemplateItem>;
export type ManualFigure = z.infer<typeof ZManualFigure>;
export type ComputedFigure = z.infer<typeof ZComputedFigure>;
export type ReportTemplate = z.infer<typeof ZReportTemplate>;
export type FigureItem = ManualFigure | ComputedFigure;

export interface TemplateIssue {
  path: string;
  message: string;
}

export type TemplateResult = { ok: true; template: ReportTemplate } | { ok: false; issues: TemplateIssue[] };

/** Every item with the section it sits in, depth first in reading order. */
export function walkItems(template: Pick<ReportTemplate, 'sections'>): { item: TemplateItem; section: TemplateSection }[] {
  const out: { item: TemplateItem; section: TemplateSection }[] = [];
  const visit = (section: TemplateSection) => {
    for (const item of section.items) out.push({ item, section });
    section.sections.forEach(visit);
  };
  template.sections.forEach(visit);
  return out;
}

export function figuresOf(template: Pick<ReportTemplate, 'sections'>): FigureItem[] {
  return walkItems(template)
    .map(({ item }) => item)
    .filter((item): item is FigureItem => item.kind !== 'narrative');
}

/** Schema first, then the rules a schema cannot say: unique codes, known keys, a part's whole exists and shares its unit. */
export function validateTemplate(input: unknown, registry: FigureRegistry): TemplateResult {
  const parsed = ZReportTemplate.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }
  const template = parsed.data;
  const issues: TemplateIssue[] = [];
  const seen = new Map<string, TemplateItem | TemplateSection>();
  const visit = (section: TemplateSection) => {
    if (seen.has(section.code)) issues.push({ path: section.code, message: `Mã mục "${section.code}" bị trùng` });
    seen.set(section.code, section);
    for (const item of section.items) {
      if (seen.has(item.code)) issues.push({ path: item.code, message: `Mã mục "${item.code}" bị trùng` });
      seen.set(item.code, item);
    }
    section.sections.forEach(visit);
  };
  template.sections.forEach(visit);
  for (const figure of figuresOf(template)) {
    if (figure.kind === 'computed') {
      const provider = registry.get(figure.key);
      if (!provider) issues.push({ path: figure.code, message: `Chỉ số tự tính "${figure.key}" không có trong hệ thống` });
      else if (provider.unit !== figure.unit) issues.push({ path: figure.code, message: `Chỉ số "${figure.key}" có đơn vị ${provider.unit}, không phải ${figure.unit}` });
      continue;
    }
    if (!figure.partOf) continue;
    const whole = seen.get(figure.partOf);
    if (!whole || !('kind' in whole) || whole.kind === 'narrative') {
      issues.push({ path: figure.code, message: `"${figure.code}" là phần của "${figure.partOf}" nhưng không có số liệu mã đó` });
    } else if (whole.unit !== figure.unit || figure.unit === 'percent') {
      issues.push({ path: figure.code, message: `"${figure.code}" và "${figure.partOf}" phải cùng đơn vị đếm hoặc tiền` });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, template };
}
