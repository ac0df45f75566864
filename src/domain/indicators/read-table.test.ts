import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openCsv } from './csv';
import { DossierFileError } from './file-errors';
import { describeFileProblem, describeRowProblems } from './messages';
import { readDossierCsv } from './read-table';
import { TEMPLATE_CSV_HEADER } from './template';

const GOOD = 'HS1,1.1,Chứng thực,Chứng thực,Một cửa,Trực tiếp,02/01/2025 08:00,10/01/2025 17:00,09/01/2025 10:00,Đã giải quyết,Có,Không,Có,Có,Hài lòng';
const csv = (...lines: string[]) => Buffer.from([TEMPLATE_CSV_HEADER, ...lines].join('\n'), 'utf8');
const row = (code: string, changes: Record<number, string> = {}) =>
  GOOD.split(',')
    .map((cell, i) => changes[i] ?? cell)
    .map((cell, i) => (i === 0 ? code : cell))
    .join(',');

/** A CSV export read whole: every record parsed (and any malformed quote refused) at once. */
function readCsv(bytes: Uint8Array) {
  const table = openCsv(bytes);
  return { ...table, rows: [...table.rows] };
}

function fileProblem(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof DossierFileError) return e.problem;
    throw e;
  }
  throw new Error('expected a file-level refusal');
}

describe('readCsv', () => {
  it('numbers rows by the physical line they start on, across quoted line breaks and blank lines', () => {
    const text = `${TEMPLATE_CSV_HEADER}\r\nA,"x\r\ny"\r\n\r\nB,z\r\nC,"p\nq\nr"\nD,k`;
    const table = readCsv(Buffer.from(`\ufeff${text}`, 'utf8'));
    expect(table.headerLine).toBe(1);
    expect(table.headers[0]).toBe('Mã hồ sơ');
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'A'],
      [5, 'B'],
      [6, 'C'],
      [9, 'D'],
    ]);
  });

  it('numbers and splits records the same way in a file read piece by piece, quotes and line breaks across the pieces', () => {
    // About 2.3 MB of text: several pieces, cut wherever the records fall.
    const records = [TEMPLATE_CSV_HEADER];
    let physical = 1;
    const expected: Array<[number, string, string]> = [];
    for (let i = 0; i < 30_000; i++) {
      if (i % 97 === 0) {
        records.push('');
        physical++;
      }
      // Most records carry line breaks inside quotes, so the first line break after a cut point is mostly one of those.
      const quoted = i % 5 !== 0;
      const shown = quoted ? `dòng ${i}\ntiếp, "trích"\n${'x'.repeat(i % 50)}` : `ô ${i} ${'y'.repeat(i % 120)}`;
      records.push(`HS${i},${quoted ? `"${shown.replaceAll('"', '""')}"` : shown},z`);
      expected.push([physical + 1, `HS${i}`, shown]);
      physical += quoted ? 3 : 1;
    }
    const text = records.join('\r\n');
    expect(text.length).toBeGreaterThan(1_500_000);
    const table = readCsv(Buffer.from(text));
    expect(table.rows.map((r) => [r.line, r.cells[0], r.cells[1]])).toEqual(expected);
    expect(table.lastLine).toBe(physical);
  });

  it('refuses an unclosed quote past the first piece with its line', () => {
    const good = Array.from({ length: 9000 }, (_, i) => `HS${i},${'v'.repeat(80)}`);
    const bytes = Buffer.from([TEMPLATE_CSV_HEADER, ...good, 'HS-x,"mở mà không đóng', 'HS-y,1'].join('\n'));
    expect(fileProblem(() => readCsv(bytes))).toEqual({ code: 'csv_malformed', line: 9002 });
  });

  it('detects ";" and tab delimiters from the header', () => {
    expect(readCsv(Buffer.from(`${TEMPLATE_CSV_HEADER.replaceAll(',', ';')}\nA;b`)).delimiter).toBe(';');
    expect(readCsv(Buffer.from(`${TEMPLATE_CSV_HEADER.replaceAll(',', '\t')}\nA\tb`)).delimiter).toBe('\t');
  });

  it('reads UTF-16 with BOM (Excel "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${TEMPLATE_CSV_HEADER.replaceAll(',', '\t')}\nA\tb`, 'utf16le')]);
    expect(readCsv(bytes)).toMatchObject({ encoding: 'utf-16', headers: expect.arrayContaining(['Ngày hẹn trả']) });
  });
});

