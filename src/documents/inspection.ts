/**
 * The two documents of a CCHC inspection visit (seed 003, IV.2: "thông qua Biên bản kiểm tra và ban hành
 * Thông báo kết luận kiểm tra"), generated from what the team recorded, in the Nghị định 30/2020 format of
 * the plans and reports: the same header, title, body paragraphs, closing and page numbers.
 */
import { Packer, Paragraph, Table, type TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { page, toDocument } from './build';
import { mm, PORTRAIT_TEXT_WIDTH_MM } from './format';
import { bodyBlocks, bodyParagraph, cell, documentChildren, emptyHeader, gridCell, headerTable, NO_BORDERS, pageNumberHeader, signatureColumn, title } from './parts';
import type {
  BodyBlock,
  ChecklistItem,
  ChecklistResult,
  DocumentReference,
  InspectionConclusionData,
  InspectionMinutesData,
  InspectionPerson,
  InspectionRecord,
  InspectionScope,
  OfficialDocument,
} from './types';
import { longDate, roman, shortDate } from './vi-format';

/** The areas as seed 003 names them in "II. NỘI DUNG KIỂM TRA"; the plan's execution comes last (VIII). */
const SCOPE_TITLES: Record<Exclude<InspectionScope, 'plan'>, string> = {
  followup: 'Kết quả khắc phục tồn tại, hạn chế theo kết luận kiểm tra trước (phúc tra)',
  1: 'Công tác chỉ đạo, điều hành cải cách hành chính',
  2: 'Cải cách thể chế',
  3: 'Cải cách thủ tục hành chính',
  4: 'Cải cách tổ chức bộ máy',
  5: 'Cải cách chế độ công vụ',
  6: 'Cải cách tài chính công',
  7: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
};
export const SCOPES: InspectionScope[] = [1, 2, 3, 4, 5, 6, 7, 'plan', 'followup'];

export const RESULT_LABELS: Record<Exclude<ChecklistResult, null>, string> = { pass: 'Đạt', fail: 'Chưa đạt', na: 'Không áp dụng' };

const TEAM = 'Đoàn kiểm tra công tác cải cách hành chính';

/** The plan's execution names the CCHC plan under review when it is known (seed 003: "Quyết định số 225/QĐ-UBND …"). */
export function scopeTitle(scope: InspectionScope, reformPlan?: DocumentReference | null): string {
  if (scope !== 'plan') return SCOPE_TITLES[scope];
  return `Việc triển khai và kết quả thực hiện ${reformPlan ? reference(reformPlan) : 'Kế hoạch cải cách hành chính'}`;
}

function scopeNumeral(scope: InspectionScope): string {
  return roman(scope === 'plan' ? 8 : scope === 'followup' ? 9 : scope);
}

/** "Kế hoạch số 12/KH-UBND ngày 20/10/2025 của Ủy ban nhân dân xã Cẩm Giang về …"; a blank number is left out. */
export function reference(ref: DocumentReference): string {
  const number = ref.number && /^\d/.test(ref.number) ? ` số ${ref.number}` : '';
  const date = ref.date ? ` ngày ${shortDate(ref.date)}` : '';
  const about = ref.about ? ` về ${ref.about.replace(/^về\s+/iu, '')}` : '';
  return `${ref.kind}${number}${date} của ${ref.issuer}${about}`;
}

/** "UBND xã Cẩm Giang": the short form a team's header puts above its own name. */
function shortCommune(commune: string): string {
  return commune.replace(/^(?:Ủy|Uỷ) ban nhân dân\s+/iu, 'UBND ');
}

function person(p: InspectionPerson, role?: string): string {
  const position = [p.title, p.unit].filter(Boolean).join(', ');
  return `- ${p.name}${position ? `, ${position}` : ''}${role ? ` – ${role}` : ''};`;
}

function reviewWindow(record: InspectionRecord): string {
  const to = record.reviewTo ? `ngày ${shortDate(record.reviewTo)}` : `ngày được kiểm tra (${shortDate(record.visitDate)})`;
  return `từ ngày ${shortDate(record.reviewFrom)} đến ${to}`;
}

function clock(time: string): string {
  const [h, m] = time.split(':');
  return `${h.padStart(2, '0')} giờ ${(m ?? '00').padStart(2, '0')} phút`;
}

const paragraph = (text: string, italic?: boolean): BodyBlock => ({ kind: 'paragraph', text, italic });
const heading = (text: string, level: 1 | 2 = 1): BodyBlock => ({ kind: 'heading', text, level });

/** Items by scope, in the order of the outline; scopes with nothing recorded are left out. */
export function itemsByScope(items: ChecklistItem[]): { scope: InspectionScope; items: ChecklistItem[] }[] {
  return SCOPES.map((scope) => ({ scope, items: items.filter((i) => i.scope === scope) })).filter((g) => g.items.length > 0);
}

export function tally(items: ChecklistItem[]): { pass: number; fail: number; na: number; open: number } {
  const count = (r: ChecklistResult) => items.filter((i) => i.result === r).length;
  return { pass: count('pass'), fail: count('fail'), na: count('na'), open: count(null) };
}

function tallyText(items: ChecklistItem[]): string {
  const t = tally(items);
  const open = t.open ? `, ${t.open} nội dung chưa đánh giá` : '';
  return `Tổng hợp: ${items.length} nội dung được kiểm tra, trong đó ${t.pass} nội dung đạt, ${t.fail} nội dung chưa đạt, ${t.na} nội dung không áp dụng${open}.`;
}

/* ---------- the checklist table of the minutes ---------- */

/** TT | Nội dung kiểm tra | Kết quả | Nhận xét, tài liệu kiểm chứng: 165 mm, the portrait text width. */
const CHECKLIST_MM = [12, 78, 22, 53];
export const CHECKLIST_COLUMNS = ['TT', 'Nội dung kiểm tra', 'Kết quả', 'Nhận xét, tài liệu kiểm chứng'] as const;
const tableCell = (lines: { text: string; italic?: boolean }[], column: number, options?: Parameters<typeof gridCell>[3]): TableCell =>
  gridCell(CHECKLIST_MM, column, lines, options);

function itemRow(item: ChecklistItem, n: number): TableRow {
  const notes = [...(item.comment ? [{ text: item.comment }] : []), ...(item.evidence?.length ? [{ text: `Kiểm chứng: ${item.evidence.join('; ')}`, italic: true }] : [])];
  return new TableRow({
    cantSplit: true,
    children: [
      tableCell([{ text: String(n) }], 0, { center: true }),
      tableCell([{ text: item.content }], 1),
      tableCell([{ text: item.result ? RESULT_LABELS[item.result] : '' }], 2, { center: true, bold: item.result === 'fail' }),
      tableCell(notes, 3),
    ],
  });
}

function checklistTable(record: InspectionRecord): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: CHECKLIST_COLUMNS.map((text, i) => tableCell([{ text }], i, { bold: true, center: true })),
  });
  const rows = itemsByScope(record.items).flatMap(({ scope, items }) => [
    new TableRow({
      cantSplit: true,
      // An area's heading row goes to the next page with its first item.
      children: [
        tableCell([{ text: scopeNumeral(scope) }], 0, { bold: true, center: true, keepNext: true }),
        tableCell([{ text: scopeTitle(scope, record.reformPlan) }], 1, { bold: true, span: 3, keepNext: true }),
      ],
    }),
    ...items.map((item, i) => itemRow(item, i + 1)),
  ]);
  return new Table({
    width: { size: mm(PORTRAIT_TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: CHECKLIST_MM.map(mm),
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

/* ---------- Biên bản kiểm tra ---------- */

function minutesOpening(data: InspectionMinutesData): BodyBlock[] {
  const when = data.startTime ? `Vào hồi ${clock(data.startTime)}, ${longDate(data.visitDate)}` : `Vào ${longDate(data.visitDate)}`;
  const basis = [paragraph(`Căn cứ ${reference(data.plan)};`)];
  if (data.teamDecision) basis.push(paragraph(`Căn cứ ${reference(data.teamDecision)};`));
  const form = data.surprise ? 'kiểm tra đột xuất' : 'kiểm tra';
  return [
    ...basis,
    paragraph(`${when}, tại ${data.location}, ${TEAM} của ${data.commune} tiến hành ${form} công tác cải cách hành chính tại ${data.unit}.`),
    heading('I. THÀNH PHẦN'),
    heading('1. Đoàn kiểm tra', 2),
    paragraph(person(data.leader, 'Trưởng đoàn')),
    ...data.members.map((m) => paragraph(person(m, 'Thành viên'))),
    heading(`2. Đại diện ${data.unit}`, 2),
    ...(data.representatives.length ? data.representatives.map((r) => paragraph(person(r))) : [paragraph('(Không có đại diện đơn vị tham dự.)', true)]),
    heading('II. NỘI DUNG VÀ KẾT QUẢ KIỂM TRA'),
    paragraph(`Thời kỳ kiểm tra: ${reviewWindow(data)}.`),
    paragraph(
      data.selfReportDate
        ? `Đơn vị đã gửi báo cáo tình hình, kết quả thực hiện công tác cải cách hành chính đến Đoàn kiểm tra ngày ${shortDate(data.selfReportDate)}. Đoàn kiểm tra đã nghe đại diện đơn vị báo cáo, kiểm tra hồ sơ, tài liệu liên quan; kết quả kiểm tra theo từng lĩnh vực như sau:`
        : 'Đoàn kiểm tra đã làm việc với đại diện đơn vị, kiểm tra hồ sơ, tài liệu liên quan; kết quả kiểm tra theo từng lĩnh vực như sau:',
    ),
  ];
}

function requestText(request: InspectionConclusionData['requests'][number], unit: string, withFinding: boolean): string {
  const owner = request.owner && request.owner !== unit ? `${request.owner}: ` : '';
  const due = request.deadline ? ` Thời hạn hoàn thành: trước ngày ${shortDate(request.deadline)}.` : '';
  const finding = withFinding ? `${request.finding.replace(/[.;]\s*$/u, '')}. Đề nghị ` : '';
  const what = withFinding ? request.request.charAt(0).toLocaleLowerCase('vi') + request.request.slice(1) : request.request;
  return `${finding}${owner}${what.replace(/[.;]\s*$/u, '')}.${due}`;
}

function minutesClosing(data: InspectionMinutesData): BodyBlock[] {
  const requests = data.requests.length
    ? data.requests.map((r, i) => paragraph(`${i + 1}. ${requestText(r, data.unit, true)}`))
    : [paragraph('Đoàn kiểm tra không phát hiện tồn tại, hạn chế phải khắc phục.')];
  return [
    paragraph(tallyText(data.items), true),
    heading('III. TỒN TẠI, HẠN CHẾ VÀ KIẾN NGHỊ CỦA ĐOÀN KIỂM TRA'),
    ...requests,
    heading('IV. Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA'),
    paragraph(data.unitOpinion?.trim() || `${data.unit} thống nhất với kết quả kiểm tra và các kiến nghị của Đoàn kiểm tra.`),
  ];
}

/** The last paragraph stays on the page of the signatures. */
function minutesLastParagraph(data: InspectionMinutesData): Paragraph {
  const copies = String(data.copies ?? 2).padStart(2, '0');
  const end = data.endTime ? `Buổi kiểm tra kết thúc vào hồi ${clock(data.endTime)} cùng ngày.` : 'Buổi kiểm tra kết thúc cùng ngày.';
  return bodyParagraph(
    `${end} Biên bản được lập thành ${copies} bản có giá trị như nhau, đã được đọc lại cho các thành phần tham dự cùng nghe và thống nhất ký tên; Đoàn kiểm tra giữ 01 bản, ${data.unit} giữ 01 bản./.`,
    { keepNext: true },
  );
}

/** The unit's head on the left, the team leader on the right, as both sign the minutes. */
function minutesSignatures(data: InspectionMinutesData): Table {
  const half = PORTRAIT_TEXT_WIDTH_MM / 2;
  const head = data.representatives[0];
  return new Table({
    width: { size: mm(PORTRAIT_TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(half), mm(half)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          // Two heading lines on each side, so the names print on one line.
          cell(signatureColumn(['Đơn vị được kiểm tra', head?.title || 'Thủ trưởng đơn vị'], head?.name ?? null), half),
          cell(signatureColumn(['Đoàn kiểm tra', 'Trưởng đoàn'], data.leader.name), half),
        ],
      }),
    ],
  });
}

export function minutesHeader(data: InspectionMinutesData): OfficialDocument {
  return {
    issuer: { governingBody: shortCommune(data.commune), name: 'Đoàn kiểm tra CCHC' },
    number: data.number ?? '/BB-ĐKT',
    place: data.place,
    date: data.visitDate,
    year: Number(data.visitDate.slice(0, 4)),
    type: 'Biên bản',
    summary: `Kiểm tra công tác cải cách hành chính tại ${data.unit}`,
    body: [],
    recipients: [],
    signature: { authority: 'own', title: 'Trưởng đoàn kiểm tra', name: data.leader.name },
  };
}

/** Biên bản kiểm tra: who, when, where, the checklist per area, the findings and requests, both signatures. */
export async function inspectionMinutes(data: InspectionMinutesData): Promise<Buffer> {
  const doc = minutesHeader(data);
  const children = [
    headerTable(doc),
    ...title(doc),
    ...bodyBlocks(minutesOpening(data)),
    new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
    checklistTable(data),
    ...bodyBlocks(minutesClosing(data)),
    minutesLastParagraph(data),
    new Paragraph({ spacing: { before: 240, after: 0 }, keepNext: true, children: [] }),
    minutesSignatures(data),
  ];
  const section = { properties: { page: page('portrait'), titlePage: true }, headers: { default: pageNumberHeader(), first: emptyHeader() }, children };
  return Packer.toBuffer(toDocument([section], `${doc.type} ${doc.summary}`));
}

/* ---------- Thông báo kết luận kiểm tra ---------- */

function shortcomingBlocks(data: InspectionConclusionData): BodyBlock[] {
  const all = [...(data.shortcomings ?? []), ...data.requests.map((r) => ({ scope: r.scope, text: r.finding }))];
  if (all.length === 0) return [paragraph('Không có tồn tại, hạn chế phải khắc phục.')];
  const groups = [...SCOPES, null].map((scope) => ({ scope, texts: all.filter((s) => s.scope === scope).map((s) => s.text) })).filter((g) => g.texts.length);
  return groups.flatMap(({ scope, texts }) => [
    ...(scope === null ? (groups.length > 1 ? [paragraph('Nội dung khác:', true)] : []) : [paragraph(`${scopeNumeral(scope)}. ${scopeTitle(scope, data.reformPlan)}:`, true)]),
    ...texts.map((t) => paragraph(`- ${t.replace(/[.;]\s*$/u, '')}.`)),
  ]);
}

export function conclusionDocument(data: InspectionConclusionData): OfficialDocument {
  const byCommune = data.issuedBy === 'commune';
  const speaker = byCommune ? data.commune : TEAM;
  const form = data.surprise ? 'kiểm tra đột xuất' : 'kiểm tra';
  const t = tally(data.items);
  const basis = [paragraph(`Căn cứ ${reference(data.plan)};`)];
  if (data.teamDecision) basis.push(paragraph(`Căn cứ ${reference(data.teamDecision)};`));
  basis.push(paragraph(`Căn cứ Biên bản kiểm tra ngày ${shortDate(data.visitDate)} của ${TEAM} tại ${data.unit};`));
  const remedy = data.remedyReportBy
    ? `${data.unit} tổ chức khắc phục các tồn tại, hạn chế nêu trên và báo cáo kết quả khắc phục về ${data.commune}${data.remedyReportTo ? ` (qua ${data.remedyReportTo})` : ''} trước ngày ${shortDate(data.remedyReportBy)}./.`
    : `${data.unit} tổ chức khắc phục các tồn tại, hạn chế nêu trên và báo cáo kết quả khắc phục về ${data.commune}${data.remedyReportTo ? ` (qua ${data.remedyReportTo})` : ''} ngay khi hoàn thành./.`;
  return {
    issuer: byCommune ? { name: data.commune } : { governingBody: shortCommune(data.commune), name: 'Đoàn kiểm tra CCHC' },
    number: data.number,
    place: data.place,
    date: data.date,
    year: Number((data.date ?? data.visitDate).slice(0, 4)),
    type: 'Thông báo',
    summary: `Kết luận kiểm tra công tác cải cách hành chính tại ${data.unit}`,
    body: [
      ...basis,
      paragraph(
        `Ngày ${shortDate(data.visitDate)}, ${TEAM} của ${data.commune} đã tiến hành ${form} công tác cải cách hành chính tại ${data.unit}; thời kỳ kiểm tra ${reviewWindow(data)}. ` +
          `Xét báo cáo kết quả kiểm tra của Trưởng đoàn kiểm tra, ${speaker} thông báo kết luận kiểm tra như sau:`,
      ),
      heading('I. ĐÁNH GIÁ CHUNG'),
      ...data.assessment.map((text) => paragraph(text)),
      paragraph(`Đoàn kiểm tra đã kiểm tra ${data.items.length} nội dung: ${t.pass} nội dung đạt, ${t.fail} nội dung chưa đạt, ${t.na} nội dung không áp dụng.`),
      heading('1. Ưu điểm', 2),
      ...(data.strengths.length ? data.strengths.map((s) => paragraph(`- ${s.replace(/[.;]\s*$/u, '')}.`)) : [paragraph('(Không ghi nhận.)', true)]),
      heading('2. Tồn tại, hạn chế', 2),
      ...shortcomingBlocks(data),
      heading('II. YÊU CẦU'),
      ...(data.requests.length
        ? [paragraph(`${speaker} yêu cầu ${data.unit}:`), ...data.requests.map((r, i) => paragraph(`${i + 1}. ${requestText(r, data.unit, false)}`))]
        : [paragraph(`${data.unit} tiếp tục duy trì, phát huy những kết quả đã đạt được.`)]),
      paragraph(remedy),
    ],
    recipients: data.recipients,
    signature: data.signature,
  };
}

/** Thông báo kết luận kiểm tra, issued by the UBND (…/TB-UBND) or by the team (…/TB-ĐKT). */
export async function inspectionConclusion(data: InspectionConclusionData): Promise<Buffer> {
  const doc = conclusionDocument(data);
  const section = {
    properties: { page: page('portrait'), titlePage: true },
    headers: { default: pageNumberHeader(), first: emptyHeader() },
    children: documentChildren(doc),
  };
  return Packer.toBuffer(toDocument([section], `${doc.type} ${doc.summary}`));
}
