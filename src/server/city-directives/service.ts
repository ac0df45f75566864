/**
 * City directives (issue 11): the city enters a document giving a task once, and each chosen commune
 * gets its own city-assigned task (tasks.directive_id), outside any plan — where the commune already
 * finds the city's tasks (its "Nhiệm vụ thành phố giao" list, its dashboard, the city overview).
 * Each task is judged by the commune's usual rules; the directive's page rolls them up.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { TCityDirective, TCityDirectiveDetail, TCityDirectiveInput, TCityDirectiveList, TCityDirectiveUpdate, TDirectiveCommune, TDirectiveTargets } from '../../contract';
import type { WorkingCalendar } from '../../domain/calendar';
import { roundOneDecimal } from '../../domain/status';
import { parseTimeframe } from '../../domain/timeframe';
import { formatVietnameseDate } from '../../domain/timeframe/dates';
import { translate } from '../../i18n';
import type { Actor } from '../access/actor';
import { canIssueCityDirective, canSeeCityOverview, ensure } from '../access/policy';
import { type AuditEntry, recordAudit, recordAudits } from '../audit/service';
import { loadCalendar } from '../calendar/service';
import { countCityAssigned } from '../city/service';
import type { Clock } from '../clock';
import type { Db, DbOrTx } from '../db';
import { cityDirectives, communes, taskHistory, tasks, taskUnits, units } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';
import { communeAnswerers, sendImmediateNotices } from '../reminders/notices';
import { anyOf, dueSoonOf, judge, loadDirectiveTasks } from '../tasks/read-model';

type DirectiveRow = typeof cityDirectives.$inferSelect;
type DirectiveTask = Awaited<ReturnType<typeof loadDirectiveTasks>>[number];

const periodOf = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/**
 * The time frame as the tasks carry it: a deadline given as a day is written the way the plans write
 * one ("Trước ngày 30/06/2026"), so the same parser and judge read it. The tasks belong to the year
 * of that deadline, or of the document when the time frame is words.
 */
export function timeframeOf(input: { deadline?: string; timeframeText?: string }, issuedOn: string): { timeframeText: string; year: number } | null {
  if (input.deadline !== undefined) return { timeframeText: `Trước ngày ${formatVietnameseDate(input.deadline)}`, year: Number(input.deadline.slice(0, 4)) };
  if (input.timeframeText !== undefined) return { timeframeText: input.timeframeText, year: Number(issuedOn.slice(0, 4)) };
  return null;
}

/** What each commune's task takes from the directive. */
function taskFields(d: Pick<DirectiveRow, 'number' | 'issuedOn' | 'area' | 'content' | 'timeframeText' | 'product' | 'year'>) {
  const period = periodOf(d.year);
  return {
    area: d.area,
    content: d.content,
    timeframeText: d.timeframeText,
    schedule: parseTimeframe(d.timeframeText, period),
    product: d.product,
    sourceDocument: translate('vi', 'directive.source', { number: d.number, date: formatVietnameseDate(d.issuedOn) }),
    periodStart: period.start,
    periodEnd: period.end,
  };
}

/** The communes of the actor's city the directive goes to; a commune of another city is not found. */
async function targetCommunes(db: Db, actor: Actor, targets: TDirectiveTargets): Promise<number[]> {
  const ids = targets === 'all' ? null : [...new Set(targets)];
  const rows = await db
    .select({ id: communes.id })
    .from(communes)
    .where(and(eq(communes.cityId, actor.cityId), ids === null ? undefined : anyOf(communes.id, ids)))
    .orderBy(asc(communes.id));
  if (ids !== null && rows.length !== ids.length) throw notFound();
  if (rows.length === 0) throw invalid(translate('vi', 'directive.error.noCommunes'));
  return rows.map((r) => r.id);
}

/**
 * One task per commune not yet given the directive, in a handful of statements whatever the count:
 * led by the commune's CCHC coordinating unit (Phòng VH-XH), whom the city's tasks reach first; the
 * commune's coordinator may hand it to another unit.
 */
