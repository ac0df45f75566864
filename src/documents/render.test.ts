/**
 * The documents as a person sees them: converted by LibreOffice (Debian's
 * libreoffice-writer, installed by `npm test`) to PDF and read back with
 * poppler-utils — page sizes, header texts, appendix rows, fonts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlanDocument, buildReportDocument } from './build';
import { inspectionConclusion, inspectionMinutes } from './inspection';
import { docxToPdf, planExportOfSeed, sampleConclusion, sampleMinutes, sampleReport } from './test-helpers';

const TOOLS = ['soffice', 'pdfinfo', 'pdftotext', 'pdffonts'];
const missing = TOOLS.filter((tool) => !['/usr/bin', '/usr/local/bin'].some((dir) => existsSync(join(dir, tool))));
const PT_PER_MM = 72 / 25.4;

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

let dir: string;
// Converted once in the first block's beforeAll; the inspection block reads them after.
let minutes: Page[];
let minutesPdf: string;
let conclusion: Page[];
let conclusionPdf: string;

function pages(pdf: string): Page[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, w, h, body]) => ({
    width: Number(w),
    height: Number(h),
    words: [...body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, x0, y0, x1, y1, text]) => ({
      text: text
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
      xMin: Number(x0),
      yMin: Number(y0),
      xMax: Number(x1),
      yMax: Number(y1),
    })),
  }));
}

const isA4Portrait = (p: Page) => Math.abs(p.width - 210 * PT_PER_MM) < 2 && Math.abs(p.height - 297 * PT_PER_MM) < 2;
const isA4Landscape = (p: Page) => Math.abs(p.width - 297 * PT_PER_MM) < 2 && Math.abs(p.height - 210 * PT_PER_MM) < 2;
const pageText = (p: Page) => p.words.map((w) => w.text).join(' ');
/** Words inside the top margin (20 mm): where the page number belongs. */
const inTopMargin = (p: Page) => p.words.filter((w) => w.yMax < 20 * PT_PER_MM);

/** Font names of the PDF without the subset prefix ("BAAAAA+LiberationSerif-Bold" → "LiberationSerif-Bold"). */
function fonts(pdf: string): string[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
}

/**
 * Times New Roman itself, or the font LibreOffice substitutes for it: Liberation
 * Serif has the same metrics (Debian cannot ship Microsoft's font), so line breaks
 * and page breaks are those Word makes.
 */
const TIMES_FAMILY = /^(TimesNewRoman|Times-|LiberationSerif)/;

describe.skipIf(missing.length > 0)('official documents rendered by LibreOffice', () => {
  let plan: Page[];
  let planPdf: string;
  let report: Page[];
  let reportPdf: string;
  let taskCount: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-docx-'));
    const { document } = planExportOfSeed('004');
    taskCount = document.appendix.groups.reduce((n, g) => n + g.tasks.length, 0);
    planPdf = docxToPdf(dir, 'plan', await buildPlanDocument(document));
    reportPdf = docxToPdf(dir, 'report', await buildReportDocument(sampleReport()));
    minutesPdf = docxToPdf(dir, 'minutes', await inspectionMinutes(sampleMinutes()));
    conclusionPdf = docxToPdf(dir, 'conclusion', await inspectionConclusion(sampleConclusion()));
    plan = pages(planPdf);
    report = pages(reportPdf);
    minutes = pages(minutesPdf);
    conclusion = pages(conclusionPdf);
  }, 360_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the plan body on A4 portrait and the appendix on A4 landscape pages', () => {
    const firstAppendix = plan.findIndex((p) => pageText(p).includes('DANH MỤC NHIỆM VỤ'));
    expect(firstAppendix).toBeGreaterThan(0);
    expect(plan.slice(0, firstAppendix).every(isA4Portrait)).toBe(true);
    expect(plan.slice(firstAppendix).every(isA4Landscape)).toBe(true);
    expect(report.length).toBeGreaterThan(0);
    expect(report.every(isA4Portrait)).toBe(true);
  });

  it('shows the header of the decree on page 1', () => {
    const text = pageText(plan[0]);
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số:', '/KH-UBND', 'KẾ HOẠCH', 'ỦY BAN NHÂN DÂN', 'XÃ TIÊN LÃNG']) {
      expect(text).toContain(expected);
    }
    const reportText = pageText(report[0]);
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 15/BC-UBND', 'BÁO CÁO', 'Tiên Lãng, ngày 09 tháng 3 năm 2026']) {
      expect(reportText).toContain(expected);
    }
  });

  it('numbers pages from 2 in the top margin, centred', () => {
    expect(inTopMargin(plan[0])).toEqual([]);
    plan.slice(1).forEach((page, i) => {
      const [number] = inTopMargin(page);
      expect(number?.text).toBe(String(i + 2));
      expect(Math.abs((number.xMin + number.xMax) / 2 - (30 * PT_PER_MM + (page.width - 45 * PT_PER_MM) / 2))).toBeLessThan(6);
    });
  });

  it('has one appendix row per task: an Arabic number in the TT column', () => {
    const left = 30 * PT_PER_MM;
    const ttColumnEnd = left + 12 * PT_PER_MM;
    const numbers = plan
      .filter(isA4Landscape)
      .flatMap((p) => p.words.filter((w) => w.xMin >= left - 1 && w.xMax <= ttColumnEnd + 1 && /^\d+$/.test(w.text)).map((w) => Number(w.text)));
    expect(numbers).toHaveLength(taskCount);
    expect(numbers).toEqual(Array.from({ length: taskCount }, (_, i) => i + 1));
  });

  it('repeats the column headings on every appendix page', () => {
    for (const page of plan.filter(isA4Landscape)) {
      const text = pageText(page);
      for (const heading of ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm']) {
        expect(text).toContain(heading);
      }
    }
  });

  it('sets every glyph in Times New Roman (or its metric twin) — no fallback font', () => {
    for (const pdf of [planPdf, reportPdf, minutesPdf, conclusionPdf]) {
      const names = fonts(pdf);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toMatch(TIMES_FAMILY);
    }
  });
});

