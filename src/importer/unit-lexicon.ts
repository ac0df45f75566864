/**
 * Generic vocabulary of Vietnamese commune unit names: the heads a unit name
 * starts with, the abbreviations plans use, and how a cell naming several
 * units is cut into one entry per unit. Nothing here names a particular commune.
 */
import type { TUnitKind } from '../contract/vocabulary';
import { matchKey } from '../domain/text/normalize';
import { cleanKeepLines, fold, isLowerInitial, isUpperInitial } from './text-utils';

/** Heads that start a unit name on their own (folded). Longest first when tested. */
const STRONG_HEADS = [
  'van phong',
  'phong',
  'trung tam',
  'cong an',
  'tram',
  'uy ban',
  'ubnd',
  'ub mttq',
  'ubmttq',
  'mttq',
  'mat tran',
  'bo phan',
  'so',
  'chi cuc',
  'kho bac',
  'bao hiem',
  'dang uy',
  'ban chi huy',
  'ban chi dao',
  'thuong truc',
  'hoi dong',
  'hdnd',
  'cac',
  'co quan',
  'toa an',
  'vien kiem sat',
  'thanh tra',
  'truong',
  'cong doan',
  'doan thanh nien',
  'hoi lien hiep',
  'chi bo',
  'bch',
  'tt',
  'vp',
];
/** Heads that are also ordinary words ("Ban hành", "Hội nghị"): need a capitalised next word. */
const WEAK_HEADS = ['ban', 'hoi', 'doan', 'bo', 'to', 'dai', 'ngan hang', 'cong ty', 'lanh dao', 'chu tich'];

/** Lower-case words that may follow a strong head inside a unit name ("Trung tâm phục vụ…", "Phòng chuyên môn"). */
const LOWER_NAME_WORDS = new Set([
  'chuyen',
  'van',
  'kinh',
  'noi',
  'tu',
  'tai',
  'y',
  'phuc',
  'dich',
  'su',
  'hanh',
  'giao',
  'quan',
  'xa',
  'phuong',
  'thi',
  'nhan',
  'to',
  'doan',
  'the',
  'chi',
  'hoi',
  'ha',
  'co',
  'don',
  'phong',
  'nganh',
  'dang',
  'mat',
  'van hoa',
  'ky',
  'cong',
  'lien',
  'truc',
  'mot',
]);

/** Organisation nouns that, lower-case after a comma, start another unit ("…, đơn vị sự nghiệp công lập"). */
const ORG_NOUNS = ['co quan', 'don vi', 'to chuc', 'phong', 'ban', 'nganh', 'doan the', 'cac', 'trung tam', 'hoi', 'doanh nghiep'];

