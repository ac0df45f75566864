/** The change log: who changed what, when, before and after. */
import { z } from 'zod';
import { ZIsoDate, ZPersonRef, ZTimestamp, zIdParam, zIntParam } from './common';
import { ZAuditAction, ZAuditEntity } from './vocabulary';

export const ZAuditQuery = z.object({
  entity: ZAuditEntity.optional(),
  entityId: zIdParam().optional(),
  communeId: zIdParam().optional(),
  /** One task's changes (same as entity=task&entityId=…). */
  taskId: zIdParam().optional(),
  /** Changes to the tasks a unit leads or coordinates, and to the unit itself. */
  unitId: zIdParam().optional(),
  /** Changes made by one person. */
  actorId: zIdParam().optional(),
  /** Days in Vietnam time, both included. */
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  limit: zIntParam(1, 1000).default(200),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/** Fields of an entry's before/after that hold unit ids, and person ids: the log names them. */
export const AUDIT_UNIT_FIELDS = ['leadUnitIds', 'coordinatorUnitIds', 'unitId'] as const;
export const AUDIT_PERSON_FIELDS = ['assigneeIds', 'userId', 'confirmedBy', 'returnedBy', 'createdBy', 'decidedBy', 'proposedBy', 'uploadedBy', 'enteredBy'] as const;

/** Names of the units and people an entry is about or its details refer to, keyed by id (a deleted one is absent). */
export const ZAuditNames = z.object({
  units: z.record(z.string(), z.string()),
  people: z.record(z.string(), z.string()),
  /** The commune an entry about a commune (its settings, its reminder rules) names. */
  communes: z.record(z.string(), z.string()),
});
export type TAuditNames = z.infer<typeof ZAuditNames>;

export const ZAuditEntry = z.object({
  id: z.number(),
  at: ZTimestamp,
  /** null for changes made by operator tools (CLI, demo loader). */
  actor: ZPersonRef.nullable(),
  communeId: z.number().nullable(),
  entity: ZAuditEntity,
  entityId: z.number(),
  action: ZAuditAction,
  before: z.unknown(),
  after: z.unknown(),
  /** For task entries: the task's number and content, so the log never says only "#99". */
  task: z.object({ number: z.number().nullable(), content: z.string() }).nullable(),
  names: ZAuditNames,
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditList = z.array(ZAuditEntry);
