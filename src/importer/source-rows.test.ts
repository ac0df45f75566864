/** Each task names the appendix rows it was read from, so the review screen can show them beside it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlanDocument } from './index';

const FILES = ['fixtures/import/004.docx', 'fixtures/import/004.pdf', 'fixtures/unseen/tan-an-2027.md'];
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('tasks point at their source rows', () => {
  for (const file of FILES) {
    it(file, async () => {
      const result = await importPlanDocument({ data: readFileSync(file), fileName: file, referenceYear: 2026 });
      expect(result.tasks.length).toBeGreaterThan(5);
      for (const task of result.tasks) {
        const rows = (task.sourceRows ?? []).map((i) => result.source.rows[i]);
        expect(rows.length, `task ${task.number}`).toBeGreaterThan(0);
        // The first row carries the task's number, and the rows hold the start of its content.
        expect(rows[0].map(squash)).toContain(String(task.number));
        expect(squash(rows.flat().join(' '))).toContain(squash(task.content).slice(0, 30));
      }
    });
  }
});
