/**
 * Figures the system computes, each named by a key ("tasks.done"). Providers are
 * registered by capability, so the indicators issue adds "dossiers.*" without
 * touching reports: a provider names the data source it needs, and the server loads
 * only the sources a template asks for.
 */
import { diffDays } from '../calendar/dates';
import { isDone, type Status, type TaskJudgement } from '../status';
import type { IsoDate, Period } from '../timeframe/types';
import type { FigureUnit } from './template';

/** A task as the report sees it: its judgement at the report's as-of date and what the unit reported. */
export interface JudgedTask {
  id: number;
  area: number;
  leadUnitIds: number[];
  progress: number;
  judgement: Pick<TaskJudgement, 'status' | 'due'>;
}

/** Data sources a provider may need. Other capabilities add theirs by declaration merging. */
export interface FigureSources {
  /** Tasks of the report's plan (or of the unit, for a unit report). */
  planTasks?: JudgedTask[];
  /** Tasks the city assigned to the commune (or led by the unit). */
  cityTasks?: JudgedTask[];
  /** The commune's inspections (or the unit's) with their findings, and the units subject to inspection. */
  inspections?: InspectionSource;
}

/** An inspection as a report counts it ("công tác kiểm tra CCHC"). */
export interface InspectedVisit {
  unitId: number;
  visitDate: IsoDate;
  /** A visit counts once made: visited, concluded or closed. */
  visited: boolean;
  reInspection: boolean;
  findings: { status: 'open' | 'fix_reported' | 'accepted' | 'reopened'; deadline: IsoDate }[];
}

export interface InspectionSource {
  unitsTotal: number;
  visits: InspectedVisit[];
}

export interface FigureContext {
  asOf: IsoDate;
  /** The period the report covers: "from 01/07/2025 to the report date". */
  window: Period;
  sources: FigureSources;
}

export interface FigureProvider {
  key: string;
  /** Vietnamese label, shown where the template gives none. */
  label: string;
  unit: FigureUnit;
  source: keyof FigureSources;
  compute(context: FigureContext): number;
}

export interface FigureRegistry {
  get(key: string): FigureProvider | undefined;
  keys(): string[];
  register(provider: FigureProvider): void;
}

export function createFigureRegistry(providers: FigureProvider[] = []): FigureRegistry {
  const map = new Map<string, FigureProvider>();
  const registry: FigureRegistry = {
    get: (key) => map.get(key),
    keys: () => [...map.keys()].sort(),
    register(provider) {
      if (map.has(provider.key)) throw new Error(`Chỉ số "${provider.key}" đã được đăng ký`);
      map.set(provider.key, provider);
    },
  };
  providers.forEach(registry.register);
  return registry;
}

function required<K extends keyof FigureSources>(context: FigureContext, source: K): NonNullable<FigureSources[K]> {
  const value = context.sources[source];
  if (value === undefined) throw new Error(`Thiếu nguồn dữ liệu "${String(source)}" để tính chỉ số`);
  return value as NonNullable<FigureSources[K]>;
}

const inWindow = (due: IsoDate | null, window: Period) => due === null || (diffDays(window.start, due) >= 0 && diffDays(due, window.end) >= 0);

/**
 * City-assigned tasks count when their deadline falls in the window (or they have none yet):
 * the seed's "nhiệm vụ được giao … tính từ 01/7/2025 đến thời điểm báo cáo". Same rule as the dashboard.
 */
function cityInWindow(context: FigureContext): JudgedTask[] {
  return required(context, 'cityTasks').filter((t) => inWindow(t.judgement.due, context.window));
}

const count = (list: JudgedTask[], test: (status: Status, task: JudgedTask) => boolean) => list.filter((t) => test(t.judgement.status, t)).length;

/** "Đang thực hiện" in a report: not done yet but started, or judged in progress (due soon or overdue with progress reported). */
const inProgress = (status: Status, task: JudgedTask) => !isDone(status) && (task.progress > 0 || status === 'dang_thuc_hien');

