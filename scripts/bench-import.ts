/**
 * Import speed per format: median wall time of importing the 38-task plan
 * (seed 004) and the others, as text, .docx and .pdf, after a warm-up.
 *
 *   npm run bench:import
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPlanDocument } from '../src/importer/index';
import { systemClock } from '../src/server/clock';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 15;

function files(doc: string): Array<[string, string]> {
  const seed = readdirSync(join(ROOT, 'fixtures/seeds')).find((f) => f.startsWith(`${doc}_`)) ?? '';
  return [
    ['text', join(ROOT, 'fixtures/seeds', seed)],
    ['docx', join(ROOT, 'fixtures/import', `${doc}.docx`)],
    ['pdf', join(ROOT, 'fixtures/import', `${doc}.pdf`)],
  ];
}

async function median(file: string): Promise<{ ms: number; tasks: number }> {
  const data = readFileSync(file);
  let tasks = 0;
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const r = await importPlanDocument({ data, fileName: file, referenceYear: Number(systemClock.today().slice(0, 4)) });
    const ms = performance.now() - t0;
    tasks = r.tasks.length;
    if (i >= 2) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], tasks };
}

console.log('doc  format  tasks  median ms');
for (const doc of ['004', '002', '000']) {
  for (const [format, file] of files(doc)) {
    const { ms, tasks } = await median(file);
    console.log(`${doc}  ${format.padEnd(6)}  ${String(tasks).padStart(5)}  ${ms.toFixed(1).padStart(9)}`);
  }
}
