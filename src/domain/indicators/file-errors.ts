/** File-level failures of a dossier export: nothing from such a file is loaded. */
export type DossierFileProblem =
  | { code: 'file_empty' }
  | { code: 'file_too_large'; maxMb: number }
  | { code: 'not_utf8' }
  | { code: 'csv_malformed'; line: number }
  | { code: 'missing_columns'; columns: string[] }
  | { code: 'duplicate_column'; column: string }
  | { code: 'xlsx_unreadable' };

export class DossierFileError extends Error {
  readonly problem: DossierFileProblem;
  constructor(problem: DossierFileProblem, options?: { cause?: unknown }) {
    super(problem.code, options);
    this.name = 'DossierFileError';
    this.problem = problem;
  }
}

export function isDossierFileError(e: unknown): e is DossierFileError {
  return e instanceof DossierFileError;
}

/** Largest export read in one piece (a large commune's several years are ~50 MB). */
export const DOSSIER_FILE_LIMITS = { maxFileBytes: 200 * 1024 * 1024 };
