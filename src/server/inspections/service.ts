/**
 * The inspection cycle (issue 13): plans, inspections (visits) with the date rules of seed 003, the
 * team, the notice and the unit's self-report, the checklist, the conclusion, findings to closure and
 * re-inspections. Access first in every function (access.ts); a surprise inspection stays out of
 * every answer to those who may not know of it yet, as if it did not exist (404).
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type {
  TChecklistItem,
  TChecklistItemUpdate,
  TConcludeInput,
  TDateCheck,
  TInspection,
  TInspectionInput,
  TInspectionListQuery,
  TInspectionPlan,
  TInspectionPlanInput,
  TInspectionPlanList,
  TInspectionPlanStatusInput,
  TInspectionPlanUpdate,
  TInspectionSummary,
  TInspectionUpdate,
  TInspectionWarning,
  TReInspectionInput,
  TTeamInput,
  TTeamRole,
} from '../../contract';
import type { WorkingCalendar } from '../../domain/calendar';
import { type ChecklistDraftItem, defaultSelfReportDue, generateChecklist, inspectionDeadlines, reInspectionChecklist, scheduleWarnings } from '../../domain/inspection';
import type { ReportTemplate } from '../../domain/reports';
import { formatVietnameseDate } from '../../domain/timeframe/dates';
import { translate } from '../../i18n';
import type { Actor } from '../access/actor';
import { type CommuneRef, canManageCommune, ensure } from '../access/policy';
import { recordAudit } from '../audit/service';
import { loadCalendar } from '../calendar/service';
import type { Clock } from '../clock';
import { requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { inspectionChecklistItems, inspectionFindings, inspectionPlans, inspections, inspectionTeam, plans, units, users } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';
import { sendImmediateNotice } from '../reminders/notices';
import { getReport, openUnitPeriod } from '../reports/service';
import { latestTemplate } from '../reports/templates';
import { canSeeInspection, inspectionPlanRights, inspectionRights } from './access';
import { coverageOf } from './coverage';
import { checkEvidence } from './evidence';
import { findingsOf } from './findings';
import { type LoadedInspection, loadInspections, type PlanRow, presentSummary, teamOf } from './load';

export const OUTLINE_TEMPLATE_KEY = 'de-cuong-kiem-tra-cchc';
const ALL_AREAS = [1, 2, 3, 4, 5, 6, 7] as const;

type Commune = Awaited<ReturnType<typeof requireCommune>>;

const audit = (
  tx: DbOrTx,
  actor: Actor,
  commune: CommuneRef,
  entity: 'inspection_plan' | 'inspection' | 'inspection_finding',
  entityId: number,
  action: Parameters<typeof recordAudit>[2]['action'],
  before?: unknown,
  after?: unknown,
) => recordAudit(tx, actor, { cityId: commune.cityId, communeId: commune.id, entity, entityId, action, before, after });

// ---------- team ----------

/** Every member must be an active user of the commune; exactly one leader. */
async function checkTeam(db: DbOrTx, communeId: number, members: { userId: number; role: TTeamRole }[]) {
  if (members.length === 0) return;
  const ids = [...new Set(members.map((m) => m.userId))];
  if (ids.length !== members.length) throw invalid(translate('vi', 'inspection.error.team_duplicate'));
  if (members.filter((m) => m.role === 'leader').length !== 1) throw invalid(translate('vi', 'inspection.error.team_leader'));
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.communeId, communeId), eq(users.active, true)));
  if (found.length !== ids.length) throw invalid(translate('vi', 'inspection.error.team_user'));
}

// ---------- plans ----------

async function requireInspectionPlan(db: Db, actor: Actor, planId: number) {
  const [plan] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId));
  if (!plan) throw notFound();
  const commune = await requireCommune(db, actor, plan.communeId);
  return { plan, commune };
}

async function checkReviewedPlan(db: DbOrTx, communeId: number, planId: number | null | undefined) {
  if (planId === null || planId === undefined) return;
  const [row] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.communeId, communeId), eq(plans.id, planId)));
  if (!row) throw invalid(translate('vi', 'inspection.error.reviewed_plan'));
}

async function checkUnits(db: DbOrTx, communeId: number, unitIds: number[]) {
  if (unitIds.length === 0) return;
  const found = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.communeId, communeId), inArray(units.id, unitIds)));
  if (found.length !== new Set(unitIds).size) throw invalid(translate('vi', 'inspection.error.unit'));
}

function planValues(input: Partial<TInspectionPlanInput>) {
  const { targetUnitIds: _t, team: _team, ...fields } = input;
  return fields;
}

export async function listInspectionPlans(db: Db, clock: Clock, actor: Actor, communeId: number, year?: number): Promise<TInspectionPlanList> {
  const commune = await requireCommune(db, actor, communeId);
  const today = clock.today();
  const theYear = year ?? Number(today.slice(0, 4));
  const rows = await db
    .select()
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.communeId, commune.id), eq(inspectionPlans.year, theYear)))
    .orderBy(asc(inspectionPlans.period), asc(inspectionPlans.id));
  const loaded = rows.length
    ? await loadInspections(
        db,
        commune.id,
        inArray(
          inspections.planId,
          rows.map((r) => r.id),
        ),
      )
    : [];
  const visible = loaded.filter((i) => canSeeInspection(actor, commune, i.ref, today));
  return {
    plans: rows.map((p) => ({
      id: p.id,
      communeId: p.communeId,
      year: p.year,
      period: p.period,
      title: p.title,
      number: p.number,
      status: p.status,
      visitMonth: p.visitMonth,
      coverageGoalPercent: p.coverageGoalPercent,
      inspectionCount: visible.filter((i) => i.row.planId === p.id).length,
    })),
    coverage: await coverageOf(db, actor, commune, theYear, today),
    canManage: canManageCommune(actor, commune),
  };
}

async function presentPlan(db: Db, clock: Clock, actor: Actor, commune: Commune, plan: PlanRow): Promise<TInspectionPlan> {
  const today = clock.today();
  const [team, loaded, reviewed] = await Promise.all([
    teamOf(db, plan.communeId, eq(inspectionTeam.planId, plan.id)),
    loadInspections(db, plan.communeId, eq(inspections.planId, plan.id)),
    plan.reviewedPlanId
      ? db
          .select({ id: plans.id, title: plans.title })
          .from(plans)
          .where(and(eq(plans.communeId, plan.communeId), eq(plans.id, plan.reviewedPlanId)))
      : Promise.resolve([]),
  ]);
  const visible = loaded.filter((i) => canSeeInspection(actor, commune, i.ref, today));
  return {
    id: plan.id,
    communeId: plan.communeId,
    year: plan.year,
    period: plan.period,
    title: plan.title,
    number: plan.number,
    signedOn: plan.signedOn,
    reviewFrom: plan.reviewFrom,
    reviewTo: plan.reviewTo,
    areas: plan.areas,
    reviewedPlan: reviewed[0] ?? null,
    forms: plan.forms,
    coverageGoalPercent: plan.coverageGoalPercent,
    visitMonth: plan.visitMonth,
    selfReportDeadline: plan.selfReportDeadline,
    status: plan.status,
    sourceFileName: plan.sourceFileName,
    team: team.map(({ planId: _p, inspectionId: _i, ...m }) => m),
    inspections: visible.map(presentSummary),
    coverage: await coverageOf(db, actor, commune, plan.year, today),
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    can: inspectionPlanRights(actor, commune, plan, loaded.length > 0),
  };
}

export async function getInspectionPlan(db: Db, clock: Clock, actor: Actor, planId: number) {
  const { plan, commune } = await requireInspectionPlan(db, actor, planId);
  return presentPlan(db, clock, actor, commune, plan);
}

export async function createInspectionPlan(db: Db, clock: Clock, actor: Actor, communeId: number, input: TInspectionPlanInput) {
  const commune = await requireCommune(db, actor, communeId);
  ensure(canManageCommune(actor, commune));
  await Promise.all([checkReviewedPlan(db, commune.id, input.reviewedPlanId), checkUnits(db, commune.id, input.targetUnitIds ?? []), checkTeam(db, commune.id, input.team ?? [])]);
  const calendar = await loadCalendar(db);
  const id = await db.transaction(async (tx) => {
    const { targetUnitIds: _units, team: _team, ...fields } = input;
    const [row] = await tx
      .insert(inspectionPlans)
      .values({
        ...fields,
        communeId: commune.id,
        number: input.number ?? '',
        areas: input.areas?.length ? [...new Set(input.areas)].sort() : [...ALL_AREAS],
        forms: input.forms?.length ? [...new Set(input.forms)] : ['scheduled', 'surprise'],
        createdBy: actor.id,
      })
      .returning();
    if (input.team?.length) await tx.insert(inspectionTeam).values(input.team.map((m) => ({ communeId: commune.id, planId: row.id, userId: m.userId, role: m.role })));
    // The units the plan names get a scheduled inspection each, in the visit month when there is one.
    const targets = [...new Set(input.targetUnitIds ?? [])];
    if (targets.length) {
      const start = await planStart(tx, commune, row, input.team ?? []);
      for (const unitId of targets) await insertInspection(tx, calendar, actor, commune, row, { unitId, visitDate: firstWorkingDayOf(calendar, row), surprise: false }, start);
    }
    await audit(tx, actor, commune, 'inspection_plan', row.id, 'create', undefined, planValues(input));
    return row.id;
  });
  return getInspectionPlan(db, clock, actor, id);
}

/** A placeholder visit day for a unit the plan names: the first working day of its visit month (or of its review). */
function firstWorkingDayOf(calendar: WorkingCalendar, plan: PlanRow): string {
  const start = plan.visitMonth ? `${plan.visitMonth}-01` : (plan.reviewTo ?? plan.reviewFrom);
  return calendar.isWorkingDay(start) ? start : calendar.addWorkingDays(start, 1);
}

export async function updateInspectionPlan(db: Db, clock: Clock, actor: Actor, planId: number, input: TInspectionPlanUpdate) {
  const { plan, commune } = await requireInspectionPlan(db, actor, planId);
  ensure(inspectionPlanRights(actor, commune, plan, false).canEdit);
  if (input.version !== plan.version) throw new AppError('conflict');
  await Promise.all([checkReviewedPlan(db, commune.id, input.reviewedPlanId), checkTeam(db, commune.id, input.team ?? [])]);
  const { version: _v, ...fields } = input;
  const values = planValues(fields);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(inspectionPlans)
      .set({
        ...values,
        ...(values.areas ? { areas: [...new Set(values.areas)].sort() } : {}),
        ...(values.forms ? { forms: [...new Set(values.forms)] } : {}),
        version: plan.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(inspectionPlans.communeId, plan.communeId), eq(inspectionPlans.id, plan.id), eq(inspectionPlans.version, plan.version)))
      .returning({ id: inspectionPlans.id });
    if (updated.length === 0) throw new AppError('conflict');
    if (input.team) {
      await tx.delete(inspectionTeam).where(and(eq(inspectionTeam.communeId, plan.communeId), eq(inspectionTeam.planId, plan.id)));
      if (input.team.length) await tx.insert(inspectionTeam).values(input.team.map((m) => ({ communeId: plan.communeId, planId: plan.id, userId: m.userId, role: m.role })));
    }
    await audit(tx, actor, commune, 'inspection_plan', plan.id, 'update', planValues(plan as Partial<TInspectionPlanInput>), fields);
  });
  return getInspectionPlan(db, clock, actor, plan.id);
}

export async function setInspectionPlanStatus(db: Db, clock: Clock, actor: Actor, planId: number, input: TInspectionPlanStatusInput) {
  const { plan, commune } = await requireInspectionPlan(db, actor, planId);
  const can = inspectionPlanRights(actor, commune, plan, false);
  const allowed = (input.status === 'issued' && can.canIssue) || (input.status === 'closed' && can.canClose);
  ensure(allowed);
  if (input.version !== plan.version) throw new AppError('conflict');
  await db.transaction(async (tx) => {
    await tx
      .update(inspectionPlans)
      .set({ status: input.status, version: plan.version + 1, updatedAt: new Date() })
      .where(and(eq(inspectionPlans.communeId, plan.communeId), eq(inspectionPlans.id, plan.id)));
    await audit(tx, actor, commune, 'inspection_plan', plan.id, input.status === 'issued' ? 'issue' : 'close', { status: plan.status }, { status: input.status });
  });
  return getInspectionPlan(db, clock, actor, plan.id);
}

export async function deleteInspectionPlan(db: Db, actor: Actor, planId: number) {
  const { plan, commune } = await requireInspectionPlan(db, actor, planId);
  const [any] = await db
    .select({ id: inspections.id })
    .from(inspections)
    .where(and(eq(inspections.communeId, plan.communeId), eq(inspections.planId, plan.id)))
    .limit(1);
  ensure(inspectionPlanRights(actor, commune, plan, any !== undefined).canDelete);
  await db.transaction(async (tx) => {
    await tx.delete(inspectionPlans).where(and(eq(inspectionPlans.communeId, plan.communeId), eq(inspectionPlans.id, plan.id)));
    await audit(tx, actor, commune, 'inspection_plan', plan.id, 'delete', planValues(plan as Partial<TInspectionPlanInput>));
  });
}

// ---------- inspections ----------

function warningsOf(
  calendar: WorkingCalendar,
  plan: PlanRow,
  today: string,
  visit: string,
  surprise: boolean,
  selfReportDue: string | null,
  notified: boolean,
): TInspectionWarning[] {
  return scheduleWarnings(calendar, {
    today,
    visit,
    surprise,
    selfReportDue,
    notified,
    plan: { reviewFrom: plan.reviewFrom, visitMonth: plan.visitMonth, selfReportDeadline: plan.selfReportDeadline, allowsSurprise: plan.forms.includes('surprise') },
  }).map((w) => ({
    code: w.code,
    date: w.date,
    message: translate('vi', `inspection.warning.${w.code}`, { date: w.date ? formatVietnameseDate(w.date) : '', visit: formatVietnameseDate(visit) }),
  }));
}

const rulesOf = (calendar: WorkingCalendar, visit: string, surprise: boolean) => {
  const d = inspectionDeadlines(calendar, visit, surprise);
  return { visit: d.visit, noticeBy: d.notice_by, selfReportBy: d.self_report_by };
};

interface NewInspection {
  unitId: number;
  visitDate: string;
  surprise: boolean;
  selfReportDue?: string | null;
  kind?: 'inspection' | 're_inspection';
  reInspectionOf?: number;
}

