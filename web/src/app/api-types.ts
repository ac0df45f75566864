/** Shapes of the HTTP API, typed from docs/api.md. Dates are ISO `yyyy-mm-dd` strings. */
import type { Schedule } from '../../../src/domain/timeframe/types';

export type { Schedule };
export type IsoDate = string;

export type Role = 'admin' | 'leader' | 'coordinator' | 'unit_head' | 'unit_staff' | 'inspector' | 'city_reviewer';
export const ROLES: readonly Role[] = ['admin', 'leader', 'coordinator', 'unit_head', 'unit_staff', 'inspector', 'city_reviewer'];

export type TaskStatus =
  | 'chua_thuc_hien'
  | 'dang_thuc_hien'
  | 'sap_den_han'
  | 'qua_han'
  | 'hoan_thanh_dung_han'
  | 'hoan_thanh_qua_han'
  | 'chua_xac_dinh_han';
export const TASK_STATUSES: readonly TaskStatus[] = [
  'qua_han',
  'sap_den_han',
  'dang_thuc_hien',
  'chua_thuc_hien',
  'chua_xac_dinh_han',
  'hoan_thanh_dung_han',
  'hoan_thanh_qua_han',
];

export type Area = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const AREAS: readonly Area[] = [1, 2, 3, 4, 5, 6, 7];

export type PlanKind = 'annual' | 'half_year' | 'thematic' | 'inspection';
export type PlanStatus = 'draft' | 'issued' | 'closed';
export type TaskOrigin = 'plan' | 'city_assigned';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface User {
  id: number;
  username: string;
  fullName: string;
  title: string | null;
  role: Role;
  cityId: number;
  communeId: number | null;
  unitId: number | null;
  unitName: string | null;
  communeName: string | null;
  /** An administrator asked for a new password: the app shows only the change-password screen. */
  mustChangePassword: boolean;
}

export interface Commune {
  id: number;
  cityId: number;
  cityName: string;
  name: string;
  kind: 'xa' | 'phuong';
  code: string;
  dueSoonDays: number;
}
export type CommuneInput = Pick<Commune, 'name' | 'kind' | 'code' | 'dueSoonDays'>;

export interface UnitAlias {
  id: number;
  alias: string;
}
export type UnitKind = 'internal' | 'catch_all' | 'outside';
export interface Unit {
  id: number;
  communeId: number;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  isCoordinator: boolean;
  active: boolean;
  aliases: UnitAlias[];
}
export type UnitInput = Pick<Unit, 'name' | 'shortName' | 'kind' | 'isCoordinator' | 'active'>;

export interface AdminUser {
  id: number;
  username: string;
  fullName: string;
  title: string | null;
  role: Role;
  cityId: number;
  communeId: number | null;
  unitId: number | null;
  active: boolean;
  mustChangePassword: boolean;
}
export interface UserCreateInput {
  username: string;
  fullName: string;
  title?: string;
  role: Role;
  communeId?: number | null;
  unitId?: number | null;
  password: string;
  mustChangePassword?: boolean;
}
export type UserPatchInput = Partial<Pick<AdminUser, 'fullName' | 'title' | 'role' | 'communeId' | 'unitId' | 'active' | 'mustChangePassword'>>;

export interface Target {
  id?: number;
  text: string;
  comparator: '>=' | '<=' | '=' | '>' | '<' | null;
  value: number | null;
  unit: string | null;
}

export interface PlanSummary {
  id: number;
  communeId: number;
  communeName: string;
  kind: PlanKind;
  title: string;
  number: string | null;
  issuer: string | null;
  issueDate: IsoDate | null;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  status: PlanStatus;
  taskCount: number;
  doneCount: number;
  overdueCount: number;
}
export interface PlanDetail extends PlanSummary {
  reportingRegime: string | null;
  targets: Target[];
}

export interface UnitRef {
  id: number;
  name: string;
}
export interface PersonRef {
  id: number;
  fullName: string;
}

