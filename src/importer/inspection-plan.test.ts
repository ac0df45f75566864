/**
 * The inspection-plan reader on seed 003 and on plans it was not written from: another ward, another
 * half-year and year, labels on their own lines, wrapped lines, and the same plan as .docx and .pdf.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportDocument } from '../documents/build';
import type { BodyBlock } from '../documents/types';
import { ImportError, type ImportedInspectionPlan, importInspectionPlanDocument, importInspectionPlanText, importPlanText, type UnitRef } from './index';
import { seedPath } from './test-helpers';

const seed003 = readFileSync(seedPath('003'), 'utf8');

const CAM_GIANG: UnitRef[] = [
  { id: 1, name: 'Văn phòng HĐND và UBND', aliases: ['Văn phòng HĐND&UBND'] },
  { id: 2, name: 'Phòng Văn hóa - Xã hội', shortName: 'Phòng VH-XH' },
  { id: 3, name: 'Phòng Kinh tế' },
  { id: 4, name: 'Trung tâm Phục vụ hành chính công', shortName: 'TT PVHCC' },
  { id: 5, name: 'Công an xã', kind: 'outside' },
];

describe('seed 003 (Cẩm Giang, 6 tháng cuối năm 2025)', () => {
  const r = importInspectionPlanText(seed003, { units: CAM_GIANG });

  it('reads the header and the half-year of the title', () => {
    expect(r.issuer.value).toBe('Ủy ban nhân dân xã Cẩm Giang');
    expect(r.place.value).toBe('Cẩm Giang');
    expect(r.title.value).toBe('Kiểm tra công tác cải cách hành chính nhà nước 6 tháng cuối năm 2025');
    expect(r.period).toMatchObject({ value: { year: 2025, half: 2 }, confidence: 'found' });
    // "Số: /KH-UBND", "ngày tháng năm 2025": left blank for the clerk, and said so.
    expect(r.number.confidence).toBe('missing');
    expect(r.date.value).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['number_blank', 'date_blank']);
  });

  it('finds the CCHC plan whose execution is inspected', () => {
    expect(r.reformPlan.value).toEqual({
      kind: 'Quyết định',
      number: '225/QĐ-UBND',
      date: '2025-07-28',
      about: 'ban hành Kế hoạch cải cách hành chính nhà nước xã Cẩm Giang 6 tháng cuối năm 2025',
    });
    expect(r.reformPlan.confidence).toBe('found');
  });

  it('reads the scope: the seven areas and the plan’s execution', () => {
    expect(r.scope.value).toEqual({ areas: [1, 2, 3, 4, 5, 6, 7], planExecution: true });
  });

  it('maps the four target units onto the commune’s units', () => {
    expect(r.targets.value).toEqual(['Văn phòng HĐND và UBND', 'Phòng Văn hóa - Xã hội', 'Phòng Kinh tế', 'Trung tâm Phục vụ hành chính công xã']);
    expect(r.mapping?.map((m) => m.unitId)).toEqual([1, 2, 3, 4]);
  });

  it('reads the dates and rules of the visits', () => {
    expect(r.reviewWindow.value).toEqual({ from: '2025-07-01', to: null });
    expect(r.visitWindow.value).toEqual({ start: '2025-11-01', end: '2025-11-30' });
    expect(r.form.value).toEqual({ scheduled: true, surprise: true });
    expect(r.noticeDays.value).toBe(5);
    expect(r.selfReport.value).toEqual({ by: '2025-11-12', workingDaysBefore: 3, to: 'Phòng Văn hóa - Xã hội' });
    for (const field of [r.reviewWindow, r.visitWindow, r.form, r.noticeDays, r.selfReport]) expect(field.confidence).toBe('found');
  });

  it('is refused by the plan importer with a message pointing to the inspection import', () => {
    const run = () => importPlanText(seed003, { referenceYear: 2025 });
    expect(run).toThrow(ImportError);
    expect(run).toThrow(/kế hoạch kiểm tra.*Nhập kế hoạch kiểm tra/s);
    try {
      run();
    } catch (e) {
      expect((e as ImportError).code).toBe('inspection_plan');
    }
  });
});

describe('documents that are not inspection plans', () => {
  it('refuses an annual plan (seed 004) and a plain letter', () => {
    for (const text of [readFileSync(seedPath('004'), 'utf8'), 'Kính gửi: Phòng Kinh tế\n\nĐề nghị đơn vị gửi báo cáo trước ngày 10/12/2025.']) {
      expect(() => importInspectionPlanText(text)).toThrow(expect.objectContaining({ code: 'not_an_inspection_plan' }));
    }
  });
});

/* ---------- a ward's plan for the first half of 2026, written differently ---------- */

