/** The change log: who changed what, when, before and after. */
import { z } from 'zod';
import { ZPersonRef, ZTimestamp, zIdParam, zIntParam } from './common';
import { ZAuditAction, ZAuditEntity } from './vocabulary';

export const ZAuditQuery = z.object({
  entity: ZAuditEntity.optional(),
  entityId: zIdParam().optional(),
  communeId: zIdParam().optional(),
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
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditList = z.array(ZAuditEntry);
