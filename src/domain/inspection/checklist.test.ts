import { describe, expect, it } from 'vitest';
import { createCalendar, OFFICIAL_OVERRIDES } from '../calendar';
import { DEFAULT_REMINDER_SETTINGS } from '../reminders/rules';
import type { ReportTemplate } from '../reports/template';
import outline from '../reports/templates/de-cuong-kiem-tra-cchc.json' with { type: 'json' };
import { defaultSelfReportDue, findingRemindersDue, generateChecklist, reInspectionChecklist, scheduleWarnings } from './index';

const template = outline as ReportTemplate;
const calendar = createCalendar(OFFICIAL_OVERRIDES);
const PLAN_225 = 'Quyết định số 225/QĐ-UBND ngày 28/7/2025';

describe('the checklist of an inspection (seed 003 section II, from the report outline)', () => {
  const items = generateChecklist(template, { areas: [1, 2, 3, 4, 5, 6, 7], reviewedPlanTitle: PLAN_225 });

  it('covers each of the seven areas and the execution of the plan under review, in that order', () => {
    const areas = [...new Set(items.map((i) => i.areaCode))];
    expect(areas).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'KH']);
    expect(items.map((i) => i.position)).toEqual(items.map((_, index) => index + 1));
    expect(new Set(items.map((i) => i.itemCode)).size).toBe(items.length);
  });

  it('asks each narrative of the outline and checks each section’s figures once', () => {
    const area1 = items.filter((i) => i.areaCode === 'I').map((i) => i.itemCode);
    // I.1 has 4 narratives and 7 figures, I.2 two narratives, I.3 five narratives.
    expect(area1).toEqual([
      'I.1.ke_hoach',
      'I.1.nguon_luc',
      'I.1.sang_kien',
      'I.1.kiem_tra',
      'I.1.so_lieu',
      'I.2.ke_hoach',
      'I.2.ket_qua',
      'I.3.quy_che',
      'I.3.tiep_dan',
      'I.3.khieu_nai',
      'I.3.csdl',
      'I.3.boi_duong',
    ]);
    expect(items.find((i) => i.itemCode === 'I.1.so_lieu')?.title).toContain('(7 chỉ tiêu)');
    expect(items.find((i) => i.itemCode === 'II.2.so_lieu')?.areaCode).toBe('III');
  });

  it('names the plan under review in its items', () => {
    expect(items.filter((i) => i.areaCode === 'KH').map((i) => i.itemCode)).toEqual(['KH.trien_khai', 'KH.tien_do', 'KH.san_pham', 'KH.bao_cao']);
    expect(items.find((i) => i.itemCode === 'KH.tien_do')?.title).toContain(PLAN_225);
  });

  it('keeps only the areas in scope, and no plan section without a plan', () => {
    const narrow = generateChecklist(template, { areas: [7, 3, 3], reviewedPlanTitle: null });
    expect([...new Set(narrow.map((i) => i.areaCode))]).toEqual(['III', 'VII']);
  });

  it('still lists an area the outline does not report on', () => {
    const partial = generateChecklist({ sections: [] }, { areas: [5], reviewedPlanTitle: null });
    expect(partial).toEqual([{ areaCode: 'V', itemCode: 'V.chung', title: 'Cải cách chế độ công vụ', position: 1, findingId: null }]);
  });

  it('re-inspects only the findings followed up', () => {
    const recheck = reInspectionChecklist([{ id: 12, title: 'Tin bài CCHC', request: 'Đăng ít nhất 2 tin/quý' }]);
    expect(recheck).toEqual([{ areaCode: 'PT', itemCode: 'PT.12', title: 'Kết quả khắc phục: Tin bài CCHC — Yêu cầu: Đăng ít nhất 2 tin/quý', position: 1, findingId: 12 }]);
  });
});