describe.skipIf(missing.length > 0)('inspection documents rendered by LibreOffice', () => {
  // Shares the conversions above: these run after them in the same file.
  const allText = (doc: Page[]) => doc.map(pageText).join(' ');
  const margins = (doc: Page[]) => doc.flatMap((p) => p.words.filter((w) => w.yMin >= 20 * PT_PER_MM));

  it('prints both documents on A4 portrait pages, text inside the decree margins, numbered from page 2', () => {
    for (const doc of [minutes, conclusion]) {
      expect(doc.length).toBeGreaterThan(1);
      expect(doc.every(isA4Portrait)).toBe(true);
      expect(inTopMargin(doc[0])).toEqual([]);
      doc.slice(1).forEach((page, i) => {
        expect(inTopMargin(page).map((w) => w.text)).toEqual([String(i + 2)]);
      });
      for (const w of margins(doc)) {
        expect(w.xMin).toBeGreaterThan(30 * PT_PER_MM - 1);
        expect(w.xMax).toBeLessThan(doc[0].width - 15 * PT_PER_MM + 1);
        expect(w.yMax).toBeLessThan(doc[0].height - 20 * PT_PER_MM + 1);
      }
    }
  });

  it('heads the minutes with the team under the commune, the type, and the visit date', () => {
    const first = pageText(minutes[0]);
    for (const text of ['UBND XÃ CẨM GIANG', 'ĐOÀN KIỂM TRA CCHC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '/BB-ĐKT', 'Cẩm Giang, ngày 18 tháng 11 năm 2025', 'BIÊN BẢN']) {
      expect(first).toContain(text);
    }
    const text = allText(minutes);
    for (const expected of [
      'Nguyễn Thị Lan',
      'Trưởng đoàn',
      'Trần Văn Hùng',
      'Phạm Quốc Bảo',
      'từ ngày 01/07/2025 đến ngày được kiểm tra (18/11/2025)',
      'Quyết định số 225/QĐ-UBND',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('lists every checklist item with its result, under the areas I–VIII', () => {
    const text = allText(minutes);
    expect(text.match(/Chưa đạt/g)).toHaveLength(3);
    // "Không áp dụng" wraps in its narrow column.
    expect(text.match(/Không áp/g)).toHaveLength(1);
    expect(text).toContain('10 nội dung được kiểm tra, trong đó 6 nội dung đạt, 3 nội dung chưa đạt, 1 nội dung không áp dụng');
    const left = 30 * PT_PER_MM;
    const numerals = minutes.flatMap((p) => p.words.filter((w) => w.xMin >= left - 1 && w.xMax <= left + 12 * PT_PER_MM && /^[IVX]+$/.test(w.text)).map((w) => w.text));
    expect(numerals).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
  });

  it('keeps the last paragraph of the minutes on the page of both signatures', () => {
    const last = minutes[minutes.length - 1];
    const text = pageText(last);
    for (const expected of ['ĐƠN VỊ ĐƯỢC KIỂM TRA', 'ĐOÀN KIỂM TRA', 'Phạm Quốc Bảo', 'Nguyễn Thị Lan', 'giữ 01 bản./.']) expect(text).toContain(expected);
    // The two names on one line, one on each half of the page.
    const bao = last.words.find((w) => w.text === 'Bảo');
    const lan = last.words.find((w) => w.text === 'Lan');
    expect(Math.abs((bao?.yMin ?? 0) - (lan?.yMin ?? 99))).toBeLessThan(2);
    expect(bao?.xMax ?? 999).toBeLessThan(last.width / 2 + 10 * PT_PER_MM);
    expect(lan?.xMin ?? 0).toBeGreaterThan(last.width / 2);
  });

  it('gives the conclusion notice its number, bases, assessment, requests with deadlines and the signer', () => {
    const first = pageText(conclusion[0]);
    for (const expected of [
      'ỦY BAN NHÂN DÂN',
      'XÃ CẨM GIANG',
      '/TB-UBND',
      'Cẩm Giang, ngày 25 tháng 11 năm 2025',
      'THÔNG BÁO',
      'Kết luận kiểm tra công tác cải cách hành chính tại Phòng Kinh tế',
    ]) {
      expect(first).toContain(expected);
    }
    const text = allText(conclusion);
    for (const expected of [
      'Căn cứ Kế hoạch số 312/KH-UBND ngày 20/10/2025',
      'I. ĐÁNH GIÁ CHUNG',
      'Ưu điểm',
      'Tồn tại, hạn chế',
      'II. YÊU CẦU',
      'trước ngày 05/12/2025',
      'trước ngày 15/12/2025',
      'Trung tâm Phục vụ hành chính công xã:',
      'trước ngày 20/12/2025./.',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'Nguyễn Thị Lan',
    ]) {
      expect(text).toContain(expected);
    }
  });
});

// Tools missing means `npm test` did not run its installer: say so rather than pass silently.
describe.runIf(missing.length > 0)('LibreOffice and poppler-utils', () => {
  it('are installed (npm test installs them: libreoffice-writer poppler-utils fonts-liberation2)', () => {
    expect(missing).toEqual([]);
  });
});
