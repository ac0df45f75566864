/**
 * The canonical dossier template (the CSV the system offers for download and the
 * CLI reads) and the recognition of other exports' headers.
 */
import { matchKey } from '../text/normalize';

export const DOSSIER_FIELDS = [
  'code',
  'procedureCode',
  'procedureName',
  'field',
  'unit',
  'channel',
  'received',
  'appointment',
  'ended',
  'status',
  'hasFee',
  'paidOnline',
  'digitised',
  'electronicResult',
  'rating',
] as const;
export type DossierField = (typeof DOSSIER_FIELDS)[number];

/** Exactly the template's headers, in order (one per field above). */
export const TEMPLATE_HEADERS: Record<DossierField, string> = {
  code: 'Mã hồ sơ',
  procedureCode: 'Mã thủ tục',
  procedureName: 'Tên thủ tục',
  field: 'Lĩnh vực',
  unit: 'Đơn vị tiếp nhận',
  channel: 'Hình thức nộp',
  received: 'Ngày tiếp nhận',
  appointment: 'Ngày hẹn trả',
  ended: 'Ngày kết thúc',
  status: 'Trạng thái',
  hasFee: 'Có phí',
  paidOnline: 'Thanh toán trực tuyến',
  digitised: 'Số hóa',
  electronicResult: 'Kết quả điện tử',
  rating: 'Đánh giá',
};

export const TEMPLATE_CSV_HEADER = DOSSIER_FIELDS.map((f) => TEMPLATE_HEADERS[f]).join(',');

/**
 * Columns an indicator cannot do without. The others may be absent: their values
 * are then unknown and the rates that need them have no data.
 */
/** The longest text each bounded field may hold (the `dossiers` columns are declared with these lengths). */
export const DOSSIER_TEXT_LIMITS = { code: 100, procedureCode: 100, field: 300, unit: 300 } as const satisfies Partial<Record<DossierField, number>>;

export const REQUIRED_FIELDS: readonly DossierField[] = ['code', 'channel', 'received', 'appointment', 'ended', 'status'];

/** Other names the city's and provinces' dossier systems give the same columns (folded keys). */
const ALIASES: Record<DossierField, string[]> = {
  code: ['ma ho so', 'so ho so', 'ma hs', 'so hs'],
  procedureCode: ['ma thu tuc', 'ma tthc', 'ma thu tuc hanh chinh'],
  procedureName: ['ten thu tuc', 'ten tthc', 'ten thu tuc hanh chinh', 'thu tuc hanh chinh', 'thu tuc'],
  field: ['linh vuc', 'ten linh vuc'],
  unit: ['don vi tiep nhan', 'co quan tiep nhan', 'noi tiep nhan', 'don vi', 'bo phan tiep nhan'],
  channel: ['hinh thuc nop', 'hinh thuc tiep nhan', 'kenh nop', 'hinh thuc nop ho so'],
  received: ['ngay tiep nhan', 'thoi gian tiep nhan', 'ngay nhan', 'ngay nop'],
  appointment: ['ngay hen tra', 'ngay hen tra ket qua', 'hen tra', 'thoi gian hen tra'],
  ended: ['ngay ket thuc', 'ngay ket thuc xu ly', 'thoi gian ket thuc', 'ngay hoan thanh', 'ngay tra ket qua', 'ngay co ket qua'],
  status: ['trang thai', 'trang thai ho so', 'tinh trang'],
  hasFee: ['co phi', 'co thu phi', 'phi le phi'],
  paidOnline: ['thanh toan truc tuyen', 'thanh toan online', 'thanh toan tt'],
  digitised: ['so hoa', 'da so hoa', 'so hoa ho so'],
  electronicResult: ['ket qua dien tu', 'tra ket qua dien tu', 'co ket qua dien tu'],
  rating: ['danh gia', 'muc do hai long', 'danh gia hai long', 'ket qua danh gia'],
};

const FIELD_BY_KEY = new Map<string, DossierField>(DOSSIER_FIELDS.flatMap((f) => ALIASES[f].map((alias) => [alias, f] as [string, DossierField])));

/** Column index of each field; a field without a column is absent. */
export type ColumnMap = Partial<Record<DossierField, number>>;

export type HeaderProblem = { code: 'missing_columns'; columns: string[] } | { code: 'duplicate_column'; column: string };

/**
 * Recognises each header (the template's names and known variants, ignoring case
 * and diacritics). `saved` is a commune's own mapping (header text → field) for a
 * source whose names are not known; it wins over recognition.
 */
export function mapHeaders(headers: string[], saved: Record<string, DossierField> = {}): { columns: ColumnMap; problem: HeaderProblem | null } {
  const savedByKey = new Map(Object.entries(saved).map(([h, f]) => [matchKey(h), f]));
  const columns: ColumnMap = {};
  for (const [index, header] of headers.entries()) {
    const key = matchKey(header);
    const field = savedByKey.get(key) ?? FIELD_BY_KEY.get(key);
    if (!field) continue;
    if (columns[field] !== undefined) return { columns, problem: { code: 'duplicate_column', column: header.trim() } };
    columns[field] = index;
  }
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined).map((f) => TEMPLATE_HEADERS[f]);
  return { columns, problem: missing.length > 0 ? { code: 'missing_columns', columns: missing } : null };
}
