/**
 * Who may do what, in one vocabulary. Services call these at their top
 * (`requireCommuneRead(actor, commune)`), so access is checked where the work is.
 */
import type { TPlanStatus, TRole } from '../../contract';
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

const COMMUNE_MANAGERS: ReadonlySet<TRole> = new Set(['admin', 'leader', 'coordinator']);

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

/**
 * Confirming or returning a completion a unit reported: the commune's CCHC coordinator (and administrators).
 * Leaders see what waits; units never confirm their own work.
 */
export function canConfirmCompletion(actor: Actor, commune: CommuneRef): boolean {
  return canReadCommune(actor, commune) && (actor.role === 'coordinator' || actor.role === 'admin');
}

/** Comments: those who report, plus the coordinating units' people. */
export function canCommentOnTask(actor: Actor, commune: CommuneRef, task: TaskRef): boolean {
  if (canReportOnTask(actor, commune, task)) return true;
  const inUnit = actor.unitId !== null && task.coordinatorUnitIds.includes(actor.unitId);
  return canReadCommune(actor, commune) && inUnit && (actor.role === 'unit_head' || actor.role === 'unit_staff');
}

/** The change log: administrators, leaders, and the inspection team (who check the record, never change it). */
export function canSeeAudit(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'leader' || actor.role === 'inspector';
}

/** A commune's name, code and settings: the city's administrator, or the commune's own. */
export function canEditCommune(actor: Actor, commune: CommuneRef): boolean {
  return canReadCommune(actor, commune) && actor.role === 'admin' && (actor.communeId === null || actor.communeId === commune.id);
}

/*
 * The rights sent with the data (`can…` flags), so the web app shows only what the person may do
 * and never re-derives rights from roles. Each flag is one of the checks above.
 */

/** What the person may do beyond one commune's objects: the web app's menu. */
export function userRights(actor: Actor) {
  return {
    canManageCity: isCityAdmin(actor),
    canAdminister: actor.role === 'admin',
    canManagePlans: COMMUNE_MANAGERS.has(actor.role),
    canSeeAudit: canSeeAudit(actor),
    canSeeCityOverview: canSeeCityOverview(actor),
  };
}

export function communeRights(actor: Actor, commune: CommuneRef) {
  const manage = canManageCommune(actor, commune);
  const administer = canAdministerCommune(actor, commune);
  return { canEdit: canEditCommune(actor, commune), canManage: manage, canImport: manage, canManageUnits: administer, canManageUsers: administer };
}

/** A plan as the policy sees it: its place in its life. */
export interface PlanRef {
  status: TPlanStatus;
}

/** The commune's leader (Chủ tịch / Phó Chủ tịch): issues plans and decides their amendments. */
export function isCommuneLeader(actor: Actor, commune: CommuneRef): boolean {
  return canReadCommune(actor, commune) && actor.role === 'leader';
}

/** Units propose changes to an issued plan; so may the commune's managers on their behalf. */
export function canProposeAmendment(actor: Actor, commune: CommuneRef, plan: PlanRef): boolean {
  if (plan.status !== 'issued' || !canReadCommune(actor, commune)) return false;
  return COMMUNE_MANAGERS.has(actor.role) || ((actor.role === 'unit_head' || actor.role === 'unit_staff') && actor.unitId !== null);
}

/**
 * A draft is edited, submitted and deleted by the commune's managers; the leader issues it and
 * decides amendments; the CCHC coordinator (or an administrator) gathers proposals; an issued plan
 * changes only through an amendment.
 */
export function planRights(actor: Actor, commune: CommuneRef, plan: PlanRef) {
  const manage = canManageCommune(actor, commune);
  const draft = plan.status === 'draft';
  const issued = plan.status === 'issued';
  const gatherer = manage && (actor.role === 'coordinator' || actor.role === 'admin');
  return {
    canEdit: manage && draft,
    canAddTask: manage && draft,
    canSubmit: manage && draft,
    canIssue: plan.status === 'submitted' && isCommuneLeader(actor, commune),
    canDelete: manage && draft,
    canClose: manage && issued,
    canCarryOver: manage && (issued || plan.status === 'closed'),
    canPropose: canProposeAmendment(actor, commune, plan),
    canGather: gatherer && issued,
    canDecide: issued && isCommuneLeader(actor, commune),
  };
}

export function ensure(allowed: boolean): void {
  if (!allowed) throw forbidden();
}

/** A report as the policy sees it (issue 10). */
export interface ReportRef {
  communeId: number;
  level: 'unit' | 'commune';
  unitId: number | null;
  status: string;
  /** The commune report has been sent to the city at least once. */
  sentOnce: boolean;
}

const isUnitMember = (actor: Actor, unitId: number | null) => unitId !== null && actor.unitId === unitId && (actor.role === 'unit_head' || actor.role === 'unit_staff');

/** A unit sees only its own reports; the city reviewer only communes' reports that were sent. */
export function canReadReport(actor: Actor, commune: CommuneRef, report: ReportRef): boolean {
  if (!canReadCommune(actor, commune)) return false;
  if (COMMUNE_MANAGERS.has(actor.role)) return true;
  if (actor.role === 'city_reviewer') return report.level === 'commune' && report.sentOnce;
  if (actor.role === 'inspector') return report.level === 'commune';
  return report.level === 'unit' && isUnitMember(actor, report.unitId);
}

const OPEN_STATUSES = new Set(['draft', 'returned']);

/** Figures and narratives: the unit's people on their draft, the commune's managers on the commune's. Never the city. */
export function canEditReport(actor: Actor, commune: CommuneRef, report: ReportRef): boolean {
  if (!OPEN_STATUSES.has(report.status) || !canReadReport(actor, commune, report)) return false;
  return report.level === 'unit' ? isUnitMember(actor, report.unitId) : canManageCommune(actor, commune);
}

export function canSubmitUnitReport(actor: Actor, commune: CommuneRef, report: ReportRef): boolean {
  return report.level === 'unit' && OPEN_STATUSES.has(report.status) && canReadCommune(actor, commune) && actor.role === 'unit_head' && actor.unitId === report.unitId;
}

/** The coordinator (or the commune's leaders) return or accept a submitted unit report. */
export function canReviewUnitReport(actor: Actor, commune: CommuneRef, report: ReportRef): boolean {
  return report.level === 'unit' && report.status === 'submitted' && canManageCommune(actor, commune);
}

export function canApproveCommuneReport(actor: Actor, commune: CommuneRef, report: ReportRef): boolean {
  return report.level === 'commune' && OPEN_STATUSES.has(report.status) && canReadCommune(actor, commune) && actor.role === 'leader';
}

export function canSendCommuneReport(actor: Actor, commune: CommuneRef, report: ReportRef): boolean {
  return report.level === 'commune' && report.status === 'approved' && canManageCommune(actor, commune);
}

export function canCityReturnReport(actor: Actor, commune: CommuneRef, report: ReportRef): boolean {
  return report.level === 'commune' && report.status === 'sent' && canReadCommune(actor, commune) && actor.role === 'city_reviewer';
}

/** The city's view across communes: reviewers and the city's administrators. */
export function canSeeCityReports(actor: Actor): boolean {
  return actor.communeId === null && (actor.role === 'city_reviewer' || actor.role === 'admin');
}

/** Every commune side by side (issue 11): the city's reviewers and administrators, never a commune's people. */
export function canSeeCityOverview(actor: Actor): boolean {
  return canSeeCityReports(actor);
}

/** Requests to a commune (đôn đốc): the city's reviewers and administrators, about a commune of their city. */
export function canSendCityRequest(actor: Actor, commune: CommuneRef): boolean {
  return canSeeCityOverview(actor) && canReadCommune(actor, commune);
}

/** The commune answers the city through its CCHC coordinator or its leader. */
export function canAnswerCityRequest(actor: Actor, commune: CommuneRef): boolean {
  return canReadCommune(actor, commune) && actor.communeId === commune.id && (actor.role === 'coordinator' || actor.role === 'leader');
}

/**
 * City directives given to many communes (issue 11): entered by the city's reviewers (Sở Nội vụ
 * follows the city's assignments) and administrators; a commune's people only act on their task.
 */
export function canIssueCityDirective(actor: Actor): boolean {
  return canSeeCityOverview(actor);
}
