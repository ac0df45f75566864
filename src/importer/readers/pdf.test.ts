import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlanDocument } from '../index';
import { IMPORT_FIXTURES } from '../test-helpers';
import { readPdf } from './pdf';

describe('pdf reader', () => {
  it('rebuilds the table of seed 002 across pages from text positions', async () => {
    const data = readFileSync(join(IMPORT_FIXTURES, '002.pdf'));
    const model = await readPdf(data);
    expect(model.blocks.some((b) => b.kind === 'table')).toBe(true);
    const r = await importPlanDocument({ data, fileName: '002.pdf', referenceYear: 2025 });
    expect(r.tasks).toHaveLength(33);
    expect(r.tasks[4].coordinators).toEqual(['Các phòng', 'Mặt trận Tổ quốc Việt Nam', 'các đoàn thể chính trị', 'Trung tâm sự nghiệp công thuộc phường']);
    expect(r.meta.title).toBe('Cải cách hành chính phường An Phong 6 tháng cuối năm 2025');
  });

  it('reads the PDF version of seed 000 with one unit per line', async () => {
    const r = await importPlanDocument({ data: readFileSync(join(IMPORT_FIXTURES, '000.pdf')), fileName: '000.pdf', referenceYear: 2025 });
    expect(r.tasks).toHaveLength(24);
    expect(r.tasks[21].lead).toEqual(['Văn phòng HĐND&UBND', 'Phòng KT', 'Trung tâm Phục vụ HCC']);
  });
});
