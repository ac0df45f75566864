import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIXTURES } from '../importer/test-helpers';
import { runImportPlan } from './import-plan';

function capture(): { out: string[]; err: string[]; deps: { out: (t: string) => void; err: (t: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { out: (t) => out.push(t), err: (t) => err.push(t) } };
}

describe('cchc import-plan', () => {
  it('prints the stable JSON contract', async () => {
    const c = capture();
    expect(await runImportPlan([join(IMPORT_FIXTURES, '004.docx'), '--json'], c.deps)).toBe(0);
    const json = JSON.parse(c.out[0]) as Record<string, unknown> & { tasks: Array<Record<string, unknown>> };
    expect(Object.keys(json)).toEqual(['meta', 'targets', 'tasks', 'responsibilities', 'warnings']);
    expect(Object.keys(json.tasks[0])).toEqual(['area', 'number', 'content', 'lead', 'coordinators', 'timeframe', 'product']);
    expect(json.tasks[0].timeframe).toEqual({ text: 'Trước ngày 13/01/2026', kind: 'date', start: null, due: '2026-01-13', occurrences: ['2026-01-13'] });
  });

  it('maps names to the commune units through loadUnits', async () => {
    const c = capture();
    const loadUnits = async (id: number) => (id === 7 ? [{ id: 1, name: 'Phòng Văn hóa - Xã hội' }] : []);
    expect(await runImportPlan([join(IMPORT_FIXTURES, '004.docx'), '--json', '--commune', '7'], { ...c.deps, loadUnits })).toBe(0);
    const json = JSON.parse(c.out[0]) as { mapping: Array<{ name: string; unitId: number | null }> };
    expect(json.mapping.find((m) => m.name === 'Phòng Văn hóa - Xã hội')?.unitId).toBe(1);
  });

  it('fails with a Vietnamese message and exit code 1 on a bad file, 2 on bad usage', async () => {
    const c = capture();
    expect(await runImportPlan([join(IMPORT_FIXTURES, 'corrupt.docx'), '--json'], c.deps)).toBe(1);
    expect(c.err[0]).toMatch(/hỏng/);
    expect(await runImportPlan([], c.deps)).toBe(2);
  });
});
