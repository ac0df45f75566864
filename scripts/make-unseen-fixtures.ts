/**
 * Writes small plans the importer was NOT built on (fixtures/unseen), each as text, .docx and .pdf,
 * with its gold (fixtures/unseen/gold). They carry the failure classes found on real provincial
 * documents (issue 8): header lines broken anywhere ("Số:" / "125/KH-UBND", a title broken inside
 * "CẢI" / "CÁCH", a place of several words, a wrapped date line); area headings as rows of their
 * own; a narrow time column that wraps "15/11/20" / "27"; a recurrence's day in brackets; lists of
 * months and quarters; and a plan without an appendix whose tasks are numbered paragraphs.
 * The gold's due dates and occurrences are written by hand, not computed by the parser under test.
 * Needs `soffice` (libreoffice-writer).
 *
 *   npx tsx scripts/make-unseen-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UNSEEN_DOCS, type UnseenDoc } from './unseen-docs';

const OUT = join(import.meta.dirname, '..', 'fixtures/unseen');

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/&lt;br&gt;/g, '<br>');
}

/** Header as Word documents lay it out: a borderless two-column table. */
function headerHtml(doc: UnseenDoc): string {
  const col = (lines: string[]): string => lines.map((l) => `<p align="center">${esc(l)}</p>`).join('');
  return `<table width="100%" border="0"><tr><td width="45%" valign="top">${col(doc.header.left)}</td><td width="55%" valign="top">${col(doc.header.right)}</td></tr></table>`;
}

function tableHtml(doc: UnseenDoc): string {
  if (doc.rows.length === 0) return '';
  const head = `<tr>${['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm'].map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const body = doc.rows
    .map((r) => (typeof r === 'string' ? `<tr><td colspan="6"><b>${esc(r)}</b></td></tr>` : `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`))
    .join('\n');
  return `<p align="center"><b>PHỤ LỤC</b></p><table border="1" cellspacing="0" cellpadding="2" width="100%">
<colgroup><col width="5%"><col width="37%"><col width="17%"><col width="17%"><col width="8%"><col width="16%"></colgroup>
${head}
${body}
</table>`;
}

function documentHtml(doc: UnseenDoc): string {
  const body = [...doc.title.map((l) => `<p align="center"><b>${esc(l)}</b></p>`), ...doc.body.map((p) => `<p>${esc(p)}</p>`)].join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch</title>
<style>body{font-family:'DejaVu Serif';font-size:11pt} td,th{font-size:10pt;vertical-align:top}</style></head>
<body>
${headerHtml(doc)}
${body}
${tableHtml(doc)}
</body></html>`;
}

/** The text a provincial website or a PDF copy gives: every header line on its own line, markdown table. */
function documentText(doc: UnseenDoc): string {
  const lines = [...doc.header.left, ...doc.header.right, '', ...doc.title, '', ...doc.body.flatMap((p) => [p, ''])];
  if (doc.rows.length > 0) {
    lines.push('PHỤ LỤC', '', '| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | Sản phẩm |', '|---|---|---|---|---|---|');
    for (const r of doc.rows) lines.push(typeof r === 'string' ? doc.textHeading(r) : `| ${r.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function convert(html: string, name: string, format: 'docx' | 'pdf'): void {
  const work = join(tmpdir(), `cchc-unseen-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const src = join(work, `${name}.html`);
  writeFileSync(src, html);
  const filter = format === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf:writer_pdf_Export';
  execFileSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', filter, '--outdir', work, src], { stdio: 'ignore' });
  renameSync(join(work, `${name}.${format}`), join(OUT, `${name}.${format}`));
  rmSync(work, { recursive: true, force: true });
}

mkdirSync(join(OUT, 'gold'), { recursive: true });
for (const doc of UNSEEN_DOCS) {
  writeFileSync(join(OUT, `${doc.id}.${doc.textExt}`), documentText(doc));
  // "<br>" puts the break a narrow PDF column makes inside a date ("15/11/20" / "27") on its own line;
  // LibreOffice widens HTML columns to their longest word, so the break is written rather than left to wrap.
  convert(documentHtml(doc), doc.id, 'docx');
  convert(documentHtml(doc), doc.id, 'pdf');
  writeFileSync(join(OUT, 'gold', `${doc.id}.json`), `${JSON.stringify(doc.gold, null, 2)}\n`);
}
console.log(`unseen fixtures written to ${OUT}`);
