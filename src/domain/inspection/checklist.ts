/**
 * The checklist of one inspection, generated from its scope (seed 003 section II): the seven areas of
 * CCHC work, each from the sections of the report outline (the `de-cuong-kiem-tra-cchc` template the
 * unit's self-report follows), plus the execution of the commune's CCHC plan under review. A
 * re-inspection (phúc tra) checks only the findings it follows up.
 *
 * Per outline section: one item per narrative (each is a question the team asks and judges), and
 * one item for the section's figures together (the team checks the reported figures against the
 * records, not each number on its own).
 */
import type { ReportTemplate, TemplateSection } from '../reports/template';

export const AREA_CODES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'] as const;
export type AreaCode = (typeof AREA_CODES)[number];
export type ChecklistAreaCode = AreaCode | 'KH' | 'PT';

/** Seed 003 II.1: "(1) Công tác chỉ đạo, điều hành cải cách hành chính … (7) … chính quyền số". */
export const AREA_TITLES: Record<AreaCode, string> = {
  I: 'Công tác chỉ đạo, điều hành cải cách hành chính',
  II: 'Cải cách thể chế',
  III: 'Cải cách thủ tục hành chính',
  IV: 'Cải cách tổ chức bộ máy',
  V: 'Cải cách chế độ công vụ',
  VI: 'Cải cách tài chính công',
  VII: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
};

export const areaCodeOf = (area: number): AreaCode => {
  const code = AREA_CODES[area - 1];
  if (!code) throw new Error(`Lĩnh vực ${area} không có (I–VII)`);
  return code;
};

export interface ChecklistDraftItem {
  areaCode: ChecklistAreaCode;
  itemCode: string;
  title: string;
  position: number;
  /** The finding a re-inspection item checks. */
  findingId: number | null;
}

export interface ChecklistScope {
  /** Areas 1–7 under inspection. */
  areas: readonly number[];
  /** The CCHC plan whose execution is inspected ("Quyết định số 225/QĐ-UBND …"), or null. */
  reviewedPlanTitle: string | null;
}

/** Sections of the outline that report on `area`, depth first (a section without an area inherits its parent's). */
function sectionsOfArea(sections: readonly TemplateSection[], area: number, inherited?: number): TemplateSection[] {
  return sections.flatMap((section) => {
    const own = section.area ?? inherited;
    const here = own === area && section.items.length > 0 ? [section] : [];
    return [...here, ...sectionsOfArea(section.sections, area, own)];
  });
}

function itemsOfSection(areaCode: AreaCode, section: TemplateSection): Omit<ChecklistDraftItem, 'position'>[] {
  const narratives = section.items.flatMap((item) =>
    item.kind === 'narrative' ? [{ areaCode, itemCode: item.code, title: `${section.title} — ${item.title}`, findingId: null }] : [],
  );
  const figures = section.items.filter((item) => item.kind !== 'narrative');
  const figureItem =
    figures.length > 0
      ? [
          {
            areaCode,
            itemCode: `${section.code}.so_lieu`,
            title: `${section.title} — số liệu báo cáo (${figures.length} chỉ tiêu) khớp hồ sơ, tài liệu kiểm chứng`,
            findingId: null,
          },
        ]
      : [];
  return [...narratives, ...figureItem];
}

/** Seed 003 II.2: the implementation and results of the commune's CCHC plan at the unit. */
function planExecutionItems(planTitle: string): Omit<ChecklistDraftItem, 'position'>[] {
  return [
    { areaCode: 'KH', itemCode: 'KH.trien_khai', title: `Việc triển khai ${planTitle} tại đơn vị (văn bản, phân công)`, findingId: null },
    { areaCode: 'KH', itemCode: 'KH.tien_do', title: `Tiến độ, kết quả các nhiệm vụ đơn vị chủ trì trong ${planTitle}`, findingId: null },
    { areaCode: 'KH', itemCode: 'KH.san_pham', title: 'Sản phẩm, tài liệu kiểm chứng của các nhiệm vụ đã hoàn thành', findingId: null },
    { areaCode: 'KH', itemCode: 'KH.bao_cao', title: 'Việc thực hiện chế độ báo cáo CCHC định kỳ', findingId: null },
  ];
}

export function generateChecklist(template: Pick<ReportTemplate, 'sections'>, scope: ChecklistScope): ChecklistDraftItem[] {
  const areas = [...new Set(scope.areas)].sort((a, b) => a - b);
  const items = areas.flatMap((area) => {
    const areaCode = areaCodeOf(area);
    const fromOutline = sectionsOfArea(template.sections, area).flatMap((section) => itemsOfSection(areaCode, section));
    // An outline without this area still gets one item, so no area of the scope goes unjudged.
    return fromOutline.length > 0 ? fromOutline : [{ areaCode, itemCode: `${areaCode}.chung`, title: AREA_TITLES[areaCode], findingId: null }];
  });
  const plan = scope.reviewedPlanTitle ? planExecutionItems(scope.reviewedPlanTitle) : [];
  return [...items, ...plan].map((item, index) => ({ ...item, position: index + 1 }));
}

export interface FindingToRecheck {
  id: number;
  title: string;
  request: string;
}

/** A re-inspection (phúc tra): one item per finding followed up. */
export function reInspectionChecklist(findings: readonly FindingToRecheck[]): ChecklistDraftItem[] {
  return findings.map((finding, index) => ({
    areaCode: 'PT',
    itemCode: `PT.${finding.id}`,
    title: `Kết quả khắc phục: ${finding.title} — Yêu cầu: ${finding.request}`,
    position: index + 1,
    findingId: finding.id,
  }));
}
