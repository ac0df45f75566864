/**
 * A report as an official Word document (Nghị định 30/2020, through src/documents) and
 * its figures as Excel. Both read the presented report, so the figures printed are the
 * figures shown: frozen computed figures once submitted, live ones before.
 */
import ExcelJS from 'exceljs';
import { type BodyBlock, buildReportDocument, type ReportDocument } from '../../documents';
import type { TemplateSection } from '../../domain/reports';
import type { PresentedReport } from './service';

const UNIT_LABEL: Record<string, string> = { count: '', percent: '%', money: 'đồng' };

function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '…';
  const text = value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  return unit === 'percent' ? `${text}%` : unit === 'money' ? `${text} đồng` : text;
}

/** Every figure of the report, in template order: code, title, unit, value. */
export function reportFigures(report: PresentedReport): { code: string; title: string; unit: string; value: number | null; computedKey: string | null }[] {
  const computed = new Map(report.computed.map((c) => [c.code, c]));
  const out: ReturnType<typeof reportFigures> = [];
  const visit = (section: TemplateSection) => {
    for (const item of section.items) {
      if (item.kind === 'narrative') continue;
      const value = item.kind === 'computed' ? (computed.get(item.code)?.value ?? null) : (report.values[item.code] ?? null);
      out.push({ code: item.code, title: item.title, unit: item.unit, value, computedKey: item.kind === 'computed' ? item.key : null });
    }
    section.sections.forEach(visit);
  };
  report.template.body.sections.forEach(visit);
  return out;
}

function bodyOf(report: PresentedReport): BodyBlock[] {
  const computed = new Map(report.computed.map((c) => [c.code, c.value]));
  const blocks: BodyBlock[] = [];
  const visit = (section: TemplateSection, depth: number) => {
    blocks.push({ kind: 'heading', text: section.title, level: depth === 0 ? 1 : 2 });
    const rows: (string | number)[][] = [];
    for (const item of section.items) {
      if (item.kind === 'narrative') {
        if (rows.length) blocks.push({ kind: 'figures', columns: ['Chỉ tiêu', 'Số liệu'], rows: rows.splice(0) });
        const text = report.narratives[item.code]?.trim();
        blocks.push({ kind: 'paragraph', text: `- ${item.title}: ${text || '…'}` });
        continue;
      }
      const value = item.kind === 'computed' ? (computed.get(item.code) ?? null) : (report.values[item.code] ?? null);
      rows.push([item.title, formatValue(value, item.unit)]);
    }
    if (rows.length) blocks.push({ kind: 'figures', columns: ['Chỉ tiêu', 'Số liệu'], rows });
    for (const child of section.sections) visit(child, depth + 1);
  };
  for (const s of report.template.body.sections) visit(s, 0);
  return blocks;
}

const placeOf = (communeName: string) => communeName.replace(/^(xã|phường)\s+/i, '');

export function reportDocument(report: PresentedReport): ReportDocument {
  const communeBody = `Ủy ban nhân dân ${report.communeName}`;
  const isUnit = report.level === 'unit';
  const window = `(Số liệu tính từ ${viDate(report.period.windowStart)} đến ngày ${viDate(report.asOf)})`;
  return {
    issuer: isUnit ? { governingBody: communeBody, name: report.unitName ?? '' } : { governingBody: null, name: communeBody },
    number: isUnit ? '/BC' : '/BC-UBND',
    place: placeOf(report.communeName),
    date: report.submittedOn,
    year: Number(report.asOf.slice(0, 4)),
    type: 'BÁO CÁO',
    summary: `Kết quả công tác cải cách hành chính ${report.period.label.charAt(0).toLowerCase()}${report.period.label.slice(1)}`,
    body: [{ kind: 'paragraph', text: window, italic: true }, ...bodyOf(report)],
    recipients: isUnit ? ['Phòng Văn hóa - Xã hội (đầu mối CCHC)', 'Lưu: VT.'] : ['Sở Nội vụ thành phố', 'TT Đảng ủy, HĐND xã', 'Chủ tịch, các PCT UBND xã', 'Lưu: VT.'],
    signature: isUnit ? { authority: 'own', title: 'Thủ trưởng đơn vị', name: null } : { authority: 'TM', body: 'Ủy ban nhân dân', title: 'Chủ tịch', name: null },
  };
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export async function buildReportDocx(report: PresentedReport): Promise<Buffer> {
  return buildReportDocument(reportDocument(report));
}

export async function buildReportWorkbook(report: PresentedReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cchc';
  const sheet = workbook.addWorksheet('Số liệu');
  sheet.columns = [{ width: 22 }, { width: 70 }, { width: 10 }, { width: 16 }, { width: 26 }];
  sheet.addRow([`${report.level === 'unit' ? report.unitName : report.communeName} — ${report.template.name} — ${report.period.label}`]).font = { bold: true };
  sheet.addRow([
    `Số liệu tính đến ngày ${viDate(report.asOf)}${report.frozenAt ? ` (chốt ngày ${viDate(report.frozenAt)})` : ''}; mẫu ${report.template.key} phiên bản ${report.template.version}`,
  ]);
  const header = sheet.addRow(['Mã', 'Chỉ tiêu', 'Đơn vị', 'Số liệu', 'Chỉ số tự tính']);
  header.font = { bold: true };
  for (const f of reportFigures(report)) sheet.addRow([f.code, f.title, UNIT_LABEL[f.unit] || 'số', f.value, f.computedKey ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
