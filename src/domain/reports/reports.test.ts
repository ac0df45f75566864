import { describe, expect, it } from 'vitest';
import { createCalendar, OFFICIAL_OVERRIDES } from '../calendar';
import { judgeTask } from '../status';
import type { Schedule } from '../timeframe/types';
import {
  checkFigureValues,
  computeFigures,
  consolidate,
  createFigureRegistry,
  DEFAULT_REGIME,
  defaultFigureRegistry,
  INSPECTION_FIGURES,
  type InspectedVisit,
  type JudgedTask,
  parseReportingRegime,
  type ReportTemplate,
  reportPeriods,
  sectionsFromOutline,
  TASK_FIGURES,
  validateTemplate,
} from '.';
import { SHIPPED_TEMPLATES } from './templates';

const period = { start: '2025-07-01', end: '2025-12-31' };
const dateSchedule = (due: string): Schedule => ({ kind: 'date', start: null, due, occurrences: [], warnings: [] }) as unknown as Schedule;
const undetermined: Schedule = { kind: 'external', start: null, due: null, occurrences: [], warnings: [] } as unknown as Schedule;

function task(id: number, schedule: Schedule, progress: number, doneAt: string | null, asOf: string): JudgedTask {
  const judgement = judgeTask({
    schedule,
    dueOverride: null,
    progress,
    doneAt,
    occurrenceCompletions: [],
    period,
    asOf,
    dueSoon: { workingDays: 7, calendar: createCalendar(OFFICIAL_OVERRIDES) },
  });
  return { id, area: 1, leadUnitIds: [1], progress, judgement };
}

/** A plan judged on a given date: done on time, done late, overdue, started, not started, no deadline. */
function planAt(asOf: string) {
  return [
    task(1, dateSchedule('2025-08-31'), 100, '2025-08-20', asOf),
    task(2, dateSchedule('2025-08-31'), 100, '2025-09-10', asOf),
    task(3, dateSchedule('2025-09-15'), 40, null, asOf),
    task(4, dateSchedule('2025-12-10'), 30, null, asOf),
    task(5, dateSchedule('2025-12-10'), 0, null, asOf),
    task(6, undetermined, 0, null, asOf),
  ];
}

const figures = (asOf: string, cityTasks: JudgedTask[] = [], window = { start: '2025-07-01', end: '2025-09-30' }) =>
  computeFigures(
    defaultFigureRegistry,
    TASK_FIGURES.map((p) => p.key),
    { asOf, window, sources: { planTasks: planAt(asOf), cityTasks } },
  );

describe('computed figures', () => {
  it('counts the inspection work of the window: visits made, units, coverage, findings fixed, open and overdue', () => {
    const visit = (unitId: number, visitDate: string, visited: boolean, findings: InspectedVisit['findings'] = [], reInspection = false): InspectedVisit => ({
      unitId,
      visitDate,
      visited,
      reInspection,
      findings,
    });
    const visits = [
      visit(1, '2025-08-12', true, [
        { status: 'accepted', deadline: '2025-09-01' },
        { status: 'reopened', deadline: '2025-09-20' },
        { status: 'fix_reported', deadline: '2025-09-20' },
      ]),
      visit(1, '2025-09-18', true, [], true),
      visit(2, '2025-09-22', true, [{ status: 'open', deadline: '2025-10-15' }]),
      visit(3, '2025-09-29', false), // a surprise visit still ahead: not counted
      visit(4, '2025-06-30', true, [{ status: 'open', deadline: '2025-07-15' }]), // before the window
    ];
    const keys = INSPECTION_FIGURES.map((p) => p.key);
    const f = computeFigures(defaultFigureRegistry, keys, { asOf: '2025-09-25', window: period, sources: { inspections: { unitsTotal: 8, visits } } });
    expect(f).toEqual({
      'inspections.done': 3,
      'inspections.units': 2,
      'inspections.coverage_pct': 25,
      'inspections.findings': 4,
      'inspections.findings_fixed': 1,
      'inspections.findings_open': 3,
      'inspections.findings_overdue': 1,
    });
  });

  it('counts plan tasks at 2025-09-25: two done, one overdue with progress, one started', () => {
    const f = figures('2025-09-25');
    expect(f['tasks.total']).toBe(6);
    expect(f['tasks.done']).toBe(2);
    expect(f['tasks.overdue']).toBe(1);
    expect(f['tasks.in_progress']).toBe(2); // task 3 (overdue, 40%) and task 4 (30%)
  });

  it('moves with the as-of date: on 2025-08-25 nothing is overdue and only task 1 is done', () => {
    const asOf = '2025-08-25';
    const plan = [
      task(1, dateSchedule('2025-08-31'), 100, '2025-08-20', asOf),
      task(2, dateSchedule('2025-08-31'), 60, null, asOf),
      task(3, dateSchedule('2025-09-15'), 0, null, asOf),
    ];
    const f = computeFigures(defaultFigureRegistry, ['tasks.done', 'tasks.overdue', 'tasks.in_progress'], { asOf, window: period, sources: { planTasks: plan } });
    expect(f).toEqual({ 'tasks.done': 1, 'tasks.overdue': 0, 'tasks.in_progress': 1 });
  });

  it('counts city tasks whose deadline falls in the window: on time, late, overdue not done', () => {
    const asOf = '2025-09-25';
    const city = [
      task(11, dateSchedule('2025-07-31'), 100, '2025-07-30', asOf),
      task(12, dateSchedule('2025-08-15'), 100, '2025-08-20', asOf),
      task(13, dateSchedule('2025-09-01'), 50, null, asOf),
      task(14, dateSchedule('2025-06-30'), 100, '2025-07-05', asOf), // before the window
      task(15, dateSchedule('2025-11-30'), 0, null, asOf), // after it
      task(16, undetermined, 0, null, asOf), // no deadline yet: assigned, counted in the total
    ];
    const f = figures(asOf, city);
    expect(f['city_tasks.total']).toBe(4);
    expect(f['city_tasks.done_on_time']).toBe(1);
    expect(f['city_tasks.done_late']).toBe(1);
    expect(f['city_tasks.overdue_not_done']).toBe(1);
  });

  it('refuses a figure whose source was not loaded, and a key registered twice', () => {
    expect(() => computeFigures(defaultFigureRegistry, ['city_tasks.total'], { asOf: '2025-09-25', window: period, sources: { planTasks: [] } })).toThrow(/cityTasks/);
    expect(() => createFigureRegistry([...TASK_FIGURES, TASK_FIGURES[0]])).toThrow(/đã được đăng ký/);
  });

  it('lets another capability register its keys', () => {
    const registry = createFigureRegistry(TASK_FIGURES);
    registry.register({ key: 'dossiers.on_time_pct', label: 'Tỷ lệ hồ sơ đúng hạn', unit: 'percent', source: 'planTasks', compute: () => 97.5 });
    expect(registry.keys()).toContain('dossiers.on_time_pct');
  });
});

