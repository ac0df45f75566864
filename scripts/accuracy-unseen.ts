/**
 * Importer accuracy on documents it was not built on (fixtures/unseen), per document, format and
 * field, then per format. Field definitions: src/importer/accuracy-unseen.ts. Exit code 1 when a
 * document fails to import.
 *
 *   npm run accuracy:unseen
 */
import { join } from 'node:path';
import { formatUnseenTable, measureUnseen } from '../src/importer/accuracy-unseen';

const rows = await measureUnseen(join(import.meta.dirname, '..'));
console.log(formatUnseenTable(rows));
if (rows.some((r) => r.error)) process.exitCode = 1;
