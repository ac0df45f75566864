/**
 * Plain text / markdown reader: tab-separated (or pipe) table rows, markdown
 * emphasis, HTML fragments inside cells, and tables flattened to lines by a
 * PDF-to-text copy (cut apart later by flat-table.ts).
 */

import { isLayoutHeader, readLayoutTable } from '../layout-table';
import { linesToParagraphs } from '../paragraphs';
import { fold, stripMarkdown } from '../text-utils';
import type { Block, DocModel, TableCell } from '../types';

export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const utf8 = new TextDecoder('utf-8').decode(data);
  return utf8.charCodeAt(0) === 0xfeff ? utf8.slice(1) : utf8;
}

function isTabRow(line: string): boolean {
  return (line.match(/\t/g)?.length ?? 0) >= 2;
}

function isPipeRow(line: string): boolean {
  return /^\s*\|.*\|.*\|/.test(line);
}

function splitRow(line: string): TableCell[] {
  if (isTabRow(line)) return line.split('\t').map((text) => ({ text: stripMarkdown(text) }));
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((text) => ({ text: stripMarkdown(text.trim()) }));
}

function isPipeSeparator(line: string): boolean {
  return /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);
}

/** "TT Nội dung nhiệm vụ Cơ quan chủ" with no tabs: the table header of a flattened table. */
export function isFlatHeader(line: string): boolean {
  return /^(s?tt)\s+noi dung\b/.test(fold(stripMarkdown(line).trim())) && !line.includes('\t');
}

export function readText(text: string): DocModel {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flushPara = (): void => {
    for (const p of linesToParagraphs(para)) blocks.push({ kind: 'paragraph', text: p });
    para = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isTabRow(line) || isPipeRow(line)) {
      flushPara();
      const { rows, next } = collectTable(lines, i);
      blocks.push({ kind: 'table', rows });
      i = next;
    } else if (isLayoutHeader(lines, i)) {
      flushPara();
      const table = readLayoutTable(lines, i);
      if (table) blocks.push({ kind: 'table', rows: table.rows });
      i = table?.next ?? i + 1;
    } else if (isFlatHeader(line)) {
      flushPara();
      blocks.push({ kind: 'flat-table', lines: lines.slice(i).filter((l) => l.trim().length > 0) });
      i = lines.length;
    } else {
      para.push(stripMarkdown(line.replace(/ {2,}$/, '')));
      i++;
    }
  }
  flushPara();
  return { format: 'text', blocks };
}

/** "| **II. CẢI CÁCH THỂ CHẾ** |": a heading row written as one cell, inside a pipe table. */
function isOneCellPipeRow(line: string): boolean {
  return /^\s*\|[^|]*\S[^|]*\|\s*$/.test(line);
}

function collectTable(lines: string[], start: number): { rows: TableCell[][]; next: number } {
  const rows: TableCell[][] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    if (isTabRow(line) || isPipeRow(line) || (rows.length > 0 && isOneCellPipeRow(line))) {
      if (!isPipeSeparator(line)) rows.push(splitRow(line));
      i++;
      continue;
    }
    // Blank lines between rows (page breaks in exports) do not end the table.
    let j = i;
    while (j < lines.length && lines[j].trim() === '') j++;
    if (j > i && j < lines.length && (isTabRow(lines[j]) || isPipeRow(lines[j]))) {
      i = j;
      continue;
    }
    break;
  }
  return { rows, next: i };
}
