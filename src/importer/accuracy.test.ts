import { describe, expect, it } from 'vitest';
import { formatAccuracyTable, GOAL_FIELDS, measureAccuracy } from './accuracy';
import { ROOT } from './test-helpers';

describe('accuracy against the gold files (same measure as npm run accuracy)', async () => {
  const rows = await measureAccuracy(ROOT);
  console.log(formatAccuracyTable(rows));

  it('covers 000, 002 and 004 as text, docx and pdf', () => {
    expect(rows.map((r) => `${r.doc}/${r.format}`).sort()).toEqual(['000/docx', '000/pdf', '000/text', '002/docx', '002/pdf', '002/text', '004/docx', '004/pdf', '004/text']);
  });

  for (const row of rows) {
    it(`${row.doc}/${row.format}: task count exact, every field ≥ ${row.goal * 100}%`, () => {
      expect(row.tasks).toBe(row.goldTasks);
      for (const f of GOAL_FIELDS) {
        const { correct, total } = row.fields[f];
        expect(correct / total, `${f}: ${correct}/${total}`).toBeGreaterThanOrEqual(row.goal);
      }
    });
  }
});
