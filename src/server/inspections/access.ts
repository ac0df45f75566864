/**
 * Who sees and does what in the inspection cycle (issue 13). Inspector rights come from membership
 * of an inspection's team, not from a role: any user of the commune (from several units) may be on it.
 *
 * Surprise secrecy: before its visit day starts (the clock's today, UTC+7) a surprise inspection
 * exists only for the commune's managers and its team. Everyone else — above all the inspected unit —
 * gets no row, no count, no notice: every list and figure goes through `canSeeInspection`.
 */
import { type TInspectionStatus, type TRole, type TTeamRole, UNIT_ROLES } from '../../contract';
import type { Actor } from '../access/actor';
import { type CommuneRef, canManageCommune, canReadCommune } from '../access/policy';

export interface InspectionRef {
  unitId: number;
  visitDate: string;
  surprise: boolean;
  status: TInspectionStatus;
  /** userId → role on this inspection's team. */
  team: ReadonlyMap<number, TTeamRole>;
}

const UNIT_ROLE_SET: ReadonlySet<TRole> = new Set(UNIT_ROLES);

/** A unit's head or staff: sees and answers for its own unit's inspections only. */
export const isUnitPerson = (actor: Actor) => UNIT_ROLE_SET.has(actor.role);

export const isTeamMember = (actor: Actor, inspection: InspectionRef) => inspection.team.has(actor.id);
export const isTeamLeader = (actor: Actor, inspection: InspectionRef) => inspection.team.get(actor.id) === 'leader';

/** The visit has not started yet and nobody outside the team and the managers may know of it. */
export const isSecret = (inspection: Pick<InspectionRef, 'surprise' | 'visitDate'>, today: string) => inspection.surprise && today < inspection.visitDate;

export function canSeeInspection(actor: Actor, commune: CommuneRef, inspection: InspectionRef, today: string): boolean {
  if (!canReadCommune(actor, commune)) return false;
  if (canManageCommune(actor, commune) || isTeamMember(actor, inspection)) return true;
  if (isSecret(inspection, today)) return false;
  // A unit's people see their own unit's inspections only; the commune's other people and the city read all.
  if (isUnitPerson(actor)) return actor.unitId === inspection.unitId;
  return true;
}

const BEFORE_CONCLUSION: ReadonlySet<TInspectionStatus> = new Set(['planned', 'notified', 'self_reported', 'visited']);

export function inspectionRights(actor: Actor, commune: CommuneRef, inspection: InspectionRef, today: string, openFindings: number) {
  const manage = canManageCommune(actor, commune);
  const leader = isTeamLeader(actor, inspection);
  const member = isTeamMember(actor, inspection);
  const open = BEFORE_CONCLUSION.has(inspection.status);
  const started = today >= inspection.visitDate;
  const concluded = inspection.status === 'concluded' || inspection.status === 'closed';
  return {
    canEdit: manage && (inspection.status === 'planned' || inspection.status === 'notified'),
    canNotify: (manage || leader) && !inspection.surprise && inspection.status === 'planned',
    canEditTeam: manage && open,
    canEditChecklist: member && open && started,
    canMarkVisited: (leader || manage) && open && inspection.status !== 'visited' && started,
    canConclude: leader && open && started,
    canClose: (leader || manage) && inspection.status === 'concluded' && openFindings === 0,
    canReInspect: (leader || manage) && concluded && openFindings > 0,
    canDelete: manage && inspection.status === 'planned',
    canReadSelfReport: manage || member || (isUnitPerson(actor) && actor.unitId === inspection.unitId),
    canUploadSigned: (leader || manage) && concluded,
  };
}

export interface FindingRef {
  ownerUnitId: number;
  status: 'open' | 'fix_reported' | 'accepted' | 'reopened';
}

export function findingRights(actor: Actor, commune: CommuneRef, inspection: InspectionRef, finding: FindingRef) {
  const waitsOnUnit = finding.status === 'open' || finding.status === 'reopened';
  return {
    canReportFix: waitsOnUnit && canReadCommune(actor, commune) && isUnitPerson(actor) && actor.unitId === finding.ownerUnitId,
    canReview: finding.status === 'fix_reported' && isTeamMember(actor, inspection),
    canEdit: finding.status !== 'accepted' && (isTeamLeader(actor, inspection) || canManageCommune(actor, commune)),
  };
}

/** Inspection plans: the commune's managers (the coordinator, Phòng VH-XH, and leaders) run them; the commune and the city read. */
export function inspectionPlanRights(actor: Actor, commune: CommuneRef, plan: { status: 'draft' | 'issued' | 'closed' }, hasInspections: boolean) {
  const manage = canManageCommune(actor, commune);
  return {
    canEdit: manage && plan.status !== 'closed',
    canSchedule: manage && plan.status !== 'closed',
    canIssue: manage && plan.status === 'draft',
    canClose: manage && plan.status === 'issued',
    canDelete: manage && plan.status === 'draft' && !hasInspections,
  };
}
