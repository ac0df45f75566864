/**
 * The one place the app learns the date. Communes live at UTC+7 with no daylight
 * saving, so "today" is the ISO date there, whatever the server's time zone.
 * The server passes the system clock to buildApp; the CLI and tests pass their own.
 */
export interface Clock {
  /** Today's ISO date (yyyy-mm-dd) in Asia/Ho_Chi_Minh. */
  today(): string;
  now(): Date;
}

const UTC_PLUS_7_MS = 7 * 3_600_000;

/** The ISO date of an instant in Vietnam (UTC+7): the day a stored timestamp belongs to. */
export const dateInVietnam = (instant: Date): string => new Date(instant.getTime() + UTC_PLUS_7_MS).toISOString().slice(0, 10);

export const systemClock: Clock = {
  today: () => dateInVietnam(new Date()),
  now: () => new Date(),
};

/** A clock stopped at 09:00 (UTC+7) of the given ISO date: for tests and reproducible CLI runs. */
export function fixedClock(today: string): Clock {
  const instant = new Date(`${today}T09:00:00+07:00`);
  if (Number.isNaN(instant.getTime())) throw new Error(`fixedClock: not an ISO date: ${today}`);
  return { today: () => today, now: () => new Date(instant) };
}