const HOA_BINH: UnitRef[] = [
  { id: 11, name: 'Phòng Kinh tế, Hạ tầng và Đô thị', shortName: 'Phòng KT, HT&ĐT' },
  { id: 12, name: 'Trung tâm Phục vụ hành chính công', shortName: 'TT PVHCC' },
  { id: 13, name: 'Trạm Y tế' },
  { id: 14, name: 'Phòng Văn hóa - Xã hội' },
];

const HEADER = ['ỦY BAN NHÂN DÂN', 'PHƯỜNG HÒA BÌNH', 'Số: 45/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hòa Bình, ngày 12 tháng 3 năm 2026'];
const TITLE = ['KẾ HOẠCH', 'Kiểm tra công tác cải cách hành chính 6 tháng đầu năm 2026'];
const BODY: BodyBlock[] = [
  {
    kind: 'paragraph',
    text: 'Căn cứ Kế hoạch số 310/KH-UBND ngày 24/12/2025 của Ủy ban nhân dân phường Hòa Bình về cải cách hành chính nhà nước năm 2026; Ủy ban nhân dân phường ban hành Kế hoạch kiểm tra như sau:',
  },
  { kind: 'heading', level: 1, text: 'I. MỤC ĐÍCH, YÊU CẦU' },
  { kind: 'paragraph', text: '- Đánh giá việc thực hiện nhiệm vụ cải cách hành chính tại các cơ quan, đơn vị; kịp thời chấn chỉnh những tồn tại, hạn chế.' },
  { kind: 'heading', level: 1, text: 'II. NỘI DUNG KIỂM TRA' },
  { kind: 'paragraph', text: '1. Cải cách thủ tục hành chính: việc tiếp nhận, giải quyết hồ sơ; số hóa hồ sơ, kết quả giải quyết.' },
  { kind: 'paragraph', text: '2. Xây dựng và phát triển chính quyền số: sử dụng hệ thống quản lý văn bản, chữ ký số.' },
  { kind: 'paragraph', text: '3. Cải cách chế độ công vụ: kỷ luật, kỷ cương hành chính.' },
  { kind: 'heading', level: 1, text: 'III. ĐỐI TƯỢNG, THỜI GIAN KIỂM TRA' },
  { kind: 'paragraph', text: '1. Đối tượng kiểm tra:' },
  { kind: 'paragraph', text: '- Phòng Kinh tế, Hạ tầng và Đô thị;' },
  { kind: 'paragraph', text: '- Trung tâm Phục vụ hành chính công phường;' },
  { kind: 'paragraph', text: '- Trạm Y tế phường;' },
  { kind: 'paragraph', text: '- Phòng Tư pháp phường.' },
  { kind: 'paragraph', text: '2. Thời kỳ kiểm tra: từ ngày 01/01/2026 đến ngày 31/5/2026.' },
  { kind: 'paragraph', text: '3. Thời gian tiến hành kiểm tra: từ ngày 08/6 đến ngày 19/6/2026, lịch cụ thể do Đoàn kiểm tra thông báo.' },
  { kind: 'heading', level: 1, text: 'IV. HÌNH THỨC KIỂM TRA' },
  { kind: 'paragraph', text: '1. Hình thức kiểm tra: kiểm tra trực tiếp theo kế hoạch, có thông báo trước.' },
  {
    kind: 'paragraph',
    text: '2. Đoàn kiểm tra gửi thông báo lịch kiểm tra đến đơn vị ít nhất 07 ngày trước ngày kiểm tra. Đơn vị được kiểm tra gửi báo cáo tự kiểm tra về Đoàn kiểm tra (qua Phòng Văn hóa - Xã hội) trước ngày 03/6.',
  },
  { kind: 'heading', level: 1, text: 'V. TỔ CHỨC THỰC HIỆN' },
  { kind: 'paragraph', text: 'Phòng Văn hóa - Xã hội làm đầu mối, tham mưu thành lập Đoàn kiểm tra./.' },
];

/** The text a website copy gives: header lines one by one, paragraphs wrapped at about 70 characters. */
function wrappedText(body: BodyBlock[] = BODY): string {
  const wrap = (p: string) => p.replace(/(.{55,70}?)\s/g, '$1\n');
  return [...HEADER, '', ...TITLE, '', ...body.map((b) => (b.kind === 'figures' ? '' : wrap(b.text)))].join('\n');
}

