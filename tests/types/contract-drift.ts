/**
 * Type-level proof that the server and the web app cannot drift apart across HTTP (checked by
 * `tsc -p tsconfig.json`, never run). Both sides are bound to the same zod schema in src/contract:
 * the server's presenters must produce what the route's response schema accepts (fastify's zod type
 * provider checks every handler's return too), and the web app reads the `T…` type inferred from it.
 * Each `@ts-expect-error` below is a disagreement tsc must refuse; if tsc ever accepted one, the
 * directive itself would fail the typecheck.
 */
import { expectTypeOf } from 'vitest';
import type { z } from 'zod';
import type { TCommune, TTask, TTaskDetail, TUnit, ZCommune, ZPlanSummary, ZTask, ZTaskDetail, ZUnit } from '../../src/contract';
import type { filterTasks } from '../../src/contract/task-filter';
import type { listCommunes } from '../../src/server/communes/service';
import type { presentPlanSummary } from '../../src/server/plans/service';
import type { getTaskDetail, presentTask } from '../../src/server/tasks/read-model';
import type { listUnits } from '../../src/server/units/service';

type Served<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

// The server side: what the presenters build fits the schema the routes declare.
expectTypeOf<ReturnType<typeof presentTask>>().toExtend<z.input<typeof ZTask>>();
expectTypeOf<Served<typeof getTaskDetail>>().toExtend<z.input<typeof ZTaskDetail>>();
expectTypeOf<ReturnType<typeof presentPlanSummary>>().toExtend<z.input<typeof ZPlanSummary>>();
expectTypeOf<Served<typeof listCommunes>[number]>().toExtend<z.input<typeof ZCommune>>();
expectTypeOf<Served<typeof listUnits>[number]>().toExtend<z.input<typeof ZUnit>>();

// A presenter that renamed a field (nextDue → nextDeadline) no longer satisfies its route.
type RenamedPresenter = Omit<ReturnType<typeof presentTask>, 'nextDue'> & { nextDeadline: string | null };
// @ts-expect-error the route declares `nextDue`; a server sending `nextDeadline` is refused by tsc
expectTypeOf<RenamedPresenter>().toExtend<z.input<typeof ZTask>>();

// A presenter that forgot the rights the web app relies on.
type WithoutRights = Omit<Served<typeof listUnits>[number], 'canEdit'>;
// @ts-expect-error units carry `canEdit`; a server leaving it out is refused by tsc
expectTypeOf<WithoutRights>().toExtend<z.input<typeof ZUnit>>();

// The web side: the app reads the inferred types, so a field the server does not send cannot be read.
export function webReads(task: TTaskDetail, commune: TCommune, unit: TUnit): unknown[] {
  return [
    task.checkpoints,
    // @ts-expect-error the server sends `checkpoints`; the app's old hand copy guessed `occurrences`
    task.occurrences,
    commune.canImport,
    // @ts-expect-error rights come as `can…` flags, never as a role the app would interpret
    commune.role,
    unit.aliases,
    // @ts-expect-error a unit's name is `name`, not `title`
    unit.title,
  ];
}

// A status the server never judges cannot be compared against.
export function isLate(task: TTask): boolean {
  // @ts-expect-error 'late' is not a status; the vocabulary is `qua_han`
  return task.status === 'late';
}

// The filter the server and the web share keeps the element type it is given.
expectTypeOf<ReturnType<typeof filterTasks<TTaskDetail>>>().toEqualTypeOf<TTaskDetail[]>();
