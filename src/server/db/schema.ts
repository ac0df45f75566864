/**
 * The database schema, ready to shard by commune (Citus distribution column `commune_id`):
 * - a tenant table (one commune's rows) has a NOT NULL `commune_id`, a primary key that
 *   starts with it, every unique constraint including it, and foreign keys to other
 *   tenant tables through it (`(commune_id, plan_id) → plans(commune_id, id)`);
 * - the other tables (cities, communes, users, sessions, login_throttle, audit_log, calendar_overrides)
 *   are reference or city-level tables, listed in docs/ARCHITECTURE.md.
 * Closed vocabularies are CHECKed in the database. src/server/db/schema-rules.test.ts
 * reads the catalog and fails on any table that breaks these rules.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  CHECKLIST_AREA_CODES,
  FINDING_STATUSES,
  INSPECTION_KINDS,
  INSPECTION_PERIODS,
  INSPECTION_PLAN_STATUSES,
  INSPECTION_STATUSES,
  type TChecklistAreaCode,
  type TChecklistResult,
  TEAM_ROLES,
  type TFindingStatus,
  type TInspectionForm,
  type TInspectionKind,
  type TInspectionPeriod,
  type TInspectionPlanStatus,
  type TInspectionStatus,
  type TTeamRole,
} from '../../contract/inspections';
import {
  AMENDMENT_CHANGE_KINDS,
  AMENDMENT_STATUSES,
  AUDIT_ENTITIES,
  CALENDAR_OVERRIDE_KINDS,
  COMMUNE_KINDS,
  COMPARATORS,
  CONFIRMATION_STATES,
  HISTORY_KINDS,
  NOTIFICATION_CHANNELS,
  PLAN_KINDS,
  PLAN_STATUSES,
  PROPOSAL_STATUSES,
  ROLES,
  type TAmendmentChangeKind,
  type TArea,
  TASK_ORIGINS,
  TASK_UNIT_ROLES,
  type TAuditAction,
  THROTTLE_SCOPES,
  UNIT_KINDS,
} from '../../contract/vocabulary';
import { DOSSIER_TEXT_LIMITS } from '../../domain/indicators/template';
import { REMINDER_RULES } from '../../domain/reminders/rules';
import type { Schedule } from '../../domain/timeframe/types';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** `column IN ('a', 'b', …)`: a closed vocabulary enforced by the database, not only by the API. */
const oneOf = (column: AnyPgColumn, values: readonly string[]): SQL =>
  sql`${column} IN (${sql.join(
    values.map((value) => sql.raw(`'${value.replace(/'/g, "''")}'`)),
    sql.raw(', '),
  )})`;

// One list per vocabulary, in the contract; the CHECKs below read the same lists.
export {
  AUDIT_ENTITIES,
  CALENDAR_OVERRIDE_KINDS,
  COMMUNE_KINDS,
  CONFIRMATION_STATES,
  HISTORY_KINDS,
  NOTIFICATION_CHANNELS,
  PLAN_KINDS,
  PLAN_STATUSES,
  ROLES,
  TASK_ORIGINS,
  TASK_UNIT_ROLES,
  THROTTLE_SCOPES,
  UNIT_KINDS,
};
export const TARGET_COMPARATORS = COMPARATORS;
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const cities = pgTable('cities', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 200 }).notNull(),
  code: varchar('code', { length: 20 }).notNull().unique(),
  createdAt: createdAt(),
});

export const communes = pgTable(
  'communes',
  {
    id: serial('id').primaryKey(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    name: varchar('name', { length: 200 }).notNull(),
    kind: varchar('kind', { length: 10, enum: COMMUNE_KINDS }).notNull(),
    code: varchar('code', { length: 20 }).notNull(),
    /** matchKey(code) and matchKey(name) (src/domain/text), written by the app: "tu-phap" and "tu-phap\u200b" are one code. */
    codeKey: varchar('code_key', { length: 20 }).notNull(),
    nameKey: varchar('name_key', { length: 200 }).notNull(),
    /** How many days ahead a deadline counts as "sắp đến hạn". */
    dueSoonDays: integer('due_soon_days').notNull().default(7),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('communes_city_code_key_uq').on(t.cityId, t.codeKey),
    uniqueIndex('communes_city_kind_name_key_uq').on(t.cityId, t.kind, t.nameKey),
    check('communes_kind_check', oneOf(t.kind, COMMUNE_KINDS)),
  ],
);

export const units = pgTable(
  'units',
  {
    id: serial('id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    name: varchar('name', { length: 300 }).notNull(),
    /** matchKey(name), written by the app: NFC/NFD, case, marks, spacing and invisible characters fold away. */
    nameKey: varchar('name_key', { length: 300 }).notNull(),
    shortName: varchar('short_name', { length: 100 }),
    /** internal: a unit of the commune; catch_all: "Các cơ quan, đơn vị liên quan"; outside: Mặt trận, Sở … */
    kind: varchar('kind', { length: 12, enum: UNIT_KINDS }).notNull().default('internal'),
    isCoordinator: boolean('is_coordinator').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'units_pkey', columns: [t.communeId, t.id] }),
    uniqueIndex('units_commune_name_key_uq').on(t.communeId, t.nameKey),
    check('units_kind_check', oneOf(t.kind, UNIT_KINDS)),
  ],
);

export const unitAliases = pgTable(
  'unit_aliases',
  {
    id: serial('id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    unitId: integer('unit_id').notNull(),
    alias: varchar('alias', { length: 300 }).notNull(),
    /** matchKey(alias), the same key as unit names: "VH-XH", "vh xh" and "VH\u200b-XH" meet. */
    aliasKey: varchar('alias_key', { length: 300 }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'unit_aliases_pkey', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'unit_aliases_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [units.communeId, units.id] }).onDelete('cascade'),
    uniqueIndex('unit_aliases_commune_key_uq').on(t.communeId, t.aliasKey),
  ],
);

export type Role = (typeof ROLES)[number];

/**
 * A city-level table: city reviewers and the city's administrators belong to no commune,
 * so `commune_id` is nullable and the table is not distributed (see docs/ARCHITECTURE.md).
 */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    /** null for city-level users (city reviewers, the city's administrators). */
    communeId: integer('commune_id').references(() => communes.id),
    unitId: integer('unit_id'),
    username: varchar('username', { length: 60 }).notNull().unique(),
    /** matchKey(username): "daumoi.ap" and "DAUMOI-AP" cannot both exist. */
    usernameKey: varchar('username_key', { length: 60 }).notNull().unique(),
    fullName: varchar('full_name', { length: 200 }).notNull(),
    title: varchar('title', { length: 200 }),
    role: varchar('role', { length: 20, enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Where reminders are mailed; none means in-app notifications only. */
    email: varchar('email', { length: 254 }),
    /** The user's own choice to receive reminders by e-mail too. */
    emailNotifications: boolean('email_notifications').notNull().default(true),
    active: boolean('active').notNull().default(true),
    /** Set by an administrator: until the user picks a new password, the session only reaches the change-password route. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ name: 'users_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [units.communeId, units.id] }),
    check('users_role_check', oneOf(t.role, ROLES)),
    // The placement rules of users/service.ts, held by the database for the CLI and any other writer.
    check(
      'users_placement_check',
      sql`(${t.communeId} IS NOT NULL OR ${t.role} IN ('admin', 'city_reviewer'))
        AND (${t.communeId} IS NULL OR ${t.role} <> 'city_reviewer')
        AND (${t.unitId} IS NOT NULL OR ${t.role} NOT IN ('unit_head', 'unit_staff'))
        AND (${t.unitId} IS NULL OR ${t.communeId} IS NOT NULL)`,
    ),
  ],
);

/**
 * Failed sign-ins per account (the normalised username) and per client address, shared by every
 * app process: after a few failures each further one blocks that key for a growing delay.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    scope: varchar('scope', { length: 10, enum: THROTTLE_SCOPES }).notNull(),
    key: varchar('key', { length: 200 }).notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), check('login_throttle_scope_check', oneOf(t.scope, THROTTLE_SCOPES))],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a stolen table gives no usable cookie. */
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export type PlanKind = (typeof PLAN_KINDS)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const plans = pgTable(
  'plans',
  {
    id: serial('id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    kind: varchar('kind', { length: 12, enum: PLAN_KINDS }).notNull(),
    title: varchar('title', { length: 500 }).notNull(),
    number: varchar('number', { length: 60 }),
    issuer: varchar('issuer', { length: 300 }),
    issueDate: date('issue_date'),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    status: varchar('status', { length: 10, enum: PLAN_STATUSES }).notNull().default('draft'),
    reportingRegime: text('reporting_regime'),
    /** Who signed the issued plan ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH Nguyễn Văn A"). */
    signer: varchar('signer', { length: 200 }),
    /** The version in force now: 1 when issued, one more for each decided amendment. */
    version: integer('version').notNull().default(1),
    /** The day the plan was closed; its tasks not done then are "không hoàn thành". */
    closedOn: date('closed_on'),
    /** Counts by status on the day of closing, kept as the plan's final result. */
    finalResult: jsonb('final_result').$type<Record<string, number>>(),
    /** The plan this one carries tasks over from (the link back is the reverse lookup). */
    previousPlanId: integer('previous_plan_id'),
    /** The source (or signed) document kept with the plan, in the upload folder. */
    documentName: varchar('document_name', { length: 255 }),
    documentMime: varchar('document_mime', { length: 120 }),
    documentPath: varchar('document_path', { length: 300 }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'plans_pkey', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'plans_previous_fk', columns: [t.communeId, t.previousPlanId], foreignColumns: [t.communeId, t.id] }),
    check('plans_kind_check', oneOf(t.kind, PLAN_KINDS)),
    check('plans_status_check', oneOf(t.status, PLAN_STATUSES)),
  ],
);

export const planTargets = pgTable(
  'plan_targets',
  {
    id: serial('id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    planId: integer('plan_id').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    comparator: varchar('comparator', { length: 2, enum: TARGET_COMPARATORS }),
    value: numeric('value', { mode: 'number' }),
    unit: varchar('unit', { length: 30 }),
  },
  (t) => [
    primaryKey({ name: 'plan_targets_pkey', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'plan_targets_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plans.communeId, plans.id] }).onDelete('cascade'),
    index('plan_targets_plan_idx').on(t.communeId, t.planId),
    check('plan_targets_comparator_check', oneOf(t.comparator, TARGET_COMPARATORS)),
  ],
);

/**
 * A city directive (văn bản UBND thành phố giao nhiệm vụ, issue 11): entered once by the city and given
 * to many communes, each of which gets its own task (tasks.directive_id). City-level data, not one
 * commune's: a reference table (docs/ARCHITECTURE.md), which the communes' tasks point at.
 */
export const cityDirectives = pgTable(
  'city_directives',
  {
    id: serial('id').primaryKey(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    /** "125/UBND-NV" */
    number: varchar('number', { length: 60 }).notNull(),
    issuedOn: date('issued_on').notNull(),
    area: integer('area').$type<TArea>().notNull(),
    content: text('content').notNull(),
    /** As written ("Trước ngày 30/6/2026", "Hàng quý"); a deadline given as a date is written "Trước ngày dd/mm/yyyy". */
    timeframeText: text('timeframe_text').notNull(),
    product: text('product').notNull().default(''),
    /** The year each commune's task is read against (the year of issue). */
    year: integer('year').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('city_directives_city_number_uq').on(t.cityId, t.number, t.issuedOn), check('city_directives_area_check', sql`${t.area} BETWEEN 1 AND 7`)],
);

export type TaskState = 'open' | 'done';

export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    /** null for tasks the city assigned outside any plan. */
    planId: integer('plan_id'),
    origin: varchar('origin', { length: 16, enum: TASK_ORIGINS }).notNull().default('plan'),
    sourceDocument: varchar('source_document', { length: 500 }),
    area: integer('area').$type<TArea>().notNull(),
    number: integer('number'),
    position: integer('position').notNull().default(0),
    content: text('content').notNull(),
    timeframeText: text('timeframe_text').notNull().default(''),
    schedule: jsonb('schedule').$type<Schedule>().notNull(),
    /** The period the schedule was parsed against (the plan's, or the year of a city-assigned task). */
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** A deadline the coordinator settled for a task whose text gives none. */
    dueOverride: date('due_override'),
    product: text('product').notNull().default(''),
    progress: integer('progress').notNull().default(0),
    doneAt: date('done_at'),
    /** Of the completion in done_at: null while open, pending until the coordinator confirms it. */
    confirmation: varchar('confirmation', { length: 12, enum: CONFIRMATION_STATES }),
    // Evidence of the completion: a file of this task (no FK: files already point at their task) or a link.
    evidenceFileId: integer('evidence_file_id'),
    evidenceLink: text('evidence_link'),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** The coordinator's last return of a reported completion: shown on top of the task until it is reported again. */
    returnReason: text('return_reason'),
    returnedOccurrence: date('returned_occurrence'),
    returnedBy: integer('returned_by').references(() => users.id),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    /** The day the task joined: checkpoints before it were never owed (null: from the period's start). */
    activeFrom: date('active_from'),
    /** Added by an amendment: in the plan from this day (null: issued with the plan). */
    addedOn: date('added_on'),
    /** Dropped by an amendment: in the plan until the day before this one. */
    removedOn: date('removed_on'),
    /** Recorded on closing the plan with the task not done: judged "không hoàn thành" from this day. */
    notDoneOn: date('not_done_on'),
    /** The task of an earlier plan this one carries over. */
    carriedFromTaskId: integer('carried_from_task_id'),
    /** The city directive this city-assigned task answers (one task per commune and directive). */
    directiveId: integer('directive_id').references(() => cityDirectives.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'tasks_pkey', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'tasks_carried_from_fk', columns: [t.communeId, t.carriedFromTaskId], foreignColumns: [t.communeId, t.id] }),
    foreignKey({ name: 'tasks_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plans.communeId, plans.id] }).onDelete('cascade'),
    index('tasks_plan_idx').on(t.communeId, t.planId),
    uniqueIndex('tasks_directive_uq').on(t.directiveId, t.communeId).where(sql`${t.directiveId} IS NOT NULL`),
    check('tasks_area_check', sql`${t.area} BETWEEN 1 AND 7`),
    check('tasks_progress_check', sql`${t.progress} BETWEEN 0 AND 100`),
    check('tasks_origin_check', oneOf(t.origin, TASK_ORIGINS)),
    check('tasks_confirmation_check', oneOf(t.confirmation, CONFIRMATION_STATES)),
  ],
);

export const taskUnits = pgTable(
  'task_units',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    taskId: integer('task_id').notNull(),
    unitId: integer('unit_id').notNull(),
    role: varchar('role', { length: 12, enum: TASK_UNIT_ROLES }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'task_units_pkey', columns: [t.communeId, t.taskId, t.unitId, t.role] }),
    foreignKey({ name: 'task_units_task_fk', columns: [t.communeId, t.taskId], foreignColumns: [tasks.communeId, tasks.id] }).onDelete('cascade'),
    foreignKey({ name: 'task_units_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [units.communeId, units.id] }),
    index('task_units_unit_idx').on(t.communeId, t.unitId),
    check('task_units_role_check', oneOf(t.role, TASK_UNIT_ROLES)),
  ],
);

export const taskAssignees = pgTable(
  'task_assignees',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    taskId: integer('task_id').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ name: 'task_assignees_pkey', columns: [t.communeId, t.taskId, t.userId] }),
    foreignKey({ name: 'task_assignees_task_fk', columns: [t.communeId, t.taskId], foreignColumns: [tasks.communeId, tasks.id] }).onDelete('cascade'),
  ],
);

/** A checkpoint of a recurring or continuous task marked done (keyed by its deadline). */
export const taskOccurrenceCompletions = pgTable(
  'task_occurrence_completions',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    taskId: integer('task_id').notNull(),
    due: date('due').notNull(),
    doneAt: date('done_at').notNull(),
    userId: integer('user_id').references(() => users.id),
    /** Rows from before confirmation existed were taken as confirmed; every new report is written pending. */
    confirmation: varchar('confirmation', { length: 12, enum: CONFIRMATION_STATES }).notNull().default('confirmed'),
    evidenceFileId: integer('evidence_file_id'),
    evidenceLink: text('evidence_link'),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'task_occurrence_completions_pkey', columns: [t.communeId, t.taskId, t.due] }),
    foreignKey({ name: 'task_occurrence_completions_task_fk', columns: [t.communeId, t.taskId], foreignColumns: [tasks.communeId, tasks.id] }).onDelete('cascade'),
    check('task_occurrence_completions_confirmation_check', oneOf(t.confirmation, CONFIRMATION_STATES)),
  ],
);

/** One version of an issued plan: 1 at issue, one more per decided amendment, each in force from a day. */
export const planVersions = pgTable(
  'plan_versions',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    planId: integer('plan_id').notNull(),
    version: integer('version').notNull(),
    inForceFrom: date('in_force_from').notNull(),
    /** The deciding document: the plan's own number for version 1, the amending decision's after. */
    documentNumber: varchar('document_number', { length: 60 }),
    documentDate: date('document_date'),
    amendmentId: integer('amendment_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'plan_versions_pkey', columns: [t.communeId, t.planId, t.version] }),
    foreignKey({ name: 'plan_versions_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plans.communeId, plans.id] }).onDelete('cascade'),
  ],
);

/** Proposals gathered by the coordinator and decided by the leader as one change to the plan. */
export const planAmendments = pgTable(
  'plan_amendments',
  {
    id: serial('id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    planId: integer('plan_id').notNull(),
    title: varchar('title', { length: 500 }).notNull(),
    status: varchar('status', { length: 10, enum: AMENDMENT_STATUSES }).notNull().default('open'),
    decisionNumber: varchar('decision_number', { length: 60 }),
    decisionDate: date('decision_date'),
    /** The plan version the decision made. */
    version: integer('version'),
    createdBy: integer('created_by').references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'plan_amendments_pkey', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'plan_amendments_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plans.communeId, plans.id] }).onDelete('cascade'),
    check('plan_amendments_status_check', oneOf(t.status, AMENDMENT_STATUSES)),
  ],
);

/** What a unit proposes to change: `change` holds the new task, time frame, lead units or product. */
export interface ProposedChange {
  content?: string;
  area?: number;
  timeframeText?: string;
  product?: string;
  leadUnitIds?: number[];
  coordinatorUnitIds?: number[];
}

export const amendmentProposals = pgTable(
  'amendment_proposals',
  {
    id: serial('id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    planId: integer('plan_id').notNull(),
    amendmentId: integer('amendment_id'),
    unitId: integer('unit_id'),
    kind: varchar('kind', { length: 16, enum: AMENDMENT_CHANGE_KINDS }).$type<TAmendmentChangeKind>().notNull(),
    taskId: integer('task_id'),
    change: jsonb('change').$type<ProposedChange>().notNull(),
    /** The task as it was before the decision (for the differences between versions). */
    before: jsonb('before').$type<ProposedChange>(),
    reason: text('reason').notNull(),
    status: varchar('status', { length: 10, enum: PROPOSAL_STATUSES }).notNull().default('proposed'),
    proposedBy: integer('proposed_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'amendment_proposals_pkey', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'amendment_proposals_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plans.communeId, plans.id] }).onDelete('cascade'),
    foreignKey({ name: 'amendment_proposals_amendment_fk', columns: [t.communeId, t.amendmentId], foreignColumns: [planAmendments.communeId, planAmendments.id] }),
    foreignKey({ name: 'amendment_proposals_task_fk', columns: [t.communeId, t.taskId], foreignColumns: [tasks.communeId, tasks.id] }).onDelete('cascade'),
    foreignKey({ name: 'amendment_proposals_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [units.communeId, units.id] }),
    index('amendment_proposals_plan_idx').on(t.communeId, t.planId),
    check('amendment_proposals_kind_check', oneOf(t.kind, AMENDMENT_CHANGE_KINDS)),
    check('amendment_proposals_status_check', oneOf(t.status, PROPOSAL_STATUSES)),
  ],
);

export const files = pgTable(
  'files',
  {
    id: serial('id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    /** Exactly one owner: a task (its evidence) or an inspection (checklist/fix evidence, signed copies). */
    taskId: integer('task_id'),
    inspectionId: integer('inspection_id'),
    originalName: varchar('original_name', { length: 255 }).notNull(),
    mimeType: varchar('mime_type', { length: 120 }).notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    /** Path relative to the upload folder, outside the web root. */
    storagePath: varchar('storage_path', { length: 300 }).notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'files_pkey', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'files_task_fk', columns: [t.communeId, t.taskId], foreignColumns: [tasks.communeId, tasks.id] }).onDelete('cascade'),
    index('files_task_idx').on(t.communeId, t.taskId),
    foreignKey({ name: 'files_inspection_fk', columns: [t.communeId, t.inspectionId], foreignColumns: [inspections.communeId, inspections.id] }).onDelete('cascade'),
    index('files_inspection_idx').on(t.communeId, t.inspectionId),
    check('files_owner_check', sql`(${t.taskId} is null) <> (${t.inspectionId} is null)`),
  ],
);

export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const taskHistory = pgTable(
  'task_history',
  {
    id: serial('id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    taskId: integer('task_id').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: varchar('kind', { length: 12, enum: HISTORY_KINDS }).notNull(),
    progress: integer('progress'),
    note: text('note'),
    // Files go only with their task, whose history goes with it: no ON DELETE SET NULL, which would null commune_id too.
    fileId: integer('file_id'),
    occurrence: date('occurrence'),
    /** A completion recorded for an earlier day than the report: that day and why (coordinator or leader only). */
    backdatedTo: date('backdated_to'),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ name: 'task_history_pkey', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'task_history_task_fk', columns: [t.communeId, t.taskId], foreignColumns: [tasks.communeId, tasks.id] }).onDelete('cascade'),
    foreignKey({ name: 'task_history_file_fk', columns: [t.communeId, t.fileId], foreignColumns: [files.communeId, files.id] }),
    index('task_history_task_idx').on(t.communeId, t.taskId),
    check('task_history_kind_check', oneOf(t.kind, HISTORY_KINDS)),
  ],
);

/** Every change to plans, tasks and users: who, when, before and after. City-level entries have no commune. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    communeId: integer('commune_id').references(() => communes.id),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    entity: varchar('entity', { length: 30, enum: AUDIT_ENTITIES }).notNull(),
    entityId: integer('entity_id').notNull(),
    action: varchar('action', { length: 30 }).$type<TAuditAction>().notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_commune_idx').on(t.communeId, t.at), index('audit_entity_idx').on(t.entity, t.entityId), check('audit_log_entity_check', oneOf(t.entity, AUDIT_ENTITIES))],
);

/** The government's yearly swaps: extra days off and make-up working days. National, not per commune. */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    id: serial('id').primaryKey(),
    date: date('date').notNull().unique(),
    kind: varchar('kind', { length: 12, enum: CALENDAR_OVERRIDE_KINDS }).notNull(),
    note: varchar('note', { length: 300 }),
  },
  (t) => [check('calendar_overrides_kind_check', oneOf(t.kind, CALENDAR_OVERRIDE_KINDS))],
);

/** A commune's reminder rules (defaults in domain/reminders when the row is missing). */
export const reminderSettings = pgTable(
  'reminder_settings',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id)
      .primaryKey(),
    beforeDueWorkingDays: integer('before_due_working_days').notNull().default(3),
    onOverdue: boolean('on_overdue').notNull().default(true),
    weeklyDigest: boolean('weekly_digest').notNull().default(true),
    weeklySummary: boolean('weekly_summary').notNull().default(true),
    doneNotice: boolean('done_notice').notNull().default(true),
    weeklyDay: integer('weekly_day').notNull().default(1),
    /** Periodic reports (issue 10): first reminder N working days before a report deadline; notices when one passes. */
    reportBeforeDueWorkingDays: integer('report_before_due_working_days').notNull().default(3),
    reportOnLate: boolean('report_on_late').notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('reminder_settings_days_check', sql`${t.beforeDueWorkingDays} BETWEEN 0 AND 30`),
    check('reminder_settings_weekly_day_check', sql`${t.weeklyDay} BETWEEN 1 AND 5`),
    check('reminder_settings_report_days_check', sql`${t.reportBeforeDueWorkingDays} BETWEEN 0 AND 30`),
  ],
);

export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * One reminder to one person on one channel. The unique key is what makes each
 * reminder go out once: a second run, a restarted app or a second process finds
 * the row already there and sends nothing.
 */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    rule: varchar('rule', { length: 20, enum: REMINDER_RULES }).notNull(),
    /** 0 for the weekly mails, which are about many tasks, and for reports (0 keeps the key free of NULLs). */
    taskId: integer('task_id').notNull(),
    /** A report reminder's subject, the report period; 0 for task reminders. */
    periodId: integer('period_id').notNull().default(0),
    occurrenceDue: date('occurrence_due').notNull(),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => users.id),
    channel: varchar('channel', { length: 10, enum: NOTIFICATION_CHANNELS }).notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.id] }),
    uniqueIndex('reminder_deliveries_key_uq').on(t.communeId, t.rule, t.taskId, t.periodId, t.occurrenceDue, t.recipientId, t.channel),
    check('reminder_deliveries_rule_check', oneOf(t.rule, REMINDER_RULES)),
    check('reminder_deliveries_channel_check', oneOf(t.channel, NOTIFICATION_CHANNELS)),
  ],
);

/** The bell: what a person has been told in the app. */
export const notifications = pgTable(
  'notifications',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    rule: varchar('rule', { length: 20, enum: REMINDER_RULES }).notNull(),
    taskId: integer('task_id'),
    /** For report reminders: the report period it is about (opens the reports screen). */
    periodId: integer('period_id'),
    occurrenceDue: date('occurrence_due'),
    title: varchar('title', { length: 300 }).notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.id] }),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    check('notifications_rule_check', oneOf(t.rule, REMINDER_RULES)),
  ],
);

/**
 * A city reviewer's request to a commune (đôn đốc) about a late task or a late/missing commune
 * report: open until the commune's coordinator or leader answers it. One row per request.
 */
export const cityRequests = pgTable(
  'city_requests',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    /** The task it is about; null when it is about a report period or the commune's work as a whole. */
    taskId: integer('task_id'),
    /** The report period it is about (the commune's report); null otherwise. */
    periodId: integer('period_id'),
    message: text('message').notNull(),
    sentBy: integer('sent_by')
      .notNull()
      .references(() => users.id),
    sentAt: createdAt(),
    answer: text('answer'),
    answeredBy: integer('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'city_requests_pkey', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'city_requests_task_fk', columns: [t.communeId, t.taskId], foreignColumns: [tasks.communeId, tasks.id] }).onDelete('cascade'),
    foreignKey({ name: 'city_requests_period_fk', columns: [t.communeId, t.periodId], foreignColumns: [reportPeriods.communeId, reportPeriods.id] }).onDelete('cascade'),
    index('city_requests_task_idx').on(t.communeId, t.taskId),
    // About one task, one report period, or (from the overview) the commune's work as a whole: never both.
    check('city_requests_subject_check', sql`${t.taskId} IS NULL OR ${t.periodId} IS NULL`),
    check('city_requests_answer_check', sql`(${t.answer} IS NULL) = (${t.answeredAt} IS NULL)`),
  ],
);

/**
 * Procedure dossiers (hồ sơ TTHC) from the city's dossier system, one row per code
 * within a commune. Moments are Vietnam wall-clock time (`timestamp` without zone),
 * stored as the span the export's precision gives: a date-only appointment runs to
 * 23:59:59.999, "17:00" to 17:00:59.999 (see domain/indicators/formulas.ts).
 * Indexes follow the three reads of an indicator: received in a window, ended in a
 * window, and still open at an as-of date.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    // Names a commune, checked once per statement by triggers (migration 0020) rather than by a declared
    // foreign key, whose check runs row by row: a fifth of a large import's time (bench:dossiers).
    communeId: integer('commune_id').notNull(),
    code: varchar('code', { length: DOSSIER_TEXT_LIMITS.code }).notNull(),
    procedureCode: varchar('procedure_code', { length: DOSSIER_TEXT_LIMITS.procedureCode }),
    procedureName: text('procedure_name'),
    field: varchar('field', { length: DOSSIER_TEXT_LIMITS.field }),
    unitName: varchar('unit_name', { length: DOSSIER_TEXT_LIMITS.unit }),
    channel: varchar('channel', { length: 16 }).notNull(),
    receivedAt: timestamp('received_at', { mode: 'string', precision: 3 }).notNull(),
    appointmentStart: timestamp('appointment_start', { mode: 'string', precision: 3 }).notNull(),
    appointmentEnd: timestamp('appointment_end', { mode: 'string', precision: 3 }).notNull(),
    endedAt: timestamp('ended_at', { mode: 'string', precision: 3 }),
    status: varchar('status', { length: 12 }).notNull(),
    hasFee: boolean('has_fee'),
    paidOnline: boolean('paid_online'),
    digitised: boolean('digitised'),
    electronicResult: boolean('electronic_result'),
    rating: varchar('rating', { length: 16 }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.code] }),
    index('dossiers_received_idx').on(t.communeId, t.receivedAt),
    index('dossiers_ended_idx').on(t.communeId, t.endedAt),
    // Open dossiers (in progress, or given a finishing status without an end) are few; overdue counts
    // read them without touching the finished history, from the index alone (received_at is in it).
    index('dossiers_open_idx').on(t.communeId, t.appointmentStart, t.receivedAt).where(sql`status <> 'withdrawn' AND (status = 'processing' OR ended_at IS NULL)`),
    // Finished after their appointment began: the only finished ones that can have been open and overdue at an
    // earlier as-of day, so a past quarter's overdue count skips the on-time history that ended after it.
    index('dossiers_late_idx')
      .on(t.communeId, t.endedAt, t.appointmentStart, t.receivedAt)
      .where(sql`status IN ('resolved', 'rejected', 'stopped') AND ended_at > appointment_start`),
  ],
);

/**
 * A commune's dossier counts per day (received on it, finished on it), kept by statement
 * triggers on `dossiers` in the writer's transaction (migration 0019), so a city's quarter by
 * commune adds up ~90 rows a commune instead of reading every dossier of the quarter.
 * Columns mirror domain/indicators/formulas.ts: received-day counts among non-withdrawn
 * dossiers; finished-day counts among dossiers with a finishing status.
 */
export const dossierDays = pgTable(
  'dossier_days',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    day: date('day', { mode: 'string' }).notNull(),
    received: integer('received').notNull().default(0),
    online: integer('online').notNull().default(0),
    fullOnline: integer('full_online').notNull().default(0),
    fee: integer('fee').notNull().default(0),
    paid: integer('paid').notNull().default(0),
    digitised: integer('digitised').notNull().default(0),
    finished: integer('finished').notNull().default(0),
    onTime: integer('on_time').notNull().default(0),
    eResult: integer('e_result').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communeId, t.day] })],
);

/**
 * Progress of one dossier upload (a row per upload job), written outside the upload's own
 * transaction so any server process answers the browser's polls; old rows are swept by later uploads.
 */
export const dossierUploads = pgTable(
  'dossier_uploads',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    uploadId: varchar('upload_id', { length: 64 }).notNull(),
    phase: varchar('phase', { length: 12 }).notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.communeId, t.uploadId] })],
);

/** A commune's column mapping for one export source (header text → dossier field). */
export const dossierMappings = pgTable(
  'dossier_mappings',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    source: varchar('source', { length: 100 }).notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.communeId, t.source] })],
);

/** The machine-sync token of a commune (sha256 only); rotating replaces it. */
export const dossierSyncTokens = pgTable(
  'dossier_sync_tokens',
  {
    communeId: integer('commune_id')
      .primaryKey()
      .references(() => communes.id),
    // Looked up by hash before the commune is known; a random 256-bit token needs no unique index across communes.
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('dossier_sync_tokens_token_idx').on(t.tokenHash)],
);

/**
 * A plan target's link to its actual figure: an indicator key, or null for a figure
 * entered by hand. Keyed by the target's folded text, because saving a plan rewrites
 * its target rows (new ids) while the text stays.
 */
export const targetLinks = pgTable(
  'target_links',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    planId: integer('plan_id').notNull(),
    targetKey: varchar('target_key', { length: 500 }).notNull(),
    indicatorKey: varchar('indicator_key', { length: 40 }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.planId, t.targetKey] }),
    foreignKey({ name: 'target_links_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plans.communeId, plans.id] }).onDelete('cascade'),
  ],
);

/** Figures entered by hand for a target, one per month (budget revenue, disbursement …). */
export const targetFigures = pgTable(
  'target_figures',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    planId: integer('plan_id').notNull(),
    targetKey: varchar('target_key', { length: 500 }).notNull(),
    month: date('month').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    enteredBy: integer('entered_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.planId, t.targetKey, t.month] }),
    foreignKey({ name: 'target_figures_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plans.communeId, plans.id] }).onDelete('cascade'),
  ],
);
/** A report template version (issue 10). City-wide data, not a tenant's: a new year's outline is a new version of the same key. */
export const reportTemplates = pgTable(
  'report_templates',
  {
    id: serial('id').primaryKey(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    key: varchar('key', { length: 60 }).notNull(),
    version: integer('version').notNull(),
    name: varchar('name', { length: 1000 }).notNull(),
    /** The validated tree (src/domain/reports ZReportTemplate). */
    body: jsonb('body').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('report_templates_city_key_version_uq').on(t.cityId, t.key, t.version)],
);

export type ReportPeriodKind = 'quarter' | 'half_year' | 'year';

export const reportPeriods = pgTable(
  'report_periods',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    planId: integer('plan_id').notNull(),
    /** "2025-Q3", "2026-H1", "2026-Y": the city compares communes on the same code. */
    code: varchar('code', { length: 10 }).notNull(),
    kind: varchar('kind', { length: 10 }).$type<ReportPeriodKind>().notNull(),
    label: varchar('label', { length: 100 }).notNull(),
    windowStart: date('window_start').notNull(),
    windowEnd: date('window_end').notNull(),
    unitDeadline: date('unit_deadline').notNull(),
    communeDeadline: date('commune_deadline').notNull(),
    templateId: integer('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    /** A period owed by this one unit only: an inspection's self-report (issue 13); null for the plan's periods. */
    unitId: integer('unit_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.id] }),
    foreignKey({ name: 'report_periods_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [units.communeId, units.id] }),
    foreignKey({ name: 'report_periods_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plans.communeId, plans.id] }).onDelete('cascade'),
    uniqueIndex('report_periods_plan_code_uq').on(t.communeId, t.planId, t.code),
    check('report_periods_kind_check', sql`${t.kind} IN ('quarter', 'half_year', 'year')`),
    check('report_periods_window_check', sql`${t.windowStart} <= ${t.windowEnd}`),
    check('report_periods_deadlines_check', sql`${t.unitDeadline} <= ${t.communeDeadline}`),
  ],
);

export type ReportLevel = 'unit' | 'commune';
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted' | 'approved' | 'sent';

export const reports = pgTable(
  'reports',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    periodId: integer('period_id').notNull(),
    level: varchar('level', { length: 8 }).$type<ReportLevel>().notNull(),
    /** The reporting unit; null for the commune's report. */
    unitId: integer('unit_id'),
    /** The template version the report was made with, kept when newer versions arrive. */
    templateId: integer('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    status: varchar('status', { length: 10 }).$type<ReportStatus>().notNull().default('draft'),
    asOf: date('as_of').notNull(),
    values: jsonb('values').$type<Record<string, number | null>>().notNull().default({}),
    narratives: jsonb('narratives').$type<Record<string, string>>().notNull().default({}),
    /** Computed figures by key, frozen at submission (unit) or approval (commune). */
    frozen: jsonb('frozen').$type<Record<string, number>>(),
    frozenAt: date('frozen_at'),
    submittedOn: date('submitted_on'),
    daysLate: integer('days_late'),
    /** The last request of whoever returned it (coordinator or city reviewer). */
    returnComment: text('return_comment'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.id] }),
    foreignKey({ name: 'reports_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [units.communeId, units.id] }),
    foreignKey({ name: 'reports_period_fk', columns: [t.communeId, t.periodId], foreignColumns: [reportPeriods.communeId, reportPeriods.id] }).onDelete('cascade'),
    uniqueIndex('reports_unit_uq').on(t.communeId, t.periodId, t.unitId).where(sql`${t.unitId} IS NOT NULL`),
    uniqueIndex('reports_commune_uq').on(t.communeId, t.periodId).where(sql`${t.level} = 'commune'`),
    check('reports_level_check', sql`${t.level} IN ('unit', 'commune') AND (${t.level} = 'commune') = (${t.unitId} IS NULL)`),
    check('reports_status_check', sql`${t.status} IN ('draft', 'submitted', 'returned', 'accepted', 'approved', 'sent')`),
  ],
);

/** Who moved a report and why: submissions, returns with their comments, acceptance, approval, sending. */
export const reportEvents = pgTable(
  'report_events',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    reportId: integer('report_id').notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    action: varchar('action', { length: 12 }).notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.id] }),
    index('report_events_report_idx').on(t.communeId, t.reportId),
    foreignKey({ name: 'report_events_report_fk', columns: [t.communeId, t.reportId], foreignColumns: [reports.communeId, reports.id] }).onDelete('cascade'),
    check('report_events_action_check', sql`${t.action} IN ('create', 'edit', 'submit', 'return', 'accept', 'consolidate', 'approve', 'send', 'city_return')`),
  ],
);

/**
 * One row per commune, its version bumped by triggers (migration city_versions) in the same
 * transaction as any write to the rows its judged statuses come from: tasks, checkpoints, plans,
 * report periods and reports, the commune itself. A cache in any process compares it before reuse.
 */
export const communeVersions = pgTable('commune_versions', {
  communeId: integer('commune_id')
    .primaryKey()
    .references(() => communes.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(0),
});

// ---------- inspections (issue 13) ----------

/** The commune's inspection plan (seed 003): review window, scope, forms, coverage goal, visit month, team. */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    year: integer('year').notNull(),
    period: varchar('period', { length: 2 }).$type<TInspectionPeriod>().notNull(),
    title: text('title').notNull(),
    number: varchar('number', { length: 60 }).notNull().default(''),
    signedOn: date('signed_on'),
    reviewFrom: date('review_from').notNull(),
    /** null: "đến ngày được kiểm tra", each inspection's window ends on its visit day. */
    reviewTo: date('review_to'),
    areas: jsonb('areas').$type<TArea[]>().notNull(),
    /** The CCHC plan whose execution is inspected; its periods carry the units' self-reports. */
    reviewedPlanId: integer('reviewed_plan_id'),
    forms: jsonb('forms').$type<TInspectionForm[]>().notNull(),
    coverageGoalPercent: integer('coverage_goal_percent').notNull().default(30),
    visitMonth: varchar('visit_month', { length: 7 }),
    selfReportDeadline: date('self_report_deadline'),
    status: varchar('status', { length: 10 }).$type<TInspectionPlanStatus>().notNull().default('draft'),
    sourceFileName: varchar('source_file_name', { length: 255 }),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.id] }),
    foreignKey({ name: 'inspection_plans_reviewed_plan_fk', columns: [t.communeId, t.reviewedPlanId], foreignColumns: [plans.communeId, plans.id] }),
    index('inspection_plans_year_idx').on(t.communeId, t.year),
    check('inspection_plans_period_check', oneOf(t.period, INSPECTION_PERIODS)),
    check('inspection_plans_status_check', oneOf(t.status, INSPECTION_PLAN_STATUSES)),
    check('inspection_plans_goal_check', sql`${t.coverageGoalPercent} BETWEEN 1 AND 100`),
    check('inspection_plans_window_check', sql`${t.reviewTo} IS NULL OR ${t.reviewFrom} <= ${t.reviewTo}`),
  ],
);

/** One inspected unit's inspection (visit) under a plan; a re-inspection points at the inspection it follows up. */
export const inspections = pgTable(
  'inspections',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    planId: integer('plan_id').notNull(),
    unitId: integer('unit_id').notNull(),
    kind: varchar('kind', { length: 14 }).$type<TInspectionKind>().notNull().default('inspection'),
    reInspectionOf: integer('re_inspection_of'),
    visitDate: date('visit_date').notNull(),
    /** Không báo trước: hidden from the unit (and everyone outside the team and managers) before its day. */
    surprise: boolean('surprise').notNull().default(false),
    selfReportDue: date('self_report_due'),
    noticeSentAt: timestamp('notice_sent_at', { withTimezone: true }),
    /** The unit's self-report: a unit report on the de-cuong-kiem-tra-cchc template in its own period. */
    selfReportPeriodId: integer('self_report_period_id'),
    selfReportId: integer('self_report_id'),
    status: varchar('status', { length: 14 }).$type<TInspectionStatus>().notNull().default('planned'),
    conclusion: text('conclusion'),
    concludedOn: date('concluded_on'),
    minutesFileId: integer('minutes_file_id'),
    conclusionFileId: integer('conclusion_file_id'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.id] }),
    foreignKey({ name: 'inspections_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [inspectionPlans.communeId, inspectionPlans.id] }).onDelete('cascade'),
    foreignKey({ name: 'inspections_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [units.communeId, units.id] }),
    foreignKey({ name: 'inspections_re_of_fk', columns: [t.communeId, t.reInspectionOf], foreignColumns: [t.communeId, t.id] }),
    foreignKey({ name: 'inspections_period_fk', columns: [t.communeId, t.selfReportPeriodId], foreignColumns: [reportPeriods.communeId, reportPeriods.id] }),
    foreignKey({ name: 'inspections_report_fk', columns: [t.communeId, t.selfReportId], foreignColumns: [reports.communeId, reports.id] }),
    index('inspections_plan_idx').on(t.communeId, t.planId),
    index('inspections_unit_idx').on(t.communeId, t.unitId),
    check('inspections_kind_check', oneOf(t.kind, INSPECTION_KINDS)),
    check('inspections_status_check', oneOf(t.status, INSPECTION_STATUSES)),
  ],
);

/** The team: of a plan (the default for its inspections) or of one inspection (which gives inspector rights for it). */
export const inspectionTeam = pgTable(
  'inspection_team',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    planId: integer('plan_id'),
    inspectionId: integer('inspection_id'),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: varchar('role', { length: 8 }).$type<TTeamRole>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.id] }),
    foreignKey({ name: 'inspection_team_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [inspectionPlans.communeId, inspectionPlans.id] }).onDelete('cascade'),
    foreignKey({ name: 'inspection_team_inspection_fk', columns: [t.communeId, t.inspectionId], foreignColumns: [inspections.communeId, inspections.id] }).onDelete('cascade'),
    uniqueIndex('inspection_team_plan_user_uq').on(t.communeId, t.planId, t.userId).where(sql`${t.planId} IS NOT NULL`),
    uniqueIndex('inspection_team_inspection_user_uq').on(t.communeId, t.inspectionId, t.userId).where(sql`${t.inspectionId} IS NOT NULL`),
    index('inspection_team_user_idx').on(t.communeId, t.userId),
    check('inspection_team_role_check', oneOf(t.role, TEAM_ROLES)),
    check('inspection_team_owner_check', sql`(${t.planId} IS NULL) <> (${t.inspectionId} IS NULL)`),
  ],
);

export interface EvidenceJson {
  fileIds: number[];
  taskIds: number[];
  reportIds: number[];
  links: string[];
}

/** The checklist of one inspection, generated from its scope (src/domain/inspection/checklist.ts). */
export const inspectionChecklistItems = pgTable(
  'inspection_checklist_items',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    inspectionId: integer('inspection_id').notNull(),
    areaCode: varchar('area_code', { length: 4 }).$type<TChecklistAreaCode>().notNull(),
    itemCode: varchar('item_code', { length: 80 }).notNull(),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    result: varchar('result', { length: 14 }).$type<TChecklistResult>(),
    comment: text('comment').notNull().default(''),
    evidence: jsonb('evidence').$type<EvidenceJson>().notNull().default({ fileIds: [], taskIds: [], reportIds: [], links: [] }),
    request: text('request'),
    /** The finding this item re-inspects (phúc tra). */
    findingId: integer('finding_id'),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    clientUpdatedAt: timestamp('client_updated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.id] }),
    foreignKey({ name: 'inspection_checklist_inspection_fk', columns: [t.communeId, t.inspectionId], foreignColumns: [inspections.communeId, inspections.id] }).onDelete('cascade'),
    uniqueIndex('inspection_checklist_code_uq').on(t.communeId, t.inspectionId, t.itemCode),
    check('inspection_checklist_area_check', oneOf(t.areaCode, CHECKLIST_AREA_CODES)),
    check('inspection_checklist_result_check', sql`${t.result} IS NULL OR ${t.result} IN ('dat', 'chua_dat', 'khong_ap_dung')`),
  ],
);

export interface FindingEventJson {
  action: 'created' | 'fix_reported' | 'accepted' | 'reopened' | 'edited';
  comment: string | null;
  at: string;
  actorId: number;
  actorName: string;
}

/** A chưa đạt item with a request, followed to closure by its owner unit and the team. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    communeId: integer('commune_id')
      .notNull()
      .references(() => communes.id),
    id: serial('id').notNull(),
    inspectionId: integer('inspection_id').notNull(),
    checklistItemId: integer('checklist_item_id').notNull(),
    ownerUnitId: integer('owner_unit_id').notNull(),
    areaCode: varchar('area_code', { length: 4 }).$type<TChecklistAreaCode>().notNull(),
    title: text('title').notNull(),
    request: text('request').notNull(),
    deadline: date('deadline').notNull(),
    status: varchar('status', { length: 14 }).$type<TFindingStatus>().notNull().default('open'),
    fixReport: text('fix_report'),
    fixEvidence: jsonb('fix_evidence').$type<EvidenceJson>().notNull().default({ fileIds: [], taskIds: [], reportIds: [], links: [] }),
    fixReportedOn: date('fix_reported_on'),
    closedOn: date('closed_on'),
    reInspectionId: integer('re_inspection_id'),
    history: jsonb('history').$type<FindingEventJson[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communeId, t.id] }),
    foreignKey({ name: 'inspection_findings_inspection_fk', columns: [t.communeId, t.inspectionId], foreignColumns: [inspections.communeId, inspections.id] }).onDelete('cascade'),
    foreignKey({
      name: 'inspection_findings_item_fk',
      columns: [t.communeId, t.checklistItemId],
      foreignColumns: [inspectionChecklistItems.communeId, inspectionChecklistItems.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'inspection_findings_unit_fk', columns: [t.communeId, t.ownerUnitId], foreignColumns: [units.communeId, units.id] }),
    foreignKey({ name: 'inspection_findings_re_fk', columns: [t.communeId, t.reInspectionId], foreignColumns: [inspections.communeId, inspections.id] }),
    uniqueIndex('inspection_findings_item_uq').on(t.communeId, t.checklistItemId),
    index('inspection_findings_unit_idx').on(t.communeId, t.ownerUnitId),
    check('inspection_findings_status_check', oneOf(t.status, FINDING_STATUSES)),
  ],
);
