/**
 * The plan's body: header metadata, key targets (chỉ tiêu) and the per-unit
 * responsibilities of "Tổ chức thực hiện". Works on paragraphs, whatever the reader.
 */

import { fold } from './text-utils';
import type { Comparator, ImportedMeta, ImportedResponsibility, ImportedTarget, PlanKind } from './types';

const HEAD_PARAGRAPHS = 40;

function titleCase(s: string): string {
  return s
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

/** "ngày 05 tháng 01 năm 2027", "ngày 05/01/2027"; the day may be left blank in a draft ("ngày   tháng 01 năm 2026"). */
const DATE_AFTER_PLACE = /,\s*ngày\s+(\d{1,2})?\s*(?:\/|tháng)\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/iu;
const NUMBER_LINE = /^Số\s*:?\s*([0-9A-Za-zĐđ.-]*\/[\p{L}\d.\-/]+)/u;
/** "Số:" with the code on the next line ("Số:" / "125/KH-UBND"). */
const NUMBER_ALONE = /^Số\s*:?\s*$/u;
const NUMBER_CODE = /^([0-9]*\/[\p{L}\d.\-/]+)/u;
/** A document code standing among other words: "125/KH-UBND", "48/QĐ-UBND". */
const CODE_IN_LINE = /(?:^|\s)(\d*\/[\p{Lu}Đ]{1,6}(?:-[\p{Lu}Đ]{1,8})+)(?=\s|$)/u;
const ATTACHED = /Kèm theo\s+(?:Quyết định|Kế hoạch|Công văn)\s+số\s*:?\s*([0-9]*\/[\p{L}\d.-]+)(?:\s+ngày\s+(\d{1,2})?\s*(?:\/|tháng)\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4}))?/u;
/** The national heading printed beside the issuer: a PDF line or a header table may run it into other text. */
const NATIONAL_HEADING = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/giu;
/** A place name: capitalised words ("Buôn Ma Thuột", "Tiên Lãng"), possibly after "TP." or "Thành phố". */
const PLACE_TAIL = /((?:(?:TP\.|Tp\.|TX\.)\s*|(?:Thành phố|Thị xã|Thị trấn)\s+)?\p{Lu}[\p{Ll}\p{M}]*(?:(?:[ \t]+|\s+[-–]\s+)\p{Lu}[\p{Ll}\p{M}]*){0,5})\s*$/u;

function iso(y: string, m: string, d: string | undefined): string | null {
  if (!d) return null;
  const mm = Number(m);
  const dd = Number(d);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

const UPPER_WORD = '\\p{Lu}+';
const TITLE_WORD = '\\p{Lu}\\p{Ll}*';
/** Header form "ỦY BAN NHÂN DÂN XÃ CẨM GIÀNG" (name in capitals) and body form "Ủy ban nhân dân xã Tiên Lãng". */
const COMMUNE_UPPER = new RegExp(`(?:ỦY|UỶ) BAN NHÂN DÂN\\s+(XÃ|PHƯỜNG|THỊ TRẤN)\\s+(${UPPER_WORD}(?:[ \\t]+${UPPER_WORD}){0,3})(?![\\p{L}])`, 'u');
const COMMUNE_TITLE = new RegExp(`(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\\s+(xã|phường|thị trấn)\\s+(${TITLE_WORD}(?:[ \\t]+${TITLE_WORD}){0,3})`, 'u');

/** Issuing commune: the header's "ỦY BAN NHÂN DÂN / XÃ …", else the first "Ủy ban nhân dân xã …" of the text. */
function findIssuer(paragraphs: string[]): { issuer: string; name: string } | null {
  const head = paragraphs
    .slice(0, 12)
    .map((p) => p.replace(NATIONAL_HEADING, ' ').trim())
    .join('\n');
  const all = paragraphs.join('\n');
  const upper = COMMUNE_UPPER.exec(head);
  const m = upper ?? COMMUNE_TITLE.exec(all);
  if (!m) return null;
  const kind = m[1].toLocaleLowerCase('vi');
  const name = upper ? wrappedName(titleCase(m[2]), head.slice(upper.index + upper[0].length), kind, all) : titleCase(m[2]);
  return { issuer: `Ủy ban nhân dân ${kind} ${name}`, name };
}

/**
 * A long name in a narrow masthead column goes on over the next line ("PHƯỜNG LÊ THANH" / "NGHỊ"). The
 * next upper-case line is taken as the name's end only when the document names the commune so
 * elsewhere ("… phường Lê Thanh Nghị …", or the place line "Lê Thanh Nghị, ngày …"): a heading or a
 * motto below the issuer is not part of it.
 */
function wrappedName(name: string, rest: string, kind: string, text: string): string {
  const next = new RegExp(`^[ \\t]*\\n[ \\t]*(${UPPER_WORD}(?:[ \\t]+${UPPER_WORD}){0,2})[ \\t]*(?:\\n|$)`, 'u').exec(rest);
  if (!next) return name;
  const longer = `${name} ${titleCase(next[1])}`;
  const key = fold(longer);
  const named = fold(text).includes(`${fold(kind)} ${key}`) || text.split('\n').some((line) => fold(line).startsWith(`${key},`));
  return named ? longer : name;
}

const TITLE_STOP = /^(?:Căn cứ|Thực hiện|Kèm theo|\(|[IVX]+\s*[.)]|\d+\s*[.)]|[-_=*.–—\s]+$)/u;

