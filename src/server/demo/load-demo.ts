/**
 * Loads the demo: the seeds' communes, units and plans (from the gold
 * extractions in fixtures/gold), one user per role, and progress reported
 * relative to today so the dashboard shows every status whenever it is run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type TPlanKind, type TTargetInput, ZArea } from '../../contract';
import { addDays, createCalendar, OFFICIAL_OVERRIDES } from '../../domain/calendar';
import { parseReportingRegime } from '../../domain/reports';
import { judgeTask } from '../../domain/status';
import { matchKey } from '../../domain/text/normalize';
import { parseTimeframe } from '../../domain/timeframe';
import { guessUnitKind, unitKey } from '../../importer';
import type { GoldTask } from '../../importer/accuracy';
import { insertDirective, timeframeOf } from '../city-directives/service';
import { fixedClock } from '../clock';
import type { Db, DbOrTx } from '../db';
import { amendmentProposals, cities, communes, planAmendments, plans, planVersions, taskHistory, taskOccurrenceCompletions, tasks, unitAliases, units, users } from '../db/schema';
import { settleAndClose } from '../plans/life';
import { insertPlan } from '../plans/service';
import { REPO_ROOT } from '../repo-root';
import { insertPlanPeriods } from '../reports/service';
import { insertTask } from '../tasks/commands';
import { insertUser } from '../users/service';
import { DEMO_CITY, DEMO_COMMUNES, DEMO_PASSWORD, DEMO_USERS, type DemoCommune } from './communes';
import { loadDemoInspections } from './inspections';

const GOLD_DIR = path.join(REPO_ROOT, 'fixtures/gold');

/** A gold extraction (fixtures/gold/README.md): the importer's accuracy is measured against the same files. */
interface GoldPlan {
  meta: { title: string; number: string | null; issuer: string | null; date: string | null; kind: TPlanKind; period: { start: string; end: string } };
  targets: TTargetInput[];
  tasks: GoldTask[];
}

/**
 * The catalogue's units with every alias stored under the one key (matchKey, unique per commune);
 * returns the importer's matching key (unitKey) → unit, which the plan's and the users' unit names are looked up by.
 */
async function createUnits(tx: DbOrTx, communeId: number, commune: DemoCommune) {
  const byKey = new Map<string, number>();
  const storedKeys = new Set<string>();
  for (const unit of commune.units) {
    const [created] = await tx
      .insert(units)
      .values({
        communeId,
        name: unit.name,
        nameKey: matchKey(unit.name),
        shortName: unit.shortName ?? null,
        kind: unit.kind ?? 'internal',
        isCoordinator: unit.isCoordinator ?? false,
      })
      .returning();
    for (const alias of [unit.name, ...unit.aliases]) {
      if (!byKey.has(unitKey(alias))) byKey.set(unitKey(alias), created.id);
      const aliasKey = matchKey(alias);
      if (storedKeys.has(aliasKey)) continue;
      storedKeys.add(aliasKey);
      await tx.insert(unitAliases).values({ communeId, unitId: created.id, alias, aliasKey });
    }
  }
  return byKey;
}

/** A unit for a name the plan uses; names the catalogue lacks become units of their own. */
async function unitFor(tx: DbOrTx, communeId: number, byKey: Map<string, number>, name: string): Promise<number> {
  const key = unitKey(name);
  const known = byKey.get(key);
  if (known) return known;
  const [created] = await tx
    .insert(units)
    .values({ communeId, name, nameKey: matchKey(name), kind: guessUnitKind(name) })
    .returning();
  // Same matchKey ⇒ same unitKey, so a name not found by unitKey has a stored key no row holds yet.
  await tx.insert(unitAliases).values({ communeId, unitId: created.id, alias: name, aliasKey: matchKey(name) });
  byKey.set(key, created.id);
  return created.id;
}

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
  fullName: string;
}

