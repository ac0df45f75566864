/**
 * Installs what a fresh machine lacks, using only Node's built-ins (it runs before
 * node_modules exists): npm packages, and on request Debian's Chromium and the built web app.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const run = (command) => execSync(command, { stdio: 'inherit' });

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureNodeModules() {
  const marker = 'node_modules/.package-lock.json';
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs) return;
  console.log('› Cài đặt các gói npm (npm ci)…');
  run('npm ci --no-audit --no-fund --loglevel=warn'); // .npmrc silences npm for clean CLI output; show install problems
}

export function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  console.log('› Cài đặt Chromium của Debian cho kiểm thử trên trình duyệt…');
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  run(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`);
}

/**
 * LibreOffice (headless) and poppler-utils for the test that renders the official
 * documents to PDF; fonts-liberation2 is Times New Roman's metric twin with the
 * Vietnamese glyphs (fonts-liberation 1.x lacks them and LibreOffice falls back to DejaVu).
 */
export function ensureOfficeTools() {
  const tools = ['/usr/bin/soffice', '/usr/bin/pdftotext', '/usr/bin/pdffonts', '/usr/share/fonts/truetype/liberation2'];
  if (tools.every((t) => existsSync(t))) return;
  console.log('› Cài đặt LibreOffice Writer và poppler-utils của Debian cho kiểm thử văn bản Word…');
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  run(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer poppler-utils fonts-liberation2`);
}

/** Builds the web app when it is missing or older than its sources. */
export function ensureWebBuild() {
  const built = 'dist/web/index.html';
  const sources = Math.max(newestMtime('web'), newestMtime('src/i18n'), newestMtime('src/domain'), newestMtime('src/contract'));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('› Biên dịch giao diện web (vite build)…');
  run('npx vite build --config web/vite.config.ts --logLevel warn');
}
