/**
 * Quick start, command 1: installs what is missing, then runs cchc on its
 * embedded PostgreSQL with the demo data on http://127.0.0.1:3000 (HOST to open it).
 */
import { spawn } from 'node:child_process';
import { ensureServerBuild } from './build-server.mjs';
import { ensureNodeModules, ensureWebBuild } from './ensure-deps.mjs';

ensureNodeModules();
ensureWebBuild();
// The compiled server (dist/node), rebuilt when src/ changed: no TypeScript transpiling at run time.
await ensureServerBuild();
const server = spawn(process.execPath, ['dist/node/server.js', '--demo'], { stdio: 'inherit' });
// Ctrl-C reaches the server too (same process group); wait for it to stop its database.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));