/** Upper-case text, or a line of digits only ("2027" left alone by a break). */
function isUpper(line: string): boolean {
  return /[\p{L}\d]/u.test(line) && line === line.toLocaleUpperCase('vi');
}

/**
 * The title after "KẾ HOẠCH", however many lines it was broken into ("… CẢI" / "CÁCH HÀNH CHÍNH …
 * NĂM 2027"): an upper-case title goes on while the lines stay upper-case; a mixed-case one while it
 * has not yet named its year and the lines stay short.
 */
function titleFrom(paragraphs: string[], at: number, first: string): string {
  const parts = [first];
  const upper = isUpper(first);
  for (let i = at; i < Math.min(paragraphs.length, at + 5); i++) {
    const line = paragraphs[i].trim();
    if (!line || TITLE_STOP.test(line) || line.length > 160) break;
    const joined = parts.join(' ');
    if (upper ? !isUpper(line) : /năm \d{4}|\d{4}\s*$/iu.test(joined) || isUpper(line)) break;
    parts.push(line);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function findTitle(paragraphs: string[]): string | null {
  for (let i = 0; i < Math.min(paragraphs.length, HEAD_PARAGRAPHS + 40); i++) {
    const p = paragraphs[i].trim();
    if (/^KẾ HOẠCH$/u.test(p) && paragraphs[i + 1]) return titleFrom(paragraphs, i + 2, paragraphs[i + 1].trim());
    const m = /^KẾ HOẠCH\s+(.{10,})$/u.exec(p);
    if (m && !/^KẾ HOẠCH\s+(số|này)(?!\p{L})/iu.test(p)) return titleFrom(paragraphs, i + 1, m[1].trim());
  }
  return null;
}

function kindOf(title: string): PlanKind | null {
  const f = fold(title);
  if (/kiem tra/.test(f)) return 'inspection';
  if (/6 thang|sau thang|nua nam/.test(f)) return 'half_year';
  if (/nam \d{4}/.test(f)) return 'annual';
  return 'thematic';
}

/** A title naming an inspection of CCHC work ("Kiểm tra công tác cải cách hành chính …"). */
export function isInspectionPlanTitle(title: string | null): boolean {
  return title !== null && /kiem tra cong tac (cai cach hanh chinh|cchc)|^kiem tra (cai cach hanh chinh|cchc)/.test(fold(title));
}

/** The sections only an inspection plan has: whom it inspects and what it checks ("Đối tượng kiểm tra", "Nội dung kiểm tra"). */
export function looksLikeInspectionPlan(title: string | null, paragraphs: string[]): boolean {
  const sections = paragraphs.filter((p) => /^([ivx]+\s*[.)]\s*|\d+\s*[.)]\s*)?\**\s*(doi tuong|noi dung|hinh thuc)[^:]{0,30}kiem tra\b/.test(fold(p))).length;
  return title === null ? sections >= 2 : isInspectionPlanTitle(title) && sections >= 1;
}

