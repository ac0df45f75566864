import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { heavyDocx, hugeStreamPdf, nestedRunsDocx } from './hostile-documents';
import { IMPORT_LIMITS, ImportError, importPlanDocument } from './index';
import { readDocx } from './readers/docx';
import { readPdf } from './readers/pdf';
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
    expect(['zip_bomb', 'corrupt', 'content_too_large']).toContain(e.code);
  });

  it('rejects empty files and unknown binary types', async () => {
    expect((await failure(new Uint8Array(0), 'rong.docx')).code).toBe('file_empty');
    expect((await failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), 'anh.png')).code).toBe('unsupported_type');
  });

  it('reads runs nested 200 deep without recursion, and refuses 80,000 (depth cap) in well under a second', async () => {
    const model = await readDocx(nestedRunsDocx(200));
    expect(model.blocks).toEqual([{ kind: 'paragraph', text: 'Kế hoạch' }]);
    const e = await failure(nestedRunsDocx(80_000), 'long-nhau.docx');
    expect(e.code).toBe('too_complex');
    expect(e.message).toMatch(/lồng nhau quá sâu/);
  });

  it('caps document.xml on the bytes actually inflated when the zip directory lies', async () => {
    const limits = { ...IMPORT_LIMITS, maxDocumentXmlBytes: 1024 * 1024 };
    const data = heavyDocx(3 * 1024 * 1024);
    await expect(readDocx(data, limits)).rejects.toMatchObject({ code: 'content_too_large' });
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i + 4 < data.length; i++) {
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 1024, true);
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1024, true);
    }
    await expect(readDocx(data, limits)).rejects.toMatchObject({ code: 'content_too_large', message: expect.stringMatching(/tối đa 1 MB/) });
  });

  it('caps the number of XML elements', async () => {
    const e = await readDocx(fixture('004.docx'), { ...IMPORT_LIMITS, maxXmlElements: 1000 }).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'too_complex', message: expect.stringMatching(/quá nhiều thành phần/) });
  });

  it('refuses a PDF whose content stream inflates past the cap, before pdf.js reads it', async () => {
    const e = await failure(await hugeStreamPdf(IMPORT_LIMITS.maxPdfStreamBytes * 4), 'luong-lon.pdf');
    expect(e.code).toBe('content_too_large');
    expect(e.message).toMatch(/giải nén quá lớn/);
  });

  it('refuses a PDF with more pages than the cap instead of cutting it short', async () => {
    const e = await readPdf(fixture('002.pdf'), { ...IMPORT_LIMITS, maxPdfPages: 1 }).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'too_complex', message: expect.stringMatching(/trang, tối đa 1\)/) });
  });

  it('caps the number of PDF text items', async () => {
    const e = await readPdf(fixture('002.pdf'), { ...IMPORT_LIMITS, maxPdfTextItems: 50 }).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'too_complex', message: expect.stringMatching(/quá nhiều đoạn chữ/) });
  });
});