describe('templates', () => {
  it('ships two valid templates; the seed 003 outline carries every task figure it names', () => {
    const results = SHIPPED_TEMPLATES.map((t) => validateTemplate(t, defaultFigureRegistry));
    for (const r of results) expect(r.ok ? [] : r.issues).toEqual([]);
    const outline = results.find((r) => r.ok && r.template.key === 'de-cuong-kiem-tra-cchc');
    if (!outline?.ok) throw new Error('seed 003 template missing');
    const text = JSON.stringify(outline.template);
    for (const key of ['tasks.total', 'tasks.done', 'tasks.in_progress', 'city_tasks.total', 'city_tasks.done_on_time', 'city_tasks.done_late', 'city_tasks.overdue_not_done']) {
      expect(text).toContain(`"${key}"`);
    }
    expect(outline.template.sections.map((s) => s.code)).toEqual(['I', 'II', 'III', 'IV', 'V']);
  });

  it('names duplicate codes, unknown keys and a part without its whole', () => {
    const bad = {
      key: 'thu',
      name: 'Thử',
      sections: [
        {
          code: 'A',
          title: 'A',
          items: [
            { kind: 'computed', code: 'x', title: 'x', key: 'tasks.nothing', unit: 'count' },
            { kind: 'figure', code: 'y', title: 'y', unit: 'count', partOf: 'z' },
            { kind: 'narrative', code: 'x', title: 'again' },
          ],
        },
      ],
    };
    const result = validateTemplate(bad, defaultFigureRegistry);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.issues.map((i) => i.message).join('\n');
    expect(messages).toMatch(/trùng/);
    expect(messages).toMatch(/tasks.nothing/);
    expect(messages).toMatch(/phần của "z"/);
    expect(validateTemplate({ key: 'Có Dấu', name: '', sections: [] }, defaultFigureRegistry).ok).toBe(false);
  });

  it('builds a tree from an Excel-like outline', () => {
    const { sections, issues } = sectionsFromOutline([
      { row: 2, level: 1, code: 'I', title: 'Chỉ đạo', kind: 'section' },
      { row: 3, level: null, code: 'I.t', title: 'Tổng số nhiệm vụ', kind: 'computed', key: 'tasks.total', unit: 'count' },
      { row: 4, level: 2, code: 'I.1', title: 'Tuyên truyền', kind: 'section' },
      { row: 5, level: null, code: 'I.1.n', title: 'Kết quả', kind: 'narrative' },
      { row: 6, level: 1, code: 'II', title: 'Thể chế', kind: 'section' },
      { row: 7, level: null, code: 'II.a', title: 'Cần xử lý', kind: 'figure', unit: 'count' },
      { row: 8, level: null, code: 'II.b', title: 'Đã xử lý', kind: 'figure', unit: 'count', partOf: 'II.a' },
      { row: 9, level: 3, code: 'bad', title: 'nhảy cấp', kind: 'section' },
      { row: 10, level: null, code: 'q', title: 'q', kind: 'bảng' },
    ]);
    expect(issues.map((i) => i.path)).toEqual(['dòng 9', 'dòng 10']);
    expect(sections.map((s) => s.code)).toEqual(['I', 'II']);
    expect(sections[0].sections[0].items[0].code).toBe('I.1.n');
    expect(validateTemplate({ key: 'excel', name: 'Từ Excel', sections }, defaultFigureRegistry).ok).toBe(true);
  });
});

