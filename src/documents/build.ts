/**
 * Official Word documents: data in, .docx bytes out. No database, no files.
 */
import { Document, type ISectionOptions, Packer, PageOrientation } from 'docx';
import { appendixChildren } from './appendix';
import { A4, FONT, HEADER_DISTANCE_MM, MARGIN_MM, mm, pt, SIZE } from './format';
import { documentChildren, emptyHeader, pageNumberHeader } from './parts';
import type { OfficialDocument, PlanDocument, ReportDocument } from './types';

export function page(orientation: 'portrait' | 'landscape') {
  return {
    size: {
      // docx swaps width and height itself for a landscape section.
      width: mm(A4.widthMm),
      height: mm(A4.heightMm),
      orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
    },
    margin: {
      top: mm(MARGIN_MM.top),
      bottom: mm(MARGIN_MM.bottom),
      left: mm(MARGIN_MM.left),
      right: mm(MARGIN_MM.right),
      header: mm(HEADER_DISTANCE_MM),
      footer: mm(HEADER_DISTANCE_MM),
    },
  };
}

function mainSection(doc: OfficialDocument): ISectionOptions {
  return {
    // No number on page 1; pages 2… numbered in the top margin.
    properties: { page: page('portrait'), titlePage: true },
    headers: { default: pageNumberHeader(), first: emptyHeader() },
    children: documentChildren(doc),
  };
}

export function toDocument(sections: ISectionOptions[], title: string): Document {
  return new Document({
    creator: 'cchc',
    title,
    styles: {
      // Every run names Times New Roman too; this covers empty paragraphs and table cells.
      default: { document: { run: { font: FONT, size: pt(SIZE.body) } } },
    },
    sections,
  });
}

/** A plan (KẾ HOẠCH) with its appendix of tasks on landscape pages (none when it lists no task). */
export async function buildPlanDocument(plan: PlanDocument): Promise<Buffer> {
  const sections = [mainSection(plan)];
  if (plan.appendix.groups.some((g) => g.tasks.length > 0)) {
    sections.push({
      properties: { page: page('landscape') },
      headers: { default: pageNumberHeader() },
      children: appendixChildren(plan.appendix),
    });
  }
  return Packer.toBuffer(toDocument(sections, `${plan.type} ${plan.summary}`));
}

/** A report (BÁO CÁO): headings, paragraphs and tables of figures. */
export async function buildReportDocument(report: ReportDocument): Promise<Buffer> {
  return Packer.toBuffer(toDocument([mainSection(report)], `${report.type} ${report.summary}`));
}
