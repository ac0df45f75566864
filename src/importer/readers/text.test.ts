import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlanText } from '../index';
import { seedPath } from '../test-helpers';
import { readText } from './text';

describe('text reader', () => {
  it('reads tab rows, skips repeated headers and joins a row continued after a page break', () => {
    const text = [
      'TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\tSản phẩm',
      '<b>I. Chỉ đạo điều hành</b>\t\t\t\t\t',
      '1\tBan hành kế hoạch\tPhòng Văn hóa - Xã hội\tCác phòng, Mặt trận Tổ quốc Việt Nam; Trung\tQuý IV/2025\tKế hoạch',
      '',
      '<b>TT</b>\t<b>Nội dung nhiệm vụ</b>\t<b>Cơ quan chủ trì</b>\t<b>Cơ quan phối hợp</b>\t<b>Thời gian</b>\t<b>Sản phẩm</b>',
      '\t\t\ttâm Dịch vụ sự nghiệp công\t\t',
      '2\tBáo cáo <i>quý</i>\tVăn phòng HĐND và UBND\t\tTrước ngày 10/12/2025\t<ul style="x"> - Báo cáo</ul>',
    ].join('\n');
    const model = readText(text);
    expect(model.blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
    const r = importPlanText(`KẾ HOẠCH\nCải cách hành chính xã Mẫu năm 2025\n${text}`, { referenceYear: 2025 });
    expect(r.tasks).toHaveLength(2);
    expect(r.tasks[0].coordinators).toEqual(['Các phòng', 'Mặt trận Tổ quốc Việt Nam', 'Trung tâm Dịch vụ sự nghiệp công']);
    expect(r.tasks[1]).toMatchObject({ area: 1, number: 2, content: 'Báo cáo quý', lead: ['Văn phòng HĐND và UBND'], coordinators: [], product: '- Báo cáo' });
    expect(r.tasks[1].timeframe).toMatchObject({ kind: 'date', due: '2025-12-10' });
    expect(r.warnings.map((w) => w.code)).toContain('row_continued');
  });

  it('reads time frames in the reference year when the document names no period', () => {
    const table = [
      'TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\tSản phẩm',
      '<b>I. Chỉ đạo điều hành</b>\t\t\t\t\t',
      '1\tBáo cáo\tVăn phòng HĐND và UBND\t\tQuý III\tBáo cáo',
    ].join('\n');
    for (const referenceYear of [2024, 2031]) {
      const r = importPlanText(`KẾ HOẠCH\nCải cách hành chính\n${table}`, { referenceYear });
      expect(r.meta.period).toBeNull();
      expect(r.period).toEqual({ start: `${referenceYear}-01-01`, end: `${referenceYear}-12-31` });
      expect(r.tasks[0].timeframe.due).toBe(`${referenceYear}-09-30`);
    }
  });

  it('strips markdown and rebuilds paragraphs broken over lines', () => {
    const model = readText('## **I. MỤC ĐÍCH**\n\nTiếp tục triển khai thực hiện có hiệu quả Chương trình tổng thể cải cách\n\nhành chính nhà nước.');
    const paragraphs = model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toEqual(['I. MỤC ĐÍCH', 'Tiếp tục triển khai thực hiện có hiệu quả Chương trình tổng thể cải cách hành chính nhà nước.']);
  });

  it('reads seed 002: metadata, targets, responsibilities, a unit name in the time column', () => {
    const r = importPlanText(readFileSync(seedPath('002'), 'utf8'), { referenceYear: 2025 });
    expect(r.meta).toEqual({
      title: 'Cải cách hành chính phường An Phong 6 tháng cuối năm 2025',
      number: '/QĐ-UBND',
      issuer: 'Ủy ban nhân dân phường An Phong',
      place: 'An Phong',
      date: null,
      kind: 'half_year',
      period: { start: '2025-07-01', end: '2025-12-31' },
    });
    expect(r.targets).toHaveLength(8);
    expect(r.targets[7]).toMatchObject({ comparator: '>=', value: 90, unit: '%' });
    expect(r.responsibilities[0]).toMatchObject({ unit: 'Phòng Văn hóa - Xã hội', areas: [1, 4, 5, 7] });
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'unit_in_time_column', task: 3 }));
  });

  it('cuts the PDF-flattened rows of seed 000 into cells', () => {
    const r = importPlanText(readFileSync(seedPath('000'), 'utf8'), { referenceYear: 2025 });
    expect(r.tasks).toHaveLength(24);
    const t1 = r.tasks[0];
    expect(t1).toMatchObject({ lead: ['Phòng VH-XH'], coordinators: ['Văn phòng HĐND&UBND', 'Phòng KT', 'Trung tâm Phục vụ HCC'], product: 'Kế hoạch của UBND xã' });
    expect(t1.timeframe.text).toBe('Trong tháng 7');
    const t19 = r.tasks[18];
    expect(t19.content.endsWith('ổn định mức trợ cấp cho các đối tượng')).toBe(true);
    expect(t19.product).toBe('Báo cáo');
    expect(r.meta).toMatchObject({ number: '410/QĐ-UBND', date: '2025-07-29', issuer: 'Ủy ban nhân dân xã Cẩm Giàng' });
  });
});
