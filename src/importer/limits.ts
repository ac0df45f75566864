/** Limits that keep a hostile or broken upload from hurting the server. */
export const IMPORT_LIMITS = {
  /** Largest upload accepted (a real plan is well under 5 MB). */
  maxFileBytes: 20 * 1024 * 1024,
  /** Total bytes we agree to inflate from a .docx (zip bombs declare small, inflate huge). */
  maxUnzippedBytes: 60 * 1024 * 1024,
  /** Largest compression ratio of one zip entry before we call it a bomb. */
  maxCompressionRatio: 200,
  /** Most entries a .docx may hold. */
  maxZipEntries: 2000,
  /** Most PDF pages read. */
  maxPdfPages: 200,
  /** Wall-clock budget for one import. */
  maxParseMs: 15_000,
  /** Longest text accepted by the text parser (characters). */
  maxTextChars: 5_000_000,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };

/** A deadline checked between pages, rows and other units of work. */
export class Deadline {
  private readonly end: number;
  constructor(ms: number) {
    this.end = Date.now() + ms;
  }
  expired(): boolean {
    return Date.now() > this.end;
  }
}
