/**
 * Reads an inspection plan (Kế hoạch kiểm tra công tác CCHC, seed 003) into a draft the inspector reviews:
 * number, place and date, title and half-year, the CCHC plan under review, the scope (areas I–VII and the
 * plan's execution), the target units, the review window, the month of the visits, the forms (scheduled,
 * surprise), the notice rule and the self-report deadline. Each field says where it was read and how sure
 * the reading is; what is missing or guessed becomes a warning. Works on the paragraphs of any reader.
 */
import { extractMeta, isInspectionPlanTitle, looksLikeInspectionPlan } from './body';
import { ImportError } from './errors';
import { headerLines } from './extract';
import { fold } from './text-utils';
import type { DocModel, UnitMapping, UnitRef } from './types';
import { splitUnitList } from './unit-lexicon';
import { mapUnitNames } from './unit-matching';

/** found: read from its labelled sentence; inferred: pieced together (a year taken from the title …); missing. */
export type FieldConfidence = 'found' | 'inferred' | 'missing';

export interface ReadField<T> {
  value: T;
  confidence: FieldConfidence;
  /** The sentence it was read from, for the reviewer. */
  text: string | null;
}

export type InspectionArea = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface InspectionPlanReference {
  kind: string;
  number: string | null;
  date: string | null;
  /** What the document is, as the reference words it ("ban hành Kế hoạch cải cách hành chính …"). */
  about: string | null;
}

export type InspectionWarningCode =
  | 'number_blank'
  | 'date_blank'
  | 'no_period'
  | 'no_reform_plan'
  | 'no_scope'
  | 'no_targets'
  | 'unknown_unit'
  | 'no_review_window'
  | 'no_visit_window'
  | 'no_form'
  | 'no_notice_rule'
  | 'no_self_report_deadline'
  | 'year_inferred';

export interface InspectionPlanWarning {
  code: InspectionWarningCode;
  message: string;
}

export interface ImportedInspectionPlan {
  number: ReadField<string | null>;
  issuer: ReadField<string | null>;
  place: ReadField<string | null>;
  date: ReadField<string | null>;
  title: ReadField<string | null>;
  /** The half-year inspected (1: first six months, 2: last six months; null: the whole year) and its year. */
  period: ReadField<{ year: number; half: 1 | 2 | null } | null>;
  reformPlan: ReadField<InspectionPlanReference | null>;
  scope: ReadField<{ areas: InspectionArea[]; planExecution: boolean }>;
  /** Unit names as written, in order. */
  targets: ReadField<string[]>;
  /** Review window: from, to (null: "đến ngày được kiểm tra"). */
  reviewWindow: ReadField<{ from: string; to: string | null } | null>;
  /** When the visits take place ("trong tháng 11 năm 2025" → 1–30/11/2025). */
  visitWindow: ReadField<{ start: string; end: string } | null>;
  form: ReadField<{ scheduled: boolean; surprise: boolean }>;
  /** Calendar days of notice before a visit ("trước 05 ngày"). */
  noticeDays: ReadField<number | null>;
  /** The unit's self-report: a fixed date, working days before the visit, and where it goes. */
  selfReport: ReadField<{ by: string | null; workingDaysBefore: number | null; to: string | null }>;
  mapping?: UnitMapping[];
  warnings: InspectionPlanWarning[];
  source: { format: DocModel['format']; text: string };
}

/* ---------- small readers ---------- */

const DATE = /(?:ngày\s+)?(\d{1,2})\s*(?:\/|-|\.|\s+tháng\s+)\s*(\d{1,2})(?:\s*(?:\/|-|\.|\s+năm\s+)\s*(\d{4}))?/iu;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date of `text`; a date without its year takes `year` and says so. */
export function readDate(text: string, year: number | null): { date: string; inferred: boolean } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const y = m[3] ? Number(m[3]) : year;
  if (!y) return null;
  const date = iso(y, Number(m[2]), Number(m[1]));
  return date ? { date, inferred: !m[3] } : null;
}

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, d) as string;
}

const found = <T>(value: T, text: string | null): ReadField<T> => ({ value, confidence: 'found', text });
const inferred = <T>(value: T, text: string | null): ReadField<T> => ({ value, confidence: 'inferred', text });
const missing = <T>(value: T): ReadField<T> => ({ value, confidence: 'missing', text: null });

