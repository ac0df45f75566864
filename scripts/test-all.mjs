/**
 * Quick start, command 2 (and CI): installs what is missing, then runs every test —
 * unit, API and durability tests on the embedded PostgreSQL, the API tests again
 * through DATABASE_URL against a second server, and the browser tests in Chromium.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium, ensureNodeModules, ensureOfficeTools, ensureWebBuild } from './ensure-deps.mjs';

ensureNodeModules();
ensureChromium();
ensureOfficeTools();
ensureWebBuild();
mkdirSync('test-results', { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
let failedJobs = 0;

function vitest(title, args, env = {}) {
  console.log(`\n━━ ${title} ━━`);
  const report = path.join('test-results', `${title.replace(/\W+/g, '-')}.json`);
  const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${report}`], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
    for (const file of json.testResults) {
      for (const test of file.assertionResults) if (test.status === 'failed') failures.push(`${title}: ${path.relative(process.cwd(), file.name)} › ${test.fullName}`);
      if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'))
        failures.push(`${title}: ${path.relative(process.cwd(), file.name)} (${file.message || 'failed to run'})`);
    }
  } catch {
    totals.failed += 1;
  }
  if (result.status !== 0) failedJobs++;
}

console.log('\n━━ typecheck ━━');
if (spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' }).status !== 0) failedJobs++;

// Lint and format (Biome): a finding fails the run like a failed test.
console.log('\n━━ lint ━━');
if (spawnSync(process.execPath, ['node_modules/@biomejs/biome/bin/biome', 'check', '.'], { stdio: 'inherit' }).status !== 0) failedJobs++;

vitest('unit-api-durability', []);

const externalDir = path.resolve('test-data', 'external-pg');
rmSync(externalDir, { recursive: true, force: true });
const tsx = (...args) => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/external-pg.ts', ...args], { encoding: 'utf8' }).trim();
const databaseUrl = tsx('start', externalDir, '55432');
try {
  vitest('api-through-DATABASE_URL', ['src/server'], { DATABASE_URL: databaseUrl });
} finally {
  tsx('stop', externalDir, '55432');
  rmSync(externalDir, { recursive: true, force: true });
}

vitest('browser-e2e', ['--config', 'tests/e2e/vitest.config.ts']);

// The failures again at the end, where a CI log's tail shows them.
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedJobs > 0 || totals.failed > 0 ? 1 : 0);
