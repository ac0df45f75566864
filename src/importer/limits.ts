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
  /** Most PDF pages accepted (a longer file is refused, not cut short). */
  maxPdfPages: 200,
  /** Wall-clock budget for one import. */
  maxParseMs: 15_000,
  /** Longest text accepted by the text parser (characters). */
  maxTextChars: 5_000_000,
  /** Largest word/document.xml inflated (a real plan's is a few MB; markup, not text, makes it big). */
  maxDocumentXmlBytes: 30 * 1024 * 1024,
  /** Most XML elements read from word/document.xml. */
  maxXmlElements: 1_500_000,
  /** Deepest element nesting in word/document.xml (Word writes under 40; nested tables and text boxes add a few). */
  maxXmlDepth: 256,
  /** Largest decoded PDF content stream, and all of them together (images are not counted). */
  maxPdfStreamBytes: 16 * 1024 * 1024,
  maxPdfDecodedBytes: 128 * 1024 * 1024,
  /** Most text items read from a PDF (a 200-page plan has under 100,000). */
  maxPdfTextItems: 200_000,
  /** Parse workers: threads, documents waiting for one, and each one's JS heap ceiling. */
  parseWorkers: 2,
  maxQueuedParses: 4,
  workerHeapMb: 384,
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