/** The body of the plan: the outline appended after the signature (Phụ lục, đề cương) repeats its words. */
function planBody(paragraphs: string[]): string[] {
  const end = paragraphs.findIndex((p, i) => i > 5 && /^(Nơi nhận|PHỤ LỤC|Phụ lục\b|ĐỀ CƯƠNG)/u.test(p.trim()));
  return end < 0 ? paragraphs : paragraphs.slice(0, end);
}

/** "III. ĐỐI TƯỢNG …", "2. Phương pháp kiểm tra", "a) Địa điểm …": a heading or list marker. */
const MARKER = /^(?:[IVX]+\s*[.)]|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\s*\))\s*/u;

/**
 * The text after a label ("Đối tượng kiểm tra:"), wherever it sits: on the label's line, or in the bullet
 * lines under it when the label ends its line.
 */
function labelled(paragraphs: string[], label: RegExp): { text: string; at: number } | null {
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i].replace(MARKER, '').replace(/\*+/g, '');
    const m = label.exec(fold(p));
    if (!m || m.index > 3) continue;
    const rest = p
      .slice(m.index + m[0].length)
      .replace(/^\s*[:：.-]?\s*/u, '')
      .trim();
    if (rest) return { text: rest, at: i };
    const items: string[] = [];
    for (const next of paragraphs.slice(i + 1)) {
      if (!/^[-+•]\s*/u.test(next.trim())) break;
      items.push(next.trim().replace(/^[-+•]\s*/u, ''));
    }
    if (items.length) return { text: items.join('\n'), at: i };
  }
  return null;
}

/* ---------- fields ---------- */

function readPeriod(title: string | null): ImportedInspectionPlan['period'] {
  if (!title) return missing(null);
  const f = fold(title);
  const year = /nam (\d{4})/.exec(f)?.[1] ?? /(\d{4})\s*$/.exec(f)?.[1];
  if (!year) return missing(null);
  const half = /(6|sau) thang (cuoi|sau)|nua cuoi nam/.test(f) ? 2 : /(6|sau) thang dau|nua dau nam/.test(f) ? 1 : null;
  return found({ year: Number(year), half }, title);
}

const REFERENCE =
  /(Quyết định|Kế hoạch)\s+số\s*:?\s*(\d*\s*\/\s*[\p{L}\d.-]+)(?:\s+ngày\s+([^,;]*?\d{4}))?(?:\s+của\s+[^,;]*?)?(?:\s+(?:về|V\/v)\s+(.+?))?(?=[.;]\s|[.;]?$|\.\s*[\p{Lu}])/u;

/** The CCHC plan under review: the one whose execution is inspected, else the basis naming a reform plan. */
function readReformPlan(paragraphs: string[]): ImportedInspectionPlan['reformPlan'] {
  const candidates = paragraphs
    .map((p) => ({ p, m: REFERENCE.exec(p) }))
    .filter((c): c is { p: string; m: RegExpExecArray } => c.m !== null && /cai cach hanh chinh|cchc/.test(fold(c.p)) && !/kiem tra cong tac/.test(fold(c.m[4] ?? '')));
  const execution = candidates.find((c) => /kiem tra viec (trien khai|thuc hien)|ket qua thuc hien/.test(fold(c.p)));
  const pick = execution ?? candidates[0];
  if (!pick) return missing(null);
  const [, kind, number, date, about] = pick.m;
  const value = {
    kind,
    number: number.replace(/\s+/g, ''),
    date: date ? (readDate(date, null)?.date ?? null) : null,
    about: about?.replace(/^(?:về\s+)?(?:việc\s+)?/iu, '').trim() ?? null,
  };
  return (execution ? found : inferred)(value, pick.p);
}

const AREA_WORDS: Array<[InspectionArea, RegExp]> = [
  [1, /chi dao,? dieu hanh/],
  [2, /the che/],
  [3, /thu tuc hanh chinh|\btthc\b/],
  [4, /to chuc bo may/],
  [5, /che do cong vu/],
  [6, /tai chinh cong/],
  [7, /chinh quyen dien tu|chinh quyen so/],
];

