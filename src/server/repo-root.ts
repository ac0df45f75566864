import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's folder (the first one up with a package.json). Files shipped beside the code
 * (drizzle/, fixtures/, dist/web) are found from it, because this module runs from src/ under tsx
 * and from a bundled chunk in dist/node in production: a fixed `../..` fits only one of them.
 */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Không tìm thấy thư mục gốc (package.json) phía trên ${start}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
