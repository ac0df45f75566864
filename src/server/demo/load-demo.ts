/**
 * Loads the demo: the seeds' communes, units and plans (from the gold
 * extractions in fixtures/gold), one user per role, and progress reported
 * relative to today so the dashboard shows every status whenever it is run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { type TPlanKind, type TTargetInput, ZArea } from '../../contract';
import { addDays, createCalendar, OFFICIAL_OVERRIDES } from '../../domain/calendar';
import { judgeTask } from '../../domain/status';
import { matchKey } from '../../domain/text/normalize';
import { guessUnitKind, unitKey } from '../../importer';
import type { GoldTask } from '../../importer/accuracy';
import type { Db, DbOrTx } from '../db';
import { cities, communes, taskHistory, taskOccurrenceCompletions, tasks, unitAliases, units, users } from '../db/schema';
import { insertPlan } from '../plans/service';
import { REPO_ROOT } from '../repo-root';
import { insertTask } from '../tasks/commands';
import { insertUser } from '../users/service';
import { DEMO_CITY, DEMO_COMMUNES, DEMO_PASSWORD, DEMO_USERS, type DemoCommune } from './communes';

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
    await loadCityTasks(tx, city.id, communeIds.get('tien-lang') as number, unitKeys.get('tien-lang') as Map<string, number>, today);
  });
  return DEMO_USERS.map((u) => ({ username: u.username, password: DEMO_PASSWORD, role: u.role, fullName: u.fullName }));
}

async function loadPlan(tx: DbOrTx, cityId: number, communeId: number, commune: DemoCommune, byKey: Map<string, number>, today: string) {
  const gold = JSON.parse(readFileSync(path.join(GOLD_DIR, `${commune.plan}.json`), 'utf8')) as GoldPlan;
  const plan = await insertPlan(tx, null, cityId, {
    communeId,
    kind: gold.meta.kind,
    title: gold.meta.title,
    number: gold.meta.number,
    issuer: gold.meta.issuer,
    issueDate: gold.meta.date,
    periodStart: gold.meta.period.start,
    periodEnd: gold.meta.period.end,
    status: 'issued',
    reportingRegime: 'Các cơ quan, đơn vị gửi báo cáo trước ngày 05 của tháng cuối quý; báo cáo năm trước ngày 05/12.',
    targets: gold.targets,
  });
  const reporter = await coordinatorOf(tx, communeId);
  for (const [position, task] of gold.tasks.entries()) {
    const lead: number[] = [];
    for (const name of task.lead) lead.push(await unitFor(tx, communeId, byKey, name));
    const coordinators: number[] = [];
    for (const name of task.coordinators) coordinators.push(await unitFor(tx, communeId, byKey, name));
    const created = await insertTask(
      tx,
      null,
      { communeId, planId: plan.id, origin: 'plan', sourceDocument: null, period: gold.meta.period, position },
      {
        area: ZArea.parse(task.area),
        number: task.number,
        content: task.content,
        leadUnitIds: [...new Set(lead)],
        coordinatorUnitIds: [...new Set(coordinators)].filter((id) => !lead.includes(id)),
        timeframeText: task.timeframe.text,
        product: task.product,
      },
      cityId,
    );
    if (reporter) await simulateProgress(tx, created, reporter, today);
  }
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
  if (k === 5 && today > period.start) return setProgress(tx, task.id, 100, addDays(today, -1), history, addDays(today, -1));
}

async function setProgress(
  tx: DbOrTx,
  taskId: number,
  progress: number,
  doneAt: string | null,
  history: (kind: 'progress' | 'done', progress: number, at: string) => Promise<unknown>,
  reportedAt: string,
) {
  await tx.update(tasks).set({ progress, doneAt }).where(eq(tasks.id, taskId));
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
