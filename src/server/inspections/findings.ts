/**
 * Findings to closure (seed 003 VI.3): the owner unit reports its fix with evidence, the team accepts
 * it or reopens it (with a new deadline), the leader or the managers may move a deadline or the owner.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { TFinding, TFindingListQuery, TFindingReviewInput, TFindingUpdate, TFixReportInput } from '../../contract';
import { translate } from '../../i18n';
import type { Actor } from '../access/actor';
import { ensure } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Clock } from '../clock';
import { requireCommune } from '../communes/service';
import type { Db } from '../db';
import { type FindingEventJson, inspectionFindings, inspections, units } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';
import { canSeeInspection, findingRights } from './access';
import { isOverdueFinding } from './coverage';
import { checkEvidence } from './evidence';
import { type FindingRow, type LoadedInspection, loadInspections } from './load';

type Commune = Awaited<ReturnType<typeof requireCommune>>;

function presentFinding(actor: Actor, commune: Commune, inspection: LoadedInspection, f: FindingRow, unitName: string, today: string): TFinding {
  return {
    id: f.id,
    communeId: f.communeId,
    inspectionId: f.inspectionId,
    checklistItemId: f.checklistItemId,
    areaCode: f.areaCode,
    title: f.title,
    request: f.request,
    ownerUnit: { id: f.ownerUnitId, name: unitName },
    deadline: f.deadline,
    status: f.status,
    overdue: isOverdueFinding(f, today),
    fixReport: f.fixReport,
    fixEvidence: f.fixEvidence,
    fixReportedOn: f.fixReportedOn,
    closedOn: f.closedOn,
    reInspectionId: f.reInspectionId,
    history: f.history.map(({ actorId: _a, ...e }) => e),
    version: f.version,
    can: findingRights(actor, commune, inspection.ref, f),
  };
}

async function unitNames(db: Db, communeId: number) {
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.communeId, communeId));
  return new Map(rows.map((u) => [u.id, u.name]));
}

export async function findingsOf(db: Db, clock: Clock, actor: Actor, commune: Commune, inspection: LoadedInspection): Promise<TFinding[]> {
  const rows = await db
    .select()
    .from(inspectionFindings)
    .where(and(eq(inspectionFindings.communeId, commune.id), eq(inspectionFindings.inspectionId, inspection.row.id)))
    .orderBy(asc(inspectionFindings.id));
  if (rows.length === 0) return [];
  const names = await unitNames(db, commune.id);
  return rows.map((f) => presentFinding(actor, commune, inspection, f, names.get(f.ownerUnitId) ?? '', clock.today()));
}

export async function listFindings(db: Db, clock: Clock, actor: Actor, communeId: number, query: TFindingListQuery): Promise<TFinding[]> {
  const commune = await requireCommune(db, actor, communeId);
  const today = clock.today();
  const loaded = (await loadInspections(db, commune.id)).filter((i) => canSeeInspection(actor, commune, i.ref, today) && i.findingsTotal > 0);
  if (loaded.length === 0) return [];
  const filters: SQL[] = [
    eq(inspectionFindings.communeId, commune.id),
    inArray(
      inspectionFindings.inspectionId,
      loaded.map((i) => i.row.id),
    ),
  ];
  if (query.unitId !== undefined) filters.push(eq(inspectionFindings.ownerUnitId, query.unitId));
  if (query.status !== undefined) filters.push(eq(inspectionFindings.status, query.status));
  const rows = await db
    .select()
    .from(inspectionFindings)
    .where(and(...filters))
    .orderBy(asc(inspectionFindings.deadline), asc(inspectionFindings.id));
  const byId = new Map(loaded.map((i) => [i.row.id, i]));
  const names = await unitNames(db, commune.id);
  return rows
    .filter((f) => query.year === undefined || Number((byId.get(f.inspectionId)?.row.visitDate ?? '').slice(0, 4)) === query.year)
    .map((f) => presentFinding(actor, commune, byId.get(f.inspectionId) as LoadedInspection, f, names.get(f.ownerUnitId) ?? '', today))
    .filter((f) => query.overdue === undefined || f.overdue === query.overdue);
}

async function requireFinding(db: Db, clock: Clock, actor: Actor, findingId: number) {
  const [finding] = await db.select().from(inspectionFindings).where(eq(inspectionFindings.id, findingId));
  if (!finding) throw notFound();
  const commune = await requireCommune(db, actor, finding.communeId);
  const [inspection] = await loadInspections(db, commune.id, eq(inspections.id, finding.inspectionId));
  if (!inspection || !canSeeInspection(actor, commune, inspection.ref, clock.today())) throw notFound();
  return { finding, commune, inspection };
}

export async function getFinding(db: Db, clock: Clock, actor: Actor, findingId: number): Promise<TFinding> {
  const { finding, commune, inspection } = await requireFinding(db, clock, actor, findingId);
  const names = await unitNames(db, commune.id);
  return presentFinding(actor, commune, inspection, finding, names.get(finding.ownerUnitId) ?? '', clock.today());
}

async function saveFinding(
  db: Db,
  clock: Clock,
  actor: Actor,
  finding: FindingRow,
  commune: Commune,
  change: Partial<FindingRow>,
  event: FindingEventJson,
  action: 'update' | 'report_fix' | 'accept' | 'reopen',
) {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(inspectionFindings)
      .set({ ...change, history: [...finding.history, event], version: finding.version + 1 })
      .where(and(eq(inspectionFindings.communeId, finding.communeId), eq(inspectionFindings.id, finding.id), eq(inspectionFindings.version, finding.version)))
      .returning({ id: inspectionFindings.id });
    if (updated.length === 0) throw new AppError('conflict');
    await recordAudit(tx, actor, {
      cityId: commune.cityId,
      communeId: commune.id,
      entity: 'inspection_finding',
      entityId: finding.id,
      action,
      before: { status: finding.status, deadline: finding.deadline },
      after: change,
    });
  });
  return getFinding(db, clock, actor, finding.id);
}

const eventOf = (actor: Actor, action: FindingEventJson['action'], comment: string | null): FindingEventJson => ({
  action,
  comment,
  at: new Date().toISOString(),
  actorId: actor.id,
  actorName: actor.fullName,
});

export async function updateFinding(db: Db, clock: Clock, actor: Actor, findingId: number, input: TFindingUpdate) {
  const { finding, commune, inspection } = await requireFinding(db, clock, actor, findingId);
  ensure(findingRights(actor, commune, inspection.ref, finding).canEdit);
  if (input.version !== finding.version) throw new AppError('conflict');
  if (input.ownerUnitId !== undefined) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.communeId, commune.id), eq(units.id, input.ownerUnitId)));
    if (!unit) throw invalid(translate('vi', 'inspection.error.unit'));
  }
  const change = { ...(input.deadline ? { deadline: input.deadline } : {}), ...(input.ownerUnitId ? { ownerUnitId: input.ownerUnitId } : {}) };
  return saveFinding(db, clock, actor, finding, commune, change, eventOf(actor, 'edited', null), 'update');
}

export async function reportFix(db: Db, clock: Clock, actor: Actor, findingId: number, input: TFixReportInput) {
  const { finding, commune, inspection } = await requireFinding(db, clock, actor, findingId);
  ensure(findingRights(actor, commune, inspection.ref, finding).canReportFix);
  if (input.version !== finding.version) throw new AppError('conflict');
  const evidence = input.evidence ?? { fileIds: [], taskIds: [], reportIds: [], links: [] };
  await checkEvidence(db, commune.id, evidence);
  const change = { status: 'fix_reported' as const, fixReport: input.text, fixEvidence: evidence, fixReportedOn: clock.today() };
  return saveFinding(db, clock, actor, finding, commune, change, eventOf(actor, 'fix_reported', input.text), 'report_fix');
}

export async function reviewFinding(db: Db, clock: Clock, actor: Actor, findingId: number, input: TFindingReviewInput) {
  const { finding, commune, inspection } = await requireFinding(db, clock, actor, findingId);
  ensure(findingRights(actor, commune, inspection.ref, finding).canReview);
  if (input.version !== finding.version) throw new AppError('conflict');
  const today = clock.today();
  if (input.decision === 'reopen') {
    if (!input.comment) throw invalid(translate('vi', 'inspection.error.reopen_comment'));
    if (input.deadline && input.deadline < today) throw invalid(translate('vi', 'inspection.error.deadline_past'));
    const change = { status: 'reopened' as const, ...(input.deadline ? { deadline: input.deadline } : {}) };
    return saveFinding(db, clock, actor, finding, commune, change, eventOf(actor, 'reopened', input.comment), 'reopen');
  }
  return saveFinding(db, clock, actor, finding, commune, { status: 'accepted', closedOn: today }, eventOf(actor, 'accepted', input.comment ?? null), 'accept');
}
