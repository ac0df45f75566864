/**
 * The documents of inspections: the minutes and the conclusion notice generated from what the team
 * recorded (read through the inspections capability, so its secrecy and rights apply), and the import of
 * an inspection-plan document into a draft plan the officer reviews (nothing saved here).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { TInspection, TInspectionPeriod, TInspectionPlanDraft, TInspectionPlanImport } from '../../contract';
import { inspectionConclusion, inspectionMinutes } from '../../documents';
import { matchKey } from '../../domain/text/normalize';
import type { ImportedInspectionPlan } from '../../importer';
import type { ParsePool } from '../../importer/parse-pool';
import type { Actor } from '../access/actor';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { communes, files, inspectionPlans, plans, reports, tasks, units, users } from '../db/schema';
import { importUnits, parseInPool } from '../imports/service';
import { getInspection } from '../inspections/service';
import { conclusionData, type InspectionDocumentContext, minutesData } from './map';

/** "xã Cẩm Giang" whether the stored name carries the kind or not. */
function communeTitle(commune: { name: string; kind: string }): { body: string; place: string } {
  const named = /^(xã|phường)\s+/iu.test(commune.name) ? commune.name : `${commune.kind === 'phuong' ? 'phường' : 'xã'} ${commune.name}`;
  return { body: `Ủy ban nhân dân ${named}`, place: named.replace(/^(xã|phường)\s+/iu, '') };
}

async function evidenceNames(db: Db, communeId: number, inspection: TInspection): Promise<Map<string, string>> {
  const ids = (key: 'fileIds' | 'taskIds' | 'reportIds') => [...new Set(inspection.checklist.flatMap((i) => i.evidence[key]))];
  const names = new Map<string, string>();
  const fileIds = ids('fileIds');
  if (fileIds.length) {
    const rows = await db
      .select({ id: files.id, name: files.originalName })
      .from(files)
      .where(and(eq(files.communeId, communeId), inArray(files.id, fileIds)));
    for (const r of rows) names.set(`file:${r.id}`, r.name);
  }
  const taskIds = ids('taskIds');
  if (taskIds.length) {
    const rows = await db
      .select({ id: tasks.id, content: tasks.content })
      .from(tasks)
      .where(and(eq(tasks.communeId, communeId), inArray(tasks.id, taskIds)));
    for (const r of rows) names.set(`task:${r.id}`, `Nhiệm vụ "${r.content.length > 80 ? `${r.content.slice(0, 80)}…` : r.content}"`);
  }
  return names;
}

async function documentContext(db: Db, inspection: TInspection): Promise<InspectionDocumentContext> {
  const communeId = inspection.communeId;
  const [commune] = await db.select({ name: communes.name, kind: communes.kind }).from(communes).where(eq(communes.id, communeId));
  const { body, place } = communeTitle(commune);
  const [plan] = await db
    .select({ signedOn: inspectionPlans.signedOn, reviewedPlanId: inspectionPlans.reviewedPlanId })
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.communeId, communeId), eq(inspectionPlans.id, inspection.planId)));
  const [reviewed] = plan?.reviewedPlanId
    ? await db
        .select({ title: plans.title, number: plans.number, issueDate: plans.issueDate })
        .from(plans)
        .where(and(eq(plans.communeId, communeId), eq(plans.id, plan.reviewedPlanId)))
    : [];
  const teamIds = inspection.team.map((m) => m.userId);
  const titles = new Map<number, string | null>();
  if (teamIds.length) for (const u of await db.select({ id: users.id, title: users.title }).from(users).where(inArray(users.id, teamIds))) titles.set(u.id, u.title);
  const [head] = await db
    .select({ name: users.fullName, title: users.title })
    .from(users)
    .where(and(eq(users.communeId, communeId), eq(users.unitId, inspection.unit.id), eq(users.role, 'unit_head'), eq(users.active, true)))
    .orderBy(users.id)
    .limit(1);
  const [coordinator] = await db
    .select({ unit: units.name })
    .from(users)
    .innerJoin(units, and(eq(units.communeId, users.communeId), eq(units.id, users.unitId)))
    .where(and(eq(users.communeId, communeId), eq(users.role, 'coordinator'), eq(users.active, true)))
    .orderBy(users.id)
    .limit(1);
  return {
    commune: body,
    place,
    planSignedOn: plan?.signedOn ?? null,
    reviewedPlan: reviewed ?? null,
    titles,
    unitHead: head ? { name: head.name, title: head.title } : null,
    evidenceNames: await evidenceNames(db, communeId, inspection),
    coordinatorUnit: coordinator?.unit ?? null,
  };
}

async function selfReportDate(db: Db, inspection: TInspection): Promise<string | null> {
  if (!inspection.selfReportId) return null;
  const [row] = await db
    .select({ submittedOn: reports.submittedOn })
    .from(reports)
    .where(and(eq(reports.communeId, inspection.communeId), eq(reports.id, inspection.selfReportId)));
  return row?.submittedOn ?? null;
}

