/**
 * Cell values of a dossier export → typed values. Words are matched on a folded
 * key (no case, no diacritics, punctuation and spacing ignored), because exports
 * write "Trực tuyến toàn trình", "TRUC TUYEN TOAN TRINH", "Trực tuyến - toàn trình" alike.
 */
import { matchKey } from '../text/normalize';
import { isValidDate } from '../timeframe/dates';
import type { Channel, DossierStatus, LocalMoment, Rating } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad: { ok: false } = { ok: false };

const DAY_MS = 86_400_000;

/**
 * "dd/mm/yyyy", "dd/mm/yyyy HH:mm", "dd/mm/yyyy HH:mm:ss" (also "-" or "." between
 * date parts, "HH:mm dd/mm/yyyy" time first as some one-stop systems print it, and
 * ISO "yyyy-mm-dd[THH:mm[:ss]]"). A date that does not exist (31/02) or a time
 * past 23:59:59 is refused, never rolled over.
 */
export function parseMoment(text: string): Parsed<LocalMoment> {
  const fast = parseCommonMoment(text);
  if (fast !== undefined) return fast;
  const t = text.trim().replace(/\s+/g, ' ');
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) return momentOf(+m[3], +m[2], +m[1], m[4], m[5], m[6]);
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?,? (\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return momentOf(+m[6], +m[5], +m[4], m[1], m[2], m[3]);
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) return momentOf(+m[1], +m[2], +m[3], m[4], m[5], m[6]);
  return bad;
}

/** The number written by `count` digits from `from`, or NaN. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The template's own forms, "dd/mm/yyyy" and "dd/mm/yyyy HH:mm", read by position: nearly
 * every date cell of a large export has one, and three regular expressions per cell
 * weighed on the row checks. Undefined for any other text (the general rules then decide).
 */
function parseCommonMoment(t: string): Parsed<LocalMoment> | undefined {
  if ((t.length !== 10 && t.length !== 16) || t.charCodeAt(2) !== 47 || t.charCodeAt(5) !== 47) return undefined;
  const day = digits(t, 0, 2);
  const month = digits(t, 3, 2);
  const year = digits(t, 6, 4);
  if (Number.isNaN(day + month + year)) return undefined;
  if (t.length === 10) return momentOf(year, month, day);
  if (t.charCodeAt(10) !== 32 || t.charCodeAt(13) !== 58) return undefined;
  const h = digits(t, 11, 2);
  const min = digits(t, 14, 2);
  return Number.isNaN(h + min) ? undefined : momentOf(year, month, day, h, min);
}

function momentOf(year: number, month: number, day: number, hh?: string | number, mm?: string | number, ss?: string | number): Parsed<LocalMoment> {
  // A day that does not exist (31/02, 29/02 of a common year) is refused, never rolled over;
  // the calendar's own check, the one plan dates use (years 1900–2199).
  if (!isValidDate(year, month, day)) return bad;
  const dayStart = Date.UTC(year, month - 1, day);
  if (hh === undefined) return ok({ start: dayStart, end: dayStart + DAY_MS - 1, precision: 'day' });
  const h = Number(hh);
  const min = Number(mm);
  const s = ss === undefined ? 0 : Number(ss);
  if (h > 23 || min > 59 || s > 59) return bad;
  const start = dayStart + ((h * 60 + min) * 60 + s) * 1000;
  return ss === undefined ? ok({ start, end: start + 59_999, precision: 'minute' }) : ok({ start, end: start + 999, precision: 'second' });
}

/** The first and last millisecond of a yyyy-mm-dd civil day. */
export function dayBounds(isoDate: string): { start: number; end: number } {
  const [y, m, d] = isoDate.split('-').map(Number);
  const start = Date.UTC(y, m - 1, d);
  return { start, end: start + DAY_MS - 1 };
}

/** Wall-clock milliseconds → "yyyy-mm-ddTHH:mm:ss" (local, no zone). */
export function formatMoment(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * A bounded memo for the few distinct texts a column repeats over thousands of rows
 * (channel, status, Có/Không, field names): folding each cell again dominated the ingest.
 */
export function memoize<T>(compute: (text: string) => T, limit = 4096): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = compute(text);
      if (cache.size >= limit) cache.clear();
      cache.set(text, value);
    }
    return value;
  };
}

const foldedKey = memoize(matchKey);

function lookup<T>(table: Record<string, T>, text: string): Parsed<T> {
  const value = table[foldedKey(text)];
  return value === undefined ? bad : ok(value);
}

/** The four channels; the old "mức độ 3 / 4" names of online services are partial / full online. */
const CHANNEL_WORDS: Record<string, Channel> = {
  'truc tiep': 'direct',
  'nop truc tiep': 'direct',
  'truc tiep tai bo phan mot cua': 'direct',
  'truc tuyen mot phan': 'online_partial',
  'truc tuyen 1 phan': 'online_partial',
  'mot phan': 'online_partial',
  'dich vu cong muc do 3': 'online_partial',
  'muc do 3': 'online_partial',
  'truc tuyen toan trinh': 'online_full',
  'toan trinh': 'online_full',
  'dich vu cong muc do 4': 'online_full',
  'muc do 4': 'online_full',
  'buu chinh cong ich': 'postal',
  'buu chinh': 'postal',
  'qua buu chinh': 'postal',
  'qua buu chinh cong ich': 'postal',
  bcci: 'postal',
};

export function parseChannel(text: string): Parsed<Channel> {
  return lookup(CHANNEL_WORDS, text);
}

const STATUS_WORDS: Record<string, DossierStatus> = {
  'dang xu ly': 'processing',
  'dang giai quyet': 'processing',
  'cho bo sung': 'processing',
  'cho bo sung ho so': 'processing',
  'da giai quyet': 'resolved',
  'da xu ly xong': 'resolved',
  'da tra ket qua': 'resolved',
  'da hoan thanh': 'resolved',
  'hoan thanh': 'resolved',
  'tu choi tra lai': 'rejected',
  'tra lai tu choi': 'rejected',
  'tu choi': 'rejected',
  'tra lai': 'rejected',
  'tu choi giai quyet': 'rejected',
  'tra lai ho so': 'rejected',
  'dung xu ly': 'stopped',
  'dung giai quyet': 'stopped',
  'rut ho so': 'withdrawn',
  'da rut ho so': 'withdrawn',
  'cong dan rut ho so': 'withdrawn',
};

export function parseStatus(text: string): Parsed<DossierStatus> {
  return lookup(STATUS_WORDS, text);
}

const YES_NO: Record<string, boolean> = {
  co: true,
  x: true,
  '1': true,
  yes: true,
  true: true,
  da: true,
  khong: false,
  '0': false,
  no: false,
  false: false,
  chua: false,
};

/** "Có" / "Không"; an empty cell is unknown (null). */
export function parseYesNo(text: string): Parsed<boolean | null> {
  if (text.trim() === '') return ok(null);
  return lookup(YES_NO, text);
}

const RATING_WORDS: Record<string, Rating> = {
  'rat hai long': 'very_satisfied',
  'hai long': 'satisfied',
  'chap nhan duoc': 'acceptable',
  'khong hai long': 'dissatisfied',
};

/** One of the four ratings; an empty cell means the citizen did not rate (null). */
export function parseRating(text: string): Parsed<Rating | null> {
  if (text.trim() === '') return ok(null);
  return lookup(RATING_WORDS, text);
}
