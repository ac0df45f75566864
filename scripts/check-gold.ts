/**
 * Sanity checks for the hand-made gold extractions in fixtures/gold/.
 * Run: npx tsx scripts/check-gold.ts   (exit code 1 on any failure)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Expected task count, and numbering oddities the documents themselves contain (none so far). */
const EXPECTED: Record<string, { tasks: number; numbers?: number[] }> = {
  '000': { tasks: 24 },
  '002': { tasks: 33 },
  '004': { tasks: 38 },
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const errors: string[] = [];
const fail = (file: string, where: string, msg: string): void => {
  errors.push(`${file} ${where}: ${msg}`);
};

const isObj = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Every string in the file must be clean text. */
function checkStrings(file: string, v: Json, path: string): void {
  if (typeof v === 'string') {
    const bad: string[] = [];
    if (v.includes('<')) bad.push("'<'");
    if (v.includes('**')) bad.push("'**'");
    if (/[\t\r\n]/.test(v)) bad.push('tab/newline');
    if (v.includes('  ')) bad.push('double space');
    if (v.includes('\u00a0')) bad.push('NBSP');
    if (v !== v.trim()) bad.push('untrimmed');
    if (v !== v.normalize('NFC')) bad.push('not NFC');
    if (bad.length) fail(file, path, `dirty string (${bad.join(', ')}): ${JSON.stringify(v.slice(0, 80))}`);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => {
      checkStrings(file, x, `${path}[${i}]`);
    });
  } else if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) checkStrings(file, x, path ? `${path}.${k}` : k);
  }
}

function keysAre(file: string, where: string, o: Record<string, Json>, keys: string[]): void {
  const got = Object.keys(o).sort().join(',');
  const want = [...keys].sort().join(',');
  if (got !== want) fail(file, where, `keys ${got} != ${want}`);
}

