/** Documents the builder tests, the LibreOffice test and the benchmark share. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { importPlanText } from '../importer';
import { seedPath } from '../importer/test-helpers';

/** The year a seed that names no period is read in (the tests' fixed day, 2026-11-23). */
const REFERENCE_YEAR = 2026;

import { type PlanExport, planExportFromImport } from './from-import';
import type { InspectionConclusionData, InspectionMinutesData, InspectionRecord, PlanDocument, ReportDocument } from './types';

/**
 * Converts a .docx to PDF with LibreOffice in `dir`, with its own profile there, so parallel or leftover
 * instances never lock each other out; returns the PDF's path.
 */
export function docxToPdf(dir: string, name: string, bytes: Buffer): string {
  const docx = join(dir, `${name}.docx`);
  writeFileSync(docx, bytes);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    env: { ...process.env, HOME: dir },
    stdio: 'pipe',
    timeout: 120_000,
  });
  return join(dir, `${name}.pdf`);
}

export function planExportOfSeed(id: string): PlanExport {
  return planExportFromImport(importPlanText(readFileSync(seedPath(id), 'utf8'), { referenceYear: REFERENCE_YEAR }));
}

/** A plan of exactly `count` tasks, cycling through seed 004's tasks (the benchmark's 40-task plan). */
export function planWithTasks(count: number): PlanDocument {
  const { document } = planExportOfSeed('004');
  const all = document.appendix.groups.flatMap((g) => g.tasks.map((t) => ({ group: g, task: t })));
  const groups = document.appendix.groups.map((g) => ({ ...g, tasks: [] as typeof g.tasks }));
  for (let i = 0; i < count; i++) {
    const { group, task } = all[i % all.length];
    groups[document.appendix.groups.indexOf(group)].tasks.push({ ...task, number: String(i + 1) });
  }
  return { ...document, appendix: { ...document.appendix, groups: groups.filter((g) => g.tasks.length > 0) } };
}

