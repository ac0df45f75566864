/** Placeholder until the flattened-table reader lands. */
import type { RawTask } from './table';
import type { ImportWarning } from './types';

export function readFlatTable(lines: string[]): { tasks: RawTask[]; warnings: ImportWarning[]; rows: string[][] } {
  return { tasks: [], warnings: [], rows: lines.map((l) => [l]) };
}
