/** Typed import failures, each with a message a commune officer can act on. */
export type ImportErrorCode =
  | 'file_empty'
  | 'file_too_large'
  | 'unsupported_type'
  | 'corrupt'
  | 'password_protected'
  | 'legacy_doc'
  | 'zip_bomb'
  | 'no_text'
  | 'not_a_plan'
  | 'inspection_plan'
  | 'not_an_inspection_plan'
  | 'timeout'
  | 'content_too_large'
  | 'too_complex'
  | 'busy';

const MESSAGES: Record<ImportErrorCode, string> = {
  file_empty: 'Tệp rỗng, vui lòng chọn lại tệp.',
  file_too_large: 'Tệp quá lớn (tối đa {max}). Vui lòng kiểm tra lại tệp kế hoạch.',
  unsupported_type: 'Loại tệp không được hỗ trợ. Chỉ nhận tệp Word (.docx), PDF (.pdf) hoặc văn bản (.txt, .md).',
  corrupt: 'Tệp bị hỏng hoặc không đúng định dạng nên không đọc được. Vui lòng mở tệp bằng Word/trình đọc PDF, lưu lại rồi tải lên lại.',
  password_protected: 'Tệp được bảo vệ bằng mật khẩu. Vui lòng gỡ mật khẩu rồi tải lên lại.',
  legacy_doc: 'Tệp Word định dạng cũ (.doc) chưa được hỗ trợ. Vui lòng mở bằng Word và lưu lại dưới dạng .docx.',
  zip_bomb: 'Tệp .docx có nội dung giải nén bất thường (quá lớn) nên bị từ chối để bảo vệ hệ thống.',
  no_text: 'Tệp PDF không có lớp chữ (có thể là bản scan/ảnh chụp). Vui lòng tải lên bản Word hoặc PDF xuất trực tiếp từ Word.',
  not_a_plan: 'Tài liệu không phải là kế hoạch cải cách hành chính: không tìm thấy tiêu đề kế hoạch hay bảng danh mục nhiệm vụ.',
  inspection_plan:
    'Tài liệu là kế hoạch kiểm tra công tác cải cách hành chính, không phải kế hoạch cải cách hành chính có danh mục nhiệm vụ. Vui lòng nhập tài liệu này ở mục Kiểm tra → Nhập kế hoạch kiểm tra.',
  not_an_inspection_plan: 'Tài liệu không phải là kế hoạch kiểm tra công tác cải cách hành chính: không tìm thấy tiêu đề "Kế hoạch kiểm tra …" hay mục "Nội dung kiểm tra".',
  timeout: 'Tài liệu quá phức tạp, không đọc xong trong thời gian cho phép. Vui lòng tách nhỏ hoặc lưu lại tệp rồi thử lại.',
  content_too_large:
    'Nội dung tài liệu sau khi giải nén quá lớn (tối đa {max}) nên bị từ chối để bảo vệ hệ thống. Vui lòng tách nhỏ tài liệu hoặc lưu lại bằng Word/trình đọc PDF rồi thử lại.',
  too_complex: 'Tài liệu có cấu trúc quá phức tạp ({what}) nên bị từ chối để bảo vệ hệ thống. Vui lòng lưu lại tệp bằng Word/trình đọc PDF rồi thử lại.',
  busy: 'Máy chủ đang bận xử lý tài liệu khác, thử lại sau ít phút.',
};

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** Kept so the error can cross from the parse worker to the server and be rebuilt. */
  readonly params: Record<string, string>;
  constructor(code: ImportErrorCode, params: Record<string, string> = {}, options?: { cause?: unknown }) {
    super(fill(MESSAGES[code], params), options);
    this.name = 'ImportError';
    this.code = code;
    this.params = params;
  }
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => params[key] ?? m);
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
