/**
 * The classes of failure found on real provincial documents (issue 8), on documents the rules were
 * not built on: fixtures/unseen (text, .docx, .pdf; made by scripts/make-unseen-fixtures.ts) and
 * variants written here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchKey } from '../domain/text/normalize';
import type { UnseenGoldTask } from './accuracy-unseen';
import { extractMeta } from './body';
import { joinWrappedDates } from './extract';
import { importPlanDocument, importPlanText } from './index';
import { readParagraphTasks } from './paragraph-tasks';
import { ROOT } from './test-helpers';
import type { ImportResult } from './types';

const DIR = join(ROOT, 'fixtures/unseen');
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

/** A fixture document (of fixtures/unseen unless `dir` says), imported as a 2026 upload. */
async function load(file: string, dir = DIR): Promise<ImportResult> {
  return importPlanDocument({ data: readFileSync(join(dir, file)), fileName: file, referenceYear: 2026 });
}

const task = (r: ImportResult, n: number) => {
  const found = r.tasks.find((t) => t.number === n);
  if (!found) throw new Error(`no task numbered ${n}`);
  return found;
};

describe.each(['tan-an-2027.md', 'tan-an-2027.docx', 'tan-an-2027.pdf'])('%s: an appendix plan published with its header broken', (file) => {
  const result = load(file);

  it('header: "Số:" / "125/KH-UBND", title broken inside "CẢI" / "CÁCH", "Buôn Ma Thuột", wrapped date', async () => {
    const { meta } = await result;
    expect(meta.number).toBe('125/KH-UBND');
    expect(meta.title).toBe('CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CỦA PHƯỜNG TÂN AN NĂM 2027');
    expect(meta.period).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(meta.kind).toBe('annual');
    expect(meta.place).toBe('Buôn Ma Thuột');
    expect(meta.date).toBe('2027-01-05');
    expect(meta.issuer).toBe('Ủy ban nhân dân phường Tân An');
  });

  it('area headings written as rows of their own give every task its area', async () => {
    const r = await result;
    expect(r.tasks.map((t) => t.area)).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 7]);
    expect(r.warnings.filter((w) => w.code === 'no_area')).toEqual([]);
  });

  it('a date wrapped inside its number ("15/11/20" / "27") is read whole', async () => {
    expect(task(await result, 5).timeframe).toMatchObject({ kind: 'date', due: '2027-11-15' });
  });

  it('a recurrence with its day in brackets or after a comma falls on that day', async () => {
    const r = await result;
    expect(task(r, 2).timeframe.occurrences).toEqual(MONTHS.map((m) => `2027-${m}-25`));
    expect(task(r, 6).timeframe.occurrences).toEqual(['2027-03-15', '2027-06-15', '2027-09-15', '2027-12-15']);
    expect(task(r, 7).timeframe.occurrences).toEqual(MONTHS.map((m) => `2027-${m}-20`));
  });

  it('lists of quarters or months give one occurrence each', async () => {
    const r = await result;
    expect(task(r, 3).timeframe).toMatchObject({ kind: 'recurring', occurrences: ['2027-06-30', '2027-12-31'] });
    expect(task(r, 4).timeframe).toMatchObject({ kind: 'recurring', occurrences: ['2027-03-31', '2027-09-30'] });
    expect(task(r, 8).timeframe).toMatchObject({ kind: 'recurring', occurrences: ['2027-06-30', '2027-12-31'] });
    expect(r.warnings.filter((w) => w.code === 'timeframe_not_understood')).toEqual([]);
  });
});

