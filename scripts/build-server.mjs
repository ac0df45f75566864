/**
 * Compiles the server, the CLI and the import worker from src/ to plain JavaScript in dist/node
 * (esbuild, ESM), so production starts without transpiling TypeScript on the fly (tsx stays for
 * development and tests). npm packages stay outside the bundle (native argon2, the PostgreSQL
 * binaries, pdf.js and piscina load themselves from node_modules as usual). The worker is its own
 * entry beside the chunks, where src/importer/parse-pool.ts looks for `parse-worker.js`.
 *
 * `node scripts/build-server.mjs` builds always; ensureServerBuild() only when a source is newer
 * than the last build. Progress goes to stderr: `npm run cchc -- … --json` keeps stdout for the JSON.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_OUT = path.join(ROOT, 'dist/node');
const STAMP = path.join(SERVER_OUT, '.built');
/** What the bundle depends on besides src/: this script and the TypeScript settings (the @contract alias). */
const INPUTS = [path.join(ROOT, 'src'), fileURLToPath(import.meta.url), path.join(ROOT, 'tsconfig.json')];

function newestMtime(file) {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only as its folder's change
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

export function serverBuildIsCurrent() {
  return existsSync(STAMP) && statSync(STAMP).mtimeMs >= Math.max(...INPUTS.map(newestMtime));
}

export async function buildServer() {
  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { server: 'src/server/main.ts', cli: 'src/cli/main.ts', 'parse-worker': 'src/importer/parse-worker.ts' },
    bundle: true,
    splitting: true, // the CLI loads its commands on demand: each stays a chunk of its own
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: SERVER_OUT,
    // Chunks beside the entries: parse-pool.ts, wherever it lands, finds parse-worker.js next to itself.
    chunkNames: '[name]-[hash]',
    tsconfig: 'tsconfig.json',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  // A fresh folder swapped in whole: a server or CLI starting meanwhile never reads half a build.
  const staging = `${SERVER_OUT}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const file of result.outputFiles) {
    const target = path.join(staging, path.relative(SERVER_OUT, file.path));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  writeFileSync(path.join(staging, '.built'), `${new Date().toISOString()}\n`);
  const old = `${SERVER_OUT}.old-${process.pid}`;
  if (existsSync(SERVER_OUT)) renameSync(SERVER_OUT, old);
  renameSync(staging, SERVER_OUT);
  rmSync(old, { recursive: true, force: true });
  return { files: result.outputFiles.length, ms: Date.now() - started };
}

/** Builds dist/node when it is missing or older than src/. */
export async function ensureServerBuild() {
  if (serverBuildIsCurrent()) return;
  process.stderr.write('› Biên dịch máy chủ và CLI sang JavaScript (esbuild)…\n');
  await buildServer();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, ms } = await buildServer();
  process.stderr.write(`dist/node: ${files} tệp trong ${ms} ms\n`);
}
