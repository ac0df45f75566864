/**
 * The plan's task table as Excel, with the appendix's official column headers,
 * grouped by area under Roman-numeral rows, plus the tracking columns.
 */
import ExcelJS from 'exceljs';
import { translate } from '../../i18n';
import type { DomainKey } from '../../i18n/domain';
import type { PresentedTask } from '../tasks/read-model';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

const COLUMNS = [
  { header: 'TT', width: 6 },
  { header: 'Nội dung nhiệm vụ', width: 60 },
  { header: 'Cơ quan chủ trì', width: 28 },
  { header: 'Cơ quan phối hợp', width: 28 },
  { header: 'Thời gian thực hiện/hoàn thành', width: 24 },
  { header: 'Sản phẩm', width: 32 },
  { header: 'Hạn hoàn thành', width: 14 },
  { header: 'Tiến độ (%)', width: 10 },
  { header: 'Trạng thái', width: 20 },
  { header: 'Ngày hoàn thành', width: 14 },
];

const STATUS_FILL: Record<string, string> = {
  qua_han: 'FFFFCCCC',
  sap_den_han: 'FFFFE7BA',
  hoan_thanh_dung_han: 'FFD9F7BE',
  hoan_thanh_qua_han: 'FFFFF1B8',
  chua_xac_dinh_han: 'FFEFDBFF',
  khong_hoan_thanh: 'FFFFD6E7',
};

/** dd/mm/yyyy, as every Vietnamese document writes dates. */
export function formatViDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export async function buildPlanWorkbook(plan: { title: string; number: string | null; communeName: string }, list: PresentedTask[], asOf: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cchc';
  const sheet = workbook.addWorksheet('Danh mục nhiệm vụ', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = `DANH MỤC NHIỆM VỤ CỤ THỂ — ${plan.title.toUpperCase()}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center', wrapText: true };
  sheet.mergeCells(2, 1, 2, COLUMNS.length);
  sheet.getCell(2, 1).value = `${plan.communeName}${plan.number ? ` — Số: ${plan.number}` : ''} — Tình hình đến ngày ${formatViDate(asOf)}`;
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).font = { italic: true };

  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => (cell.border = border));
  sheet.views = [{ state: 'frozen', ySplit: 3 }];

  for (let area = 1; area <= 7; area++) {
    const ofArea = list.filter((t) => t.area === area);
    if (ofArea.length === 0) continue;
    const heading = sheet.addRow([`${ROMAN[area - 1]}. ${translate('vi', `area.${area}` as DomainKey)}`]);
    sheet.mergeCells(heading.number, 1, heading.number, COLUMNS.length);
    heading.font = { bold: true };
    heading.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    for (const task of ofArea) addTaskRow(sheet, task);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTaskRow(sheet: ExcelJS.Worksheet, task: PresentedTask) {
  const row = sheet.addRow([
    task.number ?? '',
    task.content,
    task.leadUnits.map((u) => u.name).join('; '),
    task.coordinatorUnits.map((u) => u.name).join('; '),
    task.timeframeText,
    task.product,
    formatViDate(task.due),
    task.progress,
    translate('vi', `status.${task.status}` as DomainKey),
    formatViDate(task.doneAt),
  ]);
  row.alignment = { vertical: 'top', wrapText: true };
  row.eachCell({ includeEmpty: true }, (cell) => (cell.border = border));
  const fill = STATUS_FILL[task.status];
  if (fill) row.getCell(9).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
}
