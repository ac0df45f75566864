/**
 * Periodic reports (issue 10): periods from a plan's reporting regime, units' reports,
 * the commune's report consolidated from them, and the city's view. Computed figures are
 * taken at the report's as-of date over its window and frozen when the report is submitted
 * (unit) or approved (commune); a notice shows when the live figure later differs.
 * Reminders before deadlines belong to the reminders capability: it reads `reportDeadlines`.
 */

import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { TAuditAction } from '../../contract';
import {
  checkFigureValues,
  computeFigures,
  consolidate,
  defaultFigureRegistry,
  type FigureSources,
  figuresOf,
  type InspectionSource,
  type JudgedTask,
  daysLate as lateBy,
  parseReportingRegime,
  reportPeriods as periodsOf,
  type ReportingRegime,
  type ReportTemplate,
  ZReportingRegime,
} from '../../domain/reports';
import type { Actor } from '../access/actor';
import {
  type CommuneRef,
  canApproveCommuneReport,
  canCityReturnReport,
  canEditReport,
  canManageCommune,
  canReadReport,
  canReviewUnitReport,
  canSeeCityReports,
  canSendCommuneReport,
  canSubmitUnitReport,
  ensure,
  type ReportRef,
} from '../access/policy';
import { recordAudit } from '../audit/service';
import { loadCalendar } from '../calendar/service';
import type { Clock } from '../clock';
import { requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { communes, type plans, type ReportStatus, reportEvents, reportPeriods, reports, units, users } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';
import { isVisited, loadInspectionData } from '../inspections/coverage';
import { requirePlan } from '../plans/service';
import { dueSoonOf, judge, loadTasks } from '../tasks/read-model';
import { latestTemplate, templateById } from './templates';

type PeriodRow = typeof reportPeriods.$inferSelect;
type ReportRow = typeof reports.$inferSelect;
type CommuneRow = typeof communes.$inferSelect;

const earlier = (a: string, b: string) => (a <= b ? a : b);

// ---------- periods ----------

export interface GeneratePeriodsInput {
  templateKey: string;
  /** Overrides of what the plan's text says (or the defaults). */
  regime?: Partial<ReportingRegime>;
}

type PlanRow = typeof plans.$inferSelect;

/** The plan's report periods under a regime and template; periods already there are kept as edited. */
export async function insertPlanPeriods(tx: DbOrTx, cityId: number, plan: PlanRow, regime: ReportingRegime, templateKey: string) {
  const template = await latestTemplate(tx, cityId, templateKey);
  const periods = periodsOf({ start: plan.periodStart, end: plan.periodEnd }, regime);
  await tx
    .insert(reportPeriods)
    .values(
      periods.map((p) => ({
        communeId: plan.communeId,
        planId: plan.id,
        code: p.code,
        kind: p.kind,
        label: p.label,
        windowStart: p.window.start,
        windowEnd: p.window.end,
        unitDeadline: p.unitDeadline,
        communeDeadline: p.communeDeadline,
        templateId: template.id,
      })),
    )
    .onConflictDoNothing();
}

/** Creates the plan's periods from its reporting regime; periods already there are kept as edited. */
export async function generatePeriods(db: Db, actor: Actor, planId: number, input: GeneratePeriodsInput) {
  const { plan, commune } = await requirePlan(db, actor, planId);
  ensure(canManageCommune(actor, commune));
  const parsed = parseReportingRegime(plan.reportingRegime);
  const regime = ZReportingRegime.safeParse({ ...parsed.regime, ...input.regime });
  if (!regime.success) throw invalid(`Chế độ báo cáo chưa hợp lệ — ${regime.error.issues.map((i) => i.message).join('; ')}`);
  await db.transaction(async (tx) => {
    await insertPlanPeriods(tx, commune.cityId, plan, regime.data, input.templateKey);
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: commune.id,
      entity: 'plan',
      entityId: plan.id,
      action: 'report_periods',
      after: { regime: regime.data, regimeFromText: parsed.understood },
    });
  });
  return { regime: regime.data, regimeFromText: parsed.understood, periods: await listPeriods(db, actor, planId) };
}

