/**
 * .docx reader: streams word/document.xml through a SAX parser (saxes) and
 * returns paragraphs and tables with their real cells. Horizontal merges
 * (gridSpan) keep the grid aligned; vertical merges (vMerge) repeat the text of
 * the cell above, flagged so a continuation row does not append it twice;
 * <w:br/> inside cells stays a line break.
 *
 * Why streaming and not a DOM: a DOM of a 60 MB document.xml costs gigabytes,
 * and recursive walks over it overflow the stack on deeply nested input. Here
 * memory follows the text kept, not the markup; the only stack is an array
 * whose depth is capped; bytes, elements and depth are counted as they arrive.
 */
import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportError } from '../errors';
import { IMPORT_LIMITS, type ImportLimits } from '../limits';
import { linesToParagraphs } from '../paragraphs';
import type { Block, DocModel, TableCell } from '../types';
import { checkZipDirectory } from './zip-guard';

/** Containers whose text we assemble; every other element is transparent. */
type Frame =
  | { kind: 'body' }
  | { kind: 'para'; text: string }
  | { kind: 'table'; rows: TableCell[][] }
  | { kind: 'row'; cells: TableCell[] }
  | { kind: 'cell'; parts: string[]; span: number; merged: boolean };

/** Elements whose content is never text of the document (deleted runs, field codes, properties). */
const SKIPPED = new Set(['del', 'delText', 'instrText', 'rPr', 'pPr']);
const CHARS: Record<string, string> = { tab: ' ', br: '\n', cr: '\n', noBreakHyphen: '-' };

function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function val(tag: SaxesTagPlain): string | null {
  return tag.attributes['w:val'] ?? tag.attributes.val ?? null;
}

/** Builds the document model from SAX events; one instance per document. */
class DocxBuilder {
  readonly blocks: Block[] = [];
  sawBody = false;
  private readonly pending: string[] = [];
  /** One entry per open element: its local name and the frame it opened, if any. */
  private readonly names: string[] = [];
  private readonly opened: Array<Frame | null> = [];
  private readonly frames: Frame[] = [];
  private skip = 0;
  private elements = 0;
  private textChars = 0;

  constructor(private readonly limits: ImportLimits) {}

  open(tag: SaxesTagPlain): void {
    const name = local(tag.name);
    if (++this.elements > this.limits.maxXmlElements) throw new ImportError('too_complex', { what: 'quá nhiều thành phần' });
    if (this.names.length >= this.limits.maxXmlDepth) throw new ImportError('too_complex', { what: 'các thành phần lồng nhau quá sâu' });
    const parent = this.names[this.names.length - 1];
    this.names.push(name);
    const frame = this.skip > 0 ? null : this.frameFor(name, tag, parent);
    this.opened.push(frame);
    if (frame) this.frames.push(frame);
    if (SKIPPED.has(name)) this.skip++;
  }

  private frameFor(name: string, tag: SaxesTagPlain, parent: string | undefined): Frame | null {
    const top = this.frames[this.frames.length - 1];
    if (name === 'body' && !this.sawBody) {
      this.sawBody = true;
      return { kind: 'body' };
    }
    if (!top) return null;
    if (name === 'p') return { kind: 'para', text: '' };
    if (name === 'tbl') return { kind: 'table', rows: [] };
    if (name === 'tr' && top.kind === 'table') return { kind: 'row', cells: [] };
    if (name === 'tc' && top.kind === 'row') return { kind: 'cell', parts: [], span: 1, merged: false };
    if (name === 'gridBefore' && parent === 'trPr' && top.kind === 'row') {
      for (let i = 0; i < Number(val(tag) ?? 0); i++) top.cells.push({ text: '' });
    } else if (name === 'gridSpan' && parent === 'tcPr' && top.kind === 'cell') {
      top.span = Math.max(1, Number(val(tag) ?? 1) || 1);
    } else if (name === 'vMerge' && parent === 'tcPr' && top.kind === 'cell') {
      top.merged = val(tag) !== 'restart';
    } else if (name in CHARS && top.kind === 'para') {
      this.addText(top, CHARS[name]);
    }
    return null;
  }

  text(text: string): void {
    const top = this.frames[this.frames.length - 1];
    if (this.skip === 0 && top?.kind === 'para' && this.names[this.names.length - 1] === 't') this.addText(top, text);
  }

  private addText(para: { text: string }, text: string): void {
    this.textChars += text.length;
    if (this.textChars > this.limits.maxTextChars) throw new ImportError('content_too_large', { max: `${this.limits.maxTextChars.toLocaleString('vi-VN')} ký tự` });
    para.text += text;
  }