function readScope(paragraphs: string[]): ImportedInspectionPlan['scope'] {
  const start = paragraphs.findIndex((p) => /^([ivx]+\s*[.)]\s*)?noi dung kiem tra\b/.test(fold(p.replace(/\*+/g, ''))));
  if (start < 0) return missing({ areas: [], planExecution: false });
  const section: string[] = [];
  for (const p of paragraphs.slice(start + 1)) {
    if (/^[IVX]+\s*[.)]\s/u.test(p)) break;
    section.push(p);
  }
  const areas = new Set<InspectionArea>();
  let planExecution = false;
  for (const p of section) {
    const f = fold(p);
    if (/(tat ca|toan bo|cac) (cac )?linh vuc/.test(f) && !/(\(\d\)|^-)/.test(p)) for (const [a] of AREA_WORDS) areas.add(a);
    if (/(trien khai|ket qua thuc hien|viec thuc hien).*(ke hoach|quyet dinh)/.test(f)) {
      planExecution = true;
      continue;
    }
    for (const [area, re] of AREA_WORDS) if (re.test(f)) areas.add(area);
  }
  const value = { areas: [...areas].sort((a, b) => a - b), planExecution };
  return value.areas.length || planExecution ? found(value, section.join('\n')) : missing(value);
}

function readTargets(paragraphs: string[]): ImportedInspectionPlan['targets'] {
  const hit = labelled(paragraphs, /doi tuong (duoc )?kiem tra/);
  if (!hit) return missing([]);
  const names = splitUnitList(hit.text.replace(/\.\s*$/u, ''));
  return names.length ? found(names, hit.text) : missing([]);
}

function readReviewWindow(paragraphs: string[], year: number | null): ImportedInspectionPlan['reviewWindow'] {
  const hit = labelled(paragraphs, /(moc thoi gian|thoi ky|thoi gian) kiem tra|so lieu kiem tra/);
  const text = hit?.text ?? paragraphs.find((p) => /^tu ngay .* den ngay (duoc )?kiem tra/.test(fold(p)));
  if (!text) return missing(null);
  const from = /từ\s+(?:ngày\s+)?(.+?)\s+đến/iu.exec(text);
  const start = from ? readDate(from[1], year) : null;
  if (!start) return missing(null);
  const tail = text.slice((from?.index ?? 0) + (from?.[0].length ?? 0));
  const untilVisit = /^\s*(ngày\s+)?(được\s+)?kiểm tra|^\s*thời điểm kiểm tra/iu.test(tail);
  const end = untilVisit ? null : readDate(tail, year);
  const value = { from: start.date, to: end?.date ?? null };
  return start.inferred || end?.inferred ? inferred(value, text) : found(value, text);
}

function readVisitWindow(paragraphs: string[], year: number | null): ImportedInspectionPlan['visitWindow'] {
  const hit = labelled(paragraphs, /thoi diem (tien hanh )?kiem tra|thoi gian (tien hanh )?kiem tra|thoi gian thuc hien/);
  const text = hit?.text ?? paragraphs.find((p) => /thuc hien kiem tra (trong|tu)/.test(fold(p))) ?? null;
  if (!text) return missing(null);
  const range = /từ\s+(?:ngày\s+)?(\d{1,2}(?:\/\d{1,2})?(?:\/\d{4})?)\s+đến\s+(?:ngày\s+)?(\d{1,2}\/\d{1,2}(?:\/\d{4})?)/iu.exec(text);
  if (range) {
    const end = readDate(range[2], year);
    const startText = range[1].includes('/') ? range[1] : `${range[1]}/${end?.date.slice(5, 7)}`;
    const start = end ? readDate(startText, Number(end.date.slice(0, 4))) : null;
    if (start && end) return (end.inferred ? inferred : found)({ start: start.date, end: end.date }, text);
  }
  const month = /tháng\s+(\d{1,2})(?:\s*(?:\/|năm)\s*(\d{4}))?/iu.exec(text);
  if (month) {
    const m = Number(month[1]);
    const y = month[2] ? Number(month[2]) : year;
    if (y && m >= 1 && m <= 12) return (month[2] ? found : inferred)({ start: iso(y, m, 1) as string, end: lastDayOfMonth(y, m) }, text);
  }
  const quarter = /quý\s+(I{1,3}|IV|[1-4])(?:\s*(?:\/|năm)\s*(\d{4}))?/iu.exec(text);
  if (quarter) {
    const q = { I: 1, II: 2, III: 3, IV: 4 }[quarter[1].toUpperCase() as 'I'] ?? Number(quarter[1]);
    const y = quarter[2] ? Number(quarter[2]) : year;
    if (y) return (quarter[2] ? found : inferred)({ start: iso(y, q * 3 - 2, 1) as string, end: lastDayOfMonth(y, q * 3) }, text);
  }
  return missing(null);
}