async function giveToCommunes(tx: DbOrTx, clock: Clock, actor: Actor, d: DirectiveRow, communeIds: number[]): Promise<CommuneTask[]> {
  const already = await tx
    .select({ communeId: tasks.communeId })
    .from(tasks)
    .where(and(eq(tasks.directiveId, d.id), anyOf(tasks.communeId, communeIds)));
  const taken = new Set(already.map((r) => r.communeId));
  const fresh = communeIds.filter((id) => !taken.has(id));
  if (fresh.length === 0) return [];
  const coordinating = await tx
    .select({ communeId: units.communeId, id: units.id })
    .from(units)
    .where(and(anyOf(units.communeId, fresh), eq(units.isCoordinator, true), eq(units.active, true)))
    .orderBy(asc(units.id));
  const leadOf = new Map<number, number>();
  for (const u of coordinating) if (!leadOf.has(u.communeId)) leadOf.set(u.communeId, u.id);
  const fields = taskFields(d);
  const today = clock.today();
  // Given in the middle of its year: the checkpoints before today were never owed (as a city task entered by hand).
  const activeFrom = today > fields.periodStart && today <= fields.periodEnd ? today : null;
  const created = await tx
    .insert(tasks)
    .values(fresh.map((communeId) => ({ communeId, planId: null, origin: 'city_assigned' as const, directiveId: d.id, position: 0, activeFrom, ...fields })))
    .returning({ id: tasks.id, communeId: tasks.communeId });
  const leads = created.flatMap((t) => {
    const unitId = leadOf.get(t.communeId);
    return unitId === undefined ? [] : [{ communeId: t.communeId, taskId: t.id, unitId, role: 'lead' as const, position: 0 }];
  });
  if (leads.length > 0) await tx.insert(taskUnits).values(leads);
  await tx.insert(taskHistory).values(created.map((t) => ({ communeId: t.communeId, taskId: t.id, userId: actor.id, kind: 'created' as const })));
  await recordAudits(
    tx,
    actor,
    created.map(
      (t): AuditEntry => ({
        cityId: d.cityId,
        communeId: t.communeId,
        entity: 'task',
        entityId: t.id,
        action: 'create',
        after: { directiveId: d.id, ...fields, leadUnitIds: leads.filter((l) => l.taskId === t.id).map((l) => l.unitId) },
      }),
    ),
  );
  await announce(tx, clock, d, created, 'given');
  return created;
}

type CommuneTask = { id: number; communeId: number };

/**
 * Tells each commune's coordinators and leaders that the directive reached them, or changed: in the
 * bell (opening the task) and by e-mail. One notice per task, day and person (the deliveries' key):
 * changes made the same day as an earlier notice are not announced again.
 */
async function announce(tx: DbOrTx, clock: Clock, d: DirectiveNotice, given: CommuneTask[], kind: 'given' | 'changed'): Promise<void> {
  if (given.length === 0) return;
  const answerers = await communeAnswerers(
    tx,
    given.map((t) => t.communeId),
  );
  const task = d.content.length > 120 ? `${d.content.slice(0, 117)}…` : d.content;
  const params = {
    task,
    source: translate('vi', 'directive.source', { number: d.number, date: formatVietnameseDate(d.issuedOn) }),
    timeframe: d.timeframeText,
    product: d.product ? translate('vi', 'notify.city_directive.product', { product: d.product }) : '',
  };
  const title = translate('vi', kind === 'given' ? 'notify.city_directive.title' : 'notify.city_directive.title_changed', params);
  const body = translate('vi', kind === 'given' ? 'notify.city_directive.body' : 'notify.city_directive.body_changed', params);
  await sendImmediateNotices(
    tx,
    given.map((t) => ({
      communeId: t.communeId,
      rule: 'city_directive' as const,
      taskId: t.id,
      occurrenceDue: clock.today(),
      recipientIds: answerers.get(t.communeId) ?? [],
      title,
      body,
    })),
  );
}

type DirectiveNotice = Pick<DirectiveRow, 'number' | 'issuedOn' | 'content' | 'timeframeText' | 'product'>;

async function requireDirective(db: DbOrTx, actor: Actor, id: number): Promise<DirectiveRow> {
  const [row] = await db
    .select()
    .from(cityDirectives)
    .where(and(eq(cityDirectives.id, id), eq(cityDirectives.cityId, actor.cityId)));
  if (!row) throw notFound();
  return row;
}