describe.each(['ea-kar-2027.txt', 'ea-kar-2027.docx', 'ea-kar-2027.pdf'])('%s: a plan without an appendix', (file) => {
  const result = load(file);

  it('gives the numbered paragraphs of "II. NHIỆM VỤ VÀ GIẢI PHÁP" as tasks, each flagged for review', async () => {
    const r = await result;
    expect(r.tasks).toHaveLength(6);
    expect(r.warnings.some((w) => w.code === 'no_task_table')).toBe(false);
    expect(r.warnings.filter((w) => w.code === 'task_from_paragraph').map((w) => w.task)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('area from the sub-headings; lead and time frame when the sentence names them', async () => {
    const r = await result;
    expect(r.tasks.map((t) => t.area)).toEqual([1, 1, 3, 3, 7, 7]);
    expect(task(r, 1).lead).toEqual(['Văn phòng HĐND và UBND xã']);
    expect(task(r, 1).timeframe.due).toBe('2027-02-28');
    expect(task(r, 2).lead).toEqual(['Trung tâm Văn hóa, Thể thao và Truyền thông xã']);
    expect(task(r, 2).timeframe.occurrences).toEqual(['2027-03-31', '2027-06-30', '2027-09-30', '2027-12-31']);
    expect(task(r, 3).timeframe).toMatchObject({ kind: 'quarter', due: '2027-09-30' });
    expect(task(r, 5).timeframe.due).toBe('2027-06-30');
    expect(task(r, 6).timeframe.kind).toBe('unspecified');
  });

  it('without a lead in the sentence, the unit "Phân công" gives the area to leads it', async () => {
    expect(task(await result, 4).lead).toEqual(['Văn phòng HĐND và UBND xã']);
  });

  it('header read from a Word header table as well as from lines', async () => {
    const { meta } = await result;
    expect(meta).toMatchObject({ number: '48/KH-UBND', place: 'Ea Kar', date: '2027-01-12', title: 'Cải cách hành chính nhà nước xã Ea Kar năm 2027' });
  });
});

const BLIND = join(ROOT, 'fixtures/unseen-blind');

/**
 * Found by a blind check (fixtures/unseen-blind, made by LibreOffice from source/hoa-binh.html): table
 * cells vertically centred, as HTML and many Word tables have them, so in the PDF a row's number and
 * one-line cells sit in the middle of a row whose narrow time cell wraps over four lines; the
 * masthead's place wrapped over two lines ("Hòa Bình" / "Đông, ngày 14 tháng 3").
 */
describe.each(['hoa-binh.md', 'hoa-binh.docx', 'hoa-binh.pdf'])('%s: a plan whose table cells are vertically centred', (file) => {
  const result = load(file, BLIND);

  it('one task per row, each in its area, each cell whole', async () => {
    const r = await result;
    expect(r.tasks.map((t) => [t.number, t.area])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 3],
    ]);
    expect(r.tasks.map((t) => t.timeframe.text)).toEqual([
      'Hằng tháng (trước ngày 25)',
      'Quý II và quý IV',
      'Tháng 3 và tháng 9',
      'Hằng tháng, trước ngày 20',
      'Trước ngày 15/11/2027',
    ]);
    expect(task(r, 1).lead).toEqual(['Phòng Văn hóa - Xã hội']);
    expect(task(r, 2).content).toBe('Tự kiểm tra công tác cải cách hành chính tại các đơn vị');
  });

  it('occurrences: monthly on the 25th, Q2 and Q4, March and September, monthly on the 20th, 15/11', async () => {
    const r = await result;
    expect(task(r, 1).timeframe.occurrences).toEqual(MONTHS.map((m) => `2027-${m}-25`));
    expect(task(r, 2).timeframe.occurrences).toEqual(['2027-06-30', '2027-12-31']);
    expect(task(r, 3).timeframe.occurrences).toEqual(['2027-03-31', '2027-09-30']);
    expect(task(r, 4).timeframe.occurrences).toEqual(MONTHS.map((m) => `2027-${m}-20`));
    expect(task(r, 5).timeframe).toMatchObject({ kind: 'date', due: '2027-11-15' });
  });

  it('header: the place wrapped over two lines, number and date', async () => {
    const { meta } = await result;
    expect(meta).toMatchObject({ place: 'Hòa Bình Đông', number: '47/KH-UBND', date: '2027-03-14', issuer: 'Ủy ban nhân dân xã Hòa Bình Đông' });
    expect(meta.period).toEqual({ start: '2027-01-01', end: '2027-12-31' });
  });
});

/**
 * Found by a blind check (fixtures/unseen-blind/source/le-thanh-nghi-h1-2026.*): a ward's half-year
 * plan, its issuer's name wrapped over a third masthead line ("PHƯỜNG LÊ THANH" / "NGHỊ"), no number
 * or day yet, the issuer and the national heading on different PDF baselines; a landscape appendix
 * whose time column comes before the lead, with a "Ghi chú" column, area headings in full-width merged
 * cells and cells centred in their column, so pdf.js ran two cells of a line into one text item.
 */
describe.each(['le-thanh-nghi-h1-2026.md', 'le-thanh-nghi-h1-2026.docx', 'le-thanh-nghi-h1-2026.pdf'])('%s: a ward plan with its columns in another order', (file) => {
  const result = load(file, BLIND);

  it('header: the issuer wrapped over three lines, a draft without number or day', async () => {
    const { meta } = await result;
    expect(meta).toMatchObject({ issuer: 'Ủy ban nhân dân phường Lê Thanh Nghị', place: 'Lê Thanh Nghị', number: '/KH-UBND', date: null });
    expect(meta.period).toEqual({ start: '2026-01-01', end: '2026-06-30' });
  });

  it('each cell in its column: time before lead, notes left out, areas I–VII', async () => {
    const r = await result;
    expect(r.tasks.map((t) => [t.number, t.area])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 3],
      [6, 4],
      [7, 5],
      [8, 6],
      [9, 7],
      [10, 7],
    ]);
    expect(task(r, 1)).toMatchObject({ lead: ['Phòng Văn hóa - Xã hội'], timeframe: { text: 'Tháng 01/2026', due: '2026-01-31' }, product: 'Kế hoạch' });
    expect(task(r, 5)).toMatchObject({ lead: ['Trung tâm Phục vụ hành chính công'], timeframe: { text: 'Trước ngày 15 hằng tháng', kind: 'recurring' }, product: 'Báo cáo' });
    expect(task(r, 2).coordinators).toEqual(['Văn phòng HĐND và UBND', 'Trung tâm Phục vụ hành chính công']);
    expect(task(r, 3).coordinators).toEqual(['Phòng Kinh tế, Hạ tầng và Đô thị', 'Phòng Văn hóa - Xã hội']);
    expect(task(r, 9).content).toMatch(/^Số hóa hồ sơ, .*: a\) Số hóa 100% hồ sơ tiếp nhận mới; b\) Cập nhật .* điện tử\.$/);
  });
});

