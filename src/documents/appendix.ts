/**
 * The plan's appendix (Phụ lục: danh mục nhiệm vụ) on landscape A4 pages: one row
 * per task under the area headings as merged rows, the column headings repeated
 * on every page.
 */
import { Paragraph, Table, type TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { LANDSCAPE_TEXT_WIDTH_MM, mm, SIZE } from './format';
import { gridCell, line, rule } from './parts';
import type { AppendixGroup, PlanAppendix } from './types';

export const APPENDIX_COLUMNS = ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm'] as const;
/** Millimetres per column; they add up to the landscape text width (252 mm). */
const COLUMN_MM = [12, 84, 38, 40, 40, 38];

// Cells hold several lines when the source had them ("- …" items): one paragraph each.
const cell = (text: string, column: number, options?: Parameters<typeof gridCell>[3]): TableCell =>
  gridCell(
    COLUMN_MM,
    column,
    (text || '').split('\n').map((part) => ({ text: part })),
    options,
  );

function groupRows(group: AppendixGroup): TableRow[] {
  const heading = new TableRow({
    cantSplit: true,
    children: [cell(group.numeral, 0, { bold: true, center: true }), cell(group.heading, 1, { bold: true, span: COLUMN_MM.length - 1 })],
  });
  const tasks = group.tasks.map(
    (task) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(task.number, 0, { center: true }),
          cell(task.content, 1),
          cell(task.lead, 2),
          cell(task.coordinators, 3),
          cell(task.timeframe, 4, { center: true }),
          cell(task.product, 5),
        ],
      }),
  );
  return [heading, ...tasks];
}

export function appendixChildren(appendix: PlanAppendix): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: APPENDIX_COLUMNS.map((title, i) => cell(title, i, { bold: true, center: true })),
  });
  return [
    line('Phụ lục', { size: SIZE.appendixHeading, bold: true }, { keepNext: true }),
    line(appendix.title, { size: SIZE.appendixHeading, bold: true }, { keepNext: true }),
    line(appendix.note, { size: SIZE.body, italics: true }, { keepNext: true }),
    // A short rule under the appendix's heading lines, as under a document's summary.
    rule(50, LANDSCAPE_TEXT_WIDTH_MM),
    new Paragraph({ spacing: { before: 0, after: 120 }, keepNext: true, children: [] }),
    new Table({
      width: { size: mm(LANDSCAPE_TEXT_WIDTH_MM), type: WidthType.DXA },
      columnWidths: COLUMN_MM.map(mm),
      layout: TableLayoutType.FIXED,
      rows: [header, ...appendix.groups.flatMap(groupRows)],
    }),
  ];
}
