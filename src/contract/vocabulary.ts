/**
 * Every closed list of words the server, the database and the web app share, written once.
 * Each list is an `as const` array (for loops and CHECK constraints), a zod enum (for schemas)
 * and a type.
 */
import { z } from 'zod';
import { MY_WORK_SECTIONS } from '../domain/status/my-work';
import { STATUSES } from '../domain/status/types';
import type { ScheduleKind } from '../domain/timeframe/types';

/** admin with no commune = the city's administrator; city_reviewer = Sở Nội vụ (read-only over every commune). */
export const ROLES = ['admin', 'leader', 'coordinator', 'unit_head', 'unit_staff', 'inspector', 'city_reviewer'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;
/** Roles above the communes: they belong to no commune. */
export const CITY_LEVEL_ROLES = ['admin', 'city_reviewer'] as const satisfies readonly TRole[];
/** Roles that belong to one unit of the commune. */
export const UNIT_ROLES = ['unit_head', 'unit_staff'] as const satisfies readonly TRole[];

/** Task statuses, judged for a date and never stored (see src/domain/status). */
export { STATUSES };
export const ZTaskStatus = z.enum(STATUSES);
export type TTaskStatus = z.infer<typeof ZTaskStatus>;

/**
 * The sections of a unit's "my work" view (src/domain/status/my-work.ts). A new state of a task
 * that the unit must act on (a completion returned by the coordinator) adds its section there.
 */
export { MY_WORK_SECTIONS };
export const ZMyWorkSection = z.enum(MY_WORK_SECTIONS);
export type TMyWorkSection = z.infer<typeof ZMyWorkSection>;

/** The seven reform areas (lĩnh vực I–VII). */
export const AREAS = [1, 2, 3, 4, 5, 6, 7] as const;
export const ZArea = z.literal(AREAS, { error: 'Lĩnh vực từ I đến VII' });
export type TArea = z.infer<typeof ZArea>;

export const PLAN_KINDS = ['annual', 'half_year', 'thematic', 'inspection'] as const;
export const ZPlanKind = z.enum(PLAN_KINDS);
export type TPlanKind = z.infer<typeof ZPlanKind>;

/** draft → submitted (to the leader) → issued (numbered, signed; read-only but for amendments) → closed (period over, final result kept). */
export const PLAN_STATUSES = ['draft', 'submitted', 'issued', 'closed'] as const;
export const ZPlanStatus = z.enum(PLAN_STATUSES);
export type TPlanStatus = z.infer<typeof ZPlanStatus>;

/** What a unit may propose to change in an issued plan (seeds 000, 001, 004: units propose, the UBND decides). */
export const AMENDMENT_CHANGE_KINDS = ['add_task', 'drop_task', 'reschedule', 'change_lead', 'change_product'] as const;
export const ZAmendmentChangeKind = z.enum(AMENDMENT_CHANGE_KINDS);
export type TAmendmentChangeKind = z.infer<typeof ZAmendmentChangeKind>;

/** proposed by a unit → gathered into an amendment → accepted (the amendment was decided) or rejected. */
export const PROPOSAL_STATUSES = ['proposed', 'gathered', 'accepted', 'rejected'] as const;
export const ZProposalStatus = z.enum(PROPOSAL_STATUSES);
export type TProposalStatus = z.infer<typeof ZProposalStatus>;

/** An amendment is open while the coordinator gathers proposals, then decided by the leader. */
export const AMENDMENT_STATUSES = ['open', 'decided'] as const;
export const ZAmendmentStatus = z.enum(AMENDMENT_STATUSES);
export type TAmendmentStatus = z.infer<typeof ZAmendmentStatus>;

/** How a plan's key target compares its value ("tỷ lệ … đạt ≥ 95%"). */
export const COMPARATORS = ['>=', '<=', '=', '>', '<'] as const;
export const ZComparator = z.enum(COMPARATORS);
export type TComparator = z.infer<typeof ZComparator>;

/** internal: a unit of the commune; catch_all: "Các cơ quan, đơn vị liên quan"; outside: Mặt trận, Sở … */
export const UNIT_KINDS = ['internal', 'catch_all', 'outside'] as const;
export const ZUnitKind = z.enum(UNIT_KINDS);
export type TUnitKind = z.infer<typeof ZUnitKind>;

export const COMMUNE_KINDS = ['xa', 'phuong'] as const;
export const ZCommuneKind = z.enum(COMMUNE_KINDS);
export type TCommuneKind = z.infer<typeof ZCommuneKind>;

/** plan: a task of a plan; city_assigned: nhiệm vụ UBND thành phố giao, outside any plan. */
export const TASK_ORIGINS = ['plan', 'city_assigned'] as const;
export const ZTaskOrigin = z.enum(TASK_ORIGINS);
export type TTaskOrigin = z.infer<typeof ZTaskOrigin>;

/** A unit's part in a task: cơ quan chủ trì / phối hợp. */
export const TASK_UNIT_ROLES = ['lead', 'coordinator'] as const;
export type TTaskUnitRole = (typeof TASK_UNIT_ROLES)[number];

export const HISTORY_KINDS = ['created', 'edited', 'progress', 'comment', 'file', 'done', 'reopened', 'confirmed', 'returned'] as const;
export const ZHistoryKind = z.enum(HISTORY_KINDS);
export type THistoryKind = z.infer<typeof ZHistoryKind>;

/**
 * A completion a unit reported (the whole task's, or one occurrence's): `pending` until the commune's
 * CCHC coordinator confirms it ("chờ xác nhận"), then `confirmed`. A returned completion is removed;
 * the reason stays on the task for the unit to read.
 */
export const CONFIRMATION_STATES = ['pending', 'confirmed'] as const;
export const ZConfirmationState = z.enum(CONFIRMATION_STATES);
export type TConfirmationState = z.infer<typeof ZConfirmationState>;

/** The government's yearly swaps: an extra day off, or a make-up working day. */
export const CALENDAR_OVERRIDE_KINDS = ['day_off', 'working_day'] as const;
export const ZCalendarOverrideKind = z.enum(CALENDAR_OVERRIDE_KINDS);
export type TCalendarOverrideKind = z.infer<typeof ZCalendarOverrideKind>;

/** What the audit log records changes of; a new capability adds its entity here. */
export const AUDIT_ENTITIES = [
  'plan',
  'plan_amendment',
  'task',
  'user',
  'unit',
  'commune',
  'calendar',
  'dossiers',
  'report',
  'report_template',
  'city_request',
  'inspection_plan',
  'inspection',
  'inspection_finding',
] as const;
export const ZAuditEntity = z.enum(AUDIT_ENTITIES);
export type TAuditEntity = z.infer<typeof ZAuditEntity>;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'progress',
  'attach_file',
  'add_alias',
  'remove_alias',
  'reset_password',
  'change_password',
  'reminder_settings',
  'import',
  'rotate_sync_token',
  'report_periods',
  'edit_period',
  'edit',
  'consolidate',
  'submit',
  'return',
  'accept',
  'approve',
  'send',
  'city_return',
  'confirm',
  'issue',
  'close',
  'carry_over',
  'propose',
  'decide',
  'attach_document',
  'request',
  'answer',
  'schedule',
  'notify',
  'visit',
  'conclude',
  'checklist',
  'team',
  'report_fix',
  'reopen',
  're_inspect',
  'upload_signed',
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = z.infer<typeof ZAuditAction>;

/** How a time-frame text was understood (see src/domain/timeframe/types.ts for examples of each). */
export const SCHEDULE_KINDS = [
  'date',
  'month',
  'quarter',
  'range',
  'recurring',
  'whole_period',
  'continuous',
  'external',
  'unspecified',
] as const satisfies readonly ScheduleKind[];
export const ZScheduleKind = z.enum(SCHEDULE_KINDS);

/** Where a notification is delivered. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email'] as const;
export const ZNotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export type TNotificationChannel = z.infer<typeof ZNotificationChannel>;

/** What a sign-in throttle counts failures by. */
export const THROTTLE_SCOPES = ['account', 'address'] as const;
export type TThrottleScope = (typeof THROTTLE_SCOPES)[number];