/** Writes the directive and each commune's task (and tells each commune) in the caller's transaction; the demo loads one this way. */
export async function insertDirective(
  tx: DbOrTx,
  clock: Clock,
  actor: Actor,
  input: TCityDirectiveInput,
  communeIds: number[],
  timeframe: { timeframeText: string; year: number },
): Promise<number> {
  const [d] = await tx
    .insert(cityDirectives)
    .values({
      cityId: actor.cityId,
      number: input.number,
      issuedOn: input.issuedOn,
      area: input.area,
      content: input.content,
      product: input.product ?? '',
      ...timeframe,
      createdBy: actor.id,
    })
    .returning();
  await recordAudit(tx, actor, { cityId: actor.cityId, communeId: null, entity: 'city_directive', entityId: d.id, action: 'create', after: { ...input, communes: communeIds } });
  await giveToCommunes(tx, clock, actor, d, communeIds);
  return d.id;
}

export async function createDirective(db: Db, clock: Clock, actor: Actor, input: TCityDirectiveInput): Promise<TCityDirectiveDetail> {
  ensure(canIssueCityDirective(actor));
  const communeIds = await targetCommunes(db, actor, input.communes);
  const timeframe = timeframeOf(input, input.issuedOn);
  if (!timeframe) throw invalid('Nhập hạn hoàn thành hoặc thời gian thực hiện (một trong hai)');
  const id = await db.transaction((tx) => insertDirective(tx, clock, actor, input, communeIds, timeframe));
  return getDirective(db, actor, id, clock.today());
}

/** Gives the directive to more communes (all, or chosen); communes that already have it keep their task. */
export async function addDirectiveCommunes(db: Db, clock: Clock, actor: Actor, id: number, targets: TDirectiveTargets): Promise<TCityDirectiveDetail> {
  ensure(canIssueCityDirective(actor));
  const d = await requireDirective(db, actor, id);
  const communeIds = await targetCommunes(db, actor, targets);
  await db.transaction(async (tx) => {
    const added = await giveToCommunes(tx, clock, actor, d, communeIds);
    if (added.length > 0)
      await recordAudit(tx, actor, { cityId: d.cityId, communeId: null, entity: 'city_directive', entityId: d.id, action: 'update', after: { communes: communeIds } });
  });
  return getDirective(db, actor, id, clock.today());
}

/**
 * Changes the directive, and every commune's task with it in the same transaction (content, area,
 * time frame and its schedule, product, source): a new deadline reaches every commune at once, and
 * each task is judged against it — a task done before the new deadline is on time.
 */
export async function updateDirective(db: Db, clock: Clock, actor: Actor, id: number, input: TCityDirectiveUpdate): Promise<TCityDirectiveDetail> {
  ensure(canIssueCityDirective(actor));
  const d = await requireDirective(db, actor, id);
  if (d.version !== input.version) throw new AppError('conflict');
  const issuedOn = input.issuedOn ?? d.issuedOn;
  const timeframe = timeframeOf(input, issuedOn) ?? { timeframeText: d.timeframeText, year: d.year };
  const next = {
    number: input.number ?? d.number,
    issuedOn,
    area: input.area ?? d.area,
    content: input.content ?? d.content,
    product: input.product ?? d.product,
    ...timeframe,
  };
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(cityDirectives)
      .set({ ...next, version: d.version + 1, updatedAt: clock.now() })
      .where(and(eq(cityDirectives.id, id), eq(cityDirectives.version, input.version)))
      .returning({ id: cityDirectives.id });
    if (updated.length === 0) throw new AppError('conflict');
    const fields = taskFields(next);
    const changed = await tx
      .update(tasks)
      .set({ ...fields, version: sql`${tasks.version} + 1`, updatedAt: clock.now() })
      .where(eq(tasks.directiveId, id))
      .returning({ id: tasks.id, communeId: tasks.communeId });
    if (changed.length > 0) {
      await tx.insert(taskHistory).values(changed.map((t) => ({ communeId: t.communeId, taskId: t.id, userId: actor.id, kind: 'edited' as const })));
    }
    const before = taskFields(d);
    await recordAudit(tx, actor, { cityId: d.cityId, communeId: null, entity: 'city_directive', entityId: id, action: 'update', before: d, after: next });
    await recordAudits(
      tx,
      actor,
      changed.map((t): AuditEntry => ({ cityId: d.cityId, communeId: t.communeId, entity: 'task', entityId: t.id, action: 'update', before, after: fields })),
    );
    // Only what the commune acts on is announced: the content, the time frame, the product.
    if (next.content !== d.content || next.timeframeText !== d.timeframeText || next.product !== d.product) await announce(tx, clock, next, changed, 'changed');
  });
  return getDirective(db, actor, id, clock.today());
}