function periodOf(title: string): { start: string; end: string } | null {
  const f = fold(title);
  const year = /nam (\d{4})/.exec(f)?.[1];
  if (!year) return null;
  if (/6 thang cuoi|sau thang cuoi/.test(f)) return { start: `${year}-07-01`, end: `${year}-12-31` };
  if (/6 thang dau|sau thang dau/.test(f)) return { start: `${year}-01-01`, end: `${year}-06-30` };
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The document number: "Số: 125/KH-UBND", or "Số:" with the code on the next line. */
function findNumber(lines: string[]): string | null {
  // "Số: 210 /KH-UBND", or "Số: 210" with "/KH-UBND" on the next line: the code is one token.
  const head = lines.map((l, i) => {
    if (!/^Số(?!\p{L})/u.test(l)) return l;
    const joined = /^Số\s*:?\s*\d+\s*$/u.test(l) && /^\//.test(lines[i + 1] ?? '') ? `${l}${lines[i + 1]}` : l;
    return joined.replace(/(\d)\s*\/\s*(?=[\p{Lu}Đ])/u, '$1/');
  });
  // Both header columns on one PDF line: "Số: 210 Cam Lâm, ngày 20/6/" then "/KH-UBND 2027".
  for (let i = 0; i + 1 < head.length; i++) {
    const digits = /^Số\s*:?\s*(\d+)(?=\s|$)/u.exec(head[i]);
    const code = /^\/[\p{Lu}Đ][\p{L}\d.-]*/u.exec(head[i + 1]);
    if (digits && code) return digits[1] + code[0];
  }
  for (let i = 0; i < head.length; i++) {
    const n = NUMBER_LINE.exec(head[i]);
    if (n) return /[-/]$/.test(n[1]) && head[i + 1] ? n[1] + (NUMBER_CODE.exec(head[i + 1].trim())?.[1] ?? /^[\p{Lu}\d.-]+/u.exec(head[i + 1].trim())?.[0] ?? '') : n[1];
    // "Số:" alone, or (two header columns run into one PDF line) "Số: Buôn Ma Thuột, ngày …": the code is on a next line.
    // PDF lines may merge both columns: "Số: Buôn Ma Thuột, ngày 05 tháng 01 125/KH-UBND năm 2027".
    if (NUMBER_ALONE.test(head[i].trim()) || /^Số\s*:\s*\D/u.test(head[i].trim())) {
      const inLine = CODE_IN_LINE.exec(head[i]);
      if (inLine) return inLine[1];
      for (const next of head.slice(i + 1, i + 3)) {
        const code = NUMBER_CODE.exec(next.trim());
        if (code) return code[1];
      }
    }
  }
  return null;
}

/** A line of nothing but capitalised words ("Hòa Bình"): the first half of a place name wrapped before its comma. */
const PLACE_LINE = /^\p{Lu}[\p{Ll}\p{M}]*(?:[ \t]+\p{Lu}[\p{Ll}\p{M}]*){0,3}$/u;

/**
 * "Hòa Bình" / "Đông, ngày 14 tháng 3": when the place opens its line, the line before may hold its first words.
 * Upper-case header lines (the issuer), the motto and numbers never match PLACE_LINE.
 */
function withWrappedStart(place: string, before: string, previous: string | undefined): string {
  if (before !== place || previous === undefined) return place;
  const start = previous.replace(NATIONAL_HEADING, ' ').replace(/\s+/g, ' ').trim();
  return PLACE_LINE.test(start) ? `${start} ${place}` : place;
}

/**
 * "Buôn Ma Thuột, ngày 05 tháng 01 năm 2027": the place is every capitalised word before the comma
 * (a number or the national motto may precede it on a PDF line), and the date may run over the next
 * lines when the line was wrapped.
 */
function findPlaceDate(head: string[]): { place: string; date: string | null } | null {
  for (let i = 0; i < head.length; i++) {
    if (/^(Căn cứ|Thực hiện|Kèm theo|\(Kèm)/u.test(head[i])) continue;
    // A number from the other header column may sit between the wrapped halves of the date.
    const window = head
      .slice(i, i + 3)
      .map((p) => p.replace(NATIONAL_HEADING, ' ').replace(/(?:^|\s)\d*\/[\p{Lu}Đ][\p{L}\d.-]*/gu, ' '))
      .join(' ')
      .replace(/\s+/g, ' ');
    const line = head[i].replace(NATIONAL_HEADING, ' ').replace(/\s+/g, ' ');
    // The comma must be on this line (the place stands before it), or the line ends with the place.
    const comma = line.search(/,\s*(ngày\b|$)/u);
    if (comma < 0) continue;
    const before = line
      .slice(0, comma)
      .replace(/^Số\s*:?\s*\S*\/\S*/u, '')
      .trim();
    const place = PLACE_TAIL.exec(before)?.[1];
    if (!place) continue;
    const d = DATE_AFTER_PLACE.exec(window.slice(window.indexOf(place) + place.length));
    if (!d) continue;
    return { place: withWrappedStart(place.trim(), before, head[i - 1]), date: iso(d[3], d[2], d[1]) };
  }
  return null;
}

export function extractMeta(paragraphs: string[]): ImportedMeta {
  const head = paragraphs.slice(0, HEAD_PARAGRAPHS).map((p) => p.trim());
  let number = findNumber(head);
  const placeDate = findPlaceDate(head);
  let date = placeDate?.date ?? null;
  if (number === null) {
    const attached = head.map((p) => ATTACHED.exec(p)).find((m) => m !== null);
    if (attached) {
      number = attached[1];
      if (attached[4]) date = iso(attached[4], attached[3], attached[2]);
    }
  }
  const issuer = findIssuer(paragraphs);
  const title = findTitle(paragraphs);
  return {
    title,
    number,
    issuer: issuer?.issuer ?? null,
    place: placeDate?.place ?? issuer?.name ?? null,
    date,
    kind: title ? kindOf(title) : null,
    period: title ? periodOf(title) : null,
  };
}

/* ---------- targets ---------- */

const ROMAN_HEADING = /^[IVX]{1,4}\s*[.)]\s/u;
const MARKERS: Array<[string, RegExp]> = [
  ['num', /^\d{1,2}\s*[.)]\s+/u],
  ['alpha', /^[a-zđ]\s*\)\s+/u],
  ['dash', /^[-+•]\s+/u],
];