export async function listPeriods(db: Db, actor: Actor, planId: number) {
  const { plan, commune } = await requirePlan(db, actor, planId);
  const rows = await db
    .select()
    .from(reportPeriods)
    .where(and(eq(reportPeriods.communeId, plan.communeId), eq(reportPeriods.planId, plan.id), isNull(reportPeriods.unitId)))
    .orderBy(asc(reportPeriods.windowEnd), asc(reportPeriods.code));
  const reportRows = rows.length
    ? await db
        .select()
        .from(reports)
        .where(
          and(
            eq(reports.communeId, plan.communeId),
            inArray(
              reports.periodId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  const unitNames = await unitNamesOf(db, plan.communeId);
  return rows.map((period) => ({
    ...presentPeriod(period),
    canManage: canManageCommune(actor, commune),
    reports: reportRows
      .filter((r) => r.periodId === period.id && canReadReport(actor, commune, refOf(r)))
      .map((r) => ({
        id: r.id,
        level: r.level,
        unitId: r.unitId,
        unitName: r.unitId ? (unitNames.get(r.unitId) ?? '') : null,
        status: r.status,
        submittedOn: r.submittedOn,
        daysLate: r.daysLate,
      })),
  }));
}

function presentPeriod(p: PeriodRow) {
  return {
    id: p.id,
    communeId: p.communeId,
    planId: p.planId,
    code: p.code,
    kind: p.kind,
    label: p.label,
    windowStart: p.windowStart,
    windowEnd: p.windowEnd,
    unitDeadline: p.unitDeadline,
    communeDeadline: p.communeDeadline,
    templateId: p.templateId,
  };
}

async function requirePeriod(db: DbOrTx, actor: Actor, periodId: number) {
  const [period] = await db.select().from(reportPeriods).where(eq(reportPeriods.id, periodId));
  if (!period) throw notFound();
  const commune = await requireCommune(db as Db, actor, period.communeId);
  return { period, commune };
}

export async function updatePeriod(db: Db, actor: Actor, periodId: number, input: { unitDeadline?: string; communeDeadline?: string; templateId?: number }) {
  const { period, commune } = await requirePeriod(db, actor, periodId);
  ensure(canManageCommune(actor, commune));
  const next = { unitDeadline: input.unitDeadline ?? period.unitDeadline, communeDeadline: input.communeDeadline ?? period.communeDeadline };
  if (next.unitDeadline > next.communeDeadline) throw invalid('Hạn của đơn vị không được sau hạn của UBND xã.');
  if (input.templateId !== undefined) {
    const template = await templateById(db, input.templateId);
    if (template.cityId !== commune.cityId) throw notFound();
  }
  await db.transaction(async (tx) => {
    await tx
      .update(reportPeriods)
      .set({ ...next, ...(input.templateId ? { templateId: input.templateId } : {}) })
      .where(and(eq(reportPeriods.communeId, period.communeId), eq(reportPeriods.id, period.id)));
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: commune.id,
      entity: 'report',
      entityId: period.id,
      action: 'edit_period',
      before: presentPeriod(period),
      after: { ...next, templateId: input.templateId },
    });
  });
  const [row] = await db.select().from(reportPeriods).where(eq(reportPeriods.id, period.id));
  return presentPeriod(row);
}

/**
 * The hook for reminders (src/server/reminders): every period whose commune deadline is on or after
 * `from`, with who has submitted. Reminders decide who still owes a report, when and how to tell them.
 */
export async function reportDeadlines(db: DbOrTx, communeId: number, from: string) {
  const rows = await db
    .select()
    .from(reportPeriods)
    .where(and(eq(reportPeriods.communeId, communeId), gte(reportPeriods.communeDeadline, from)));
  if (rows.length === 0) return [];
  const reportRows = await db
    .select({ periodId: reports.periodId, level: reports.level, unitId: reports.unitId, submittedOn: reports.submittedOn })
    .from(reports)
    .where(
      and(
        eq(reports.communeId, communeId),
        inArray(
          reports.periodId,
          rows.map((p) => p.id),
        ),
      ),
    );
  return rows.map((p) => {
    const own = reportRows.filter((r) => r.periodId === p.id && r.submittedOn !== null);
    return {
      periodId: p.id,
      planId: p.planId,
      code: p.code,
      label: p.label,
      unitDeadline: p.unitDeadline,
      communeDeadline: p.communeDeadline,
      /** An inspection's self-report period: owed by this unit only, with no commune report. */
      unitId: p.unitId,
      unitsSubmitted: own.flatMap((r) => (r.level === 'unit' && r.unitId !== null ? [r.unitId] : [])),
      communeSent: p.unitId !== null || own.some((r) => r.level === 'commune'),
    };
  });
}

// ---------- reports ----------

const refOf = (r: ReportRow): ReportRef => ({
  communeId: r.communeId,
  level: r.level,
  unitId: r.unitId,
  status: r.status,
  sentOnce: r.level === 'commune' && r.submittedOn !== null,
});

async function unitNamesOf(db: DbOrTx, communeId: number) {
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.communeId, communeId));
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** `granted`: the caller has checked the reading right itself (an inspection team reads the unit's self-report). */
async function requireReport(db: DbOrTx, actor: Actor, reportId: number, granted = false) {
  const [report] = await db.select().from(reports).where(eq(reports.id, reportId));
  if (!report) throw notFound();
  const commune = await requireCommune(db as Db, actor, report.communeId);
  // A report the actor may not read looks like one that does not exist.
  if (!granted && !canReadReport(actor, commune, refOf(report))) throw notFound();
  const [period] = await db
    .select()
    .from(reportPeriods)
    .where(and(eq(reportPeriods.communeId, report.communeId), eq(reportPeriods.id, report.periodId)));
  return { report, commune, period };
}

/** A unit's person opens the unit's report for a period (or gets the one already open). */
export async function openUnitReport(db: Db, clock: Clock, actor: Actor, periodId: number) {
  const { period, commune } = await requirePeriod(db, actor, periodId);
  const unitId = actor.unitId;
  if (unitId === null || (actor.role !== 'unit_head' && actor.role !== 'unit_staff')) throw new AppError('forbidden');
  // A period owed by one unit (an inspection's self-report) is that unit's alone.
  if (period.unitId !== null && period.unitId !== unitId) throw notFound();
  const [existing] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.communeId, period.communeId), eq(reports.periodId, period.id), eq(reports.unitId, unitId)));
  if (existing) return getReport(db, actor, existing.id);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reports)
      .values({ communeId: period.communeId, periodId: period.id, level: 'unit', unitId, templateId: period.templateId, asOf: earlier(clock.today(), period.windowEnd) })
      .returning();
    await logEvent(tx, actor, commune, row, 'create');
    return row.id;
  });
  return getReport(db, actor, id);
}

