/**
 * .docx reader: walks word/document.xml and returns paragraphs and tables with
 * their real cells. Horizontal merges (gridSpan) keep the grid aligned;
 * vertical merges (vMerge) repeat the text of the cell above, flagged so a
 * continuation row does not append it twice; <w:br/> inside cells stays a line break.
 */
import JSZip from 'jszip';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { ImportError } from '../errors';
import { IMPORT_LIMITS } from '../limits';
import { linesToParagraphs } from '../paragraphs';
import type { Block, DocModel, TableCell } from '../types';
import { checkZipDirectory, readEntryCapped } from './zip-guard';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function children(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

function local(el: Element): string {
  return el.localName ?? el.nodeName.replace(/^.*:/, '');
}

function child(el: Element, name: string): Element | undefined {
  return children(el).find((c) => local(c) === name);
}

function attr(el: Element | undefined, name: string): string | null {
  if (!el) return null;
  return el.getAttributeNS(W, name) || el.getAttribute(`w:${name}`) || null;
}

/** Text of a run container; deleted text and field codes are skipped. */
function runText(el: Element): string {
  let out = '';
  for (const c of children(el)) {
    const name = local(c);
    if (name === 't') out += c.textContent ?? '';
    else if (name === 'tab') out += ' ';
    else if (name === 'br' || name === 'cr') out += '\n';
    else if (name === 'noBreakHyphen') out += '-';
    else if (name === 'del' || name === 'delText' || name === 'instrText' || name === 'rPr' || name === 'pPr') continue;
    else out += runText(c);
  }
  return out;
}

function paragraphText(p: Element): string {
  return runText(p);
}

function cellText(tc: Element): string {
  const parts: string[] = [];
  for (const c of children(tc)) {
    const name = local(c);
    if (name === 'p') parts.push(paragraphText(c));
    else if (name === 'tbl') parts.push(...readTable(c).map((row) => row.map((x) => x.text).join(' ')));
    else if (name === 'sdt') parts.push(cellText(child(c, 'sdtContent') ?? c));
  }
  return parts.join('\n').replace(/\n{2,}/g, '\n').trim();
}

function readTable(tbl: Element): TableCell[][] {
  const rows: TableCell[][] = [];
  const trs = children(tbl).flatMap((c) => (local(c) === 'tr' ? [c] : local(c) === 'sdt' ? children(child(c, 'sdtContent') ?? c).filter((x) => local(x) === 'tr') : []));
  for (const tr of trs) {
    const row: TableCell[] = [];
    const before = Number(attr(child(child(tr, 'trPr') ?? tr, 'gridBefore'), 'val') ?? 0);
    for (let i = 0; i < before; i++) row.push({ text: '' });
    for (const tc of children(tr).filter((c) => local(c) === 'tc')) {
      const pr = child(tc, 'tcPr');
      const span = Math.max(1, Number(attr(pr && child(pr, 'gridSpan'), 'val') ?? 1));
      const vMerge = pr ? child(pr, 'vMerge') : undefined;
      const col = row.length;
      if (vMerge && attr(vMerge, 'val') !== 'restart') {
        const above = rows[rows.length - 1]?.[col];
        row.push({ text: above?.text ?? '', fromAbove: true });
      } else {
        row.push({ text: cellText(tc) });
      }
      for (let i = 1; i < span; i++) row.push({ text: '' });
    }
    rows.push(row);
  }
  return rows;
}

function readBody(body: Element, blocks: Block[], pending: string[]): void {
  for (const el of children(body)) {
    const name = local(el);
    if (name === 'p') pending.push(paragraphText(el).replace(/\n/g, ' '));
    else if (name === 'tbl') {
      flush(blocks, pending);
      blocks.push({ kind: 'table', rows: readTable(el) });
    } else if (name === 'sdt') readBody(child(el, 'sdtContent') ?? el, blocks, pending);
  }
}

function flush(blocks: Block[], pending: string[]): void {
  for (const text of linesToParagraphs(pending)) blocks.push({ kind: 'paragraph', text });
  pending.length = 0;
}

export async function readDocx(data: Uint8Array, limits = IMPORT_LIMITS): Promise<DocModel> {
  checkZipDirectory(data, limits);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch (e) {
    throw new ImportError('corrupt', {}, { cause: e });
  }
  const entry = zip.file('word/document.xml');
  if (!entry) throw new ImportError('corrupt');
  const xml = new TextDecoder('utf-8').decode(await readEntryCapped(entry, limits.maxUnzippedBytes));
  let doc;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
  } catch (e) {
    throw new ImportError('corrupt', {}, { cause: e });
  }
  const body = doc.getElementsByTagNameNS(W, 'body')[0];
  if (!body) throw new ImportError('corrupt');
  const blocks: Block[] = [];
  const pending: string[] = [];
  readBody(body, blocks, pending);
  flush(blocks, pending);
  return { format: 'docx', blocks };
}