function readForm(paragraphs: string[]): ImportedInspectionPlan['form'] {
  const hit = labelled(paragraphs, /hinh thuc kiem tra/);
  if (!hit) return missing({ scheduled: true, surprise: false });
  const f = fold(hit.text);
  const surprise = /dot xuat|khong (thong )?bao truoc/.test(f);
  const scheduled = /theo ke hoach|dinh ky|co thong bao|truc tiep/.test(f) || !surprise;
  return found({ scheduled, surprise }, hit.text);
}

function readNotice(paragraphs: string[]): ImportedInspectionPlan['noticeDays'] {
  for (const p of paragraphs) {
    const f = fold(p);
    if (!/thong bao/.test(f)) continue;
    const m = /(?:truoc|it nhat|toi thieu)\s+(\d{1,2})\s+ngay(?! lam viec)/.exec(f);
    if (m && /(lich|ke hoach|thong bao) kiem tra|truoc ngay kiem tra|ngay kiem tra/.test(f)) return found(Number(m[1]), p);
  }
  return missing(null);
}

/** "Các cơ quan … xây dựng báo cáo gửi Đoàn kiểm tra (qua Phòng Văn hóa - Xã hội, trước ngày 12/11/2025)". */
function readSelfReport(paragraphs: string[], year: number | null): ImportedInspectionPlan['selfReport'] {
  let by: { date: string; inferred: boolean } | null = null;
  let to: string | null = null;
  let workingDaysBefore: number | null = null;
  const texts: string[] = [];
  for (const p of paragraphs) {
    const f = fold(p);
    if (!/bao cao/.test(f) || !/(duoc kiem tra|doan kiem tra)/.test(f)) continue;
    const due = /trước\s+ngày\s+(\d{1,2}\s*(?:\/|tháng)\s*\d{1,2}(?:\s*(?:\/|năm)\s*\d{4})?)/iu.exec(p);
    if (due && !by && /(gui|nop) (ve )?(doan kiem tra|bao cao)|xay dung bao cao/.test(f)) {
      by = readDate(due[1], year);
      to = /\(?qua\s+([^,;)]+)/u.exec(p)?.[1]?.trim() ?? null;
      texts.push(p);
    }
    const days = /(\d{1,2})\s+ngay lam viec/.exec(f);
    if (days && workingDaysBefore === null && /truoc|cham nhat/.test(f)) {
      workingDaysBefore = Number(days[1]);
      if (!texts.includes(p)) texts.push(p);
    }
  }
  const value = { by: by?.date ?? null, workingDaysBefore, to };
  if (!by && workingDaysBefore === null) return missing(value);
  return by?.inferred ? inferred(value, texts.join('\n')) : found(value, texts.join('\n'));
}

/* ---------- the whole ---------- */