/** The inspections the report counts (the unit's own, for a unit report) with their findings; the window is applied by the figures. */
async function inspectionSource(db: DbOrTx, report: ReportRow): Promise<InspectionSource> {
  const data = await loadInspectionData(db, report.communeId);
  const mine = <T extends { unitId: number }>(list: T[]) => (report.unitId === null ? list : list.filter((x) => x.unitId === report.unitId));
  return {
    unitsTotal: report.unitId === null ? data.units.length : 1,
    visits: mine(data.inspections.map((i) => i.row)).map((row) => ({
      unitId: row.unitId,
      visitDate: row.visitDate,
      visited: isVisited(row.status),
      reInspection: row.kind !== 'inspection',
      findings: data.findings.filter((f) => f.inspectionId === row.id).map(({ status, deadline }) => ({ status, deadline })),
    })),
  };
}

/** Tasks the report counts: the whole commune's, or those the unit leads. */
async function figureSources(db: DbOrTx, report: ReportRow, period: PeriodRow, commune: CommuneRow, template: ReportTemplate): Promise<FigureSources> {
  const needed = new Set(figuresOf(template).flatMap((f) => (f.kind === 'computed' ? [defaultFigureRegistry.get(f.key)?.source] : [])));
  const calendar = await loadCalendar(db);
  const judged = async (scope: { planId?: number; origin?: 'city_assigned'; inForceAt?: string }): Promise<JudgedTask[]> => {
    const loaded = await loadTasks(db, { communeId: report.communeId, ...scope });
    return loaded
      .filter((t) => report.unitId === null || t.lead.some((u) => u.id === report.unitId))
      .map((t) => ({
        id: t.row.id,
        area: t.row.area,
        leadUnitIds: t.lead.map((u) => u.id),
        progress: t.row.progress,
        judgement: judge(t, report.asOf, dueSoonOf(commune, calendar)),
      }));
  };
  const sources: FigureSources = {};
  // The plan's tasks as the version in force on the report's date (amendments add and drop tasks from a day on).
  if (needed.has('planTasks')) sources.planTasks = await judged({ planId: period.planId, inForceAt: report.asOf });
  if (needed.has('cityTasks')) sources.cityTasks = await judged({ origin: 'city_assigned' });
  if (needed.has('inspections')) sources.inspections = await inspectionSource(db, report);
  return sources;
}

