/**
 * Flate-bomb guard for PDFs, run before pdf.js sees the file. pdf.js inflates
 * a content stream whole into one growing buffer and has no option to cap it,
 * so a 1 MB page whose stream inflates to 400 MB costs gigabytes. Here every
 * Flate stream that is not an image is inflated by zlib with an output cap
 * (zlib stops as soon as the cap is passed), and the total is capped too.
 * Streams this scan cannot read are left to pdf.js, under the parse worker's
 * memory and time limits.
 */
import { constants, inflateSync } from 'node:zlib';
import { ImportError } from '../errors';
import { IMPORT_LIMITS, type ImportLimits } from '../limits';

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

/** The dictionary text before a `stream` keyword: back to the object's `obj` keyword (at most 4 KB). */
function dictionaryBefore(pdf: Buffer, at: number): string {
  const from = Math.max(0, at - 4096);
  const text = pdf.toString('latin1', from, at);
  const obj = text.lastIndexOf('obj');
  return obj < 0 ? text : text.slice(obj);
}

/** Where the stream's data starts: after the end-of-line that must follow `stream`. */
function dataStart(pdf: Buffer, at: number): number {
  let i = at + STREAM.length;
  if (pdf[i] === 0x0d) i++;
  if (pdf[i] === 0x0a) i++;
  return i;
}

function isFlateNonImage(dict: string): boolean {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? '';
  // Only a lone FlateDecode filter is inflated here; chains (ASCII85 then Flate…) are left to pdf.js.
  return /^(\[\s*)?\/(FlateDecode|Fl)(\s*\])?$/.test(filter.trim()) && !/\/Subtype\s*\/Image\b/.test(dict);
}

/** Decoded size of one Flate stream, or null when zlib cannot read it (pdf.js will judge). */
function inflatedSize(data: Buffer, cap: number): number | null {
  try {
    return inflateSync(data, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return Infinity;
    return null;
  }
}

/** Throws content_too_large when a page-content stream, or all of them, inflate past the caps. */
export function checkPdfStreams(data: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): void {
  const pdf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const tooLarge = (bytes: number) => new ImportError('content_too_large', { max: `${Math.round(bytes / (1024 * 1024))} MB` });
  let total = 0;
  let at = pdf.indexOf(STREAM);
  while (at >= 0) {
    const isKeyword = pdf.toString('latin1', Math.max(0, at - 3), at) !== 'end';
    if (isKeyword && isFlateNonImage(dictionaryBefore(pdf, at))) {
      const start = dataStart(pdf, at);
      const end = pdf.indexOf(ENDSTREAM, start);
      const size = inflatedSize(pdf.subarray(start, end < 0 ? pdf.length : end), limits.maxPdfStreamBytes);
      if (size === Infinity) throw tooLarge(limits.maxPdfStreamBytes);
      total += size ?? 0;
      if (total > limits.maxPdfDecodedBytes) throw tooLarge(limits.maxPdfDecodedBytes);
      at = end < 0 ? -1 : pdf.indexOf(STREAM, end + ENDSTREAM.length);
    } else {
      at = pdf.indexOf(STREAM, at + STREAM.length);
    }
  }
}
