/** The inspection cycle (issue 13): schedule warnings and refusals. */
export const inspectionsVi = {
  'inspection.warning.notice_late': 'Thông báo lịch kiểm tra phải gửi đơn vị trước ít nhất 05 ngày (chậm nhất ngày {date}); nay đã quá ngày đó.',
  'inspection.warning.self_report_late': 'Hạn báo cáo của đơn vị phải trước ngày kiểm tra ít nhất 03 ngày làm việc (chậm nhất ngày {date}).',
  'inspection.warning.plan_deadline_after_rule':
    'Hạn gửi báo cáo trong kế hoạch kiểm tra để đơn vị chưa đủ 03 ngày làm việc trước ngày kiểm tra {visit}; hạn theo quy định là ngày {date}.',
  'inspection.warning.visit_day_off': 'Ngày kiểm tra {visit} là ngày nghỉ.',
  'inspection.warning.visit_outside_month': 'Ngày kiểm tra {visit} nằm ngoài tháng kiểm tra của kế hoạch.',
  'inspection.warning.visit_before_window': 'Ngày kiểm tra {visit} trước mốc thời gian kiểm tra (từ ngày {date}).',
  'inspection.warning.visit_past': 'Ngày kiểm tra {visit} đã qua mà đơn vị chưa được thông báo.',
  'inspection.warning.surprise_not_allowed': 'Kế hoạch kiểm tra không có hình thức kiểm tra đột xuất.',
  'inspection.error.team_duplicate': 'Một người chỉ có một vai trò trong Đoàn kiểm tra.',
  'inspection.error.team_leader': 'Đoàn kiểm tra cần đúng một Trưởng đoàn.',
  'inspection.error.team_user': 'Thành viên Đoàn kiểm tra phải là người dùng đang hoạt động của xã/phường.',
  'inspection.error.reviewed_plan': 'Không tìm thấy kế hoạch CCHC được kiểm tra trong xã/phường.',
  'inspection.error.unit': 'Không tìm thấy đơn vị trong xã/phường.',
  'inspection.error.surprise_notified': 'Đơn vị đã được thông báo lịch kiểm tra, không thể chuyển sang kiểm tra đột xuất.',
  'inspection.error.evidence': 'Tài liệu kiểm chứng phải là tệp, nhiệm vụ hoặc báo cáo của xã/phường.',
  'inspection.error.unjudged': 'Còn {count} nội dung kiểm tra chưa đánh giá (đạt / chưa đạt / không áp dụng).',
  'inspection.error.deadline_past': 'Hạn khắc phục không được trước ngày hôm nay.',
  'inspection.error.no_open_findings': 'Không còn kiến nghị nào chưa được chấp nhận để phúc tra.',
  'inspection.error.reopen_comment': 'Vui lòng ghi rõ lý do chưa chấp nhận kết quả khắc phục.',
} as const;

export type InspectionKey = keyof typeof inspectionsVi;

export const inspectionsEn: Record<InspectionKey, string> = {
  'inspection.warning.notice_late': 'The notice must reach the unit at least 5 days before the visit (by {date}); that day has passed.',
  'inspection.warning.self_report_late': 'The unit’s report is due at least 3 working days before the visit (by {date}).',
  'inspection.warning.plan_deadline_after_rule': 'The plan’s report deadline leaves fewer than 3 working days before the visit on {visit}; the rule gives {date}.',
  'inspection.warning.visit_day_off': 'The visit day {visit} is a day off.',
  'inspection.warning.visit_outside_month': 'The visit day {visit} is outside the plan’s visit month.',
  'inspection.warning.visit_before_window': 'The visit day {visit} is before the review window (from {date}).',
  'inspection.warning.visit_past': 'The visit day {visit} has passed and the unit was not notified.',
  'inspection.warning.surprise_not_allowed': 'The plan does not provide for surprise inspections.',
  'inspection.error.team_duplicate': 'A person has one role in the team.',
  'inspection.error.team_leader': 'The team needs exactly one leader.',
  'inspection.error.team_user': 'Team members must be active users of the commune.',
  'inspection.error.reviewed_plan': 'The CCHC plan under review was not found in the commune.',
  'inspection.error.unit': 'The unit was not found in the commune.',
  'inspection.error.surprise_notified': 'The unit has been notified; the visit cannot become a surprise.',
  'inspection.error.evidence': 'Evidence must be files, tasks or reports of the commune.',
  'inspection.error.unjudged': '{count} checklist items are not judged yet.',
  'inspection.error.deadline_past': 'A remediation deadline cannot be before today.',
  'inspection.error.no_open_findings': 'No finding is left open to re-inspect.',
  'inspection.error.reopen_comment': 'Please say why the fix is not accepted.',
};
