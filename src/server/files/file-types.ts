/**
 * Which evidence files are accepted, checked by extension AND by the file's first
 * bytes, so a renamed executable is refused.
 */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

interface FileType {
  mimeType: string;
  magic: number[];
}

export const ACCEPTED: Record<string, FileType> = {
  pdf: { mimeType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  odt: { mimeType: 'application/vnd.oasis.opendocument.text', magic: ZIP },
  ods: { mimeType: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP },
  zip: { mimeType: 'application/zip', magic: ZIP },
  doc: { mimeType: 'application/msword', magic: OLE },
  xls: { mimeType: 'application/vnd.ms-excel', magic: OLE },
  jpg: { mimeType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mimeType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mimeType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
};

export const ACCEPTED_LIST = 'PDF, Word (doc, docx), Excel (xls, xlsx), ODT, ODS, JPG, PNG, ZIP';
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(fileName);
  return match ? match[1].toLowerCase() : '';
}

/** The file's type when its name and its first bytes agree, else null. */
export function detectFileType(fileName: string, head: Uint8Array): FileType | null {
  const type = ACCEPTED[extensionOf(fileName)];
  if (!type) return null;
  return type.magic.every((byte, i) => head[i] === byte) ? type : null;
}
