import { and, eq, inArray } from 'drizzle-orm';
import type { TEvidence } from '../../contract';
import { translate } from '../../i18n';
import type { DbOrTx } from '../db';
import { files, reports, tasks } from '../db/schema';
import { invalid } from '../errors';

/** Files and links must be the commune's own: a checklist cannot point into another commune. */
export async function checkEvidence(db: DbOrTx, communeId: number, evidence: TEvidence) {
  const checks: [typeof files | typeof reports | typeof tasks, number[]][] = [
    [files, evidence.fileIds],
    [tasks, evidence.taskIds],
    [reports, evidence.reportIds],
  ];
  for (const [table, ids] of checks) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) continue;
    const found = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.communeId, communeId), inArray(table.id, unique)));
    if (found.length !== unique.length) throw invalid(translate('vi', 'inspection.error.evidence'));
  }
}
