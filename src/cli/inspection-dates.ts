/**
 * `npm run cchc -- inspection-dates --visit YYYY-MM-DD [--surprise] [--json]`:
 * the notice and self-report deadlines of an inspection visit on the official
 * working-day calendar (no database). With --json stdout carries exactly
 * {"visit","notice_by","self_report_by"}; notes go to stderr.
 */
import { createCalendar, dayOfWeek, isIsoDate, OFFICIAL_OVERRIDES } from '../domain/calendar';
import { type InspectionDeadlines, inspectionDeadlines } from '../domain/inspection';
import { type CliDeps, cliIO, readCommandLine } from './args';

export type InspectionDatesDeps = CliDeps;

const USAGE = 'Cách dùng: npm run cchc -- inspection-dates --visit YYYY-MM-DD [--surprise] [--json]';
/** Years the lunar (Tết, Giỗ Tổ) computation is trusted for. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

interface Parsed {
  visit: string;
  surprise: boolean;
  json: boolean;
}

function parseCommand(args: string[]): Parsed | string {
  const line = readCommandLine(args, { visit: { type: 'string' }, surprise: { type: 'boolean' }, json: { type: 'boolean' } }, 0);
  if (typeof line === 'string') return line;
  const { visit, surprise = false, json = false } = line.values;
  if (visit === undefined || visit === '') return 'Thiếu ngày kiểm tra (--visit YYYY-MM-DD).';
  if (!isIsoDate(visit)) return `Ngày kiểm tra không hợp lệ: "${visit}" (cần ngày có thật, dạng YYYY-MM-DD, ví dụ 2026-02-23).`;
  const year = Number(visit.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return `Năm ${year} nằm ngoài lịch làm việc hỗ trợ (${FIRST_YEAR}–${LAST_YEAR}).`;
  return { visit, surprise, json };
}

const WEEKDAY = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${WEEKDAY[dayOfWeek(iso)]}, ${d}/${m}/${y}`;
}

function summary(result: InspectionDeadlines): string {
  const lines = [`Ngày kiểm tra: ${viDate(result.visit)}`];
  if (result.notice_by === null || result.self_report_by === null) {
    lines.push('Kiểm tra đột xuất (không báo trước): không gửi thông báo, đơn vị không gửi báo cáo trước.');
  } else {
    lines.push(`Gửi thông báo chậm nhất: ${viDate(result.notice_by)} (trước ít nhất 5 ngày)`);
    lines.push(`Đơn vị gửi báo cáo chậm nhất: ${viDate(result.self_report_by)} (trước ít nhất 3 ngày làm việc)`);
  }
  return lines.join('\n');
}

export function runInspectionDates(args: string[], deps: InspectionDatesDeps = {}): number {
  const { out, err } = cliIO(deps);
  const parsed = parseCommand(args);
  if (typeof parsed === 'string') {
    err(`${parsed}\n${USAGE}`);
    return 2;
  }
  const calendar = createCalendar(OFFICIAL_OVERRIDES);
  const result = inspectionDeadlines(calendar, parsed.visit, parsed.surprise);
  if (!calendar.isWorkingDay(parsed.visit)) err(`Lưu ý: ngày kiểm tra ${viDate(parsed.visit)} là ngày nghỉ.`);
  // Key order is part of the contract.
  const { visit, notice_by, self_report_by } = result;
  out(parsed.json ? JSON.stringify({ visit, notice_by, self_report_by }) : summary(result));
  return 0;
}
