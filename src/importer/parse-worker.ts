/**
 * Entry of the parse worker thread (see parse-pool.ts): reads one document and
 * returns the draft, or the import error as a value so its code and parameters
 * survive the trip back (thrown errors arrive as plain Errors).
 */
import type { ImportErrorCode } from './errors';
import { type ImportInput, importInspectionPlanDocument, importPlanDocument, isImportError } from './index';
import type { ImportedInspectionPlan } from './inspection-plan';
import type { ImportResult } from './types';

export type ParseOutcome = { ok: true; result: ImportResult | ImportedInspectionPlan } | { ok: false; code: ImportErrorCode; params: Record<string, string> };

export default async function parse(input: ImportInput & { kind?: 'plan' | 'inspection' }): Promise<ParseOutcome> {
  try {
    return { ok: true, result: input.kind === 'inspection' ? await importInspectionPlanDocument(input) : await importPlanDocument(input) };
  } catch (e) {
    if (isImportError(e)) return { ok: false, code: e.code, params: e.params };
    throw e;
  }
}
