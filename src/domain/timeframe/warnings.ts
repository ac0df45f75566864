/** Every message the user may see about a time frame, in one place so the wording stays consistent. */
import { formatVietnameseDate } from './dates';
import type { IsoDate, Period } from './types';

/** Long cells (a whole paragraph pasted into the column) would drown the message. */
function quote(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return `"${short}"`;
}

function periodLabel(period: Period): string {
  return `${formatVietnameseDate(period.start)} – ${formatVietnameseDate(period.end)}`;
}

function dayMonthYear(day: number, month: number, year: number | null): string {
  const dm = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`;
  return year === null ? dm : `${dm}/${year}`;
}

export const warn = {
  empty: (): string => 'Chưa có thời gian thực hiện',
  notUnderstood: (text: string): string => `Không hiểu thời gian ${quote(text)}: cần nhập hạn cụ thể`,
  unitName: (text: string): string => `Ô thời gian ${quote(text)} giống tên cơ quan, đơn vị chứ không phải thời gian thực hiện: cần nhập hạn cụ thể`,
  invalidDate: (day: number, month: number, year: number | null): string => `Ngày ${dayMonthYear(day, month, year)} không có thật: cần nhập lại hạn`,
  invalidDay: (day: number): string => `Ngày ${day} không có thật: cần nhập lại hạn`,
  invalidMonth: (month: number): string => `Tháng ${month} không có thật: cần nhập lại hạn`,
  invalidQuarter: (token: string): string => `Quý ${token.toUpperCase()} không có thật (chỉ có quý I–IV): cần nhập lại hạn`,
  invalidYear: (year: number): string => `Năm ${year} không hợp lệ: cần nhập lại hạn`,
  reversed: (text: string): string => `Thời gian ${quote(text)} có điểm bắt đầu sau điểm kết thúc: cần nhập lại`,
  outsidePeriod: (due: IsoDate, period: Period): string => `Hạn ${formatVietnameseDate(due)} nằm ngoài kỳ kế hoạch (${periodLabel(period)})`,
  noOccurrence: (text: string, period: Period): string => `Thời gian ${quote(text)} không có hạn nào trong kỳ kế hoạch (${periodLabel(period)})`,
  parenthesisIgnored: (inner: string): string => `Phần trong ngoặc ${quote(`(${inner})`)} chưa được tính vào hạn`,
  badPeriod: (period: Period): string => `Kỳ kế hoạch không hợp lệ (${period.start} – ${period.end}): không tính được hạn`,
};