/** What a new inspection starts from: its team and its checklist (read once for all the units a plan names). */
interface InspectionStart {
  team: { userId: number; role: TTeamRole }[];
  items: ChecklistDraftItem[];
}

/** The plan's team (unless one is given) and the checklist of the outline template over the plan's areas. */
async function planStart(tx: DbOrTx, commune: CommuneRef, plan: PlanRow, team?: InspectionStart['team']): Promise<InspectionStart> {
  // One after the other: a transaction is one connection.
  const template = await latestTemplate(tx, commune.cityId, OUTLINE_TEMPLATE_KEY);
  const items = generateChecklist(template.body as ReportTemplate, { areas: plan.areas, reviewedPlanTitle: await reviewedPlanTitle(tx, plan) });
  const planTeam =
    team ??
    (await tx
      .select({ userId: inspectionTeam.userId, role: inspectionTeam.role })
      .from(inspectionTeam)
      .where(and(eq(inspectionTeam.communeId, commune.id), eq(inspectionTeam.planId, plan.id))));
  return { team: planTeam, items };
}

async function insertInspection(
  tx: DbOrTx,
  calendar: WorkingCalendar,
  actor: Actor,
  commune: CommuneRef,
  plan: PlanRow,
  input: NewInspection,
  { team, items }: InspectionStart,
): Promise<number> {
  const selfReportDue = input.surprise
    ? null
    : input.selfReportDue === undefined
      ? defaultSelfReportDue(calendar, input.visitDate, false, plan.selfReportDeadline)
      : input.selfReportDue;
  const [row] = await tx
    .insert(inspections)
    .values({
      communeId: commune.id,
      planId: plan.id,
      unitId: input.unitId,
      kind: input.kind ?? 'inspection',
      reInspectionOf: input.reInspectionOf ?? null,
      visitDate: input.visitDate,
      surprise: input.surprise,
      selfReportDue,
      createdBy: actor.id,
    })
    .returning();
  if (team.length) await tx.insert(inspectionTeam).values(team.map((m) => ({ communeId: commune.id, inspectionId: row.id, userId: m.userId, role: m.role })));
  if (items.length) await tx.insert(inspectionChecklistItems).values(items.map((item) => ({ ...item, communeId: commune.id, inspectionId: row.id })));
  await audit(tx, actor, commune, 'inspection', row.id, 'schedule', undefined, {
    planId: plan.id,
    unitId: input.unitId,
    visitDate: input.visitDate,
    surprise: input.surprise,
    selfReportDue,
  });
  return row.id;
}

async function reviewedPlanTitle(db: DbOrTx, plan: PlanRow): Promise<string | null> {
  if (!plan.reviewedPlanId) return null;
  const [row] = await db
    .select({ title: plans.title, number: plans.number })
    .from(plans)
    .where(and(eq(plans.communeId, plan.communeId), eq(plans.id, plan.reviewedPlanId)));
  if (!row) return null;
  return row.number ? `Kế hoạch số ${row.number}` : row.title;
}

export async function checkInspectionDate(db: Db, clock: Clock, actor: Actor, planId: number, visitDate: string, surprise: boolean): Promise<TDateCheck> {
  const { plan, commune } = await requireInspectionPlan(db, actor, planId);
  ensure(canManageCommune(actor, commune));
  const calendar = await loadCalendar(db);
  return { rules: rulesOf(calendar, visitDate, surprise), warnings: warningsOf(calendar, plan, clock.today(), visitDate, surprise, null, false) };
}

export async function scheduleInspection(db: Db, clock: Clock, actor: Actor, planId: number, input: TInspectionInput): Promise<TInspection> {
  const { plan, commune } = await requireInspectionPlan(db, actor, planId);
  ensure(inspectionPlanRights(actor, commune, plan, false).canSchedule);
  await Promise.all([checkUnits(db, commune.id, [input.unitId]), checkTeam(db, commune.id, input.team ?? [])]);
  const calendar = await loadCalendar(db);
  const id = await db.transaction(async (tx) =>
    insertInspection(tx, calendar, actor, commune, plan, { ...input, surprise: input.surprise ?? false }, await planStart(tx, commune, plan, input.team)),
  );
  return getInspection(db, clock, actor, id);
}

/** The inspection with its commune and plan, once the actor may know of it (what its files are read under too). */
export async function requireInspection(db: Db, clock: Clock, actor: Actor, inspectionId: number) {
  const [head] = await db.select({ communeId: inspections.communeId }).from(inspections).where(eq(inspections.id, inspectionId));
  if (!head) throw notFound();
  const commune = await requireCommune(db, actor, head.communeId);
  const [loaded] = await loadInspections(db, commune.id, eq(inspections.id, inspectionId));
  // A surprise inspection the actor may not know of yet looks like one that does not exist.
  if (!loaded || !canSeeInspection(actor, commune, loaded.ref, clock.today())) throw notFound();
  const [plan] = await db
    .select()
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.communeId, commune.id), eq(inspectionPlans.id, loaded.row.planId)));
  return { inspection: loaded, commune, plan };
}