async function liveFigures(db: DbOrTx, report: ReportRow, period: PeriodRow, commune: CommuneRow, template: ReportTemplate) {
  const keys = figuresOf(template).flatMap((f) => (f.kind === 'computed' ? [f.key] : []));
  if (keys.length === 0) return {};
  const sources = await figureSources(db, report, period, commune, template);
  return computeFigures(defaultFigureRegistry, keys, { asOf: report.asOf, window: { start: period.windowStart, end: period.windowEnd }, sources });
}

export async function getReport(db: Db, actor: Actor, reportId: number, options: { granted?: boolean } = {}) {
  const { report, commune, period } = await requireReport(db, actor, reportId, options.granted);
  const templateRow = await templateById(db, report.templateId);
  const template = templateRow.body as ReportTemplate;
  const live = await liveFigures(db, report, period, commune, template);
  const ref = refOf(report);
  const events = await db
    .select({ action: reportEvents.action, comment: reportEvents.comment, at: reportEvents.at, actorName: users.fullName })
    .from(reportEvents)
    .innerJoin(users, eq(users.id, reportEvents.actorId))
    .where(and(eq(reportEvents.communeId, report.communeId), eq(reportEvents.reportId, report.id)))
    .orderBy(asc(reportEvents.id));
  const unitName = report.unitId ? ((await unitNamesOf(db, report.communeId)).get(report.unitId) ?? '') : null;
  return {
    id: report.id,
    communeId: report.communeId,
    communeName: commune.name,
    level: report.level,
    unitId: report.unitId,
    unitName,
    period: presentPeriod(period),
    template: { id: templateRow.id, key: templateRow.key, version: templateRow.version, name: templateRow.name, body: template },
    status: report.status,
    asOf: report.asOf,
    values: report.values,
    narratives: report.narratives,
    computed: figuresOf(template).flatMap((f) => {
      if (f.kind !== 'computed') return [];
      const frozen = report.frozen?.[f.key] ?? null;
      const now = live[f.key];
      return [{ code: f.code, key: f.key, title: f.title, value: frozen ?? now, frozen, live: now, differs: frozen !== null && frozen !== now }];
    }),
    frozenAt: report.frozenAt,
    submittedOn: report.submittedOn,
    deadline: report.level === 'unit' ? period.unitDeadline : period.communeDeadline,
    daysLate: report.daysLate,
    returnComment: report.returnComment,
    version: report.version,
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    can: {
      edit: canEditReport(actor, commune, ref),
      submit: canSubmitUnitReport(actor, commune, ref),
      return: canReviewUnitReport(actor, commune, ref),
      accept: canReviewUnitReport(actor, commune, ref),
      approve: canApproveCommuneReport(actor, commune, ref),
      send: canSendCommuneReport(actor, commune, ref),
      cityReturn: canCityReturnReport(actor, commune, ref),
    },
  };
}

export type PresentedReport = Awaited<ReturnType<typeof getReport>>;

export interface ReportEdit {
  version: number;
  asOf?: string;
  values?: Record<string, number | null>;
  narratives?: Record<string, string>;
}

export async function updateReport(db: Db, actor: Actor, reportId: number, input: ReportEdit) {
  const { report, commune, period } = await requireReport(db, actor, reportId);
  ensure(canEditReport(actor, commune, refOf(report)));
  if (input.version !== report.version) throw new AppError('conflict');
  const template = (await templateById(db, report.templateId)).body as ReportTemplate;
  const values = { ...report.values, ...input.values };
  const issues = checkFigureValues(template, values);
  if (issues.length)
    throw invalid(
      `Số liệu chưa hợp lệ — ${issues
        .slice(0, 5)
        .map((i) => i.message)
        .join('; ')}`,
      issues,
    );
  const narrativeCodes = new Set(narrativeCodesOf(template));
  const unknown = Object.keys(input.narratives ?? {}).filter((code) => !narrativeCodes.has(code));
  if (unknown.length) throw invalid(`Mẫu báo cáo không có mục: ${unknown.join(', ')}`);
  if (input.asOf && (input.asOf < period.windowStart || input.asOf > period.windowEnd)) {
    throw invalid(`Ngày lấy số liệu phải trong kỳ báo cáo (${period.windowStart} – ${period.windowEnd}).`);
  }
  await db.transaction(async (tx) => {
    const after = { asOf: input.asOf ?? report.asOf, values, narratives: { ...report.narratives, ...input.narratives } };
    const updated = await tx
      .update(reports)
      .set({ ...after, version: report.version + 1, updatedAt: new Date() })
      .where(and(eq(reports.communeId, report.communeId), eq(reports.id, report.id), eq(reports.version, report.version)))
      .returning({ id: reports.id });
    if (updated.length === 0) throw new AppError('conflict');
    await logEvent(tx, actor, commune, report, 'edit', null, { before: { asOf: report.asOf, values: report.values, narratives: report.narratives }, after });
  });
  return getReport(db, actor, reportId);
}

function narrativeCodesOf(template: ReportTemplate): string[] {
  const out: string[] = [];
  const visit = (s: ReportTemplate['sections'][number]) => {
    for (const item of s.items) if (item.kind === 'narrative') out.push(item.code);
    s.sections.forEach(visit);
  };
  template.sections.forEach(visit);
  return out;
}

async function logEvent(
  tx: DbOrTx,
  actor: Actor,
  commune: CommuneRef,
  report: ReportRow,
  action: TAuditAction,
  comment: string | null = null,
  audit?: { before?: unknown; after?: unknown },
) {
  await tx.insert(reportEvents).values({ communeId: report.communeId, reportId: report.id, actorId: actor.id, action, comment });
  await recordAudit(tx, actor, {
    cityId: commune.cityId,
    communeId: commune.id,
    entity: 'report',
    entityId: report.id,
    action,
    before: audit?.before ?? { status: report.status },
    after: audit?.after ?? { comment },
  });
}

export type ReportAction = 'submit' | 'return' | 'accept' | 'approve' | 'send' | 'city_return';

const RULES: Record<
  ReportAction,
  { allowed: (actor: Actor, commune: CommuneRef, ref: ReportRef) => boolean; to: ReportStatus; freeze?: boolean; deadline?: 'unit' | 'commune'; needsComment?: boolean }
> = {
  submit: { allowed: canSubmitUnitReport, to: 'submitted', freeze: true, deadline: 'unit' },
  return: { allowed: canReviewUnitReport, to: 'returned', needsComment: true },
  accept: { allowed: canReviewUnitReport, to: 'accepted' },
  approve: { allowed: canApproveCommuneReport, to: 'approved', freeze: true },
  send: { allowed: canSendCommuneReport, to: 'sent', deadline: 'commune' },
  city_return: { allowed: canCityReturnReport, to: 'returned', needsComment: true },
};

/**
 * Moves a report one step. Lateness is recorded at the first submission (unit) or the first
 * sending (commune) against that level's deadline: a report returned and sent again was still
 * first sent on that day.
 */
