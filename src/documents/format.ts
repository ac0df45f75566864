/**
 * The format of administrative documents set by Nghị định 30/2020/NĐ-CP, Phụ lục I,
 * as numbers the builders use. Where the decree gives a range we take one value
 * and say which.
 */
export const FONT = 'Times New Roman';

/** docx sizes are half-points. */
export const pt = (points: number): number => points * 2;
/** Twips (1/1440 inch), rounded to the nearest: A4 is then exactly Word's 11906 × 16838. */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

export const A4 = { widthMm: 210, heightMm: 297 } as const;

/** Top 20–25, bottom 20–25, left 30–35, right 15–20 mm: the smallest of each range. */
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** The page number sits in the top margin, this far from the page edge. */
export const HEADER_DISTANCE_MM = 10;

export const PORTRAIT_TEXT_WIDTH_MM = A4.widthMm - MARGIN_MM.left - MARGIN_MM.right; // 165
export const LANDSCAPE_TEXT_WIDTH_MM = A4.heightMm - MARGIN_MM.left - MARGIN_MM.right; // 252

/** Font sizes in points, per part of the document. */
export const SIZE = {
  governingBody: 13, // 12–13, regular caps
  issuingBody: 13, // 12–13, bold caps
  nationalName: 13, // 12–13, bold caps
  motto: 14, // 13–14, bold
  number: 13,
  placeDate: 14, // 13–14, italic
  documentType: 14, // 13–14, bold caps
  summary: 14, // 13–14, bold
  body: 14, // 13–14
  recipientsLabel: 12, // bold italic
  recipients: 11,
  signature: 14, // authority, title and name: 13–14 bold
  pageNumber: 13, // 13–14
  appendixHeading: 14, // "Phụ lục", bold
  table: 12, // tables may use a smaller size than the body
  tableHeader: 12,
} as const;

/** Body paragraphs: first-line indent 1–1.27 cm, 6 pt between paragraphs, line spacing from single to 1.5. */
export const BODY = {
  firstLineMm: 10,
  spaceBeforePt: 6,
  /** 240 = single line; 1.2 lines sits well inside the decree's range. */
  line: 288,
} as const;

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
