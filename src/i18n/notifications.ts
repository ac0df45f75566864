/** What reminders and notices say, in the bell and in e-mail. */
export const notificationsVi = {
  'notify.before_due.title': 'Sắp đến hạn ({due}): {task}',
  'notify.before_due.body': 'Nhiệm vụ "{task}" đến hạn ngày {due}. Vui lòng cập nhật tiến độ và gửi sản phẩm khi hoàn thành.',
  'notify.overdue.title': 'Quá hạn từ {due}: {task}',
  'notify.overdue.body': 'Nhiệm vụ "{task}" đã quá hạn (hạn {due}) mà chưa báo cáo hoàn thành. Vui lòng cập nhật ngay hoặc báo cáo lý do.',
  'notify.done_reported.title': 'Đơn vị báo cáo hoàn thành: {task}',
  'notify.done_reported.body': 'Nhiệm vụ "{task}" (hạn {due}) đã được báo cáo hoàn thành. Vui lòng xem sản phẩm và xác nhận.',
  'notify.done_returned.title': 'Trả lại báo cáo hoàn thành: {task}',
  'notify.done_returned.body': 'Đầu mối CCHC trả lại báo cáo hoàn thành nhiệm vụ "{task}"{occurrence}. Lý do: {reason}\nVui lòng bổ sung và báo cáo lại.',
  'notify.done_returned.occurrence': ' (kỳ hạn {due})',
  'notify.weekly_digest.title': 'Tuần từ {week}: {count} nhiệm vụ của đơn vị cần chú ý',
  'notify.weekly_digest.body': 'Các nhiệm vụ quá hạn hoặc sắp đến hạn của đơn vị:\n{list}',
  'notify.weekly_summary.title': 'Tình hình CCHC tuần từ {week}: {count} nhiệm vụ quá hạn hoặc sắp đến hạn',
  'notify.weekly_summary.body': 'Các nhiệm vụ quá hạn hoặc sắp đến hạn của xã/phường:\n{list}',
  'notify.weekly.none': 'Không có nhiệm vụ quá hạn hay sắp đến hạn.',
  'notify.mail.footer': 'Mở nhiệm vụ: {link}\n\nThư tự động từ hệ thống quản lý CCHC. Có thể tắt nhận thư trong mục Tài khoản.',
} as const;

export type NotificationKey = keyof typeof notificationsVi;

export const notificationsEn: Record<NotificationKey, string> = {
  'notify.before_due.title': 'Due soon ({due}): {task}',
  'notify.before_due.body': 'Task "{task}" is due on {due}. Please update its progress and attach the product when done.',
  'notify.overdue.title': 'Overdue since {due}: {task}',
  'notify.overdue.body': 'Task "{task}" is overdue (due {due}) and not reported done. Please update it or report why.',
  'notify.done_reported.title': 'Reported done: {task}',
  'notify.done_reported.body': 'Task "{task}" (due {due}) was reported done. Please check the product and confirm.',
  'notify.done_returned.title': 'Completion report returned: {task}',
  'notify.done_returned.body': 'The CCHC coordinator returned the completion report of task "{task}"{occurrence}. Reason: {reason}\nPlease complete it and report again.',
  'notify.done_returned.occurrence': ' (deadline {due})',
  'notify.weekly_digest.title': 'Week of {week}: {count} of your unit’s tasks need attention',
  'notify.weekly_digest.body': 'Your unit’s overdue and due-soon tasks:\n{list}',
  'notify.weekly_summary.title': 'CCHC this week ({week}): {count} tasks overdue or due soon',
  'notify.weekly_summary.body': 'The commune’s overdue and due-soon tasks:\n{list}',
  'notify.weekly.none': 'No task is overdue or due soon.',
  'notify.mail.footer': 'Open the task: {link}\n\nAutomatic mail from the CCHC system. You can turn these e-mails off under Account.',
};