/** Loads the demo once; returns the logins, or null when the database already has data. */
/** `today` (from the caller's clock) dates the simulated progress and the city's tasks. */
export async function loadDemoData(db: Db, today: string): Promise<DemoLogin[] | null> {
  const existing = await db.select({ id: cities.id }).from(cities).limit(1);
  if (existing.length > 0) return null;
  await db.transaction(async (tx) => {
    const [city] = await tx.insert(cities).values(DEMO_CITY).returning();
    const communeIds = new Map<string, number>();
    const unitKeys = new Map<string, Map<string, number>>();
    for (const commune of DEMO_COMMUNES) {
      const [created] = await tx
        .insert(communes)
        .values({ cityId: city.id, name: commune.name, nameKey: matchKey(commune.name), kind: commune.kind, code: commune.code, codeKey: matchKey(commune.code) })
        .returning();
      communeIds.set(commune.code, created.id);
      unitKeys.set(commune.code, await createUnits(tx, created.id, commune));
    }
    for (const user of DEMO_USERS) {
      const communeId = user.commune ? (communeIds.get(user.commune) ?? null) : null;
      const unitId = user.commune && user.unit ? (unitKeys.get(user.commune)?.get(unitKey(user.unit)) ?? null) : null;
      await insertUser(tx, null, { ...user, cityId: city.id, communeId, unitId, password: DEMO_PASSWORD });
    }
    // Demo mail stays on this machine: the outbox, or the SMTP catcher of the tests.
    await tx.update(users).set({ email: sql`${users.username} || '@demo.cchc.local'` });
    for (const commune of DEMO_COMMUNES) {
      const communeId = communeIds.get(commune.code) as number;
      await loadPlan(tx, city.id, communeId, commune, unitKeys.get(commune.code) as Map<string, number>, today);
    }
    await amendTienLang(tx, city.id, communeIds.get('tien-lang') as number, unitKeys.get('tien-lang') as Map<string, number>, today);
    await loadCityTasks(tx, city.id, communeIds.get('tien-lang') as number, unitKeys.get('tien-lang') as Map<string, number>, today);
    await loadReportPeriods(tx, city.id);
    await loadDemoInspections(tx, communeIds, unitKeys, today);
    await loadCityDirective(tx, communeIds, today);
  });
  return DEMO_USERS.map((u) => ({ username: u.username, password: DEMO_PASSWORD, role: u.role, fullName: u.fullName }));
}

/** Every plan in force gets its report periods from its regime, so the reports screen has periods to show. */
async function loadReportPeriods(tx: DbOrTx, cityId: number) {
  const inForce = await tx.select().from(plans).where(eq(plans.status, 'issued')).orderBy(asc(plans.id));
  for (const plan of inForce) await insertPlanPeriods(tx, cityId, plan, parseReportingRegime(plan.reportingRegime).regime, 'bao-cao-cchc-dinh-ky');
}

const REPORTING = 'Các cơ quan, đơn vị gửi báo cáo trước ngày 05 của tháng cuối quý; báo cáo năm trước ngày 05/12.';

/**
 * The seed's plan as issued. A plan whose period ended before today was closed ten days after its
 * end with its final result, and the commune runs a plan for today's year modelled on it, carrying
 * over what was not done (linked both ways).
 */
