/**
 * `npm run probe:heavy-docs`: starts the app as its own process (embedded
 * PostgreSQL, demo data, a temporary data folder), uploads the hostile plan
 * documents of issue 6 while two other users keep calling /api/auth/me, and
 * prints the server's memory (RSS sampled every 50 ms, and the kernel's peak),
 * each document's answer and time to answer, and the other users' latency
 * before and during the attack.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { heavyDocx, hugeStreamPdf, nestedRunsDocx } from '../src/importer/hostile-documents';
import { DEMO_PASSWORD } from '../src/server/demo/communes';

const MB = 1024 * 1024;
const port = 40_000 + (process.pid % 5000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'cchc-probe-'));
const base = `http://127.0.0.1:${port}`;

console.log('Building the documents…');
const documents: Array<{ name: string; fileName: string; data: Buffer }> = [
  { name: '.docx, document.xml inflating to 58 MB', fileName: 'nang.docx', data: heavyDocx(58 * MB) },
  { name: '.docx, 80,000 nested runs', fileName: 'long-nhau.docx', data: nestedRunsDocx(80_000) },
  { name: 'PDF, one page, stream inflating to 400 MB', fileName: 'luong-lon.pdf', data: await hugeStreamPdf(400 * MB) },
  { name: 'real plan (seed 004, .docx)', fileName: '004.docx', data: readFileSync('fixtures/import/004.docx') },
];

console.log(`Starting the app on ${base} (data in ${dataDir})…`);
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--demo'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(50_000 + (process.pid % 5000)), LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  server.stdout.on('data', (b: Buffer) => (b.toString().includes('CCHC đang chạy') ? resolve() : undefined));
  server.on('exit', (code) => reject(new Error(`the app exited (${code})`)));
});

/** RSS of the server process from /proc (worker threads included: they share the process). */
function status(field: 'VmRSS' | 'VmHWM'): number {
  const line =
    readFileSync(`/proc/${server.pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(field)) ?? '';
  return Number(line.replace(/\D+/g, '')) * 1024;
}

async function login(username: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  return (r.headers.get('set-cookie') ?? '').split(';')[0];
}

const importer = await login('daumoi');
const others = [await login('canbovp'), await login('truongvp')];

let phase: 'baseline' | 'attack' | 'done' = 'baseline';
const latency: Record<'baseline' | 'attack', number[]> = { baseline: [], attack: [] };
/** Every attack-time sample with the moment it ended, to read the latency during each upload. */
const samples: Array<{ end: number; ms: number }> = [];
let failures = 0;
async function otherUser(cookie: string): Promise<void> {
  while (phase !== 'done') {
    const at = phase;
    const start = performance.now();
    const r = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
    await r.arrayBuffer();
    if (r.status !== 200) failures++;
    const end = performance.now();
    if (phase === at) latency[at].push(end - start);
    if (at === 'attack') samples.push({ end, ms: end - start });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let peakSampled = 0;
const sampler = setInterval(() => {
  peakSampled = Math.max(peakSampled, status('VmRSS'));
}, 50);

async function upload(doc: (typeof documents)[number]): Promise<{ status: number; code: string; message: string; ms: number; start: number; end: number }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(doc.data)]), doc.fileName);
  const start = performance.now();
  const r = await fetch(`${base}/api/communes/1/imports`, { method: 'POST', headers: { cookie: importer }, body: form });
  const body = (await r.json()) as { error?: { code: string; message: string; details?: { code?: string } }; tasks?: unknown[] };
  const ms = performance.now() - start;
  const code = body.error ? (body.error.details?.code ?? body.error.code) : `${body.tasks?.length ?? 0} tasks`;
  return { status: r.status, code, message: body.error?.message ?? '', ms, start, end: start + ms };
}

const loops = others.map(otherUser);
await new Promise((resolve) => setTimeout(resolve, 3000));
const rssBefore = status('VmRSS');
phase = 'attack';
console.log(`\nServer RSS before the attack: ${(rssBefore / MB).toFixed(0)} MB\n`);
console.log('One document at a time:');
for (const doc of documents) {
  const r = await upload(doc);
  await new Promise((resolve) => setTimeout(resolve, 300)); // let the other users' requests in flight finish
  const during = samples.filter((x) => x.end >= r.start && x.end <= r.end + 300).map((x) => x.ms);
  console.log(
    `  ${doc.name.padEnd(42)} ${(doc.data.length / MB).toFixed(1).padStart(4)} MB → ${r.status} ${r.code.padEnd(17)} in ${r.ms.toFixed(0).padStart(5)} ms; others meanwhile: n=${during.length} max ${Math.max(0, ...during).toFixed(0)} ms`,
  );
  console.log(`      ${r.message.slice(0, 110)}`);
}
console.log('\nAll hostile documents ×3 at once (2 workers, 4 places in line):');
const burst = await Promise.all(
  documents
    .slice(0, 3)
    .flatMap((doc) => [doc, doc, doc])
    .map(async (doc) => ({ doc, r: await upload(doc) })),
);
const byAnswer = new Map<string, number[]>();
for (const { r } of burst) byAnswer.set(`${r.status} ${r.code}`, [...(byAnswer.get(`${r.status} ${r.code}`) ?? []), r.ms]);
for (const [answer, times] of byAnswer) console.log(`  ${answer.padEnd(26)} ×${times.length}, answered in ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms`);
phase = 'done';
await Promise.all(loops);

// Issue 6, point 8: refused uploads used to be read into memory before the rights check. Measured after the
// latency loops stopped: sending 380 MB saturates this (client) process, which would blur their timings.
const inspector = await login('kiemtra');
const evidence = new Blob([new Uint8Array(19 * MB).fill(0x41)]);
const attackPeak = peakSampled;
const rssBeforeRefused = status('VmRSS');
peakSampled = 0;
const refusedStart = performance.now();
const refused = await Promise.all(
  Array.from({ length: 20 }, async () => {
    const form = new FormData();
    form.append('file', evidence, 'bao-cao.pdf');
    const r = await fetch(`${base}/api/tasks/9/files`, { method: 'POST', headers: { cookie: inspector }, body: form });
    await r.arrayBuffer();
    return r.status;
  }),
);
console.log(
  `\n20 refused 19 MB evidence uploads in parallel (inspector): answers ${[...new Set(refused)].join(', ')} in ${(performance.now() - refusedStart).toFixed(0)} ms; server RSS ${(rssBeforeRefused / MB).toFixed(0)} MB before, peak ${(peakSampled / MB).toFixed(0)} MB during`,
);
clearInterval(sampler);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const row = (label: string, xs: number[]) =>
  console.log(
    `  ${label.padEnd(16)} n=${String(xs.length).padStart(4)}  p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms  max ${Math.max(...xs)
      .toFixed(1)
      .padStart(7)} ms`,
  );
console.log('\nOther users (GET /api/auth/me, 2 users in a loop):');
row('before attack', latency.baseline);
row('during attack', latency.attack);
console.log(`  failed requests: ${failures}`);
console.log(
  `\nServer memory: RSS before ${(rssBefore / MB).toFixed(0)} MB, peak sampled during the documents ${(attackPeak / MB).toFixed(0)} MB, kernel peak (VmHWM, since start) ${(status('VmHWM') / MB).toFixed(0)} MB`,
);

server.kill('SIGTERM');
await new Promise((resolve) => server.on('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });
