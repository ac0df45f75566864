/**
 * Who may do what, in one vocabulary. Services call these at their top
 * (`requireCommuneRead(actor, commune)`), so access is checked where the work is.
 */
import { forbidden } from '../errors';
import type { Actor } from './actor';

export interface CommuneRef {
  id: number;
  cityId: number;
}

export interface TaskRef {
  communeId: number;
  leadUnitIds: number[];
  coordinatorUnitIds: number[];
  assigneeIds: number[];
}

const COMMUNE_MANAGERS = new Set(['admin', 'leader', 'coordinator']);

export function canReadCommune(actor: Actor, commune: CommuneRef): boolean {
  if (actor.cityId !== commune.cityId) return false;
  if (actor.communeId === null) return actor.role === 'admin' || actor.role === 'city_reviewer';
  return actor.communeId === commune.id;
}

/** Plans, task definitions: the commune's leaders, its CCHC coordinator and administrators. */
export function canManageCommune(actor: Actor, commune: CommuneRef): boolean {
  return canReadCommune(actor, commune) && COMMUNE_MANAGERS.has(actor.role);
}

export function canAdministerCommune(actor: Actor, commune: CommuneRef): boolean {
  return canReadCommune(actor, commune) && actor.role === 'admin';
}

/** City-level administration: communes, the national calendar. */
export function isCityAdmin(actor: Actor): boolean {
  return actor.role === 'admin' && actor.communeId === null;
}

/** Progress, evidence and completion: managers, the lead unit's people, and named assignees. */
export function canReportOnTask(actor: Actor, commune: CommuneRef, task: TaskRef): boolean {
  if (!canReadCommune(actor, commune)) return false;
  if (COMMUNE_MANAGERS.has(actor.role)) return true;
  if (task.assigneeIds.includes(actor.id)) return actor.role !== 'city_reviewer' && actor.role !== 'inspector';
  const inLeadUnit = actor.unitId !== null && task.leadUnitIds.includes(actor.unitId);
  return inLeadUnit && (actor.role === 'unit_head' || actor.role === 'unit_staff');
}

/**
 * A completion dated before the day it is reported: only the commune's CCHC coordinator or its
 * leader (who answer for the figures), never unit people reporting on their own work.
 */
export function canBackdateCompletion(actor: Actor, commune: CommuneRef): boolean {
  return canReadCommune(actor, commune) && (actor.role === 'coordinator' || actor.role === 'leader');
}

/** Comments: those who report, plus the coordinating units' people. */
export function canCommentOnTask(actor: Actor, commune: CommuneRef, task: TaskRef): boolean {
  if (canReportOnTask(actor, commune, task)) return true;
  const inUnit = actor.unitId !== null && task.coordinatorUnitIds.includes(actor.unitId);
  return canReadCommune(actor, commune) && inUnit && (actor.role === 'unit_head' || actor.role === 'unit_staff');
}

export function canSeeAudit(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'leader';
}

export function ensure(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