async function loadPlan(tx: DbOrTx, cityId: number, communeId: number, commune: DemoCommune, byKey: Map<string, number>, today: string) {
  const gold = JSON.parse(readFileSync(path.join(GOLD_DIR, `${commune.plan}.json`), 'utf8')) as GoldPlan;
  const ended = gold.meta.period.end < today;
  const closedOn = ended ? minDate(addDays(gold.meta.period.end, 10), today) : null;
  const seedPlan = await issuedPlan(tx, cityId, communeId, gold, gold.meta, byKey, closedOn ?? today);
  if (!closedOn) return;
  const [row] = await tx.select().from(communes).where(eq(communes.id, communeId));
  await settleAndClose(tx, null, row, seedPlan.plan, closedOn, new Date(`${closedOn}T17:00:00+07:00`));
  const notDone = new Set(
    (
      await tx
        .select({ id: tasks.id, notDoneOn: tasks.notDoneOn })
        .from(tasks)
        .where(and(eq(tasks.communeId, communeId), eq(tasks.planId, seedPlan.plan.id)))
    )
      .filter((t) => t.notDoneOn !== null)
      .map((t) => t.id),
  );
  const year = Number(today.slice(0, 4));
  if (year <= Number(gold.meta.period.end.slice(0, 4))) return;
  const issueDate = minDate(`${year}-01-12`, today);
  const current = await issuedPlan(
    tx,
    cityId,
    communeId,
    gold,
    {
      ...gold.meta,
      kind: 'annual',
      title: `Kế hoạch cải cách hành chính năm ${year}`,
      number: '06/KH-UBND',
      date: issueDate,
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
    },
    byKey,
    today,
    { previousPlanId: seedPlan.plan.id, carriedFrom: seedPlan.taskIds.map((id) => (notDone.has(id) ? id : null)) },
  );
  return current;
}

async function issuedPlan(
  tx: DbOrTx,
  cityId: number,
  communeId: number,
  gold: GoldPlan,
  meta: GoldPlan['meta'],
  byKey: Map<string, number>,
  progressDay: string,
  carry?: { previousPlanId: number; carriedFrom: (number | null)[] },
) {
  // A seed whose number or date was left blank for the clerk is shown as the clerk filled it in.
  const number = meta.number && /^\d/.test(meta.number) ? meta.number : `${12 + communeId}/${meta.number?.replace(/^\//, '') || 'KH-UBND'}`;
  const issueDate = meta.date ?? meta.period.start;
  const plan = await insertPlan(tx, null, cityId, {
    communeId,
    kind: meta.kind,
    title: meta.title,
    number,
    issuer: meta.issuer,
    issueDate,
    signer: 'Nguyễn Văn Hùng',
    periodStart: meta.period.start,
    periodEnd: meta.period.end,
    status: 'issued',
    reportingRegime: REPORTING,
    targets: gold.targets,
  });
  if (carry)
    await tx
      .update(plans)
      .set({ previousPlanId: carry.previousPlanId })
      .where(and(eq(plans.communeId, communeId), eq(plans.id, plan.id)));
  await tx.insert(planVersions).values({ communeId, planId: plan.id, version: 1, inForceFrom: issueDate, documentNumber: number, documentDate: issueDate });
  // A plan modelled on last year's: the same work, its dates moved to this year.
  const thisYear = (text: string) => (carry ? text.replaceAll(gold.meta.period.end.slice(0, 4), meta.period.end.slice(0, 4)) : text);
  const reporter = await coordinatorOf(tx, communeId);
  const taskIds: number[] = [];
  for (const [position, task] of gold.tasks.entries()) {
    const lead: number[] = [];
    for (const name of task.lead) lead.push(await unitFor(tx, communeId, byKey, name));
    const coordinators: number[] = [];
    for (const name of task.coordinators) coordinators.push(await unitFor(tx, communeId, byKey, name));
    const created = await insertTask(
      tx,
      null,
      { communeId, planId: plan.id, origin: 'plan', sourceDocument: null, period: meta.period, position, carriedFromTaskId: carry?.carriedFrom[position] ?? null },
      {
        area: ZArea.parse(task.area),
        number: task.number,
        content: thisYear(task.content),
        leadUnitIds: [...new Set(lead)],
        coordinatorUnitIds: [...new Set(coordinators)].filter((id) => !lead.includes(id)),
        timeframeText: thisYear(task.timeframe.text),
        product: task.product,
      },
      cityId,
    );
    taskIds.push(created.id);
    if (reporter) await simulateProgress(tx, created, reporter, progressDay);
  }
  return { plan, taskIds };
}

/**
 * Tiên Lãng's plan as amended in the year (seed 004 says units propose changes and the UBND decides):
 * Công an xã adds a monthly report, Văn phòng moves a task a quarter later, one task is dropped.
 */
