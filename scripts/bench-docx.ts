/**
 * Official .docx generation speed: median and p95 wall time of building a
 * 40-task plan (seed 004's tasks, cycled) with its landscape appendix, and of
 * a one-page report, after a warm-up.
 *
 *   npm run bench:docx
 */
import { buildPlanDocument, buildReportDocument } from '../src/documents/index';
import { planWithTasks, sampleReport } from '../src/documents/test-helpers';

const RUNS = 30;
const WARM_UP = 3;

async function measure(build: () => Promise<Buffer>): Promise<{ median: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + WARM_UP; i++) {
    const t0 = performance.now();
    bytes = (await build()).length;
    if (i >= WARM_UP) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.ceil(times.length * 0.95) - 1], bytes };
}

const plan = planWithTasks(40);
const report = sampleReport();
console.log(`document              median ms   p95 ms   bytes   (${RUNS} runs)`);
for (const [name, build] of [
  ['plan, 40 tasks', () => buildPlanDocument(plan)],
  ['report', () => buildReportDocument(report)],
] as const) {
  const r = await measure(build);
  console.log(`${name.padEnd(20)}  ${r.median.toFixed(1).padStart(9)}  ${r.p95.toFixed(1).padStart(7)}  ${String(r.bytes).padStart(6)}`);
}
