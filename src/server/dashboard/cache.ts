/**
 * The commune dashboard's judged tasks, kept per commune for one date and one version of the commune.
 *
 * The version (commune_versions) moves in the writer's transaction with every write the dashboard shows:
 * tasks, checkpoints, plans, targets, units, assignees, names, inspections and their plans, teams and findings
 * (row triggers, migrations 0009, 0012, 0013 and inspection_versions),
 * and every commune's at once when the working-day calendar changes (calendar service). A request reads
 * the version with the commune (one statement); an entry is reused only while both the version and the
 * date are the same, so a write from another process, or plain SQL, shows at the next request.
 *
 * Memory: at most DASHBOARD_CACHE_COMMUNES communes per database handle, least recently used dropped first;
 * an entry holds the commune's plans, the calendar, and the loaded and judged tasks of the plans asked for
 * (about 40 tasks each, some tens of kB).
 */
import { LRUCache } from 'lru-cache';
import type { TTarget } from '../../contract';
import type { WorkingCalendar } from '../../domain/calendar';
import type { Db } from '../db';
import type { plans } from '../db/schema';
import type { InspectionData } from '../inspections/coverage';
import type { LoadedTask, TaskJudged } from '../tasks/read-model';

export const DASHBOARD_CACHE_COMMUNES = 500;

type PlanRow = typeof plans.$inferSelect;

export interface JudgedTask {
  task: LoadedTask;
  judgement: TaskJudged;
}

/** One plan's dashboard, before the actor is known: its tasks and the city's, judged, and what the plan shows besides. */
export interface PlanData {
  planTasks: JudgedTask[];
  cityTasks: JudgedTask[];
  targets: TTarget[];
  links: {
    previousPlan: { id: number; title: string; periodStart: string; periodEnd: string } | null;
    nextPlans: { id: number; title: string; periodStart: string; periodEnd: string }[];
  };
}

export interface CommuneEntry {
  version: number;
  asOf: string;
  /**
   * The commune's plans, the calendar and its inspection rows (before secrecy, which depends on the reader and
   * the clock's day: applied per request), loaded after the version was read (never older than it).
   */
  base: Promise<{ plans: PlanRow[]; calendar: WorkingCalendar; inspections: InspectionData }>;
  byPlan: Map<number, Promise<PlanData>>;
}

const caches = new WeakMap<Db, LRUCache<number, CommuneEntry>>();

function cacheOf(db: Db) {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache<number, CommuneEntry>({ max: DASHBOARD_CACHE_COMMUNES });
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The commune's entry for this version and date, made by `load` when there is none. Entries hold promises,
 * so concurrent requests share one load; a failed load is dropped, not kept.
 */
export function communeEntry(db: Db, communeId: number, version: number, asOf: string, load: () => CommuneEntry['base']): CommuneEntry {
  const cache = cacheOf(db);
  const hit = cache.get(communeId);
  if (hit && hit.version === version && hit.asOf === asOf) return hit;
  const entry: CommuneEntry = { version, asOf, base: load(), byPlan: new Map() };
  // A request that read an older version than the entry's (it raced a write) is served, but does not replace the newer entry.
  if (hit && hit.asOf === asOf && hit.version > version) return entry;
  entry.base.catch(() => cache.get(communeId) === entry && cache.delete(communeId));
  cache.set(communeId, entry);
  return entry;
}

/** One plan's judged tasks in the entry, made by `load` when not there yet. */
export function planData(entry: CommuneEntry, planId: number, load: () => Promise<PlanData>): Promise<PlanData> {
  const hit = entry.byPlan.get(planId);
  if (hit) return hit;
  const loading = load();
  loading.catch(() => entry.byPlan.get(planId) === loading && entry.byPlan.delete(planId));
  entry.byPlan.set(planId, loading);
  return loading;
}