async function amendTienLang(tx: DbOrTx, cityId: number, communeId: number, byKey: Map<string, number>, today: string) {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.communeId, communeId), eq(plans.status, 'issued')))
    .limit(1);
  if (!plan?.issueDate) return;
  const decisionDate = minDate(maxDate(addDays(today, -45), addDays(plan.issueDate, 30)), today);
  if (decisionDate <= plan.issueDate || decisionDate > plan.periodEnd) return;
  const planTasks = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.communeId, communeId), eq(tasks.planId, plan.id)))
    .orderBy(asc(tasks.position));
  const byNumber = (n: number) => planTasks.find((t) => t.number === n);
  const moved = byNumber(8);
  const dropped = byNumber(37);
  const congAn = byKey.get(unitKey('Công an xã'));
  const vp = byKey.get(unitKey('Văn phòng HĐND và UBND')) as number;
  const [amendment] = await tx
    .insert(planAmendments)
    .values({
      communeId,
      planId: plan.id,
      title: 'Điều chỉnh Kế hoạch cải cách hành chính năm 2026 (lần 1)',
      status: 'decided',
      decisionNumber: '215/QĐ-UBND',
      decisionDate,
      version: 2,
    })
    .returning();
  const accepted = { communeId, planId: plan.id, amendmentId: amendment.id, status: 'accepted' as const };
  const added = await insertTask(
    tx,
    null,
    {
      communeId,
      planId: plan.id,
      origin: 'plan',
      sourceDocument: null,
      period: { start: plan.periodStart, end: plan.periodEnd },
      position: planTasks.length,
      activeFrom: decisionDate,
      addedOn: decisionDate,
    },
    {
      area: 1,
      number: null,
      content: 'Báo cáo tình hình an ninh, trật tự phục vụ cải cách hành chính trên địa bàn xã.',
      leadUnitIds: [congAn ?? vp],
      coordinatorUnitIds: [],
      timeframeText: 'Hằng tháng (trước ngày 25)',
      product: 'Báo cáo tháng',
    },
    cityId,
  );
  const change = { area: 1, content: added.content, leadUnitIds: [congAn ?? vp], timeframeText: added.timeframeText, product: added.product };
  await tx.insert(amendmentProposals).values({
    ...accepted,
    unitId: congAn ?? vp,
    kind: 'add_task',
    taskId: added.id,
    change,
    reason: 'Thực hiện chỉ đạo của UBND thành phố về báo cáo an ninh trật tự hằng tháng.',
  });
  if (moved) {
    const timeframeText = 'Tháng 12/2026';
    await tx
      .update(tasks)
      .set({ timeframeText, schedule: parseTimeframe(timeframeText, { start: plan.periodStart, end: plan.periodEnd }) })
      .where(and(eq(tasks.communeId, communeId), eq(tasks.id, moved.id)));
    await tx.insert(amendmentProposals).values({
      ...accepted,
      unitId: vp,
      kind: 'reschedule',
      taskId: moved.id,
      change: { timeframeText },
      before: { timeframeText: moved.timeframeText },
      reason: 'Chờ hướng dẫn của Sở Nội vụ.',
    });
  }
  if (dropped) {
    await tx
      .update(tasks)
      .set({ removedOn: decisionDate })
      .where(and(eq(tasks.communeId, communeId), eq(tasks.id, dropped.id)));
    await tx.insert(amendmentProposals).values({
      ...accepted,
      unitId: vp,
      kind: 'drop_task',
      taskId: dropped.id,
      change: {},
      before: { content: dropped.content },
      reason: 'Đã lồng ghép vào nhiệm vụ khác của kế hoạch.',
    });
  }
  await tx
    .insert(planVersions)
    .values({ communeId, planId: plan.id, version: 2, inForceFrom: decisionDate, documentNumber: '215/QĐ-UBND', documentDate: decisionDate, amendmentId: amendment.id });
  await tx
    .update(plans)
    .set({ version: 2 })
    .where(and(eq(plans.communeId, communeId), eq(plans.id, plan.id)));
}

