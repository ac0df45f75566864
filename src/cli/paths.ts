import { resolve } from 'node:path';

/**
 * A path the user typed, resolved from where they typed it: `npm run` moves to the
 * package folder but keeps the caller's folder in INIT_CWD.
 */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