/** Biên bản kiểm tra (.docx) of an inspection the actor may read, from what is recorded now. */
export async function minutesDocx(db: Db, clock: Clock, actor: Actor, inspectionId: number): Promise<{ inspection: TInspection; bytes: Buffer }> {
  const inspection = await getInspection(db, clock, actor, inspectionId);
  const data = minutesData(inspection, await documentContext(db, inspection), await selfReportDate(db, inspection));
  return { inspection, bytes: await inspectionMinutes(data) };
}

/** Thông báo kết luận kiểm tra (.docx): the findings once concluded, the recorded requests before. */
export async function conclusionDocx(db: Db, clock: Clock, actor: Actor, inspectionId: number): Promise<{ inspection: TInspection; bytes: Buffer }> {
  const inspection = await getInspection(db, clock, actor, inspectionId);
  return { inspection, bytes: await inspectionConclusion(conclusionData(inspection, await documentContext(db, inspection))) };
}

/* ---------- import of an inspection plan ---------- */

const PERIODS: Record<'1' | '2' | 'null', TInspectionPeriod> = { '1': 'H1', '2': 'H2', null: 'Y' };

/** The CCHC plan under review among the commune's plans: same number ("225/QĐ-UBND"). */
async function findReviewedPlan(db: Db, communeId: number, number: string | null): Promise<number | null> {
  if (!number || !/^\d/.test(number)) return null;
  const rows = await db.select({ id: plans.id, number: plans.number }).from(plans).where(eq(plans.communeId, communeId));
  return rows.find((p) => p.number && matchKey(p.number) === matchKey(number))?.id ?? null;
}

export function draftOf(reading: ImportedInspectionPlan, referenceYear: number, fileName: string): Omit<TInspectionPlanDraft, 'reviewedPlanId'> {
  const period = reading.period.value;
  const year = period?.year ?? (reading.date.value ? Number(reading.date.value.slice(0, 4)) : referenceYear);
  const half = period?.half ?? null;
  const window = reading.reviewWindow.value;
  const visit = reading.visitWindow.value;
  const form = reading.form.value;
  return {
    year,
    period: PERIODS[String(half) as '1' | '2' | 'null'],
    title: reading.title.value ?? `Kiểm tra công tác cải cách hành chính năm ${year}`,
    number: reading.number.value ?? '',
    signedOn: reading.date.value,
    reviewFrom: window?.from ?? `${year}-${half === 2 ? '07' : '01'}-01`,
    reviewTo: window ? window.to : null,
    // Nothing read: every area, as seed 003 inspects.
    areas: reading.scope.value.areas.length ? reading.scope.value.areas : [1, 2, 3, 4, 5, 6, 7],
    forms: [...(form.scheduled ? (['scheduled'] as const) : []), ...(form.surprise ? (['surprise'] as const) : [])],
    visitMonth: visit ? visit.start.slice(0, 7) : null,
    selfReportDeadline: reading.selfReport.value.by,
    targetUnitIds: [...new Set((reading.mapping ?? []).flatMap((m) => (m.kind === 'unit' && m.unitId !== null ? [m.unitId] : [])))],
    sourceFileName: fileName.slice(0, 255),
  };
}

/** Reads an uploaded inspection plan into a draft (parse pool, off this thread); nothing is stored. `authorizeImport` must have passed. */
export async function importInspectionPlan(
  db: Db,
  clock: Clock,
  actor: Actor,
  pool: ParsePool,
  communeId: number,
  file: { fileName: string; data: Buffer; mimeType?: string },
): Promise<TInspectionPlanImport> {
  const { units: all, refs } = await importUnits(db, actor, communeId);
  const referenceYear = Number(clock.today().slice(0, 4));
  const reading = await parseInPool(() => pool.parseInspectionPlan({ data: file.data, fileName: file.fileName, mimeType: file.mimeType, units: refs, referenceYear }));
  const reviewedPlanId = await findReviewedPlan(db, communeId, reading.reformPlan.value?.number ?? null);
  const warnings: TInspectionPlanImport['warnings'] = [...reading.warnings];
  if (reading.reformPlan.value && reviewedPlanId === null) {
    const ref = reading.reformPlan.value;
    warnings.push({
      code: 'reform_plan_not_found',
      message: `Chưa có trong hệ thống kế hoạch cải cách hành chính được kiểm tra (${ref.kind}${ref.number ? ` số ${ref.number}` : ''}); vui lòng chọn kế hoạch tương ứng.`,
    });
  }
  const byId = new Map(all.map((u) => [u.id, u.name]));
  const { mapping, warnings: _read, ...fields } = reading;
  return {
    draft: { ...draftOf(reading, referenceYear, file.fileName), reviewedPlanId },
    reading: fields,
    targets: (mapping ?? []).map((m) => ({
      name: m.name,
      unitId: m.kind === 'unit' ? m.unitId : null,
      unitName: m.kind === 'unit' && m.unitId ? (byId.get(m.unitId) ?? null) : null,
    })),
    warnings,
  };
}
