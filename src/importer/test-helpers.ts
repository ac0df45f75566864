/** Paths shared by the importer tests. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const IMPORT_FIXTURES = join(ROOT, 'fixtures/import');

export function seedPath(id: string): string {
  const dir = join(ROOT, 'fixtures/seeds');
  const name = readdirSync(dir).find((f) => f.startsWith(`${id}_`));
  if (!name) throw new Error(`seed ${id} missing`);
  return join(dir, name);
}