function markerType(p: string): string | null {
  for (const [name, re] of MARKERS) if (re.test(p)) return name;
  return null;
}

function stripMarker(p: string): string {
  for (const [, re] of MARKERS) if (re.test(p)) return p.replace(re, '');
  return p;
}

function isTargetsHeading(p: string): boolean {
  const f = fold(p);
  return p.length < 90 && /chi tieu/.test(f) && (ROMAN_HEADING.test(p) || /^\d{1,2}\s*[.)]\s/.test(p));
}

export function parseTarget(text: string): ImportedTarget {
  const m = /(\d+(?:[.,]\d+)?)\s*%/.exec(text);
  if (!m) return { text, comparator: null, value: null, unit: null };
  const value = Number(m[1].replace(',', '.'));
  const before = fold(text.slice(Math.max(0, m.index - 30), m.index));
  const after = fold(text.slice(m.index + m[0].length, m.index + m[0].length + 15));
  let comparator: Comparator = '=';
  if (/(toi thieu|it nhat|khong thap hon|khong duoi)\s*$/.test(before) || /^\s*(tro len)/.test(after)) comparator = '>=';
  else if (/(toi da|khong qua|khong vuot qua)\s*$/.test(before) || /^\s*tro xuong/.test(after)) comparator = '<=';
  else if (/(tren|hon)\s*$/.test(before)) comparator = '>';
  else if (/duoi\s*$/.test(before)) comparator = '<';
  return { text, comparator, value, unit: '%' };
}