function checkFile(id: string): void {
  const file = `fixtures/gold/${id}.json`;
  const doc = JSON.parse(readFileSync(join(root, file), 'utf8')) as Json;
  if (!isObj(doc)) {
    fail(file, '', 'not an object');
    return;
  }
  keysAre(file, '(root)', doc, ['meta', 'targets', 'tasks', 'responsibilities', 'commune']);
  checkStrings(file, doc, '');

  // meta
  const meta = doc.meta;
  if (!isObj(meta)) fail(file, 'meta', 'missing');
  else {
    keysAre(file, 'meta', meta, ['title', 'number', 'issuer', 'place', 'date', 'kind', 'period']);
    for (const k of ['title', 'issuer', 'place']) if (typeof meta[k] !== 'string' || meta[k] === '') fail(file, `meta.${k}`, 'empty');
    if (meta.number !== null && typeof meta.number !== 'string') fail(file, 'meta.number', 'not string|null');
    if (meta.date !== null && !(typeof meta.date === 'string' && isoDate.test(meta.date))) fail(file, 'meta.date', 'not ISO|null');
    if (meta.kind !== 'annual' && meta.kind !== 'half_year') fail(file, 'meta.kind', String(meta.kind));
    const p = meta.period;
    if (!isObj(p) || typeof p.start !== 'string' || typeof p.end !== 'string' || !isoDate.test(p.start) || !isoDate.test(p.end) || p.start > p.end)
      fail(file, 'meta.period', 'bad period');
    if (typeof meta.issuer === 'string' && !/^Ủy ban nhân dân (xã|phường) /.test(meta.issuer)) fail(file, 'meta.issuer', 'not full form');
  }

  // targets
  if (!Array.isArray(doc.targets) || doc.targets.length === 0) fail(file, 'targets', 'none');
  else
    doc.targets.forEach((t, i) => {
      const w = `targets[${i}]`;
      if (!isObj(t)) {
        fail(file, w, 'not object');
        return;
      }
      keysAre(file, w, t, ['text', 'comparator', 'value', 'unit']);
      if (typeof t.text !== 'string' || !t.text) fail(file, w, 'empty text');
      if (![null, '=', '>=', '<='].includes(t.comparator as string | null)) fail(file, w, `comparator ${String(t.comparator)}`);
      const allNull = t.comparator === null && t.value === null && t.unit === null;
      const allSet = t.comparator !== null && typeof t.value === 'number' && typeof t.unit === 'string';
      if (!allNull && !allSet) fail(file, w, 'comparator/value/unit must be all null or all set');
      if (allSet && typeof t.text === 'string' && !t.text.includes(`${t.value}${t.unit}`)) fail(file, w, `text lacks ${t.value}${t.unit}`);
    });

  // tasks
  const exp = EXPECTED[id];
  const tasks = Array.isArray(doc.tasks) ? doc.tasks : [];
  if (tasks.length !== exp.tasks) fail(file, 'tasks', `count ${tasks.length} != ${exp.tasks}`);
  const wantNumbers = exp.numbers ?? Array.from({ length: exp.tasks }, (_, i) => i + 1);
  let prevArea = 0;
  tasks.forEach((t, i) => {
    const w = `tasks[${i}]`;
    if (!isObj(t)) {
      fail(file, w, 'not object');
      return;
    }
    keysAre(file, w, t, ['area', 'number', 'content', 'lead', 'coordinators', 'timeframe', 'product']);
    if (t.number !== wantNumbers[i]) fail(file, w, `number ${String(t.number)} != ${wantNumbers[i]}`);
    if (typeof t.area !== 'number' || !Number.isInteger(t.area) || t.area < 1 || t.area > 7) fail(file, w, `area ${String(t.area)}`);
    else {
      if (t.area < prevArea) fail(file, w, `area ${t.area} after ${prevArea}`);
      prevArea = t.area;
    }
    if (typeof t.content !== 'string' || t.content === '') fail(file, w, 'empty content');
    if (!isStrArr(t.lead) || t.lead.length === 0 || t.lead.some((s) => !s)) fail(file, w, 'lead must be a non-empty array of non-empty strings');
    if (!isStrArr(t.coordinators) || t.coordinators.some((s) => !s)) fail(file, w, 'coordinators must be an array of non-empty strings');
    if (!isObj(t.timeframe) || typeof t.timeframe.text !== 'string' || Object.keys(t.timeframe).join() !== 'text') fail(file, w, 'timeframe must be {text}');
    if (typeof t.product !== 'string') fail(file, w, 'product not string');
  });
  const areas = new Set(tasks.map((t) => (isObj(t) ? t.area : null)));
  for (let a = 1; a <= 7; a++) if (!areas.has(a)) fail(file, 'tasks', `no task in area ${a}`);

  // responsibilities
  if (!Array.isArray(doc.responsibilities) || doc.responsibilities.length === 0) fail(file, 'responsibilities', 'none');
  else
    doc.responsibilities.forEach((r, i) => {
      const w = `responsibilities[${i}]`;
      if (!isObj(r)) {
        fail(file, w, 'not object');
        return;
      }
      keysAre(file, w, r, ['unit', 'areas', 'text']);
      if (typeof r.unit !== 'string' || !r.unit || typeof r.text !== 'string' || !r.text) fail(file, w, 'empty unit/text');
      if (!Array.isArray(r.areas) || r.areas.some((a) => typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a > 7)) fail(file, w, 'bad areas');
    });

  // commune
  const c = doc.commune;
  if (!isObj(c) || typeof c.name !== 'string' || !c.name || (c.kind !== 'xa' && c.kind !== 'phuong')) fail(file, 'commune', 'bad commune');
  else keysAre(file, 'commune', c, ['name', 'kind']);

  console.log(
    `${file}: ${tasks.length} tasks, ${Array.isArray(doc.targets) ? doc.targets.length : 0} targets, ${Array.isArray(doc.responsibilities) ? doc.responsibilities.length : 0} responsibilities`,
  );
}

for (const id of Object.keys(EXPECTED)) {
  try {
    checkFile(id);
  } catch (e) {
    fail(`fixtures/gold/${id}.json`, '', (e as Error).message);
  }
}

if (errors.length) {
  console.error(`\n${errors.length} problem(s):\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
console.log('gold OK');
