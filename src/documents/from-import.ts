/**
 * An imported plan (src/importer) as an official plan document: header and number
 * from its metadata, its targets and responsibilities as the body, every task in
 * the appendix. What the metadata lacks is left blank for the clerk and flagged.
 */

import { translate } from '../i18n';
import type { DomainKey } from '../i18n/domain';
import type { ImportResult } from '../importer';
import type { AppendixGroup, BodyBlock, PlanDocument } from './types';
import { parseDocumentNumber, placeAndDate, roman, upperVi } from './vi-format';

export type ExportFlagCode = 'number_blank' | 'date_blank' | 'issuer_missing' | 'title_missing' | 'signer_blank' | 'task_without_area' | 'no_tasks';

export interface ExportFlag {
  code: ExportFlagCode;
  message: string;
}

export interface PlanExport {
  document: PlanDocument;
  flags: ExportFlag[];
}

const FALLBACK_ISSUER = 'Ủy ban nhân dân';

function areaName(area: number): string {
  return translate('vi', `area.${area}` as DomainKey);
}

/** "Ủy ban nhân dân xã Tiên Lãng" → "Tiên Lãng" when the importer found no place. */
function placeOf(issuer: string): string {
  return issuer.replace(/^.*?\b(xã|phường|thị trấn|đặc khu)\s+/iu, '').trim();
}

/** "Thực hiện …" body lines of an imported "- a. - b." responsibility text, one per item. */
function items(text: string): string[] {
  return text
    .split(/(?<=[.;:])\s+-\s+/u)
    .map((part) => part.replace(/^\s*-\s*/u, '').trim())
    .filter(Boolean);
}

function yearOf(result: ImportResult): number | null {
  const iso = result.meta.date ?? result.meta.period?.start ?? null;
  return iso ? Number(iso.slice(0, 4)) : null;
}

function appendixGroups(result: ImportResult): AppendixGroup[] {
  const groups = new Map<number | null, AppendixGroup>();
  result.tasks.forEach((task, index) => {
    const key = task.area;
    let group = groups.get(key);
    if (!group) {
      group = key === null ? { numeral: '', heading: 'NHIỆM VỤ KHÁC', tasks: [] } : { numeral: roman(key), heading: upperVi(areaName(key)), tasks: [] };
      groups.set(key, group);
    }
    group.tasks.push({
      number: String(task.number ?? index + 1),
      content: task.content,
      lead: task.lead.join(';\n'),
      coordinators: task.coordinators.join(';\n'),
      timeframe: task.timeframe.text,
      product: task.product,
    });
  });
  // Areas in their official order, tasks of no known area last; tasks keep the document's order inside an area.
  return [...groups.entries()].sort(([a], [b]) => (a ?? 99) - (b ?? 99)).map(([, group]) => group);
}

function body(result: ImportResult, issuer: string, summary: string): BodyBlock[] {
  const blocks: BodyBlock[] = [{ kind: 'paragraph', text: `${issuer} ban hành Kế hoạch ${summary.charAt(0).toLocaleLowerCase('vi')}${summary.slice(1)} như sau:` }];
  let section = 0;
  if (result.targets.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: `${roman(++section)}. MỘT SỐ CHỈ TIÊU CHỦ YẾU` });
    for (const target of result.targets) blocks.push({ kind: 'paragraph', text: `- ${target.text}` });
  }
  const areas = appendixGroups(result);
  if (areas.length > 0) blocks.push({ kind: 'heading', level: 1, text: `${roman(++section)}. NHIỆM VỤ, GIẢI PHÁP` });
  else return [...blocks, ...responsibilities(result, section)];
  blocks.push({
    kind: 'paragraph',
    text: `Kế hoạch gồm ${result.tasks.length} nhiệm vụ cụ thể${areas.length ? ` thuộc ${areas.length} lĩnh vực` : ''}, có cơ quan chủ trì, cơ quan phối hợp, thời gian thực hiện và sản phẩm (chi tiết tại Phụ lục kèm theo):`,
  });
  for (const group of areas) {
    const name = group.numeral ? `${group.numeral}. ${areaName(romanIndex(group.numeral))}` : 'Nhiệm vụ khác';
    blocks.push({ kind: 'paragraph', text: `- ${name}: ${group.tasks.length} nhiệm vụ.` });
  }
  return [...blocks, ...responsibilities(result, section)];
}

/** "Tổ chức thực hiện": each unit's duties, one paragraph per item. */
function responsibilities(result: ImportResult, sectionsBefore: number): BodyBlock[] {
  if (result.responsibilities.length === 0) return [];
  const blocks: BodyBlock[] = [{ kind: 'heading', level: 1, text: `${roman(sectionsBefore + 1)}. TỔ CHỨC THỰC HIỆN` }];
  result.responsibilities.forEach((r, i) => {
    blocks.push({ kind: 'heading', level: 2, text: `${i + 1}. ${r.unit}` });
    for (const item of items(r.text)) blocks.push({ kind: 'paragraph', text: `- ${item}` });
  });
  return blocks;
}

