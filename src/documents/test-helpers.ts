/** Documents the builder tests, the LibreOffice test and the benchmark share. */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { importPlanText } from '../importer';
import { seedPath } from '../importer/test-helpers';

/** The year a seed that names no period is read in (the tests' fixed day, 2026-11-23). */
const REFERENCE_YEAR = 2026;

import { type PlanExport, planExportFromImport } from './from-import';
import type { PlanDocument, ReportDocument } from './types';

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