describe('readDossierCsv', () => {
  it('loads good rows and reports each bad one with its line and every reason', () => {
    const result = readDossierCsv(
      csv(
        row('HS1'),
        row('HS2', { 6: '31/02/2025 08:00', 9: 'Chờ duyệt' }),
        row('HS3', { 8: '01/01/2025 09:00' }),
        row('HS1'),
        row('HS4', { 2: '"=HYPERLINK(""http://x"",""y"")"' }),
        row('', { 5: 'Trực tuyến' }),
        ',,,,,,,,,,,,,,',
        row('HS5', { 8: '', 9: 'Dừng xử lý' }),
        row('HS6', { 14: 'Tốt', 10: 'Có thể' }),
        `${row('HS7')},,thừa`,
      ),
    );
    expect(result.dossiers.map((d) => [d.line, d.code])).toEqual([[2, 'HS1']]);
    expect(result.rejected.map((r) => [r.line, r.problems.map((p) => p.code)])).toEqual([
      [3, ['bad_date', 'bad_status']],
      [4, ['end_before_received']],
      [5, ['duplicate_code']],
      [6, ['formula']],
      [7, ['missing_value', 'ambiguous_channel']],
      [9, ['end_missing']],
      [10, ['bad_yes_no', 'bad_rating']],
      [11, ['extra_cells']],
    ]);
    expect(describeRowProblems(result.rejected[0].problems)).toBe(
      '"Ngày tiếp nhận" không hợp lệ hoặc không tồn tại: "31/02/2025 08:00" (cần dd/mm/yyyy hoặc dd/mm/yyyy HH:mm); ' +
        'Trạng thái không xác định: "Chờ duyệt" (đang xử lý, đã giải quyết, từ chối / trả lại, dừng xử lý, rút hồ sơ)',
    );
    expect(describeRowProblems(result.rejected[2].problems)).toBe('Mã hồ sơ "HS1" trùng với dòng 2');
  });

  it('keeps a later row whose code was first seen on a refused row', () => {
    const result = readDossierCsv(csv(row('HS1', { 6: '31/02/2025' }), row('HS1')));
    expect(result.dossiers.map((d) => d.line)).toEqual([3]);
    expect(result.rejected.map((r) => r.line)).toEqual([2]);
  });

  it('accepts an end on the day it was received when it gives only the day', () => {
    const result = readDossierCsv(csv(row('HS1', { 6: '09/01/2025 10:00', 8: '09/01/2025' })));
    expect(result.rejected).toEqual([]);
  });

  it('refuses cells longer than their column holds and cells with a NUL character, counting characters as PostgreSQL does', () => {
    const emoji = '😀'.repeat(100);
    const result = readDossierCsv(csv(row('X'.repeat(101)), row('HS2', { 4: 'Ô'.repeat(301), 2: 'Tên\u0000' }), row(emoji), row('Y'.repeat(100))));
    expect(result.rejected.map((r) => [r.line, describeRowProblems(r.problems)])).toEqual([
      [2, '"Mã hồ sơ" dài quá 100 ký tự'],
      [3, 'Ô "Tên thủ tục" chứa ký tự NUL (tệp bị hỏng?); hãy xuất lại tệp; "Đơn vị tiếp nhận" dài quá 300 ký tự'],
    ]);
    expect(result.dossiers.map((d) => d.code)).toEqual([emoji, 'Y'.repeat(100)]);
  });

  it('recognises headers in another order, case and without diacritics, and ignores extra columns', () => {
    const headers = 'Ghi chú;TRANG THAI;Ma ho so;Hinh thuc nop;Ngay tiep nhan;Ngay hen tra;Ngay ket thuc';
    const result = readDossierCsv(Buffer.from(`${headers}\nx;Đã giải quyết;A1;Trực tiếp;01/02/2025;05/02/2025;04/02/2025 10:00`));
    expect(result.rejected).toEqual([]);
    expect(result.dossiers[0]).toMatchObject({ code: 'A1', status: 'resolved', rating: null, hasFee: null });
  });

  it('refuses a file without the required columns, naming them', () => {
    const problem = fileProblem(() => readDossierCsv(Buffer.from('Mã hồ sơ,Trạng thái\nA,Đang xử lý')));
    expect(problem).toEqual({ code: 'missing_columns', columns: ['Hình thức nộp', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày kết thúc'] });
    expect(describeFileProblem(problem)).toContain('Thiếu cột bắt buộc: Hình thức nộp, Ngày tiếp nhận');
  });

  it('refuses an empty file, a repeated column and an unclosed quote', () => {
    expect(fileProblem(() => readDossierCsv(Buffer.alloc(0)))).toEqual({ code: 'file_empty' });
    expect(fileProblem(() => readDossierCsv(Buffer.from(`${TEMPLATE_CSV_HEADER},Mã hồ sơ\n`)))).toEqual({ code: 'duplicate_column', column: 'Mã hồ sơ' });
    expect(fileProblem(() => readDossierCsv(csv(row('HS1'), 'HS2,"open')))).toMatchObject({ code: 'csv_malformed' });
  });

  it('converts a Windows-1258 file whose header then reads as the template, and refuses other non-UTF-8 bytes', () => {
    const text = [TEMPLATE_CSV_HEADER, row('HS1')].join('\r\n');
    // Windows-1258 writes a tone as a combining mark after the letter ("ồ" = "ô" + U+0300).
    const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
    const windowsForm = text
      .normalize('NFD')
      .replace(/([a-zA-Z])([\u0300-\u036f]+)/g, (_, letter: string, marks: string) => (letter + marks.replace(TONES, '')).normalize('NFC') + (marks.match(TONES) ?? []).join(''));
    const cp1258 = iconv.encode(windowsForm, 'windows1258');
    const result = readDossierCsv(cp1258);
    expect(result.encoding).toBe('windows-1258');
    expect(result.dossiers[0]).toMatchObject({ code: 'HS1', status: 'resolved', rating: 'satisfied', procedureName: 'Chứng thực' });
    const tcvn3Like = Buffer.from([0x4d, 0xb8, 0x20, 0x68, 0xe5, 0x20, 0x73, 0xe8, 0x0a, 0x41]);
    expect(fileProblem(() => readDossierCsv(tcvn3Like))).toEqual({ code: 'not_utf8' });
  });
});