export async function listInspections(db: Db, clock: Clock, actor: Actor, communeId: number, query: TInspectionListQuery): Promise<TInspectionSummary[]> {
  const commune = await requireCommune(db, actor, communeId);
  const filters: SQL[] = [];
  if (query.planId !== undefined) filters.push(eq(inspections.planId, query.planId));
  if (query.unitId !== undefined) filters.push(eq(inspections.unitId, query.unitId));
  if (query.year !== undefined) filters.push(eq(inspectionPlans.year, query.year));
  const loaded = await loadInspections(db, commune.id, filters.length ? and(...filters) : undefined);
  const today = clock.today();
  return loaded
    .filter((i) => canSeeInspection(actor, commune, i.ref, today))
    .map(presentSummary)
    .filter((s) => query.status === undefined || s.status === query.status);
}

export async function getInspection(db: Db, clock: Clock, actor: Actor, inspectionId: number): Promise<TInspection> {
  const { inspection, commune, plan } = await requireInspection(db, clock, actor, inspectionId);
  return presentInspection(db, clock, actor, commune, plan, inspection);
}

async function presentInspection(db: Db, clock: Clock, actor: Actor, commune: Commune, plan: PlanRow, inspection: LoadedInspection): Promise<TInspection> {
  const today = clock.today();
  const calendar = await loadCalendar(db);
  const r = inspection.row;
  const [checklist, findings] = await Promise.all([checklistOf(db, r.communeId, r.id), findingsOf(db, clock, actor, commune, inspection)]);
  const notified = r.noticeSentAt !== null || r.status !== 'planned';
  return {
    ...presentSummary(inspection),
    plan: { id: plan.id, title: plan.title, number: plan.number, reviewFrom: plan.reviewFrom, reviewTo: plan.reviewTo, areas: plan.areas },
    windowFrom: plan.reviewFrom,
    windowTo: plan.reviewTo ?? r.visitDate,
    rules: rulesOf(calendar, r.visitDate, r.surprise),
    warnings: r.status === 'planned' || r.status === 'notified' ? warningsOf(calendar, plan, today, r.visitDate, r.surprise, r.selfReportDue, notified) : [],
    team: inspection.team,
    checklist,
    findings,
    conclusion: r.conclusion,
    concludedOn: r.concludedOn,
    minutesFileId: r.minutesFileId,
    conclusionFileId: r.conclusionFileId,
    can: inspectionRights(actor, commune, inspection.ref, today, inspection.findingsOpen),
  };
}

export async function updateInspection(db: Db, clock: Clock, actor: Actor, inspectionId: number, input: TInspectionUpdate) {
  const { inspection, commune, plan } = await requireInspection(db, clock, actor, inspectionId);
  const r = inspection.row;
  ensure(inspectionRights(actor, commune, inspection.ref, clock.today(), 0).canEdit);
  if (input.version !== r.version) throw new AppError('conflict');
  const surprise = input.surprise ?? r.surprise;
  // A notified visit cannot become a surprise: the unit already knows.
  if (surprise && r.status !== 'planned') throw invalid(translate('vi', 'inspection.error.surprise_notified'));
  const visitDate = input.visitDate ?? r.visitDate;
  const calendar = await loadCalendar(db);
  const selfReportDue = surprise
    ? null
    : input.selfReportDue !== undefined
      ? input.selfReportDue
      : input.visitDate
        ? defaultSelfReportDue(calendar, visitDate, false, plan.selfReportDeadline)
        : r.selfReportDue;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(inspections)
      .set({ visitDate, surprise, selfReportDue, version: r.version + 1, updatedAt: new Date() })
      .where(and(eq(inspections.communeId, r.communeId), eq(inspections.id, r.id), eq(inspections.version, r.version)))
      .returning({ id: inspections.id });
    if (updated.length === 0) throw new AppError('conflict');
    await audit(
      tx,
      actor,
      commune,
      'inspection',
      r.id,
      'update',
      { visitDate: r.visitDate, surprise: r.surprise, selfReportDue: r.selfReportDue },
      { visitDate, surprise, selfReportDue },
    );
  });
  return getInspection(db, clock, actor, r.id);
}

export async function deleteInspection(db: Db, clock: Clock, actor: Actor, inspectionId: number) {
  const { inspection, commune } = await requireInspection(db, clock, actor, inspectionId);
  ensure(inspectionRights(actor, commune, inspection.ref, clock.today(), 0).canDelete);
  await db.transaction(async (tx) => {
    await tx.delete(inspections).where(and(eq(inspections.communeId, inspection.row.communeId), eq(inspections.id, inspection.row.id)));
    await audit(tx, actor, commune, 'inspection', inspection.row.id, 'delete', { unitId: inspection.row.unitId, visitDate: inspection.row.visitDate });
  });
}

