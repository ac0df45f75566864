import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxParts } from '../documents/test-helpers';
import { IMPORT_FIXTURES, seedPath } from '../importer/test-helpers';
import { runExportPlan } from './export-plan';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

const dir = mkdtempSync(join(tmpdir(), 'cchc-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Appendix rows whose TT cell is an Arabic number. */
async function taskRowCount(file: string): Promise<number> {
  const { document } = await docxParts(await readFile(file));
  const appendix = document.slice(document.indexOf('DANH MỤC NHIỆM VỤ'));
  return [...appendix.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].filter(([row]) => {
    const first = /<w:tc\b[\s\S]*?<\/w:tc>/.exec(row)?.[0] ?? '';
    return /^\d+$/.test([...first.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  }).length;
}

describe('cchc export-plan', () => {
  it('writes the official .docx of a Word plan with every task, and a JSON summary', async () => {
    const c = capture();
    const out = join(dir, 'plan-004.docx');
    expect(await runExportPlan([join(IMPORT_FIXTURES, '004.docx'), '--docx', out, '--json'], c.deps)).toBe(0);
    const summary = JSON.parse(c.out[0]) as { tasks: number; number: string; flags: { code: string }[] };
    expect(summary.tasks).toBe(38);
    expect(summary.number).toBe('/KH-UBND');
    expect(summary.flags.map((f) => f.code)).toContain('number_blank');
    expect(await taskRowCount(out)).toBe(38);
  });

  it('reads a Markdown plan the same way', async () => {
    const md = join(dir, 'plan.md');
    copyFileSync(seedPath('004'), md);
    const out = join(dir, 'plan-md.docx');
    expect(await runExportPlan([md, '--docx', out], capture().deps)).toBe(0);
    expect(await taskRowCount(out)).toBe(38);
  });

  it.each([
    [[], 2],
    [['plan.txt'], 2],
    [['plan.txt', '--docx', 'out.pdf'], 2],
  ])('refuses bad usage %j with exit %i', async (args, code) => {
    const c = capture();
    expect(await runExportPlan(args as string[], c.deps)).toBe(code);
    expect(c.out).toEqual([]);
    expect(c.err[0]).toMatch(/Cách dùng/);
  });

  it('fails on a corrupt document with the importer message and writes nothing', async () => {
    const c = capture();
    const out = join(dir, 'corrupt.docx');
    expect(await runExportPlan([join(IMPORT_FIXTURES, 'corrupt.docx'), '--docx', out], c.deps)).toBe(1);
    expect(c.err[0]).toMatch(/hỏng/);
    expect(existsSync(out)).toBe(false);
  });
});