type CommuneOfTask = { id: number; name: string; dueSoonDays: number };

function judgeRow(task: DirectiveTask, commune: CommuneOfTask, asOf: string, calendar: WorkingCalendar): TDirectiveCommune {
  const j = judge(task, asOf, dueSoonOf(commune, calendar));
  return {
    communeId: commune.id,
    communeName: commune.name,
    taskId: task.row.id,
    status: j.status,
    due: j.due,
    daysLate: j.daysLate,
    progress: task.row.progress,
    doneAt: task.row.doneAt,
    evidenceFileId: task.evidence.fileId,
    evidenceLink: task.evidence.link,
    late: j.status === 'qua_han' || j.status === 'hoan_thanh_qua_han',
  };
}

function present(actor: Actor, d: DirectiveRow, rows: TDirectiveCommune[]): TCityDirective {
  const counts = countCityAssigned(rows.map((r) => r.status));
  return {
    id: d.id,
    number: d.number,
    issuedOn: d.issuedOn,
    area: d.area,
    content: d.content,
    timeframeText: d.timeframeText,
    product: d.product,
    year: d.year,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    counts,
    onTimeRate: counts.total === 0 ? 0 : roundOneDecimal((counts.onTime * 100) / counts.total),
    canEdit: canIssueCityDirective(actor),
  };
}

/** The directives' tasks judged at asOf, by directive, each row named by its commune. */
async function judgedRows(db: Db, directiveIds: number[], asOf: string): Promise<Map<number, TDirectiveCommune[]>> {
  const loaded = await loadDirectiveTasks(db, directiveIds);
  const communeIds = [...new Set(loaded.map((t) => t.row.communeId))];
  const [communeRows, calendar] = await Promise.all([
    communeIds.length === 0
      ? Promise.resolve([])
      : db.select({ id: communes.id, name: communes.name, dueSoonDays: communes.dueSoonDays }).from(communes).where(anyOf(communes.id, communeIds)),
    loadCalendar(db),
  ]);
  const communeOf = new Map(communeRows.map((c) => [c.id, c]));
  const out = new Map<number, TDirectiveCommune[]>(directiveIds.map((id) => [id, []]));
  for (const task of loaded) {
    const commune = communeOf.get(task.row.communeId);
    if (commune) out.get(task.directiveId)?.push(judgeRow(task, commune, asOf, calendar));
  }
  for (const rows of out.values()) rows.sort((a, b) => a.communeName.localeCompare(b.communeName, 'vi'));
  return out;
}

/** One directive and every commune's task: status, deadline, evidence; the roll-up. The city only. */
export async function getDirective(db: Db, actor: Actor, id: number, asOf: string): Promise<TCityDirectiveDetail> {
  ensure(canSeeCityOverview(actor));
  const d = await requireDirective(db, actor, id);
  const rows = (await judgedRows(db, [id], asOf)).get(id) ?? [];
  return { ...present(actor, d, rows), asOf, communes: rows };
}

/** The city's directives, newest first, each with its roll-up. */
export async function listDirectives(db: Db, actor: Actor, asOf: string): Promise<TCityDirectiveList> {
  ensure(canSeeCityOverview(actor));
  const directives = await db.select().from(cityDirectives).where(eq(cityDirectives.cityId, actor.cityId)).orderBy(desc(cityDirectives.issuedOn), desc(cityDirectives.id));
  const rows = await judgedRows(
    db,
    directives.map((d) => d.id),
    asOf,
  );
  return { asOf, items: directives.map((d) => present(actor, d, rows.get(d.id) ?? [])) };
}
