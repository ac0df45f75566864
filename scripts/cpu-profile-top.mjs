/**
 * `node scripts/cpu-profile-top.mjs <file.cpuprofile> [n]`: where a CPU profile (node --cpu-prof, or
 * BENCH_PROFILE of bench:city) spent its time — self time by package, then the n functions with the most self time.
 */
import { readFileSync } from 'node:fs';

const [file, count = '30'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
const where = (frame) => {
  const url = frame.url.replace(/.*node_modules\//, '~/').replace(/^file:\/\/.*?\/(src|scripts|web)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${url}${url ? `:${frame.lineNumber + 1}` : ''}`;
};
const packageOf = (frame) => {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const dep = frame.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dep) return dep[1];
  if (frame.url.startsWith('node:')) return 'node';
  return frame.url.match(/\/(src\/[^/]+\/[^/]+|scripts|web)\//)?.[1] ?? 'app';
};
const self = new Map();
const byPackage = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const frame = nodes.get(id);
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  self.set(where(frame), (self.get(where(frame)) ?? 0) + dt);
  byPackage.set(packageOf(frame), (byPackage.get(packageOf(frame)) ?? 0) + dt);
});
const line = ([name, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`;
const top = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(line)
    .join('\n');
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled\n\nby package or folder:\n${top(byPackage, 15)}\n\nby function (self time):\n${top(self, Number(count))}`);