/**
 * Found by a blind check (source/an-lao-2026.*): "STT" wrapped in its narrow column ("ST" / "T"), a row
 * numbering the columns "(1) … (6)" under the header, the header repeated on the next PDF page, and
 * codes cut where the column ends ("Phòng VH-" / "XH", "HĐND&UB" / "ND").
 */
describe.each(['an-lao-2026.txt', 'an-lao-2026.docx', 'an-lao-2026.pdf'])('%s: a table whose header wraps "STT" and numbers its columns', (file) => {
  const result = load(file, BLIND);

  it('every task found, none run into the column numbers or the repeated header', async () => {
    const r = await result;
    expect(r.tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(r.tasks.map((t) => t.area)).toEqual([1, 1, 1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 6, 7, 7, 7]);
    expect(task(r, 8).product).toBe('Báo cáo kết quả khảo sát');
    expect(task(r, 1)).toMatchObject({ timeframe: { text: 'Tháng 01/2026' }, product: 'Kế hoạch' });
  });

  it('codes cut at the column edge are whole again', async () => {
    const r = await result;
    expect(task(r, 1).lead).toEqual(['Phòng VH-XH']);
    expect(task(r, 4).lead).toEqual(['Văn phòng HĐND&UBND']);
    expect(task(r, 12).coordinators).toEqual(['Văn phòng HĐND&UBND']);
  });
});

describe('header lines broken anywhere', () => {
  it.each([
    [['Số:', '07/KH-UBND', 'Krông Búk, ngày 03 tháng 02 năm 2027'], '07/KH-UBND', 'Krông Búk', '2027-02-03'],
    [['Số: 07/KH-', 'UBND', 'Thành phố Hồ Chí Minh, ngày 03/02/2027'], '07/KH-UBND', 'Thành phố Hồ Chí Minh', '2027-02-03'],
    [['Số: 07/KH-UBND Hòa Bình, ngày 03 tháng 02', 'năm 2027'], '07/KH-UBND', 'Hòa Bình', '2027-02-03'],
    [['Số: 07/KH-UBND', 'Đông Hòa,', 'ngày 03 tháng 02 năm 2027'], '07/KH-UBND', 'Đông Hòa', '2027-02-03'],
    [['Số: 210', '/KH-UBND', 'Cam Lâm, ngày 20/6/', '2027'], '210/KH-UBND', 'Cam Lâm', '2027-06-20'],
    [['Số: 210 /KH-UBND', 'Cam Lâm, ngày 20/6/2027'], '210/KH-UBND', 'Cam Lâm', '2027-06-20'],
    // Both header columns on one PDF line each.
    [['Số: 210 Cam Lâm, ngày 20/6/', '/KH-UBND 2027'], '210/KH-UBND', 'Cam Lâm', '2027-06-20'],
    [['Độc lập - Tự do - Hạnh phúc Phan Rang - Tháp Chàm, ngày 03 tháng 02 năm 2027', 'Số: 07/KH-UBND'], '07/KH-UBND', 'Phan Rang - Tháp Chàm', '2027-02-03'],
  ])('%j', (lines, number, place, date) => {
    const meta = extractMeta([...lines, 'KẾ HOẠCH', 'Cải cách hành chính năm 2027']);
    expect(meta).toMatchObject({ number, place, date });
  });

  it('a body date after "Căn cứ" is not the document date', () => {
    const meta = extractMeta(['Số: 07/KH-UBND', 'Căn cứ Kế hoạch số 12/KH-UBND, ngày 05 tháng 01 năm 2027 của UBND tỉnh;']);
    expect(meta.date).toBeNull();
  });

  it.each([
    [
      ['KẾ HOẠCH', 'THỰC HIỆN CÔNG TÁC', 'CẢI CÁCH HÀNH CHÍNH NĂM', '2027', 'Căn cứ Luật Tổ chức chính quyền địa phương;'],
      'THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2027',
      { start: '2027-01-01', end: '2027-12-31' },
    ],
    [
      ['KẾ HOẠCH', 'Cải cách hành chính xã Ea Tu', '6 tháng đầu năm 2027', 'I. MỤC ĐÍCH'],
      'Cải cách hành chính xã Ea Tu 6 tháng đầu năm 2027',
      { start: '2027-01-01', end: '2027-06-30' },
    ],
    [['KẾ HOẠCH', 'Cải cách hành chính năm 2027', 'Căn cứ Nghị quyết số 76/NQ-CP;'], 'Cải cách hành chính năm 2027', { start: '2027-01-01', end: '2027-12-31' }],
  ])('title over several lines: %j', (lines, title, period) => {
    const meta = extractMeta(lines);
    expect(meta.title).toBe(title);
    expect(meta.period).toEqual(period);
  });
});

describe('markdown pipe tables: area heading rows of their own', () => {
  const plan = (headings: [string, string]): string =>
    [
      'ỦY BAN NHÂN DÂN',
      'XÃ EA TU',
      'KẾ HOẠCH',
      'Cải cách hành chính năm 2027',
      '| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm |',
      '|---|---|---|---|---|---|',
      headings[0],
      '| 1 | Ban hành kế hoạch tuyên truyền | Văn phòng HĐND và UBND xã | | Quý I | Kế hoạch |',
      headings[1],
      '| 2 | Cập nhật thủ tục hành chính lên Cổng | Văn phòng HĐND và UBND xã | | Quý II | Báo cáo |',
    ].join('\n');

  it.each([
    ['bold, one cell', ['| **I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH** |', '| **III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH** |']],
    ['numeral and upper-case text in two cells', ['| **I** | **CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH** | | | | |', '| III | CẢI CÁCH THỦ TỤC HÀNH CHÍNH | | | | |']],
    ['upper-case text without numeral', ['| | **CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH** | | | | |', '| | CẢI CÁCH THỦ TỤC HÀNH CHÍNH | | | | |']],
    ['"I." in the first cell, the others empty', ['| I. Công tác chỉ đạo, điều hành | | | | | |', '| III. Cải cách thủ tục hành chính | | | | | |']],
  ])('%s', (_name, headings) => {
    const r = importPlanText(plan(headings as [string, string]), { referenceYear: 2026 });
    expect(r.tasks.map((t) => [t.number, t.area])).toEqual([
      [1, 1],
      [2, 3],
    ]);
    expect(r.tasks[0].content).toBe('Ban hành kế hoạch tuyên truyền');
    expect(r.warnings.filter((w) => w.code === 'row_continued' || w.code === 'no_area')).toEqual([]);
  });
});

describe('dates wrapped inside their number by a narrow column', () => {
  it.each([
    ['Trước ngày\n15/11/20\n27', 'Trước ngày\n15/11/2027'],
    ['15/11/\n2027', '15/11/2027'],
    ['15/\n11/2027', '15/11/2027'],
    ['Trước 30/6/2027\n15 ngày', 'Trước 30/6/2027\n15 ngày'],
    ['ngày 10\n12 tháng', 'ngày 10\n12 tháng'],
  ])('%j → %j', (cell, joined) => {
    expect(joinWrappedDates(cell)).toBe(joined);
  });
});

describe('tasks from the body paragraphs', () => {
  it('"III. NHIỆM VỤ VÀ GIẢI PHÁP" with Arabic sub-headings and "a)" items; the next Roman heading ends it', () => {
    const { tasks } = readParagraphTasks(
      [
        'III. NHIỆM VỤ VÀ GIẢI PHÁP',
        '1. Cải cách thể chế',
        'a) Rà soát văn bản quy phạm pháp luật của xã, hoàn thành trước ngày 30/9/2027.',
        '2. Cải cách chế độ công vụ',
        'a) Đánh giá, xếp loại công chức cuối năm; giao Phòng Nội vụ chủ trì.',
        'IV. TỔ CHỨC THỰC HIỆN',
        '1. Phòng Nội vụ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch này.',
      ],
      [],
    );
    expect(tasks.map((t) => [t.number, t.area, t.cells.lead, t.cells.time])).toEqual([
      [1, 2, '', 'hoàn thành trước ngày 30/9/2027'],
      [2, 5, 'Phòng Nội vụ', ''],
    ]);
  });

  it('a sub-heading item ending in ":" introduces its "- …" tasks', () => {
    const { tasks } = readParagraphTasks(
      [
        'II. NHIỆM VỤ CỤ THỂ',
        '1. Xây dựng và phát triển chính quyền điện tử, chính quyền số',
        'a) Phát triển hạ tầng kỹ thuật:',
        '- Nâng cấp mạng nội bộ của UBND xã trong quý II năm 2027.',
        '- Trang bị máy tính cho Bộ phận Một cửa hằng năm.',
      ],
      [],
    );
    expect(tasks.map((t) => [t.area, t.cells.content])).toEqual([
      [7, 'Nâng cấp mạng nội bộ của UBND xã trong quý II năm 2027.'],
      [7, 'Trang bị máy tính cho Bộ phận Một cửa hằng năm.'],
    ]);
  });

  it('seed 001 (plan body without its appendix) gives its tasks instead of "no task table"', () => {
    const seed = readFileSync(join(ROOT, 'fixtures/seeds/001_ec6a1b59fe5ea357.txt'), 'utf8');
    const r = importPlanText(seed, { referenceYear: 2026 });
    expect(r.warnings.some((w) => w.code === 'no_task_table')).toBe(false);
    expect(r.tasks.length).toBeGreaterThan(30);
    expect(new Set(r.tasks.map((t) => t.area))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(r.warnings.filter((w) => w.code === 'task_from_paragraph')).toHaveLength(r.tasks.length);
    // "Văn phòng HĐND & UBND xã: Chủ trì … cải cách thể chế" in the body's Phân công.
    expect(r.tasks.find((t) => t.area === 2)?.lead).toEqual(['Văn phòng HĐND & UBND xã']);
  });

  it('a letter without a task section still is not a plan', () => {
    expect(() => importPlanText('THÔNG BÁO\nVề việc nghỉ Tết\nỦy ban nhân dân xã thông báo lịch nghỉ Tết năm 2027.', { referenceYear: 2026 })).toThrow();
  });
});

describe('a place name wrapped before its comma', () => {
  const head = (lines: string[]) => extractMeta([...lines, 'KẾ HOẠCH', 'Cải cách hành chính năm 2027']);

  it('joins "Hòa Bình" / "Đông, ngày …" and keeps a one-line place as it is', () => {
    const wrapped = head(['ỦY BAN NHÂN DÂN', 'XÃ HÒA BÌNH ĐÔNG', 'Số:', '47/KH-UBND', 'Độc lập - Tự do - Hạnh phúc', 'Hòa Bình', 'Đông, ngày 14 tháng 3', 'năm 2027']);
    expect(wrapped.place).toBe('Hòa Bình Đông');
    expect(wrapped.date).toBe('2027-03-14');
    expect(head(['ỦY BAN NHÂN DÂN', 'XÃ TIÊN LÃNG', 'Độc lập - Tự do - Hạnh phúc', 'Tiên Lãng, ngày 05 tháng 01 năm 2027']).place).toBe('Tiên Lãng');
    // The upper-case issuer line, a number or the motto before the place are not part of it.
    expect(head(['UBND XÃ AN PHÚ', 'Số: 12/KH-UBND', 'An Phú, ngày 05 tháng 01 năm 2027']).place).toBe('An Phú');
    expect(head(['ỦY BAN NHÂN DÂN', 'XÃ ĐÔNG HÒA', 'Đông Hòa, ngày 05 tháng 01 năm 2027']).place).toBe('Đông Hòa');
  });
});

/**
 * The text poppler's `pdftotext -layout X.pdf X.layout.txt` makes of the unseen PDFs: columns kept
 * by spaces, a row's cells over several lines, close cells run together by one space. Field by field
 * against the hand-written gold; what the copy loses beyond reach is listed (task:field).
 */
const LAYOUT_COPIES: Array<[string, string, string[]]> = [
  ['unseen', 'tan-an-2027', ['3:coordinators', '3:time']], // "IV" of "Quý II và quý IV" placed inside the coordinators' run
  ['unseen', 'cam-duc-h2-2027', []],
  ['unseen', 'ea-kar-2027', []],
  ['unseen-blind', 'le-thanh-nghi-h1-2026', []],
  // "Phòng Kinh tế" one space after "Văn phòng HĐND và"; "9" of "tháng 9" and "nhật" of the product run into one run.
  ['unseen-blind', 'hoa-binh', ['3:lead', '3:coordinators', '3:time', '3:product', '4:product']],
  // Pages 2–3 squeeze rows 12–16: cells of three columns joined by single spaces on one line.
  [
    'unseen-blind',
    'an-lao-2026',
    ['7:time', '7:product', '12:coordinators', '12:time', '14:lead', '14:coordinators', '14:time', '15:lead', '15:coordinators', '15:time', '15:product', '16:content', '16:lead'],
  ],
];

function misses(result: ImportResult, gold: { tasks: UnseenGoldTask[] }): string[] {
  const units = (names: string[]) => names.map(matchKey).sort().join('|');
  const out: string[] = [];
  for (const g of gold.tasks) {
    const t = task(result, g.number);
    if (matchKey(t.content) !== matchKey(g.content)) out.push(`${g.number}:content`);
    if (units(t.lead) !== units(g.lead)) out.push(`${g.number}:lead`);
    if (units(t.coordinators) !== units(g.coordinators)) out.push(`${g.number}:coordinators`);
    const due = t.timeframe.kind === g.timeframe.kind && t.timeframe.due === g.timeframe.due;
    if (!due || t.timeframe.occurrences.join() !== g.timeframe.occurrences.join()) out.push(`${g.number}:time`);
    if (matchKey(t.product) !== matchKey(g.product)) out.push(`${g.number}:product`);
  }
  return out;
}

describe.each(LAYOUT_COPIES)('%s/%s.layout.txt: the PDF as pdftotext -layout copies it', (dir, doc, lost) => {
  const gold = JSON.parse(readFileSync(join(ROOT, 'fixtures', dir, 'gold', `${doc}.json`), 'utf8')) as { tasks: UnseenGoldTask[] };
  const file = `${doc}.layout.txt`;
  const result = load(file, join(ROOT, 'fixtures', dir));

  it('every task found with its number and area', async () => {
    const r = await result;
    expect(r.tasks.map((t) => t.number)).toEqual(gold.tasks.map((g) => g.number));
    expect(r.tasks.map((t) => t.area)).toEqual(gold.tasks.map((g) => g.area));
    expect(r.warnings.filter((w) => w.code === 'no_task_table')).toEqual([]);
  });

  it('content, units, time frame and product as in the gold, but for what the copy runs together', async () => {
    expect(misses(await result, gold)).toEqual(lost);
  });
});

describe('pdftotext default mode', () => {
  it('a plan without an appendix reads the same as from its PDF (ea-kar-2027.pdftotext.txt)', async () => {
    const gold = JSON.parse(readFileSync(join(DIR, 'gold/ea-kar-2027.json'), 'utf8')) as { tasks: UnseenGoldTask[] };
    const r = await load('ea-kar-2027.pdftotext.txt');
    expect(r.tasks.map((t) => t.number)).toEqual(gold.tasks.map((g) => g.number));
    expect(misses(r, gold)).toEqual([]);
  });
});
