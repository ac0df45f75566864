/**
 * Builds the Word and PDF versions of seeds 000, 002 and 004 so the .docx and
 * .pdf readers are measured on the same content as the text reader:
 *   seed body paragraphs + appendix table → HTML → LibreOffice → .docx / .pdf.
 * 002/004 keep their tables as exported (repeated header rows, rows continued
 * after a page break, HTML inside cells); 000's table is flattened in its seed,
 * so its rows come from the hand-checked gold. The .docx of 004 merges equal
 * neighbouring cells (rowspan → vMerge) and 000 puts one unit per line (<br>).
 * Also writes the bad-input fixtures. Needs `soffice` (libreoffice-writer) on PATH.
 *
 *   npx tsx scripts/make-import-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainVi } from '../src/i18n/domain';
import type { GoldTask } from '../src/importer/accuracy';
import { readText } from '../src/importer/readers/text';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'fixtures/import');
const SEEDS = join(ROOT, 'fixtures/seeds');
const GOLD = join(ROOT, 'fixtures/gold');

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện/hoàn thành', 'Sản phẩm'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Keeps the few inline tags the seeds carry in cells; escapes the rest. */
function cellHtml(s: string): string {
  return esc(s)
    .replace(/&lt;(\/?)(i|b|em|strong)&gt;/g, '<$1$2>')
    .replace(/&lt;br\s*\/?&gt;/g, '<br>')
    .replace(/&lt;ul[^&]*&gt;/g, '<br>')
    .replace(/&lt;\/?(ul|li)&gt;/g, '<br>');
}

function seedFile(id: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(`${id}_`));
  if (!name) throw new Error(`seed ${id} not found`);
  return join(SEEDS, name);
}

/** Rows as they appear in the seed's tab-separated appendix. */
function seedRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => (l.match(/\t/g)?.length ?? 0) >= 2)
    .map((l) => l.split('\t').map((c) => c.replace(/<\/?b>/g, '').trim()));
}

function goldRows(id: string, unitSep: string): string[][] {
  const gold = JSON.parse(readFileSync(join(GOLD, `${id}.json`), 'utf8')) as { tasks: GoldTask[] };
  const rows: string[][] = [];
  let area = 0;
  for (const t of gold.tasks) {
    if (t.area !== area) {
      area = t.area;
      rows.push([`${ROMAN[area]}. ${domainVi[`area.${area}` as keyof typeof domainVi]}`]);
    }
    rows.push([String(t.number), t.content, t.lead.join(unitSep), t.coordinators.join(unitSep), t.timeframe.text, t.product]);
  }
  return rows;
}

const isTaskRow = (r: string[]): boolean => /^\d+$/.test(r[0] ?? '');

/** rowspan for equal neighbouring cells of task rows in the given columns (Word vMerge). */
function spans(rows: string[][], cols: number[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cols) {
    let i = 0;
    while (i < rows.length) {
      let j = i + 1;
      while (isTaskRow(rows[i]) && j < rows.length && isTaskRow(rows[j]) && rows[j][c] === rows[i][c] && rows[i][c] !== '') j++;
      out.set(`${i}:${c}`, j - i);
      for (let k = i + 1; k < j; k++) out.set(`${k}:${c}`, 0);
      i = j;
    }
  }
  return out;
}

function tableHtml(rows: string[][], merge: boolean): string {
  const span = merge ? spans(rows, [2, 3]) : new Map<string, number>();
  const head = `<thead><tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`;
  const body = rows
    .map((r, i) => {
      if (r.length === 1 || (r.slice(1).every((c) => c === '') && /^[IVX]+\./.test(r[0]))) return `<tr><td colspan="6"><b>${esc(r[0])}</b></td></tr>`;
      const cells = Array.from({ length: 6 }, (_, c) => {
        const n = span.get(`${i}:${c}`) ?? 1;
        if (n === 0) return '';
        return `<td${n > 1 ? ` rowspan="${n}"` : ''}>${cellHtml(r[c] ?? '')}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table border="1" cellspacing="0" cellpadding="3" width="100%">
<colgroup><col width="5%"><col width="35%"><col width="15%"><col width="15%"><col width="15%"><col width="15%"></colgroup>
${head}
<tbody>
${body}
</tbody></table>`;
}

function documentHtml(paragraphs: string[], rows: string[][], merge: boolean): string {
  const body = paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch</title>
<style>body{font-family:'DejaVu Serif';font-size:11pt} td,th{font-size:10pt;vertical-align:top}</style></head>
<body>
${body}
${tableHtml(rows, merge)}
</body></html>`;
}

function bodyParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const b of readText(text).blocks) {
    if (b.kind !== 'paragraph') break;
    out.push(b.text);
  }
  return out;
}

function convert(html: string, name: string, format: 'docx' | 'pdf'): void {
  const work = join(tmpdir(), `cchc-fixtures-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const src = join(work, `${name}.html`);
  writeFileSync(src, html);
  const filter = format === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf:writer_pdf_Export';
  execFileSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', filter, '--outdir', work, src], { stdio: 'ignore' });
  renameSync(join(work, `${name}.${format}`), join(OUT, `${name}.${format}`));
  rmSync(work, { recursive: true, force: true });
}

function makePlanFixtures(): void {
  for (const id of ['000', '002', '004']) {
    const text = readFileSync(seedFile(id), 'utf8');
    const paragraphs = bodyParagraphs(text);
    const rows = id === '000' ? goldRows(id, ', ') : seedRows(text).slice(1);
    const wordRows = id === '000' ? goldRows(id, '\n') : rows;
    writeFileSync(join(OUT, `${id}.html`), documentHtml(paragraphs, rows, false));
    convert(
      documentHtml(
        paragraphs,
        wordRows.map((r) => r.map((c) => c.replace(/\n/g, '<br>'))),
        id === '004',
      ),
      id,
      'docx',
    );
    convert(documentHtml(paragraphs, rows, false), id, 'pdf');
  }
}

function makeBadFixtures(): void {
  const letter = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<p>ỦY BAN NHÂN DÂN XÃ MẪU</p><p>THÔNG BÁO</p><p>Về việc nghỉ Tết Dương lịch năm 2026</p>
<p>Ủy ban nhân dân xã thông báo lịch nghỉ Tết Dương lịch năm 2026 đối với cán bộ, công chức như sau: nghỉ từ ngày 01/01/2026 đến hết ngày 04/01/2026.</p>
</body></html>`;
  convert(letter, 'not-a-plan', 'docx');
  const docx = readFileSync(join(OUT, 'not-a-plan.docx'));
  writeFileSync(join(OUT, 'corrupt.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  writeFileSync(join(OUT, 'textless.pdf'), textlessPdf());
}

/** A one-page PDF that only draws a rectangle: what a scan without OCR looks like to a text reader. */
function textlessPdf(): Buffer {
  const content = '0.5 g 72 72 451 698 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function makeEncryptedPdf(): void {
  try {
    execFileSync('qpdf', ['--encrypt', 'mat-khau', 'mat-khau', '256', '--', join(OUT, '004.pdf'), join(OUT, 'password.pdf')]);
  } catch {
    console.warn('qpdf not found: password.pdf not made (the test builds its own encrypted stand-in)');
  }
}

mkdirSync(OUT, { recursive: true });
makePlanFixtures();
makeBadFixtures();
makeEncryptedPdf();
console.log(`fixtures written to ${OUT}`);