export async function setInspectionTeam(db: Db, clock: Clock, actor: Actor, inspectionId: number, input: TTeamInput) {
  const { inspection, commune } = await requireInspection(db, clock, actor, inspectionId);
  ensure(inspectionRights(actor, commune, inspection.ref, clock.today(), 0).canEditTeam);
  await checkTeam(db, commune.id, input.members);
  await db.transaction(async (tx) => {
    await tx.delete(inspectionTeam).where(and(eq(inspectionTeam.communeId, commune.id), eq(inspectionTeam.inspectionId, inspection.row.id)));
    if (input.members.length)
      await tx.insert(inspectionTeam).values(input.members.map((m) => ({ communeId: commune.id, inspectionId: inspection.row.id, userId: m.userId, role: m.role })));
    await audit(tx, actor, commune, 'inspection', inspection.row.id, 'team', inspection.team, input.members);
  });
  return getInspection(db, clock, actor, inspection.row.id);
}

/**
 * The notice of a scheduled visit: the unit's heads hear of it (bell and mail), and the unit's
 * self-report opens — a unit report on the outline template over the review window, its figures
 * computed by the system — when the plan names the CCHC plan under review.
 */
export async function notifyInspection(db: Db, clock: Clock, actor: Actor, inspectionId: number, version: number) {
  const { inspection, commune, plan } = await requireInspection(db, clock, actor, inspectionId);
  const r = inspection.row;
  ensure(inspectionRights(actor, commune, inspection.ref, clock.today(), 0).canNotify);
  if (version !== r.version) throw new AppError('conflict');
  const heads = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.communeId, commune.id), eq(users.unitId, r.unitId), eq(users.role, 'unit_head'), eq(users.active, true)));
  await db.transaction(async (tx) => {
    const windowEnd = plan.reviewTo ?? r.visitDate;
    const selfReport =
      plan.reviewedPlanId && r.selfReportDue
        ? await openUnitPeriod(tx, clock, actor, commune, {
            planId: plan.reviewedPlanId,
            unitId: r.unitId,
            code: `KT${r.id}`.slice(0, 10),
            kind: plan.period === 'Y' ? 'year' : 'half_year',
            label: truncate(`Báo cáo phục vụ kiểm tra CCHC — ${inspection.unitName}`, 100),
            windowStart: plan.reviewFrom,
            windowEnd: laterOf(windowEnd, plan.reviewFrom),
            unitDeadline: r.selfReportDue,
            communeDeadline: laterOf(r.selfReportDue, r.visitDate),
            templateKey: OUTLINE_TEMPLATE_KEY,
          })
        : null;
    const updated = await tx
      .update(inspections)
      .set({
        status: 'notified',
        noticeSentAt: new Date(),
        selfReportPeriodId: selfReport?.periodId ?? null,
        selfReportId: selfReport?.reportId ?? null,
        version: r.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(inspections.communeId, r.communeId), eq(inspections.id, r.id), eq(inspections.version, r.version)))
      .returning({ id: inspections.id });
    if (updated.length === 0) throw new AppError('conflict');
    const params = {
      plan: plan.number ? `Kế hoạch số ${plan.number}` : plan.title,
      unit: inspection.unitName,
      visit: formatVietnameseDate(r.visitDate),
      from: formatVietnameseDate(plan.reviewFrom),
      selfReportDue: r.selfReportDue ? formatVietnameseDate(r.selfReportDue) : '',
    };
    await sendImmediateNotice(tx, {
      communeId: commune.id,
      rule: 'inspection_notice',
      taskId: 0,
      periodId: selfReport?.periodId,
      occurrenceDue: r.visitDate,
      recipientIds: heads.map((h) => h.id),
      title: translate('vi', 'notify.inspection_notice.title', params),
      body: translate('vi', selfReport ? 'notify.inspection_notice.body' : 'notify.inspection_notice.no_report', params),
    });
    await audit(tx, actor, commune, 'inspection', r.id, 'notify', { status: r.status }, { status: 'notified', selfReportId: selfReport?.reportId ?? null });
  });
  return getInspection(db, clock, actor, r.id);
}

/** The later of two ISO dates. */
const laterOf = (a: string, b: string) => (a < b ? b : a);

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The unit's self-report, read by the team (and the managers) before the visit, and by the unit itself. */
export async function getSelfReport(db: Db, clock: Clock, actor: Actor, inspectionId: number) {
  const { inspection, commune } = await requireInspection(db, clock, actor, inspectionId);
  ensure(inspectionRights(actor, commune, inspection.ref, clock.today(), 0).canReadSelfReport);
  if (!inspection.row.selfReportId) throw notFound();
  return getReport(db, actor, inspection.row.selfReportId, { granted: true });
}

