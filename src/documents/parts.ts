/**
 * The parts of an official document (Nghị định 30/2020, Phụ lục I), each a small
 * function returning docx elements: header table, title, body, closing, page numbers.
 */
import {
  AlignmentType,
  BorderStyle,
  Header,
  type IBorderOptions,
  LineRuleType,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { BODY, FONT, MOTTO, mm, NATIONAL_NAME, PORTRAIT_TEXT_WIDTH_MM, pt, SIZE } from './format';
import type { BodyBlock, OfficialDocument, Signature } from './types';
import { issuerLines, numberLine, parseDocumentNumber, placeAndDate, upperVi } from './vi-format';

interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

/** NFC: text pasted in decomposed form (Hoa + ̀) would otherwise print with detached accents in some fonts. Control codes are dropped by docx itself. */
export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ text: text.normalize('NFC'), font: FONT, size: pt(style.size), bold: style.bold, italics: style.italics });
}

/** A centred line of one style, no space around it (header and signature lines). */
export function line(text: string, style: RunStyle, options: { spaceBeforePt?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: (options.spaceBeforePt ?? 0) * 20, after: 0 },
    keepNext: options.keepNext,
    children: [run(text, style)],
  });
}

const SOLID: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/**
 * A centred horizontal rule `lengthMm` long in a column `columnMm` wide: an empty,
 * 3 pt-high paragraph (clear of the descenders above) whose bottom border is narrowed by equal indents.
 */
export function rule(lengthMm: number, columnMm: number): Paragraph {
  const side = mm(Math.max(0, (columnMm - lengthMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: SOLID },
    children: [run('', { size: 2 })],
  });
}

/** Left column of the header: governing body, issuing body, rule, number. */
const HEADER_LEFT_MM = 68;
const HEADER_RIGHT_MM = PORTRAIT_TEXT_WIDTH_MM - HEADER_LEFT_MM;
/** The motto's rule is as long as the motto (14 pt bold Times New Roman ≈ 60.4 mm, measured on the rendered PDF). */
const MOTTO_RULE_MM = 61;
/** The issuer's rule: a third to a half of the line above it. */
const ISSUER_RULE_MM = 20;

const GRID_LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = { top: GRID_LINE, bottom: GRID_LINE, left: GRID_LINE, right: GRID_LINE };

/**
 * A ruled cell of a table laid out on columns of fixed millimetres (the plan's appendix, the
 * inspection checklist): spanning `span` columns from `column`, centred vertically, one paragraph per line.
 */
export function gridCell(
  columnsMm: readonly number[],
  column: number,
  lines: { text: string; italic?: boolean }[],
  options: { bold?: boolean; center?: boolean; span?: number; keepNext?: boolean } = {},
): TableCell {
  const span = options.span ?? 1;
  const widthMm = columnsMm.slice(column, column + span).reduce((a, b) => a + b, 0);
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    borders: GRID_BORDERS,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: mm(1.2), right: mm(1.2), top: mm(0.6), bottom: mm(0.6) },
    children: (lines.length ? lines : [{ text: '' }]).map(
      (l) =>
        new Paragraph({
          alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 0, after: 0 },
          keepNext: options.keepNext,
          children: [run(l.text, { size: SIZE.table, bold: options.bold, italics: l.italic })],
        }),
    ),
  });
}

export function cell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    borders: NO_BORDERS,
    margins: { left: 0, right: 0 },
    children,
  });
}