/** A quarterly report as the reports feature will fill it in. */
export function sampleReport(): ReportDocument {
  return {
    issuer: { name: 'Ủy ban nhân dân xã Tiên Lãng' },
    number: '15/BC-UBND',
    place: 'Tiên Lãng',
    date: '2026-03-09',
    year: 2026,
    type: 'Báo cáo',
    summary: 'Kết quả thực hiện công tác cải cách hành chính quý I năm 2026',
    body: [
      { kind: 'paragraph', text: 'Thực hiện Kế hoạch cải cách hành chính nhà nước xã Tiên Lãng năm 2026, Ủy ban nhân dân xã báo cáo kết quả quý I năm 2026 như sau:' },
      { kind: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' },
      { kind: 'heading', level: 2, text: '1. Công tác chỉ đạo, điều hành' },
      { kind: 'paragraph', text: 'Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2026 đúng thời hạn; giao nhiệm vụ cụ thể cho từng cơ quan, đơn vị.' },
      {
        kind: 'figures',
        caption: 'Kết quả thực hiện nhiệm vụ đến ngày 09/3/2026:',
        columns: ['Nội dung', 'Tổng số', 'Hoàn thành', 'Đang thực hiện', 'Quá hạn'],
        rows: [
          ['Nhiệm vụ trong Kế hoạch cải cách hành chính', 38, 9, 27, 2],
          ['Nhiệm vụ UBND thành phố giao', 6, 5, 1, 0],
        ],
      },
      { kind: 'heading', level: 2, text: '2. Cải cách thủ tục hành chính' },
      { kind: 'paragraph', text: 'Tiếp nhận 1.245 hồ sơ, giải quyết đúng hạn 1.231 hồ sơ (đạt 98,9%); tỷ lệ hồ sơ trực tuyến đạt 72,4%.' },
      { kind: 'heading', level: 1, text: 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN' },
      { kind: 'paragraph', text: 'Một số đơn vị cập nhật kết quả thực hiện nhiệm vụ chưa kịp thời.' },
      { kind: 'heading', level: 1, text: 'III. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026' },
      { kind: 'paragraph', text: 'Tiếp tục thực hiện các nhiệm vụ còn lại của Kế hoạch; tăng cường kiểm tra công tác cải cách hành chính tại các đơn vị.' },
    ],
    recipients: ['Sở Nội vụ thành phố;', 'Chủ tịch, các Phó Chủ tịch UBND xã;', 'Lưu: VT, VHXH.'],
    signature: { authority: 'KT', body: 'Ủy ban nhân dân', title: 'Phó Chủ tịch', name: 'Trần Văn Minh' },
  };
}

export interface DocxParts {
  document: string;
  styles: string;
  headers: string[];
}

export async function docxParts(bytes: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => {
    const part = zip.file(name);
    if (!part) throw new Error(`no ${name} in the .docx`);
    return part.async('string');
  };
  const headerNames = Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
  return { document: await text('word/document.xml'), styles: await text('word/styles.xml'), headers: await Promise.all(headerNames.map(text)) };
}

/** A visit as the team records it (seed 003's plan carried out at Phòng Kinh tế). */
export function sampleInspection(): InspectionRecord {
  return {
    commune: 'Ủy ban nhân dân xã Cẩm Giang',
    place: 'Cẩm Giang',
    unit: 'Phòng Kinh tế',
    plan: {
      kind: 'Kế hoạch',
      number: '312/KH-UBND',
      date: '2025-10-20',
      issuer: 'Ủy ban nhân dân xã Cẩm Giang',
      about: 'kiểm tra công tác cải cách hành chính nhà nước 6 tháng cuối năm 2025',
    },
    reformPlan: {
      kind: 'Quyết định',
      number: '225/QĐ-UBND',
      date: '2025-07-28',
      issuer: 'Ủy ban nhân dân xã Cẩm Giang',
      about: 'việc ban hành Kế hoạch cải cách hành chính nhà nước xã Cẩm Giang 6 tháng cuối năm 2025',
    },
    visitDate: '2025-11-18',
    startTime: '08:00',
    endTime: '11:30',
    location: 'trụ sở Phòng Kinh tế',
    reviewFrom: '2025-07-01',
    reviewTo: null,
    surprise: false,
    leader: { name: 'Nguyễn Thị Lan', title: 'Phó Chủ tịch UBND xã' },
    members: [
      { name: 'Trần Văn Hùng', title: 'Trưởng phòng', unit: 'Phòng Văn hóa - Xã hội' },
      { name: 'Lê Thu Hà', title: 'Chuyên viên', unit: 'Văn phòng HĐND và UBND' },
    ],
    representatives: [
      { name: 'Phạm Quốc Bảo', title: 'Trưởng phòng' },
      { name: 'Đỗ Minh Tuấn', title: 'Chuyên viên phụ trách CCHC' },
    ],
    selfReportDate: '2025-11-11',
    items: [
      {
        scope: 1,
        content: 'Ban hành kế hoạch cải cách hành chính của đơn vị 6 tháng cuối năm 2025',
        result: 'pass',
        comment: 'Ban hành ngày 05/8/2025.',
        evidence: ['Kế hoạch số 18/KH-PKT'],
      },
      { scope: 1, content: 'Xây dựng và triển khai kế hoạch thông tin, tuyên truyền CCHC', result: 'fail', comment: 'Chưa ban hành kế hoạch tuyên truyền.' },
      { scope: 2, content: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật thuộc lĩnh vực phụ trách', result: 'pass' },
      { scope: 3, content: 'Giải quyết hồ sơ thủ tục hành chính đúng hạn', result: 'pass', comment: '412/415 hồ sơ đúng hạn (99,3%).' },
      { scope: 3, content: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', result: 'fail', comment: 'Tỷ lệ số hóa 62%, thấp hơn chỉ tiêu 100%.' },
      { scope: 4, content: 'Ban hành quy chế làm việc của đơn vị', result: 'pass', evidence: ['Quyết định số 07/QĐ-PKT'] },
      { scope: 5, content: 'Chấp hành kỷ luật, kỷ cương hành chính', result: 'pass' },
      { scope: 6, content: 'Thực hiện cơ chế tự chủ tại đơn vị sự nghiệp công lập', result: 'na', comment: 'Đơn vị không có đơn vị sự nghiệp trực thuộc.' },
      { scope: 7, content: 'Sử dụng hệ thống quản lý văn bản và điều hành, chữ ký số', result: 'pass' },
      {
        scope: 'plan',
        content: 'Hoàn thành nhiệm vụ được giao trong Kế hoạch CCHC 6 tháng cuối năm 2025',
        result: 'fail',
        comment: '5/7 nhiệm vụ hoàn thành; 2 nhiệm vụ quá hạn.',
      },
    ],
    requests: [
      {
        scope: 1,
        finding: 'Chưa ban hành kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2025',
        request: 'Ban hành kế hoạch thông tin, tuyên truyền cải cách hành chính',
        deadline: '2025-12-05',
      },
      {
        scope: 3,
        finding: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính mới đạt 62%',
        request: 'Hoàn thành số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn tồn',
        deadline: '2025-12-15',
      },
      {
        scope: 'plan',
        finding: 'Còn 02 nhiệm vụ trong Kế hoạch cải cách hành chính quá hạn chưa hoàn thành',
        request: 'Hoàn thành 02 nhiệm vụ quá hạn và cập nhật kết quả trên hệ thống',
        owner: 'Trung tâm Phục vụ hành chính công xã',
        deadline: '2025-12-10',
      },
    ],
  };
}

export function sampleMinutes(): InspectionMinutesData {
  return { ...sampleInspection(), unitOpinion: null };
}

export function sampleConclusion(): InspectionConclusionData {
  return {
    ...sampleInspection(),
    number: '/TB-UBND',
    date: '2025-11-25',
    issuedBy: 'commune',
    assessment: [
      'Phòng Kinh tế đã quan tâm triển khai công tác cải cách hành chính; ban hành kế hoạch của đơn vị kịp thời, phân công cán bộ theo dõi, tổng hợp; các nhiệm vụ trọng tâm cơ bản được thực hiện theo kế hoạch.',
    ],
    strengths: ['Ban hành kế hoạch cải cách hành chính của đơn vị đúng thời hạn', 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 99,3%'],
    shortcomings: [{ scope: 7, text: 'Việc sử dụng chữ ký số trong gửi nhận văn bản chưa thường xuyên' }],
    remedyReportTo: 'Phòng Văn hóa - Xã hội',
    remedyReportBy: '2025-12-20',
    recipients: ['Phòng Kinh tế;', 'Chủ tịch, các Phó Chủ tịch UBND xã;', 'Thành viên Đoàn kiểm tra;', 'Lưu: VT, VHXH.'],
    signature: { authority: 'KT', body: 'Ủy ban nhân dân', title: 'Phó Chủ tịch', name: 'Nguyễn Thị Lan' },
  };
}