export interface Task {
  id: number;
  communeId: number;
  planId: number | null;
  origin: TaskOrigin;
  sourceDocument: string | null;
  area: Area;
  number: number | null;
  content: string;
  leadUnits: UnitRef[];
  coordinatorUnits: UnitRef[];
  timeframeText: string;
  schedule: Schedule;
  dueOverride: IsoDate | null;
  due: IsoDate | null;
  product: string;
  progress: number;
  doneAt: IsoDate | null;
  status: TaskStatus;
  nextDue: IsoDate | null;
  daysLate: number | null;
  assignees: PersonRef[];
  updatedAt: string;
  version: number;
  /** may report progress, attach files, comment */
  canEdit: boolean;
  /** may change the task itself (served beyond docs/api.md: leader, coordinator, admin) */
  canManage?: boolean;
  /** may record a completion for an earlier day than today (coordinator, leader), with a reason */
  canBackdate?: boolean;
  /** each deadline with its own status (the server's name for the contract's `occurrences`) */
  checkpoints?: Occurrence[];
}

export interface Occurrence {
  due: IsoDate;
  doneAt: IsoDate | null;
  status: TaskStatus;
}
export type HistoryKind = 'created' | 'edited' | 'progress' | 'comment' | 'file' | 'done' | 'reopened';
export interface HistoryEntry {
  id: number;
  at: string;
  user: PersonRef;
  kind: HistoryKind;
  progress: number | null;
  note: string | null;
  fileId: number | null;
  occurrence: IsoDate | null;
  /** a completion recorded for an earlier day than the report, and why */
  backdatedTo: IsoDate | null;
  reason: string | null;
}
export interface FileMeta {
  id: number;
  name: string;
  size: number;
  mimeType: string;
  uploadedAt: string;
  uploadedBy: PersonRef;
}
export interface TaskDetail extends Task {
  occurrences?: Occurrence[];
  history: HistoryEntry[];
  files: FileMeta[];
}

export interface TaskInput {
  area: Area;
  number?: number | null;
  content: string;
  leadUnitIds: number[];
  coordinatorUnitIds: number[];
  timeframeText: string;
  product?: string;
  assigneeIds?: number[];
  dueOverride?: IsoDate | null;
}
export interface CityTaskInput extends TaskInput {
  communeId: number;
  origin: 'city_assigned';
  sourceDocument: string;
}
export interface ProgressInput {
  progress: number;
  /** The version of the task the form was filled on; a stale one answers 409. */
  version: number;
  note?: string;
  done?: boolean;
  doneAt?: IsoDate;
  doneAtReason?: string;
  occurrence?: IsoDate;
}
export interface TaskFilters {
  unitId?: number;
  area?: Area;
  status?: TaskStatus;
  q?: string;
}

export type StatusCounts = Partial<Record<TaskStatus, number>>;
export interface StatusSummary {
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
  undetermined: number;
  byStatus: StatusCounts;
  /** done / total × 100, one decimal */
  completionRate?: number;
}
/** The commune has no plan yet. */
export interface DashboardEmpty {
  plan: null;
  asOf: IsoDate;
}
export interface Dashboard {
  plan: PlanSummary;
  asOf: IsoDate;
  dueSoonDays: number;
  /** how far ahead the dueSoon list looks (served beyond docs/api.md; default 14) */
  horizonDays?: number;
  totals: StatusSummary;
  /** 0..100, one decimal */
  completionRate: number;
  /** city-assigned tasks in the plan's period (served beyond docs/api.md) */
  cityAssigned?: StatusSummary;
  byArea: { area: Area; total: number; done: number; overdue: number; byStatus: StatusCounts }[];
  byUnit: { unitId: number; unitName: string; total: number; done: number; overdue: number; byStatus: StatusCounts }[];
  overdue: Task[];
  dueSoon: Task[];
  undetermined: Task[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: PersonRef | null;
  entity: string;
  entityId: number | string;
  action: string;
  before: unknown;
  after: unknown;
}

export type OverrideKind = 'day_off' | 'working_day';
export interface CalendarOverride {
  id: number;
  date: IsoDate;
  kind: OverrideKind;
  note: string | null;
}
export interface CalendarYear {
  year: number;
  holidays: { date: IsoDate; name: string }[];
  overrides: CalendarOverride[];
  daysOff: IsoDate[];
}