/** Words that leave a unit name open at the end of a line ("Văn phòng HĐND và / UBND xã"). */
export const OPEN_ENDINGS = /(?:\b(?:và|của|thuộc|các|với)|[&,\-–(/])$/iu;

function startsWithPhrase(folded: string, phrase: string): boolean {
  return folded === phrase || folded.startsWith(`${phrase} `) || folded.startsWith(`${phrase},`);
}

function wordsAfter(folded: string, phrase: string): string {
  return folded.slice(phrase.length).trim();
}

/**
 * How strongly `text` looks like the start of a unit name: 2 strong head with a
 * name after it, 1 weak, 0 not a unit. Case matters: unit names are capitalised.
 */
export function unitStartScore(text: string): number {
  const cached = startCache.get(text);
  if (cached !== undefined) return cached;
  const score = computeStartScore(text);
  if (startCache.size > 20_000) startCache.clear();
  startCache.set(text, score);
  return score;
}

/** The flattened-table search asks the same question many times. */
const startCache = new Map<string, number>();

function computeStartScore(text: string): number {
  const t = text.trim();
  if (!t || !isUpperInitial(t)) return 0;
  const folded = fold(t);
  const original = t.split(/\s+/);
  for (const head of STRONG_HEADS) {
    if (!startsWithPhrase(folded, head)) continue;
    const headWords = head.split(' ').length;
    const next = original[headWords] ?? '';
    const rest = wordsAfter(folded, head);
    if (head === 'cac') return ORG_NOUNS.some((n) => startsWithPhrase(rest, n)) ? 2 : 0;
    if (head === 'co quan') return 2;
    if (!next) return headWords > 1 || head === 'ubnd' || head === 'hdnd' || head === 'mttq' ? 2 : 1;
    if (isUpperInitial(next)) return 2;
    const nextFold = rest.split(' ')[0] ?? '';
    if (LOWER_NAME_WORDS.has(nextFold) && !['tt', 'vp', 'bch'].includes(head)) return 2;
    return 0;
  }
  for (const head of WEAK_HEADS) {
    if (!startsWithPhrase(folded, head)) continue;
    const next = original[head.split(' ').length] ?? '';
    return next && isUpperInitial(next) ? 1 : 0;
  }
  return 0;
}

export function isUnitStart(text: string): boolean {
  return unitStartScore(text) > 0;
}

/** "Các phòng, đơn vị thuộc phường", "Các cơ quan, đơn vị liên quan": every unit of some kind. */
export function isCatchAll(name: string): boolean {
  const f = fold(name);
  if (isOutsideBody(name)) return false;
  return /^(cac|toan bo|tat ca)\b/.test(f) && ORG_NOUNS.some((n) => f.includes(n));
}

const OUTSIDE_PATTERNS = [
  /^(uy ban )?mat tran/,
  /^(uy ban |ub ?)?mttq/,
  /^ubmttq/,
  /^so\b/,
  /^bo\b/,
  /^(cac )?(bo|so), nganh/,
  /^(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|van phong ubnd|van phong uy ban nhan dan) (thanh pho|tinh|tp|quan|huyen)\b/,
  /^(cac )?doan the/,
  /^doan thanh nien/,
  /^hoi (cuu chien binh|nong dan|lien hiep|phu nu)/,
  /^cong doan/,
  /^co quan dang/,
  /^dang uy/,
  /^(cac )?to chuc (chinh tri|xa hoi)/,
  /^chi cuc/,
  /^kho bac/,
  /^bao hiem xa hoi/,
  /^toa an/,
  /^vien kiem sat/,
  /^thanh uy/,
  /^tinh uy/,
  /^chinh phu/,
  /^trung uong/,
  /^(cac )?co quan bao chi/,
  /^cong an (thanh pho|tinh)/,
  /^nguoi dan/,
  /^doanh nghiep/,
];

/** Bodies outside the commune's apparatus: city, departments, Front, mass organisations. */
export function isOutsideBody(name: string): boolean {
  // "sơ" folds like "Sở": a lower-case start is an outside body only for generic plural forms.
  if (isLowerInitial(name.trim()) && !/^(các|cơ quan|tổ chức|đoàn thể|mặt trận)\s/iu.test(name.trim())) return false;
  const f = fold(name)
    .replace(/[^a-z0-9, ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return OUTSIDE_PATTERNS.some((re) => re.test(f));
}

/* ---------- matching keys ---------- */

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bvh ?xh\b/g, 'van hoa xa hoi'],
  [/\bkt ht ?dt\b/g, 'kinh te ha tang do thi'],
  [/\bht ?dt\b/g, 'ha tang do thi'],
  [/\bkt\b/g, 'kinh te'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bpv ?hcc\b/g, 'phuc vu hanh chinh cong'],
  [/\bhcc\b/g, 'hanh chinh cong'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\bdv ?snc\b/g, 'dich vu su nghiep cong'],
  [/\bsnc\b/g, 'su nghiep cong'],
  [/\bvhtt ?tt\b/g, 'van hoa the thao truyen thong'],
  [/^tt\b/g, 'trung tam'],
  [/^vp\b/g, 'van phong'],
  [/\bhoi dong dan\b/g, 'hoi dong nhan dan'],
];

/** Filler words that do not tell two units apart ("và", the locality suffix). */
const FILLER = new Set(['va', 'cua']);
const LOCALITY_SUFFIX = /(?:\s(?:thuoc )?(?:ubnd |uy ban nhan dan )?(?:xa|phuong|thi tran))+$/;

/**
 * A key for *matching* a written name to a commune's units: the one stored key (matchKey:
 * NFC/NFD, case, diacritics, punctuation, invisible characters) with abbreviations expanded
 * (VH-XH, KT,HT&ĐT, HĐND&UBND, HCC), "&"/"và" and the trailing "xã/phường" dropped.
 * Never stored: expansion makes it longer than the name, and "Phòng KT" must stay an alias
 * of "Phòng Kinh tế", not a clash with it. Names with one matchKey always share one unitKey.
 */
export function unitKey(name: string): string {
  let k = matchKey(name);
  k = k.replace(LOCALITY_SUFFIX, '');
  for (const [re, full] of ABBREVIATIONS) k = k.replace(re, full);
  return k
    .split(' ')
    .filter((w) => w && !FILLER.has(w))
    .join(' ')
    .replace(LOCALITY_SUFFIX, '')
    .trim();
}

/* ---------- cutting a cell into unit names ---------- */

/** Whether a new line in a unit cell starts another unit (no comma needed between lines). */
function lineStartsUnit(prev: string, line: string): boolean {
  if (OPEN_ENDINGS.test(prev.trim())) return false;
  return unitStartScore(line) >= 1;
}

/** "A và các cơ quan…" / "A và Phòng B": "và" joins two units, but not "HĐND và UBND". */
function splitOnAnd(piece: string): string[] {
  const parts = piece.split(/\s+và\s+/u);
  if (parts.length === 1) return [piece];
  const out: string[] = [parts[0]];
  for (const part of parts.slice(1)) {
    const prev = out[out.length - 1];
    const f = fold(part);
    const sameOffice = /^(ubnd|uy ban nhan dan)\b/.test(f) && /(hdnd|hoi dong nhan dan|hoi dong dan)$/.test(fold(prev));
    const catchAll = /^cac\s/.test(f) && ORG_NOUNS.some((n) => f.slice(4).startsWith(n));
    const unit = unitStartScore(part) >= 2 && !sameOffice;
    if (unitStartScore(prev) > 0 && (catchAll || unit)) out.push(part);
    else out[out.length - 1] = `${prev} và ${part}`;
  }
  return out;
}

function splitOnComma(piece: string): string[] {
  const parts = piece.split(/\s*,\s+/);
  const out: string[] = [parts[0]];
  for (const part of parts.slice(1)) {
    const cur = out[out.length - 1];
    if (shouldSplitBeforeComma(cur, part)) out.push(part);
    else out[out.length - 1] = `${cur}, ${part}`;
  }
  return out;
}

function shouldSplitBeforeComma(cur: string, next: string): boolean {
  if (isUpperInitial(next)) return unitStartScore(next) >= 1;
  if (!isLowerInitial(next)) return false;
  const f = fold(next);
  const orgStart = ORG_NOUNS.some((n) => startsWithPhrase(f, n));
  // "Các phòng, đơn vị thuộc phường" is one catch-all listing kinds of units.
  if (/^cac\b/.test(fold(cur)) && orgStart && !/^cac\b/.test(f)) return false;
  return orgStart;
}

function tidyName(name: string): string {
  return name
    .replace(/^[-+•*]\s*/, '')
    .replace(/^(và|cùng)\s+/iu, '')
    .replace(/[\s.,;:]+$/u, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * One entry per unit, names as written (markup and line breaks removed):
 * "Văn phòng HĐND&UBND, Phòng KT, Trung tâm Phục vụ HCC" → three names;
 * "Các phòng, đơn vị thuộc phường" stays one; "Phòng Kinh tế, Hạ tầng và Đô thị" stays one.
 */
export function splitUnitList(cell: string): string[] {
  let hit = splitCache.get(cell);
  if (hit === undefined) {
    hit = computeSplit(cell);
    if (splitCache.size > 20_000) splitCache.clear();
    splitCache.set(cell, hit);
  }
  return [...hit];
}

const splitCache = new Map<string, string[]>();

function computeSplit(cell: string): string[] {
  const raw = cleanKeepLines(cell).split('\n');
  // A leading "- " is a bullet only after a line that ended an item; else it is text ("xã hội - nghề nghiệp").
  const lines = raw.map((l, i) => (i === 0 || /[,;.:]$/.test(raw[i - 1]) ? l.replace(/^[-+•*]\s+/, '') : l).trim()).filter(Boolean);
  if (lines.length === 0) return [];
  let joined = lines[0];
  for (let i = 1; i < lines.length; i++) {
    joined += lineStartsUnit(lines[i - 1], lines[i]) && !/[,;]$/.test(lines[i - 1]) ? `; ${lines[i]}` : ` ${lines[i]}`;
  }
  return joined
    .split(/\s*;\s*/)
    .flatMap(splitOnAnd)
    .flatMap(splitOnComma)
    .map(tidyName)
    .filter((n) => n.length > 0);
}

/** The kind a new unit named this way most likely is: a catch-all, an outside body, or one of the commune's units. */
export function guessUnitKind(name: string): TUnitKind {
  if (isCatchAll(name)) return 'catch_all';
  return isOutsideBody(name) ? 'outside' : 'internal';
}
