/**
 * A table as `pdftotext -layout` copies it, written here: a row's cells over several lines around its
 * TT, two header cells run together, cells joined by one space across a column edge, a heading
 * without a dot, a date's end pushed to the left margin.
 */
import { describe, expect, it } from 'vitest';
import { importPlanText } from './index';
import { isLayoutHeader, readLayoutTable } from './layout-table';

/** A line with each text at its column. */
function at(...cells: Array<[number, string]>): string {
  let line = '';
  for (const [col, text] of cells) line = `${line.padEnd(col)}${line.length > col ? ' ' : ''}${text}`;
  return line;
}

const TABLE = [
  at([0, 'TT'], [8, 'Nội dung nhiệm vụ'], [33, 'Cơ quan chủ trì'], [51, 'Cơ quan phối Thời gian'], [83, 'Sản phẩm']),
  at([51, 'hợp'], [64, 'thực hiện']),
  'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
  at([8, 'Xây dựng kế hoạch']),
  at([0, '1'], [8, 'cải cách hành chính'], [33, 'Phòng Nội vụ'], [51, 'Văn phòng HĐND Trước ngày'], [83, 'Kế hoạch']),
  at([8, 'năm 2027'], [51, 'và UBND'], [66, '15/01/2027']),
  at([8, 'Báo cáo kết quả']),
  at([0, '2'], [8, 'thực hiện hằng quý'], [33, 'Phòng Nội vụ'], [51, 'Các phòng'], [66, 'Hằng quý'], [83, 'Báo cáo']),
  at([8, 'của phường'], [51, 'chuyên môn']),
  'II CẢI CÁCH THỂ CHẾ',
  at([0, '3'], [8, 'Rà soát văn bản'], [33, 'Phòng Tư pháp'], [51, 'Văn phòng HĐND'], [66, 'Trước'], [83, 'Báo cáo']),
  at([51, 'và UBND'], [66, '15/11/202']),
  at([0, '7']),
];

describe('tables copied by pdftotext -layout', () => {
  it('finds the header though two of its cells run together', () => {
    expect(isLayoutHeader(TABLE, 0)).toBe(true);
    expect(isLayoutHeader(['Nội dung    Sản phẩm'], 0)).toBe(false);
  });

  it('gives each row its cells, cut at the column edges', () => {
    const rows = readLayoutTable(TABLE, 0)?.rows.map((r) => r.map((c) => c.text.replace(/\n/g, ' ')));
    expect(rows).toEqual([
      ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm'],
      ['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'],
      ['1', 'Xây dựng kế hoạch cải cách hành chính năm 2027', 'Phòng Nội vụ', 'Văn phòng HĐND và UBND', 'Trước ngày 15/01/2027', 'Kế hoạch'],
      ['2', 'Báo cáo kết quả thực hiện hằng quý của phường', 'Phòng Nội vụ', 'Các phòng chuyên môn', 'Hằng quý', 'Báo cáo'],
      ['II. CẢI CÁCH THỂ CHẾ'],
      ['3', 'Rà soát văn bản', 'Phòng Tư pháp', 'Văn phòng HĐND và UBND', 'Trước 15/11/202 7', 'Báo cáo'],
    ]);
  });

  it('imports the tasks with their areas and time frames', () => {
    const r = importPlanText(['KẾ HOẠCH', 'Cải cách hành chính phường Mẫu năm 2027', 'PHỤ LỤC', ...TABLE].join('\n'), { referenceYear: 2027 });
    expect(r.tasks.map((t) => [t.number, t.area, t.lead, t.timeframe.kind, t.timeframe.due])).toEqual([
      [1, 1, ['Phòng Nội vụ'], 'date', '2027-01-15'],
      [2, 1, ['Phòng Nội vụ'], 'recurring', '2027-03-31'],
      [3, 2, ['Phòng Tư pháp'], 'date', '2027-11-15'],
    ]);
  });
});