/** Deterministic 0–9 from a task number, so the demo looks the same on every load. */
const spread = (n: number) => (n * 7 + 3) % 10;

/** Only the checkpoints are read from the judgement below, so the national calendar without local edits will do. */
const DEMO_DUE_SOON = { workingDays: 7, calendar: createCalendar(OFFICIAL_OVERRIDES) };

/**
 * Progress a real commune would show by today: most past deadlines met, some
 * late, some missed; work under way on what is still open.
 */
async function simulateProgress(tx: DbOrTx, task: typeof tasks.$inferSelect, reporter: number, today: string) {
  const period = { start: task.periodStart, end: task.periodEnd };
  const judgement = judgeTask({ schedule: task.schedule, dueOverride: null, progress: 0, doneAt: null, occurrenceCompletions: [], period, asOf: today, dueSoon: DEMO_DUE_SOON });
  const k = spread(task.number ?? task.id);
  const history = (kind: 'progress' | 'done', progress: number, at: string, occurrence: string | null = null) =>
    tx.insert(taskHistory).values({ communeId: task.communeId, taskId: task.id, userId: reporter, kind, progress, occurrence, at: new Date(`${at}T09:00:00+07:00`) });

  if (judgement.checkpoints.length > 1 || task.schedule.kind === 'continuous') {
    for (const [i, checkpoint] of judgement.checkpoints.entries()) {
      if (checkpoint.due >= today || (k + i) % 6 === 5) continue;
      const doneAt = (k + i) % 4 === 3 ? minDate(addDays(checkpoint.due, 3), today) : addDays(checkpoint.due, -2);
      await tx.insert(taskOccurrenceCompletions).values({ communeId: task.communeId, taskId: task.id, due: checkpoint.due, doneAt, userId: reporter });
      await history('done', 50, doneAt, checkpoint.due);
    }
    await tx.update(tasks).set({ progress: 50 }).where(eq(tasks.id, task.id));
    return;
  }
  const due = judgement.due;
  if (!due) {
    if (k < 5) await setProgress(tx, task.id, 30, null, history, minDate(today, period.end));
    return;
  }
  if (due < today) {
    if (k <= 5) return setProgress(tx, task.id, 100, maxDate(addDays(due, -k - 1), period.start), history, due);
    if (k <= 7) return setProgress(tx, task.id, 100, minDate(addDays(due, 4 + k), today), history, due);
    return setProgress(tx, task.id, 40 + k * 3, null, history, addDays(due, -10));
  }
  if (k <= 4) return setProgress(tx, task.id, 20 + k * 15, null, history, maxDate(addDays(today, -3), period.start));
  // Reported done by the unit yesterday: the coordinator has not confirmed it yet ("chờ xác nhận").
  if (k === 5 && today > period.start) return setProgress(tx, task.id, 100, addDays(today, -1), history, addDays(today, -1), 'pending');
}

async function setProgress(
  tx: DbOrTx,
  taskId: number,
  progress: number,
  doneAt: string | null,
  history: (kind: 'progress' | 'done', progress: number, at: string) => Promise<unknown>,
  reportedAt: string,
  confirmation: 'pending' | 'confirmed' | null = doneAt ? 'confirmed' : null,
) {
  await tx.update(tasks).set({ progress, doneAt, confirmation }).where(eq(tasks.id, taskId));
  await history(doneAt ? 'done' : 'progress', progress, doneAt ?? reportedAt);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** The commune's CCHC coordinator reports the demo's progress. */
async function coordinatorOf(tx: DbOrTx, communeId: number): Promise<number | null> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.communeId, communeId), eq(users.role, 'coordinator')))
    .limit(1);
  return row?.id ?? null;
}

