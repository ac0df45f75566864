/**
 * The database, account and demo modules the CLI's database commands use, loaded by main.ts only when
 * such a command runs: a pure command (inspection-dates, timeframe, indicators) then starts without pg,
 * Drizzle, argon2 or the password dictionaries.
 */
export { eq } from 'drizzle-orm';
export { passwordProblem } from '../server/auth/password-policy';
export { readConfig } from '../server/config';
export { openDatabase } from '../server/db/open';
export { cities, communes, users } from '../server/db/schema';
export { loadDemoData } from '../server/demo/load-demo';
export { unitRefsOfCommune } from '../server/units/service';
export { insertUser, setPassword } from '../server/users/service';
