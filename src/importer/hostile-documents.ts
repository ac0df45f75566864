/**
 * Hostile plan documents built in memory, for the tests and the heavy-document
 * probe (`npm run probe:heavy-docs`): nothing large is committed. Each one stays
 * inside the upload limits and used to take the server down (issue 6).
 */
import { crc32, createDeflate, deflateRawSync } from 'node:zlib';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const WORDS = [
  'kế',
  'hoạch',
  'cải',
  'cách',
  'hành',
  'chính',
  'năm',
  'phòng',
  'văn',
  'hóa',
  'xã',
  'hội',
  'ủy',
  'ban',
  'nhân',
  'dân',
  'thực',
  'hiện',
  'nhiệm',
  'vụ',
  'báo',
  'cáo',
  'quý',
  'tháng',
  'trung',
  'tâm',
  'phục',
  'công',
  'thủ',
  'tục',
  'số',
  'hóa',
  'hồ',
  'sơ',
  'kiểm',
  'tra',
];

function wordDocument(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
}

/**
 * A stored-directory zip with deflated entries, written directly: JSZip's
 * JavaScript deflate takes half a minute on 60 MB, zlib a second.
 */
function zip(entries: Array<[string, Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 1 });
    const fileName = Buffer.from(name);
    const header = (signature: number, size: number): Buffer => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function zipDocx(documentXml: string | Buffer): Buffer {
  return zip([
    ['[Content_Types].xml', Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
    ['word/document.xml', Buffer.from(documentXml)],
  ]);
}

/** A .docx whose word/document.xml inflates to about `xmlBytes` of ordinary-looking paragraphs: under the total and ratio caps of the zip-bomb guard. */
export function heavyDocx(xmlBytes = 58 * 1024 * 1024): Buffer {
  let seed = 7;
  const next = (): number => {
    seed = (seed * 48271) % 0x7fffffff;
    return seed;
  };
  // A 400 KB block of varied paragraphs, repeated: deflate's 32 KB window cannot see the repetition.
  const paragraphs: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const words = Array.from({ length: 12 }, () => WORDS[next() % WORDS.length]).join(' ');
    paragraphs.push(`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${i + 1}. ${words}</w:t></w:r></w:p>`);
  }
  const block = Buffer.from(paragraphs.join(''));
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`);
  const tail = Buffer.from('</w:body></w:document>');
  const xml = Buffer.concat([head, ...Array.from({ length: Math.ceil(xmlBytes / block.length) }, () => block), tail]);
  return zipDocx(xml);
}

/** A small .docx with `depth` runs nested inside each other. */
export function nestedRunsDocx(depth = 80_000): Buffer {
  const body = `<w:p>${'<w:r>'.repeat(depth)}<w:t>Kế hoạch</w:t>${'</w:r>'.repeat(depth)}</w:p>`;
  return zipDocx(wordDocument(body));
}

/** Deflates `total` bytes made of `unit` repeated, without holding them in memory. */
async function deflateRepeated(unit: string, total: number): Promise<Buffer> {
  const chunk = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  for (let written = 0; written < total; written += chunk.length) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** Writes a PDF from its objects' bodies (object i + 1 is bodies[i]), with a correct xref table. */
export function writePdf(bodies: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = ['xref', `0 ${bodies.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)];
  parts.push(Buffer.from(`${xref.join('\n')}\ntrailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A one-page PDF whose single content stream (text and rules) inflates to `decodedBytes`. */
export async function hugeStreamPdf(decodedBytes = 400 * 1024 * 1024): Promise<Buffer> {
  const content = await deflateRepeated('BT /F1 10 Tf 72 700 Td (Ke hoach cai cach hanh chinh) Tj ET 50 650 m 550 650 l S\n', decodedBytes);
  const stream = Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from('\nendstream')]);
  return writePdf([
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>'),
    stream,
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ]);
}
