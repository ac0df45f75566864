import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { nestedRunsDocx } from './hostile-documents';
import { IMPORT_LIMITS } from './limits';
import { createParsePool, type ParsePool } from './parse-pool';
import { IMPORT_FIXTURES } from './test-helpers';

let pool: ParsePool | null = null;
afterEach(async () => {
  await pool?.destroy();
  pool = null;
});

async function failure(work: Promise<unknown>): Promise<ImportError> {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  if (e instanceof ImportError) return e;
  throw new Error(`expected an ImportError, got ${String(e)}`);
}

const docx004 = readFileSync(join(IMPORT_FIXTURES, '004.docx'));

describe('parse pool (worker threads)', () => {
  it('reads a plan in a worker, and brings import errors back with their code and message', async () => {
    pool = createParsePool();
    expect((await pool.parse({ data: docx004, fileName: '004.docx', referenceYear: 2026 })).tasks).toHaveLength(38);
    const e = await failure(pool.parse({ data: nestedRunsDocx(5_000), fileName: 'long-nhau.docx', referenceYear: 2026 }));
    expect(e.code).toBe('too_complex');
    expect(e.message).toMatch(/lồng nhau quá sâu/);
  });

  it('kills a parse that passes its time limit (timeout), and one that passes its heap ceiling (too_complex)', async () => {
    pool = createParsePool({ ...IMPORT_LIMITS, maxParseMs: 1, parseWorkers: 1 });
    expect((await failure(pool.parse({ data: docx004, fileName: '004.docx', referenceYear: 2026 }))).code).toBe('timeout');
    await pool.destroy();
    pool = createParsePool({ ...IMPORT_LIMITS, workerHeapMb: 4, parseWorkers: 1 });
    expect((await failure(pool.parse({ data: docx004, fileName: '004.docx', referenceYear: 2026 }))).code).toBe('too_complex');
  });

  it('answers busy at once when every worker and queue place is taken', async () => {
    const busy = createParsePool({ ...IMPORT_LIMITS, parseWorkers: 1, maxQueuedParses: 1 });
    pool = busy;
    const runs = [1, 2, 3].map(() =>
      busy.parse({ data: docx004, fileName: '004.docx', referenceYear: 2026 }).then(
        () => 'ok',
        (e: ImportError) => e.code,
      ),
    );
    expect((await Promise.all(runs)).sort()).toEqual(['busy', 'ok', 'ok']);
  });
});