export async function markVisited(db: Db, clock: Clock, actor: Actor, inspectionId: number, version: number) {
  const { inspection, commune } = await requireInspection(db, clock, actor, inspectionId);
  const r = inspection.row;
  ensure(inspectionRights(actor, commune, inspection.ref, clock.today(), 0).canMarkVisited);
  if (version !== r.version) throw new AppError('conflict');
  await db.transaction(async (tx) => {
    await tx
      .update(inspections)
      .set({ status: 'visited', version: r.version + 1, updatedAt: new Date() })
      .where(and(eq(inspections.communeId, r.communeId), eq(inspections.id, r.id)));
    await audit(tx, actor, commune, 'inspection', r.id, 'visit', { status: r.status }, { status: 'visited' });
  });
  return getInspection(db, clock, actor, r.id);
}

// ---------- checklist ----------

async function checklistOf(db: DbOrTx, communeId: number, inspectionId: number): Promise<TChecklistItem[]> {
  const rows = await db
    .select({ item: inspectionChecklistItems, updatedByName: users.fullName })
    .from(inspectionChecklistItems)
    .leftJoin(users, eq(users.id, inspectionChecklistItems.updatedBy))
    .where(and(eq(inspectionChecklistItems.communeId, communeId), eq(inspectionChecklistItems.inspectionId, inspectionId)))
    .orderBy(asc(inspectionChecklistItems.position));
  return rows.map(({ item, updatedByName }) => presentItem(item, updatedByName));
}

function presentItem(item: typeof inspectionChecklistItems.$inferSelect, updatedByName: string | null): TChecklistItem {
  return {
    id: item.id,
    inspectionId: item.inspectionId,
    areaCode: item.areaCode,
    itemCode: item.itemCode,
    title: item.title,
    position: item.position,
    result: item.result,
    comment: item.comment,
    evidence: item.evidence,
    request: item.request,
    findingId: item.findingId,
    updatedBy: item.updatedBy !== null && updatedByName !== null ? { id: item.updatedBy, fullName: updatedByName } : null,
    updatedAt: item.updatedAt?.toISOString() ?? null,
    clientUpdatedAt: item.clientUpdatedAt?.toISOString() ?? null,
    version: item.version,
  };
}

/**
 * One checklist item saved (a tablet in the unit's office, perhaps after being offline): only the
 * fields sent change; a stale version is a 409 whose details carry the item as it is now.
 */
export async function updateChecklistItem(db: Db, clock: Clock, actor: Actor, inspectionId: number, itemId: number, input: TChecklistItemUpdate): Promise<TChecklistItem> {
  const { inspection, commune } = await requireInspection(db, clock, actor, inspectionId);
  ensure(inspectionRights(actor, commune, inspection.ref, clock.today(), 0).canEditChecklist);
  const where = and(eq(inspectionChecklistItems.communeId, commune.id), eq(inspectionChecklistItems.inspectionId, inspection.row.id), eq(inspectionChecklistItems.id, itemId));
  const [item] = await db.select().from(inspectionChecklistItems).where(where);
  if (!item) throw notFound();
  const current = async () => (await checklistOf(db, commune.id, inspection.row.id)).find((i) => i.id === itemId);
  if (input.version !== item.version) throw new AppError('conflict', {}, { current: await current() });
  if (input.evidence) await checkEvidence(db, commune.id, input.evidence);
  const { version, clientUpdatedAt, ...fields } = input;
  const result = fields.result !== undefined ? fields.result : item.result;
  const request = fields.request !== undefined ? fields.request : item.request;
  // A request only makes sense for an item not met; it is what becomes a finding.
  const next = { ...fields, request: result === 'chua_dat' ? request : null };
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(inspectionChecklistItems)
      .set({ ...next, updatedBy: actor.id, updatedAt: new Date(), clientUpdatedAt: clientUpdatedAt ? new Date(clientUpdatedAt) : null, version: version + 1 })
      .where(and(where, eq(inspectionChecklistItems.version, version)))
      .returning({ id: inspectionChecklistItems.id });
    if (updated.length === 0) throw new AppError('conflict', {}, { current: await current() });
    await audit(
      tx,
      actor,
      commune,
      'inspection',
      inspection.row.id,
      'checklist',
      { itemId, result: item.result, comment: item.comment, request: item.request },
      { itemId, ...next },
    );
  });
  const saved = await current();
  if (!saved) throw notFound();
  return saved;
}

// ---------- conclusion, closing, re-inspection ----------

