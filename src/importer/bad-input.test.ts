import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importPlanDocument, ImportError, IMPORT_LIMITS } from './index';
import { IMPORT_FIXTURES } from './test-helpers';

async function failure(data: Uint8Array, fileName: string): Promise<ImportError> {
  try {
    await importPlanDocument({ data, fileName, referenceYear: 2025 });
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

const fixture = (name: string): Uint8Array => readFileSync(join(IMPORT_FIXTURES, name));

describe('bad input', () => {
  it('rejects a corrupt .docx with a Vietnamese message', async () => {
    const e = await failure(fixture('corrupt.docx'), 'ke-hoach.docx');
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/hỏng/);
  });

  it('recognises a password-protected Word file (OLE container with EncryptionInfo)', async () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Buffer.from('EncryptionInfo', 'utf16le'), 1024);
    expect((await failure(cfb, 'ke-hoach.docx')).code).toBe('password_protected');
    expect((await failure(cfb.slice(0, 1024), 'ke-hoach.doc')).code).toBe('legacy_doc');
  });

  it('recognises a password-protected PDF', async () => {
    const data = (() => {
      try {
        return fixture('password.pdf');
      } catch {
        return null;
      }
    })();
    if (!data) return; // made only where qpdf is installed
    const e = await failure(data, 'ke-hoach.pdf');
    expect(e.code).toBe('password_protected');
    expect(e.message).toMatch(/mật khẩu/);
  });

  it('says a PDF without text is probably a scan', async () => {
    const e = await failure(fixture('textless.pdf'), 'scan.pdf');
    expect(e.code).toBe('no_text');
    expect(e.message).toMatch(/scan/);
  });

  it('says a document that is not a plan is not a plan', async () => {
    expect((await failure(fixture('not-a-plan.docx'), 'thong-bao.docx')).code).toBe('not_a_plan');
    expect((await failure(Buffer.from('Xin chào, đây là thư mời họp.'), 'thu.txt')).code).toBe('not_a_plan');
  });

  it('refuses a 50 MB file before reading it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(Buffer.from('%PDF-1.7'));
    const e = await failure(big, 'lon.pdf');
    expect(e.code).toBe('file_too_large');
    expect(e.message).toMatch(/20 MB/);
  });

  it('refuses a zip bomb disguised as .docx without inflating it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', new Uint8Array(IMPORT_LIMITS.maxUnzippedBytes + 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.byteLength).toBeLessThan(IMPORT_LIMITS.maxFileBytes);
    const before = process.memoryUsage().rss;
    expect((await failure(bomb, 'bom.docx')).code).toBe('zip_bomb');
    expect(process.memoryUsage().rss - before).toBeLessThan(IMPORT_LIMITS.maxUnzippedBytes);
  });

  it('refuses a bomb whose directory lies about the size (inflation is capped)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', new Uint8Array(IMPORT_LIMITS.maxUnzippedBytes + 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    // Patch the declared sizes (local header and central directory) down to 1 KB.
    for (let i = 0; i + 4 < bomb.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 1024, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 1024, true);
    }
    const e = await failure(bomb, 'bom.docx');
    expect(['zip_bomb', 'corrupt']).toContain(e.code);
  });

  it('rejects empty files and unknown binary types', async () => {
    expect((await failure(new Uint8Array(0), 'rong.docx')).code).toBe('file_empty');
    expect((await failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), 'anh.png')).code).toBe('unsupported_type');
  });
});