  close(): void {
    const name = this.names.pop();
    const frame = this.opened.pop();
    if (name && SKIPPED.has(name)) this.skip--;
    if (!frame) return;
    this.frames.pop();
    this.finish(frame, this.frames[this.frames.length - 1]);
  }

  /** Hands a closed container's content to the container around it. */
  private finish(frame: Frame, parent: Frame | undefined): void {
    if (frame.kind === 'body') this.flush();
    else if (frame.kind === 'para') this.finishParagraph(frame.text, parent);
    else if (frame.kind === 'table') this.finishTable(frame.rows, parent);
    else if (frame.kind === 'row' && parent?.kind === 'table') parent.rows.push(frame.cells);
    else if (frame.kind === 'cell' && parent?.kind === 'row') this.finishCell(frame, parent.cells);
  }

  private finishParagraph(text: string, parent: Frame | undefined): void {
    if (parent?.kind === 'body') this.pending.push(text.replace(/\n/g, ' '));
    else if (parent?.kind === 'cell') parent.parts.push(text);
    else if (parent?.kind === 'para') parent.text += text; // a text box inside a run
  }

  private finishTable(rows: TableCell[][], parent: Frame | undefined): void {
    if (parent?.kind === 'body') {
      this.flush();
      this.blocks.push({ kind: 'table', rows });
    } else if (parent?.kind === 'cell') parent.parts.push(...rows.map((row) => row.map((c) => c.text).join(' ')));
    else if (parent?.kind === 'para') parent.text += rows.map((row) => row.map((c) => c.text).join(' ')).join(' ');
  }

  private finishCell(cell: Extract<Frame, { kind: 'cell' }>, row: TableCell[]): void {
    if (cell.merged) {
      const table = this.frames[this.frames.length - 2];
      const above = table?.kind === 'table' ? table.rows[table.rows.length - 1]?.[row.length] : undefined;
      row.push({ text: above?.text ?? '', fromAbove: true });
    } else {
      row.push({
        text: cell.parts
          .join('\n')
          .replace(/\n{2,}/g, '\n')
          .trim(),
      });
    }
    for (let i = 1; i < cell.span; i++) row.push({ text: '' });
  }

  flush(): void {
    for (const text of linesToParagraphs(this.pending)) this.blocks.push({ kind: 'paragraph', text });
    this.pending.length = 0;
  }
}

/** Feeds word/document.xml to the builder as it inflates, stopping at the byte cap. */
async function parseDocumentXml(entry: JSZip.JSZipObject, limits: ImportLimits): Promise<DocxBuilder> {
  const builder = new DocxBuilder(limits);
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: unknown = null;
  const guard = (fn: () => void): void => {
    if (failure) return;
    try {
      fn();
    } catch (e) {
      failure = e;
    }
  };
  parser.on('opentag', (tag) => guard(() => builder.open(tag as SaxesTagPlain)));
  parser.on('closetag', () => guard(() => builder.close()));
  parser.on('text', (text) => guard(() => builder.text(text)));
  parser.on('cdata', (text) => guard(() => builder.text(text)));
  parser.on('error', (e) => {
    failure ??= new ImportError('corrupt', {}, { cause: e });
  });
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  const max = `${Math.round(limits.maxDocumentXmlBytes / (1024 * 1024))} MB`;
  await new Promise<void>((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    const stop = (e: unknown): void => {
      stream.pause();
      reject(e instanceof ImportError ? e : new ImportError('corrupt', {}, { cause: e }));
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (failure) return;
        size += chunk.length;
        // Declared sizes can lie: the cap holds on the bytes actually inflated.
        if (size > limits.maxDocumentXmlBytes) failure = new ImportError('content_too_large', { max });
        else parser.write(decoder.decode(chunk, { stream: true }));
        if (failure) stop(failure);
      })
      .on('error', stop)
      .on('end', () => {
        if (failure) return;
        try {
          parser.write(decoder.decode());
          parser.close();
          resolve();
        } catch (e) {
          stop(e);
        }
      })
      .resume();
  });
  if (failure) throw failure;
  return builder;
}

export async function readDocx(data: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<DocModel> {
  checkZipDirectory(data, limits);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch (e) {
    throw new ImportError('corrupt', {}, { cause: e });
  }
  const entry = zip.file('word/document.xml');
  if (!entry) throw new ImportError('corrupt');
  const builder = await parseDocumentXml(entry, limits);
  if (!builder.sawBody) throw new ImportError('corrupt');
  builder.flush();
  return { format: 'docx', blocks: builder.blocks };
}
