/**
 * Zip-bomb guard for .docx: checks the central directory's declared sizes
 * before anything is inflated. Declared sizes can lie, so the reader also caps
 * the bytes it actually inflates (docx.ts).
 */
import { ImportError } from '../errors';
import { IMPORT_LIMITS, type ImportLimits } from '../limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const DOCUMENT_XML = 'word/document.xml';

function entryName(data: Uint8Array, at: number, length: number): string {
  return new TextDecoder('utf-8').decode(data.subarray(at, Math.min(data.byteLength, at + length)));
}

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** Throws zip_bomb when the archive declares too many entries, too many bytes or an absurd ratio. */
export function checkZipDirectory(data: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) throw new ImportError('corrupt');
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count > limits.maxZipEntries) throw new ImportError('zip_bomb');
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL) throw new ImportError('corrupt');
    const compressed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF means ZIP64: no Word document needs it.
    if (size === 0xffffffff || compressed === 0xffffffff) throw new ImportError('zip_bomb');
    total += size;
    if (total > limits.maxUnzippedBytes) throw new ImportError('zip_bomb');
    if (size > 1_000_000 && size / Math.max(1, compressed) > limits.maxCompressionRatio) throw new ImportError('zip_bomb');
    const nameLength = view.getUint16(offset + 28, true);
    if (size > limits.maxDocumentXmlBytes && entryName(data, offset + 46, nameLength) === DOCUMENT_XML) {
      throw new ImportError('content_too_large', { max: `${Math.round(limits.maxDocumentXmlBytes / (1024 * 1024))} MB` });
    }
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}