/** Tasks the city assigned outside the plan, dated from today so every status shows. */
async function loadCityTasks(tx: DbOrTx, cityId: number, communeId: number, byKey: Map<string, number>, today: string) {
  const vp = byKey.get(unitKey('Văn phòng HĐND và UBND')) as number;
  const hcc = byKey.get(unitKey('Trung tâm Phục vụ hành chính công')) as number;
  const vhxh = byKey.get(unitKey('Phòng Văn hóa - Xã hội')) as number;
  const year = Number(today.slice(0, 4));
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const viDate = (iso: string) => iso.split('-').reverse().join('/');
  const items = [
    {
      area: 3,
      content: 'Báo cáo kết quả rà soát, cắt giảm thời gian giải quyết thủ tục hành chính lĩnh vực đất đai.',
      lead: [hcc],
      due: addDays(today, 4),
      source: 'Công văn số 1520/UBND-NC của UBND thành phố',
    },
    {
      area: 2,
      content: 'Báo cáo kết quả kiểm tra, rà soát văn bản quy phạm pháp luật do UBND xã ban hành.',
      lead: [vp],
      due: addDays(today, -12),
      source: 'Văn bản số 845/STP-KTVB của Sở Tư pháp',
    },
    {
      area: 1,
      content: 'Báo cáo tình hình triển khai Bộ chỉ số cải cách hành chính của thành phố.',
      lead: [vhxh],
      due: addDays(today, -20),
      source: 'Công văn số 2301/SNV-CCHC của Sở Nội vụ',
      done: addDays(today, -22),
    },
    {
      area: 7,
      content: 'Cập nhật dữ liệu cán bộ, công chức lên Cơ sở dữ liệu quốc gia về cán bộ, công chức.',
      lead: [vp],
      due: null,
      source: 'Kế hoạch số 96/KH-UBND của UBND thành phố',
    },
  ];
  for (const [position, item] of items.entries()) {
    const inYear = item.due === null || item.due.startsWith(String(year));
    const created = await insertTask(
      tx,
      null,
      { communeId, planId: null, origin: 'city_assigned', sourceDocument: item.source, period, position },
      {
        area: ZArea.parse(item.area),
        content: item.content,
        leadUnitIds: item.lead,
        coordinatorUnitIds: [],
        timeframeText: item.due && inYear ? `Trước ngày ${viDate(item.due)}` : 'Theo Văn bản của UBND thành phố',
        product: 'Báo cáo',
      },
      cityId,
    );
    if (item.done) await tx.update(tasks).set({ progress: 100, doneAt: item.done }).where(eq(tasks.id, created.id));
  }
}

/**
 * One directive of the city issued to the three communes, its deadline passed: Tiên Lãng reported on
 * time, Cẩm Giàng late, An Phong not yet — so the reviewer's directives page shows a roll-up.
 */
async function loadCityDirective(tx: DbOrTx, communeIds: Map<string, number>, today: string) {
  const [reviewer] = await tx.select().from(users).where(eq(users.username, 'sonoivu'));
  const issuedOn = addDays(today, -30);
  const input = {
    number: `${1800 + Number(issuedOn.slice(5, 7))}/SNV-CCHC`,
    issuedOn,
    area: ZArea.parse(1),
    content: 'Báo cáo kết quả thực hiện công tác cải cách hành chính và tự đánh giá, chấm điểm các tiêu chí Chỉ số CCHC của UBND xã/phường.',
    deadline: addDays(today, -5),
    product: 'Báo cáo kết quả và bảng tự chấm điểm kèm tài liệu kiểm chứng',
    communes: [...communeIds.values()],
  };
  const timeframe = timeframeOf(input, issuedOn) as { timeframeText: string; year: number };
  // Issued on its day: the notices and the task's start carry that date.
  const id = await insertDirective(tx, fixedClock(issuedOn), { ...reviewer, communeId: null, unitId: null }, input, input.communes, timeframe);
  const progress: [string, number, string | null][] = [
    ['tien-lang', 100, addDays(today, -8)],
    ['cam-giang', 100, addDays(today, -2)],
    ['an-phong', 60, null],
  ];
  for (const [code, value, doneAt] of progress) {
    await tx
      .update(tasks)
      .set({ progress: value, doneAt })
      .where(and(eq(tasks.directiveId, id), eq(tasks.communeId, communeIds.get(code) as number)));
  }
}
