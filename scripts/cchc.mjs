/**
 * `npm run cchc -- <command>`: runs the compiled CLI (dist/node/cli.js), building it first when
 * src/ changed. Build notes go to stderr, so `--json` output on stdout stays exactly the JSON.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBuild, SERVER_OUT } from './build-server.mjs';

await ensureServerBuild();
await import(pathToFileURL(path.join(SERVER_OUT, 'cli.js')).href);
