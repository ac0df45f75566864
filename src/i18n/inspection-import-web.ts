/** The inspection-plan import screen (issue 13): upload a plan like seed 003, review what was read, save. */
export const inspectionImportWebVi = {
  'ui.inspImport.title': 'Nhập kế hoạch kiểm tra từ văn bản',
  'ui.inspImport.open': 'Nhập từ văn bản',
  'ui.inspImport.drop': 'Kéo thả hoặc bấm để chọn kế hoạch kiểm tra (.docx, .pdf, .txt)',
  'ui.inspImport.hint': 'Hệ thống đọc số, ngày, thời kỳ, phạm vi, đơn vị được kiểm tra, hình thức và hạn báo cáo; không lưu gì cho đến khi bấm Lưu.',
  'ui.inspImport.reading': 'Đang đọc {name}…',
  'ui.inspImport.another': 'Chọn tệp khác',
  'ui.inspImport.save': 'Lưu kế hoạch kiểm tra',
  'ui.inspImport.badType': 'Chỉ nhận tệp .docx, .pdf hoặc .txt.',
  'ui.inspImport.conf.found': 'Đọc được',
  'ui.inspImport.conf.inferred': 'Suy ra — cần xem lại',
  'ui.inspImport.conf.missing': 'Không thấy — cần nhập',
  'ui.inspImport.from': 'Đọc từ: “{text}”',
  'ui.inspImport.number': 'Số kế hoạch',
  'ui.inspImport.signedOn': 'Ngày ký',
  'ui.inspImport.target': '“{name}” → {unit}',
  'ui.inspImport.targetUnmatched': '“{name}” → chưa khớp đơn vị, vui lòng chọn',
  'ui.inspImport.isInspectionPlan': 'Mở màn hình Nhập kế hoạch kiểm tra',
};

export type InspectionImportWebKey = keyof typeof inspectionImportWebVi;

export const inspectionImportWebEn: Record<InspectionImportWebKey, string> = {
  'ui.inspImport.title': 'Import an inspection plan from a document',
  'ui.inspImport.open': 'Import from document',
  'ui.inspImport.drop': 'Drop or click to choose an inspection plan (.docx, .pdf, .txt)',
  'ui.inspImport.hint': 'Number, date, period, scope, inspected units, form and report deadline are read; nothing is saved until you press Save.',
  'ui.inspImport.reading': 'Reading {name}…',
  'ui.inspImport.another': 'Choose another file',
  'ui.inspImport.save': 'Save inspection plan',
  'ui.inspImport.badType': 'Only .docx, .pdf or .txt files.',
  'ui.inspImport.conf.found': 'Read',
  'ui.inspImport.conf.inferred': 'Inferred — please check',
  'ui.inspImport.conf.missing': 'Not found — please enter',
  'ui.inspImport.from': 'Read from: “{text}”',
  'ui.inspImport.number': 'Plan number',
  'ui.inspImport.signedOn': 'Signed on',
  'ui.inspImport.target': '“{name}” → {unit}',
  'ui.inspImport.targetUnmatched': '“{name}” → no unit matched, please choose',
  'ui.inspImport.isInspectionPlan': 'Open the inspection plan import screen',
};
