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
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditList = z.array(ZAuditEntry);