export const TASK_FIGURES: FigureProvider[] = [
  { key: 'tasks.total', label: 'Tổng số nhiệm vụ trong kế hoạch', unit: 'count', source: 'planTasks', compute: (c) => required(c, 'planTasks').length },
  { key: 'tasks.done', label: 'Số nhiệm vụ đã hoàn thành', unit: 'count', source: 'planTasks', compute: (c) => count(required(c, 'planTasks'), isDone) },
  { key: 'tasks.in_progress', label: 'Số nhiệm vụ đang thực hiện', unit: 'count', source: 'planTasks', compute: (c) => count(required(c, 'planTasks'), inProgress) },
  { key: 'tasks.overdue', label: 'Số nhiệm vụ quá hạn', unit: 'count', source: 'planTasks', compute: (c) => count(required(c, 'planTasks'), (s) => s === 'qua_han') },
  { key: 'city_tasks.total', label: 'Tổng số nhiệm vụ UBND thành phố giao', unit: 'count', source: 'cityTasks', compute: (c) => cityInWindow(c).length },
  {
    key: 'city_tasks.done_on_time',
    label: 'Số nhiệm vụ đã hoàn thành đúng hạn',
    unit: 'count',
    source: 'cityTasks',
    compute: (c) => count(cityInWindow(c), (s) => s === 'hoan_thanh_dung_han'),
  },
  {
    key: 'city_tasks.done_late',
    label: 'Số nhiệm vụ đã hoàn thành nhưng quá hạn',
    unit: 'count',
    source: 'cityTasks',
    compute: (c) => count(cityInWindow(c), (s) => s === 'hoan_thanh_qua_han'),
  },
  {
    key: 'city_tasks.overdue_not_done',
    label: 'Số nhiệm vụ quá hạn nhưng chưa hoàn thành',
    unit: 'count',
    source: 'cityTasks',
    compute: (c) => count(cityInWindow(c), (s) => s === 'qua_han'),
  },
];

/** Visits made in the report's window, up to its date: a surprise visit counts only once made, so none is given away. */
const visitsInWindow = (c: FigureContext) => required(c, 'inspections').visits.filter((v) => v.visited && v.visitDate <= c.asOf && inWindow(v.visitDate, c.window));
const findingsOf = (c: FigureContext) => visitsInWindow(c).flatMap((v) => v.findings);
const unitsInspected = (c: FigureContext) =>
  new Set(
    visitsInWindow(c)
      .filter((v) => !v.reInspection)
      .map((v) => v.unitId),
  ).size;

export const INSPECTION_FIGURES: FigureProvider[] = [
  { key: 'inspections.done', label: 'Số cuộc kiểm tra CCHC đã thực hiện', unit: 'count', source: 'inspections', compute: (c) => visitsInWindow(c).length },
  { key: 'inspections.units', label: 'Số đơn vị được kiểm tra', unit: 'count', source: 'inspections', compute: unitsInspected },
  {
    key: 'inspections.coverage_pct',
    label: 'Tỷ lệ đơn vị được kiểm tra',
    unit: 'percent',
    source: 'inspections',
    compute: (c) => {
      const total = required(c, 'inspections').unitsTotal;
      return total ? Math.round((unitsInspected(c) / total) * 1000) / 10 : 0;
    },
  },
  { key: 'inspections.findings', label: 'Số kiến nghị sau kiểm tra', unit: 'count', source: 'inspections', compute: (c) => findingsOf(c).length },
  {
    key: 'inspections.findings_fixed',
    label: 'Số kiến nghị đã khắc phục xong',
    unit: 'count',
    source: 'inspections',
    compute: (c) => findingsOf(c).filter((f) => f.status === 'accepted').length,
  },
  {
    key: 'inspections.findings_open',
    label: 'Số kiến nghị chưa khắc phục xong',
    unit: 'count',
    source: 'inspections',
    compute: (c) => findingsOf(c).filter((f) => f.status !== 'accepted').length,
  },
  {
    key: 'inspections.findings_overdue',
    label: 'Số kiến nghị quá hạn khắc phục',
    unit: 'count',
    source: 'inspections',
    compute: (c) => findingsOf(c).filter((f) => (f.status === 'open' || f.status === 'reopened') && f.deadline < c.asOf).length,
  },
];

/** The registry the app uses; capabilities register more providers at start-up. */
export const defaultFigureRegistry = createFigureRegistry([...TASK_FIGURES, ...INSPECTION_FIGURES]);

/** Every computed figure of a list of keys, at the context's as-of date. */
export function computeFigures(registry: FigureRegistry, keys: string[], context: FigureContext): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of new Set(keys)) {
    const provider = registry.get(key);
    if (!provider) throw new Error(`Chỉ số tự tính "${key}" không có trong hệ thống`);
    out[key] = provider.compute(context);
  }
  return out;
}