describe('warnings of the schedule screen', () => {
  // Seed 003: visits in November 2025, self-reports before 12/11/2025, review from 01/07/2025.
  const plan = { reviewFrom: '2025-07-01', visitMonth: '2025-11', selfReportDeadline: '2025-11-12', allowsSurprise: true };
  const check = (visit: string, extra: Partial<Parameters<typeof scheduleWarnings>[1]> = {}) =>
    scheduleWarnings(calendar, { today: '2025-11-03', visit, surprise: false, selfReportDue: null, notified: false, plan, ...extra }).map((w) => [w.code, w.date]);

  it('accepts a visit that keeps every rule', () => {
    expect(check('2025-11-18')).toEqual([]);
  });

  it('warns when the notice can no longer reach the unit 5 days ahead', () => {
    // Visit Friday 7/11: notice by Sunday 2/11 → the working day before, Friday 31/10.
    expect(check('2025-11-07')).toContainEqual(['notice_late', '2025-10-31']);
    expect(check('2025-11-07', { notified: true })).not.toContainEqual(['notice_late', '2025-10-31']);
  });

  it('warns when the plan’s self-report deadline leaves fewer than 3 working days', () => {
    // Visit Thursday 13/11: 3 working days before is Monday 10/11, the plan says 12/11.
    expect(check('2025-11-13')).toContainEqual(['plan_deadline_after_rule', '2025-11-10']);
    expect(check('2025-11-13', { selfReportDue: '2025-11-12' })).toContainEqual(['self_report_late', '2025-11-10']);
  });

  it('warns of a visit on a day off, outside the month, or before the review window', () => {
    expect(check('2025-11-15')).toContainEqual(['visit_day_off', null]);
    expect(check('2025-12-02')).toContainEqual(['visit_outside_month', null]);
    expect(check('2025-06-30', { plan: { ...plan, visitMonth: null } })).toContainEqual(['visit_before_window', '2025-07-01']);
  });

  it('has no notice or self-report rule for a surprise visit, unless the plan forbids surprise', () => {
    expect(check('2025-11-04', { surprise: true })).toEqual([]);
    expect(check('2025-11-04', { surprise: true, plan: { ...plan, allowsSurprise: false } })).toEqual([['surprise_not_allowed', null]]);
  });

  it('takes the earlier of the plan’s deadline and the rule as the default self-report day', () => {
    expect(defaultSelfReportDue(calendar, '2025-11-20', false, '2025-11-12')).toBe('2025-11-12');
    expect(defaultSelfReportDue(calendar, '2025-11-13', false, '2025-11-12')).toBe('2025-11-10');
    expect(defaultSelfReportDue(calendar, '2025-11-13', true, '2025-11-12')).toBeNull();
  });
});

describe('reminders of findings to their owner units', () => {
  const directory = {
    unitHeads: new Map([
      [1, [101]],
      [2, [201]],
    ]),
    coordinators: [900],
    leaders: [950],
  };
  const findings = [
    { id: 1, ownerUnitId: 1, deadline: '2025-12-31', status: 'open' as const },
    { id: 2, ownerUnitId: 1, deadline: '2025-12-31', status: 'reopened' as const },
    { id: 3, ownerUnitId: 2, deadline: '2025-12-31', status: 'fix_reported' as const },
    { id: 4, ownerUnitId: 2, deadline: '2025-12-15', status: 'open' as const },
  ];
  const run = (asOf: string) => findingRemindersDue({ asOf, settings: DEFAULT_REMINDER_SETTINGS, calendar, findings, directory });

  it('tells the unit head once per deadline, listing the findings, from 3 working days before', () => {
    expect(run('2025-12-25')).toEqual([]);
    expect(run('2025-12-29')).toEqual([{ rule: 'finding_due', taskId: null, occurrenceDue: '2025-12-31', recipientId: 101, unitIds: [1], findingIds: [1, 2] }]);
  });

  it('tells the unit and the coordinator after the deadline, for a week, never of a reported fix', () => {
    const late = run('2025-12-17');
    expect(late).toEqual([
      { rule: 'finding_overdue', taskId: null, occurrenceDue: '2025-12-15', recipientId: 201, unitIds: [2], findingIds: [4] },
      { rule: 'finding_overdue', taskId: null, occurrenceDue: '2025-12-15', recipientId: 900, unitIds: [2], findingIds: [4] },
    ]);
    expect(run('2025-12-24')).toEqual([]);
  });
});
