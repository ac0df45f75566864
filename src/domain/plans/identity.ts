/**
 * Which commune a plan's document belongs to, and whether two plans are the same document:
 * pure rules the import applies before saving (issue 8: no silent twins, no plan of another commune).
 */
import { matchKey } from '../text/normalize';

/** "Ủy ban nhân dân xã Tiên Lãng" → "tien lang"; "UBND phường An Phong" → "an phong"; null when no commune is named. */
export function communeNamedIn(text: string | null | undefined): string | null {
  if (!text) return null;
  const key = matchKey(text);
  const found = /(?:^| )(?:xa|phuong|thi tran|dac khu) (.+)$/.exec(key);
  return found ? found[1].trim() : null;
}

export interface DocumentHeader {
  issuer?: string | null;
  place?: string | null;
}

export interface Locality {
  /** The commune's name, with or without "xã"/"phường". */
  commune: string;
  /** The city or province above it: a document may be placed there ("Hải Phòng, ngày …"). */
  city: string;
}

/** A locality's name without its rank: "Thành phố Hải Phòng" → "hai phong", "xã Tiên Lãng" → "tien lang". */
const bare = (name: string) => communeNamedIn(name) ?? matchKey(name).replace(/^(?:thanh pho|tinh|tp) /, '');

/**
 * The names in the header that are neither the commune nor its city, as written: "Ủy ban nhân dân
 * xã Cẩm Giàng" imported into Tiên Lãng gives ["Ủy ban nhân dân xã Cẩm Giàng"]. Empty: nothing to warn about.
 */
export function otherLocalities(header: DocumentHeader, here: Locality): string[] {
  const own = new Set([bare(here.commune), bare(here.city)]);
  const found: string[] = [];
  const issuerCommune = communeNamedIn(header.issuer);
  if (header.issuer && issuerCommune && !own.has(issuerCommune)) found.push(header.issuer);
  if (header.place) {
    const place = bare(header.place);
    if (place && !own.has(place)) found.push(header.place);
  }
  return found;
}

export interface PlanIdentity {
  number: string | null;
  title: string;
  periodStart: string;
  periodEnd: string;
}

/** "125/KH-UBND" and "125 / KH - UBND" are one number; a bare "/KH-UBND" (left blank for the clerk) is none. */
export function numberKey(number: string | null | undefined): string | null {
  if (!number) return null;
  const key = matchKey(number).replace(/ /g, '');
  return /^\d/.test(key) ? key : null;
}

/** Why two plans are the same document: the same number, or the same title for the same period. */
export function sameDocument(a: PlanIdentity, b: PlanIdentity): 'number' | 'title_period' | null {
  const na = numberKey(a.number);
  if (na !== null && na === numberKey(b.number)) return 'number';
  const samePeriod = a.periodStart === b.periodStart && a.periodEnd === b.periodEnd;
  return samePeriod && matchKey(a.title) === matchKey(b.title) ? 'title_period' : null;
}