export async function transitionReport(db: Db, clock: Clock, actor: Actor, reportId: number, action: ReportAction, comment?: string) {
  const { report, commune, period } = await requireReport(db, actor, reportId);
  const rule = RULES[action];
  ensure(rule.allowed(actor, commune, refOf(report)));
  const note = comment?.trim() || null;
  if (rule.needsComment && !note) throw invalid('Vui lòng ghi rõ nội dung yêu cầu chỉnh sửa khi trả lại báo cáo.');
  const template = (await templateById(db, report.templateId)).body as ReportTemplate;
  if (action === 'submit' || action === 'approve') {
    const issues = checkFigureValues(template, report.values);
    if (issues.length)
      throw invalid(
        `Số liệu chưa hợp lệ — ${issues
          .slice(0, 5)
          .map((i) => i.message)
          .join('; ')}`,
        issues,
      );
  }
  const today = clock.today();
  const frozen = rule.freeze ? await liveFigures(db, report, period, commune, template) : undefined;
  const firstTime = rule.deadline !== undefined && report.submittedOn === null;
  const deadline = rule.deadline === 'unit' ? period.unitDeadline : period.communeDeadline;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(reports)
      .set({
        status: rule.to,
        version: report.version + 1,
        updatedAt: new Date(),
        ...(frozen ? { frozen, frozenAt: today } : {}),
        ...(firstTime ? { submittedOn: today, daysLate: lateBy(deadline, today) } : {}),
        ...(rule.needsComment ? { returnComment: note } : {}),
      })
      .where(and(eq(reports.communeId, report.communeId), eq(reports.id, report.id), eq(reports.version, report.version)))
      .returning({ id: reports.id });
    if (updated.length === 0) throw new AppError('conflict');
    await logEvent(tx, actor, commune, report, action, note, { before: { status: report.status }, after: { status: rule.to, comment: note, frozen } });
  });
  return getReport(db, actor, reportId);
}

/** The commune's report drafted from the accepted unit reports; redone while it is still a draft. */
export async function consolidateCommuneReport(db: Db, clock: Clock, actor: Actor, periodId: number) {
  const { period, commune } = await requirePeriod(db, actor, periodId);
  ensure(canManageCommune(actor, commune));
  const all = await db
    .select()
    .from(reports)
    .where(and(eq(reports.communeId, period.communeId), eq(reports.periodId, period.id)));
  const accepted = all.filter((r) => r.level === 'unit' && r.status === 'accepted');
  if (accepted.length === 0) throw invalid('Chưa có báo cáo đơn vị nào được chấp nhận để tổng hợp.');
  const existing = all.find((r) => r.level === 'commune');
  if (existing && !['draft', 'returned'].includes(existing.status)) throw invalid('Báo cáo của xã đã được phê duyệt, không tổng hợp lại.');
  const template = (await templateById(db, period.templateId)).body as ReportTemplate;
  const names = await unitNamesOf(db, period.communeId);
  const content = consolidate(
    template,
    accepted.map((r) => ({ unitName: names.get(r.unitId as number) ?? '', values: r.values, narratives: r.narratives })),
  );
  const id = await db.transaction(async (tx) => {
    let row: ReportRow;
    if (existing) {
      [row] = await tx
        .update(reports)
        .set({ ...content, version: existing.version + 1, updatedAt: new Date() })
        .where(and(eq(reports.communeId, existing.communeId), eq(reports.id, existing.id)))
        .returning();
    } else {
      [row] = await tx
        .insert(reports)
        .values({
          communeId: period.communeId,
          periodId: period.id,
          level: 'commune',
          unitId: null,
          templateId: period.templateId,
          asOf: earlier(clock.today(), period.windowEnd),
          ...content,
        })
        .returning();
    }
    await logEvent(tx, actor, commune, row, 'consolidate', null, { after: { fromReports: accepted.map((r) => r.id) } });
    return row.id;
  });
  return getReport(db, actor, id);
}

// ---------- the city ----------