async function variantDocx(): Promise<Buffer> {
  return buildReportDocument({
    issuer: { name: 'Ủy ban nhân dân phường Hòa Bình' },
    number: '45/KH-UBND',
    place: 'Hòa Bình',
    date: '2026-03-12',
    year: 2026,
    type: 'Kế hoạch',
    summary: TITLE[1],
    body: BODY,
    recipients: ['Các phòng, đơn vị thuộc phường;', 'Lưu: VT, VHXH.'],
    signature: { authority: 'KT', body: 'Ủy ban nhân dân', title: 'Phó Chủ tịch', name: 'Lê Văn Tâm' },
  });
}

function expectVariant(r: ImportedInspectionPlan) {
  expect(r.number.value).toBe('45/KH-UBND');
  expect(r.date.value).toBe('2026-03-12');
  expect(r.place.value).toBe('Hòa Bình');
  expect(r.period.value).toEqual({ year: 2026, half: 1 });
  expect(r.reformPlan.value).toEqual({ kind: 'Kế hoạch', number: '310/KH-UBND', date: '2025-12-24', about: 'cải cách hành chính nhà nước năm 2026' });
  // Named only as a basis, not as "kiểm tra việc thực hiện …": a reading to check.
  expect(r.reformPlan.confidence).toBe('inferred');
  expect(r.scope.value).toEqual({ areas: [3, 5, 7], planExecution: false });
  expect(r.targets.value).toEqual(['Phòng Kinh tế, Hạ tầng và Đô thị', 'Trung tâm Phục vụ hành chính công phường', 'Trạm Y tế phường', 'Phòng Tư pháp phường']);
  expect(r.mapping?.map((m) => m.unitId)).toEqual([11, 12, 13, null]);
  expect(r.reviewWindow.value).toEqual({ from: '2026-01-01', to: '2026-05-31' });
  expect(r.visitWindow.value).toEqual({ start: '2026-06-08', end: '2026-06-19' });
  expect(r.form.value).toEqual({ scheduled: true, surprise: false });
  expect(r.noticeDays.value).toBe(7);
  expect(r.selfReport.value).toEqual({ by: '2026-06-03', workingDaysBefore: null, to: 'Phòng Văn hóa - Xã hội' });
  expect(r.selfReport.confidence).toBe('inferred');
  expect(r.warnings.map((w) => w.code).sort()).toEqual(['unknown_unit', 'year_inferred']);
}

describe('a ward’s plan for the first half of 2026 (Hòa Bình)', () => {
  it('reads the text copy with wrapped lines', () => {
    expectVariant(importInspectionPlanText(wrappedText(), { units: HOA_BINH }));
  });

  it('reads the .docx (header in a two-column table)', async () => {
    const data = await variantDocx();
    expectVariant(await importInspectionPlanDocument({ data, fileName: 'kh-kiem-tra.docx', units: HOA_BINH, referenceYear: 2026 }));
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].some(existsSync);
  it.skipIf(!soffice)(
    'reads the same plan printed to PDF by LibreOffice',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cchc-insp-plan-'));
      try {
        writeFileSync(join(dir, 'plan.docx'), await variantDocx());
        execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'plan.docx')], {
          env: { ...process.env, HOME: dir },
          stdio: 'pipe',
          timeout: 180_000,
        });
        const data = readFileSync(join(dir, 'plan.pdf'));
        expectVariant(await importInspectionPlanDocument({ data, fileName: 'plan.pdf', units: HOA_BINH, referenceYear: 2026 }));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );

  it('tells a surprise-only plan and a plan with no notice rule apart from seed 003', () => {
    const body = BODY.map((b) =>
      b.kind === 'paragraph'
        ? {
            ...b,
            text: b.text
              .replace('kiểm tra trực tiếp theo kế hoạch, có thông báo trước.', 'kiểm tra đột xuất, không báo trước.')
              .replace(/Đoàn kiểm tra gửi thông báo.*?ngày kiểm tra\. /, ''),
          }
        : b,
    );
    const text = wrappedText(body);
    const r = importInspectionPlanText(text, { units: HOA_BINH });
    expect(r.form.value).toEqual({ scheduled: false, surprise: true });
    expect(r.noticeDays).toMatchObject({ value: null, confidence: 'missing' });
    expect(r.warnings.map((w) => w.code)).toContain('no_notice_rule');
  });
});
