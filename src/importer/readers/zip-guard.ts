/**
 * Zip-bomb guard for .docx: checks the central directory's declared sizes
 * before anything is inflated, and caps the bytes actually inflated while
 * reading (declared sizes can lie).
 */
import type JSZip from 'jszip';
import { ImportError } from '../errors';
import { IMPORT_LIMITS } from '../limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** Throws zip_bomb when the archive declares too many entries, too many bytes or an absurd ratio. */
export function checkZipDirectory(data: Uint8Array, limits = IMPORT_LIMITS): void {
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
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}

/** Inflates one entry, stopping as soon as it passes `cap` bytes. */
export function readEntryCapped(file: JSZip.JSZipObject, cap: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let stopped = false;
    const stream = file.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (stopped) return;
        size += chunk.length;
        if (size > cap) {
          stopped = true;
          stream.pause();
          reject(new ImportError('zip_bomb'));
          stream.removeAllListeners('data');
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e: Error) => {
        if (!stopped) reject(new ImportError('corrupt', {}, { cause: e }));
        stopped = true;
      })
      .on('end', () => {
        if (stopped) return;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      });
  });
}
