/**
 * Plan documents are parsed off the request thread, in a small pool of worker
 * threads (piscina), so a hostile document can only hurt its own parse:
 * - each worker has a JS heap ceiling; passing it ends that worker (too_complex);
 * - each parse has a wall-clock limit that terminates its worker (timeout);
 * - one document per worker, at most `parseWorkers` at once and `maxQueuedParses`
 *   waiting; more than that answers busy at once instead of piling up.
 * Piscina replaces a terminated worker by itself.
 */
import { Piscina } from 'piscina';
import { ImportError } from './errors';
import type { ImportInput } from './index';
import type { ImportedInspectionPlan } from './inspection-plan';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import type { ParseOutcome } from './parse-worker';
import type { ImportResult } from './types';

export interface ParsePool {
  parse(input: ImportInput): Promise<ImportResult>;
  /** The same, for an inspection plan (Kế hoạch kiểm tra). */
  parseInspectionPlan(input: ImportInput): Promise<ImportedInspectionPlan>;
  /** Starts the first worker now rather than on the first document. */
  warm(): void;
  destroy(): Promise<void>;
}

/**
 * The worker's entry beside this file: the .ts source under tsx and vitest
 * (the worker then needs tsx too), the compiled .js otherwise.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = new URL(`./parse-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href;
  return { filename, execArgv: fromSource ? ['--import', 'tsx'] : [] };
}

function isOutOfMemory(e: unknown): boolean {
  return (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function isAbort(e: unknown): boolean {
  return (e as { name?: string }).name === 'AbortError';
}

export function createParsePool(limits: ImportLimits = IMPORT_LIMITS): ParsePool {
  let pool: Piscina<ImportInput & { kind?: 'plan' | 'inspection' }, ParseOutcome> | null = null;
  let inFlight = 0;
  // Started by warm() or on the first document, so a test app that never imports starts no thread.
  const start = (): Piscina<ImportInput & { kind?: 'plan' | 'inspection' }, ParseOutcome> => {
    if (pool) return pool;
    pool = new Piscina<ImportInput & { kind?: 'plan' | 'inspection' }, ParseOutcome>({
      ...workerEntry(),
      minThreads: 1,
      maxThreads: limits.parseWorkers,
      concurrentTasksPerWorker: 1,
      maxQueue: limits.maxQueuedParses,
      idleTimeout: 5 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    // A worker that dies with no task (e.g. a replacement failing to start) is reported here; without
    // a listener the 'error' event would end the server. The task's own failure went to its caller.
    pool.on('error', () => undefined);
    return pool;
  };

  async function run(input: ImportInput & { kind: 'plan' | 'inspection' }): Promise<ImportResult | ImportedInspectionPlan> {
    if (inFlight >= limits.parseWorkers + limits.maxQueuedParses) throw new ImportError('busy');
    // The clock starts at submission: allow one parse time per round of documents ahead in line.
    const rounds = 1 + Math.floor(inFlight / limits.parseWorkers);
    const signal = AbortSignal.timeout(limits.maxParseMs * rounds);
    inFlight++;
    try {
      const outcome = await start().run(input, { signal });
      if (outcome.ok) return outcome.result;
      throw new ImportError(outcome.code, outcome.params);
    } catch (e) {
      if (isAbort(e)) throw new ImportError('timeout', {}, { cause: e });
      if (isOutOfMemory(e)) throw new ImportError('too_complex', { what: 'cần quá nhiều bộ nhớ để đọc' }, { cause: e });
      throw e;
    } finally {
      inFlight--;
    }
  }

  return {
    parse: async (input) => (await run({ ...input, kind: 'plan' })) as ImportResult,
    parseInspectionPlan: async (input) => (await run({ ...input, kind: 'inspection' })) as ImportedInspectionPlan,
    warm: () => void start(),
    destroy: async () => {
      await pool?.destroy();
      pool = null;
    },
  };
}