function romanIndex(numeral: string): number {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'].indexOf(numeral) + 1;
}

export function planExportFromImport(result: ImportResult): PlanExport {
  const flags: ExportFlag[] = [];
  const meta = result.meta;
  const issuer = meta.issuer ?? FALLBACK_ISSUER;
  if (!meta.issuer) flags.push({ code: 'issuer_missing', message: 'Tài liệu không ghi cơ quan ban hành; tiêu đề để "ỦY BAN NHÂN DÂN", cần bổ sung.' });
  const summary = meta.title ?? 'Cải cách hành chính nhà nước';
  if (!meta.title) flags.push({ code: 'title_missing', message: 'Tài liệu không có tên kế hoạch; đã dùng tên chung, cần sửa.' });
  const place = meta.place ?? placeOf(issuer);
  const year = yearOf(result);

  // A plan issued with a decision carries the decision's number in its "Kèm theo" line, not a number of its own.
  const parsed = parseDocumentNumber(meta.number);
  const decision = parsed && /^QĐ-/u.test(parsed.symbol) ? parsed : null;
  const number = decision ? '/KH-UBND' : parsed ? `${parsed.number}/${parsed.symbol}` : '/KH-UBND';
  // "ngày 29 tháng 7 năm 2025", or with gaps when the date is still blank.
  const dateWords = placeAndDate('', meta.date, year).replace(/^, /, '');
  const attachedTo = decision
    ? `(Kèm theo Quyết định số ${decision.number ? decision.number.padStart(2, '0') : '\u00a0'.repeat(5)}/${decision.symbol} ${dateWords} của ${issuer})`
    : null;
  if (!decision && !parsed?.number) flags.push({ code: 'number_blank', message: 'Chưa có số văn bản: để trống "Số:      /KH-UBND" cho văn thư ghi khi ban hành.' });
  if (decision && !decision.number) flags.push({ code: 'number_blank', message: 'Chưa có số quyết định ban hành kèm theo: để trống cho văn thư ghi.' });
  if (!meta.date) flags.push({ code: 'date_blank', message: 'Chưa có ngày ban hành: để trống ngày, tháng cho văn thư ghi khi ký.' });
  flags.push({ code: 'signer_blank', message: 'Chưa có họ tên người ký: để trống dưới chức danh.' });
  const withoutArea = result.tasks.filter((t) => t.area === null).length;
  if (result.tasks.length === 0) flags.push({ code: 'no_tasks', message: 'Tài liệu không có danh mục nhiệm vụ: văn bản không có phụ lục.' });
  if (withoutArea) flags.push({ code: 'task_without_area', message: `${withoutArea} nhiệm vụ chưa xác định lĩnh vực: xếp vào mục "Nhiệm vụ khác" của phụ lục.` });

  const commune = issuer.replace(/^(?:ủy|uỷ) ban nhân dân\s+/iu, '');
  const periodText = summary.match(/(6 tháng (?:đầu|cuối) )?năm \d{4}$/u)?.[0] ?? (year ? `năm ${year}` : '');
  const document: PlanDocument = {
    issuer: { name: issuer },
    number,
    place,
    date: meta.date,
    year,
    type: 'Kế hoạch',
    summary,
    attachedTo,
    body: body(result, issuer, summary),
    recipients: [
      'UBND thành phố (để báo cáo);',
      'Sở Nội vụ thành phố (để báo cáo);',
      `Thường trực Đảng ủy, HĐND ${commune};`,
      'Chủ tịch, các Phó Chủ tịch UBND;',
      'Các cơ quan, đơn vị thuộc UBND;',
      'Lưu: VT.',
    ],
    signature: { authority: 'TM', body: 'Ủy ban nhân dân', title: 'Chủ tịch', name: null },
    appendix: {
      title: `DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH ${upperVi(periodText)}`.trim(),
      note: decision
        ? `(Kèm theo Kế hoạch ban hành tại Quyết định số ${decision.number ? decision.number.padStart(2, '0') : '\u00a0'.repeat(5)}/${decision.symbol} ${dateWords} của ${issuer})`
        : `(Kèm theo Kế hoạch số ${numberInNote(number)} ${dateWords} của ${issuer})`,
      groups: appendixGroups(result),
    },
  };
  return { document, flags };
}

function numberInNote(number: string): string {
  const parsed = parseDocumentNumber(number);
  return parsed?.number ? `${parsed.number.padStart(2, '0')}/${parsed.symbol}` : `${'\u00a0'.repeat(5)}/${parsed?.symbol ?? 'KH-UBND'}`;
}