describe('figure values', () => {
  const template = SHIPPED_TEMPLATES[1] as ReportTemplate;
  it('accepts sound figures and names each broken rule', () => {
    expect(checkFigureValues(template, { 'II.2.hs_tiep_nhan': 120, 'II.2.hs_giai_quyet': 100, 'II.2.hs_dung_han_pct': 95.5, 'II.5.tong_thu': 1_500_000_000 })).toEqual([]);
    const issues = checkFigureValues(template, {
      'II.2.hs_tiep_nhan': 100,
      'II.2.hs_giai_quyet': 120,
      'II.2.hs_dung_han_pct': 101,
      'II.4.chi_tieu': 2.5,
      'II.5.tong_thu': -1,
      nope: 1,
    });
    expect(issues.map((i) => i.code).sort()).toEqual(['II.2.hs_dung_han_pct', 'II.2.hs_giai_quyet', 'II.4.chi_tieu', 'II.5.tong_thu', 'nope']);
    expect(issues.find((i) => i.code === 'II.2.hs_giai_quyet')?.message).toMatch(/không được lớn hơn/);
  });

  it('consolidates units: counts summed, percentages left, narratives under each unit', () => {
    const result = consolidate(template, [
      { unitName: 'Văn phòng HĐND và UBND', values: { 'II.2.hs_tiep_nhan': 10, 'II.2.hs_dung_han_pct': 90 }, narratives: { 'III.1': 'Ban hành kịp thời' } },
      { unitName: 'Trung tâm Phục vụ HCC', values: { 'II.2.hs_tiep_nhan': 32 }, narratives: { 'III.1': 'Một cửa thông suốt', 'III.2': '' } },
    ]);
    expect(result.values['II.2.hs_tiep_nhan']).toBe(42);
    expect(result.values['II.2.hs_dung_han_pct']).toBeUndefined();
    expect(result.values['II.2.hs_giai_quyet']).toBeNull();
    expect(result.narratives['III.1']).toBe('Văn phòng HĐND và UBND: Ban hành kịp thời\nTrung tâm Phục vụ HCC: Một cửa thông suốt');
    expect(result.narratives['III.2']).toBeUndefined();
  });
});

describe('reporting regime and periods', () => {
  it("reads seed 004's compound regime", () => {
    const text =
      'Báo cáo của UBND xã hoàn thành trước ngày 10 của tháng cuối quý, báo cáo năm trước ngày 10/12 (các cơ quan, đơn vị gửi báo cáo trước ngày 05 của tháng cuối quý, báo cáo năm trước ngày 05/12)';
    expect(parseReportingRegime(text)).toEqual({ regime: { ...DEFAULT_REGIME }, understood: true });
  });

  it('reads day 15 for the commune (seed 002) and keeps defaults for a text without dates', () => {
    const { regime } = parseReportingRegime('UBND phường báo cáo trước ngày 15 của tháng cuối quý; các phòng, đơn vị gửi trước ngày 08 của tháng cuối quý');
    expect(regime.quarterCommuneDay).toBe(15);
    expect(regime.quarterUnitDay).toBe(8);
    expect(parseReportingRegime('Báo cáo định kỳ theo quy định')).toEqual({ regime: DEFAULT_REGIME, understood: false });
  });

  it('gives a half-year plan a Q3 and an annual period, windows from the plan start', () => {
    const periods = reportPeriods({ start: '2025-07-01', end: '2025-12-31' }, DEFAULT_REGIME);
    expect(periods).toEqual([
      {
        code: '2025-Q3',
        kind: 'quarter',
        label: 'Quý III năm 2025',
        window: { start: '2025-07-01', end: '2025-09-30' },
        unitDeadline: '2025-09-05',
        communeDeadline: '2025-09-10',
      },
      { code: '2025-Y', kind: 'year', label: 'Năm 2025', window: { start: '2025-07-01', end: '2025-12-31' }, unitDeadline: '2025-12-05', communeDeadline: '2025-12-10' },
    ]);
  });

  it('gives an annual plan Q1, 6 months, Q3 and the year', () => {
    const periods = reportPeriods({ start: '2026-01-01', end: '2026-12-31' }, { ...DEFAULT_REGIME, quarterCommuneDay: 15 });
    expect(periods.map((p) => [p.code, p.window.start, p.window.end, p.communeDeadline])).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31', '2026-03-15'],
      ['2026-H1', '2026-01-01', '2026-06-30', '2026-06-15'],
      ['2026-Q3', '2026-07-01', '2026-09-30', '2026-09-15'],
      ['2026-Y', '2026-01-01', '2026-12-31', '2026-12-10'],
    ]);
  });
});
