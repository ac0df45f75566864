import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildPlanDocument, buildReportDocument } from './build';
import { authorityLines } from './parts';
import { docxParts, planExportOfSeed, sampleReport } from './test-helpers';

/** Attribute values of every `<tag …>` in the XML. */
function tags(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b([^>]*)/?>`, 'g'))].map(([, attrs]) => Object.fromEntries([...attrs.matchAll(/([\w:]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])));
}

/** The text of each table row whose first cell holds only an Arabic number: one per task. */
function taskRows(documentXml: string): string[] {
  const appendix = documentXml.slice(documentXml.indexOf('Phụ lục'));
  return [...appendix.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)]
    .map(([row]) => [...row.matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map(([c]) => [...c.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
    .filter((cells) => /^\d+$/.test(cells[0] ?? ''))
    .map((cells) => cells[1]);
}

describe('plan document of seed 004', async () => {
  const { document: plan, flags } = planExportOfSeed('004');
  const parts = await docxParts(await buildPlanDocument(plan));

  it('asks for Times New Roman in every run, style and header', () => {
    const fonts = [parts.document, parts.styles, ...parts.headers].flatMap((xml) => tags(xml, 'w:rFonts'));
    expect(fonts.length).toBeGreaterThan(100);
    for (const f of fonts) expect([f['w:ascii'], f['w:hAnsi'], f['w:cs']]).toEqual(['Times New Roman', 'Times New Roman', 'Times New Roman']);
  });

  it('has an A4 portrait section and an A4 landscape appendix with the decree margins', () => {
    const sizes = tags(parts.document, 'w:pgSz');
    expect(sizes).toEqual([
      { 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' },
      { 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' },
    ]);
    for (const m of tags(parts.document, 'w:pgMar')) {
      // 20 mm = 1134 twips, 30 mm = 1701, 15 mm = 850
      expect([m['w:top'], m['w:bottom'], m['w:left'], m['w:right']]).toEqual(['1134', '1134', '1701', '850']);
    }
  });

  it('numbers pages from page 2: a different, empty first-page header', () => {
    expect(parts.document).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/);
    expect(parts.headers.filter((h) => h.includes('PAGE')).length).toBeGreaterThanOrEqual(1);
  });

  it('carries the header texts and a blank number left for the clerk', () => {
    for (const text of ['ỦY BAN NHÂN DÂN', 'XÃ TIÊN LÃNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'KẾ HOẠCH', 'Tiên Lãng, ngày']) {
      expect(parts.document).toContain(text);
    }
    expect(parts.document).toContain('Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-UBND');
    expect(flags.map((f) => f.code)).toEqual(expect.arrayContaining(['number_blank', 'date_blank']));
  });

  it('puts every task in the appendix once, in order, under a repeated header row', () => {
    expect(plan.appendix.groups.map((g) => g.numeral)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    const rows = taskRows(parts.document);
    expect(rows).toHaveLength(38);
    expect(rows[0]).toBe('Ban hành Kế hoạch cải cách hành chính năm 2026.');
    expect(parts.document).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1)"\/>/);
    expect(parts.document).toContain('DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026');
  });

  it('lists the targets in the body', () => {
    expect(parts.document).toContain('MỘT SỐ CHỈ TIÊU CHỦ YẾU');
    expect(parts.document).toContain('Hoàn thành 100% nhiệm vụ được Ủy ban nhân dân thành phố giao');
  });
});

describe('plan issued with a decision (seed 000)', () => {
  it('shows the decision number and date in the "Kèm theo" line instead of a number of its own', async () => {
    const { document: plan } = planExportOfSeed('000');
    expect(plan.attachedTo).toBe('(Kèm theo Quyết định số 410/QĐ-UBND ngày 29 tháng 7 năm 2025 của Ủy ban nhân dân xã Cẩm Giàng)');
    const parts = await docxParts(await buildPlanDocument(plan));
    expect(parts.document).not.toContain('Số:');
    expect(taskRows(parts.document)).toHaveLength(24);
  });
});

describe('report document', () => {
  it('has the report type, number, date, figures and the deputy signature', async () => {
    const parts = await docxParts(await buildReportDocument(sampleReport()));
    for (const text of ['BÁO CÁO', 'Số: 15/BC-UBND', 'Tiên Lãng, ngày 09 tháng 3 năm 2026', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Văn Minh', 'Nơi nhận:']) {
      expect(parts.document).toContain(text);
    }
    expect(tags(parts.document, 'w:pgSz')).toEqual([{ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' }]);
    expect(parts.document.indexOf('TM. ỦY BAN NHÂN DÂN')).toBeGreaterThan(-1);
    expect(parts.document.indexOf('TM. ỦY BAN NHÂN DÂN')).toBeLessThan(parts.document.indexOf('KT. CHỦ TỊCH'));
  });
});

describe('signature authority lines (Phụ lục I)', () => {
  it('puts TM. over KT. when a deputy signs for the UBND, and neither on a head’s own signature', () => {
    expect(authorityLines({ authority: 'TM', body: 'Ủy ban nhân dân', title: 'Chủ tịch', name: null })).toEqual(['TM. ỦY BAN NHÂN DÂN']);
    expect(authorityLines({ authority: 'KT', body: 'Ủy ban nhân dân', title: 'Phó Chủ tịch', name: null })).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH']);
    expect(authorityLines({ authority: 'KT', title: 'Phó Chủ tịch', name: null })).toEqual(['KT. CHỦ TỊCH']);
    expect(authorityLines({ authority: 'own', title: 'Trưởng phòng', name: null })).toEqual([]);
  });
});

describe('text from outside', () => {
  it('keeps the XML well-formed whatever the cells hold', async () => {
    const { document: plan } = planExportOfSeed('004');
    const nasty = 'A & B <i>nghiêng</i> "trích" \u0007bell\u000b \u0000 Hoa\u0300 (NFD)\tTab';
    const task = { ...plan.appendix.groups[0].tasks[0], content: nasty, lead: `${nasty}\n${nasty}` };
    const groups = [{ ...plan.appendix.groups[0], tasks: [task] }];
    const parts = await docxParts(await buildPlanDocument({ ...plan, summary: nasty, appendix: { ...plan.appendix, groups } }));
    const errors: string[] = [];
    new DOMParser({ onError: (_level: string, message: string) => errors.push(message) }).parseFromString(parts.document, 'text/xml');
    expect(errors).toEqual([]);
    expect(parts.document).toContain('A &amp; B &lt;i&gt;nghiêng&lt;/i&gt;');
    expect(parts.document).toContain('Ho\u00e0 (NFD)');
    expect(parts.document).not.toContain('a\u0300');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test proves these control characters (invalid in XML 1.0) were dropped
    expect(parts.document).not.toMatch(/[\u0000\u0007\u000b]/);
  });
});

describe("a unit's report", () => {
  it('puts the governing body in plain capitals above the unit in bold capitals', async () => {
    const report = { ...sampleReport(), issuer: { governingBody: 'UBND xã Tiên Lãng', name: 'Phòng Văn hóa - Xã hội' }, number: '/BC-VHXH' };
    const { document } = await docxParts(await buildReportDocument(report));
    const runOf = (text: string) => [...document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([r]) => r).find((r) => r.includes(`>${text}<`));
    expect(runOf('UBND XÃ TIÊN LÃNG')).toBeDefined();
    expect(runOf('UBND XÃ TIÊN LÃNG')).not.toContain('<w:b/>');
    expect(runOf('PHÒNG VĂN HÓA - XÃ HỘI')).toContain('<w:b/>');
    expect(document).toContain('Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-VHXH');
  });
});
