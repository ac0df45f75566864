/**
 * Plan import: a Word, PDF or text document → a reviewable draft (nothing is
 * saved here). Entry points: importPlanDocument (any file) and importPlanText.
 */
import { ImportError } from './errors';
import { extractPlan } from './extract';
import { extractInspectionPlan, type ImportedInspectionPlan } from './inspection-plan';
import { IMPORT_LIMITS } from './limits';
import { readDocx } from './readers/docx';
import { readPdf } from './readers/pdf';
import { decodeText, readText } from './readers/text';
import type { DocModel, ImportResult, SourceFormat, UnitRef } from './types';

export type { ImportErrorCode } from './errors';
export { ImportError, isImportError } from './errors';
export type { ImportedInspectionPlan, InspectionPlanWarning, ReadField } from './inspection-plan';
export { extractInspectionPlan } from './inspection-plan';
export { IMPORT_LIMITS } from './limits';
export type * from './types';
export { guessUnitKind, isCatchAll, isOutsideBody, splitUnitList, unitKey } from './unit-lexicon';
export { mapUnitName, mapUnitNames } from './unit-matching';

export interface ImportInput {
  data: Buffer | Uint8Array;
  fileName: string;
  mimeType?: string;
  units?: UnitRef[];
  /** The year time frames are read in when the document names no period. */
  referenceYear: number;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => data[i] === b);
}

function hasUtf16(data: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(needle);
}

/** Which reader a file needs, from its bytes first (names and MIME types lie), then its name. */
export function detectFormat(data: Uint8Array, fileName: string, mimeType?: string): SourceFormat {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'docx'; // PK zip
  if (startsWith(data, CFB_MAGIC)) {
    // Encrypted .docx files are OLE containers holding an "EncryptionInfo" stream.
    throw new ImportError(hasUtf16(data, 'EncryptionInfo') ? 'password_protected' : 'legacy_doc');
  }
  if (ext === 'docx' || ext === 'pdf' || mimeType?.includes('pdf') || mimeType?.includes('officedocument')) throw new ImportError('corrupt');
  if (['txt', 'md', 'markdown', 'text', 'csv', 'tsv'].includes(ext) || mimeType?.startsWith('text/')) return 'text';
  if (looksLikeText(data)) return 'text';
  throw new ImportError('unsupported_type');
}

function looksLikeText(data: Uint8Array): boolean {
  const sample = data.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control === 0;
}

function formatBytes(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}

async function readModel(data: Uint8Array, format: SourceFormat): Promise<DocModel> {
  if (format === 'docx') return readDocx(data);
  if (format === 'pdf') return readPdf(data);
  return readText(decodeText(data));
}

/** Any accepted file → the reader's model, with the size and time limits. */
async function readDocument(input: ImportInput): Promise<DocModel> {
  const data = input.data instanceof Uint8Array ? input.data : new Uint8Array(input.data);
  if (data.byteLength === 0) throw new ImportError('file_empty');
  if (data.byteLength > IMPORT_LIMITS.maxFileBytes) throw new ImportError('file_too_large', { max: formatBytes(IMPORT_LIMITS.maxFileBytes) });
  const format = detectFormat(data, input.fileName, input.mimeType);
  return withTimeout(readModel(data, format), IMPORT_LIMITS.maxParseMs);
}

export async function importPlanDocument(input: ImportInput): Promise<ImportResult> {
  return extractPlan(await readDocument(input), { units: input.units, referenceYear: input.referenceYear });
}

/** An inspection plan (Kế hoạch kiểm tra, seed 003) → its reviewable draft. */
export async function importInspectionPlanDocument(input: ImportInput): Promise<ImportedInspectionPlan> {
  return extractInspectionPlan(await readDocument(input), { units: input.units });
}

export function importInspectionPlanText(text: string, options: { units?: UnitRef[] } = {}): ImportedInspectionPlan {
  if (text.length > IMPORT_LIMITS.maxTextChars) throw new ImportError('file_too_large', { max: formatBytes(IMPORT_LIMITS.maxFileBytes) });
  return extractInspectionPlan(readText(text), options);
}

/** Sync import of text already in memory (pasted text, seeds, tests). */
export function importPlanText(text: string, options: { units?: UnitRef[]; referenceYear: number }): ImportResult {
  if (text.length > IMPORT_LIMITS.maxTextChars) throw new ImportError('file_too_large', { max: formatBytes(IMPORT_LIMITS.maxFileBytes) });
  return extractPlan(readText(text), options);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ImportError('timeout')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
