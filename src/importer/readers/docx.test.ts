import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importPlanDocument } from '../index';
import { IMPORT_FIXTURES } from '../test-helpers';
import { readDocx } from './docx';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function p(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}
function tc(inner: string, pr = ''): string {
  return `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;
}

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('docx reader', () => {
  it('keeps the grid with gridSpan, repeats vMerge text, keeps line breaks inside cells', async () => {
    const header = `<w:tr>${['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian', 'Sản phẩm'].map((h) => tc(p(h))).join('')}</w:tr>`;
    const area = `<w:tr>${tc(p('II. Cải cách thể chế'), '<w:gridSpan w:val="6"/>')}</w:tr>`;
    const row1 = `<w:tr>${tc(p('1'))}${tc(p('Rà soát văn bản'))}${tc(p('Văn phòng HĐND&amp;UBND'), '<w:vMerge w:val="restart"/>')}${tc('<w:p><w:r><w:t>Phòng KT</w:t><w:br/><w:t>Trung tâm Phục vụ HCC</w:t></w:r></w:p>')}${tc(p('Quý IV'))}${tc(p('Báo cáo'))}</w:tr>`;
    const row2 = `<w:tr>${tc(p('2'))}${tc(p('Kiểm tra văn bản'))}${tc('<w:p/>', '<w:vMerge/>')}${tc(p('Các cơ quan, đơn vị liên quan'))}${tc(p('Cả năm'))}${tc(p('Kế hoạch'))}</w:tr>`;
    const data = await docx(`${p('KẾ HOẠCH')}${p('Cải cách hành chính xã Mẫu năm 2025')}<w:tbl>${header}${area}${row1}${row2}</w:tbl>`);
    const model = await readDocx(data);
    expect(model.blocks[0]).toEqual({ kind: 'paragraph', text: 'KẾ HOẠCH' });
    const r = await importPlanDocument({ data, fileName: 'plan.docx', referenceYear: 2025 });
    expect(r.tasks).toHaveLength(2);
    expect(r.tasks[0]).toMatchObject({ area: 2, lead: ['Văn phòng HĐND&UBND'], coordinators: ['Phòng KT', 'Trung tâm Phục vụ HCC'] });
    expect(r.tasks[1]).toMatchObject({ area: 2, lead: ['Văn phòng HĐND&UBND'], coordinators: ['Các cơ quan, đơn vị liên quan'] });
  });

  it('reads the generated Word version of seed 004 (merged cells, continued rows)', async () => {
    const r = await importPlanDocument({ data: readFileSync(join(IMPORT_FIXTURES, '004.docx')), fileName: '004.docx', referenceYear: 2025 });
    expect(r.tasks).toHaveLength(38);
    expect(r.tasks[30].coordinators).toHaveLength(7);
    expect(r.source.format).toBe('docx');
  });
});