/**
 * Every commune of the city for one period code: on time, late or missing, and their figures
 * side by side (frozen computed figures and the figures entered, by template code).
 */
export async function cityOverview(db: Db, clock: Clock, actor: Actor, code: string) {
  ensure(canSeeCityReports(actor));
  const communeRows = await db.select().from(communes).where(eq(communes.cityId, actor.cityId)).orderBy(asc(communes.name));
  const ids = communeRows.map((c) => c.id);
  const periodRows = ids.length
    ? await db
        .select()
        .from(reportPeriods)
        .where(and(inArray(reportPeriods.communeId, ids), eq(reportPeriods.code, code)))
    : [];
  const reportRows = periodRows.length
    ? await db
        .select()
        .from(reports)
        .where(
          and(
            inArray(
              reports.periodId,
              periodRows.map((p) => p.id),
            ),
            isNull(reports.unitId),
          ),
        )
    : [];
  const today = clock.today();
  const figureRows = new Map<string, { code: string; title: string; unit: string; values: Record<number, number | null> }>();
  const templateCache = new Map<number, ReportTemplate>();
  const entries = [];
  for (const commune of communeRows) {
    const period = periodRows.filter((p) => p.communeId === commune.id).sort((a, b) => b.id - a.id)[0];
    const report = period ? reportRows.find((r) => r.periodId === period.id) : undefined;
    const sent = report && report.submittedOn !== null ? report : undefined;
    const state: 'late' | 'on_time' | 'not_due' | 'missing' = sent
      ? (sent.daysLate ?? 0) > 0
        ? 'late'
        : 'on_time'
      : period && today <= period.communeDeadline
        ? 'not_due'
        : 'missing';
    entries.push({
      communeId: commune.id,
      communeName: commune.name,
      periodId: period?.id ?? null,
      deadline: period?.communeDeadline ?? null,
      reportId: sent?.id ?? null,
      status: sent?.status ?? null,
      submittedOn: sent?.submittedOn ?? null,
      daysLate: sent?.daysLate ?? null,
      state,
    });
    if (!sent) continue;
    if (!templateCache.has(sent.templateId)) templateCache.set(sent.templateId, (await templateById(db, sent.templateId)).body as ReportTemplate);
    for (const figure of figuresOf(templateCache.get(sent.templateId) as ReportTemplate)) {
      const rowKey = figure.kind === 'computed' ? figure.key : figure.code;
      const row = figureRows.get(rowKey) ?? { code: rowKey, title: figure.title, unit: figure.unit, values: {} };
      row.values[commune.id] = figure.kind === 'computed' ? (sent.frozen?.[figure.key] ?? null) : (sent.values[figure.code] ?? null);
      figureRows.set(rowKey, row);
    }
  }
  return { code, communes: entries, figures: [...figureRows.values()] };
}

export interface UnitPeriodInput {
  planId: number;
  unitId: number;
  code: string;
  kind: 'quarter' | 'half_year' | 'year';
  label: string;
  windowStart: string;
  windowEnd: string;
  unitDeadline: string;
  communeDeadline: string;
  templateKey: string;
}

/**
 * A period owed by one unit only, with the unit's draft report on the given template: an inspection's
 * self-report (issue 13), filled like any unit report (figures over the window, narratives, submit),
 * reminded of by the report reminders, kept out of the plan's periods and the city's comparison.
 */
export async function openUnitPeriod(tx: DbOrTx, clock: Clock, actor: Actor, commune: CommuneRef, input: UnitPeriodInput) {
  const template = await latestTemplate(tx, commune.cityId, input.templateKey);
  const { templateKey: _key, ...period } = input;
  const [row] = await tx
    .insert(reportPeriods)
    .values({ communeId: commune.id, ...period, templateId: template.id })
    .returning();
  const [report] = await tx
    .insert(reports)
    .values({ communeId: commune.id, periodId: row.id, level: 'unit', unitId: input.unitId, templateId: template.id, asOf: earlier(clock.today(), row.windowEnd) })
    .returning();
  await logEvent(tx, actor, commune, report, 'create');
  return { periodId: row.id, reportId: report.id };
}
