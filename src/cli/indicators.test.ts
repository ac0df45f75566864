import { execFile } from 'node:child_process';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runIndicators } from './indicators';

const SAMPLE = join(process.cwd(), 'fixtures', 'dossiers', 'sample.csv');
const Q1 = ['--from', '2025-01-01', '--to', '2025-03-31', '--as-of', '2025-03-31', '--json'];

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

describe('cchc indicators', () => {
  it('prints the contract JSON for the sample export (hand-counted, see fixtures/dossiers/README.md)', async () => {
    const c = capture();
    expect(await runIndicators([SAMPLE, ...Q1], c.deps)).toBe(0);
    expect(c.out).toHaveLength(1);
    const json = JSON.parse(c.out[0]) as Record<string, unknown> & { rejected_rows: Array<{ line: number; reason: string }> };
    expect(Object.keys(json)).toEqual([
      'received',
      'finished',
      'on_time',
      'late',
      'on_time_pct',
      'overdue_open',
      'online_pct',
      'full_online_pct',
      'online_payment_pct',
      'digitised_pct',
      'e_result_pct',
      'satisfaction_pct',
      'rejected_rows',
    ]);
    expect(json).toMatchObject({
      received: 8,
      finished: 6,
      on_time: 4,
      late: 2,
      on_time_pct: 66.7,
      overdue_open: 2,
      online_pct: 50,
      full_online_pct: 37.5,
      online_payment_pct: 66.7,
      digitised_pct: 50,
      e_result_pct: 66.7,
      satisfaction_pct: 60,
    });
    expect(json.rejected_rows.map((r) => r.line)).toEqual([12, 13, 14, 15, 18, 19]);
    expect(json.rejected_rows[2]).toEqual({ line: 14, reason: 'Mã hồ sơ "HS001" trùng với dòng 2' });
  });

  it('moves figures with the window and the as-of day', async () => {
    const c = capture();
    expect(await runIndicators([SAMPLE, '--from', '2025-04-01', '--to', '2025-04-30', '--as-of', '2025-04-30', '--json'], c.deps)).toBe(0);
    expect(JSON.parse(c.out[0])).toMatchObject({
      received: 1,
      finished: 1,
      on_time: 0,
      late: 1,
      overdue_open: 3,
      on_time_pct: 0,
      satisfaction_pct: null,
      e_result_pct: 100,
    });
  });

  it('refuses a file missing required columns with a Vietnamese message and exit code 1; bad usage is 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cchc-ind-'));
    const file = join(dir, 'bad.csv');
    await writeFile(file, 'Mã hồ sơ,Trạng thái\nA,Đang xử lý\n');
    const c = capture();
    expect(await runIndicators([file, ...Q1], c.deps)).toBe(1);
    expect(c.out).toEqual([]);
    expect(c.err[0]).toMatch(/^Thiếu cột bắt buộc: Hình thức nộp/);
    expect(await runIndicators([SAMPLE, '--from', '2025-02-31', '--to', '2025-03-31', '--json'], c.deps)).toBe(2);
    expect(await runIndicators([SAMPLE, '--from', '2025-04-01', '--to', '2025-03-31', '--json'], c.deps)).toBe(2);
    expect(await runIndicators([join(dir, 'none.csv'), ...Q1], c.deps)).toBe(1);
    const huge = join(dir, 'huge.csv');
    await writeFile(huge, '');
    await truncate(huge, 500 * 1024 * 1024); // sparse: refused by its size before any byte is read
    expect(await runIndicators([huge, ...Q1], c.deps)).toBe(1);
    expect(c.err.at(-1)).toMatch(/^Tệp quá lớn \(tối đa 200 MB\)/);
  });

  it('writes nothing but the JSON line to stdout when run as a command', async () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(tsx, ['src/cli/main.ts', 'indicators', SAMPLE, ...Q1], { cwd: process.cwd() });
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ received: 8, overdue_open: 2 });
  });
});