export function headerTable(doc: OfficialDocument): Table {
  const left: Paragraph[] = [];
  if (doc.issuer.governingBody) left.push(line(upperVi(doc.issuer.governingBody), { size: SIZE.governingBody }));
  for (const text of issuerLines(doc.issuer.name)) left.push(line(text, { size: SIZE.issuingBody, bold: true }));
  left.push(rule(ISSUER_RULE_MM, HEADER_LEFT_MM));

  const right = [line(NATIONAL_NAME, { size: SIZE.nationalName, bold: true }), line(MOTTO, { size: SIZE.motto, bold: true }), rule(MOTTO_RULE_MM, HEADER_RIGHT_MM)];

  const rows = [new TableRow({ children: [cell(left, HEADER_LEFT_MM), cell(right, HEADER_RIGHT_MM)] })];
  if (!doc.attachedTo) {
    const number = parseDocumentNumber(doc.number) ?? { number: '', symbol: doc.number.replace(/^\//, '') };
    rows.push(
      new TableRow({
        children: [
          cell([line(numberLine(number), { size: SIZE.number }, { spaceBeforePt: 6 })], HEADER_LEFT_MM),
          cell([line(placeAndDate(doc.place, doc.date, doc.year), { size: SIZE.placeDate, italics: true }, { spaceBeforePt: 6 })], HEADER_RIGHT_MM),
        ],
      }),
    );
  }
  return new Table({
    width: { size: mm(PORTRAIT_TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(HEADER_LEFT_MM), mm(HEADER_RIGHT_MM)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows,
  });
}

export function title(doc: OfficialDocument): Paragraph[] {
  const out = [
    line(upperVi(doc.type), { size: SIZE.documentType, bold: true }, { spaceBeforePt: 18, keepNext: true }),
    line(doc.summary, { size: SIZE.summary, bold: true }, { keepNext: true }),
  ];
  if (doc.attachedTo) out.push(line(doc.attachedTo, { size: SIZE.summary, italics: true }, { keepNext: true }));
  // A short rule under the summary, a third to a half of its length.
  out.push(rule(40, PORTRAIT_TEXT_WIDTH_MM));
  out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  return out;
}

/** A body paragraph: justified, first-line indent, 6 pt before. */
export function bodyParagraph(children: ParagraphChild[] | string, options: { keepNext?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: mm(BODY.firstLineMm) },
    spacing: { before: BODY.spaceBeforePt * 20, after: 0, line: BODY.line },
    keepNext: options.keepNext,
    children: typeof children === 'string' ? [run(children, { size: SIZE.body })] : children,
  });
}

function figuresTable(block: Extract<BodyBlock, { kind: 'figures' }>, widthMm: number): (Paragraph | Table)[] {
  const columns = block.columns.length;
  // The first column holds the label; the figure columns share what is left.
  const labelMm = columns > 1 ? Math.round(widthMm * 0.5) : widthMm;
  const figureMm = columns > 1 ? (widthMm - labelMm) / (columns - 1) : 0;
  const widths = block.columns.map((_, i) => mm(i === 0 ? labelMm : figureMm));
  const border = { top: SOLID, bottom: SOLID, left: SOLID, right: SOLID };
  const tableCell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      borders: border,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: mm(1.5), right: mm(1.5), top: mm(0.5), bottom: mm(0.5) },
      children: [
        new Paragraph({
          alignment: i === 0 && !header ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, { size: SIZE.table, bold: header })],
        }),
      ],
    });
  const out: (Paragraph | Table)[] = [];
  if (block.caption) out.push(bodyParagraph([run(block.caption, { size: SIZE.body, italics: true })], { keepNext: true }));
  out.push(
    new Table({
      width: { size: mm(widthMm), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => tableCell(c, i, true)) }),
        ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((v, i) => tableCell(String(v), i, false)) })),
      ],
    }),
  );
  out.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }));
  return out;
}

export function bodyBlocks(blocks: BodyBlock[]): (Paragraph | Table)[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case 'heading':
        return [bodyParagraph([run(block.text, { size: SIZE.body, bold: true })], { keepNext: true })];
      case 'paragraph':
        return [bodyParagraph([run(block.text, { size: SIZE.body, italics: block.italic })])];
      default:
        // Only 'figures' is left here: a new block kind makes this call a type error.
        return figuresTable(block, PORTRAIT_TEXT_WIDTH_MM);
    }
  });
}

const CLOSING_LEFT_MM = 75;
const CLOSING_RIGHT_MM = PORTRAIT_TEXT_WIDTH_MM - CLOSING_LEFT_MM;

/**
 * Phụ lục I, NĐ 30/2020: a collective body (the UBND) signs "TM. ỦY BAN NHÂN DÂN"; when a deputy signs for it the
 * "KT. CHỦ TỊCH" line comes under that one, so both show. A head's own signature has neither.
 */
export function authorityLines(signature: Signature): string[] {
  const onBehalf = `TM. ${upperVi(signature.body ?? 'Ủy ban nhân dân')}`;
  if (signature.authority === 'TM') return [onBehalf];
  if (signature.authority === 'KT') return signature.body ? [onBehalf, 'KT. CHỦ TỊCH'] : ['KT. CHỦ TỊCH'];
  return [];
}

/** Heading lines in bold capitals, room to sign (and seal), then the signer's name. */
export function signatureColumn(headings: string[], name: string | null): Paragraph[] {
  const style = { size: SIZE.signature, bold: true };
  const lines = headings.map((text) => line(upperVi(text), style));
  // Room for the signature and the seal: four empty lines.
  for (let i = 0; i < 4; i++) lines.push(line('', style));
  lines.push(line(name ?? '', style, { spaceBeforePt: 12 }));
  return lines;
}

function signatureLines(signature: Signature): Paragraph[] {
  return signatureColumn([...authorityLines(signature), signature.title], signature.name);
}

function recipientLines(recipients: string[]): Paragraph[] {
  const label = new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italics: true })] });
  return [label, ...recipients.map((r) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${r}`, { size: SIZE.recipients })] }))];
}

/** "Nơi nhận" on the left, the signature block on the right, kept on one page. */
function closing(doc: OfficialDocument): Table {
  return new Table({
    width: { size: mm(PORTRAIT_TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(CLOSING_LEFT_MM), mm(CLOSING_RIGHT_MM)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(recipientLines(doc.recipients), CLOSING_LEFT_MM), cell(signatureLines(doc.signature), CLOSING_RIGHT_MM)],
      }),
    ],
  });
}

/** The first page of a document: header, title, body, closing. */
export function documentChildren(doc: OfficialDocument): (Paragraph | Table)[] {
  return [headerTable(doc), ...title(doc), ...bodyBlocks(doc.body), new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }), closing(doc)];
}

/** Page numbers, Arabic, centred in the top margin; the first page has none (titlePage). */
export function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(SIZE.pageNumber) })],
      }),
    ],
  });
}

export function emptyHeader(): Header {
  return new Header({ children: [new Paragraph({ children: [] })] });
}