export function extractTargets(paragraphs: string[]): ImportedTarget[] {
  // "I. MỤC ĐÍCH, YÊU CẦU, MỘT SỐ CHỈ TIÊU" may precede the real "2. Một số chỉ tiêu chủ yếu".
  const specific = paragraphs.findIndex((p) => isTargetsHeading(p) && /^(?:[IVX]+|\d+)\s*[.)]\s*(mot so )?chi tieu/.test(fold(p)));
  const start = specific >= 0 ? specific : paragraphs.findIndex(isTargetsHeading);
  if (start < 0) return [];
  const items: string[] = [];
  let type: string | null = null;
  for (const p of paragraphs.slice(start + 1)) {
    if (ROMAN_HEADING.test(p)) break;
    const t = markerType(p);
    if (type === null && t !== null) type = t;
    if (t !== null && t === type) items.push(stripMarker(p));
    else if (t === null && items.length > 0 && p.length > 0 && !/^[A-ZĐ\s,]+$/u.test(p)) items[items.length - 1] += ` ${p}`;
    else break;
  }
  return items.map((text) => parseTarget(text.trim()));
}

/* ---------- responsibilities ---------- */

const ENTRY_MARKER = /^(?:\d+(?:\.\d+)*\s*\.?|[a-zđ]\s*\))\s+/u;
const CLOSING = /^(trong qua trinh|tren day|noi nhan|tm\.|phu luc|kinh phi)/;
/** Where a paragraph's subject ends and its predicate starts ("… chủ động triển khai …"). */
const PREDICATE = /\s(?:chủ động|có trách nhiệm|chịu trách nhiệm|triển khai|tích cực|tập trung|thực hiện|phối hợp|tham mưu|căn cứ|theo dõi|tổ chức thực hiện)\b/u;
const AREA_WORDS: Array<[number, RegExp]> = [
  [1, /chi dao,? dieu hanh/],
  [2, /the che/],
  [3, /thu tuc hanh chinh/],
  [4, /to chuc bo may/],
  [5, /che do cong vu/],
  [6, /tai chinh cong/],
  [7, /chinh quyen dien tu|chinh quyen so/],
];

function isAssignmentHeading(p: string): boolean {
  const f = fold(p);
  return p.length < 160 && /phan cong/.test(f) && /(trach nhiem|nhiem vu)/.test(f);
}

/** Areas the unit is given the lead on: "Chủ trì … (các nội dung về) X; Y". */
export function leadAreas(text: string): number[] {
  const areas = new Set<number>();
  for (const sentence of text.split(/(?:^|\s)-\s+|\.\s+/u)) {
    const f = fold(sentence);
    const at = f.indexOf('chu tri');
    if (at < 0) continue;
    const rest = f.slice(at);
    const about = rest.indexOf('noi dung ve');
    const scope = about >= 0 ? rest.slice(about) : rest;
    for (const [area, re] of AREA_WORDS) if (re.test(scope)) areas.add(area);
  }
  return [...areas].sort((a, b) => a - b);
}

function entryUnit(body: string): { unit: string; isHeading: boolean } {
  const trimmed = body.replace(/^Đề nghị\s+/u, '').trim();
  const predicate = PREDICATE.exec(trimmed);
  if (!predicate && trimmed.length <= 120) return { unit: trimmed.replace(/[.:;]+$/u, '').trim(), isHeading: true };
  const unit = predicate ? trimmed.slice(0, predicate.index) : trimmed;
  return { unit: unit.replace(/[.:;,]+$/u, '').trim(), isHeading: false };
}

export function extractResponsibilities(paragraphs: string[]): ImportedResponsibility[] {
  const start = paragraphs.findIndex(isAssignmentHeading);
  if (start < 0) return [];
  const out: Array<{ unit: string; parts: string[] }> = [];
  for (const p of paragraphs.slice(start + 1)) {
    const f = fold(p);
    if (ROMAN_HEADING.test(p) || CLOSING.test(f) || (/^[A-ZĐ .]+$/u.test(p) && p.length > 3)) break;
    if (ENTRY_MARKER.test(p) && !/^[-+]/.test(p)) {
      const body = p.replace(ENTRY_MARKER, '');
      const { unit, isHeading } = entryUnit(body);
      out.push({ unit, parts: isHeading ? [] : [body] });
    } else if (out.length > 0) {
      out[out.length - 1].parts.push(p);
    }
  }
  return out.map(({ unit, parts }) => {
    const text = parts.join(' ').replace(/\s+/g, ' ').trim();
    return { unit, areas: leadAreas(text), text };
  });
}
