/** `GET /api/tasks/mine`: the signed-in person's unit's open tasks, sorted into what needs doing now. */
import { z } from 'zod';
import { ZDate, ZIsoDate, ZUnitRef } from './common';
import { ZTask } from './tasks';
import { ZMyWorkSection } from './vocabulary';

export const ZMyWorkQuery = z.object({ asOf: ZIsoDate.optional() });

export const ZMyWork = z.object({
  asOf: ZDate,
  communeId: z.number(),
  /** The person's unit; null for commune staff outside a unit (they see what they are assigned). */
  unit: ZUnitRef.nullable(),
  /** Sunday of this week, and where "this month" ends (the next month's end in a week that reaches the month's end). */
  weekEnd: ZDate,
  monthEnd: ZDate,
  /** A task not reported for more than this many days waits for the unit's update. */
  staleReportDays: z.number(),
  /** The unit's open tasks (led, coordinated or assigned to the person), in table order. */
  tasks: z.array(ZTask),
  /** Each section's tasks, by id, in the order the page shows them. */
  sections: z.array(z.object({ key: ZMyWorkSection, taskIds: z.array(z.number()) })),
});
export type TMyWork = z.infer<typeof ZMyWork>;
