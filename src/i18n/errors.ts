/** Messages for the stable error codes of src/server/errors.ts. */
export const errorsVi = {
  'error.unauthenticated': 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  'error.invalid_credentials': 'Tên đăng nhập hoặc mật khẩu không đúng.',
  'error.too_many_attempts': 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau ít phút.',
  'error.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
  'error.not_found': 'Không tìm thấy dữ liệu yêu cầu.',
  'error.validation': 'Dữ liệu nhập chưa hợp lệ.',
  'error.conflict': 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại trang rồi thử lại.',
  'error.duplicate': 'Dữ liệu này đã tồn tại.',
  'error.file_too_large': 'Tệp quá lớn. Dung lượng tối đa cho phép là {max}.',
  'error.file_type': 'Loại tệp không được hỗ trợ. Chỉ nhận: {types}.',
  'error.file_empty': 'Tệp rỗng, vui lòng chọn lại tệp.',
  'error.import_failed': 'Không đọc được tài liệu: {reason}',
  'error.busy': 'Máy chủ đang bận xử lý tài liệu khác, thử lại sau ít phút.',
  'error.internal': 'Hệ thống gặp lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; vui lòng thử lại.',
  'error.unavailable': 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Dữ liệu đã lưu không bị mất; vui lòng thử lại sau ít phút.',
} as const;

export type ErrorKey = keyof typeof errorsVi;

export const errorsEn: Record<ErrorKey, string> = {
  'error.unauthenticated': 'You are not signed in or your session has expired. Please sign in again.',
  'error.invalid_credentials': 'Wrong username or password.',
  'error.too_many_attempts': 'Too many sign-in attempts. Please try again in a few minutes.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.not_found': 'The requested data was not found.',
  'error.validation': 'Some of the data entered is not valid.',
  'error.conflict': 'Someone else changed this first. Please reload and try again.',
  'error.duplicate': 'This already exists.',
  'error.file_too_large': 'The file is too large. The maximum size is {max}.',
  'error.file_type': 'This file type is not supported. Accepted: {types}.',
  'error.file_empty': 'The file is empty; please choose another file.',
  'error.import_failed': 'The document could not be read: {reason}',
  'error.busy': 'The server is busy reading other documents; please try again in a few minutes.',
  'error.internal': 'Unexpected error. Saved data is not affected; please try again.',
  'error.unavailable': 'The database cannot be reached for the moment. Saved data is safe; please try again in a few minutes.',
};