export async function concludeInspection(db: Db, clock: Clock, actor: Actor, inspectionId: number, input: TConcludeInput) {
  const { inspection, commune } = await requireInspection(db, clock, actor, inspectionId);
  const r = inspection.row;
  const today = clock.today();
  ensure(inspectionRights(actor, commune, inspection.ref, today, 0).canConclude);
  if (input.version !== r.version) throw new AppError('conflict');
  const items = await db
    .select()
    .from(inspectionChecklistItems)
    .where(and(eq(inspectionChecklistItems.communeId, commune.id), eq(inspectionChecklistItems.inspectionId, r.id)))
    .orderBy(asc(inspectionChecklistItems.position));
  const unjudged = items.filter((i) => i.result === null);
  if (unjudged.length) throw invalid(translate('vi', 'inspection.error.unjudged', { count: unjudged.length }), { itemIds: unjudged.map((i) => i.id) });
  const toFind = items.filter((i) => i.result === 'chua_dat' && i.request?.trim());
  const deadlineOf = (itemId: number) => input.deadlines?.[String(itemId)] ?? input.findingDeadline;
  if (toFind.some((i) => deadlineOf(i.id) < today)) throw invalid(translate('vi', 'inspection.error.deadline_past'));
  const at = new Date().toISOString();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(inspections)
      .set({ status: 'concluded', conclusion: input.conclusion ?? null, concludedOn: today, version: r.version + 1, updatedAt: new Date() })
      .where(and(eq(inspections.communeId, r.communeId), eq(inspections.id, r.id), eq(inspections.version, r.version)))
      .returning({ id: inspections.id });
    if (updated.length === 0) throw new AppError('conflict');
    if (toFind.length) {
      await tx.insert(inspectionFindings).values(
        toFind.map((item) => ({
          communeId: commune.id,
          inspectionId: r.id,
          checklistItemId: item.id,
          ownerUnitId: r.unitId,
          areaCode: item.areaCode,
          title: item.title,
          request: item.request ?? '',
          deadline: deadlineOf(item.id),
          history: [{ action: 'created' as const, comment: null, at, actorId: actor.id, actorName: actor.fullName }],
        })),
      );
    }
    // A re-inspection that finds a fix met closes the finding it followed up.
    const met = items.filter((i) => i.findingId !== null && i.result === 'dat').map((i) => i.findingId as number);
    if (met.length) {
      await tx
        .update(inspectionFindings)
        .set({ status: 'accepted', closedOn: today })
        .where(and(eq(inspectionFindings.communeId, commune.id), inArray(inspectionFindings.id, met)));
    }
    await audit(tx, actor, commune, 'inspection', r.id, 'conclude', { status: r.status }, { status: 'concluded', findings: toFind.length });
  });
  return getInspection(db, clock, actor, r.id);
}

export async function closeInspection(db: Db, clock: Clock, actor: Actor, inspectionId: number, version: number) {
  const { inspection, commune } = await requireInspection(db, clock, actor, inspectionId);
  const r = inspection.row;
  ensure(inspectionRights(actor, commune, inspection.ref, clock.today(), inspection.findingsOpen).canClose);
  if (version !== r.version) throw new AppError('conflict');
  await db.transaction(async (tx) => {
    await tx
      .update(inspections)
      .set({ status: 'closed', version: r.version + 1, updatedAt: new Date() })
      .where(and(eq(inspections.communeId, r.communeId), eq(inspections.id, r.id)));
    await audit(tx, actor, commune, 'inspection', r.id, 'close', { status: r.status }, { status: 'closed' });
  });
  return getInspection(db, clock, actor, r.id);
}

/** A re-inspection (phúc tra) of the findings not yet accepted, in the same plan. */
export async function planReInspection(db: Db, clock: Clock, actor: Actor, inspectionId: number, input: TReInspectionInput) {
  const { inspection, commune, plan } = await requireInspection(db, clock, actor, inspectionId);
  const r = inspection.row;
  ensure(inspectionRights(actor, commune, inspection.ref, clock.today(), inspection.findingsOpen).canReInspect);
  const open = await db
    .select()
    .from(inspectionFindings)
    .where(and(eq(inspectionFindings.communeId, commune.id), eq(inspectionFindings.inspectionId, r.id)));
  const chosen = open.filter((f) => f.status !== 'accepted' && (input.findingIds === undefined || input.findingIds.includes(f.id)));
  if (chosen.length === 0) throw invalid(translate('vi', 'inspection.error.no_open_findings'));
  if (input.team) await checkTeam(db, commune.id, input.team);
  const calendar = await loadCalendar(db);
  const id = await db.transaction(async (tx) => {
    const newId = await insertInspection(
      tx,
      calendar,
      actor,
      commune,
      plan,
      { unitId: r.unitId, visitDate: input.visitDate, surprise: input.surprise ?? false, kind: 're_inspection', reInspectionOf: r.id },
      {
        team: input.team ?? inspection.team.map((m) => ({ userId: m.userId, role: m.role })),
        items: reInspectionChecklist(chosen.map((f) => ({ id: f.id, title: f.title, request: f.request }))),
      },
    );
    await tx
      .update(inspectionFindings)
      .set({ reInspectionId: newId })
      .where(
        and(
          eq(inspectionFindings.communeId, commune.id),
          inArray(
            inspectionFindings.id,
            chosen.map((f) => f.id),
          ),
        ),
      );
    await audit(tx, actor, commune, 'inspection', r.id, 're_inspect', undefined, { reInspectionId: newId, findingIds: chosen.map((f) => f.id) });
    return newId;
  });
  return getInspection(db, clock, actor, id);
}