const MESSAGES: Record<InspectionWarningCode, string> = {
  number_blank: 'Số kế hoạch để trống (chưa cấp số): vui lòng nhập khi có.',
  date_blank: 'Ngày ban hành để trống: vui lòng nhập khi có.',
  no_period: 'Không đọc được kỳ kiểm tra (6 tháng đầu/cuối năm …) từ tiêu đề.',
  no_reform_plan: 'Không tìm thấy kế hoạch cải cách hành chính được kiểm tra (Quyết định/Kế hoạch số …).',
  no_scope: 'Không đọc được nội dung kiểm tra (các lĩnh vực I–VII, việc thực hiện kế hoạch).',
  no_targets: 'Không tìm thấy đối tượng kiểm tra (các cơ quan, đơn vị được kiểm tra).',
  unknown_unit: 'Chưa nhận ra đơn vị "{name}"; vui lòng chọn đơn vị tương ứng.',
  no_review_window: 'Không đọc được mốc thời gian kiểm tra (từ ngày … đến ngày …).',
  no_visit_window: 'Không đọc được thời điểm tiến hành kiểm tra (trong tháng …).',
  no_form: 'Không tìm thấy hình thức kiểm tra; mặc định là kiểm tra theo kế hoạch.',
  no_notice_rule: 'Không tìm thấy quy định thông báo lịch kiểm tra trước bao nhiêu ngày.',
  no_self_report_deadline: 'Không tìm thấy hạn gửi báo cáo của đơn vị được kiểm tra.',
  year_inferred: '{what}: ngày ghi không có năm, đã lấy năm {year} của kế hoạch; vui lòng kiểm tra.',
};

function warning(code: InspectionWarningCode, params: Record<string, string> = {}): InspectionPlanWarning {
  return { code, message: MESSAGES[code].replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m) };
}

export interface InspectionPlanOptions {
  units?: UnitRef[];
}

export function extractInspectionPlan(model: DocModel, options: InspectionPlanOptions = {}): ImportedInspectionPlan {
  const all = model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text.trim()] : b.kind === 'flat-table' ? b.lines : []));
  const meta = extractMeta(headerLines(model));
  if (!isInspectionPlanTitle(meta.title) && !looksLikeInspectionPlan(null, all)) throw new ImportError('not_an_inspection_plan');
  const body = planBody(all);
  const period = readPeriod(meta.title);
  const year = period.value?.year ?? (meta.date ? Number(meta.date.slice(0, 4)) : null);
  const number = meta.number && /^\d/.test(meta.number) ? found(meta.number, meta.number) : { value: meta.number, confidence: 'missing' as const, text: meta.number };
  const result: ImportedInspectionPlan = {
    number,
    issuer: meta.issuer ? found(meta.issuer, meta.issuer) : missing(null),
    place: meta.place ? found(meta.place, meta.place) : missing(null),
    date: meta.date ? found(meta.date, meta.date) : missing(null),
    title: meta.title ? found(meta.title, meta.title) : missing(null),
    period,
    reformPlan: readReformPlan(body),
    scope: readScope(body),
    targets: readTargets(body),
    reviewWindow: readReviewWindow(body, year),
    visitWindow: readVisitWindow(body, year),
    form: readForm(body),
    noticeDays: readNotice(body),
    selfReport: readSelfReport(body, year),
    warnings: [],
    source: { format: model.format, text: all.join('\n') },
  };
  result.warnings = warningsOf(result, year);
  if (options.units) {
    result.mapping = mapUnitNames(result.targets.value, options.units);
    for (const m of result.mapping) if (m.kind === 'unknown') result.warnings.push(warning('unknown_unit', { name: m.name }));
  }
  return result;
}

function warningsOf(r: ImportedInspectionPlan, year: number | null): InspectionPlanWarning[] {
  const out: InspectionPlanWarning[] = [];
  const checks: Array<[ReadField<unknown>, InspectionWarningCode]> = [
    [r.number, 'number_blank'],
    [r.date, 'date_blank'],
    [r.period, 'no_period'],
    [r.reformPlan, 'no_reform_plan'],
    [r.scope, 'no_scope'],
    [r.targets, 'no_targets'],
    [r.reviewWindow, 'no_review_window'],
    [r.visitWindow, 'no_visit_window'],
    [r.form, 'no_form'],
    [r.noticeDays, 'no_notice_rule'],
    [r.selfReport, 'no_self_report_deadline'],
  ];
  for (const [field, code] of checks) if (field.confidence === 'missing') out.push(warning(code));
  const guessed: Array<[ReadField<unknown>, string]> = [
    [r.reviewWindow, 'Mốc thời gian kiểm tra'],
    [r.visitWindow, 'Thời điểm kiểm tra'],
    [r.selfReport, 'Hạn gửi báo cáo'],
  ];
  for (const [field, what] of guessed) if (field.confidence === 'inferred') out.push(warning('year_inferred', { what, year: String(year ?? '') }));
  return out;
}
