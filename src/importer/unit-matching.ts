/**
 * Maps unit names as written in a plan to the commune's units: exact match on
 * unitKey (case, diacritics, punctuation, "xã/phường", abbreviations folded),
 * then a unique word-prefix match ("Phòng KT" → "Phòng Kinh tế, Hạ tầng và Đô thị").
 * Catch-alls and outside bodies are recognised as such; anything else is
 * proposed as a new alias (when one unit is close) or a new unit.
 */
import type { UnitMapping, UnitRef } from './types';
import { isCatchAll, isOutsideBody, unitKey } from './unit-lexicon';

interface KeyedUnit {
  unit: UnitRef;
  keys: string[];
}

function keyed(units: UnitRef[]): KeyedUnit[] {
  return units.map((unit) => ({
    unit,
    keys: [unit.name, unit.shortName ?? '', ...(unit.aliases ?? [])].filter(Boolean).map(unitKey),
  }));
}

function isWordPrefix(short: string, long: string): boolean {
  return short.length > 0 && (long === short || long.startsWith(`${short} `));
}

function tokens(key: string): Set<string> {
  return new Set(key.split(' ').filter(Boolean));
}

function similarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return (2 * common) / Math.max(1, ta.size + tb.size);
}

function exact(key: string, list: KeyedUnit[]): UnitRef | null {
  return list.find((k) => k.keys.includes(key))?.unit ?? null;
}

function uniquePrefix(key: string, list: KeyedUnit[]): UnitRef | null {
  const hits = list.filter((k) => k.keys.some((uk) => isWordPrefix(key, uk) || isWordPrefix(uk, key)));
  return hits.length === 1 ? hits[0].unit : null;
}

function closest(key: string, list: KeyedUnit[]): UnitRef | null {
  let best: { unit: UnitRef; score: number } | null = null;
  for (const k of list) {
    const score = Math.max(...k.keys.map((uk) => similarity(key, uk)), 0);
    if (!best || score > best.score) best = { unit: k.unit, score };
  }
  return best && best.score >= 0.6 ? best.unit : null;
}

export function mapUnitName(name: string, units: UnitRef[]): UnitMapping {
  const key = unitKey(name);
  const list = keyed(units);
  const hit = exact(key, list);
  if (hit) return { name, unitId: hit.id, kind: hit.kind === 'catch_all' ? 'catch_all' : hit.kind === 'outside' ? 'outside' : 'unit' };
  if (isOutsideBody(name)) return { name, unitId: null, kind: 'outside' };
  if (isCatchAll(name)) {
    const generic = units.find((u) => u.kind === 'catch_all');
    return { name, unitId: generic?.id ?? null, kind: 'catch_all' };
  }
  const internal = list.filter((k) => (k.unit.kind ?? 'internal') === 'internal');
  const prefix = uniquePrefix(key, internal);
  if (prefix) return { name, unitId: prefix.id, kind: 'unit' };
  const near = closest(key, internal);
  if (near) return { name, unitId: null, kind: 'unknown', suggestion: { action: 'new_alias', unitId: near.id, unitName: near.name } };
  return { name, unitId: null, kind: 'unknown', suggestion: { action: 'new_unit', name } };
}

/** One mapping per distinct name (first spelling kept), in order of appearance. */
export function mapUnitNames(names: string[], units: UnitRef[]): UnitMapping[] {
  const seen = new Set<string>();
  const out: UnitMapping[] = [];
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(mapUnitName(name, units));
  }
  return out;
}
