/**
 * Importer accuracy per document, format and field against fixtures/gold.
 * Field definitions: src/importer/accuracy.ts. Exit code 1 when a goal is missed.
 *
 *   npm run accuracy
 */
import { join } from 'node:path';
import { formatAccuracyTable, GOAL_FIELDS, measureAccuracy } from '../src/importer/accuracy';

const rows = await measureAccuracy(join(import.meta.dirname, '..'));
console.log(formatAccuracyTable(rows));
const failed = rows.filter((r) => r.tasks !== r.goldTasks || GOAL_FIELDS.some((f) => r.fields[f].correct / Math.max(1, r.fields[f].total) < r.goal));
if (failed.length > 0) {
  console.log(`\nGoals missed: ${failed.map((r) => `${r.doc}/${r.format}`).join(', ')}`);
  process.exitCode = 1;
}
