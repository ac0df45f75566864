import { describe, expect, it } from 'vitest';
import { conclusionDocument, inspectionConclusion, inspectionMinutes, itemsByScope, reference, tally } from './inspection';
import { docxParts, sampleConclusion, sampleMinutes } from './test-helpers';

/** The text of the document, runs joined. */
const text = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('inspection minutes (Biên bản kiểm tra)', async () => {
  const minutes = text((await docxParts(await inspectionMinutes(sampleMinutes()))).document);

  it('groups the checklist by area in the outline order, the plan execution last', () => {
    expect(itemsByScope(sampleMinutes().items).map((g) => g.scope)).toEqual([1, 2, 3, 4, 5, 6, 7, 'plan']);
    expect(tally(sampleMinutes().items)).toEqual({ pass: 6, fail: 3, na: 1, open: 0 });
  });

  it('writes the results in Vietnamese and the requests with their deadlines and owners', () => {
    for (const expected of [
      'Chưa đạt',
      'Không áp dụng',
      'Kiểm chứng: Kế hoạch số 18/KH-PKT',
      'Thời hạn hoàn thành: trước ngày 05/12/2025.',
      'Đề nghị Trung tâm Phục vụ hành chính công xã: hoàn thành 02 nhiệm vụ quá hạn',
      'Vào hồi 08 giờ 00 phút, ngày 18 tháng 11 năm 2025, tại trụ sở Phòng Kinh tế',
      'Đơn vị đã gửi báo cáo',
      'Phòng Kinh tế thống nhất với kết quả kiểm tra',
    ]) {
      expect(minutes).toContain(expected);
    }
  });

  it('says so when a surprise visit had no self-report and no findings', async () => {
    const data = {
      ...sampleMinutes(),
      surprise: true,
      selfReportDate: null,
      requests: [],
      startTime: null,
      endTime: null,
      unitOpinion: 'Đơn vị đề nghị xem xét lại nội dung số 2.',
    };
    const xml = text((await docxParts(await inspectionMinutes(data))).document);
    expect(xml).toContain('tiến hành kiểm tra đột xuất');
    expect(xml).toContain('Vào ngày 18 tháng 11 năm 2025');
    expect(xml).not.toContain('Đơn vị đã gửi báo cáo');
    expect(xml).toContain('Đoàn kiểm tra không phát hiện tồn tại, hạn chế phải khắc phục.');
    expect(xml).toContain('Đơn vị đề nghị xem xét lại nội dung số 2.');
  });

  it('leaves an item not yet assessed empty rather than guessing a result', () => {
    const items = [{ scope: 2 as const, content: 'Rà soát văn bản', result: null }];
    expect(tally(items)).toEqual({ pass: 0, fail: 0, na: 0, open: 1 });
  });
});

describe('conclusion notice (Thông báo kết luận kiểm tra)', () => {
  it('cites the inspection plan and the minutes, and lists shortcomings under their areas', () => {
    const doc = conclusionDocument(sampleConclusion());
    const body = doc.body.map((b) => (b.kind === 'figures' ? '' : b.text));
    expect(body[0]).toBe(
      'Căn cứ Kế hoạch số 312/KH-UBND ngày 20/10/2025 của Ủy ban nhân dân xã Cẩm Giang về kiểm tra công tác cải cách hành chính nhà nước 6 tháng cuối năm 2025;',
    );
    expect(body).toContain('Căn cứ Biên bản kiểm tra ngày 18/11/2025 của Đoàn kiểm tra công tác cải cách hành chính tại Phòng Kinh tế;');
    const vii = body.indexOf('VII. Xây dựng và phát triển chính quyền điện tử, chính quyền số:');
    expect(body[vii + 1]).toBe('- Việc sử dụng chữ ký số trong gửi nhận văn bản chưa thường xuyên.');
    expect(body).toContain('1. Ban hành kế hoạch thông tin, tuyên truyền cải cách hành chính. Thời hạn hoàn thành: trước ngày 05/12/2025.');
    expect(body[body.length - 1]).toBe(
      'Phòng Kinh tế tổ chức khắc phục các tồn tại, hạn chế nêu trên và báo cáo kết quả khắc phục về Ủy ban nhân dân xã Cẩm Giang (qua Phòng Văn hóa - Xã hội) trước ngày 20/12/2025./.',
    );
    expect(doc.issuer).toEqual({ name: 'Ủy ban nhân dân xã Cẩm Giang' });
  });

  it('is issued by the team under the commune with a -ĐKT number and the leader’s own signature', async () => {
    const data = { ...sampleConclusion(), issuedBy: 'team' as const, number: '05/TB-ĐKT', signature: { authority: 'own' as const, title: 'Trưởng đoàn', name: 'Nguyễn Thị Lan' } };
    const xml = text((await docxParts(await inspectionConclusion(data))).document);
    expect(xml).toContain('UBND XÃ CẨM GIANG');
    expect(xml).toContain('ĐOÀN KIỂM TRA CCHC');
    expect(xml).toContain('Số: 05/TB-ĐKT');
    expect(xml).toContain('Đoàn kiểm tra công tác cải cách hành chính thông báo kết luận kiểm tra như sau:');
    expect(xml).not.toContain('TM. ỦY BAN NHÂN DÂN');
  });

  it('names a cited document without the number it does not have', () => {
    expect(reference({ kind: 'Kế hoạch', number: '/KH-UBND', date: null, issuer: 'Ủy ban nhân dân xã Cẩm Giang', about: 'về kiểm tra' })).toBe(
      'Kế hoạch của Ủy ban nhân dân xã Cẩm Giang về kiểm tra',
    );
  });
});
